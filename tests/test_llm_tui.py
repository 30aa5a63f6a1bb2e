"""A whole interview in the TUI (Textual's Pilot) with the LLM coach on the loopback server:
healthy, and with faults that hand steps to the offline coach. Also what the UI shows of it:
the coach and the factory's notice on the home screen, a follow-up streaming in, a fallback said
in one line, and who scored on the scorecard."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Static, TextArea

from interviewer.banks import load_banks
from interviewer.coach.base import AnsweredQuestion, FollowUp
from interviewer.coach.factory import make_coach
from interviewer.coach.fallback import FallbackCoach
from interviewer.coach.offline import OfflineCoach
from interviewer.config import Settings
from interviewer.secret import Secret
from interviewer.session.store import SessionStore
from interviewer.ui.app import InterviewerApp
from interviewer.ui.home import HomeScreen
from interviewer.ui.interview import InterviewScreen
from interviewer.ui.scorecard_screen import ScorecardScreen
from tests.support.llm_server import FOLLOW_UP, SCORECARD, LLMServer, Reply, closed_port_url
from tests.support.pilot import SIZE
from tests.support.waiting import Deadline, pilot_until

KEY = "sk-test-SECRET-DO-NOT-LEAK-1234"
ANSWERS = {
    "question": "I would train a bigger model and make it more accurate for our users.",
    "follow-up": "I'd check retention and cost per user, and run an A/B test before launch.",
}
LLM_WAIT_S = 15.0
"""The LLM server's streams take longer than the other Pilot waits."""


def app_on(server: LLMServer | str, home: Path, *, questions: int = 2, timeout: float = 1.5,
           text_only: bool = True) -> InterviewerApp:
    """The app with the LLM coach on `server` (or on a base URL, e.g. a closed port)."""
    url = server if isinstance(server, str) else server.base_url
    settings = Settings(home=home, questions=questions, coach="llm", llm_base_url=url,
                        llm_model="test-model", llm_api_key=Secret(KEY), llm_timeout=timeout)
    coach, notice = make_coach(settings)
    assert notice is None and coach.name == "llm:test-model"
    return InterviewerApp(settings, load_banks(), coach, SessionStore(home),
                          text_only=text_only, seed=7, clock=lambda: 1000.0)


def text_of(widget: Static) -> str:
    """What a Static shows, as plain text (markup applied)."""
    return str(widget.render())


def toasts(app: InterviewerApp) -> list[str]:
    """The one-line notices shown as toasts right now (Textual's `Toast` widgets)."""
    return [str(t.render()) for t in app.screen.query("Toast")]


def scorecard_shown(app: InterviewerApp) -> bool:
    """The scorecard screen is up and composed."""
    return isinstance(app.screen, ScorecardScreen) and bool(app.screen.query("#overall-label"))


Observer = Callable[[InterviewerApp, Pilot[Any]], Any]


async def run_interview(app: InterviewerApp, observe: Observer | None = None
                        ) -> dict[str, Any]:
    """Answer every prompt until the scorecard; `observe` looks at the screen after each step
    and at the scorecard (with toasts on)."""
    async with app.run_test(size=SIZE, notifications=observe is not None) as pilot:
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        engine = screen.engine
        turns = 0
        while isinstance(app.screen, InterviewScreen):
            prompt = engine.prompt
            if prompt is None or app.screen.busy:
                await pilot_until(pilot, lambda: not isinstance(app.screen, InterviewScreen)
                                  or (engine.prompt is not None and not app.screen.busy),
                                  "the coach's next prompt or the scorecard", LLM_WAIT_S)
                continue
            shown = str(app.screen.query_one("#prompt", Static).content)
            assert shown == prompt.text
            if observe is not None:
                await observe(app, pilot)
            box = app.screen.query_one("#answer", TextArea)
            box.load_text(ANSWERS[prompt.kind])
            await pilot.press("ctrl+s")
            await pilot_until(pilot, lambda p=prompt: engine.prompt != p  # type: ignore[misc]
                              or not isinstance(app.screen, InterviewScreen),
                              timeout=LLM_WAIT_S)
            turns += 1
            assert turns < 10, "the interview should end"
        await pilot_until(pilot, lambda: scorecard_shown(app), timeout=LLM_WAIT_S)
        if observe is not None:
            await observe(app, pilot)
        assert engine.folder is not None
        record: dict[str, Any] = json.loads((engine.folder / "session.json").read_text())
    return record


async def test_a_whole_tui_interview_with_the_llm_coach(tmp_path: Path,
                                                        llm_server: LLMServer) -> None:
    record = await run_interview(app_on(llm_server, tmp_path))
    assert record["status"] == "complete"
    follows = [e for q in record["questions"] for e in q["exchanges"] if e["kind"] == "follow-up"]
    assert len(follows) == 4 and {e["coach"] for e in follows} == {"llm:test-model"}
    assert record["scorecard"]["coach"] == "llm:test-model"
    assert len(llm_server.of_kind(SCORECARD)) == 1


