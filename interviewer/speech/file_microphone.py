"""A file standing in for the microphone (tests, benchmarks, `interviewer turns`)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from interviewer.speech.audio import SAMPLE_RATE, Audio, as_float32, load_audio
from interviewer.speech.microphone import BLOCK_SECONDS, BlockCallback, Microphone


class FileMicrophone(Microphone):
    """Plays an audio file (anything load_audio reads) as if spoken into a microphone.

    `speed=1.0` delivers at real time, 2.0 twice as fast, 0 as fast as possible. Blocks come
    from a thread, like PortAudio's; `finished` is set after the last one.
    """

    name = "file"

    def __init__(self, source: str | Path | Audio, *, speed: float = 1.0,
                 block_seconds: float = BLOCK_SECONDS, trailing_silence_s: float = 0.0) -> None:
        audio = load_audio(source) if isinstance(source, (str, Path)) else as_float32(source)
        if trailing_silence_s:
            pad = np.zeros(int(trailing_silence_s * SAMPLE_RATE), np.float32)
            audio = np.concatenate((audio, pad))
        self.audio = audio
        self.speed = speed
        self.block_size = int(block_seconds * SAMPLE_RATE)
        self.finished = threading.Event()
        self.last_block_at: float | None = None
        """perf_counter() when the last block was handed over (benchmarks time from it)."""
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def blocks(self) -> Iterator[Audio]:
        for i in range(0, len(self.audio), self.block_size):
            yield self.audio[i: i + self.block_size]

    def start(self, on_block: BlockCallback) -> None:
        self._thread = threading.Thread(target=self._play, args=(on_block,),
                                        name="file-microphone", daemon=True)
        self._thread.start()

    def _play(self, on_block: BlockCallback) -> None:
        t0 = time.perf_counter()
        sent = 0
        try:
            for block in self.blocks():
                sent += len(block)
                if self.speed > 0:
                    # Like a real microphone: a block arrives once it has been "spoken".
                    delay = t0 + sent / SAMPLE_RATE / self.speed - time.perf_counter()
                    if delay > 0 and self._stop.wait(delay):
                        break
                if self._stop.is_set():
                    break
                on_block(block)
                self.last_block_at = time.perf_counter()
        finally:
            self.finished.set()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout=5)
