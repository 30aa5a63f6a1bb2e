"""The interview itself: the prompt, the conversation so far, the answer box and the timer.

The screen only drives `InterviewEngine`. Engine calls that may be slow (a follow-up or the
scorecard from an LLM coach) run in thread workers that post a Message back; widgets are only
touched on the event loop. A follow-up streams in: the engine hands its text so far, once on
disk (a crash keeps all it shows), to `on_follow_up_text`, which posts it here to be shown.
When the coach hands a step to the offline coach, the screen says so in one line and goes on.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from typing import Any

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Static, TextArea

from interviewer.banks import track_title
from interviewer.scorecard import Scorecard
from interviewer.session.engine import InterviewEngine, Prompt
from interviewer.ui.confirm import ConfirmScreen
from interviewer.ui.detached import Abandoned, call_detached
from interviewer.ui.widgets import ConversationLog, CountdownTimer, display_path, sentence

THINKING_DELAY = 0.4
"""Seconds before "thinking" is shown: the offline coach answers faster, so no flicker."""
DRAFT_SAVE_S = 1.0
"""At most this long between a keystroke and the draft holding it on disk (for `resume`)."""


class InterviewScreen(Screen[None]):
    # Not priority bindings: those run before the answer box has taken the keys typed just
    # ahead of them, and a fast typist's last words would be lost.
    BINDINGS = [
        Binding("ctrl+s", "submit", "Submit answer"),
        Binding("ctrl+n", "skip", "Skip"),
        Binding("escape", "request_quit", "Quit"),
        Binding("ctrl+q", "request_quit", "Quit", show=False),
        Binding("ctrl+c", "request_quit", "Quit", show=False),  # the answer box copies first
    ]

    @dataclass
    class FollowUpText(Message):
        """A follow-up's whole text so far, while the coach writes it (it may start over)."""

        text: str

    @dataclass
    class Advanced(Message):
        """The engine took an answer; `prompt` is the next one, or None when all are asked."""

        prompt: Prompt | None
        notice: str | None = None
        """The coach's fallback notice for this step, if it handed the step over."""

    @dataclass
    class Scored(Message):
        scorecard: Scorecard
        notice: str | None = None

    @dataclass
    class Failed(Message):
        """An engine call raised; the answers already given are on disk regardless."""

        what: str
        error: str

    @dataclass
    class Finished(Message):
        """Bubbles to the app, which shows the scorecard."""

        engine: InterviewEngine
        scorecard: Scorecard
        notice: str | None = None
        """Why another coach than the one asked for wrote the scorecard, if one did."""

    class QuitConfirmed(Message):
        """Bubbles to the app, which exits."""

    def __init__(self, engine: InterviewEngine, clock: Callable[[], float]) -> None:
        super().__init__()
        self.engine = engine
        self.clock = clock
        self.busy = False
        self.scoring_failed = False
        self.streaming = False
        """A follow-up's text is arriving: it shows in the prompt panel as it grows."""
        self._asking_number = 0
        self._thinking: Timer | None = None
        self._draft_timer: Timer | None = None
        self.leaving = threading.Event()
        """Set when the screen goes: a coach call still running is abandoned, not waited for."""

    def compose(self) -> ComposeResult:
        with Horizontal(id="topbar"):
            yield Static("", id="header")
            yield CountdownTimer(self.engine.minutes_per_answer, self.clock, id="timer")
        yield ConversationLog(id="log")
        yield Static("", id="prompt", markup=False)
        yield from self.compose_answer()
        yield Static("", id="status")
        yield Footer()

    def compose_answer(self) -> ComposeResult:
        """Where the answer is given: a text box here, a live caption in voice mode."""
        answer = TextArea(id="answer", placeholder="Type your answer here. ctrl+s submits it.")
        answer.cursor_blink = False
        answer.border_title = "Your answer"
        answer.border_subtitle = "ctrl+s submit · ctrl+n skip · esc quit"
        yield answer

    def on_mount(self) -> None:
        self.engine.on_follow_up_text = self._follow_up_text
        self._show_earlier_answers()
        if self.engine.needs_scoring:  # resumed with every question answered
            self.start_scoring()
            return
        prompt = self.engine.prompt or self.engine.start()
        self.show_prompt(prompt)

    def _show_earlier_answers(self) -> None:
        """A resumed session: what was said before the interruption, above the prompt."""
        log = self.query_one(ConversationLog)
        for number, q in enumerate(self.engine.record.questions, start=1):
            for ex in q.exchanges:
                log.add_exchange(ex.kind, number, ex.prompt, ex.answer,
                                 ex.skipped or not ex.answer)
                self.add_class("-has-log")

    def on_unmount(self) -> None:
        self.leaving.set()
        if self.engine.on_follow_up_text == self._follow_up_text:
            self.engine.on_follow_up_text = self.engine.on_follow_up_early = None

    def _follow_up_text(self, text: str) -> None:
        """The engine's streaming callback, on the worker's thread: only posts a message."""
        with suppress(RuntimeError):  # the app is closing: nothing left to show it on
            self.post_message(self.FollowUpText(text))

    # -- showing ---------------------------------------------------------------------------
    @property
    def answer_box(self) -> TextArea:
        return self.query_one("#answer", TextArea)

    def show_prompt(self, prompt: Prompt) -> None:
        q = prompt.question
        self.query_one("#header", Static).update(
            f"Question {prompt.number} of {prompt.question_total} · "
            f"{track_title(q.track)} · {q.difficulty}"
        )
        panel = self.query_one("#prompt", Static)
        panel.update(prompt.text)
        panel.set_class(prompt.kind == "follow-up", "follow-up")
        panel.border_title = (f"Follow-up on question {prompt.number}"
                              if prompt.kind == "follow-up" else f"Question {prompt.number}")
        panel.border_subtitle = ""
        self.streaming = False
        self.set_status("")
        self.ready_for_answer(prompt)
        self.query_one(CountdownTimer).restart()

    # -- the answer: hooks the voice screen replaces ---------------------------------------
    def ready_for_answer(self, prompt: Prompt) -> None:
        box = self.answer_box
        box.clear()
        draft = self.engine.draft  # typed before a crash or a quit: given back
        if draft:
            box.load_text(draft)
            box.move_cursor(box.document.end)
        box.read_only = False
        box.focus()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        """The draft reaches the disk within DRAFT_SAVE_S of any keystroke."""
        if event.text_area.id == "answer" and self._draft_timer is None and not self.busy:
            self._draft_timer = self.set_timer(DRAFT_SAVE_S, self.save_draft)

    def save_draft(self) -> None:
        self._draft_timer = None
        if not self.busy and self.engine.prompt is not None:
            with suppress(OSError):  # a full disk must not stop the typing; submit reports it
                self.engine.save_draft(self.answer_box.text)

    def lock_answer(self, busy: bool) -> None:
        self.answer_box.read_only = busy

    def clear_answer(self) -> None:
        self.answer_box.clear()

    def draft_text(self) -> str:
        """What the candidate has given for the current prompt and not submitted yet."""
        return self.answer_box.text.strip()

    def show_follow_up_text(self, text: str) -> None:
        """A follow-up as it is being written: replaces the panel's text, not added to it."""
        if not text.strip():
            return
        if not self.streaming:
            self.streaming = True
            self._stop_thinking()
            self.set_status("")
            panel = self.query_one("#prompt", Static)
            panel.add_class("follow-up")
            panel.border_title = f"Follow-up on question {self._asking_number}"
            panel.border_subtitle = "…"
        self.query_one("#prompt", Static).update(text)

    def set_status(self, text: str, *, error: bool = False, notice: bool = False) -> None:
        status = self.query_one("#status", Static)
        status.update(text)
        status.set_class(error, "error")
        status.set_class(notice and not error, "notice")
        status.display = bool(text)

    def say_notice(self, notice: str, *, status_line: bool = True) -> None:
        """A step handed to the offline coach, said in one line: under the answer box, where it
        stays until the next prompt, or as a toast when that line is taken ("Scoring...")."""
        text = sentence(notice)
        if status_line:
            self.set_status(text, notice=True)
        else:
            self.notify(text, title="Coach", severity="warning", timeout=8, markup=False)

    def _set_busy(self, busy: bool, note: str = "") -> None:
        """Lock the answer box while the engine works; `note` shows only if it takes a while."""
        self.busy = busy
        self.lock_answer(busy)
        self._stop_thinking()
        if busy and note:
            self._thinking = self.set_timer(THINKING_DELAY, lambda: self.set_status(note))

    def _stop_thinking(self) -> None:
        if self._thinking is not None:
            self._thinking.stop()
            self._thinking = None

    # -- actions ---------------------------------------------------------------------------
    def action_submit(self) -> None:
        if self.scoring_failed:
            self.start_scoring()
            return
        if self.busy or self.engine.prompt is None:
            return
        text = self.answer_box.text.strip()
        if text:
            self.advance(text, skipped=False)
            return

        def answered(skip: bool | None) -> None:
            if skip:
                self.advance("", skipped=True)

        self.app.push_screen(
            ConfirmScreen("Your answer is empty. Skip this question?", confirm="Skip it",
                          cancel="Keep answering", focus_confirm=False),
            answered,
        )

    def action_skip(self) -> None:
        if self.busy or self.engine.prompt is None:
            return
        if not self.draft_text():
            self.advance("", skipped=True)
            return

        def answered(skip: bool | None) -> None:
            if skip:
                self.advance("", skipped=True)

        self.app.push_screen(
            ConfirmScreen("Skip this question? What you typed for it will not be kept.",
                          confirm="Skip it", cancel="Keep answering", focus_confirm=False),
            answered,
        )

    def action_request_quit(self) -> None:
        def answered(quit_now: bool | None) -> None:
            if quit_now:
                self.leaving.set()
                self.keep_draft()
                self.engine.quit()
                self.post_message(self.QuitConfirmed())

        folder = display_path(self.engine.folder)
        draft = ""
        if self.draft_text() and not self.busy:
            draft = self.draft_on_quit()
        if self.engine.needs_scoring:  # every answer given: scoring, or its retry
            draft = (" The scorecard is not written yet: if you quit before it is, "
                     "`interviewer resume` writes it.")
        self.app.push_screen(
            ConfirmScreen(f"Your answers so far are saved in {folder}.{draft} Quit?",
                          confirm="Quit", cancel="Keep going", ctrl_q_confirms=True),
            answered,
        )

    def draft_on_quit(self) -> str:
        return " The answer you are typing is kept as a draft: `interviewer resume` brings it back."

    def keep_draft(self) -> None:
        if not self.busy:
            self.save_draft()

    # -- engine calls ----------------------------------------------------------------------
    def advance(self, answer: str, *, skipped: bool,
                extra: dict[str, Any] | None = None) -> None:
        """Log the answer, hand it to the engine; `extra`: a spoken answer's audio, segments."""
        prompt = self.engine.prompt
        assert prompt is not None
        self.show_answer(prompt, answer, skipped=skipped)
        self._submit(answer, skipped, extra or {})

    def show_answer(self, prompt: Prompt, answer: str, *, skipped: bool) -> None:
        """The answer to `prompt` logged; the screen busy while the engine takes it."""
        self.query_one(ConversationLog).add_exchange(
            prompt.kind, prompt.number, prompt.text, answer, skipped or not answer)
        self.add_class("-has-log")
        self.clear_answer()
        self._asking_number = prompt.number
        self.streaming = False
        self._set_busy(True, "The interviewer is thinking...")

    @work(thread=True, exclusive=True, exit_on_error=False, group="engine")
    def _submit(self, answer: str, skipped: bool, extra: dict[str, Any]) -> None:
        self.submit_now(answer, skipped, extra)

    def submit_now(self, answer: str, skipped: bool, extra: dict[str, Any]) -> None:
        """The engine takes the answer (blocking: a worker's thread): `Advanced` or `Failed`
        posted, nothing once the screen is leaving."""
        try:
            nxt = call_detached(lambda: self.engine.submit(answer, skipped=skipped, **extra),
                                self.leaving, name="coach-call")
        except Abandoned:
            return
        except Exception as exc:
            self.post_message(self.Failed("saving your answer", str(exc)))
            return
        notice = nxt.notice if nxt is not None else self.engine.last_notice
        self.post_message(self.Advanced(nxt, notice))

    def on_interview_screen_follow_up_text(self, message: FollowUpText) -> None:
        if self.busy and not self.scoring_failed and self.engine.prompt is not None:
            self.show_follow_up_text(message.text)

    def on_interview_screen_advanced(self, message: Advanced) -> None:
        self._set_busy(False)
        if message.prompt is not None:
            self.show_prompt(message.prompt)
        else:
            self.start_scoring()
        if message.notice:
            self.say_notice(message.notice, status_line=message.prompt is not None)

    def start_scoring(self) -> None:
        self.scoring_failed = False
        self._set_busy(True)
        self.query_one(CountdownTimer).stop()
        self.streaming = False
        panel = self.query_one("#prompt", Static)
        panel.update("That was the last question.")
        panel.remove_class("follow-up")
        panel.border_title = "Done"
        panel.border_subtitle = ""
        self.set_status("Scoring...")
        self._score()

    @work(thread=True, exclusive=True, exit_on_error=False, group="engine")
    def _score(self) -> None:
        try:
            card = call_detached(self.engine.finish, self.leaving, name="coach-call")
        except Abandoned:
            return
        except Exception as exc:
            self.post_message(self.Failed("scoring", str(exc)))
            return
        self.post_message(self.Scored(card, self.engine.last_notice))

    def on_interview_screen_scored(self, message: Scored) -> None:
        self._set_busy(False)
        self.post_message(self.Finished(self.engine, message.scorecard, message.notice))

    def on_interview_screen_failed(self, message: Failed) -> None:
        self._set_busy(False)
        saved = display_path(self.engine.folder)
        if message.what == "scoring":
            self.scoring_failed = True
            self.set_status(f"Scoring failed: {message.error}. Your answers are saved in "
                            f"{saved}. ctrl+s tries again, esc quits.", error=True)
        else:
            self.set_status(f"Something went wrong {message.what}: {message.error}. "
                            f"Earlier answers are saved in {saved}.", error=True)
