"""Feeding the virtual microphone of `scripts/virtual-audio.sh` (a PulseAudio pipe-source FIFO),
so tests and benchmarks speak into the real capture path on machines without a sound card."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import numpy as np

from interviewer.speech.audio import SAMPLE_RATE, as_int16

BLOCK_SECONDS = 0.1


def feed_fifo(fifo: Path | str, audio: np.ndarray, *, speed: float = 2.0) -> threading.Thread:
    """Write raw 16 kHz s16le mono into the FIFO from a thread, paced at `speed` x real time."""
    pcm = as_int16(audio).tobytes()
    step = int(SAMPLE_RATE * BLOCK_SECONDS) * 2  # bytes per block of 16-bit samples

    def write() -> None:
        t0 = time.perf_counter()
        with open(fifo, "wb") as f:
            for n, i in enumerate(range(0, len(pcm), step)):
                f.write(pcm[i:i + step])
                f.flush()
                delay = t0 + (n + 1) * BLOCK_SECONDS / speed - time.perf_counter()
                if delay > 0:
                    time.sleep(delay)

    thread = threading.Thread(target=write, daemon=True)
    thread.start()
    return thread


class Feeder:
    """Raw 16 kHz s16le into the virtual microphone from a thread, paced; counts what it fed
    and stops when told (a candidate still talking when the process dies)."""

    def __init__(self, fifo: Path, audio: Any, speed: float = 2.0) -> None:
        from interviewer.speech.audio import as_int16

        self.pcm = as_int16(audio).tobytes()
        self.fifo, self.speed = fifo, speed
        self.fed = 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        import time

        step = 3200  # 100 ms
        t0 = time.perf_counter()
        with open(self.fifo, "wb") as f:
            for n, i in enumerate(range(0, len(self.pcm), step)):
                if self.stop.is_set():
                    return
                f.write(self.pcm[i:i + step])
                f.flush()
                self.fed += len(self.pcm[i:i + step]) // 2
                delay = t0 + (n + 1) * 0.1 / self.speed - time.perf_counter()
                if delay > 0:
                    time.sleep(delay)

    @property
    def seconds(self) -> float:
        return self.fed / SAMPLE_RATE
