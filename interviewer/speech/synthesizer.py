"""The `Synthesizer` interface every voice implements (pyttsx3, Piper...), and the rate and volume
settings every engine takes the same way."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from interviewer.speech.clip import Clip
from interviewer.speech.sentences import split_sentences

DEFAULT_RATE_WPM = 180
RATE_RANGE = (80, 400)
"""Speaking rates (words per minute) accepted by every engine."""


def checked_rate_and_volume(rate: int, volume: float) -> tuple[int, float]:
    """Every engine takes the same rate and volume settings, refused the same way."""
    if not RATE_RANGE[0] <= rate <= RATE_RANGE[1]:
        raise ValueError(f"speech rate must be between {RATE_RANGE[0]} and {RATE_RANGE[1]}")
    if not 0.0 <= volume <= 1.0:
        raise ValueError("speech volume must be between 0.0 and 1.0")
    return int(rate), float(volume)


@dataclass(frozen=True)
class VoiceInfo:
    id: str
    name: str
    languages: tuple[str, ...] = ()
    gender: str | None = None


class Synthesizer(ABC):
    """Turns text into audio. One abstract method; everything else has a sensible default."""

    name = "synthesizer"
    runs_here = True
    """Synthesises on this machine (no server is asked, nothing is paid for a piece never
    spoken): a follow-up may be synthesised ahead (`Speaker.prepare`)."""

    @abstractmethod
    def synthesize(self, text: str) -> Clip:
        """Synthesise one piece of text (blocking). Safe to call from any thread."""

    def check(self) -> None:  # noqa: B027 - optional hook, nothing to check by default
        """Raise a `SpeechError` now if this synthesizer cannot speak (no engine, bad voice)."""

    def list_voices(self) -> list[VoiceInfo]:
        return []

    def voice_in_use(self) -> str:
        """The id of the voice that speaks (as `list_voices` names it); '' if unknown."""
        return ""

    def close(self) -> None:  # noqa: B027 - optional hook
        """Release what the synthesizer holds; the default holds nothing."""

    def warm_up(self) -> None:  # noqa: B027 - optional hook
        """Get ready to speak (load a model...), so the first question does not wait."""

    def split_text(self, text: str) -> list[str]:
        """The pieces to synthesise one at a time (sentences; a slower engine may cut finer)."""
        return split_sentences(text)

    def sentences(
        self, text: str, split: Callable[[str], list[str]] | None = None
    ) -> Iterator[tuple[str, Clip]]:
        """Lazily, piece by piece: each is synthesised only when the caller asks for it."""
        for sentence in (split or self.split_text)(text):
            yield sentence, self.synthesize(sentence)

    def synthesize_text(self, text: str) -> Clip:
        """The whole text, synthesised sentence by sentence as it is spoken, in one clip."""
        return Clip.concat([clip for _, clip in self.sentences(text)])
