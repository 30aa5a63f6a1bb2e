"""The home screen: pick a track, a kind of question, how many, the time per answer, and start."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Horizontal, Vertical
from textual.css.query import NoMatches
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Footer, Select, Static

from interviewer.banks import ANY_KIND, MIXED, track_title
from interviewer.config import MAX_QUESTIONS
from interviewer.ui.widgets import sentence

MINUTE_CHOICES = (1.0, 2.0, 3.0, 4.0, 5.0, 7.0, 10.0, 15.0)
MODES = [("Typing (text)", "text"), ("Speaking (voice)", "voice")]
CHECKING = ("Checking the microphone…", "auto")
"""mode = auto while the app checks for a microphone and the speech model (in a worker)."""
PITCH = ("Rehearse AI/ML product-sense interviews: answer each question, face the follow-ups "
         "it leaves open, and get a scorecard with your own words as evidence.")


@dataclass(frozen=True)
class InterviewChoice:
    """What the candidate picked; the app turns it into an engine."""

    track: str
    questions: int
    minutes: float
    mode: str
    kind: str = ANY_KIND


def minutes_label(minutes: float) -> str:
    shown = f"{minutes:g}"
    return f"{shown} minute" if minutes == 1 else f"{shown} minutes"


class HomeScreen(Screen[None]):
    AUTO_FOCUS = ""
    """Nothing focused at first, so enter starts (a focused Select would open instead)."""

    BINDINGS = [
        Binding("enter", "start", "Start"),
        Binding("ctrl+s", "start", "Start", show=False),
        Binding("tab", "app.focus_next", "Change settings"),
        Binding("r", "app.resume_latest", "Resume"),
        Binding("l", "app.open_library", "Sessions"),
        Binding("p", "app.open_progress", "Progress"),
        Binding("m", "app.mic_check", "Mic check"),
        Binding("ctrl+q", "app.quit", "Quit", priority=True),
    ]

    @dataclass
    class Start(Message):
        """Bubbles to the app, which builds the interview."""

        choice: InterviewChoice

    @dataclass
    class ModeChanged(Message):
        """Voice picked (the app starts loading the speech model) or text."""

        mode: str

    class Painted(Message):
        """The screen has been drawn once: the app's start-up work may begin (its imports hold
        the GIL, and begun before, they delayed this first paint by 0.1-0.2 s)."""

    def __init__(self, tracks: list[str], choice: InterviewChoice, coach_name: str,
                 coach_notice: str | None = None, resume_offer: str | None = None,
                 voice_status: str = "", kinds: list[str] | None = None) -> None:
        super().__init__()
        self.kinds = kinds or []
        """The kinds of question the banks hold, offered beside 'any kind'."""
        self.voice_status = voice_status
        """"Loading speech model…", "Speech model ready", or why voice is off."""
        self.resume_offer = resume_offer
        """"Resume the interview from <date>? r", when one was left unfinished."""
        self.tracks = tracks
        self.choice = choice
        self.coach_name = coach_name
        self.coach_notice = coach_notice
        """Why the coach is not the one asked for, e.g. no LLM endpoint configured."""

    def compose(self) -> ComposeResult:
        c = self.choice
        track_options = [("Mixed (a bit of every track)", MIXED)]
        track_options += [(track_title(t), t) for t in self.tracks]
        track = c.track if c.track in self.tracks else MIXED
        kind_options = [("Any kind", ANY_KIND)] + [(track_title(k), k) for k in self.kinds]
        kind = c.kind if c.kind in self.kinds else ANY_KIND
        count = max(1, min(MAX_QUESTIONS, c.questions))
        minutes = sorted({*MINUTE_CHOICES, float(c.minutes)})
        with Vertical(id="home"):
            yield Static("interviewer", id="title")
            yield Static(PITCH, id="pitch")
            if self.resume_offer:
                yield Static(self.resume_offer, id="resume-offer", markup=False)
            with Vertical(id="form"):
                yield from self._field("Track", Select(
                    track_options, value=track, allow_blank=False, compact=True, id="track"))
                yield from self._field("Kind of question", Select(
                    kind_options, value=kind, allow_blank=False, compact=True, id="kind"))
                yield from self._field("Questions", Select(
                    [(str(n), n) for n in range(1, MAX_QUESTIONS + 1)], value=count,
                    allow_blank=False, compact=True, id="questions"))
                yield from self._field("Time per answer", Select(
                    [(minutes_label(m), m) for m in minutes], value=float(c.minutes),
                    allow_blank=False, compact=True, id="minutes"))
                yield from self._field("Answer by", Select(
                    MODES + ([CHECKING] if c.mode == "auto" else []),
                    value=c.mode if c.mode in ("voice", "auto") else "text",
                    allow_blank=False, compact=True, id="mode"))
                yield Static(self.voice_status, id="voice-note", markup=False)
                yield Static(f"Coach: {self.coach_name}", id="coach", markup=False)
                if self.coach_notice:
                    yield Static(sentence(self.coach_notice), id="coach-notice", markup=False)
            with Center():
                yield Button("Start interview", id="start", variant="primary")
        yield Footer()

    @staticmethod
    def _field(label: str, select: Select[Any]) -> ComposeResult:
        with Horizontal(classes="field"):
            yield Static(label, classes="label")
            yield select

    def on_mount(self) -> None:
        self._show_voice_note()
        self.call_after_refresh(lambda: self.post_message(self.Painted()))

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "mode":
            self._show_voice_note()
            self.post_message(self.ModeChanged(str(event.value)))

    def set_mode(self, mode: str) -> None:
        """mode = auto, decided: the choice shows what it became. The check can end as the app
        closes, with the select's parts already gone: then there is nothing to show it on."""
        for select in self.query("#mode").results(Select):
            try:
                select.set_options(MODES)
            except NoMatches:
                return
            select.value = mode

    def set_voice_status(self, text: str) -> None:
        self.voice_status = text
        for note in self.query("#voice-note").results(Static):  # none before compose
            note.update(text)
            self._show_voice_note()

    def _show_voice_note(self) -> None:
        note = self.query_one("#voice-note")
        mode = next(iter(self.query("#mode").results(Select)), None)
        if mode is None:  # the screen is being composed or taken down (seen under load)
            return
        note.display = mode.value in ("voice", "auto") and bool(self.voice_status)
        note.set_class(self.voice_status.endswith("ready"), "-ready")

    def current_choice(self) -> InterviewChoice:
        def value(sel_id: str) -> object:
            return self.query_one(f"#{sel_id}", Select).value

        track, count, minutes, mode, kind = (
            value(i) for i in ("track", "questions", "minutes", "mode", "kind"))
        assert isinstance(track, str) and isinstance(count, int) and isinstance(kind, str)
        assert isinstance(minutes, float) and isinstance(mode, str)
        return InterviewChoice(track, count, minutes, mode, kind)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "start":
            event.stop()
            self.action_start()

    def action_start(self) -> None:
        self.post_message(self.Start(self.current_choice()))
