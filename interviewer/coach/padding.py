"""Padding: what makes a long answer sound substantive without adding a claim.

An interviewer hears four kinds of padding and credits none of them:
- filler: thanks and enthusiasm for the question or its space ("Thank you for the question",
  "311 apps are such an interesting space, because...", "AI has huge potential"): a "because"
  inside praise argues nothing about the product;
- the question handed back ("So the question is what we would ship first and how we would test
  it, for an AI feature in a 311 app..."): the prompt's own words, neither a framing of the
  problem nor a signpost of the answer's structure;
- the same claim said again ("I'd ship routing first because it is the core" ... "To sum up, I'd
  ship routing first because it is the core"): repetition is not depth, so a sentence that adds
  nothing beyond what earlier sentences and the prompt said counts once, where it was first said;
- the return named, not sized ("look at return on investment, or ROI", "track the ROI on a
  dashboard"): a name with no figure and no cost item is a word, not a business case.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from interviewer.coach.cues_vocabulary import ORG_WORDS, PROCESS_WORDS
from interviewer.coach.relevance import subject_terms
from interviewer.coach.text import stem

FILLER = re.compile(
    r"\b(?:thanks?(?: you)? for (?:the|this|that) question|"
    r"(?:that's|that is|what|this is) (?:a |such a )?(?:really )?(?:great|good|fantastic|"
    r"fascinating|interesting|wonderful) question|"
    r"i (?:really |just )?love (?:this|that|the) question|"
    r"question (?:really )?resonates|"
    r"(?:such|so) an? (?:interesting|important|exciting|fascinating|rich|meaningful) (?:space|area|"
    r"problem|question|topic|domain|opportunity|part|field)|"
    r"(?:so|such) (?:fascinating|exciting|interesting)(?: and|,|\.| to)|"
    r"(?:a |an )?(?:really |very |super |incredibly |hugely )?(?:exciting|fascinating) "
    r"(?:opportunity|space|area|problem|question|time)|"
    r"(?:huge|enormous|tremendous|incredible|massive) potential|"
    r"let me take a (?:moment|second|minute|step back)|"
    # the space's importance, in superlatives: "one of the most exciting changes in years"
    r"one of the (?:most|biggest|greatest|richest) [\w -]{0,40}?(?:of our (?:time|era)|"
    r"in (?:a generation|years|decades|history|(?:technology|tech|ai|the industry) today)|"
    r"(?:a|any|the|every)(?: [\w-]+){1,2} (?:has|have|can|will)|(?:available|today|ever|there is))|"
    r"(?:faster|more|bigger) than ever|(?:stakes|bar) could(?:n't| not) be higher|"
    r"i want to approach this thoughtfully)",
    re.IGNORECASE,
)
"""Praise of the question or its space, thanks, a pause announced."""

RESTATE = re.compile(
    r"\b(?:so |and )?(?:the question is|(?:let me |to )?restate|restating|"
    r"let me (?:frame|rephrase|reframe|repeat) (?:the|this) (?:question|problem)|"
    r"the question has (?:two|three) parts|in other words|"
    r"(?:so )?we(?:'re| are) (?:being )?asked|we want to know (?:how|whether|what|which))\b",
    re.IGNORECASE,
)
RESTATE_OWN_TERMS = 2
"""Terms beyond the prompt's a sentence marked as a restatement may add and still restate it."""
ECHO_PROMPT_TERMS, ECHO_OWN_TERMS = 5, 1
"""Unmarked: this many of the prompt's terms and at most this many of its own."""
FOLD = 6
REPEAT_MIN_TERMS, REPEAT_NEW_TERMS = 2, 0
"""Terms beyond earlier sentences' a claim said again may add: none (one new word in five
lowered a plain-English strong twin on the dev split, whose sentences share their nouns)."""

_TALK = ("really", "make", "makes", "sense", "valuable", "thoroughly", "carefully", "deliver",
         "delivering", "promise", "experience", "whole", "thing", "matter", "matters",
         "conclusion", "sum", "summarise", "summarize", "wrap", "essentially", "basically",
         "fundamentally", "ultimately", "truly", "terms", "everything", "else", "core",
         "foundation", "heart", "key", "critical", "crucial", "essential", "central",
         "fundamental", "backbone", "important", "come", "comes", "headline")
"""Words of talk about an answer ("it makes sense", "in terms of", "to sum up"), not of it."""
_PLAIN = frozenset(stem(w) for w in (*PROCESS_WORDS, *ORG_WORDS, *_TALK))


def own_terms(text: str, prompt_stems: frozenset[str]) -> frozenset[str]:
    """Terms the sentence brings beyond the prompt's and the words every answer uses."""
    return frozenset(t for t in subject_terms(text) if t not in prompt_stems and t not in _PLAIN)


def claim_terms(text: str) -> frozenset[str]:
    """What a sentence is about, for telling a claim said again: its subject's terms (the
    prompt's too: "I'd ship routing first" twice is one claim), stems folded to their first
    letters ("performs" and "performance" alike)."""
    return frozenset(t[:FOLD] for t in subject_terms(text) if t not in _PLAIN)


IMPORTANCE_OWN_TERMS = 1


def talk_only(terms: Iterable[str], known: frozenset[str]) -> bool:
    """At most one term beyond the known ones and the words of talk about an answer."""
    return sum(1 for t in set(terms) if t not in known and t not in _PLAIN) <= IMPORTANCE_OWN_TERMS


def is_filler(text: str) -> bool:
    return bool(FILLER.search(text))


def restates_question(text: str, prompt_stems: frozenset[str]) -> bool:
    """The prompt handed back: marked as such ("so the question is..."), or nearly all its words."""
    own = own_terms(text, prompt_stems)
    if RESTATE.search(text):
        return len(own) <= RESTATE_OWN_TERMS
    used = {t for t in subject_terms(text) if t in prompt_stems}
    return len(used) >= ECHO_PROMPT_TERMS and len(own) <= ECHO_OWN_TERMS


def repeats(terms: frozenset[str], earlier: Iterable[frozenset[str]]) -> bool:
    """Everything the sentence is about was already said: it says an earlier claim again."""
    if len(terms) < REPEAT_MIN_TERMS:
        return False  # "I'd rate it medium effort" after "...medium impact" rates another option
    said: set[str] = set().union(*earlier)
    return len(terms - said) <= REPEAT_NEW_TERMS


BARE_RETURN = re.compile(r"\b(?:roi|return on (?:the )?investment|payback|pays? for itself)\b",
                         re.IGNORECASE)
"""The return named: it counts as a business case only beside a figure or a cost item."""


def names_return_only(text: str, cost: re.Pattern[str], number: bool) -> bool:
    """The unit's only cost cue is the return's name, with no figure beside it."""
    named = len(BARE_RETURN.findall(text))
    return bool(named) and not number and len(cost.findall(text)) <= named


WHETHER = re.compile(r"\b(?:whether|if|know|see)\b[^.;,]{0,40}$", re.IGNORECASE)
""""...we can see whether the system is worth it" asks the question; it takes no side."""


def asks_worth(family: str, text: str, match: re.Match[str]) -> bool:
    """A verdict's words ("worth it", "pays for itself") inside a question about it."""
    return (family == "side-taken" and match.group(0).lower().startswith(("worth", "pays"))
            and bool(WHETHER.search(text[:match.start()])))
