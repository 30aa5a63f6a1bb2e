"""A name said in nearly every sentence: the answer's refrain, not its subject.

A template answer can be pinned to any question by repeating the product's name as the subject
of each sentence: "The X feature should have leading and lagging indicators. The X feature also
needs guardrail metrics. We should validate the X feature with an A/B test." Every sentence then
"uses the question's words", so each reads as about this question, and the whole never tells as
a recitation. An interviewer hears the name as a refrain and judges what is said about it: here,
nothing of this question's own. So where one phrase of two or more subject words comes back in
most sentences, a sentence's subject is counted without it: a sentence about the name only has
no subject of its own, one that says something of the question besides keeps it.

Read narrowly: a phrase of `MIN_WORDS` to `MAX_WORDS` words, two of them subject words, in at
least `MIN_SENTENCES` sentences and in `SHARE` of them. A real answer names its feature in a few
sentences and then says "it", or says what it does in other words.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from interviewer.coach.terms import subject_terms
from interviewer.coach.units import Unit

MIN_WORDS, MAX_WORDS = 2, 5
MIN_SENTENCES = 4
SHARE = 0.6
"""Share of the answer's sentences that say the phrase: a refrain, not a name used where needed."""
MIN_SUBJECT_WORDS = 2

_WORD = re.compile(r"[a-z][\w'-]*")


def _grams(text: str) -> set[tuple[str, ...]]:
    ws = _WORD.findall(text.lower())
    return {tuple(ws[i:i + n]) for n in range(MIN_WORDS, MAX_WORDS + 1)
            for i in range(len(ws) - n + 1)}


def refrain(texts: Sequence[str]) -> tuple[str, ...]:
    """The longest phrase said in most sentences, or () when there is none."""
    if len(texts) < MIN_SENTENCES:
        return ()
    counts: dict[tuple[str, ...], int] = {}
    for t in texts:
        for g in _grams(t):
            counts[g] = counts.get(g, 0) + 1
    need = max(MIN_SENTENCES, SHARE * len(texts))
    found = [g for g, n in counts.items() if n >= need
             and len(subject_terms(" ".join(g))) >= MIN_SUBJECT_WORDS]
    return max(found, key=lambda g: (len(g), counts[g]), default=())


def _without(text: str, phrase: tuple[str, ...]) -> str:
    pattern = r"\b" + r"\W+".join(re.escape(w) for w in phrase) + r"\b"
    return re.sub(pattern, " ", text, flags=re.IGNORECASE)


def without_refrain(units_: Sequence[Unit], subject_stems: frozenset[str]) -> list[Unit]:
    """The units, each sentence's subject counted without the refrain (if there is one)."""
    phrase = refrain([u.piece.text for u in units_])
    if not phrase:
        return list(units_)
    return [dataclasses.replace(u, subject=sum(
        1 for t in set(subject_terms(_without(u.piece.text, phrase))) if t in subject_stems))
        for u in units_]
