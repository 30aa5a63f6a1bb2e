"""The TUI driven key by key with Textual's Pilot: real banks, the real offline coach, real files.

Each wait polls the app's state: engine calls run in thread workers, so nothing is timed."""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from textual import events
from textual.pilot import Pilot
from textual.widgets import Digits, OptionList, Select, Static, TextArea

from interviewer.banks import MIXED
from interviewer.coach.base import AnsweredQuestion, FollowUp
from interviewer.coach.offline import OfflineCoach
from interviewer.rubric import dimensions
from interviewer.scorecard import Scorecard
from interviewer.session.engine import InterviewEngine
from interviewer.ui.app import InterviewerApp
from interviewer.ui.confirm import ConfirmScreen
from interviewer.ui.home import HomeScreen
from interviewer.ui.interview import THINKING_DELAY, InterviewScreen
from interviewer.ui.scorecard_screen import DimensionCard, ScorecardScreen
from tests.support.answers import strong_answer_for
from tests.support.fixture_types import MakeApp
from tests.support.pilot import SIZE, screen_as
from tests.support.waiting import pilot_until

WEAK_ANSWER = "I'd train a bigger model."
GOOD_ANSWER = (
    "First, who is the user and what problem do they have? I'd segment new and heavy users and "
    "start with new users because they churn most. Success metric: 7-day retention, with "
    "guardrails on latency and cost. Trade-off: accuracy versus latency, and I'd pick latency. "
    "Options ranked by impact and effort; first step a small MVP. Validate offline, then an "
    "A/B test with a staged rollout; if retention drops we roll back. It should grow revenue. "
    "In summary: users, metric, trade-off, plan."
)
FOLLOW_UP_ANSWER = "Retention, via an A/B test."
TYPING_LIMIT = 40
"""Longer answers are pasted (a terminal's bracketed paste): Pilot types ~15 keys a second."""


def text_of(widget: Static) -> str:
    return str(widget.content)



def session_record(app: InterviewerApp) -> dict[str, Any]:
    assert app.engine is not None and app.engine.folder is not None
    data: dict[str, Any] = json.loads((app.engine.folder / "session.json").read_text())
    return data


def answers_on_disk(record: dict[str, Any]) -> list[str]:
    return [ex["answer"] for q in record["questions"] for ex in q["exchanges"]]


async def type_and_submit(pilot: Pilot[Any], engine: InterviewEngine, text: str) -> None:
    """Type (or paste) into the answer box, submit, and wait for the engine to move on."""
    box = pilot.app.screen.query_one("#answer", TextArea)
    assert box.has_focus, "the answer box should have focus for typing"
    if len(text) <= TYPING_LIMIT:
        await pilot.press(*text)
    else:
        pilot.app.post_message(events.Paste(text))
        await pilot.pause()
    assert box.text == text
    before = engine.prompt
    await pilot.press("ctrl+s")

    def moved_on() -> bool:
        screen = pilot.app.screen
        if not isinstance(screen, InterviewScreen):
            return True
        # Moved on: the next prompt is up, or the last answer is in and scoring has begun.
        return engine.prompt != before and (not screen.busy or engine.prompt is None)

    await pilot_until(pilot, moved_on)


