"""The real microphone: a callback `sounddevice.InputStream` at 16 kHz mono on the device the
settings name.

Blocking `sounddevice.rec()` is not used on purpose: it was seen to hang on a PulseAudio
pipe-source (the virtual microphone of the tests); the callback stream works everywhere.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import numpy as np

from interviewer.speech.audio import SAMPLE_RATE
from interviewer.speech.devices import Device, find_input, sounddevice_module
from interviewer.speech.errors import AudioUnavailable, first_line
from interviewer.speech.microphone import BLOCK_SECONDS, BlockCallback, Microphone


class SoundDeviceMicrophone(Microphone):
    """The real microphone: a callback InputStream, 16 kHz mono float32, 100 ms blocks."""

    name = "sounddevice"

    def __init__(self, device: str | int | None = None, *,
                 block_seconds: float = BLOCK_SECONDS) -> None:
        self.device_spec = device
        self.block_size = int(block_seconds * SAMPLE_RATE)
        self.device: Device | None = None
        self.overflows = 0
        self.underflows = 0
        """Blocks PortAudio flagged (input overflow: samples lost; underflow: a gap filled):
        diagnostics for a transcript gone wrong."""
        self._stream: Any = None
        self._closed = threading.Event()
        """Set while no stream is being closed (`detach`): a new one opens after it."""
        self._closed.set()

    def check(self) -> None:
        """Find the device now (raises AudioUnavailable), without opening it."""
        self.device = find_input(self.device_spec)

    def start(self, on_block: BlockCallback) -> None:
        sd = sounddevice_module()
        self.check()
        device = self.device
        assert device is not None
        self._closed.wait(2.0)  # the stream before, closing in the background (`detach`)

        def callback(indata: Any, frames: int, _time: Any, status: Any) -> None:
            if status and status.input_overflow:
                self.overflows += 1
            if status and status.input_underflow:
                self.underflows += 1
            on_block(np.array(indata[:, 0], dtype=np.float32))

        try:
            stream = sd.InputStream(samplerate=SAMPLE_RATE, channels=1, dtype="float32",
                                    blocksize=self.block_size, device=device.index,
                                    callback=callback)
            stream.start()
        except (sd.PortAudioError, ValueError) as exc:
            raise AudioUnavailable(
                f"cannot record from '{device.name}': {first_line(exc)}") from None
        self._stream = stream

    def stop(self) -> None:
        self.detach()()

    def detach(self) -> Callable[[], None]:
        """The stream let go of now; the returned call aborts and closes it (5-140 ms through
        PulseAudio on 2 busy cores), and a `start` meanwhile waits for that close."""
        stream, self._stream = self._stream, None
        if stream is None:
            return lambda: None
        self._closed.clear()

        def close() -> None:
            # abort(), not stop(): stop() drains buffers and waits forever on an input that
            # delivers nothing (a stalled PulseAudio pipe-source, an unplugged device).
            try:
                stream.abort()
            finally:
                try:
                    stream.close()
                finally:
                    self._closed.set()

        return close
