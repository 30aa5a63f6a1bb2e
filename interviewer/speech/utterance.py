"""One text being spoken (`Utterance`): its state, its timed events and every sentence
synthesised for it, readable from any thread."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from interviewer.speech.clip import Clip
from interviewer.speech.errors import SpeechError


@dataclass(frozen=True)
class SpeechEvent:
    """Something that happened to an utterance, at `at` on the speaker's clock.

    kinds: start, sentence (sentence `index` synthesised), first-audio (its first samples
    handed to the device), stop (asked to stop), synthesized (every sentence ready), error, end.
    """

    kind: str
    at: float
    index: int = -1


class Utterance:
    """One text being spoken. Readable from any thread; created by `Speaker.speak/play`."""

    def __init__(self, number: int, text: str, clock: Callable[[], float]) -> None:
        self.number = number
        self.text = text
        self._clock = clock
        self._lock = threading.Lock()
        self._events: list[SpeechEvent] = []
        self._sentences: list[str] = []
        self._clips: list[Clip] = []
        self._state = "speaking"
        self._error: SpeechError | None = None
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._ended = threading.Event()
        self._synthesized = threading.Event()
        self._first_audio = threading.Event()
        self.played_frames = 0
        self.playback_rate = 0

    # -- reading -----------------------------------------------------------------------------
    @property
    def state(self) -> str:
        """speaking, then done (all played), stopped (stop() or a newer utterance) or failed."""
        return self._state

    @property
    def is_speaking(self) -> bool:
        return self._state == "speaking"

    @property
    def completed(self) -> bool:
        return self._state == "done"

    @property
    def stop_requested(self) -> bool:
        return self._stop.is_set()

    @property
    def error(self) -> SpeechError | None:
        return self._error

    @property
    def events(self) -> list[SpeechEvent]:
        with self._lock:
            return list(self._events)

    def event_kinds(self) -> list[str]:
        return [f"{e.kind}:{e.index}" if e.index >= 0 else e.kind for e in self.events]

    def time_of(self, kind: str) -> float | None:
        return next((e.at for e in self.events if e.kind == kind), None)

    @property
    def first_audio_latency(self) -> float | None:
        """Seconds from speak() to the first samples handed to the device."""
        start, first = self.time_of("start"), self.time_of("first-audio")
        return None if start is None or first is None else first - start

    @property
    def sentences(self) -> list[str]:
        with self._lock:
            return list(self._sentences)

    def clip(self) -> Clip:
        """Everything synthesised so far, in order: after the end, the whole prompt."""
        with self._lock:
            clips = list(self._clips)
        return Clip.concat(clips)

    def clips(self) -> list[Clip]:
        """Each piece synthesised so far, in order (`sentences` holds their texts)."""
        with self._lock:
            return list(self._clips)

    def wav_bytes(self) -> bytes:
        return self.clip().to_wav_bytes()

    @property
    def played_seconds(self) -> float:
        return self.played_frames / self.playback_rate if self.playback_rate else 0.0

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the utterance has ended (done, stopped or failed); False on timeout."""
        return self._ended.wait(timeout)

    def wait_first_audio(self, timeout: float | None = None) -> bool:
        return self._first_audio.wait(timeout)

    def wait_synthesized(self, timeout: float | None = None) -> bool:
        return self._synthesized.wait(timeout)

    # -- driven by the Speaker -------------------------------------------------------------------
    def _record(self, kind: str, index: int = -1) -> None:
        with self._lock:
            self._events.append(SpeechEvent(kind, self._clock(), index))

    def _request_stop(self) -> bool:
        with self._lock:
            if self._state != "speaking" or self._stop.is_set():
                return False
            self._stop.set()
            self._state = "stopped"
            self._events.append(SpeechEvent("stop", self._clock()))
        self._wake.set()
        return True

    def _add(self, index: int, sentence: str, clip: Clip) -> None:
        with self._lock:
            self._sentences.append(sentence)
            self._clips.append(clip)
            self._events.append(SpeechEvent("sentence", self._clock(), index))

    def _finish(self, error: SpeechError | None) -> None:
        with self._lock:
            if error is not None:
                self._error = error
                self._state = "failed"
            elif self._state == "speaking":
                self._state = "done"
            self._events.append(SpeechEvent("end", self._clock()))
        self._synthesized.set()
        self._first_audio.set()
        self._ended.set()


