"""Same ask, another task: a typed answer that dwells on something the prompt never names.

"An airline wants an AI agent to rebook passengers after cancellations" answered with a polished
plan for lost-baggage claims: the ask (what could go wrong, when is it ready) is made, the
setting's words (airline, passengers, agent) are there, but the answer's own subject ("bags",
"claims") is not the prompt's, and the prompt's task ("rebook", "cancelled") is never said nor
anything standing for it. An interviewer hears an answer to another question. Dwelling is
counted, not guessed: the answer's most repeated term the question does not know, said at
least `DWELLS` times and twice as often as any of the prompt's own terms, with half the prompt
unsaid. A term can stand for a prompt word ("alerts" for "warn", "cook" for "recipe"): where
WordLlama's vectors are installed, a dwelt term close to any unsaid prompt word is that word,
and without them the check stands aside (the words alone cannot tell a synonym).
"""

from __future__ import annotations

from collections import Counter

from interviewer.banks import Question
from interviewer.coach import meaning
from interviewer.coach.relevance import profile, subject_terms
from interviewer.coach.text import words

DWELLS = 5
"""Times the answer says its own subject term before it counts as what the answer is about."""
OVER_OWN = 2.0
UNSAID_AT_LEAST = 0.5
"""Share of the prompt's subject terms never said."""
STANDS_FOR = 0.3
"""Cosine between single words above which one stands for the other (alert/warn 0.50,
cook/recipe 0.46; bag/rebook 0.06, dubbed/captions 0.07)."""


def _surface(text: str) -> dict[str, str]:
    """Each subject stem with the first word that said it (vectors know words, not stems)."""
    out: dict[str, str] = {}
    for w in words(text):
        for t in subject_terms(w):
            out.setdefault(t, w)
    return out


_SEEN: dict[tuple[str, str], bool] = {}
"""Verdicts by (prompt, answer): the reading asks more than once, the vectors cost a few ms."""


def another_task(question: Question, text: str) -> bool:
    """The answer dwells on a subject the typed prompt never names, and stands for none of it."""
    if question.outline:
        return False  # a bank question's outline has its own gates (`relevance.py`)
    key = (question.prompt, text)
    if key not in _SEEN:
        if len(_SEEN) > 512:
            _SEEN.clear()
        _SEEN[key] = _judge(question, text)
    return _SEEN[key]


def _judge(question: Question, text: str) -> bool:
    prof = profile(question)
    counts = Counter(subject_terms(text))
    unsaid = prof.prompt - set(counts)
    if not prof.prompt or len(unsaid) < UNSAID_AT_LEAST * len(prof.prompt):
        return False
    own = max((counts[t] for t in prof.prompt), default=0)
    dwelt = [t for t, n in counts.most_common(3) if t not in prof.wide
             and n >= DWELLS and n >= OVER_OWN * own]
    if not dwelt:
        return False
    said_as, asked_as = _surface(text), _surface(question.prompt)
    vecs = meaning.embed([said_as[t] for t in dwelt] + [asked_as[t] for t in sorted(prof.prompt)])
    if vecs is None:
        return False
    sims = vecs[: len(dwelt)] @ vecs[len(dwelt):].T
    return bool((sims.max(axis=1) < STANDS_FOR).any())
