"""An output that plays into nothing, at real-time pace or as fast as asked: for machines without
a device (benchmarks) and for tests."""

from __future__ import annotations

import threading
from collections.abc import Callable

import numpy as np

from interviewer.speech.audio_output import BLOCK_SECONDS, AudioOutput, FillFn, OutputStream
from interviewer.speech.clip import Float32Array


class NullOutput(AudioOutput):
    """Plays into nothing, at real-time pace (or as fast as asked): for machines without a
    device (benchmarks) and for tests. Keeps what it was given in `played`."""

    name = "null"

    def __init__(self, *, realtime: bool = True, block_seconds: float = BLOCK_SECONDS) -> None:
        self.realtime = realtime
        self.block_seconds = block_seconds
        self.played: list[Float32Array] = []

    def check(self) -> None:
        return None

    def open(self, sample_rate: int, fill: FillFn, finished: Callable[[], None]) -> OutputStream:
        return _NullStream(self, sample_rate, fill, finished)


class _NullStream:
    def __init__(self, owner: NullOutput, rate: int, fill: FillFn,
                 finished: Callable[[], None]) -> None:
        self._owner, self._rate, self._fill, self._finished = owner, rate, fill, finished
        self._abort = threading.Event()
        self._thread = threading.Thread(target=self._run, name="interviewer-null-output",
                                        daemon=True)

    def start(self) -> None:
        self._thread.start()

    def _run(self) -> None:
        n = max(64, int(self._rate * self._owner.block_seconds))
        try:
            while not self._abort.is_set():
                block = np.zeros(n, dtype=np.float32)
                more = self._fill(block)
                self._owner.played.append(block)
                if not more:
                    break
                if self._owner.realtime:
                    self._abort.wait(n / self._rate)
        finally:
            self._finished()

    def abort(self) -> None:
        self._abort.set()

    def close(self) -> None:
        self._abort.set()
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join(1.0)
