"""A run of names said aloud: the spoken form of a comma-separated keyword list.

Typed, "uplift modeling, holdout, control group, A/B test, CLV, ROI" is a list, and the commas
show it (`units.keyword_run`). Said aloud and transcribed, the same run has no commas: "um okay
so churn propensity uplift modeling like incrementality holdout control group ab test um clv
ltv arpu margin roi". An interviewer hears names with nothing joining them: no "we", no "the",
no "if", no "because", no verb a sentence would need. A clause of ten words or more with no
punctuation inside, at most one joining word in ten, naming three or more of the rubric's
concept families, one for every five words, is such a run. A terse but real spoken clause is
left alone: "uh first time leisure travellers doing a multi city trip come later" names no
concept family, and the 40 words of "north star failed trips so someone opens the app at an
empty dock ... guardrails van hours cost per bike moved" name a few among the product's own.
"""

from __future__ import annotations

import re

from interviewer.coach.cues_concepts import FAMILIES
from interviewer.coach.text import words

MIN_WORDS = 10
JOINING_SHARE = 0.1
CONCEPTS = 3
WORDS_PER_CONCEPT = 5
_JOINING_WORDS = (
    "the a an to of for is are was were be been we i you it if would will that this these those "
    "on in with by because so but not than then when which who our my their they he she its at "
    "from as can should could do does don't i'd we'd it's there what how why where into about "
    "each every before after until while get gets make makes need needs want")
JOINING = frozenset(_JOINING_WORDS.split())
_FILLER = re.compile(r"\b(?:um+|uh+|er+|like|okay|yeah|so|you know)\b", re.IGNORECASE)
_INNER_PUNCTUATION = re.compile(r"[,;:()\-\u2013\u2014/]")


def joining_share(text: str) -> float:
    """Share of the words (fillers aside) that join others into statements: "we", "the", "if",
    "because", "would"... A list of names, typed or said, has hardly any."""
    said = words(_FILLER.sub(" ", text))
    return sum(1 for w in said if w in JOINING) / max(1, len(said))


def spoken_run(text: str) -> bool:
    """Ten or more names in one unpunctuated clause, hardly a joining word, a concept named
    for every five words (three at least)."""
    body = _FILLER.sub(" ", text).strip().rstrip(".?!")
    said = words(body)
    if len(said) < MIN_WORDS or _INNER_PUNCTUATION.search(body):
        return False
    if joining_share(body) > JOINING_SHARE:
        return False
    named = len({f.name for f in FAMILIES if f.pattern.search(body)})
    return named >= max(CONCEPTS, len(said) / WORDS_PER_CONCEPT)
