"""The microphone interface: something that delivers 16 kHz mono float32 blocks to a callback,
on its own thread (PortAudio's for the real one). The callback must be quick: queue the block
and return."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable

from interviewer.speech.audio import SAMPLE_RATE, Audio

BLOCK_SECONDS = 0.1
"""One block every 100 ms: the meter's refresh rate and the transcriber's granularity."""

BlockCallback = Callable[[Audio], None]


class Microphone(ABC):
    """Something that delivers 16 kHz mono float32 blocks to `on_block` once started: the
    sounddevice input, a file played as if spoken, or a fake in tests."""

    name = "microphone"
    sample_rate = SAMPLE_RATE

    def check(self) -> None:  # noqa: B027 - optional hook, nothing to check by default
        """Raise AudioUnavailable now if there is nothing to record from."""

    @abstractmethod
    def start(self, on_block: BlockCallback) -> None:
        """Deliver blocks to `on_block` (on another thread) until `stop()`; AudioUnavailable
        if it cannot open."""

    @abstractmethod
    def stop(self) -> None:
        """Stop delivering blocks; never waits on a device that delivers nothing."""

    def detach(self) -> Callable[[], None]:
        """Let go of the device now and return what closes it, for a caller that need not
        wait for the close (an answer that ended itself: its last block was already judged).
        Blocks may still come until the close has run. Default: closed here, nothing left."""
        self.stop()
        return _nothing


def _nothing() -> None:
    return None
