"""Feeding the virtual microphone of `scripts/virtual-audio.sh` (a PulseAudio pipe-source FIFO),
so tests and benchmarks speak into the real capture path on machines without a sound card."""

from __future__ import annotations

import os
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
    and stops when told (a candidate still talking when the process dies).

    PulseAudio's pipe-source reads the FIFO only while something records, so once the app ends
    the turn, the rest of the audio (trailing silence) fits the pipe's buffer or blocks. The
    writes are non-blocking: after `give_up_s` with no room the feeder stops (`stalled`), so a
    test waiting for "the answer spoken" sees it end however early the turn ended."""

    def __init__(self, fifo: Path, audio: Any, speed: float = 2.0,
                 give_up_s: float = 2.0) -> None:
        self.pcm = as_int16(audio).tobytes()
        self.fifo, self.speed, self.give_up_s = fifo, speed, give_up_s
        self.fed = 0
        self.stalled = False
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        step = 3200  # 100 ms; below PIPE_BUF, so each write is whole or refused
        t0 = time.perf_counter()
        fd = os.open(self.fifo, os.O_WRONLY)
        os.set_blocking(fd, False)
        try:
            for n, i in enumerate(range(0, len(self.pcm), step)):
                if not self._write(fd, self.pcm[i:i + step]):
                    return
                delay = t0 + (n + 1) * 0.1 / self.speed - time.perf_counter()
                if delay > 0:
                    time.sleep(delay)
        finally:
            os.close(fd)

    def _write(self, fd: int, chunk: bytes) -> bool:
        """One block, waiting for room; False when told to stop or the reader has gone quiet."""
        waited_since = time.perf_counter()
        while not self.stop.is_set():
            try:
                os.write(fd, chunk)
            except BlockingIOError:
                if time.perf_counter() - waited_since > self.give_up_s:
                    self.stalled = True
                    return False
                time.sleep(0.02)
                continue
            self.fed += len(chunk) // 2
            return True
        return False

    @property
    def seconds(self) -> float:
        return self.fed / SAMPLE_RATE
