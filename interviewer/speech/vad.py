"""Voice-activity detection on a growing stream: Silero (`silero_vad`), run incrementally on
32 ms windows, with the same hysteresis Silero's own segmenter uses.

Each new window is scored with one second of audio before it as context, so the cost per
block stays constant (a few milliseconds) however long the answer grows.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from interviewer.speech.audio import SAMPLE_RATE, Audio
from interviewer.speech.silero_vad import Scorer, silero

WINDOW = 512
"""Samples per Silero window (32 ms at 16 kHz)."""
CONTEXT_WINDOWS = 32
"""Audio before the new windows given to the model so its state is warm (about 1 s)."""


@dataclass(frozen=True)
class Span:
    """Speech from window `start` up to (not including) window `end` (absolute indices)."""

    start: int
    end: int
    closed: bool = True
    """False for speech that may still go on (the pause after it is not long enough yet)."""

    @property
    def start_sample(self) -> int:
        return self.start * WINDOW

    @property
    def end_sample(self) -> int:
        return self.end * WINDOW


def windows(seconds: float) -> int:
    return max(1, round(seconds * SAMPLE_RATE / WINDOW))


class SpeechDetector:
    """Feed samples; ask where the speech is. Window i covers samples [i*512, (i+1)*512)."""

    def __init__(self, threshold: float = 0.5, min_speech_s: float = 0.2,
                 scorer: Scorer | None = None) -> None:
        self.threshold = threshold
        self.neg_threshold = max(threshold - 0.15, 0.01)
        self.min_speech = windows(min_speech_s)
        self._score = scorer  # Silero loads on first use, in the caller of feed()
        self._tail: Audio = np.zeros(0, np.float32)  # context + not yet scored samples
        self._scored_in_tail = 0  # windows of context at the head of _tail
        self.probs: list[float] = []

    @property
    def count(self) -> int:
        """Windows scored so far."""
        return len(self.probs)

    def feed(self, block: Audio) -> None:
        self._tail = np.concatenate((self._tail, block)) if self._tail.size else block
        complete = len(self._tail) // WINDOW
        new = complete - self._scored_in_tail
        if new <= 0:
            return
        audio = self._tail[: complete * WINDOW]
        if self._score is None:
            self._score = silero()
        probs = self._score(np.ascontiguousarray(audio, dtype=np.float32))
        self.probs.extend(float(p) for p in probs[-new:])
        keep = min(complete, CONTEXT_WINDOWS)
        self._tail = self._tail[(complete - keep) * WINDOW:].copy()
        self._scored_in_tail = keep

    def spans(self, start: int = 0, min_silence_s: float = 0.3) -> list[Span]:
        """Speech spans from window `start` on. A span is cut by at least `min_silence_s` of
        non-speech; one still going at the end of what was heard ends at `count`."""
        min_silence = windows(min_silence_s)
        out: list[Span] = []
        begin: int | None = None
        quiet_since: int | None = None
        for i in range(start, len(self.probs)):
            p = self.probs[i]
            if begin is None:
                if p >= self.threshold:
                    begin, quiet_since = i, None
                continue
            if p >= self.threshold:
                quiet_since = None
            elif p < self.neg_threshold:
                if quiet_since is None:
                    quiet_since = i
                if i + 1 - quiet_since >= min_silence:
                    if quiet_since - begin >= self.min_speech:
                        out.append(Span(begin, quiet_since))
                    begin, quiet_since = None, None
        if begin is not None:
            end = quiet_since if quiet_since is not None else len(self.probs)
            out.append(Span(begin, end, closed=False))
        return out

    def trailing_silence(self, start: int = 0) -> float:
        """Seconds since the last speech window (at or after `start`); all if none."""
        last = None
        for i in range(len(self.probs) - 1, start - 1, -1):
            if self.probs[i] >= self.threshold:
                last = i
                break
        quiet = len(self.probs) - (last + 1 if last is not None else start)
        return quiet * WINDOW / SAMPLE_RATE
