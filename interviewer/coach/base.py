"""The coach interface the interview engine talks to; implementations stay swappable."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from interviewer.banks import Question
from interviewer.scorecard import Scorecard

MAX_FOLLOW_UPS = 2


@dataclass(frozen=True)
class FollowUp:
    text: str
    dimension: str
    coach: str


@dataclass
class AnsweredQuestion:
    """A question with everything the candidate said about it, in order."""

    question: Question
    answers: list[str] = field(default_factory=list)
    follow_ups: list[FollowUp] = field(default_factory=list)


class Coach(Protocol):
    @property
    def name(self) -> str:
        """'offline' or 'llm:<model>', recorded with everything it produces."""
        ...

    def follow_up(self, item: AnsweredQuestion) -> FollowUp | None:
        """The next probe for this question, or None when the answer needs none."""
        ...

    def score(self, items: Sequence[AnsweredQuestion]) -> Scorecard:
        """The session's scorecard; evidence must be verbatim spans of the answers."""
        ...
