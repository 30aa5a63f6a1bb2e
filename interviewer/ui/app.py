"""The Textual app: wires the screens to the engine; the screens do the showing.

Backends (bank, coach, store) come in through the constructor, so tests and the CLI pass
the same kinds of objects; `seed` and `clock` make question order and the timer repeatable.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from pathlib import Path

from rich.text import Text
from textual.binding import Binding

from interviewer.banks import MIXED, QuestionBank
from interviewer.coach.base import Coach
from interviewer.config import Settings
from interviewer.session.engine import InterviewEngine
from interviewer.session.store import SessionStore
from interviewer.ui.home import HomeScreen, InterviewChoice
from interviewer.ui.interview import InterviewScreen
from interviewer.ui.scorecard_screen import ScorecardScreen
from interviewer.ui.self_review import SelfReviewApp
from interviewer.ui.widgets import display_path, sentence


class InterviewerApp(SelfReviewApp):
    CSS_PATH = "styles.tcss"
    TITLE = "interviewer"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [Binding("ctrl+q", "quit", "Quit", show=False)]

    def __init__(self, settings: Settings, bank: QuestionBank, coach: Coach,
                 store: SessionStore, text_only: bool = False, seed: int | None = None,
                 clock: Callable[[], float] = time.monotonic,
                 notice: str | None = None, resume: Path | None = None) -> None:
        super().__init__()
        self.resume = resume
        """An unfinished session folder to continue (`interviewer resume`), typed."""
        self.settings = settings
        self.bank = bank
        self.coach = coach
        self.store = store
        self.text_only = text_only
        self.rng = random.Random(seed)
        self.clock = clock
        self.notice = notice
        """Why the coach is not the one asked for (from `make_coach`), shown on the home screen."""
        self.choice = InterviewChoice(settings.track, settings.questions,
                                      settings.minutes_per_answer, settings.mode)
        self.engine: InterviewEngine | None = None

    def on_mount(self) -> None:
        if self.resume is not None:
            error = self.resume_session(self.resume, replace=False)
            if error:
                self.exit(return_code=2, message=error)
            elif self.notice:
                self.notify(sentence(self.notice), title="Coach", severity="warning", timeout=8,
                            markup=False)
            return
        if self.text_only:
            if self.notice:  # no home screen to show it on
                self.notify(sentence(self.notice), title="Coach", severity="warning", timeout=8,
                            markup=False)
            self.start_interview(self.choice, replace=False)
        else:
            self.push_screen(self.home_screen())

    def home_screen(self) -> HomeScreen:
        return HomeScreen(self.bank.tracks(), self.choice, self.coach.name, self.notice,
                          resume_offer=self.resume_offer())

    def start_interview(self, choice: InterviewChoice, *, replace: bool = True) -> None:
        """Pick the questions and open the interview; voice falls back to text for now."""
        track = choice.track if choice.track in self.bank.tracks() else MIXED
        if track != choice.track:
            self.notify(f"No questions for track '{choice.track}': asking a mixed set instead.",
                        severity="warning")
        try:
            questions = self.bank.pick(track, choice.questions, self.rng)
        except KeyError:
            self.exit(return_code=2, message="No questions found: check the question banks.")
            return
        self.choice = choice
        self.engine = InterviewEngine(questions, self.coach, store=self.store, track=track,
                                      mode="text", minutes_per_answer=choice.minutes,
                                      clock=self.clock)
        screen = InterviewScreen(self.engine, self.clock)
        if replace:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def on_home_screen_start(self, message: HomeScreen.Start) -> None:
        self.start_interview(message.choice)

    def on_interview_screen_finished(self, message: InterviewScreen.Finished) -> None:
        titles = {q.id: q.prompt for q in message.engine.questions}
        self.switch_screen(ScorecardScreen(message.scorecard, message.engine.folder, titles,
                                           notice=message.notice))

    def on_interview_screen_quit_confirmed(self) -> None:
        self.exit(message=self.farewell())

    async def action_quit(self) -> None:
        self.exit(message=self.farewell())

    def farewell(self) -> Text | None:
        """Printed after the screen is restored, so the session folder is easy to find."""
        if self.engine is None or self.engine.folder is None:
            return None
        return Text(f"Session saved in {display_path(self.engine.folder)}")

    def on_scorecard_screen_new_interview(self) -> None:
        self.switch_screen(self.home_screen())
