"""The meter's "silent: is the microphone muted?" is for an input silent since the answer began,
never for a pause after speech: real speech (a fixture) played as the microphone, then silence
longer than the detector's window, through `VoiceAnswer` as the voice screen uses it."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from interviewer.speech.answer_recording import VoiceAnswer
from interviewer.speech.audio import SAMPLE_RATE, load_audio
from interviewer.speech.file_microphone import FileMicrophone
from interviewer.speech.level_meter import Level
from interviewer.speech.streaming_settings import StreamingSettings
from interviewer.speech.whisper_stt import WhisperTranscriber
from tests.support.voice_parts import SilentTranscriber

FIXTURES = Path(__file__).resolve().parent.parent / "audio_fixtures"


def levels_of(audio: np.ndarray) -> list[Level]:
    levels: list[Level] = []
    mic = FileMicrophone(audio, speed=0)
    answer = VoiceAnswer(mic, SilentTranscriber(), settings=StreamingSettings(silence_end_s=0),
                         on_level=levels.append)
    answer.start()
    assert mic.finished.wait(30)
    answer.stop()
    return levels


def test_a_pause_after_speech_is_not_a_muted_microphone() -> None:
    speech = load_audio(FIXTURES / "medium.flac")[: 6 * SAMPLE_RATE]
    quiet = np.zeros(5 * SAMPLE_RATE, np.float32)  # past the 3 s silence window
    levels = levels_of(np.concatenate((speech, quiet)))
    assert levels[-1].seconds >= 10.9 and levels[-1].dbfs == -100.0
    assert not any(level.silent for level in levels)


def test_an_input_silent_from_the_start_is_said_to_be() -> None:
    levels = levels_of(np.zeros(4 * SAMPLE_RATE, np.float32))
    silent = [level.seconds for level in levels if level.silent]
    assert silent and 2.9 <= silent[0] <= 3.2 and levels[-1].silent


def test_no_words_from_the_silence_before_an_answer(whisper: WhisperTranscriber) -> None:
    """Half a second of silence, then speech: the live caption's first words are the
    candidate's (Whisper, given the silence and a sliver of speech, wrote "Bye.")."""
    speech = load_audio(FIXTURES / "weak.wav")[: 6 * SAMPLE_RATE]
    for lead in (0.3, 0.5, 1.0):
        audio = np.concatenate((np.zeros(int(lead * SAMPLE_RATE), np.float32), speech,
                                np.zeros(SAMPLE_RATE, np.float32)))
        captions: list[str] = []
        mic = FileMicrophone(audio, speed=2.0)
        answer = VoiceAnswer(mic, whisper, settings=StreamingSettings(silence_end_s=0),
                             on_caption=lambda c, seen=captions: seen.append(c.text))  # type: ignore[misc]
        answer.start()
        assert mic.finished.wait(30)
        spoken = answer.stop()
        shown = [c for c in captions if c.strip()]
        assert shown and all("bye" not in c.lower() for c in shown), (lead, shown)
        assert shown[0].split()[0].lower() in ("i", "i'll"), (lead, shown)
        assert "language model" in spoken.text.lower(), spoken.text
