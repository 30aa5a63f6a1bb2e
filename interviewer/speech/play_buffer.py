"""Samples waiting for the device: filled by an utterance's thread, drained by PortAudio's
callback thread, which only copies."""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable

from interviewer.speech.clip import Clip, Float32Array
from interviewer.speech.utterance import Utterance


class PlayBuffer:
    """Samples waiting for the device; filled by the utterance thread, drained by PortAudio's."""

    def __init__(self, rate: int, utt: Utterance, on_first: Callable[[], None]) -> None:
        self.rate = rate
        self._utt = utt
        self._on_first = on_first
        self._lock = threading.Lock()
        self._chunks: deque[Float32Array] = deque()
        self._offset = 0
        self._closed = False
        self._first = False
        self.queued_frames = 0
        self.drained = False

    def push(self, clip: Clip) -> None:
        samples = clip.resampled(self.rate).as_float32()
        with self._lock:
            self._chunks.append(samples)
            self.queued_frames += len(samples)

    def close_input(self) -> None:
        with self._lock:
            self._closed = True

    def fill(self, out: Float32Array) -> bool:
        if self._utt.stop_requested:
            out.fill(0)
            return False
        n, pos = len(out), 0
        with self._lock:
            while pos < n and self._chunks:
                chunk = self._chunks[0]
                take = min(n - pos, len(chunk) - self._offset)
                out[pos:pos + take] = chunk[self._offset:self._offset + take]
                pos += take
                self._offset += take
                if self._offset >= len(chunk):
                    self._chunks.popleft()
                    self._offset = 0
            drained = self._closed and not self._chunks
        if pos < n:
            out[pos:] = 0
        if pos:
            self._utt.played_frames += pos
            if not self._first:
                self._first = True
                self._on_first()
        if drained:
            self.drained = True
        return not drained

    def finished(self) -> None:
        self._utt._wake.set()

