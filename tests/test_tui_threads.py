"""The app's blocking work stays off the event loop at start and is waited for at exit.

Pilot drives the real app over the real banks and offline coach; fakes stand only at interface
boundaries: a microphone factory whose device probe blocks until the test lets it go, a coach
whose follow-up blocks the same way, and (with the real tiny.en model on the virtual
microphone) a gate in front of the model. Every wait polls state; nothing is timed."""

from __future__ import annotations

import json
import threading
import wave
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from textual.widgets import Select, TextArea

from interviewer.coach.base import AnsweredQuestion, FollowUp
from interviewer.coach.offline import OfflineCoach
from interviewer.scorecard import Scorecard
from interviewer.session.engine import InterviewEngine
from interviewer.speech.audio import SAMPLE_RATE
from interviewer.speech.errors import AudioUnavailable
from interviewer.speech.file_microphone import FileMicrophone
from interviewer.speech.microphone import Microphone
from interviewer.speech.stt import Transcript
from interviewer.speech.whisper_stt import WhisperTranscriber
from interviewer.ui.app import InterviewerApp
from interviewer.ui.detached import running_detached
from interviewer.ui.home import HomeScreen
from interviewer.ui.interview import InterviewScreen
from interviewer.ui.voice import VoiceInterviewScreen
from interviewer.ui.voice_kit import VoiceKit
from tests.support.audio_files import fixture_speech
from tests.support.fixture_types import MakeApp
from tests.support.pilot import SIZE, open_voice_interview, quit_then_release, screen_as
from tests.support.virtmic import feed_fifo
from tests.support.voice_parts import NO_MIC, SilentTranscriber, real_kit
from tests.support.waiting import pilot_until, wait_until

ANSWER = ("I would start with new users who churn in week one, and measure week-two "
          "retention against a holdout.")


class HeldProbe:
    """A microphone factory whose device query blocks until `release` (a slow PortAudio)."""

    def __init__(self, *, mic: bool = True) -> None:
        self.probing = threading.Event()
        self.release = threading.Event()
        self.mic = mic
        self.threads: list[threading.Thread] = []

    def __call__(self) -> Microphone:
        self.threads.append(threading.current_thread())
        self.probing.set()
        self.release.wait(20)
        if not self.mic:
            raise AudioUnavailable(NO_MIC)
        return FileMicrophone(np.zeros(SAMPLE_RATE, np.float32))


def auto_app(make_tui_app: MakeApp, probe: HeldProbe, *, text_only: bool = False
             ) -> InterviewerApp:
    """A one-question app in mode auto whose device check is `probe`."""
    kit = VoiceKit(SilentTranscriber(), probe, use_turn_model=False)  # type: ignore[arg-type]
    return make_tui_app(text_only=text_only, questions=1, mode="auto", voice=kit)


def mode_notices(app: InterviewerApp) -> list[str]:
    return [n.message for n in app._notifications if n.title == "Mode"]


async def test_mode_auto_checks_the_devices_while_the_home_screen_answers_keys(
        make_tui_app: MakeApp) -> None:
    probe = HeldProbe()
    app = auto_app(make_tui_app, probe)
    async with app.run_test(size=SIZE) as pilot:
        await pilot_until(pilot, probe.probing.is_set, "the device probe started")
        home = screen_as(app, HomeScreen)
        # The probe still blocks, and the home screen is up and handles keys.
        await pilot.press("tab")
        assert app.focused is home.query_one("#track", Select)
        assert not probe.release.is_set()
        assert app.choice.mode == "auto" and mode_notices(app) == []
        assert str(home.query_one("#mode", Select).value) == "auto"
        await pilot.press("ctrl+s")  # start: it waits for the mode to be chosen
        assert isinstance(app.screen, HomeScreen)
        probe.release.set()
        await pilot_until(pilot, lambda: mode_notices(app) != [], "the mode line")
        assert app.choice.mode == "voice"
        await pilot_until(pilot, lambda: isinstance(app.screen, VoiceInterviewScreen)
                          and app.screen.engine.prompt is not None,
                          "the voice interview, started once voice was chosen")
        notices = mode_notices(app)
    assert len(notices) == 1 and notices[0].startswith("Answering by voice")
    assert all(t is not threading.main_thread() for t in probe.threads)


