"""Is the answer about *this* question? A gate measured against the question, not the rubric.

An answer can be polished, structured and dense with product concepts and still answer another
question (a playlist recommender when asked about grocery search). The rubric's own vocabulary
says nothing about that, so it is set aside; what is left is the subject: the question's own
terms (its prompt first, then its outline and track) against the terms the answer dwells on.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from interviewer.banks import Question
from interviewer.coach.signals import GENERIC_WORDS
from interviewer.coach.text import split_sentences, words

TOP_TERMS = 12
"""How many of the answer's most repeated subject terms are checked against the question."""
ON_TOPIC = 0.24
"""The relevance an answer needs; below it, it answers another question."""

_SUFFIXES = ("ation", "ing", "er", "ed", "ly", "ment")


def stem(word: str) -> str:
    """A crude stem that maps "triage"/"triages", "search"/"searches", "price"/"pricing" alike."""
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        word = word[:-1]
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    return word


def subject_terms(text: str) -> list[str]:
    """Stems of the words that can carry a subject: not the rubric's, not function words."""
    out = []
    for w in words(text):
        w = w.strip("'%-/")
        if len(w) <= 2 or w in GENERIC_WORDS or w.isdigit() or any(c.isdigit() for c in w):
            continue
        for part in w.split("-"):
            if len(part) > 2 and part not in GENERIC_WORDS:
                out.append(stem(part))
    return out


@dataclass(frozen=True)
class Profile:
    """What the question is about: its prompt's terms, and the wider set from its outline."""

    prompt: frozenset[str]
    wide: frozenset[str]

    def mentions(self, terms: Iterable[str]) -> int:
        return sum(1 for t in terms if t in self.wide)


def profile(question: Question) -> Profile:
    prompt = frozenset(subject_terms(question.prompt))
    extra = " ".join([*question.outline, question.track.replace("-", " ")])
    return Profile(prompt, prompt | frozenset(subject_terms(extra)))


@dataclass(frozen=True)
class Relevance:
    prompt_coverage: float
    """Share of the prompt's subject terms the answer uses."""
    focus: float
    """Share of the answer's most repeated subject terms that belong to the question."""
    sentences: float
    """Share of the answer's sentences that touch the question's subject at all."""

    @property
    def score(self) -> float:
        return (self.prompt_coverage + self.focus + self.sentences) / 3

    @property
    def on_topic(self) -> bool:
        return self.score >= ON_TOPIC


def relevance(question: Question, answer_text: str) -> Relevance:
    prof = profile(question)
    terms = subject_terms(answer_text)
    if not terms:
        return Relevance(0.0, 0.0, 0.0)
    said = set(terms)
    coverage = len(prof.prompt & said) / max(1, len(prof.prompt))
    counts = Counter(terms)
    top = [t for t, n in counts.most_common(TOP_TERMS) if n >= 2] or [t for t, _ in
                                                                      counts.most_common(5)]
    weight = sum(counts[t] for t in top)
    focus = sum(counts[t] for t in top if t in prof.wide) / max(1, weight)
    pieces = [subject_terms(s.text) for s in split_sentences(answer_text)]
    pieces = [p for p in pieces if p]
    touching = sum(1 for p in pieces if any(t in prof.wide for t in p)) / max(1, len(pieces))
    return Relevance(round(coverage, 3), round(focus, 3), round(touching, 3))
