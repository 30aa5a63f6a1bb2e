"""Which question is this answer about, by meaning: this one, or another question of the bank?

Word checks see shared words; an answer about another product can share few of them and still
pass (a maps app's location-history answer, given to the keyboard-privacy question, shares
"personalization", "privacy", "suggestions", "on the device"). Here the answer's sentences are
embedded (WordLlama's static vectors, `meaning.py`) and their centroid is compared with this
question and with every other question of the bundled bank: an answer that is plainly closer to
another question than to its own addresses that one.

Vectors are centred on the mean of the bank's own lines (prompts and outlines): product-sense
talk (users, metrics, a test) is common to every answer and every question, and left in it would
make every answer look about as close to every question. This question is represented as the
bank represents it (prompt and outline, or the prompt alone for a typed question, compared then
with the other questions' prompts alone), so it is not handicapped by having fewer words.

Measured on the dev split (242 answers, 40 questions), the margin (own similarity minus the
closest other question's) of on-question answers (strong, medium and their form twins, 140) had
mean 0.21, sd 0.14, lowest -0.20 (a rambling medium answer close to no question at all: its best
other similarity was 0.14), and strong answers and twins never went below -0.06. Off-question
answers had mean -0.21. `MARGIN` at -0.25 sits more than three standard deviations below the
on-question mean and 0.05 below the lowest on-question answer seen; `CLOSER` at 0.35 asks that
the other question really describe the answer (on-question answers' own similarity is mostly
0.2-0.6), so an answer close to nothing is left to the word checks. Both are chosen so that a
strong on-question answer is not sent away: a missed off-question answer costs less than a
strong answer scored 1. A typed question is held to a stricter margin and does not count bank
questions that may be itself in other words (`TYPED_MARGIN`, `PARAPHRASE`).

What this does not see: an answer to a neighbouring question about the *same* product that is
in no bank (surge pricing, asked about arrival-time prediction). Its centroid is closer to its
own question than to anything else the bank holds, because it shares the product's words; on
the dev split such answers sit at margins -0.14 to +0.05, inside the on-question range. Those
whose opening names the other feature are caught by what they announce (`announced.py`).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import numpy as np

from interviewer.banks import Question, load_banks
from interviewer.coach import meaning
from interviewer.coach.text import split_sentences, words

MARGIN = -0.25
"""Own similarity minus the closest other question's at or below this: about that question."""
CLOSER = 0.35
"""...and the other question's similarity at least this."""
TYPED_MARGIN = -0.3
"""The same for a typed question: a few words of prompt are a thinner reference than a bank
question's prompt and outline. Short typed paraphrases of bank questions, answered by strong
dev answers, went down to -0.19 against the bank question they paraphrase."""
PARAPHRASE = 0.4
"""A bank question whose prompt is this close to a typed question's may be the same question in
other words (paraphrases measured 0.41-0.69): it is not counted as another question."""
MIN_WORDS = 30
"""A shorter answer's centroid says too little to send the candidate away."""
MIN_SENTENCE_WORDS = 4


@dataclass(frozen=True)
class Closest:
    own: float
    other: float
    other_id: str
    typed: bool = False

    @property
    def margin(self) -> float:
        return self.own - self.other

    @property
    def elsewhere(self) -> bool:
        return self.margin <= (TYPED_MARGIN if self.typed else MARGIN) and self.other >= CLOSER


@dataclass(frozen=True)
class _BankVectors:
    center: np.ndarray
    ids: list[str]
    prompts: list[str]
    full: np.ndarray
    """Prompt and outline, per bank question."""
    bare: np.ndarray
    """Prompt alone, per bank question."""


_lock = threading.Lock()
_bank: _BankVectors | None = None


def _unit(m: np.ndarray) -> np.ndarray:
    n = np.linalg.norm(m, axis=-1, keepdims=True)
    out: np.ndarray = m / np.maximum(n, 1e-9)
    return out


def _full_text(q: Question) -> str:
    return " ".join([q.prompt, *q.outline])


def _bank_vectors() -> _BankVectors | None:
    global _bank
    if _bank is not None:
        return _bank
    with _lock:
        if _bank is None:
            questions = load_banks().questions
            lines = [line for q in questions for line in (q.prompt, *q.outline)]
            vecs = meaning.embed(lines)
            full = meaning.embed([_full_text(q) for q in questions])
            bare = meaning.embed([q.prompt for q in questions])
            if vecs is None or full is None or bare is None or not questions:
                return None
            center = vecs.mean(axis=0)
            _bank = _BankVectors(center, [q.id for q in questions],
                                 [q.prompt for q in questions],
                                 _unit(full - center), _unit(bare - center))
    return _bank


_warming: threading.Thread | None = None


def _warm() -> None:
    try:
        if meaning.available():
            _bank_vectors()
    except Exception:  # a failed warm-up is only a slower first answer; that one retries
        pass


def warm_up(wait: bool = False) -> None:
    """Load the model and the bank's vectors in a background thread, once per process, so the
    first answer's follow-up does not wait for them: 0.2-0.7 s on two busy cores
    (bench/relevance_meaning.py), a large share of the second the follow-up has."""
    global _warming
    if _warming is None and _bank is None:
        _warming = threading.Thread(target=_warm, name="meaning-warm-up", daemon=True)
        _warming.start()
    if wait and _warming is not None:
        _warming.join()


def closest(question: Question, answer_text: str) -> Closest | None:
    """How close the answer is to this question and to the closest other bank question; None
    without the model, or for an answer too short to judge."""
    if len(words(answer_text)) < MIN_WORDS or not meaning.available():
        return None
    bank = _bank_vectors()
    sentences = [s.text for s in split_sentences(answer_text)
                 if len(s.text.split()) >= MIN_SENTENCE_WORDS]
    if bank is None or not sentences:
        return None
    said = meaning.embed(sentences)
    own_vec = meaning.embed([_full_text(question) if question.outline else question.prompt])
    if said is None or own_vec is None:
        return None
    centroid = _unit(_unit(said - bank.center).mean(axis=0))
    own = float(_unit(own_vec[0] - bank.center) @ centroid)
    refs = bank.full if question.outline else bank.bare
    sims = refs @ centroid
    others = [i for i, (qid, prompt) in enumerate(zip(bank.ids, bank.prompts, strict=True))
              if qid != question.id and prompt != question.prompt]
    typed = not question.outline
    if typed:  # not the same question in other words
        prompt_vec = _unit(own_vec[0] - bank.center)
        others = [i for i in others if float(bank.bare[i] @ prompt_vec) < PARAPHRASE]
    if not others:
        return None
    best = max(others, key=lambda i: float(sims[i]))
    return Closest(round(own, 3), round(float(sims[best]), 3), bank.ids[best], typed)
