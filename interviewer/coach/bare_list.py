"""A typed list of names: headers over bullets that each name a concept and claim nothing.

"Metrics / - North star metric / - CSAT, NPS / Validation / - A/B test, switchback" has the shape
of a structured answer, and its items may even be the right words for the question ("exposure
parity", "market-level randomisation"), but no item says what, how much, for whom or why: an
interviewer reads a glossary, not an answer. A bullet commits when it is a claim: a number, a
reason, a decision, or a sentence long enough to say something ("Resolution: per intent, share
of chats with no call within 48 hours"). A list whose items are mostly bare names is recited.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from interviewer.coach.spoken_run import joining_share
from interviewer.coach.units import Unit

BARE_WORDS = 5
"""A bullet this short with no number, reason or decision names something and claims nothing."""
LIST_ITEMS = 6
BARE_SHARE = 0.7
NAMES_ONLY_CAP = 1.5
"""As a recitation (`analysis.RECITATION_CAP`): the list names concepts, it applies none."""


NAMED_ITEM_WORDS = 4
LABELLED_SENTENCES = 3
_FIGURE = re.compile(r"(?<![\w@])\d")
"""A figure stands alone ("under 300 ms", "5%"); the digits of a name ("nDCG@10", "p95") are
part of the name."""
_ITEMS = re.compile(r",|;|\bvs\.?|\bversus\b|\band\b", re.IGNORECASE)


def _bare(u: Unit) -> bool:
    return (len(u.piece.text.split()) <= BARE_WORDS + 1  # the bullet mark counts as a word
            and not (u.number or u.reason or u.decision)) or _labelled_names(u)


def _labelled_names(u: Unit) -> bool:
    """"- Parts and tools: accuracy, precision, recall": a label over two or more names of a
    few words each, no number and no reason. The label makes it read as a decision; it is a
    glossary entry, however long the line."""
    _label, colon, body = u.piece.text.partition(":")
    if not colon or u.reason or _FIGURE.search(u.piece.text):
        return False
    items = [i.strip(" .-") for i in _ITEMS.split(body) if i.strip(" .-")]
    return len(items) >= 2 and all(len(i.split()) <= NAMED_ITEM_WORDS for i in items)


def names_only(units_: Sequence[Unit]) -> bool:
    """Six bullets or more, at least 70% of them bare names; or an answer at least 70% made of
    three or more labelled runs of names, bulleted or not."""
    items = [u for u in units_ if u.piece.bullet]
    if len(items) >= LIST_ITEMS and sum(map(_bare, items)) >= BARE_SHARE * len(items):
        return True
    # The same glossary typed as sentences: "Offline metrics: nDCG@10, MRR, recall@k. Online
    # metrics: CTR, abandonment, DAU. Guardrails: p95 latency, cost per query."
    labelled = sum(map(_labelled_names, units_))
    return labelled >= LABELLED_SENTENCES and labelled >= BARE_SHARE * len(units_)


GLOSSARY_JOINING = 0.2
"""Under one word in five joining the others, an answer names things and says nothing of them."""
GLOSSARY_CAP = 1.0


def says_nothing(text: str) -> bool:
    """A recited answer that is a list of names, not sentences: the bottom of the scale.

    Interviewers grade a recital told in sentences ("first I'd clarify the goal, then define a
    north star and guardrails, then run an A/B test") at 1.5: generic as it is, it says what
    would be done, in order. A list of names ("north star, guardrails, A/B test, holdout, ROI")
    says nothing about any of them, and stays at 1.0 whatever its items are: the rubric's words,
    the product's nouns glued on ("A/B test on bus crowding"), or the domain's own jargon. Its
    mark is the missing grammar of a claim: hardly a "we", "the", "if", "because" or "would",
    however it is laid out (commas, bullets, headers, or said aloud without a pause). Read
    only on an answer the reading already calls a recitation: terse notes that make claims have
    few joining words too."""
    return joining_share(text) < GLOSSARY_JOINING
