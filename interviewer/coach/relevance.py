"""Is the answer about *this* question? A gate measured against the question, not the rubric.

An answer can be polished, structured and dense with product concepts and still answer another
question (a playlist recommender when asked about grocery search). The rubric's own vocabulary
says nothing about that, so it is set aside; what is left is the subject: the question's own
terms (its prompt first, then its outline and track) against the terms the answer dwells on.
Where WordLlama's bundled vectors are installed, meaning adds a gate the words cannot: an answer
plainly closer to another bank question than to this one (`relevance_meaning.py`), and one whose
opening announces a feature the typed prompt never names (`announced.py`). Without them the word
checks stand alone.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from interviewer.banks import Question
from interviewer.coach import relevance_meaning
from interviewer.coach.agenda import agenda_elsewhere
from interviewer.coach.announced import announced_elsewhere
from interviewer.coach.cues_markers import NUMBER
from interviewer.coach.domains import (
    CAPABILITIES,
    domain_counts,
    domain_terms,
    question_domains,
)
from interviewer.coach.terms import subject_terms as subject_terms  # where callers look
from interviewer.coach.text import split_sentences, stem, words

TOP_TERMS = 12
"""How many of the answer's most repeated subject terms are checked against the question."""
ANOTHER_PRODUCT = 1.5
WORDS_PER_PROMPT_TERM = 15
MIN_PROMPT_TERMS = 4
DENSE_NUMBERS = 2
"""An answer this many times more about another product domain than the question's own."""
MIN_DOMAIN_TERMS = 6
CONFIRMED_DOMAIN_TERMS = 5
"""Distinct everyday words of a domain the typed prompt names only once ("the internal IT
helpdesk": tickets, queues, escalations, handle time) that show the answer works in it."""
CONFIRMED_SENTENCES = 2

_SHORT_INFLECTIONS = ("er", "ed", "ing", "e")
"""Endings `stem` leaves on a short word ("filer", "filed", "filing" of "file": it strips none
from a stem under four letters)."""


def own_form(prompt: frozenset[str], term: str) -> str:
    """The prompt's term this one inflects, else the term: an answer about a question on people
    who "file" their taxes speaks of filers and of returns filed, and is about that question."""
    if term in prompt:
        return term
    for p in prompt:
        base = p[:-1] if p.endswith("e") else p
        if len(p) >= 4 and term.startswith(base) and term[len(base):] in _SHORT_INFLECTIONS:
            return p
    return term


@dataclass(frozen=True)
class Profile:
    """What the question is about: its prompt's terms, and the wider set from its outline."""

    prompt: frozenset[str]
    wide: frozenset[str]
    domains: frozenset[str]
    """Product domains the question's own words place it in."""

    def mentions(self, terms: Iterable[str]) -> int:
        return sum(1 for t in terms if t in self.wide)


def profile(question: Question) -> Profile:
    prompt = frozenset(subject_terms(question.prompt))
    extra = frozenset(subject_terms(" ".join([*question.outline,
                                              question.track.replace("-", " ")])))
    domains = frozenset(question_domains(prompt, extra))
    if question.kind == "critique":  # the candidate picks one of the products the prompt names
        domains |= frozenset(domain_counts(prompt))  # ("for short videos, music or shopping")
    # A typed question has no outline: its domain's everyday words stand in for one.
    wide = prompt | extra | (domain_terms(domains) if not question.outline else frozenset())
    return Profile(prompt, wide, domains)


@dataclass(frozen=True)
class Relevance:
    prompt_coverage: float
    """Share of the prompt's subject terms the answer uses."""
    focus: float
    """Share of the answer's most repeated subject terms that belong to the question."""
    sentences: float
    """Share of the answer's sentences that touch the question's subject at all."""
    elsewhere: float = 0.0
    """How much more the answer dwells on another product domain than on the question's."""
    foreign: int = 0
    """Distinct subject terms the answer uses that the question's world does not know."""
    closer_to: str = ""
    """By meaning, the bank question this answer plainly addresses instead (empty: none)."""
    margin: float | None = None
    """By meaning: similarity to this question minus that to the closest other (None: no model)."""
    announced: str = ""
    """The feature the answer's opening says it is about, when the typed prompt never names it
    (empty: none; `announced.py`)."""
    agenda: str = ""
    """The task or feature the opening says the answer takes up instead of the typed prompt's,
    and keeps to (empty: none; `agenda.py`)."""

    @property
    def score(self) -> float:
        return (self.prompt_coverage + self.focus + self.sentences) / 3

    @property
    def another_product(self) -> bool:
        return self.elsewhere >= ANOTHER_PRODUCT

    @property
    def another_question(self) -> bool:
        return bool(self.closer_to or self.announced or self.agenda)


def _with_named_domains(question: Question, prof: Profile, said: set[str],
                        sentences: list[str]) -> Profile:
    """A typed prompt may name its product's world in one word ("the internal IT helpdesk"),
    too little to place it in a domain (`question_domains` asks for two, since one word is often
    a homonym: bike-"sharing" is no social feed). An answer that works in that world, in several
    of its everyday words beyond the prompt's own and in more than one sentence (a list of
    support metrics works in no world), is about the question's subject: the words the prompt's
    one word stands for are the question's too, for this answer."""
    if question.outline:
        return prof
    named = [d for d in domain_counts(prof.prompt) if d not in prof.domains]
    confirmed = [d for d in named
                 if len((said - prof.prompt) & domain_terms([d])) >= CONFIRMED_DOMAIN_TERMS
                 and sum(1 for s in sentences
                         if set(subject_terms(s)) & domain_terms([d])) >= CONFIRMED_SENTENCES]
    if not confirmed:
        return prof
    return Profile(prof.prompt, prof.wide | domain_terms(confirmed), prof.domains)


