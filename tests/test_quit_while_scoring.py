"""Quitting while the scorecard is being written (the last answer given, an LLM coach slow to
score): every answer stays on disk, the session is left quit and unscored (never complete
without a scorecard), and reopening it writes the scorecard. Pilot drives the real app over
the real banks; the one fake is a coach whose scoring blocks (fault injection at the Coach
boundary), let go after the app has gone."""

from __future__ import annotations

import io
import json
import threading
import time
from collections.abc import Sequence
from contextlib import redirect_stdout
from pathlib import Path
from typing import Any

from textual.widgets import TextArea

from interviewer.banks import load_banks
from interviewer.cli import main
from interviewer.coach.base import AnsweredQuestion, FollowUp
from interviewer.coach.offline import OfflineCoach
from interviewer.config import Settings
from interviewer.scorecard import Scorecard
from interviewer.session.store import SessionStore
from interviewer.ui.app import InterviewerApp
from interviewer.ui.confirm import ConfirmScreen
from interviewer.ui.detached import running_detached
from interviewer.ui.interview import InterviewScreen
from interviewer.ui.scorecard_screen import ScorecardScreen
from tests.support.fixture_types import MakeApp
from tests.support.pilot import SIZE, screen_as
from tests.support.waiting import pilot_until, wait_until

ANSWER = ("I would start with new users who churn in week one, and measure week-two "
          "retention against a holdout")


class SlowScorer:
    """The offline coach, whose scorecard waits for `gate` (an LLM endpoint slow to score).
    Let go with `dies` set, it raises instead of scoring: a thread does not outlive its
    process, and the test's process goes on after the app's exit."""

    def __init__(self) -> None:
        self.inner = OfflineCoach()
        self.gate = threading.Event()
        self.scoring = threading.Event()
        self.dies = True

    @property
    def name(self) -> str:
        return "slow"

    def follow_up(self, item: AnsweredQuestion) -> FollowUp | None:
        return self.inner.follow_up(item)

    def score(self, items: Sequence[AnsweredQuestion]) -> Scorecard:
        self.scoring.set()
        self.gate.wait(30)
        if self.dies:
            raise RuntimeError("the process is gone")
        return self.inner.score(items)


def record_of(folder: Path) -> dict[str, Any]:
    return json.loads((folder / "session.json").read_text())  # type: ignore[no-any-return]


def answers_of(record: dict[str, Any]) -> list[str]:
    return [ex["answer"] for q in record["questions"] for ex in q["exchanges"]]


async def answer_until_scoring(app: InterviewerApp, pilot: Any, coach: SlowScorer) -> list[str]:
    """Answer every prompt (questions and the coach's follow-ups) until scoring starts."""
    screen = screen_as(app, InterviewScreen)
    given: list[str] = []
    while True:
        await pilot_until(pilot, lambda: coach.scoring.is_set() or not screen.busy,
                          "the next prompt or the scoring")
        if coach.scoring.is_set():
            return given
        given.append(f"{ANSWER} ({len(given) + 1}).")
        screen.query_one("#answer", TextArea).load_text(given[-1])
        await pilot.press("ctrl+s")


def cli(*args: str) -> str:
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(list(args)) == 0
    return out.getvalue()


async def test_quit_while_scoring_keeps_every_answer_and_reopening_scores_them(
        make_tui_app: MakeApp, tui_home: Path) -> None:
    coach = SlowScorer()
    app = make_tui_app(questions=2, coach=coach)
    try:
        async with app.run_test(size=SIZE) as pilot:
            folder = screen_as(app, InterviewScreen).engine.folder
            assert folder is not None
            given = await answer_until_scoring(app, pilot, coach)
            await pilot.press("ctrl+c")  # asks, as esc and ctrl+q do
            confirm = screen_as(app, ConfirmScreen)
            assert "scorecard" in confirm.message and "interviewer resume" in confirm.message
            await pilot.press("y")
            await pilot.pause()
        assert app.return_code == 0 and not app.is_running
        left = record_of(folder)
        assert left["status"] == "quit" and left["scorecard"] is None
        assert answers_of(left) == given and len(given) >= 2
        assert "`interviewer resume` writes it" in str(app.farewell())
    finally:
        coach.gate.set()
    wait_until(lambda: running_detached() == [], "the abandoned scoring to end")
    assert record_of(folder)["status"] == "quit"  # never complete without a scorecard

    listed = cli("sessions")
    assert f"quit ({len(left['questions'])}/{len(left['questions'])})" in listed, listed

    # Reopened (`interviewer resume`): nothing left to answer, so it scores at once.
    settings = Settings(home=tui_home, questions=2, mode="text")
    again = InterviewerApp(settings, load_banks(), OfflineCoach(), SessionStore(tui_home),
                           text_only=True, resume=folder)
    async with again.run_test(size=SIZE) as pilot:
        await pilot_until(pilot, lambda: isinstance(again.screen, ScorecardScreen),
                          "the scorecard")
    scored = record_of(folder)
    assert scored["status"] == "complete" and scored["scorecard"] is not None
    assert answers_of(scored) == given
    report = json.loads(cli("report", folder.name, "--format", "json"))
    assert report["scorecard"]["overall"] is not None


async def test_quit_while_scoring_waits_for_a_scorecard_that_comes_in_time(
        make_tui_app: MakeApp) -> None:
    """The coach scores a moment after the quit: the exit's bounded wait lets it finish, and
    the session is complete, its scorecard saved with it."""
    coach = SlowScorer()
    coach.dies = False
    app = make_tui_app(questions=2, coach=coach)
    async with app.run_test(size=SIZE) as pilot:
        screen = screen_as(app, InterviewScreen)
        folder = screen.engine.folder
        assert folder is not None
        given = await answer_until_scoring(app, pilot, coach)

        def score_after_the_quit() -> None:
            if screen.leaving.wait(30):
                time.sleep(0.3)
                coach.gate.set()

        threading.Thread(target=score_after_the_quit, daemon=True).start()
        await pilot.press("escape", "y")
        await pilot.pause()
    assert app.return_code == 0 and not app.is_running
    assert running_detached() == []
    done = record_of(folder)
    assert done["status"] == "complete" and done["scorecard"] is not None
    assert answers_of(done) == given
    assert str(app.farewell()) == f"Session saved in ~/interviewer-home/sessions/{folder.name}"


async def test_a_scorecard_that_comes_while_quit_is_asked_is_shown_and_saved(
        make_tui_app: MakeApp) -> None:
    coach = SlowScorer()
    coach.dies = False
    app = make_tui_app(questions=2, coach=coach)
    async with app.run_test(size=SIZE) as pilot:
        folder = screen_as(app, InterviewScreen).engine.folder
        assert folder is not None
        given = await answer_until_scoring(app, pilot, coach)
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmScreen)
        coach.gate.set()
        await pilot_until(pilot, lambda: isinstance(app.screen, ScorecardScreen),
                          "the scorecard")
        # the question is answered by the scorecard: no dialog, no interview left beneath it
        assert not any(isinstance(s, (ConfirmScreen, InterviewScreen))
                       for s in app.screen_stack), app.screen_stack
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0 and not app.is_running
    done = record_of(folder)
    assert done["status"] == "complete" and done["scorecard"] is not None
    assert answers_of(done) == given
