"""The self-review half of the app: the session library, review, progress, and resuming.

`InterviewerApp` builds on `SelfReviewApp`, so this wiring stays out of app.py: opening the
screens (home keys l and p), resuming an unfinished session (home key r, the library, or
`interviewer resume`), and starting the track the progress screen suggests.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import App
from textual.message import Message

from interviewer.report.session_view import track_label
from interviewer.session.engine import Interrupted, InterviewEngine
from interviewer.session.library import (
    DamagedSessionError,
    SessionSummary,
    latest_unfinished,
    load_record,
)
from interviewer.session.progress import progress_from_store
from interviewer.ui.detached import Abandoned, call_detached
from interviewer.ui.home import HomeScreen, InterviewChoice
from interviewer.ui.interview import InterviewScreen
from interviewer.ui.library_screen import LibraryScreen
from interviewer.ui.progress_screen import ProgressScreen
from interviewer.ui.review_screen import ReviewScreen

if TYPE_CHECKING:
    from interviewer.banks import QuestionBank
    from interviewer.coach.base import Coach
    from interviewer.session.store import SessionStore
    from interviewer.speech.stt import Transcript
    from interviewer.ui.voice_kit import VoiceKit

INTERRUPTED_WAIT_S = 600.0
"""How long scoring waits for the transcript of an answer recorded up to an interruption."""


def resume_offer(session: SessionSummary | None) -> str | None:
    """The home screen's line offering to resume, or None when nothing is unfinished."""
    if session is None:
        return None
    when = (session.created_at.astimezone().strftime("%d %b %H:%M").lstrip("0")
            if session.created_at else "earlier")
    return (f"Resume the interview from {when}? r  ({track_label(session.track)}, "
            f"{session.answered} of {session.questions} answered)")


