"""Feeding the virtual microphone of `scripts/virtual-audio.sh` (a PulseAudio pipe-source FIFO),
so tests and benchmarks speak into the real capture path on machines without a sound card."""

from __future__ import annotations

import threading
import time
from pathlib import Path

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