async def test_mode_decided_as_the_app_closes_is_no_crash(make_tui_app: MakeApp) -> None:
    """The check ends while the app tears the home screen down: the choice has no select left
    to show on, and says nothing (the CI run that found it: a traceback from `Select`)."""
    probe = HeldProbe()
    app = auto_app(make_tui_app, probe)
    async with app.run_test(size=SIZE) as pilot:
        await pilot_until(pilot, probe.probing.is_set, "the device probe started")
        home = screen_as(app, HomeScreen)
        select = home.query_one("#mode", Select)
        for part in list(select.children):  # what teardown does, before the message lands
            await part.remove()
        probe.release.set()
        await pilot_until(pilot, lambda: not app._choosing_mode, "the mode chosen")
        assert app.choice.mode == "voice"


def home_drawn(app: InterviewerApp) -> bool:
    """The home screen is on top and has been laid out and drawn: its start button has a
    place on the screen (read from the probe's thread, as it begins)."""
    top = app.screen_stack[-1] if app.screen_stack else None
    if not isinstance(top, HomeScreen):
        return False
    try:
        return top.query_one("#start").region.area > 0
    except Exception:  # not composed or not in the layout yet
        return False


async def test_start_up_work_begins_once_the_home_screen_is_drawn(
        make_tui_app: MakeApp) -> None:
    """The check's imports (sounddevice, the speech stack) hold the GIL: begun at mount, they
    delayed the first paint by 0.1-0.2 s (bench/startup_stall.py). The device probe (auto)
    and the model's load (voice) begin once the home screen is drawn, and not again when it
    comes back; the screen answers keys while the probe is held."""
    class DrawnProbe(HeldProbe):
        def __call__(self) -> Microphone:
            drawn.append(home_drawn(app))
            return super().__call__()

    class DrawnModel(SilentTranscriber):
        def load(self) -> None:
            drawn.append(home_drawn(app))

    drawn: list[bool] = []
    probe = DrawnProbe()
    kit = VoiceKit(SilentTranscriber(), probe, use_turn_model=False)  # type: ignore[arg-type]
    app = make_tui_app(text_only=False, questions=1, mode="auto", voice=kit)
    async with app.run_test(size=SIZE) as pilot:
        await pilot_until(pilot, probe.probing.is_set, "the device probe started")
        assert drawn == [True]
        await pilot.press("tab")  # the probe still held: the screen answers
        assert app.focused is screen_as(app, HomeScreen).query_one("#track", Select)
        probe.release.set()
        await pilot_until(pilot, lambda: mode_notices(app) != [], "the mode line")
        await pilot_until(pilot, lambda: kit.ready, "the model loaded once voice was chosen")
        app.push_screen(app.home_screen())  # the home screen again (after a scorecard)
        await pilot_until(pilot, lambda: home_drawn(app), "the second home screen")
        await pilot.pause()
    assert drawn == [True] and probe.threads and len(probe.threads) == 1

    drawn.clear()
    kit = VoiceKit(DrawnModel(), HeldProbe(), use_turn_model=False)  # type: ignore[arg-type]
    app = make_tui_app(text_only=False, questions=1, mode="voice", voice=kit)
    async with app.run_test(size=SIZE) as pilot:
        await pilot_until(pilot, lambda: kit.ready, "the model loaded")
    assert drawn == [True]