async def test_whole_interview_reaches_scorecard_and_is_saved(make_tui_app: MakeApp) -> None:
    app = make_tui_app(questions=2)
    typed: list[str] = []
    follow_ups_seen = 0
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        engine = screen.engine
        header = screen.query_one("#header", Static)
        assert text_of(header).startswith("Question 1 of 2 · ")
        while isinstance(app.screen, InterviewScreen):
            prompt = engine.prompt
            if prompt is None:  # scoring is under way
                await pilot_until(pilot, lambda: engine.prompt is not None
                                  or not isinstance(app.screen, InterviewScreen), "the scorecard")
                continue
            panel = text_of(app.screen.query_one("#prompt", Static))
            assert panel == prompt.text
            if prompt.kind == "follow-up":
                follow_ups_seen += 1
                assert str(app.screen.query_one("#prompt").border_title).startswith("Follow-up")
                answer = FOLLOW_UP_ANSWER
            else:
                assert text_of(header).startswith(f"Question {prompt.number} of 2 · ")
                answer = (WEAK_ANSWER if prompt.number == 1
                          else strong_answer_for(prompt.question))
            await type_and_submit(pilot, engine, answer)
            typed.append(answer)
            assert len(typed) < 10, "the interview should end"
        await pilot_until(pilot, lambda: isinstance(app.screen, ScorecardScreen)
                          and bool(app.screen.query("#overall")), "the scorecard on screen")
        card_screen = app.screen
        assert isinstance(card_screen, ScorecardScreen)
        scorecard = engine.scorecard
        assert scorecard is not None
        assert card_screen.query_one("#overall", Digits).value == f"{scorecard.overall:.1f}"
        cards = list(card_screen.query(DimensionCard))
        assert [c.dim.name for c in cards] == [d.name for d in dimensions()]
        assert len(cards) == 7
        for c in cards:
            title = text_of(c.query_one(".dim-title", Static))
            assert c.dim.name in title and f"{c.dim.score:.1f}" in title
        saved = text_of(card_screen.query_one("#saved", Static))
        assert engine.folder is not None
        assert saved == f"Saved to ~/interviewer-home/sessions/{engine.folder.name}"
        # The candidate's own words are quoted as evidence somewhere on the card.
        quotes = [text_of(s) for s in card_screen.query(".evidence .text").results(Static)]
        assert quotes and all(q.startswith("“") and q.endswith("”") for q in quotes)
        assert any(q.strip("“”") in " ".join(typed) for q in quotes)

    assert follow_ups_seen >= 1, "the weak first answer should draw a follow-up"
    record = session_record(app)
    assert record["status"] == "complete"
    assert record["mode"] == "text"
    assert answers_on_disk(record) == typed
    assert record["scorecard"]["overall"] == scorecard.overall
    assert {d["id"] for d in record["scorecard"]["dimensions"]} == {d.id for d in dimensions()}
    kinds = [ex["kind"] for q in record["questions"] for ex in q["exchanges"]]
    assert kinds.count("follow-up") == follow_ups_seen


async def test_quit_asks_first_and_keeps_the_answers(make_tui_app: MakeApp, tui_home: Path) -> None:
    app = make_tui_app(questions=3)
    async with app.run_test(size=SIZE) as pilot:
        engine = screen_as(app, InterviewScreen).engine
        await type_and_submit(pilot, engine, GOOD_ANSWER)

        # Escape asks; "n" keeps the interview going with the answer box ready.
        await pilot.press("escape")
        dialog = app.screen
        assert isinstance(dialog, ConfirmScreen)
        folder = engine.folder
        assert folder is not None and folder.is_relative_to(tui_home)
        message = text_of(dialog.query_one("#message", Static))
        shown = f"~/{folder.relative_to(tui_home.parent)}"
        assert message == f"Your answers so far are saved in {shown}. Quit?"
        await pilot.press("n")
        assert isinstance(app.screen, InterviewScreen)
        assert app.screen.query_one("#answer", TextArea).has_focus

        # ctrl+q asks too, and confirming exits.
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
    assert app.return_code == 0
    record = session_record(app)
    assert record["status"] == "quit"
    assert answers_on_disk(record) == [GOOD_ANSWER]
    assert record["scorecard"] is None


async def test_empty_submit_asks_and_skip_is_recorded(make_tui_app: MakeApp) -> None:
    app = make_tui_app(questions=2)
    async with app.run_test(size=SIZE) as pilot:
        engine = screen_as(app, InterviewScreen).engine
        first = engine.prompt
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ConfirmScreen)
        assert "empty" in text_of(app.screen.query_one("#message", Static))
        await pilot.press("enter")  # the safe default: keep answering
        assert isinstance(app.screen, InterviewScreen)
        assert engine.prompt == first

        await pilot.press("ctrl+n")
        await pilot_until(pilot, lambda: not screen_as(app, InterviewScreen).busy
                          and engine.prompt != first)
        assert engine.prompt is not None and first is not None
        assert engine.prompt.number == 2 and engine.prompt.kind == "question"
        log = [text_of(s) for s in app.screen.query("#log .entry").results(Static)]
        assert log[0] == first.text
        assert "(skipped)" in log[1]
    exchange = session_record(app)["questions"][0]["exchanges"][0]
    assert exchange["skipped"] is True and exchange["answer"] == ""


async def test_home_enter_starts_with_the_settings(make_tui_app: MakeApp) -> None:
    app = make_tui_app(text_only=False, track="engagement", questions=3)
    async with app.run_test(size=SIZE) as pilot:
        home = app.screen
        assert isinstance(home, HomeScreen)
        assert text_of(home.query_one("#coach", Static)) == "Coach: offline"
        assert home.query_one("#track", Select).value == "engagement"
        assert not home.query_one("#voice-note").display
        await pilot.press("enter")
        assert isinstance(app.screen, InterviewScreen)
        engine = screen_as(app, InterviewScreen).engine
    assert len(engine.questions) == 3
    assert {q.track for q in engine.questions} == {"engagement"}
    assert engine.record.track == "engagement"


