"""Shared fixtures: the real bundled banks and an isolated session home."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from interviewer.banks import QuestionBank, load_banks
from tests.support.fixture_types import MakeApp

if TYPE_CHECKING:
    from interviewer.speech.piper_tts import PiperSynthesizer
    from interviewer.speech.stt import Transcriber
    from interviewer.speech.turn import TurnDetector
    from interviewer.speech.whisper_stt import WhisperTranscriber

REPLAY_QUESTION = "strategy-startup-vs-bundled-copilot"
"""The replay bench's question: the turn tests hint Whisper with it, as the app does."""

LLM_ENVIRONMENT = ("INTERVIEWER_LLM", "INTERVIEWER_COACH", "INTERVIEWER_LLM_BASE_URL",
                   "INTERVIEWER_LLM_MODEL", "INTERVIEWER_LLM_API_KEY", "INTERVIEWER_LLM_TIMEOUT",
                   "INTERVIEWER_LLM_MAX_RETRIES", "OPENAI_BASE_URL", "OPENAI_API_KEY",
                   "INTERVIEWER_STT_BACKEND", "INTERVIEWER_STT_BASE_URL",
                   "INTERVIEWER_STT_API_KEY", "INTERVIEWER_TTS_ENGINE",
                   "INTERVIEWER_TTS_BASE_URL", "INTERVIEWER_TTS_API_KEY")


@pytest.fixture(autouse=True)
def _no_llm_of_the_developer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A developer's own key, endpoint, speech server or config file must never reach a test
    (nor the network).
    Tests that want an LLM point the settings at tests/support/llm_server.py themselves."""
    for name in LLM_ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("INTERVIEWER_CONFIG", str(tmp_path / "no-config.toml"))


@pytest.fixture
def llm_server() -> Iterator[Any]:
    """An OpenAI-compatible server on loopback (tests/support/llm_server.py), stopped after
    the test."""
    from tests.support.llm_server import LLMServer

    with LLMServer() as server:
        yield server


@pytest.fixture(scope="session")
def bank() -> QuestionBank:
    return load_banks()


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Sessions go to a temporary INTERVIEWER_HOME, never the developer's own."""
    h = tmp_path / "home"
    monkeypatch.setenv("INTERVIEWER_HOME", str(h))
    monkeypatch.setenv("INTERVIEWER_CONFIG", str(tmp_path / "no-config.toml"))
    return h


# -- TUI fixtures (tests/test_tui_*.py) --------------------------------------------------------
# Self-contained on purpose: they build their own bank, coach and store, so they do not depend on
# the other fixtures above.

TUI_FIXED_NOW = (2025, 1, 6, 9, 30, 0)
"""The session folder's timestamp in TUI tests, so the path shown on screen never varies."""


