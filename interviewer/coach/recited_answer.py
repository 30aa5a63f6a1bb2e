"""Whether a whole answer recites rather than reasons: the gate `analysis.Reading.recitation`.

Kept apart from the reading so each way of reciting is named in one place:
- concepts named, almost none applied (a list or a recitation);
- half the sentences runs of names; 40% generic ("I always start with...");
- narrated steps ("then I'd define the metrics") making much of it;
- the outline restated as claims with bare figures (`outline_echo.py`);
- a method told with nothing of this question in it: most sentences either generic or about
  nothing of the question's own (no subject term, no number), and few applied. "I would then
  identify leading indicators... Next, I'd validate the feature with a well-designed A/B
  test... I'd segment the results" is a measurement framework with the bank's name in its first
  line: an interviewer hears the framework, whatever the first line says.
"""

from __future__ import annotations

from collections.abc import Sequence

from interviewer.banks import Question
from interviewer.coach.outline_echo import bluffs_outline
from interviewer.coach.units import Unit, is_applied

NARRATION_SHARE = 0.4
"""An answer this much made of narrated steps (and at least three) is a recitation."""
HOLLOW_SHARE, HOLLOW_APPLIED, HOLLOW_UNITS = 0.6, 0.35, 5
"""At least this share of sentences generic or about nothing of the question's own, at most
this share applied, over at least this many sentences."""


def _hollow(u: Unit) -> bool:
    """Generic, or a whole prose sentence with no subject term of the question and no number
    (a clause of a spoken run, or a bullet, leans on its neighbours for its subject)."""
    return u.generic or not (u.subject or u.number or u.sentence >= 0 or u.piece.bullet)


def tells_a_method(units_: Sequence[Unit]) -> bool:
    n = len(units_)
    if n < HOLLOW_UNITS:
        return False
    applied = sum(1 for i in range(n) if is_applied(units_, i))
    return sum(map(_hollow, units_)) >= HOLLOW_SHARE * n and applied <= HOLLOW_APPLIED * n


def recited(question: Question, units_: Sequence[Unit], mentioned: int, applied: int) -> bool:
    """`mentioned`, `applied`: rubric concepts named only, and applied, over all dimensions."""
    n = len(units_)
    return ((mentioned >= 4 and applied <= 1)
            or (n > 0 and sum(u.buzzwords for u in units_) >= n / 2)
            or (n >= 4 and sum(u.generic for u in units_) >= 0.4 * n)
            or sum(u.narration for u in units_) >= max(3, NARRATION_SHARE * n)
            or bluffs_outline(question, units_)  # the outline as claims with bare figures
            or tells_a_method(units_))
