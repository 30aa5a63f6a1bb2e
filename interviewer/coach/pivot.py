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

The same turn may come one sentence later, after a quick answer to the question: "At that price,
yes. But the problem I'd rather spend the budget on is ...". One sentence is all the asked
question gets; the second opens by turning against it ("But", "However", "That said") and places
the effort elsewhere; the set-aside words are the prompt's words in that first sentence, and the
same `LATER_SHARE` check holds for the sentences after the turn. An on-question answer that
follows its call with "But the bigger risk is ..." goes on to argue that risk in the prompt's
words.

Or the opening belittles the asked feature by comparison, with no turn ("X is only half of the
job", "the collection has a deeper problem than X"), and within the first `PLACING` sentences
the candidate says where they would point the AI instead ("That's where I'd point the AI", "the
first AI I'd ship is ..."): the set-aside words are the prompt's words in X, and the sentences
after the placing one must not come back to them (`LATER_SHARE`). Both are needed: "accuracy is
only half of success" alone is an on-question answer weighing its measures.
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
    rf"\bthe (?:lever|place|part|area|bet|thing|question|problem|feature|product|spot|money|use) "
    rf"(?:{_WE}|where|that)\b)", _I)
_SECOND_TURN = re.compile(r"^(?:but|however|that said|still)\b,?\s*(?P<post>.+)$", _I | re.S)
"""A second sentence that turns against the first: the quick answer set aside."""
_BELITTLES = re.compile(
    r"^(?P<x>[^.;:?!]{3,120}?)\s+(?:is|are)\s+(?:only|just|merely)\s+(?:half|part|one (?:piece|"
    r"part|half))\s+of\b|\b(?:deeper|bigger|larger|more important|real)\s+(?:problem|issue|gap|"
    r"need)\s+than\s+(?P<y>[^.;:,]{3,80})", _I)
"""An opening that makes the asked feature the lesser part: X is only half of it; a deeper
problem than X."""
_PLACES_AI = re.compile(
    r"\b(?:point|put|aim)\w*\s+(?:the\s+|our\s+|my\s+)?(?:AI|ML)\b|"
    r"\b(?:first|next)\s+AI\s+(?:i'd|i would|we'd|we would)\s+(?:ship|build)\b", _I)
"""The candidate says where they would point the AI: the effort placed, and not on X."""
PLACING = 3
"""Sentences of the opening read for where the AI is pointed."""
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
    if m is not None and not _CALL.search(m.group("pre")) and _REDIRECT.search(m.group("post")):
        set_aside, later = _stems(m.group("pre")), sentences[1:]
    elif (second := _SECOND_TURN.search(sentences[1])) and _REDIRECT.search(second.group("post")):
        set_aside, later = _stems(sentences[0]), sentences[2:]  # a quick answer, then the turn
    elif (less := _BELITTLES.search(sentences[0])) and (placed := [
            i for i, s in enumerate(sentences[:PLACING]) if _PLACES_AI.search(s)]):
        set_aside, later = _stems(less.group("x") or less.group("y")), sentences[placed[0] + 1:]
    else:
        return ""
    set_aside &= _stems(question.prompt)
    if not set_aside or len(later) < LATER_MIN:
        return ""  # the opening is not about the asked feature, or too little follows to tell
    back = sum(1 for s in later if _stems(s) & set_aside)
    return " ".join(sorted(set_aside)) if back <= LATER_SHARE * len(later) else ""
