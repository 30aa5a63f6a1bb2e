"""The speech factory (one place that builds the backends) and the voice kit's threading: the
devices of a voice interview are opened in a worker, the kit loads once however many threads
ask, and shutdowns that wind down in the background are joined, bounded, at exit."""

from __future__ import annotations

import threading
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np
import pytest

from interviewer.config import STT_BACKENDS, TTS_ENGINES, Settings
from interviewer.secret import Secret
from interviewer.speech.audio import SAMPLE_RATE
from interviewer.speech.errors import SpeechEngineUnavailable
from interviewer.speech.factory import (
    SYNTHESIZERS,
    TRANSCRIBERS,
    make_synthesizer,
    make_transcriber,
    make_vad,
)
from interviewer.speech.fallback_stt import FallbackTranscriber
from interviewer.speech.fallback_tts import FallbackSynthesizer
from interviewer.speech.file_microphone import FileMicrophone
from interviewer.speech.microphone import Microphone
from interviewer.speech.pyttsx3_tts import Pyttsx3Synthesizer
from interviewer.speech.speaker import Speaker
from interviewer.speech.stt import ModelLoadError
from interviewer.speech.whisper_stt import WhisperTranscriber
from interviewer.ui.home import HomeScreen
from interviewer.ui.voice import VoiceInterviewScreen
from interviewer.ui.voice_kit import VoiceKit
from tests.support.fixture_types import MakeApp
from tests.support.pilot import SIZE
from tests.support.voice_parts import SilentTranscriber
from tests.support.waiting import pilot_until


def test_the_factory_builds_the_configured_backends() -> None:
    settings = Settings(stt_model="tiny.en", stt_beam_size=3, tts_engine="pyttsx3",
                        tts_voice="en-us", tts_rate=150)
    transcriber = make_transcriber(settings, beam_size=1)
    assert isinstance(transcriber, WhisperTranscriber) and not transcriber.loaded
    assert transcriber.language == "en" and transcriber.settings.beam_size == 1
    synth, notice = make_synthesizer(settings)
    assert isinstance(synth, Pyttsx3Synthesizer) and synth.rate == 150 and notice == ""
    assert set(TRANSCRIBERS) == {"local", "openai"}
    assert {"piper", "pyttsx3", "openai"} <= set(SYNTHESIZERS)
    # the settings accept exactly what the factory builds: a backend is one table entry here
    # and one name there, and a name without a builder fails here, not at a user's start
    assert set(STT_BACKENDS) == set(TRANSCRIBERS)
    assert set(TTS_ENGINES) == {"auto"} | set(SYNTHESIZERS)
    assert make_vad().count == 0


def test_openai_builds_the_server_with_the_local_model_behind_it() -> None:
    settings = Settings(stt_backend="openai", stt_base_url="http://127.0.0.1:9/v1",
                        stt_server_model="Systran/faster-whisper-small", stt_model="tiny.en",
                        stt_api_key=Secret("sk-stt-0123"), tts_engine="openai",
                        tts_base_url="http://127.0.0.1:9/v1", tts_model="kokoro",
                        tts_voice="af_bella", tts_rate=150)
    transcriber = make_transcriber(settings, beam_size=1)
    assert isinstance(transcriber, FallbackTranscriber)
    assert transcriber.remote.model == "Systran/faster-whisper-small"
    assert transcriber.remote.base_url == "http://127.0.0.1:9/v1"
    assert isinstance(transcriber.local, WhisperTranscriber)
    assert transcriber.local.settings.beam_size == 1 and not transcriber.local.loaded
    assert transcriber.check() == "Systran/faster-whisper-small at 127.0.0.1:9"
    synth, notice = make_synthesizer(settings)
    assert isinstance(synth, FallbackSynthesizer) and notice == ""
    assert synth.remote.voice == "af_bella" and synth.remote.model == "kokoro"
    assert synth.local.name in ("piper", "pyttsx3") and synth.local.voice_in_use() != "af_bella"
    assert "sk-stt-0123" not in repr(settings)


def test_an_unknown_stt_backend_is_one_line() -> None:
    odd: Any = SimpleNamespace(stt_backend="carrier-pigeon")
    with pytest.raises(ModelLoadError, match="unknown stt-backend 'carrier-pigeon'"):
        make_transcriber(odd)


class CountingTranscriber(SilentTranscriber):
    """Loads slowly enough for two threads to ask at once; counts the loads."""

    def __init__(self) -> None:
        self.loads = 0
        self.gate = threading.Event()

    def load(self) -> None:
        self.loads += 1
        self.gate.wait(10)


def test_the_kit_loads_once_however_many_threads_ask() -> None:
    model = CountingTranscriber()
    kit = VoiceKit(model, lambda: FileMicrophone(np.zeros(1600, np.float32)),
                   use_turn_model=False)
    assert kit.begin_loading() and not kit.begin_loading()  # the second caller starts nothing
    threads = [threading.Thread(target=kit.load) for _ in range(3)]
    for t in threads:
        t.start()
    model.gate.set()
    for t in threads:
        t.join(30)
    assert model.loads == 1 and kit.state == "ready"


def test_background_shutdowns_are_joined_within_the_bound() -> None:
    kit = VoiceKit(SilentTranscriber(), lambda: FileMicrophone(np.zeros(1600, np.float32)))
    release = threading.Event()
    done = threading.Event()

    def slow_close() -> None:
        release.wait(30)
        done.set()

    kit.in_background(slow_close, "test-close")
    assert kit.join_background(0.05) is False  # bounded: it does not wait for the stuck one
    release.set()
    assert kit.join_background(30) is True and done.is_set()


async def test_a_voice_interview_opens_its_devices_in_a_worker(make_tui_app: MakeApp,
                                                               tmp_path: Path) -> None:
    """The microphone (a PortAudio query) and the speaker (an engine's start-up) are made off
    the event loop; the interview opens once they are."""
    loop_thread = threading.current_thread()
    made_on: dict[str, threading.Thread] = {}

    def mic() -> Microphone:
        made_on["mic"] = threading.current_thread()
        return FileMicrophone(np.zeros(SAMPLE_RATE, np.float32))

    def speaker() -> Speaker:
        made_on["speaker"] = threading.current_thread()
        raise SpeechEngineUnavailable("no speech engine: a test without one")

    kit = VoiceKit(SilentTranscriber(), mic, speaker, use_turn_model=False)
    app = make_tui_app(text_only=False, questions=1, mode="voice", voice=kit)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, HomeScreen)
        await pilot_until(pilot, lambda: kit.ready)
        await pilot.press("enter")
        await pilot_until(pilot, lambda: isinstance(app.screen, VoiceInterviewScreen))
        notices = [n.message for n in app._notifications]
    assert set(made_on) == {"mic", "speaker"}
    assert all(t is not loop_thread for t in made_on.values())
    assert any("not read aloud" in n and "a test without one" in n for n in notices)
