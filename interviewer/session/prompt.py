"""What the engine is asking right now, and where the interview stands."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from interviewer.banks import Question
from interviewer.coach.base import FollowUp
from interviewer.session.record import Kind


class Phase(str, Enum):
    READY = "ready"
    ANSWERING = "answering"
    FINISHED = "finished"


@dataclass(frozen=True)
class Prompt:
    """What the candidate is being asked right now."""

    text: str
    kind: Kind
    question_index: int
    question_total: int
    question: Question
    follow_up: FollowUp | None = None
    notice: str | None = None
    """One line when the coach handed the step that led here to another coach (a fallback)."""
    latency_s: float | None = None
    """Follow-ups: seconds from the answer's submission to the follow-up's first text shown
    (once on disk), or to the whole follow-up when none was shown before it."""
    ready_s: float | None = None
    """Follow-ups: seconds from the answer's submission to the whole follow-up."""

    @property
    def number(self) -> int:
        return self.question_index + 1
