"""The opening makes a call on an action the question never raised.

A polished answer to a neighbouring question of the same product often opens with its verdict:
"I'd overbook, but only on ...", "I'd bundle it, ...", asked how to measure another feature.
The call's own verb is the object of the whole answer: it is said again and again, and it is a
word the prompt neither uses nor stands for. An interviewer hears at once that the candidate
took up another decision, however well argued, and brings them back to the question.

Read narrowly, like `announced.py`: only a typed question (a bank question's outline has its
own gates); only a first sentence that opens on "I'd <verb>" (a call, not "I'd measure ..."
or "I'd focus on ...": a lens any answer may look through is not another action); the verb
said in `DWELLS` sentences or more, and standing for no word of the prompt by WordLlama's
vectors (without them the check stands aside). On the dev split (1076 answers) it fires on
one answer, an off-question one; at two sentences it would add two more off-question answers
and no on-question one.
"""

from __future__ import annotations

import re

from interviewer.coach import meaning
from interviewer.coach.terms import subject_terms
from interviewer.coach.text import Sentence, split_sentences

DWELLS = 3
"""Sentences that say the call's verb again: the answer is about that action."""
STANDS_FOR = 0.3
"""Cosine above which the verb stands for a word of the prompt (as in `announced.py`)."""

_CALL = re.compile(
    r"^(?:(?:so|um|uh|okay|ok|well|right|yeah)[\s,]+)*(?:i'd|i would|we'd|we would|we should)"
    r"\s+(?:(?:\w+ly|just|also|not)\s+)?(?P<x>[a-z][\w-]+)", re.IGNORECASE)


def called_action(text: str) -> str:
    """The verb of an opening call ("I'd overbook, ..."), or ''."""
    return _called(split_sentences(text))


def _called(sentences: list[Sentence]) -> str:
    m = _CALL.search(sentences[0].text.strip()) if sentences else None
    return m.group("x") if m else ""


def calls_elsewhere(prompt: str, text: str, lenses: frozenset[str]) -> str:
    """The action the opening calls for when the prompt never raises it and the answer keeps
    to it (empty: not). `lenses`: words any answer may look through (`announced._LENSES`)."""
    sentences = split_sentences(text)
    verb = _called(sentences)
    own = subject_terms(verb)
    asked = set(subject_terms(prompt))
    if len(own) != 1 or own[0] in asked or own[0] in lenses:
        return ""
    term = own[0]
    if sum(1 for s in sentences if term in subject_terms(s.text)) < DWELLS:
        return ""
    prompt_words = [w for w in re.findall(r"[A-Za-z][\w-]*", prompt)
                    if set(subject_terms(w)) & asked]
    vecs = meaning.embed([verb, *prompt_words]) if prompt_words else None
    if vecs is None:
        return ""  # the words alone cannot tell a synonym: stand aside
    return verb if float((vecs[1:] @ vecs[0]).max()) < STANDS_FOR else ""
