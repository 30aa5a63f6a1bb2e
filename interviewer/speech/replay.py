"""Replay of recorded files (answers, spoken prompts) through the speech `Speaker` and its
output, one at a time, with the position played so far readable from any thread.

    player = make_replayer(settings)     # speech.factory: on the configured output
    player.check()                      # OutputDeviceUnavailable: no device, say so once
    utt = player.play(path)             # RecordingUnavailable: missing or unreadable file
    ... utt.played_seconds, utt.state   # poll from a UI timer
    player.stop(); player.close()
"""

from __future__ import annotations

from pathlib import Path

from interviewer.speech.audio_output import AudioOutput
from interviewer.speech.clip import Clip
from interviewer.speech.errors import SpeechError
from interviewer.speech.speaker import Speaker
from interviewer.speech.synthesizer import Synthesizer
from interviewer.speech.utterance import Utterance


class RecordingUnavailable(SpeechError):
    """A recording that cannot be played: missing, empty or unreadable; the message says which."""


class _NoSynthesis(Synthesizer):
    """The replayer only plays files it is given; nothing is ever synthesised."""

    name = "none"

    def synthesize(self, text: str) -> Clip:
        raise SpeechError("replay does not synthesise speech")


def read_recording(path: Path) -> Clip:
    """A recorded file as a Clip: WAV directly, anything else through PyAV."""
    if not path.is_file():
        raise RecordingUnavailable(f"{path.name} is missing")
    try:
        clip = Clip.read(path)
    except (SpeechError, OSError, EOFError, ValueError):
        from interviewer.speech.audio import SAMPLE_RATE, AudioFileError, load_audio

        try:
            clip = Clip.from_float32(load_audio(path), SAMPLE_RATE)
        except AudioFileError as exc:
            raise RecordingUnavailable(str(exc)) from None
    if not clip.frames:
        raise RecordingUnavailable(f"{path.name} holds no audio")
    return clip


class Replayer:
    """Plays recordings on one output; a new `play()` stops the one before."""

    def __init__(self, output: AudioOutput) -> None:
        self.output = output
        self.speaker = Speaker(_NoSynthesis(), output)
        self.current: Utterance | None = None
        self.current_path: Path | None = None

    @property
    def available(self) -> bool:
        return self.speaker.available

    def check(self) -> None:
        """Raise OutputDeviceUnavailable now when there is nothing to play on."""
        self.speaker.check()

    def play(self, path: Path, label: str = "") -> Utterance:
        """Start playing `path` (returns at once). Raises RecordingUnavailable for a bad file."""
        clip = read_recording(path)
        self.current = self.speaker.play(clip, label or path.name)
        self.current_path = path
        return self.current

    @property
    def playing(self) -> bool:
        return self.current is not None and self.current.is_speaking

    @property
    def position(self) -> float:
        """Seconds of the current recording handed to the device so far."""
        return self.current.played_seconds if self.current is not None else 0.0

    def stop(self) -> None:
        self.speaker.stop()

    def close(self) -> None:
        self.speaker.close(timeout=1.0)
