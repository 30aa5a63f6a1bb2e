"""A prompt that lays out its options and asks which comes first is answered among those options.

"Our photo app wants to build albums automatically (trips, people, events). What would you ship
first?" asks the candidate to choose among trips, people and events. A polished plan that ships
something else first (search by what is in the photo) makes the ask's move, an order and a first
step, for another feature of the same product; an interviewer notices that it never names any of
the options laid out. An answer that picks one, ranks them, or sets them all aside names them.

Read narrowly: only a typed prompt (a bank question's outline has its own gates) that asks what
comes first and lists `MIN_OPTIONS` or more options in parentheses or after a colon or "the
ideas are"; any subject word of any option said anywhere in the answer is enough. Measured on the
dev split (893 answers): four typed prompts list options this way; it fires on five answers to
one of them (an off-question answer, a recitation, an injection and a padded one, all graded 2.0
or below) and on no other, and misses off-question answers that name an option in passing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from interviewer.banks import Question
from interviewer.coach.cues_asks import PROMPT_ASKS
from interviewer.coach.relevance import subject_terms

MIN_OPTIONS = 3
"""Fewer items are a pair of examples, not a menu to choose from."""
_LIST = re.compile(
    r"\(([^()]*,[^()]*)\)"  # "(trips, people, events)"
    r"|(?::|\b(?:ideas|options|candidates) (?:are|include))\s*([^.?:;]*,[^.?:;]*)[.?]",
    re.IGNORECASE)
MIN_NAMED = 2
"""...of them with a subject word of their own to look for."""
_SPLIT = re.compile(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", re.IGNORECASE)
_FIRST = dict(PROMPT_ASKS)["first-choice"]


def listed_options(prompt: str) -> list[str]:
    """The options a prompt lays out to choose from (empty: none, or too few to be a menu)."""
    m = _LIST.search(prompt)
    if m is None:
        return []
    body = next(g for g in m.groups() if g)
    options = [o.strip() for o in _SPLIT.split(body) if o.strip()]
    return options if len(options) >= MIN_OPTIONS else []


def names_no_option(question: Question, sentences: Sequence[str]) -> bool:
    """The typed prompt asks what comes first among options it lists, and the answer's own
    sentences never name any of them: it chose something else to do first."""
    if question.outline or not _FIRST.search(question.prompt):
        return False
    options = listed_options(question.prompt)
    if not options or not sentences:
        return False
    said = set(subject_terms(" ".join(sentences)))
    # An option said in words any answer uses ("people") is left out: it cannot tell.
    named = [terms for o in options if (terms := set(subject_terms(o)))]
    return len(named) >= MIN_NAMED and not any(terms & said for terms in named)
