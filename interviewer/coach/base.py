"""The coach interface the interview engine talks to; implementations stay swappable."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from interviewer.banks import Question
from interviewer.scorecard import Scorecard

MAX_FOLLOW_UPS = 2

TextCallback = Callable[[str], None]
"""Gets the follow-up's text *so far* while it is generated: show it, replacing what was shown
(it can start over when a retry or the offline coach takes over). Called from the engine's
thread, so a UI must hand it to its own event loop."""


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


@runtime_checkable
class StreamingCoach(Protocol):
    """A coach that can show a follow-up while it is being written."""

    def stream_follow_up(self, item: AnsweredQuestion,
                         on_text: TextCallback | None) -> FollowUp | None:
        ...


@runtime_checkable
class NoticeSource(Protocol):
    """A coach that may hand a step to another coach, and says so in one line per step."""

    def take_notices(self) -> list[str]:
        """The notices since the last call (oldest first), then forgets them."""
        ...


@runtime_checkable
class PreviewCoach(Protocol):
    """A coach that can say, cheaply and without changing itself, what it would ask next: local
    work only (no network call is spent on a guess)."""

    def preview_follow_up(self, item: AnsweredQuestion) -> FollowUp | None:
        ...


def follow_up_with_text(coach: Coach, item: AnsweredQuestion,
                        on_text: TextCallback | None) -> FollowUp | None:
    """The coach's follow-up, streamed through `on_text` when the coach can, else in one go."""
    if isinstance(coach, StreamingCoach):
        return coach.stream_follow_up(item, on_text)
    follow = coach.follow_up(item)
    if follow is not None and on_text is not None:
        on_text(follow.text)
    return follow
