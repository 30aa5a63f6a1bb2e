"""Figures laid out before an answer that then decides little with them.

"Let me size this first: we have about 420 sites, each runs 28 sessions a day, so that's
11,760 a day; if 35% of them ..." A run of figures about the status quo reads as rigour, and
each sentence "has a number", so each reads as committed. An interviewer hears a landscape,
not reasoning: the figures are premises, and what they are for is the call that follows. When two
in five of its sentences or more are such premises, `MIN_FIGURES` of them before its first
call, the rest of the answer is what is judged, and it is held below the bar; where the
question asks for an estimate the figures are the move itself, and the check stands aside.

A premise here: a sentence (or clause) with a number that makes no call (no decision, not the
speaker's firm "I'd ..."), gives no reason, and sets no rule; "if 35% of classes have one,
that's 1.5 million" is arithmetic on an assumption, not a rule. On the dev split (1076 answers)
it fires on three padded answers and on none of the strong, short, spoken, bullet or
non-native ones (estimate questions set aside); padded ones are half premises or more, the
nearest on-question ones have five before their first call but a quarter of the answer, or a
third of it but three before.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from interviewer.banks import Question
from interviewer.coach.argued import CONDITION, firm
from interviewer.coach.cues_markers import REASON
from interviewer.coach.units import Unit, question_asks

MIN_FIGURES = 5
SHARE = 0.4
LANDSCAPE_CAP = 2.5
"""Below the bar: what is left is the thin call the figures were meant to support."""

_ARITHMETIC = re.compile(r"\b(?:that's|that is|which is|which makes|so)\s+(?:about |around |"
                         r"roughly |over |nearly |almost |some |another )?\$?\d", re.IGNORECASE)


def premise(u: Unit) -> bool:
    """A figure that makes no call, gives no reason and sets no rule."""
    text = u.piece.text
    # "..., so that's 43,000 a day" sums; it gives no reason ("so that" users can ...)
    summed = _ARITHMETIC.sub(" ", text)
    if not u.number or u.decision or firm(text) or REASON.search(summed):
        return False
    return not CONDITION.search(text) or summed != text


def lays_out_figures(question: Question, units_: Sequence[Unit]) -> bool:
    """`SHARE` of the answer or more is figures, `MIN_FIGURES` of them laid out before its
    first call, and the question asks no estimate."""
    if question.kind == "estimate" or "estimate" in question_asks(question):
        return False
    first_call = next((i for i, u in enumerate(units_) if firm(u.piece.text)), len(units_))
    premises = [premise(u) for u in units_]
    return sum(premises[:first_call]) >= MIN_FIGURES and sum(premises) >= SHARE * len(units_)
