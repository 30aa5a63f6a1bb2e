"""A whole voice interview in the TUI (Pilot) on the virtual microphone with both speech
backends on loopback OpenAI-compatible servers that do real work, built by the factory from
the settings as the app builds them: the record names who transcribed each answer and who
spoke each prompt; when the servers fail, this machine takes over, the screen says so in one
line, and nothing is lost. The key goes to the servers and into no file."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Static

from interviewer.config import Settings
from interviewer.secret import Secret
from interviewer.speech.factory import make_synthesizer, make_transcriber
from interviewer.speech.null_output import NullOutput
from interviewer.speech.pyttsx3_tts import Pyttsx3Synthesizer
from interviewer.speech.sounddevice_microphone import SoundDeviceMicrophone
from interviewer.speech.speaker import Speaker
from interviewer.speech.whisper_stt import WhisperTranscriber
from interviewer.ui.voice_kit import VoiceKit
from tests.support.audio_files import WEAK_WORDS, fixture_speech
from tests.support.fixture_types import MakeApp
from tests.support.llm_server import closed_port_url
from tests.support.pilot import (
    SIZE,
    finish_interview,
    open_voice_interview,
    record_of,
    speak_answer,
)
from tests.support.speech_servers import SPEECH, TRANSCRIPTION, SpeechServer
from tests.support.waiting import pilot_until

KEY = "sk-test-91be77d0c4-remote-tui"


@pytest.fixture
def server(whisper: WhisperTranscriber) -> Iterator[SpeechServer]:
    with SpeechServer(whisper, Pyttsx3Synthesizer(), require_key=KEY) as s:
        yield s


def remote_kit(stt_url: str, tts_url: str) -> VoiceKit:
    """The app's kit, its transcriber and voice built by the factory from the settings."""
    settings = Settings(stt_backend="openai", stt_base_url=stt_url,
                        stt_server_model="Systran/faster-whisper-tiny.en",
                        stt_api_key=Secret(KEY), tts_engine="openai", tts_base_url=tts_url,
                        tts_model="kokoro", tts_voice="af_heart", tts_api_key=Secret(KEY))
    synth, _ = make_synthesizer(settings)

    def mic() -> SoundDeviceMicrophone:
        m = SoundDeviceMicrophone()  # the default input: the virtual microphone
        m.check()
        return m

    return VoiceKit(make_transcriber(settings), mic, lambda: Speaker(synth, NullOutput()),
                    use_turn_model=False)


async def interview(make_tui_app: MakeApp, kit: VoiceKit, fifo: Path, *,
                    expect: tuple[str, ...] = ()) -> tuple[dict[str, Any], Path, list[str]]:
    """One question answered aloud, follow-ups skipped. `expect`: words of the toasts that
    must show, the voice's while the question is spoken, the transcription's while the
    answer is; the toasts seen are returned (each once, however long it stayed)."""
    app = make_tui_app(text_only=False, questions=1, mode="voice", voice=kit)
    seen: dict[str, str] = {}

    def shown(words: str) -> bool:
        seen.update({n.identity: n.message for n in app._notifications})
        return any(words in message for message in seen.values())

    def toast(words: str) -> Callable[[], bool]:
        return lambda: shown(words)

    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_voice_interview(pilot)
        await pilot_until(pilot, lambda: screen.utterance is not None)
        for words in expect[:1]:
            await pilot_until(pilot, toast(words), f"the toast '{words}'", timeout=60)
        await speak_answer(pilot, screen, fifo, fixture_speech("weak.wav"))
        for words in expect[1:]:
            await pilot_until(pilot, toast(words), f"the toast '{words}'", timeout=60)
        await pilot_until(pilot, lambda: "model" in str(
            screen.query_one("#caption", Static).render()).lower(), "the caption to hear 'model'",
            timeout=60)
        await pilot.press("space")  # ends the answer: transcribed in a worker
        await pilot_until(pilot, lambda: screen.busy or screen.engine.prompt is None
                          or screen.engine.prompt.kind == "follow-up", timeout=60)
        await finish_interview(pilot, screen)
        shown("")
        notes = list(seen.values())
        record = record_of(app)
        assert app.engine is not None and app.engine.folder is not None
        folder = app.engine.folder
    return record, folder, notes


async def test_a_voice_interview_on_both_speech_servers(
        make_tui_app: MakeApp, server: SpeechServer, virtmic_fifo: Path, tui_home: Path,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    record, folder, notes = await interview(
        make_tui_app, remote_kit(server.base_url, server.base_url), virtmic_fifo)
    first = record["questions"][0]["exchanges"][0]
    assert all(words in first["answer"].lower() for words in WEAK_WORDS), first["answer"]
    assert first["transcript_backend"] == "openai" and first["prompt_backend"] == "openai"
    assert first["segments"] and first["segments"][0]["words"]  # delivery still measured
    assert (folder / "answers" / "1.wav").stat().st_size > 100_000
    assert (folder / "prompts" / "1.wav").stat().st_size > 10_000
    assert server.of_kind(TRANSCRIPTION) and server.of_kind(SPEECH)
    assert all(r.headers["authorization"] == f"Bearer {KEY}" for r in server.requests)
    assert not [n for n in notes if "server" in n]
    written = [p for root in (tui_home, tmp_path) for p in root.rglob("*") if p.is_file()]
    assert any(p.name == "session.json" for p in written)
    for path in written:
        assert KEY.encode() not in path.read_bytes(), path


async def test_servers_failing_the_machine_takes_over_said_once(
        make_tui_app: MakeApp, server: SpeechServer, virtmic_fifo: Path) -> None:
    server.script(TRANSCRIPTION, *["500"] * 40)
    record, folder, notes = await interview(
        make_tui_app, remote_kit(server.base_url, closed_port_url()), virtmic_fifo,
        expect=("The voice server is unavailable", "The transcription server is unavailable"))
    first = record["questions"][0]["exchanges"][0]
    assert all(words in first["answer"].lower() for words in WEAK_WORDS), first["answer"]
    assert first["transcript_backend"] == "local"
    assert first["prompt_backend"] in ("piper", "pyttsx3")
    assert (folder / "prompts" / "1.wav").stat().st_size > 10_000
    said = [n for n in notes if "server is unavailable" in n.lower()]
    assert len([n for n in said if "transcription" in n]) == 1, notes
    assert len([n for n in said if "voice" in n]) == 1, notes
    assert all("\n" not in n for n in said)
