"""Does the answer touch anything this question is about, beyond the words of its prompt?

A bank question's outline lists what a strong answer works on: the travel agent's first version
and its spending limits, the bank assistant's containment and cost per contact, the marketplace's
exposure loop. An interviewer reading an answer that never reaches any of it, however fluently it
repeats the prompt's nouns ("the first version of the booking agent should solve the core
traveler need", "guardrails for the booking agent should balance autonomy with safety"), or
dresses generic rollout numbers or management maxims as calls ("ship to 5% and run a 2-week A/B
test at 95% confidence", "I'd require legal sign-off, because the risk is high"), hears an answer
to no question in particular.

The test is deliberately lenient, so that it only catches answers with nothing of the question's
own: one outline point touched is enough, by one word of that point beyond the prompt's own words
and the rubric's doctrine (`recital.py`), or by one sentence close to the point in meaning (static
word vectors, when the package is there). On the dev split no answer graded 2.5 or more touches
none (39 of the 367 answers to bank questions touch none, all graded 2 or below); a medium
answer names at least one thing the outline names. What it does not see: an answer that names
one outline word in passing and is otherwise recited.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from interviewer.banks import Question
from interviewer.coach import meaning
from interviewer.coach.recital import DOCTRINE_STEMS
from interviewer.coach.relevance import subject_terms
from interviewer.coach.units import Unit

CLOSE_IN_MEANING = 0.5
"""Cosine similarity of a sentence to an outline point that counts as working on that point
(on the dev split 0.45-0.55 give the same result: no answer graded 2.5+ touches nothing)."""


def _own_terms(text: str, prompt: frozenset[str]) -> set[str]:
    return {t for t in subject_terms(text) if t not in DOCTRINE_STEMS and t not in prompt}


def _close_in_meaning(points: Sequence[str], sentences: Sequence[str]) -> bool:
    vectors = meaning.embed([*points, *sentences])
    if vectors is None:
        return False
    vectors = vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)
    sims = vectors[: len(points)] @ vectors[len(points):].T
    return bool((sims >= CLOSE_IN_MEANING).any())


def touches_outline(question: Question, sentences: Sequence[str]) -> bool:
    """True when some sentence works on some point of the outline (or the question has none)."""
    if not question.outline or not sentences:
        return True
    prompt = frozenset(subject_terms(question.prompt))
    said: set[str] = set()
    for s in sentences:
        said |= _own_terms(s, prompt)
    if any(_own_terms(point, prompt) & said for point in question.outline):
        return True
    return _close_in_meaning(question.outline, sentences)


def untouched(question: Question, units_: Sequence[Unit]) -> bool:
    """The answer's own sentences (narrated steps and buzzword runs left out) touch nothing of
    the outline: capped as drifting is (`analysis.py`), yet probed as a weak answer, not sent
    back to the question, since it is about the question's product."""
    said = [u.piece.text for u in units_ if not (u.narration or u.buzzwords)]
    return bool(said) and not touches_outline(question, said)
