"""Where the interviewer's voice goes: the `AudioOutput` interface (a sounddevice stream, a null
output, or a fake in tests) and the stream it opens."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from typing import Protocol

from interviewer.speech.clip import Float32Array

BLOCK_SECONDS = 0.05
"""Audio block length: how often the stream asks for samples, so how fast a stop is heard."""

FillFn = Callable[[Float32Array], bool]
"""Writes the next block of samples in place; returns False once nothing is left."""


class OutputStream(Protocol):
    def start(self) -> None: ...

    def abort(self) -> None: ...

    def close(self) -> None: ...


class AudioOutput(ABC):
    """A place to play mono float32 audio: a sounddevice stream, or a fake in tests."""

    name = "output"

    @abstractmethod
    def check(self) -> None:
        """Raise OutputDeviceUnavailable now if there is nothing to play on."""

    @abstractmethod
    def open(self, sample_rate: int, fill: FillFn, finished: Callable[[], None]) -> OutputStream:
        """A stream that, once started, calls `fill(block)` for every block until it returns
        False (the block is still played), then `finished()` once it has stopped for any reason
        (drained or aborted). Raises OutputDeviceUnavailable if it cannot be opened."""

    def sample_rate_for(self, sample_rate: int) -> int:
        """The rate to open the stream at, for audio at `sample_rate` (resampled if they differ)."""
        return sample_rate

