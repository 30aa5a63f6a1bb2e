"""The level meter and the mic check: RMS level per block, a peak hold, and the silent-input
verdict (the commonest silent failure: a muted or wrong microphone)."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from interviewer.speech.audio import SAMPLE_RATE, SILENT_DBFS, Audio, as_float32, rms_dbfs
from interviewer.speech.microphone import Microphone


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
