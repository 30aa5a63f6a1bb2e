"""A ceiling from the general points an interviewer looks for in any product answer.

The rubric puts one clear applied instance at the bar (3) and asks for depth past it: a side
taken with its reason, a decision rule, a measure with a bar (4-5). The overall's blend of the
rubric's dimensions and the share of applied sentences can carry a fluent answer past 3.5 on
applied sentences alone, each applying one idea, none of them deep. Such an answer is capped:

- at 3.5 when it shows no depth at all: no rule that changes the call, no measure with a bar, no
  side taken with its reason, as the general points or the rubric's metrics, trade-offs and
  experimentation depth read them;
- at 3 (the bar) when, besides, it covers at most one of the general points (a measure with a
  bar, a risk, a rule, reasons, the call where one is asked): one instance, however well made.

The points are read where the coach already reads them (`typed_ground.typed_points` over the
committed sentences, `argued.argued_commitments`, the dimensions' depth), so no new lexicon.
Never on an answer a gate has set aside (its cap is lower already), and never on one that works
through half its bank question's own outline (`ground.py`): that is depth in the question's
terms, whatever general points the detectors hear. On the dev split covering at most one point
went with mediums graded 3 (23 of 36 answers scoring 2.8 or more), four or five with 4-5.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from interviewer.banks import Question
from interviewer.coach.argued import argued_commitments
from interviewer.coach.ground import HALF_OF_IT, committed_texts, ground_covered
from interviewer.coach.typed_ground import typed_points
from interviewer.coach.units import Unit
from interviewer.rubric import HIRE_BAR, MAX_SCORE

NO_DEPTH_CAP = 3.5
"""No rule, bar, side or rubric depth: past the bar (more than one instance), not 4."""
ONE_POINT_CAP = float(HIRE_BAR)
ONE_POINT = 1
"""General points covered at most: one instance meets the bar, no more."""
GENERAL_DEPTH = ("metrics", "trade-offs", "experimentation")
"""The rubric dimensions whose depth is itself a general point: a bar on a measure, a side taken
with its reason, a decision rule (`analysis.DEPTH_FAMILIES`, `depth.py`). Depth elsewhere is a
reason or a number on any instance, which every fluent sentence with a "so" carries."""


def general_points(question: Question, units_: Sequence[Unit],
                   read: Mapping[str, bool] | None = None) -> dict[str, bool]:
    """Which general points (measure with a bar, risk, rule, why, and the call where the prompt
    asks one) the answer's committed sentences work on; the subject test is relevance's job.
    `read`: `typed_points` of the committed sentences, when the reading has them."""
    points = dict(typed_points(question, units_, committed_texts(units_, question))
                  if read is None else read)
    points.pop("subject", None)
    return points


def coverage_cap(question: Question, units_: Sequence[Unit], dimension_depth: bool,
                 set_aside: bool, read: Mapping[str, bool] | None = None) -> float:
    """The highest overall the answer's coverage of the general points allows (MAX_SCORE: no
    cap). `dimension_depth`: one of the `GENERAL_DEPTH` dimensions shows depth."""
    if set_aside or not units_ or dimension_depth:
        return float(MAX_SCORE)
    if question.outline and ground_covered(question, units_) >= HALF_OF_IT:
        return float(MAX_SCORE)
    points = general_points(question, units_, read)
    if sum(points.values()) <= ONE_POINT:
        return ONE_POINT_CAP
    side = argued_commitments(units_) >= 1 or (points.get("call", False) and points["why"])
    if points["rule"] or points["measure"] or side:
        return float(MAX_SCORE)
    return NO_DEPTH_CAP
