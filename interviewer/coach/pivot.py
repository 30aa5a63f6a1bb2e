"""The opening names the asked feature only to set it aside for another one.

A polished answer to a neighbouring question often says so in its first sentence, in one
movement: the asked feature as the topic, a turn ("but", a semicolon, a dash), and a place the
candidate would rather spend the effort. "The X is useful context, but the lever I'd spend time
on is Y"; "X came up, but the bigger problem is ..."; "X is mostly a back-office job; the place
I'd put AI first is Y"; "X is one idea, but where AI helps more is Y"; "X is on the roadmap,
but the first thing I'd ship is Y". An interviewer hears at once that the candidate has changed
the question, however well they then argue Y, and the rest of the answer bears it out: the
asked feature's words seldom come back.

Read narrowly, because sending an on-question answer away costs far more than missing an
off-question one: only a typed question (a bank question's outline has its own gates); only
the first sentence; its opening clause must say a word of the prompt (the feature set aside)
and no call of the candidate's own ("I'd launch it, but only ...", "yes, but in phases": a
verdict on the asked feature, with its conditions); the turn must be followed by a construction
that places the effort elsewhere (`_REDIRECT`: "the lever I'd ...", "the bigger problem",
"I'd rather", "where AI helps more", "the first thing to ship"), not a qualifier ("rather than
all at once"); and at most `LATER_SHARE` of the following sentences, `LATER_MIN` or more of
them, come back to the set-aside words (an on-question answer that opens "Speeches are easy to
draft, but the bigger problem is tone" keeps talking about the speeches).
"""

from __future__ import annotations

import re

from interviewer.banks import Question
from interviewer.coach.text import split_sentences, stem, words

LATER_SHARE = 1 / 3
"""Share of the sentences after the opening that may return to the set-aside feature's words."""
LATER_MIN = 4
"""Sentences after the opening needed to tell: a short answer says too little."""

_I = re.IGNORECASE
_TURN = re.compile(r"^(?P<pre>[^.;:?!]{5,160}?)(?:,?\s+but\b|;|\s+[\u2014\u2013]\s+|\s+-\s+)"
                   r"(?P<post>.+)$", _I | re.S)
_WE = r"(?:i'd|i would|i'll|i will|we'd|we would|we should|i|we)"
_REDIRECT = re.compile(
    rf"\b(?:{_WE}\s+(?:much\s+)?rather\b|"
    r"(?:bigger|biggest|real|more important|better|greater|larger) (?:problem|opportunity|lever|"
    r"bet|win|question|gap|pain|prize)|"
    r"helps? (?:more|most)|matters? more|"
    r"(?:first|one) thing (?:to|i'd|i would|we'd|we should|worth)|"
    rf"\bthe (?:lever|place|part|area|bet|thing|question|problem|feature|product|spot|money) "
    rf"(?:{_WE}|where|that)\b)", _I)
_CALL = re.compile(rf"\b(?:{_WE}\s|my (?:answer|call|view|take)|yes|no|not yet|short answer)\b",
                   _I)
_FUNCTION = frozenset((
    "this", "that", "these", "those", "with", "from", "what", "which", "would", "could", "should",
    "will", "your", "their", "them", "they", "about", "into", "have", "more", "most", "each",
    "every", "does", "also", "only", "just", "like", "there", "here", "when", "where", "than",
    "then", "some", "much", "many", "very", "been", "being", "were", "wants", "want", "mostly",
    "really"))


def _stems(text: str) -> set[str]:
    """The prompt's words with only function words left out. Not `terms.subject_terms`, which
    `announced.py` uses: that drops the rubric's generic words, and a feature named in them
    ("day plans", "the plan") is still the feature set aside (measured: reading it so lets a
    dev answer to a neighbouring question, bd34-park-off-fastpass, through at 4.5, not 1.5)."""
    return {stem(w) for w in words(text) if len(w) > 3 and w not in _FUNCTION}


def pivots_away(question: Question, text: str) -> str:
    """The set-aside words when the opening turns from the asked feature to another place to
    spend the effort and the answer does not come back to them (empty: not)."""
    if question.outline:
        return ""
    sentences = [s.text.strip() for s in split_sentences(text)]
    if len(sentences) < 1 + LATER_MIN:
        return ""
    m = _TURN.search(sentences[0])
    if m is None or _CALL.search(m.group("pre")) or not _REDIRECT.search(m.group("post")):
        return ""
    set_aside = _stems(m.group("pre")) & _stems(question.prompt)
    if not set_aside:
        return ""  # the opening clause is not about the asked feature
    later = sentences[1:]
    back = sum(1 for s in later if _stems(s) & set_aside)
    return " ".join(sorted(set_aside)) if back <= LATER_SHARE * len(later) else ""
