"""The candidate's own words for a typed question's subject.

A typed question has no outline, and its prompt may be a dozen words ("Should an e-book app add AI
recaps of the story so far?"): an answer about readers, chapters and spoilers names none of them,
so its sentences read as about nothing and its calls as unanchored. An interviewer follows the
candidate's terms once the candidate has tied them to the product. Relevance (`relevance.py`) is
still measured against the question alone, so an answer to another question gains nothing here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from interviewer.banks import Question
from interviewer.coach.relevance import Profile, subject_terms

TIED_AT_LEAST = 2
"""Sentences a candidate's own term must recur in, one of them beside the prompt's words."""


def carried_subject(question: Question, prof: Profile, sentences: Iterable[str]) -> frozenset[str]:
    """The question's world (`Profile.wide`) and, for a typed question, each term that recurs
    in two sentences, one of which also uses the prompt's own words."""
    if question.outline:
        return prof.wide
    seen: Counter[str] = Counter()
    tied: set[str] = set()
    for text in sentences:
        terms = set(subject_terms(text))
        seen.update(terms)
        if terms & prof.prompt:
            tied |= terms
    return prof.wide | {t for t in tied if seen[t] >= TIED_AT_LEAST}

