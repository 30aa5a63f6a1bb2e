"""Piper's synthesis and the late word-timestamp decode take turns: never both at once.

Each adds a transient peak on top of the loaded models: Piper ~100-150 MB while it synthesises a
long sentence (onnxruntime's buffers), a Whisper decode with word timestamps ~50-90 MB. The late
decode of an answer's words (`late_words`) ran while the follow-up was still synthesised (a
prompt cut short keeps synthesising, then is synthesised whole again to be kept), and the two
peaks stacked: a voice interview's peak went from ~610 to ~700 MB (bench/voice_memory.py).
Synthesis goes first (the candidate waits for it): the late work starts only after a quiet
moment, and holds back a synthesis for at most one decode.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager


class ModelTurns:
    """A synthesis (`speaking`) and late work (`late`) exclude each other; syntheses may
    overlap one another (a voice's own lock serialises them) and wait for no one else."""

    def __init__(self, settle_s: float = 0.3) -> None:
        self.settle_s = settle_s
        """Quiet after a synthesis before late work starts: the gap between two sentences of
        one prompt is shorter, so a prompt is synthesised without a decode in between."""
        self._cond = threading.Condition()
        self._speaking = 0
        self._late = False
        self._quiet_since = time.monotonic()

    @contextmanager
    def speaking(self) -> Iterator[None]:
        with self._cond:
            self._speaking += 1  # counted before waiting: late work queued behind it holds off
            while self._late:
                self._cond.wait()
        try:
            yield
        finally:
            with self._cond:
                self._speaking -= 1
                self._quiet_since = time.monotonic()
                self._cond.notify_all()

    @contextmanager
    def late(self, settle_timeout: float = 30.0) -> Iterator[None]:
        """Late work, once nothing is synthesised and nothing was for `settle_s` (that quiet
        is waited for at most `settle_timeout`; no synthesis running, always)."""
        deadline = time.monotonic() + settle_timeout
        with self._cond:
            while True:
                now = time.monotonic()
                quiet = now - self._quiet_since
                if not self._speaking and (quiet >= self.settle_s or now >= deadline):
                    break
                self._cond.wait(max(0.01, self.settle_s - quiet) if not self._speaking
                                else None)
            self._late = True
        try:
            yield
        finally:
            with self._cond:
                self._late = False
                self._cond.notify_all()


TURNS = ModelTurns()
"""The process's: one Piper voice and one Whisper model are shared by the whole app."""
