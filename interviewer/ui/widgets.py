"""Small widgets shared by the screens: the answer timer, the conversation log, a score bar."""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path

from textual.containers import VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.timer import Timer
from textual.widgets import Static

from interviewer.rubric import HIRE_BAR, MAX_SCORE


def display_path(path: Path | None) -> str:
    """A session folder as the candidate would type it: the home directory shown as `~`."""
    if path is None:
        return "(not saved: no session folder)"
    try:
        return "~/" + str(path.relative_to(Path.home()))
    except ValueError:
        return str(path)


def sentence(text: str) -> str:
    """A coach's one-line notice as shown on screen: a capital first letter, nothing else."""
    text = " ".join(text.split())
    return text[:1].upper() + text[1:]


def format_seconds(seconds: float) -> str:
    whole = int(abs(seconds))
    return f"{whole // 60}:{whole % 60:02d}"


class CountdownTimer(Static):
    """Time left for the current answer; past zero it counts up in a warning colour.

    It never cuts an answer off: interviews run over and the engine records that instead.
    The clock is injected so tests and snapshots see a fixed time.
    """

    remaining: reactive[float] = reactive(0.0)

    def __init__(self, minutes: float, clock: Callable[[], float], *, id: str | None = None
                 ) -> None:
        super().__init__("", id=id)
        self.limit = minutes * 60
        self.clock = clock
        self.started = clock()
        self.remaining = self.limit
        self._ticker: Timer | None = None

    def on_mount(self) -> None:
        self._ticker = self.set_interval(0.5, self.tick)
        self.tick()

    def restart(self) -> None:
        self.started = self.clock()
        if self._ticker is not None:
            self._ticker.resume()
        self.tick()

    def stop(self) -> None:
        if self._ticker is not None:
            self._ticker.pause()

    def tick(self) -> None:
        self.remaining = self.limit - (self.clock() - self.started)

    def watch_remaining(self, remaining: float) -> None:
        over = remaining < 0
        self.set_class(over, "-over")
        if over:
            self.update(f"Over time +{format_seconds(remaining)}")
        else:  # rounded up, so a fresh 3-minute answer shows 3:00
            self.update(f"Time left {format_seconds(math.ceil(remaining))}")


class ConversationLog(VerticalScroll, can_focus=False):
    """The exchanges so far, oldest first; follow-ups are labelled as such."""

    def add_exchange(self, kind: str, number: int, prompt: str, answer: str,
                     skipped: bool) -> None:
        label = f"Follow-up on question {number}" if kind == "follow-up" else f"Question {number}"
        entry = Static(prompt, markup=False, classes=f"entry prompt {kind}")
        entry.border_title = label
        missing = skipped or not answer
        said = Content.styled("(skipped)", "italic") if missing else Content(answer)
        reply = Static(Content.assemble(("You  ", "bold $accent"), said),
                       classes="entry answer" + (" skipped" if missing else ""))
        self.mount(entry)
        self.mount(reply)
        self.call_after_refresh(self.scroll_end, animate=False)


def score_bar(score: float, width: int = 20) -> str:
    """A bar whose length is the score out of 5, as Textual markup."""
    filled = round(max(0.0, min(score, MAX_SCORE)) / MAX_SCORE * width)
    colour = "$success" if score >= HIRE_BAR else "$warning" if score >= 2 else "$error"
    return f"[{colour}]{'█' * filled}[/][$foreground-muted]{'░' * (width - filled)}[/]"
