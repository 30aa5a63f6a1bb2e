"""The home screen offers every question count the settings and `--questions` allow (1-20)."""

from __future__ import annotations

from textual.widgets import Select

from interviewer.ui.home import HomeScreen
from interviewer.ui.interview import InterviewScreen
from tests.support.fixture_types import MakeApp

SIZE = (100, 34)


async def test_fifteen_from_the_settings_and_twenty_picked(make_tui_app: MakeApp) -> None:
    app = make_tui_app(text_only=False, questions=15)
    async with app.run_test(size=SIZE) as pilot:
        home = app.screen
        assert isinstance(home, HomeScreen)
        select = home.query_one("#questions", Select)
        assert select.value == 15
        assert [value for _, value in select._options if value != Select.BLANK] == list(
            range(1, 21))  # 1-20, as the config file and --questions
        await pilot.press("enter")
        assert isinstance(app.screen, InterviewScreen)
        assert len(app.screen.engine.questions) == 15

    app = make_tui_app(text_only=False, questions=3)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.click("#questions")
        await pilot.press("2", "0", "enter")
        home = app.screen
        assert isinstance(home, HomeScreen)
        assert home.query_one("#questions", Select).value == 20
        await pilot.click("#start")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        assert len(app.screen.engine.questions) == 20