@pytest.fixture
def tui_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An isolated INTERVIEWER_HOME under a fake user home, so the UI shows it as `~/...`."""
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("INTERVIEWER_CONFIG", str(tmp_path / "no-config.toml"))
    h = tmp_path / "interviewer-home"
    monkeypatch.setenv("INTERVIEWER_HOME", str(h))
    return h


@pytest.fixture
def make_tui_app(tui_home: Path) -> MakeApp:
    """Build an `InterviewerApp` over the real banks and offline coach, repeatable by seed.

    The store stamps every folder with TUI_FIXED_NOW and the clock stands still, so screens
    (and snapshots) are the same on every run.
    """
    from datetime import datetime

    from interviewer.banks import load_banks
    from interviewer.coach.offline import OfflineCoach
    from interviewer.config import Settings
    from interviewer.session.store import SessionStore
    from interviewer.ui.app import InterviewerApp

    class FixedTimeStore(SessionStore):
        def new_folder(self, track: str, now: datetime | None = None) -> Path:
            return super().new_folder(track, now=now or datetime(*TUI_FIXED_NOW))

    def make(*, track: str = "mixed", questions: int = 2, minutes: float = 3.0,
             text_only: bool = True, seed: int = 7, clock_value: float | None = 1000.0,
             mode: str = "text", coach: object | None = None,
             voice: object | None = None, kind: str = "any",
             bank: object | None = None, keep_audio: bool = True) -> InterviewerApp:
        settings = Settings(home=tui_home, track=track, questions=questions,
                            minutes_per_answer=minutes, mode=mode, kind=kind,
                            keep_audio=keep_audio)
        kwargs: dict[str, Any] = {} if clock_value is None else {"clock": lambda: clock_value}
        return InterviewerApp(settings, bank or load_banks(), coach or OfflineCoach(),  # type: ignore[arg-type]
                              FixedTimeStore(tui_home),
                              text_only=text_only, seed=seed, voice=voice,  # type: ignore[arg-type]
                              **kwargs)

    return make


# -- the virtual audio server --------------------------------------------------------------------
VIRTUAL_AUDIO_ERROR = ""
"""Why the tests' own start of the virtual audio server failed, for the fixtures' failures."""


def pytest_configure(config: pytest.Config) -> None:
    """`make test` starts the virtual audio server; when it did not (a run of pytest by hand, or
    a start that failed on a fresh machine), the tests start it once more themselves, and keep
    its error so that every voice test's failure says why rather than only that it is missing."""
    import os
    import subprocess

    global VIRTUAL_AUDIO_ERROR
    if os.environ.get("INTERVIEWER_VIRTMIC_FIFO") and os.environ.get("XDG_RUNTIME_DIR"):
        return
    script = Path(__file__).resolve().parent.parent / "scripts" / "virtual-audio.sh"
    try:
        done = subprocess.run(["bash", str(script), "start"], capture_output=True, text=True,
                              timeout=120, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        VIRTUAL_AUDIO_ERROR = f"starting it failed: {exc}"
        return
    if done.returncode != 0:
        VIRTUAL_AUDIO_ERROR = f"starting it failed: {done.stderr.strip()[-1500:]}"
        return
    for line in done.stdout.splitlines():
        name, _, value = line.removeprefix("export ").partition("=")
        if name in ("XDG_RUNTIME_DIR", "INTERVIEWER_VIRTMIC_FIFO") and value:
            os.environ[name] = value


# -- speech fixtures (tests/test_speech_*.py) --------------------------------------------------
@pytest.fixture(scope="session")
def whisper() -> WhisperTranscriber:
    """The real default speech model (bundled tiny.en), loaded once for the whole test run."""
    from interviewer.speech.whisper_stt import WhisperTranscriber

    transcriber = WhisperTranscriber()
    transcriber.load()
    return transcriber


@pytest.fixture(scope="module")
def detector() -> TurnDetector:
    """The real end-of-turn model; `make setup` installs it, so its absence is a failure."""
    from interviewer.speech.turn import load_detector

    turn, notice = load_detector()
    assert turn is not None, notice
    return turn


@pytest.fixture(scope="module")
def hinted(whisper: WhisperTranscriber) -> Transcriber:
    """The bundled model given the replay bench's question as its hint, as the app gives it."""
    from interviewer.speech.answer_recording import primed

    return primed(whisper, load_banks().by_id(REPLAY_QUESTION).prompt)


@pytest.fixture(scope="module")
def piper() -> PiperSynthesizer:
    """The bundled Piper voice, warmed up (the Piper tests; `make test` installs piper-tts)."""
    from interviewer.config import Settings
    from interviewer.speech.factory import make_synthesizer
    from interviewer.speech.piper_tts import PiperSynthesizer

    synth, notice = make_synthesizer(Settings(), engine="piper")
    assert notice == "" and isinstance(synth, PiperSynthesizer), notice
    synth.warm_up()
    return synth


@pytest.fixture
def virtmic_fifo() -> Path:
    """The virtual microphone's FIFO (scripts/virtual-audio.sh, started by `make test`)."""
    import os

    fifo = os.environ.get("INTERVIEWER_VIRTMIC_FIFO")
    if not fifo or not Path(fifo).exists():
        pytest.fail("the virtual microphone is not running: run the tests with `make test`, or "
                    'first: eval "$(scripts/virtual-audio.sh start)"; ' + VIRTUAL_AUDIO_ERROR,
                    pytrace=False)
    return Path(fifo)


# -- the virtual speaker (tests of playback) ------------------------------------------------
@pytest.fixture(scope="module")
def virtual_audio() -> str:
    """The PulseAudio server of scripts/virtual-audio.sh, or a failure that says how to start
    it (never a skip: CI must show that sound really goes out)."""
    import os
    import shutil
    import subprocess

    from interviewer.speech.errors import OutputDeviceUnavailable
    from interviewer.speech.sounddevice_output import SoundDeviceOutput

    how = ('start it with: eval "$(scripts/virtual-audio.sh start)" (`make test` does this)')
    if not os.environ.get("INTERVIEWER_VIRTMIC_FIFO") or not os.environ.get("XDG_RUNTIME_DIR"):
        pytest.fail(f"the virtual audio server is not set up (INTERVIEWER_VIRTMIC_FIFO and "
                    f"XDG_RUNTIME_DIR are unset); {how}; {VIRTUAL_AUDIO_ERROR}")
    if shutil.which("parec") is None:
        pytest.fail("parec is missing: install pulseaudio-utils (system-packages.txt)")
    info = subprocess.run(["pactl", "info"], capture_output=True, text=True, timeout=10)
    if info.returncode != 0:
        pytest.fail(f"the virtual audio server does not answer ({info.stderr.strip()}); {how}")
    sink = subprocess.run(["pactl", "get-default-sink"], capture_output=True, text=True,
                          timeout=10).stdout.strip()
    if sink != "speaker":
        pytest.fail(f"the default sink is '{sink}', not the virtual 'speaker'; {how}")
    try:
        SoundDeviceOutput(None).check()
    except OutputDeviceUnavailable as exc:
        pytest.fail(f"sounddevice sees no output device on the virtual server: {exc}")
    return "speaker.monitor"
