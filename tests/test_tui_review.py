"""Self-review in the TUI, driven by Pilot: the library, review, progress, resume and export."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import DataTable, Select, Static

from interviewer.cli.entry import main
from interviewer.rubric import dimensions
from interviewer.scorecard import Scorecard
from interviewer.session.library import load_record
from interviewer.speech.audio_output import AudioOutput, FillFn, OutputStream
from interviewer.speech.errors import OutputDeviceUnavailable
from interviewer.ui.answer_view import PLAYING_STYLE, AnswerView
from interviewer.ui.confirm import ConfirmScreen
from interviewer.ui.delivery_panel import DeliveryPanel
from interviewer.ui.home import HomeScreen
from interviewer.ui.interview import InterviewScreen
from interviewer.ui.library_screen import LibraryScreen
from interviewer.ui.progress_screen import ProgressScreen
from interviewer.ui.review_screen import EVIDENCE_STYLE, ReviewScreen
from interviewer.ui.scorecard_screen import ScorecardScreen
from tests.support.fixture_types import MakeApp
from tests.support.pilot import content_of, screen_as
from tests.support.session_factory import (
    GOOD,
    MARKUP,
    SPOKEN,
    WEAK,
    days_ago,
    make_session,
    make_spoken_session,
    saved_record,
)
from tests.support.waiting import pilot_until

SIZE = (110, 36)
FOLLOW_UP = "Retention, via an A/B test."


def text_of(widget: Static) -> str:
    return str(widget.content)


def plain(widget: Static) -> str:
    """What a Static built from markup shows, without the markup."""
    return Content.from_markup(str(widget.content)).plain



def library(home: Path) -> dict[str, Path]:
    sessions = {
        "weak": make_session(home, [WEAK], count=1, when=days_ago(6)),
        "markup": make_session(home, [MARKUP, FOLLOW_UP, GOOD], count=2, when=days_ago(4)),
        "broken": make_session(home, [GOOD], count=1, when=days_ago(3)),
        "quit": make_session(home, [GOOD], count=3, stop_after=1, quit=True, when=days_ago(2)),
    }
    (sessions["broken"] / "session.json").write_text('{"status": "complete", "questions": [')
    return sessions


def row_of(screen: LibraryScreen, folder: Path) -> int:
    return [e.id for e in screen.entries].index(folder.name)


async def select(pilot: Pilot[Any], screen: LibraryScreen, folder: Path) -> None:
    table = screen.query_one(DataTable)
    table.move_cursor(row=row_of(screen, folder))
    await pilot.pause()


async def test_library_lists_reviews_and_deletes(make_tui_app: MakeApp, tui_home: Path) -> None:
    s = library(tui_home)
    app = make_tui_app(text_only=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l")
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        table = screen.query_one(DataTable)
        assert table.row_count == 4
        newest_first = [s["quit"], s["broken"], s["markup"], s["weak"]]
        assert [e.id for e in screen.entries] == [f.name for f in newest_first]
        cells = [[str(c) for c in table.get_row_at(i)] for i in range(4)]
        assert cells[0][2:4] == ["text", "offline"] and cells[0][6] == "quit 1/3"
        assert cells[1][6] == "damaged"
        overall = saved_record(s["markup"])["scorecard"]["overall"]
        assert cells[2][4] == f"{overall:.1f}" and cells[2][6] == "complete"

        # The damaged one says why, and cannot be opened.
        await select(pilot, screen, s["broken"])
        detail = text_of(screen.query_one("#library-detail", Static))
        assert detail.startswith(f"{s['broken'].name} is damaged: session.json is not valid "
                                 "JSON (it looks cut off)")
        await pilot.press("enter")
        assert isinstance(app.screen, LibraryScreen)

        # Enter reviews a sound one; escape comes back.
        await select(pilot, screen, s["markup"])
        await pilot.press("enter")
        assert isinstance(app.screen, ReviewScreen)
        assert app.screen.folder == s["markup"]
        await pilot.press("escape")
        assert app.screen is screen

        # d asks; n keeps it; d then y deletes the whole folder.
        await select(pilot, screen, s["weak"])
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert s["weak"].exists() and table.row_count == 4
        await pilot.press("d")
        await pilot.press("y")
        await pilot.pause()
        assert not s["weak"].exists()
        assert table.row_count == 3 and s["weak"].name not in [e.id for e in screen.entries]
        await select(pilot, screen, s["broken"])
        await pilot.press("d", "y")
        await pilot.pause()
        assert not s["broken"].exists() and table.row_count == 2


async def test_review_shows_every_exchange_with_evidence_highlighted(make_tui_app: MakeApp,
                                                                      tui_home: Path) -> None:
    s = library(tui_home)
    record = saved_record(s["markup"])
    app = make_tui_app(text_only=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l")
        await select(pilot, screen_as(app, LibraryScreen), s["markup"])
        await pilot.press("enter")
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        dims = text_of(screen.query_one("#review-dims", Static))
        for d in dimensions():
            assert d.name in dims
        questions = list(screen.query(".review-question").results(Static))
        assert [text_of(q) for q in questions] == [q["question"]["prompt"]
                                                   for q in record["questions"]]
        exchanges = [ex for q in record["questions"] for ex in q["exchanges"]]
        asked = [text_of(w) for w in screen.query(".review-follow-up").results(Static)]
        assert asked == [ex["prompt"] for ex in exchanges if ex["kind"] == "follow-up"]
        answers = list(screen.query(".review-answer").results(Static))
        assert len(answers) == len(exchanges)
        for widget, ex in zip(answers, exchanges, strict=True):
            assert ex["answer"] in content_of(widget).plain  # markup shows as typed
        # Every evidence quote is highlighted where it was said.
        highlighted = [content_of(widget).plain[span.start:span.end]
                       for widget in answers for span in content_of(widget).spans
                       if span.style == EVIDENCE_STYLE]
        quotes = {q for d in record["scorecard"]["dimensions"] for q in d["evidence"]}
        assert quotes
        for quote in quotes:
            assert any(quote in h for h in highlighted), quote
        assert "<script>window.pwned=1</script>" in content_of(answers[0]).plain

        # n jumps from one highlighted answer to the next.
        marked = list(screen.query(".has-evidence").results(Static))
        assert len(marked) >= 2
        scroller = screen.query_one("#review")
        await pilot.press("n")
        await pilot.pause()
        assert screen.evidence_at == 0
        await pilot.press("n")
        await pilot.pause()
        assert screen.evidence_at == 1 and scroller.scroll_y > 0

        # e writes the reports next to session.json.
        await pilot.press("e")
        await pilot.pause()
        assert (s["markup"] / "report.html").exists() and (s["markup"] / "report.md").exists()


async def test_progress_screen_charts_and_starts_the_suggested_track(make_tui_app: MakeApp,
                                                                     tui_home: Path) -> None:
    library(tui_home)
    app = make_tui_app(text_only=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        screen = app.screen
        assert isinstance(screen, ProgressScreen)
        progress = screen.progress
        assert len(progress.sessions) == 2
        assert (progress.unscored, progress.damaged) == (1, 1)
        chart = plain(screen.query_one("#progress-chart", Static))
        for d in dimensions():
            assert d.name in chart
        assert progress.weakest is not None and progress.suggestion is not None
        assert f"▶{progress.weakest.name}" in chart
        verdict = plain(screen.query_one("#progress-verdict", Static))
        assert f"Weakest dimension: {progress.weakest.name}" in verdict
        assert f"Suggested next track: {progress.suggestion.title}" in verdict
        track = progress.suggestion.track
        await pilot.press("t")
        await pilot_until(pilot, lambda: isinstance(app.screen, InterviewScreen))
        engine = screen_as(app, InterviewScreen).engine
        assert engine.record.track == track
        assert {q.track for q in engine.questions} == {track}


async def test_home_offers_to_resume_and_r_resumes(make_tui_app: MakeApp, tui_home: Path) -> None:
    s = library(tui_home)
    pending = saved_record(s["quit"])["pending"]  # the prompt on screen when it was quit
    app = make_tui_app(text_only=False)
    async with app.run_test(size=SIZE) as pilot:
        home = app.screen
        assert isinstance(home, HomeScreen)
        offer = text_of(home.query_one("#resume-offer", Static))
        assert offer.startswith("Resume the interview from ") and "1 of 3 answered" in offer
        await pilot.press("r")
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        engine = screen.engine
        assert engine.folder == s["quit"]
        assert engine.prompt is not None and engine.prompt.text == pending["prompt"]
        assert engine.prompt.number == pending["question"]
        assert text_of(screen.query_one("#prompt", Static)) == engine.prompt.text
        log = [text_of(w) for w in screen.query("#log .entry.prompt").results(Static)]
        assert log == [saved_record(s["quit"])["questions"][0]["question"]["prompt"]]
    assert saved_record(s["quit"])["status"] == "in-progress"


async def test_no_offer_without_an_unfinished_session(make_tui_app: MakeApp,
                                                      tui_home: Path) -> None:
    make_session(tui_home, [GOOD], count=1)
    app = make_tui_app(text_only=False)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, HomeScreen)
        assert not app.screen.query("#resume-offer")
        await pilot.press("r")
        assert isinstance(app.screen, HomeScreen)


async def test_resumed_with_every_answer_given_goes_to_scoring(make_tui_app: MakeApp,
                                                               tui_home: Path) -> None:
    folder = make_session(tui_home, [GOOD], count=2, finish=False)
    app = make_tui_app(text_only=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l")
        await pilot.press("r")
        await pilot_until(pilot, lambda: isinstance(app.screen, ScorecardScreen))
        assert screen_as(app, ScorecardScreen).folder == folder
        await pilot.press("e")
        await pilot.pause()
    assert saved_record(folder)["status"] == "complete"
    assert (folder / "report.html").exists() and (folder / "report.md").exists()


# -- replay of a spoken session -------------------------------------------------------------
class SteppedStream:
    """An output stream the test drives: `step(seconds)` plays that much, block by block."""

    def __init__(self, rate: int, fill: Any, finished: Callable[[], None]) -> None:
        self.rate, self.fill, self.finished = rate, fill, finished
        self.started = self.aborted = self.done = False
        self.played = 0

    def start(self) -> None:
        self.started = True

    def step(self, seconds: float) -> None:
        import numpy as np

        block = int(self.rate * 0.05)
        for _ in range(round(seconds / 0.05)):
            if self.done:
                return
            more = self.fill(np.zeros(block, dtype=np.float32))
            self.played += block
            if not more:
                self._end()

    def _end(self) -> None:
        if not self.done:
            self.done = True
            self.finished()

    def abort(self) -> None:
        self.aborted = True
        self._end()

    def close(self) -> None:
        self._end()


class SteppedOutput(AudioOutput):
    """A sound device whose playback the test advances by hand (no real time involved)."""

    name = "stepped"

    def __init__(self) -> None:
        self.streams: list[SteppedStream] = []

    def check(self) -> None:
        return None

    def open(self, sample_rate: int, fill: FillFn, finished: Callable[[], None]) -> OutputStream:
        stream = SteppedStream(sample_rate, fill, finished)
        self.streams.append(stream)
        return stream


class NoDevice(AudioOutput):
    def check(self) -> None:
        raise OutputDeviceUnavailable("no audio output device (no sound card or sound server "
                                      "was found)")

    def open(self, sample_rate: int, fill: FillFn, finished: Callable[[], None]) -> OutputStream:
        raise AssertionError("never opened")


def toasts(app: Any) -> list[str]:
    return [str(t.render()) for t in app.screen.query("Toast")]


def playing_words(view: AnswerView) -> list[str]:
    """The words shown with the playing mark (there is at most one)."""
    plain_text = content_of(view).plain
    return [plain_text[s.start:s.end] for s in content_of(view).spans if s.style == PLAYING_STYLE]


async def open_review(app: Any, pilot: Pilot[Any], folder: Path,
                      output: AudioOutput) -> ReviewScreen:
    screen = ReviewScreen(folder, load_record(folder), output=output)
    await app.push_screen(screen)
    await pilot.pause()
    return screen


async def test_playing_an_answer_marks_each_word_as_it_is_said(make_tui_app: MakeApp,
                                                              tui_home: Path) -> None:
    folder = make_spoken_session(tui_home, count=1)
    output = SteppedOutput()
    app = make_tui_app(text_only=False)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_review(app, pilot, folder, output)
        first = screen.answer_views[0]
        assert first.has_class("chosen")
        assert "recorded" in content_of(first).plain
        assert screen.query_one("#review-replay", Static)
        words = [w[2] for w in first.words]  # start 0.2 s, one every 0.3 s
        assert words[:3] == ["So,", "I", "would"]
        await pilot.press("space")
        await pilot_until(pilot, lambda: bool(output.streams))
        stream = output.streams[0]
        assert stream.started and screen.playing == ("answer", 1)
        assert first.has_class("playing") and playing_words(first) == []
        seen = []
        for expected in words[:4]:
            stream.step(0.3)  # 0.35 s: word 0; 0.65 s: word 1; ...
            await pilot_until(pilot, lambda e=expected: first.current_word == e)  # type: ignore[misc]
            assert playing_words(first) == [expected]
            seen.append(first.current_word)
        assert seen == words[:4]
        # Space again stops: the sound, the timer and the mark.
        await pilot.press("space")
        await pilot_until(pilot, lambda: screen.playing is None)
        assert stream.aborted
        assert screen.player is not None and screen.player.current is not None
        assert screen.player.current.state == "stopped"
        assert first.current_word is None and playing_words(first) == []
        assert not first.has_class("playing")
        played = stream.played
        await pilot.pause(0.2)  # not a wait: a window in which nothing more may be played
        assert stream.played == played  # nothing more is asked for


async def test_an_answer_plays_to_its_end_and_j_chooses_the_next(make_tui_app: MakeApp,
                                                                 tui_home: Path) -> None:
    folder = make_spoken_session(tui_home, count=1)
    output = SteppedOutput()
    app = make_tui_app(text_only=False)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_review(app, pilot, folder, output)
        await pilot.press("j")
        second = screen.answer_views[1]
        assert second.has_class("chosen") and not screen.answer_views[0].has_class("chosen")
        await pilot.press("a")
        await pilot_until(pilot, lambda: bool(output.streams))
        output.streams[0].step(1.0)
        await pilot_until(pilot, lambda: second.current_word is not None)
        assert second.current_word == "know,"  # "Retention, you know, via": 0.2, 0.5, 0.8 s
        output.streams[0].step(5.0)  # past the end: playback ends by itself
        await pilot_until(pilot, lambda: screen.playing is None)
        assert screen.player is not None and screen.player.current is not None
        assert screen.player.current.state == "done"
        assert second.current_word is None
        # p plays the follow-up as it was spoken; its panel is marked while it plays.
        await pilot.press("p")
        await pilot_until(pilot, lambda: len(output.streams) == 2)
        asked = screen.prompt_widgets[2]
        assert asked.has_class("review-follow-up") and asked.has_class("playing")
        output.streams[1].step(1.0)
        await pilot_until(pilot, lambda: screen.playing is None)
        assert not asked.has_class("playing")


async def test_no_output_device_is_one_notice_and_the_keys_go(make_tui_app: MakeApp,
                                                              tui_home: Path) -> None:
    folder = make_spoken_session(tui_home, count=1)
    app = make_tui_app(text_only=False)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_review(app, pilot, folder, NoDevice())
        await pilot.press("space")
        await pilot.pause()
        notices = [t for t in toasts(app) if "Replay is off" in t]
        assert len(notices) == 1 and "no audio output device" in notices[0]
        assert screen.check_action("play_answer", ()) is False
        await pilot.press("space", "p", "a")
        await pilot.pause()
        assert len([t for t in toasts(app) if "Replay is off" in t]) == 1
        # The transcript is all there.
        assert SPOKEN[0] in content_of(screen.answer_views[0]).plain


async def test_a_missing_recording_is_named_not_a_crash(make_tui_app: MakeApp,
                                                        tui_home: Path) -> None:
    folder = make_spoken_session(tui_home, count=1)
    (folder / "answers" / "1.wav").unlink()
    (folder / "answers" / "2.wav").write_bytes(b"RIFF, but not really")
    output = SteppedOutput()
    app = make_tui_app(text_only=False)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_review(app, pilot, folder, output)
        assert "recording missing" in content_of(screen.answer_views[0]).plain
        await pilot.press("space")
        await pilot.pause()
        assert any("Cannot play the question 1 answer: 1.wav is missing" in t
                   for t in toasts(app))
        await pilot.press("j", "space")
        await pilot.pause()
        assert any("Cannot play the question 1 follow-up 1 answer" in t for t in toasts(app))
        assert screen.playing is None and not output.streams
        # The spoken question still plays.
        await pilot.press("k", "p")
        await pilot_until(pilot, lambda: bool(output.streams))
        assert screen.prompt_widgets[1].has_class("playing")
        await pilot.press("escape")
        await pilot_until(pilot, lambda: not isinstance(app.screen, ReviewScreen))
        assert output.streams[0].aborted


async def test_a_typed_session_offers_no_replay(make_tui_app: MakeApp, tui_home: Path) -> None:
    folder = make_session(tui_home, [GOOD], count=1)
    output = SteppedOutput()
    app = make_tui_app(text_only=False)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_review(app, pilot, folder, output)
        assert not screen.query("#review-replay")
        assert screen.check_action("play_answer", ()) is False
        assert screen.check_action("choose", ()) is False
        await pilot.press("space", "p", "j")
        await pilot.pause()
        assert not output.streams and not toasts(app)


async def test_scorecard_shows_delivery_beside_the_dimensions(make_tui_app: MakeApp,
                                                              tui_home: Path) -> None:
    folder = make_spoken_session(tui_home, count=1)
    record = saved_record(folder)
    card = Scorecard.from_dict(record["scorecard"])
    app = make_tui_app(text_only=False)
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(ScorecardScreen(card, folder))
        await pilot.pause()
        panel = app.screen.query_one(DeliveryPanel)
        rows = [content_of(w).plain for w in panel.query(".delivery-row").results(Static)]
        # Three answers of ~2-3 s with 7-10 words each: fast, filler-heavy, no long pauses.
        assert rows[0].startswith("✗ Pace") and "target: 130-160 words a minute" in rows[0]
        assert rows[1].startswith("✗ Fillers") and "(3)" in rows[1]
        assert rows[2].startswith("✓ Long pauses") and "0 per answer" in rows[2]
        assert rows[3].startswith("✓ First point")
        assert rows[4].startswith("  Talk time") and "of 9 min allowed" in rows[4]
        assert "24 words in 3 spoken answers" in rows[4]
        titles = [text_of(w) for w in app.screen.query(".section").results(Static)]
        assert titles.index("Delivery") == titles.index("Dimensions") + 1


async def test_a_typed_scorecard_has_no_delivery(make_tui_app: MakeApp, tui_home: Path) -> None:
    folder = make_session(tui_home, [GOOD], count=1)
    card = Scorecard.from_dict(saved_record(folder)["scorecard"])
    app = make_tui_app(text_only=False)
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(ScorecardScreen(card, folder))
        await pilot.pause()
        assert not app.screen.query(DeliveryPanel)


async def test_the_kind_picked_is_kept_with_the_session_and_listed_in_a_later_run(
        make_tui_app: MakeApp, tui_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The kind of question chosen on the home screen is saved in session.json; a second run
    of the app (its settings say 'any kind') lists the session with it, as does `sessions`."""
    first = make_tui_app(text_only=False, questions=2)
    async with first.run_test(size=SIZE) as pilot:
        home = screen_as(first, HomeScreen)
        await pilot.click("#kind")
        await pilot.press(*"Estimate", "enter")
        assert home.query_one("#kind", Select).value == "estimate"
        await pilot.click("#start")
        await pilot_until(pilot, lambda: isinstance(first.screen, InterviewScreen))
        engine = screen_as(first, InterviewScreen).engine
        await pilot.press("escape", "y")  # quit at once: an unfinished session
        await pilot.pause()
    folder = engine.folder
    assert folder is not None and saved_record(folder)["kind"] == "estimate"
    assert {q.kind for q in engine.questions} == {"estimate"}

    later = make_tui_app(text_only=False)
    assert later.choice.kind == "any"
    async with later.run_test(size=SIZE) as pilot:
        await pilot.press("l")
        screen = screen_as(later, LibraryScreen)
        table = screen.query_one(DataTable)
        cells = [str(c) for c in table.get_row_at(row_of(screen, folder))]
    assert cells[1] == "Mixed · Estimate"

    assert main(["sessions", "--format", "json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(d["id"], d["kind"]) for d in listed] == [(folder.name, "estimate")]
    assert main(["sessions"]) == 0
    assert "Mixed · Estimate" in capsys.readouterr().out


def test_a_session_of_any_kind_is_written_as_before() -> None:
    """'any' is the default and is left out of session.json, so older readers see no change;
    a record without the key reads as 'any'."""
    from interviewer.banks import load_banks
    from interviewer.session.record import SessionRecord

    questions = load_banks().pick("mixed", 1, random.Random(1))
    record = SessionRecord.begin(questions, app_version="x", folder_name="f", track="mixed",
                                 mode="text", coach="offline", minutes_per_answer=3.0,
                                 keep_audio=True)
    data = record.to_json()
    assert "kind" not in data
    assert SessionRecord.model_validate(data).kind == "any"
    assert SessionRecord.begin(questions, app_version="x", folder_name="f", track="mixed",
                               mode="text", coach="offline", minutes_per_answer=3.0,
                               keep_audio=True, kind="estimate").to_json()["kind"] == "estimate"
