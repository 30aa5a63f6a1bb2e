"""Snapshots of the three screens at a fixed terminal size.

Repeatable by construction: a fixed seed picks the questions, the clock stands still (the timer
always reads 3:00), and the session folder has a fixed name under a fake home (shown as `~/...`).
Regenerate after an intended change with `pytest tests/test_tui_snapshots.py --snapshot-update`
and look at the SVGs in tests/__snapshots__/ before committing them.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.pilot import Pilot

from interviewer.ui.interview import InterviewScreen
from interviewer.ui.scorecard_screen import ScorecardScreen
from tests.support.answers import strong_answer_for
from tests.support.fixture_types import MakeApp, SnapCompare
from tests.support.pilot import SIZE
from tests.support.waiting import pilot_until

FIRST_ANSWER = "I'd train a bigger model and ship it."


async def submit(pilot: Pilot[Any], text: str) -> None:
    screen = pilot.app.screen
    assert isinstance(screen, InterviewScreen)
    before = screen.engine.prompt
    pilot.app.post_message(events.Paste(text))
    await pilot.pause()
    await pilot.press("ctrl+s")
    await pilot_until(pilot, lambda: not isinstance(pilot.app.screen, InterviewScreen)
                or (not screen.busy and screen.engine.prompt != before))


def test_home_screen(snap_compare: SnapCompare, make_tui_app: MakeApp) -> None:
    assert snap_compare(make_tui_app(text_only=False, questions=3), terminal_size=SIZE)


def test_interview_screen_with_a_follow_up(snap_compare: SnapCompare,
                                           make_tui_app: MakeApp) -> None:
    async def answer_once(pilot: Pilot[Any]) -> None:
        await submit(pilot, FIRST_ANSWER)
        screen = pilot.app.screen
        assert isinstance(screen, InterviewScreen)
        prompt = screen.engine.prompt
        assert prompt is not None and prompt.kind == "follow-up"

    assert snap_compare(make_tui_app(questions=3), terminal_size=SIZE, run_before=answer_once)


def test_scorecard_screen(snap_compare: SnapCompare, make_tui_app: MakeApp) -> None:
    async def whole_interview(pilot: Pilot[Any]) -> None:
        await submit(pilot, FIRST_ANSWER)
        while isinstance(pilot.app.screen, InterviewScreen) and pilot.app.screen.engine.prompt:
            await submit(pilot, strong_answer_for(pilot.app.screen.engine.prompt.question))
        await pilot_until(pilot, lambda: isinstance(pilot.app.screen, ScorecardScreen))

    assert snap_compare(make_tui_app(questions=1), terminal_size=SIZE, run_before=whole_interview)