async def test_home_start_with_chosen_track_and_count(make_tui_app: MakeApp) -> None:
    from tests.support.voice_parts import NO_MIC, no_mic_kit

    app = make_tui_app(text_only=False, track=MIXED, questions=3, voice=no_mic_kit())
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, HomeScreen)
        # Pick from the drop-downs with the keyboard: open, type to search, enter.
        await pilot.click("#track")
        await pilot.press(*"Recom", "enter")
        await pilot.click("#questions")
        await pilot.press("2", "enter")
        await pilot.click("#mode")
        await pilot.press(*"Speak", "enter")
        home = app.screen
        assert home.query_one("#track", Select).value == "recommendations"
        assert home.query_one("#questions", Select).value == 2
        note = home.query_one("#voice-note", Static)
        await pilot_until(pilot, lambda: text_of(note) == "Speech model ready")
        assert note.display
        await pilot.click("#start")
        await pilot.pause()
        notices = [n.message for n in app._notifications]
        assert isinstance(app.screen, InterviewScreen)
        engine = screen_as(app, InterviewScreen).engine
        header = text_of(app.screen.query_one("#header", Static))
    assert header.startswith("Question 1 of 2 · Recommendations · ")
    assert [q.track for q in engine.questions] == ["recommendations"] * 2
    # No microphone: one notice, and the interview runs in text.
    assert engine.record.mode == "text"
    assert len(notices) == 1 and NO_MIC in notices[0] and "runs in text" in notices[0]


async def test_home_start_with_a_chosen_kind_spread_over_tracks(make_tui_app: MakeApp) -> None:
    from interviewer.banks import load_banks, track_title

    bank = load_banks()
    kind = max(bank.kinds(), key=lambda k: len({q.track for q in bank.matching(kind=k)}))
    tracks = {q.track for q in bank.matching(kind=kind)}
    app = make_tui_app(text_only=False, track=MIXED, questions=3)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, HomeScreen)
        kinds = app.screen.query_one("#kind", Select)
        assert kinds.value == "any"
        await pilot.click("#kind")
        await pilot.press(*track_title(kind), "enter")
        assert kinds.value == kind
        await pilot.click("#start")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        engine = screen_as(app, InterviewScreen).engine
    assert [q.kind for q in engine.questions] == [kind] * 3
    assert len({q.track for q in engine.questions}) == min(3, len(tracks))


async def test_home_says_so_when_no_question_has_that_kind_and_track(
    make_tui_app: MakeApp, tmp_path: Path
) -> None:
    from interviewer.banks import load_banks

    table = ('[[questions]]\nid = "{id}"\ntrack = "{track}"\ndifficulty = "easy"\n'
             'kind = "{kind}"\nprompt = "Why?"\ndimensions = ["metrics"]\noutline = ["a"]\n'
             '[questions.probes]\nmetrics = ["b"]\n')
    (tmp_path / "mine.toml").write_text(
        table.format(id="q1", track="ai-search", kind="estimate")
        + table.format(id="q2", track="engagement", kind="strategy"))
    bank = load_banks([tmp_path / "mine.toml"], include_bundled=False)
    app = make_tui_app(text_only=False, track="engagement", kind="estimate", bank=bank)
    async with app.run_test(size=SIZE) as pilot:
        home = app.screen
        assert isinstance(home, HomeScreen)
        overlay = home.query_one("#kind OptionList", OptionList)
        options = [str(overlay.get_option_at_index(i).prompt) for i in range(overlay.option_count)]
        assert options == ["Any kind", "Estimate", "Strategy"]
        assert home.query_one("#kind", Select).value == "estimate"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is home  # nothing started; the candidate picks again
        notices = [n.message for n in app._notifications]
        assert notices == ["No Estimate questions in the Engagement track: pick another kind "
                           "or track."]
        await pilot.click("#track")
        await pilot.press(*"AI sea", "enter")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        assert [q.id for q in app.screen.engine.questions] == ["q1"]


async def test_a_users_bank_replacing_bundled_questions_is_said_once(
    make_tui_app: MakeApp, tmp_path: Path
) -> None:
    from interviewer.banks import bundled_bank_dir, load_banks

    copy = tmp_path / "recommendations.toml"
    copy.write_text((bundled_bank_dir() / "recommendations.toml").read_text())
    app = make_tui_app(text_only=False, bank=load_banks([copy]))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        notices = [n.message for n in app._notifications]
    assert len(notices) == 1
    assert notices[0].startswith("Your banks replace ") and "rec-stale-feed" in notices[0]


