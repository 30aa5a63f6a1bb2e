"""Save before show, for a follow-up that arrives as text so far: each text is handed on to be
shown only once it is on disk, so a crash at any moment after the show keeps what was shown.

The coach's thread never waits for the disk: it leaves its latest text here, and one thread
writes and then shows it; texts that arrive during a write are written together by the next
one (the latest wins: each is the whole follow-up so far). The screen lags one write at most.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from interviewer.coach.base import AnsweredQuestion, Coach, FollowUp, StreamingCoach, TextCallback


class SavedFeed:
    """`put` the text so far from any thread; `drain` waits until the last one is shown."""

    def __init__(self, save: Callable[[str], None], show: Callable[[str], None], *,
                 name: str = "save-then-show") -> None:
        self._save, self._show, self._name = save, show, name
        self._latest: str | None = None
        self._running = False
        self._error: BaseException | None = None
        self._done = threading.Condition()
        self.shown: list[str] = []
        """What was shown, in order (each after its write)."""

    def put(self, text: str) -> None:
        with self._done:
            self._latest = text
            if self._error is not None:
                self._latest = None  # after a failed write nothing more is shown
                return
            if self._running:
                return  # the writer takes it next
            self._running = True
        threading.Thread(target=self._run, name=self._name, daemon=True).start()

    def _run(self) -> None:
        while True:
            with self._done:
                text, self._latest = self._latest, None
                if text is None:
                    self._running = False
                    self._done.notify_all()
                    return
            try:
                self._save(text)
                self.shown.append(text)
                self._show(text)
            except BaseException as exc:  # a failed write is not shown: raised by `drain`
                with self._done:
                    self._error, self._latest, self._running = exc, None, False
                    self._done.notify_all()
                return

    def drain(self) -> None:
        """Return once every text put is written and shown; a failed write is raised here."""
        with self._done:
            while self._running:
                self._done.wait()
            error, self._error = self._error, None
        if error is not None:
            raise error


def saved_follow_up(coach: Coach, item: AnsweredQuestion,
                    save: Callable[[str, FollowUp | None], None], show: TextCallback,
                    early: TextCallback | None = None) -> FollowUp | None:
    """The coach's follow-up for `item`, its text so far handed to `show` only once `save` has
    written it (with the follow-up itself when the coach gives it in one go), all of it before
    this returns. `early` gets each text before it is written (a voice that waits for no disk).
    """
    follow: FollowUp | None
    if isinstance(coach, StreamingCoach):
        feed = SavedFeed(lambda text: save(text, None), show)

        def on_text(text: str) -> None:
            if early is not None:
                early(text)
            feed.put(text)

        follow = coach.stream_follow_up(item, on_text)
    else:
        if (follow := coach.follow_up(item)) is None:
            return None
        if early is not None:
            early(follow.text)
        whole = follow  # one text, written with the follow-up it belongs to
        feed = SavedFeed(lambda text: save(text, whole), show)
        feed.put(follow.text)
    feed.drain()
    return follow
