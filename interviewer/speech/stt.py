"""Speech-to-text: the `Transcriber` interface and its results (words, segments, transcripts),
whichever backend produced them (`whisper_stt` for the local model)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from interviewer.speech.audio import Audio

# Past these, a decoded segment is taken for silence, noise or a loop, not speech.
NO_SPEECH_PROB = 0.6
LOG_PROB_FLOOR = -1.0
COMPRESSION_RATIO_MAX = 2.4
SILENT_SEGMENT_NO_SPEECH = 0.8
"""A segment this sure to be no speech is dropped even if its log-probability looks fine."""
END_PAD_S = 0.5
"""Silence added after the audio before it is decoded: without it a last word said right at
the end of the audio was seen to be cut short ("churn as guardrails" -> "churn-as-guard")."""


class ModelLoadError(Exception):
    """The speech model could not be found or loaded; the message says which and why."""


@dataclass(frozen=True)
class Word:
    start: float
    end: float
    word: str
    probability: float

    def shifted(self, offset: float) -> Word:
        return Word(round(self.start + offset, 3), round(self.end + offset, 3), self.word,
                    self.probability)

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "word": self.word,
                "probability": round(self.probability, 3)}


@dataclass(frozen=True)
class Segment:
    start: float
    end: float
    text: str
    words: tuple[Word, ...] = ()

    def shifted(self, offset: float) -> Segment:
        if not offset:
            return self
        return Segment(round(self.start + offset, 3), round(self.end + offset, 3), self.text,
                       tuple(w.shifted(offset) for w in self.words))

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text,
                "words": [w.to_dict() for w in self.words]}


def join_text(segments: Iterable[Segment]) -> str:
    return " ".join(s.text.strip() for s in segments if s.text.strip())


@dataclass(frozen=True)
class Transcript:
    """What was said: segments on the audio's own timeline (seconds from its start)."""

    segments: tuple[Segment, ...] = ()
    duration: float = 0.0
    language: str = "en"

    @property
    def text(self) -> str:
        return join_text(self.segments)

    @property
    def words(self) -> list[Word]:
        return [w for s in self.segments for w in s.words]

    @property
    def empty(self) -> bool:
        return not self.text

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "duration": round(self.duration, 3),
                "language": self.language,
                "segments": [s.to_dict() for s in self.segments]}


class Transcriber(Protocol):
    """Anything that turns 16 kHz mono float32 audio into a Transcript (blocking): the local
    Whisper model, a speech server, or a fake in tests. Built by `speech.factory`."""

    @property
    def language(self) -> str:
        """The language the transcripts are in (an ISO code)."""
        ...

    def check(self) -> str:
        """Where the model would come from (one line), without loading it; raises
        ModelLoadError when it cannot be had. Quick: no model is loaded."""
        ...

    def load(self) -> None:
        """Get ready (load the model: seconds; call it in a worker). Raises ModelLoadError."""
        ...

    def transcribe(self, audio: Audio, *, beam_size: int | None = None,
                   word_timestamps: bool | None = None, hint: str | None = None) -> Transcript:
        """`hint`: what the answer is about (the question and the glossary), told to the model
        for this call where the backend can use it; None: its default."""
        ...


class Wrapped:
    """A transcriber around another for one purpose (a hint, a log of decodes, a cache): it is
    the inner one in everything but `transcribe`, which the subclass defines."""

    inner: Transcriber

    @property
    def language(self) -> str:
        return self.inner.language

    def check(self) -> str:
        return self.inner.check()

    def load(self) -> None:
        self.inner.load()
