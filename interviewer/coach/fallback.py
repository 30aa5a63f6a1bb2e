"""The safety net: the LLM coach first, the offline coach for any step it cannot do.

Each handover leaves one line in `notices` (and goes to `on_notice`, if given), so the engine can
record it and the UI can say it; `FollowUp.coach` and `Scorecard.coach` name the coach that
actually produced them. After repeated failed follow-ups, or a refused key, the offline coach asks
the remaining follow-ups without waiting on the endpoint each time; the scorecard is always tried.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence

from interviewer.coach.base import (
    AnsweredQuestion,
    Coach,
    FollowUp,
    TextCallback,
    follow_up_with_text,
)
from interviewer.coach.llm import LLMCoach
from interviewer.coach.llm_client import REJECTED, LLMFailure
from interviewer.coach.offline import OfflineCoach
from interviewer.scorecard import Scorecard

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

FAILURES_BEFORE_OFFLINE = 2
"""Failed follow-ups in a row after which the offline coach asks the rest of them."""


class FallbackCoach:
    def __init__(self, primary: LLMCoach, fallback: Coach | None = None, *,
                 on_notice: Callable[[str], None] | None = None,
                 failures_before_offline: int = FAILURES_BEFORE_OFFLINE) -> None:
        self.primary = primary
        self.fallback: Coach = fallback or OfflineCoach()
        self.on_notice = on_notice
        self.failures_before_offline = failures_before_offline
        self.notices: list[str] = []
        self._pending: list[str] = []
        self._lock = threading.Lock()
        self._failed_in_a_row = 0
        self.follow_ups_offline = False

    @property
    def name(self) -> str:
        return self.primary.name

    # -- the Coach interface ---------------------------------------------------------------
    def follow_up(self, item: AnsweredQuestion) -> FollowUp | None:
        return self.stream_follow_up(item, None)

    def stream_follow_up(self, item: AnsweredQuestion,
                         on_text: TextCallback | None) -> FollowUp | None:
        if self.follow_ups_offline:
            return follow_up_with_text(self.fallback, item, on_text)
        try:
            follow = self.primary.stream_follow_up(item, on_text)
        except Exception as exc:
            reason, kind = self._reason(exc)
            self._failed_in_a_row += 1
            if kind == REJECTED or self._failed_in_a_row >= self.failures_before_offline:
                self.follow_ups_offline = True
                tail = "the offline coach asks the follow-ups from now on"
            else:
                tail = "the offline coach stepped in for this follow-up"
            self._notice(f"LLM coach: {reason}; {tail}.")
            return follow_up_with_text(self.fallback, item, on_text)
        self._failed_in_a_row = 0
        return follow

    def score(self, items: Sequence[AnsweredQuestion]) -> Scorecard:
        try:
            return self.primary.score(items)
        except Exception as exc:
            reason, _ = self._reason(exc)
            card = self.fallback.score(items)
            self._notice(f"LLM coach: {reason}; the offline coach wrote the scorecard.")
            return card

    def take_notices(self) -> list[str]:
        with self._lock:
            pending, self._pending = self._pending, []
        return pending

    # -- internals ------------------------------------------------------------------------
    def _reason(self, exc: Exception) -> tuple[str, str]:
        if isinstance(exc, LLMFailure):
            return self.primary.client.safe(exc.reason), exc.kind
        # A bug or something unforeseen: name its type only, never its text.
        log.debug("LLM coach step failed unexpectedly", exc_info=False)
        return f"unexpected error ({type(exc).__name__})", "error"

    def _notice(self, text: str) -> None:
        text = self.primary.client.safe(" ".join(text.split()))
        log.info("%s", text)
        with self._lock:
            self.notices.append(text)
            self._pending.append(text)
        if self.on_notice is not None:
            self.on_notice(text)