async def test_a_tui_interview_survives_a_failing_endpoint(tmp_path: Path,
                                                           llm_server: LLMServer) -> None:
    llm_server.script(FOLLOW_UP, "503", "503", "503")
    llm_server.script(SCORECARD, "schema", "schema")
    record = await run_interview(app_on(llm_server, tmp_path))
    assert record["status"] == "complete"
    follows = [e for q in record["questions"] for e in q["exchanges"] if e["kind"] == "follow-up"]
    assert follows[0]["coach"] == "offline" and follows[-1]["coach"] == "llm:test-model"
    assert record["scorecard"]["coach"] == "offline"
    assert [n["step"] for n in record["notices"]] == ["follow-up", "scorecard"]
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert KEY not in path.read_text(errors="replace")


# -- what the UI shows of the LLM coach ------------------------------------------------------
async def test_home_shows_the_llm_coach_and_no_notice(tmp_path: Path,
                                                      llm_server: LLMServer) -> None:
    app = app_on(llm_server, tmp_path, text_only=False)
    async with app.run_test(size=SIZE):
        home = app.screen
        assert isinstance(home, HomeScreen)
        assert text_of(home.query_one("#coach", Static)) == "Coach: llm:test-model"
        assert not home.query("#coach-notice")


async def test_home_shows_why_the_offline_coach_stands_in(tmp_path: Path) -> None:
    settings = Settings(home=tmp_path, coach="llm",  # asked for, but no endpoint configured
                        mode="text")
    coach, notice = make_coach(settings)
    assert coach.name == "offline" and notice is not None
    app = InterviewerApp(settings, load_banks(), coach, SessionStore(tmp_path), notice=notice)
    async with app.run_test(size=SIZE) as pilot:
        home = app.screen
        assert isinstance(home, HomeScreen)
        assert text_of(home.query_one("#coach", Static)) == "Coach: offline"
        shown = text_of(home.query_one("#coach-notice", Static))
        assert shown == "No LLM endpoint is configured (set INTERVIEWER_LLM_BASE_URL, or " \
                        "INTERVIEWER_LLM_API_KEY for OpenAI): using the offline coach."
        assert home.query_one("#coach-notice").region.height > 0  # on screen, not cut off
        await pilot.press("enter")  # and the interview starts as ever
        assert isinstance(app.screen, InterviewScreen)


async def test_text_mode_says_the_factory_notice_in_a_toast(tmp_path: Path) -> None:
    settings = Settings(home=tmp_path, coach="llm")
    coach, notice = make_coach(settings)
    assert notice is not None
    app = InterviewerApp(settings, load_banks(), coach, SessionStore(tmp_path), text_only=True,
                         notice=notice)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        assert any("No LLM endpoint is configured" in t for t in toasts(app))


async def test_a_follow_up_streams_in_before_it_is_finished(tmp_path: Path,
                                                           llm_server: LLMServer) -> None:
    # The fake model writes the follow-up in 4-character chunks, 60 ms apart.
    llm_server.script(FOLLOW_UP, Reply(chunk_size=4, chunk_delay=0.06))
    app = app_on(llm_server, tmp_path, questions=1, timeout=20)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        engine = screen.engine
        panel = screen.query_one("#prompt", Static)
        status = screen.query_one("#status", Static)
        screen.query_one("#answer", TextArea).load_text(ANSWERS["question"])
        await pilot.press("ctrl+s")
        seen: list[str] = []
        deadline = Deadline(LLM_WAIT_S, "the follow-up streamed in")
        while screen.busy:
            deadline.check()
            shown = text_of(panel)
            if screen.streaming and (not seen or seen[-1] != shown):
                seen.append(shown)
                # While it streams: a follow-up panel, the answer box locked, no "thinking".
                assert panel.has_class("follow-up")
                assert panel.border_title == "Follow-up on question 1"
                assert screen.query_one("#answer", TextArea).read_only
                assert not status.display
            await pilot.pause(0.01)
        prompt = engine.prompt
        assert prompt is not None and prompt.kind == "follow-up"
        final = prompt.text
        assert final.startswith('You said "I would train a bigger')
        # Several partial texts were on screen before the whole follow-up, each replacing the
        # last (growing, never appended twice), and the final text is what stays.
        partial = [t for t in seen if t != final]
        assert len(partial) >= 3, seen
        assert all(final.startswith(t) for t in partial), seen
        assert [len(t) for t in seen] == sorted(len(t) for t in seen)
        assert text_of(panel) == final and not panel.border_subtitle
        assert prompt.latency_s is not None and prompt.ready_s is not None
        assert not screen.query_one("#answer", TextArea).read_only
        assert not toasts(app)  # nothing fell back


async def test_a_healthy_llm_scorecard_says_who_scored(tmp_path: Path,
                                                       llm_server: LLMServer) -> None:
    seen: dict[str, str] = {}

    async def observe(app: InterviewerApp, pilot: Pilot[Any]) -> None:
        if isinstance(app.screen, ScorecardScreen):
            seen["label"] = text_of(app.screen.query_one("#overall-label", Static))
            seen["notice"] = str(bool(app.screen.query("#scored-notice")))

    record = await run_interview(app_on(llm_server, tmp_path, questions=1), observe)
    assert record["scorecard"]["coach"] == "llm:test-model"
    assert seen["label"].endswith("Scored by llm:test-model")
    assert seen["notice"] == "False"