async def test_scorecard_n_goes_home_for_a_new_interview(make_tui_app: MakeApp) -> None:
    app = make_tui_app(questions=1)
    async with app.run_test(size=SIZE) as pilot:
        engine = screen_as(app, InterviewScreen).engine
        while engine.prompt is not None:
            await type_and_submit(pilot, engine, GOOD_ANSWER)
        await pilot_until(pilot, lambda: isinstance(app.screen, ScorecardScreen))
        await pilot.press("n")
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("enter")
        assert isinstance(app.screen, InterviewScreen)
        assert app.screen.engine is not engine
        await pilot.press("escape", "y")
        await pilot.pause()
    assert app.return_code == 0


class GatedCoach:
    """The offline coach behind a gate, standing in for a slow (LLM) coach: `score` waits
    until the test opens the gate, or fails when told to."""

    def __init__(self, fail_times: int = 0, gate_follow_ups: bool = False) -> None:
        self.inner = OfflineCoach()
        self.name = "gated"
        self.gate = threading.Event()
        self.fail_times = fail_times
        self.gate_follow_ups = gate_follow_ups
        self.score_calls = 0

    def follow_up(self, item: AnsweredQuestion) -> FollowUp | None:
        if self.gate_follow_ups:
            assert self.gate.wait(10), "the test never opened the gate"
        return self.inner.follow_up(item)

    def score(self, items: Sequence[AnsweredQuestion]) -> Scorecard:
        self.score_calls += 1
        if self.score_calls <= self.fail_times:
            raise ConnectionError("coach unreachable")
        assert self.gate.wait(10), "the test never opened the gate"
        return self.inner.score(items)


async def test_slow_scoring_shows_progress_and_keeps_the_ui_alive(make_tui_app: MakeApp) -> None:
    coach = GatedCoach()
    app = make_tui_app(questions=1, coach=coach)
    async with app.run_test(size=SIZE) as pilot:
        engine = screen_as(app, InterviewScreen).engine
        while engine.prompt is not None:
            await type_and_submit(pilot, engine, GOOD_ANSWER)
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        status = screen.query_one("#status", Static)
        await pilot_until(pilot, lambda: text_of(status) == "Scoring...")
        assert status.display
        assert screen.query_one("#answer", TextArea).read_only
        # The event loop is free while the coach works: a dialog opens and closes.
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert isinstance(app.screen, InterviewScreen)
        await pilot.pause(THINKING_DELAY + 0.2)  # no "thinking" note replaces it
        assert text_of(status) == "Scoring..."
        coach.gate.set()
        await pilot_until(pilot, lambda: isinstance(app.screen, ScorecardScreen))
    assert session_record(app)["status"] == "complete"


async def test_slow_follow_up_says_the_interviewer_is_thinking(make_tui_app: MakeApp) -> None:
    coach = GatedCoach(gate_follow_ups=True)
    app = make_tui_app(questions=2, coach=coach)
    async with app.run_test(size=SIZE) as pilot:
        screen = screen_as(app, InterviewScreen)
        box = screen.query_one("#answer", TextArea)
        await pilot.press(*WEAK_ANSWER, "ctrl+s")
        status = screen.query_one("#status", Static)
        await pilot_until(pilot, lambda: text_of(status) == "The interviewer is thinking...")
        assert status.display and box.read_only and screen.busy
        coach.gate.set()
        await pilot_until(pilot, lambda: not screen.busy)
        assert not status.display and not box.read_only and box.has_focus
        assert screen.engine.prompt is not None and screen.engine.prompt.kind == "follow-up"


async def test_failed_scoring_says_so_and_ctrl_s_retries(make_tui_app: MakeApp) -> None:
    coach = GatedCoach(fail_times=1)
    coach.gate.set()
    app = make_tui_app(questions=1, coach=coach)
    async with app.run_test(size=SIZE) as pilot:
        engine = screen_as(app, InterviewScreen).engine
        while engine.prompt is not None:
            await type_and_submit(pilot, engine, GOOD_ANSWER)
        screen = screen_as(app, InterviewScreen)
        status = screen.query_one("#status", Static)
        await pilot_until(pilot, lambda: screen.scoring_failed)
        message = text_of(status)
        assert "Scoring failed: coach unreachable" in message
        assert engine.folder is not None
        assert f"saved in ~/interviewer-home/sessions/{engine.folder.name}" in message
        assert session_record(app)["status"] == "in-progress"
        await pilot.press("ctrl+s")
        await pilot_until(pilot, lambda: isinstance(app.screen, ScorecardScreen))
    assert coach.score_calls == 2
    assert session_record(app)["status"] == "complete"