async def test_mode_auto_without_a_microphone_says_why_once_it_is_known(
        make_tui_app: MakeApp) -> None:
    probe = HeldProbe(mic=False)
    kit = VoiceKit(SilentTranscriber(), probe, use_turn_model=False)  # type: ignore[arg-type]
    app = make_tui_app(text_only=False, questions=1, mode="auto", voice=kit)
    async with app.run_test(size=SIZE) as pilot:
        await pilot_until(pilot, probe.probing.is_set, "the device probe started")
        home = screen_as(app, HomeScreen)
        await pilot.press("tab")
        assert app.focused is home.query_one("#track", Select)
        probe.release.set()
        await pilot_until(pilot, lambda: mode_notices(app) != [], "the mode line")
        assert str(home.query_one("#mode", Select).value) == "text"
        notices = mode_notices(app)
        assert kit.state == "idle"  # nothing was loaded
    assert len(notices) == 1 and notices[0].startswith("Answering in text") and NO_MIC in notices[0]


async def test_text_flag_with_mode_auto_starts_typed_at_once(make_tui_app: MakeApp) -> None:
    """`--text` (the config's mode still 'auto'): the typed interview, no device probe."""
    probe = HeldProbe()
    app = auto_app(make_tui_app, probe, text_only=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot_until(pilot, lambda: isinstance(app.screen, InterviewScreen))
        screen = screen_as(app, InterviewScreen)
        assert not isinstance(screen, VoiceInterviewScreen)
        assert screen.engine.record.mode == "text"
        assert not probe.probing.is_set() and mode_notices(app) == []


class HeldCoach:
    """The offline coach, whose follow-up waits for `gate` (an LLM endpoint slow to reply)."""

    def __init__(self) -> None:
        self.inner = OfflineCoach()
        self.gate = threading.Event()
        self.asked = threading.Event()
        self.replied = threading.Event()

    @property
    def name(self) -> str:
        return "held"

    def follow_up(self, item: AnsweredQuestion) -> FollowUp | None:
        self.asked.set()
        self.gate.wait(30)
        try:
            return self.inner.follow_up(item)
        finally:
            self.replied.set()

    def score(self, items: Sequence[AnsweredQuestion]) -> Scorecard:
        return self.inner.score(items)


async def test_quit_while_the_coach_works_waits_for_it_and_keeps_the_answer(
        make_tui_app: MakeApp) -> None:
    """The coach replies a moment after the quit: the exit waits for that call (bounded), so
    no thread is left writing to the session once the app is gone, and the answer is kept."""
    coach = HeldCoach()
    app = make_tui_app(questions=2, coach=coach)
    async with app.run_test(size=SIZE) as pilot:
        screen = screen_as(app, InterviewScreen)
        folder = screen.engine.folder
        screen.query_one("#answer", TextArea).load_text(ANSWER)
        await pilot.press("ctrl+s")
        await pilot_until(pilot, coach.asked.is_set, "the coach asked for a follow-up")
        calls = running_detached()
        assert len(calls) == 1

        await quit_then_release(pilot, screen, coach.gate, within_s=30)  # the endpoint's reply
    assert app.return_code == 0 and not app.is_running
    assert coach.replied.is_set() and not any(t.is_alive() for t in calls)
    assert running_detached() == []
    assert folder is not None
    record = json.loads((folder / "session.json").read_text())
    assert record["status"] == "quit"
    answers = [ex["answer"] for q in record["questions"] for ex in q["exchanges"]]
    assert answers == [ANSWER]


async def test_quit_waits_no_longer_than_its_bound_for_a_coach_that_never_replies(
        make_tui_app: MakeApp, monkeypatch: Any) -> None:
    """A coach that never replies: the exit gives up at the bound; the answer is on disk."""
    import interviewer.ui.app as app_module

    monkeypatch.setattr(app_module, "SHUTDOWN_WAIT_S", 0.2)
    coach = HeldCoach()
    app = make_tui_app(questions=2, coach=coach)
    try:
        async with app.run_test(size=SIZE) as pilot:
            screen = screen_as(app, InterviewScreen)
            folder = screen.engine.folder
            screen.query_one("#answer", TextArea).load_text(ANSWER)
            await pilot.press("ctrl+s")
            await pilot_until(pilot, coach.asked.is_set, "the coach asked for a follow-up")
            await pilot.press("escape", "y")
            await pilot.pause()
        assert app.return_code == 0 and not app.is_running
        assert not coach.replied.is_set()  # still waiting: the exit did not wait for it
    finally:
        coach.gate.set()
    wait_until(lambda: running_detached() == [], "the abandoned call to end")
    assert folder is not None
    record: dict[str, Any] = json.loads((Path(folder) / "session.json").read_text())
    assert record["status"] == "quit"
    assert [ex["answer"] for q in record["questions"] for ex in q["exchanges"]] == [ANSWER]


class GatedModel:
    """The real model behind a gate: while the gate is shut, every call waits (a slow machine)."""

    def __init__(self, inner: Any) -> None:
        self.inner, self.language = inner, inner.language
        self.gate, self.waiting = threading.Event(), threading.Event()
        self.gate.set()
        self.calls = 0
        self.in_flight = 0
        self._lock = threading.Lock()

    def check(self) -> str:
        return str(self.inner.check())

    def load(self) -> None:
        self.inner.load()

    def transcribe(self, audio: Any, **kwargs: Any) -> Transcript:
        with self._lock:
            self.calls += 1
            self.in_flight += 1
        try:
            if not self.gate.is_set():
                self.waiting.set()
                self.gate.wait(60)
            result: Transcript = self.inner.transcribe(audio, **kwargs)
            return result
        finally:
            with self._lock:
                self.in_flight -= 1


async def test_quit_while_the_answer_is_transcribed_waits_for_the_pass_and_keeps_it(
        make_tui_app: MakeApp, whisper: WhisperTranscriber, virtmic_fifo: Path,
        monkeypatch: Any) -> None:
    """Real model, real virtual microphone: the answer is ended (space) while the model is
    held, and the quit comes before its transcript. The exit waits for the final pass, so no
    thread writes the recording once the app is gone, and `resume` finds the whole answer."""
    import interviewer.ui.app as app_module

    monkeypatch.setattr(app_module, "SHUTDOWN_WAIT_S", 120.0)  # the pass's time under load
    model = GatedModel(whisper)
    app = make_tui_app(text_only=False, questions=1, mode="voice",
                       voice=real_kit(model, speak=False))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_voice_interview(pilot)
        folder = screen.engine.folder
        await pilot.press("space")
        writer = feed_fifo(virtmic_fifo, fixture_speech("weak.wav"), speed=2.0)
        await pilot_until(pilot, lambda: model.calls > 0, timeout=60)
        model.gate.clear()
        await pilot_until(pilot, lambda: not writer.is_alive(), timeout=90)
        await pilot_until(pilot, model.waiting.is_set, timeout=30)
        await pilot.press("space")  # ends the answer: its last pass waits on the model
        assert screen.transcribing and model.in_flight == 1

        await quit_then_release(pilot, screen, model.gate, within_s=60)  # the model's pass
    assert app.return_code == 0 and not app.is_running
    assert model.gate.is_set() and model.in_flight == 0  # the last pass ended before the exit
    assert running_detached() == []
    assert folder is not None
    record = json.loads((folder / "session.json").read_text())
    assert record["status"] == "quit"
    with wave.open(str(folder / "answers" / "1.wav")) as wav:  # closed whole, header and all
        assert wav.getframerate() == SAMPLE_RATE and wav.getnframes() > 5 * SAMPLE_RATE
    resumed = InterviewEngine.resume(folder, OfflineCoach(), store=app.store)
    assert resumed.interrupted is not None
    assert resumed.interrupted.audio_path == folder / "answers" / "1.wav"