class SelfReviewApp(App[None]):
    # Set by InterviewerApp.
    store: SessionStore
    bank: QuestionBank
    coach: Coach
    clock: Callable[[], float]
    engine: InterviewEngine | None
    choice: InterviewChoice

    def start_interview(self, choice: InterviewChoice, *, replace: bool = True) -> None:
        raise NotImplementedError

    def voice_kit(self) -> VoiceKit:
        raise NotImplementedError

    @dataclass
    class InterruptedTranscribed(Message):
        """The answer recorded up to an interruption has its transcript (or `error`)."""

        interrupted: Interrupted
        text: str
        error: str = ""

    def unfinished_session(self) -> SessionSummary | None:
        try:
            return latest_unfinished(self.store)
        except OSError:
            return None

    def resume_offer(self) -> str | None:
        return resume_offer(self.unfinished_session())

    def _back_to_bottom(self) -> None:
        """Close the review screens so that the next screen replaces the home screen."""
        while len(self.screen_stack) > 2:
            self.pop_screen()

    # -- resuming ----------------------------------------------------------------------------
    def resume_session(self, folder: Path, *, replace: bool = True) -> str | None:
        """Open the interview on an unfinished session, from its next unanswered question.

        Returns None, or why it cannot be resumed (also shown as a notification)."""
        try:
            engine = InterviewEngine.resume(folder, self.coach, store=self.store,
                                            clock=self.clock)
        except DamagedSessionError as exc:
            error = f"Cannot resume: {exc}"
        except (ValueError, OSError) as exc:
            error = f"Cannot resume {folder.name}: {exc}"
        else:
            self.engine = engine
            if engine.interrupted is not None:  # before the screen: scoring waits for it
                engine.interrupted_wait_s = INTERRUPTED_WAIT_S
                self._transcribe_interrupted(engine)
            screen = InterviewScreen(engine, self.clock)
            where = (f"question {engine.prompt.number} of {engine.prompt.question_total}"
                     if engine.prompt else "the scorecard")
            self.notify(f"Resumed at {where}; your earlier answers are kept.",
                        title="Resumed", markup=False)
            if replace:
                self._back_to_bottom()
                self.switch_screen(screen)
            else:
                self.push_screen(screen)
            return None
        self.notify(error, severity="error", markup=False, timeout=10)
        return error

    @work(thread=True, exit_on_error=False, group="interrupted")
    def _transcribe_interrupted(self, engine: InterviewEngine) -> None:
        """Transcribe the answers recorded up to the interruption (the speech model loads
        here if need be, even in a typed interview) and keep them as answered."""
        from interviewer.speech.audio import load_audio

        def transcribe(path: Path) -> Transcript:
            kit = self.voice_kit()
            if not kit.ready:
                kit.load()
            return kit.transcriber.transcribe(load_audio(path))

        while (found := engine.interrupted) is not None:
            try:  # quitting abandons it: nothing is written, the recording waits for `resume`
                transcript = call_detached(lambda: transcribe(found.audio_path),
                                           name="interrupted-answer")
            except Abandoned:
                return
            except Exception as exc:  # no model, an unreadable file: the recording stays
                error = str(exc).strip() or type(exc).__name__
                engine.adopt_interrupted("")
                self.post_message(self.InterruptedTranscribed(found, "", error))
                continue
            engine.adopt_interrupted(transcript.text,
                                     segments=[s.to_dict() for s in transcript.segments],
                                     audio_seconds=found.audio_seconds)
            self.post_message(self.InterruptedTranscribed(found, transcript.text))

    def on_self_review_app_interrupted_transcribed(self, message: InterruptedTranscribed
                                                   ) -> None:
        found = message.interrupted
        what = (f"Your answer to question {found.question_index + 1}"
                + (" (a follow-up)" if found.kind == "follow-up" else "")
                + f", recorded up to the interruption ({found.audio_seconds:.0f} s)")
        if message.error:
            self.notify(f"{what}, is kept as a recording but could not be transcribed: "
                        f"{message.error}", title="Resumed", severity="warning", timeout=10,
                        markup=False)
        elif message.text:
            more = "..." if len(message.text) > 80 else ""
            self.notify(f"{what}, is kept: \u201c{message.text[:80]}{more}\u201d",
                        title="Resumed", timeout=8, markup=False)
        else:
            self.notify(f"{what}, is kept; no words were heard in it.", title="Resumed",
                        timeout=8, markup=False)

    def action_resume_latest(self) -> None:
        session = self.unfinished_session()
        if session is None:
            self.notify("There is no unfinished interview to resume.", markup=False)
            return
        self.resume_session(session.folder)

    # -- library, review, progress -----------------------------------------------------------
    def action_open_library(self) -> None:
        self.push_screen(LibraryScreen(self.store), lambda _: self._refresh_home())

    def action_open_progress(self) -> None:
        self.push_screen(ProgressScreen(progress_from_store(self.store, self.bank)))

    def _refresh_home(self) -> None:
        """After the library, the home screen's resume offer may be out of date."""
        home = self.screen
        if isinstance(home, HomeScreen) and home.resume_offer != self.resume_offer():
            self.switch_screen(self.home_screen())

    def home_screen(self) -> HomeScreen:
        raise NotImplementedError

    def on_library_screen_open(self, message: LibraryScreen.Open) -> None:
        try:
            record = load_record(message.folder)
        except DamagedSessionError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        self.push_screen(ReviewScreen(message.folder, record))

    def on_library_screen_resume(self, message: LibraryScreen.Resume) -> None:
        self.resume_session(message.folder)

    def on_library_screen_show_progress(self, message: LibraryScreen.ShowProgress) -> None:
        self.action_open_progress()

    def on_progress_screen_practise(self, message: ProgressScreen.Practise) -> None:
        self._back_to_bottom()
        self.start_interview(replace(self.choice, track=message.track))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "resume_latest":  # the home screen's r: shown when it offers to resume
            screen = self.screen
            return not isinstance(screen, HomeScreen) or screen.resume_offer is not None
        return True
