"""Why an answer misses the question's ask, if it does: the gate on the score and the follow-up
read the same check, and the follow-up needs the why. An answer that made the move once, on
this question, is thin, not elsewhere: sent "back to the question" it would be told it
answered another one (a one-line success measure for a drafting tool was)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from interviewer.banks import Question
from interviewer.coach.asks_bank import unmet_ask
from interviewer.coach.cues_asks import (
    AT_LEAST,
    CONSTRAINT_AT_LEAST,
    COUNT_CUES,
    DEFAULT_AT_LEAST,
    MOVES,
    PAYBACK,
    PITFALL,
    PITFALL_ASK,
)
from interviewer.coach.cues_markers import mentions_unnegated
from interviewer.coach.first_named import pick_cues
from interviewer.coach.ground import works_through
from interviewer.coach.launched import launch_to_come
from interviewer.coach.named_moves import move_instances
from interviewer.coach.neighbour import answers_neighbour
from interviewer.coach.payback_ledger import sized_and_held
from interviewer.coach.relevance import profile
from interviewer.coach.terse import is_header
from interviewer.coach.units import (
    Unit,
    heads_items,
    primary_ask,
    question_asks,
    question_constraints,
)

THIN = "thin"
"""Every ask short of its count, and one of them made at least once."""
ANSWERS_ANOTHER = frozenset({"neighbour"})
"""Misses that answer another question: a neighbour's move made more than any asked (pricing
it, asked what to ship first). An interviewer grades these as off-question, 1-1.5, however
polished; a thin, absent or unmet move is a weak answer to this question (up to 2). The
primary ask never attempted ("primary") is left at 2: on the dev split it also holds
off-question answers graded 2 that work on the question's subject from another side."""
ELSEWHERE_CAP = 1.5


def ask_missed(question: Question, units: Sequence[Unit]) -> str:
    """'' when the answer makes the move asked (design it, estimate it, weigh its harms,
    diagnose a drop...); else why not: 'pitfall', 'constraint', 'primary', 'neighbour',
    'unmet', 'absent' or THIN. Narrated steps do not count as making it."""
    asks = question_asks(question)
    if not units or works_through(question, units):
        return ""  # nearly all its outline, worked on: it made the move asked
    # A header ("Build first", "What it may do alone") labels the move its items make.
    # So does a spoken one, announcing the items that follow ("Two things could go wrong. First,").
    said = [u for i, u in enumerate(units) if heads_items(units, i)
            or (not u.narration and (not u.buzzwords or is_header(u)))]
    if PITFALL_ASK.search(question.prompt) and not any(
            mentions_unnegated(PITFALL, u.piece.text) for u in said):
        return "pitfall"

    def found(a: str) -> int:
        if a in COUNT_CUES:  # distinct cues, and the pick said as a sentence's opening
            return len({m.group(0).lower() for u in said
                        for m in MOVES[a].finditer(u.piece.text)} | pick_cues(said))
        return move_instances(MOVES[a], said, profile(question).prompt, a)

    def made(a: str) -> bool:
        return found(a) >= AT_LEAST.get(a, DEFAULT_AT_LEAST)

    def short(c: re.Pattern[str]) -> bool:  # the cost sized and the spend held to a test,
        if c is PAYBACK and sized_and_held([u.piece.text for u in said]):  # apart, weigh it too
            return False
        return sum(1 for u in said if c.search(u.piece.text)) < CONSTRAINT_AT_LEAST

    if any(short(c) for c in question_constraints(question)):
        return "constraint"
    neighbour = bool(asks) and answers_neighbour(said, asks, question.prompt)
    if launch_to_come(question.prompt, [u.piece.text for u in said]):
        return "neighbour"  # asked how a launched feature is doing, it plans the launch
    first = primary_ask(question)
    if first and not made(first):  # measuring the fast-track without deciding it
        return "primary" if not found(first) else "neighbour" if neighbour else THIN
    if neighbour:
        return "neighbour"
    if unmet_ask(question, [u.piece.text for u in said]):
        return "unmet"  # a bank question's stated problem or deliverable, never worked on
    if not asks or any(made(a) for a in asks):
        return ""
    return THIN if any(found(a) for a in asks) else "absent"
