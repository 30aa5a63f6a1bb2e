"""Speech parts for the voice TUI tests, real where it matters, fake only at the boundary.

`real_kit` is the app's VoiceKit over the real tiny.en model (already loaded), the real
microphone (the virtual one of `make test`) and a real pyttsx3 speaker playing into
NullOutput (real time, no sound card). `no_mic_kit` is the same but its microphone factory
raises AudioUnavailable, as `make_microphone` does on a machine without one.
"""

from __future__ import annotations

from typing import Any

from interviewer.speech.errors import AudioUnavailable
from interviewer.speech.null_output import NullOutput
from interviewer.speech.pyttsx3_tts import Pyttsx3Synthesizer
from interviewer.speech.sounddevice_microphone import SoundDeviceMicrophone
from interviewer.speech.speaker import Speaker
from interviewer.speech.stt import Transcript
from interviewer.ui.voice_kit import VoiceKit

NO_MIC = "no microphone: no input device found"


class SilentTranscriber:
    """A transcriber that hears nothing and loads instantly (for tests that never record)."""

    language = "en"

    def check(self) -> str:
        return "silent"

    def load(self) -> None:
        pass

    def transcribe(self, audio: Any, *, beam_size: int | None = None,
                   word_timestamps: bool | None = None, hint: str | None = None) -> Transcript:
        return Transcript()


def null_speaker() -> Speaker:
    """The real synthesiser, played into NullOutput at real time."""
    return Speaker(Pyttsx3Synthesizer(), NullOutput())


def no_microphone() -> SoundDeviceMicrophone:
    raise AudioUnavailable(NO_MIC)


def real_kit(whisper: Any, *, speak: bool = True, turn: bool = False) -> VoiceKit:
    """`turn=False`: no end-of-turn model, so an answer ends only on space or the longest
    silence, whenever the test chooses (tests of the detector pass True)."""
    def mic() -> SoundDeviceMicrophone:
        m = SoundDeviceMicrophone()  # the default input: the virtual microphone
        m.check()
        return m

    return VoiceKit(whisper, mic, null_speaker if speak else None, use_turn_model=turn)


def no_mic_kit(*, speak: bool = False) -> VoiceKit:
    return VoiceKit(SilentTranscriber(), no_microphone,  # type: ignore[arg-type]
                    null_speaker if speak else None)


class BrokenModel(SilentTranscriber):
    """A model that cannot load, as `WhisperTranscriber.load` fails on a damaged install."""

    def load(self) -> None:
        from interviewer.speech.stt import ModelLoadError

        raise ModelLoadError("model.bin is damaged")


def broken_model_kit() -> VoiceKit:
    return VoiceKit(BrokenModel(), no_microphone, None)  # type: ignore[arg-type]
