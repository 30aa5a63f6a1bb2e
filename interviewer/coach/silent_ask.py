"""An ask the rubric hears nothing of: the move's own dimension silent, whatever cue passed it.

The ask gate (`ask_missed.py`) reads a move from its cues; a side taken has many shapes ("X, not
Y", "rather X than Y", "I'd go with"), and one of them turns up in any sentence that contrasts
two things ("the problem is distribution, not the assistant"). An interviewer who asked which
side the candidate takes on the trade-offs hears an answer that names no tension at all (no
cost against a gain, no two goals pulling apart, no side) as an answer to another question,
however good: a strong adoption plan asked for the trade-offs was graded 1 and scored 4.5.
The rubric's trade-off reading hears tensions in any words (versus, over, at the cost of, a
risk against a benefit...): where it finds not even a mention, the move was not made.

Only the side ask: its dimension is the move itself. A measure, a test or a first pick is
said in words the metrics, experimentation and prioritization lexicons miss (strong answers to
estimates and to what-first questions read silent there on the dev split), so those asks stay
with the gate's own cues.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from interviewer.banks import Question
from interviewer.coach.units import question_asks

SILENT = "absent"
"""Reported as the gate's own 'absent': a weak answer to this question, capped at 2."""
ASK_DIMENSIONS = {"side": "trade-offs"}


class _Heard(Protocol):
    @property
    def applied(self) -> Mapping[str, object]: ...

    @property
    def mentioned(self) -> Mapping[str, object]: ...


def silent_ask(question: Question, dimensions: Mapping[str, _Heard]) -> str:
    """SILENT when the question asks a move whose dimension reads nothing, not even a name;
    else ''."""
    for ask in question_asks(question):
        dim = dimensions.get(ASK_DIMENSIONS.get(ask, ""))
        if dim is not None and not dim.applied and not dim.mentioned:
            return SILENT
    return ""