_BACK_REFERENCE = re.compile(r"\b(?:it|its|it's|itself)\b", re.IGNORECASE)


def _touching_share(prof: Profile, sentences: Iterable[str], picked: bool) -> float:
    """Share of the sentences about the question's subject. When the candidate picks the
    product (a critique: "pick an assistant you use"), the question cannot know its name: the
    answer names it once and judges "it" from then on, so a sentence about "it" right after
    one about the subject is about the subject too."""
    touching = total = 0
    previous = False
    for text in sentences:
        terms = [own_form(prof.prompt, t) for t in subject_terms(text)]
        if not terms:
            continue
        total += 1
        own = any(t in prof.wide for t in terms)
        previous = own or (picked and previous and bool(_BACK_REFERENCE.search(text)))
        touching += previous
    return touching / max(1, total)


def _names_product(own: set[str], prompt: frozenset[str], text: str) -> bool:
    """The sentence names one of the prompt's own product terms, a plural in -es too ("buses"
    of "bus", which `stem` leaves as "buse")."""
    for w in words(text):
        forms = {own_form(prompt, stem(w))} | ({stem(w[:-2])} if w.endswith("es") else set())
        if forms & own:
            return True
    return False


def _away_from_subject(prof: Profile, sentences: Iterable[str]) -> list[str]:
    """The answer's terms outside the prompt, from sentences that do not name the prompt's own
    subject (a shared capability's words, "search" or "support", name none). A question on a
    product the domain lists do not know (a fleet, a ward, a depot) is answered in the everyday
    words of a neighbouring domain: the buses' drivers and riders. Said in a sentence with the
    question's subject they describe it; another product's words stand apart from it."""
    shared = domain_terms(CAPABILITIES)
    own = {t for t in prof.prompt if t not in shared}
    return [t for text in sentences if not _names_product(own, prof.prompt, text)
            for t in (own_form(prof.prompt, t) for t in subject_terms(text))
            if t not in prof.prompt]


def relevance(question: Question, answer_text: str, by_meaning: bool = True) -> Relevance:
    """Word checks always; the meaning gate too where the model is installed and `by_meaning`."""
    prof = profile(question)
    terms = [own_form(prof.prompt, t) for t in subject_terms(answer_text)]
    if not terms:
        return Relevance(0.0, 0.0, 0.0)
    said = set(terms)
    sentences = [s.text for s in split_sentences(answer_text)]
    prof = _with_named_domains(question, prof, said, sentences)
    # A ~90-word answer cannot use every word of a long typed prompt: a dense one (numbers,
    # thresholds) is judged against what an answer of its length could use, so the same content
    # scores alike at any length. A short vague answer gets no such reading.
    could_use = float(len(prof.prompt))
    if len(NUMBER.findall(answer_text)) >= DENSE_NUMBERS:
        could_use = max(MIN_PROMPT_TERMS, len(words(answer_text)) / WORDS_PER_PROMPT_TERM)
    coverage = min(1.0, len(prof.prompt & said) / max(1, min(len(prof.prompt), could_use)))
    counts = Counter(terms)
    top = [t for t, n in counts.most_common(TOP_TERMS) if n >= 2] or [t for t, _ in
                                                                      counts.most_common(5)]
    weight = sum(counts[t] for t in top)
    focus = sum(counts[t] for t in top if t in prof.wide) / max(1, weight)
    touching = _touching_share(prof, sentences, picked=question.kind == "critique")
    found = domain_counts(terms)
    products = prof.domains - CAPABILITIES
    # Another product is measured against this question's product, with half credit for the
    # capability it shares (a grocery search question answered about job search: search terms
    # abound, grocery ones are missing, job ones dominate).
    own = max((found[d] for d in products), default=0) + 0.5 * max(
        (found[d] for d in prof.domains & CAPABILITIES), default=0)
    if not products:
        own = max((found[d] for d in prof.domains), default=0)
    # A word the prompt itself uses ("summaries of its reviews") shows no other product, nor
    # does a word said in a sentence about the prompt's own product (`_away_from_subject`).
    found_elsewhere = domain_counts(_away_from_subject(prof, sentences))
    foreign = max((n for d, n in found_elsewhere.items()
                   if d not in prof.domains and (d not in CAPABILITIES or not products)),
                  default=0)
    elsewhere = foreign / max(own, 1) if prof.domains and foreign >= MIN_DOMAIN_TERMS else 0.0
    foreign_terms = len(said - prof.wide - domain_terms(prof.domains))
    near = relevance_meaning.closest(question, answer_text) if by_meaning else None
    return Relevance(round(coverage, 3), round(focus, 3), round(touching, 3), round(elsewhere, 2),
                     foreign_terms, closer_to=near.other_id if near and near.elsewhere else "",
                     margin=None if near is None else round(near.margin, 3),
                     announced=announced_elsewhere(question, answer_text) if by_meaning else "",
                     agenda=agenda_elsewhere(question, answer_text) if by_meaning else "")

