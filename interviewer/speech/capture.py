"""Microphone capture: a callback `sounddevice.InputStream` at 16 kHz mono, a file stand-in,
a level meter and a silent-input detector for the mic check.

A `Microphone` delivers blocks of float32 samples to a callback, on its own thread (PortAudio's
for the real one). The callback must be quick: queue the block and return.

Blocking `sounddevice.rec()` is not used on purpose: it was seen to hang on a PulseAudio
pipe-source (the virtual microphone of the tests); the callback stream works everywhere.
"""

from __future__ import annotations

import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from interviewer.speech.audio import (
    SAMPLE_RATE,
    SILENT_DBFS,
    Audio,
    as_float32,
    load_audio,
    rms_dbfs,
)
from interviewer.speech.devices import Device, find_input, sounddevice_module
from interviewer.speech.errors import AudioUnavailable, first_line

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


# -- the real microphone ------------------------------------------------------------------------


class SoundDeviceMicrophone(Microphone):
    """The real microphone: a callback InputStream, 16 kHz mono float32, 100 ms blocks."""

    name = "sounddevice"

    def __init__(self, device: str | int | None = None, *,
                 block_seconds: float = BLOCK_SECONDS) -> None:
        self.device_spec = device
        self.block_size = int(block_seconds * SAMPLE_RATE)
        self.device: Device | None = None
        self.overflows = 0
        self._stream: Any = None

    def check(self) -> None:
        """Find the device now (raises AudioUnavailable), without opening it."""
        self.device = find_input(self.device_spec)

    def start(self, on_block: BlockCallback) -> None:
        sd = sounddevice_module()
        self.check()
        device = self.device
        assert device is not None

        def callback(indata: Any, frames: int, _time: Any, status: Any) -> None:
            if status and status.input_overflow:
                self.overflows += 1
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
        stream, self._stream = self._stream, None
        if stream is not None:
            # abort(), not stop(): stop() drains buffers and waits forever on an input that
            # delivers nothing (a stalled PulseAudio pipe-source, an unplugged device).
            try:
                stream.abort()
            finally:
                stream.close()


# -- a file standing in for the microphone -------------------------------------------------------

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


# -- the mic check --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Level:
    """One reading of the meter."""

    dbfs: float
    """RMS level of the latest block (-100 for digital silence, 0 at full scale)."""
    peak_dbfs: float
    """The loudest block in the last `hold_s` seconds."""
    silent: bool
    """True once the input has stayed below the silence floor for `after_s` seconds."""
    seconds: float
    """Audio measured so far."""

    def bar(self, width: int = 20, floor: float = -60.0) -> str:
        """A text meter, e.g. '#########-----------' (for terminals and logs)."""
        filled = round(width * min(1.0, max(0.0, (self.dbfs - floor) / -floor)))
        return "#" * filled + "-" * (width - filled)


class SilenceDetector:
    """Says when an input has been silent for a while: the commonest silent failure (muted
    microphone, wrong device, a permission denied by the OS) gives zeros or a very low floor."""

    def __init__(self, floor_dbfs: float = -60.0, after_s: float = 3.0) -> None:
        self.floor_dbfs = floor_dbfs
        self.after_s = after_s
        self.quiet_s = 0.0

    def update(self, dbfs: float, seconds: float) -> bool:
        self.quiet_s = self.quiet_s + seconds if dbfs < self.floor_dbfs else 0.0
        return self.silent

    @property
    def silent(self) -> bool:
        return self.quiet_s >= self.after_s - 1e-6  # block sums are not exact


class LevelMeter:
    """Feed blocks, read Levels: RMS dBFS per block, a peak hold and the silence verdict."""

    def __init__(self, *, hold_s: float = 1.0, floor_dbfs: float = -60.0,
                 silent_after_s: float = 3.0) -> None:
        self.hold_s = hold_s
        self.detector = SilenceDetector(floor_dbfs, silent_after_s)
        self._recent: list[tuple[float, float]] = []  # (time in audio, dBFS)
        self.seconds = 0.0
        self.level = Level(-100.0, -100.0, False, 0.0)

    def update(self, block: Audio) -> Level:
        samples = as_float32(block)
        dur = len(samples) / SAMPLE_RATE
        db = rms_dbfs(samples)
        self.seconds += dur
        self._recent = [(t, d) for t, d in self._recent if t > self.seconds - self.hold_s]
        self._recent.append((self.seconds, db))
        silent = self.detector.update(db, dur)
        self.level = Level(round(db, 1), round(max(d for _, d in self._recent), 1), silent,
                           round(self.seconds, 2))
        return self.level


class MicCheck:
    """The home screen's mic check: open the microphone, report a Level per block.

    `on_level` runs on the microphone's thread; a UI posts it to its own thread. A device
    that delivers nothing at all (no callback) is silent too: `poll()`, called from a UI
    timer, says so once `silent_after_s` has passed without a block.
    """

    def __init__(self, mic: Microphone, on_level: Callable[[Level], None] | None = None, *,
                 meter: LevelMeter | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.mic = mic
        self.on_level = on_level
        self.meter = meter or LevelMeter()
        self.clock = clock
        self._started_at = 0.0
        self._last_block_at: float | None = None

    def start(self) -> None:
        """Open the microphone (raises AudioUnavailable)."""
        self._started_at = self.clock()
        self.mic.start(self._block)

    def _block(self, block: Audio) -> None:
        self._last_block_at = self.clock()
        level = self.meter.update(block)
        if self.on_level is not None:
            self.on_level(level)

    def poll(self) -> Level:
        """The latest Level, marked silent if the device has delivered nothing for a while."""
        level = self.meter.level
        since = self._last_block_at if self._last_block_at is not None else self._started_at
        if self.clock() - since >= self.meter.detector.after_s and not level.silent:
            level = Level(SILENT_DBFS, SILENT_DBFS, True, level.seconds)
        return level

    def stop(self) -> Level:
        self.mic.stop()
        return self.poll()