async def check_fallback_is_said(app: InterviewerApp) -> dict[str, Any]:
    """Run the interview on a failing endpoint; return the record and what was on screen."""
    notes: list[str] = []
    lines: list[str] = []
    card: dict[str, str] = {}

    async def observe(app: InterviewerApp, pilot: Pilot[Any]) -> None:
        await pilot.pause()  # a toast is mounted just after it is posted
        screen = app.screen
        if isinstance(screen, InterviewScreen):
            status = screen.query_one("#status", Static)
            if status.display and status.has_class("notice"):
                lines.append(text_of(status))
            notes.extend(t for t in toasts(app) if t not in notes)
        elif isinstance(screen, ScorecardScreen):
            card["label"] = text_of(screen.query_one("#overall-label", Static))
            card["notice"] = text_of(screen.query_one("#scored-notice", Static))

    record = await run_interview(app, observe)
    return {"record": record, "toasts": notes, "status": lines, "card": card}


async def test_an_endpoint_failing_every_time_is_said_in_one_line(tmp_path: Path,
                                                                   llm_server: LLMServer) -> None:
    llm_server.script(FOLLOW_UP, *["503"] * 40)
    llm_server.script(SCORECARD, *["503"] * 40)
    seen = await check_fallback_is_said(app_on(llm_server, tmp_path))
    record = seen["record"]
    assert record["status"] == "complete"
    assert record["scorecard"]["coach"] == "offline"
    follows = [e for q in record["questions"] for e in q["exchanges"] if e["kind"] == "follow-up"]
    assert follows and {e["coach"] for e in follows} == {"offline"}
    # Each handover to the offline coach was said once, in one line, as it happened.
    said = [n["text"] for n in record["notices"] if n["step"] == "follow-up"]
    assert len(said) == 2  # the second one says the offline coach asks from now on
    assert seen["status"] == [s[0].upper() + s[1:] for s in said]
    assert all("\n" not in line and "503" in line for line in seen["status"])
    assert "offline coach stepped in for this follow-up" in seen["status"][0]
    assert not seen["toasts"]  # said once, not twice over each other
    assert seen["card"]["label"].endswith(
        "Scored by the offline coach, standing in for the LLM coach")
    assert "the offline coach wrote the scorecard" in seen["card"]["notice"]
    assert KEY not in " ".join([*seen["toasts"], *seen["status"], *seen["card"].values()])


async def test_a_refused_connection_is_said_and_the_interview_completes(tmp_path: Path) -> None:
    seen = await check_fallback_is_said(app_on(closed_port_url(), tmp_path, questions=1))
    record = seen["record"]
    assert record["status"] == "complete" and record["scorecard"]["coach"] == "offline"
    assert seen["status"] and "stepped in" in seen["status"][0]
    assert seen["card"]["label"].endswith("standing in for the LLM coach")
    assert seen["card"]["notice"].startswith("LLM coach: ")


STRONG_ANSWER = (
    "Who is the user and what problem do they have? I'd start with new users, measure 7-day "
    "retention with latency and cost guardrails, weigh accuracy against latency, rank options "
    "by impact and effort, validate offline then A/B test with a staged rollout, and tie it to "
    "revenue. In summary: users, metric, trade-off, plan."
)


class DecliningCoach(OfflineCoach):
    """The offline coach, finding that the answer needs no follow-up."""

    def follow_up(self, item: AnsweredQuestion) -> FollowUp | None:
        return None


async def test_a_fallback_on_the_last_step_is_a_toast_while_scoring(
        tmp_path: Path, llm_server: LLMServer) -> None:
    # The follow-up fails; the offline coach stepping in finds the answer needs none, so the
    # scoring starts at once and its "Scoring..." line stays: the notice is a toast instead.
    llm_server.script(FOLLOW_UP, "503", "503", "503")
    app = app_on(llm_server, tmp_path, questions=1)
    # The stand-in declines to probe (as the offline coach does once its probes are spent).
    assert isinstance(app.coach, FallbackCoach)
    app.coach.fallback = DecliningCoach()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        screen.query_one("#answer", TextArea).load_text(STRONG_ANSWER)
        await pilot.press("ctrl+s")
        await pilot_until(pilot, lambda: bool(toasts(app)), timeout=LLM_WAIT_S)
        (toast,) = toasts(app)
        assert toast.startswith("Coach\nLLM coach: the endpoint answered HTTP 503")
        assert "the offline coach stepped in for this follow-up" in toast
        await pilot_until(pilot, lambda: scorecard_shown(app), timeout=LLM_WAIT_S)
        label = text_of(app.screen.query_one("#overall-label", Static))
        assert label.endswith("Scored by llm:test-model")
        assert not app.screen.query("#scored-notice")
    record = json.loads(next(tmp_path.rglob("session.json")).read_text())
    assert [e["kind"] for e in record["questions"][0]["exchanges"]] == ["question"]
    assert [n["step"] for n in record["notices"]] == ["follow-up"]
