"""An answer's audio written to disk *while* it is recorded, so a crash keeps what was said.

The WAV header's sizes are patched after every write and the frames are handed to the OS at
once (and fsync'ed every few seconds), so after a kill -9 the file is a valid WAV of all audio
written up to the kill. The file is private (0600), like session.json.
"""

from __future__ import annotations

import os
import queue
import threading
import time
import wave
from pathlib import Path
from typing import BinaryIO

import numpy.typing as npt

from interviewer.speech.audio import SAMPLE_RATE, as_int16

FILE_MODE = 0o600
"""Private, like session.json (the session layer's store uses the same mode)."""
FSYNC_EVERY_S = 2.0
"""How often the frames are forced to the disk itself (the OS already has them)."""


class WavWriter:
    """16-bit mono WAV, header kept valid after every `write()` (not thread-safe; see
    `BackgroundWavWriter` for writing from an audio callback)."""

    def __init__(self, path: str | Path, sample_rate: int = SAMPLE_RATE) -> None:
        self.path = Path(path)
        self.sample_rate = sample_rate
        self.frames = 0
        fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
        os.fchmod(fd, FILE_MODE)  # an existing file keeps its mode through O_CREAT
        self._fh: BinaryIO = os.fdopen(fd, "wb")
        self._wav = wave.open(self._fh, "wb")  # noqa: SIM115 - lives until close()
        self._wav.setnchannels(1)
        self._wav.setsampwidth(2)
        self._wav.setframerate(sample_rate)
        self._wav.writeframes(b"")  # the header, with zero frames, on disk from the start
        self._fh.flush()
        self._synced_at = time.monotonic()
        self.closed = False

    @property
    def seconds(self) -> float:
        return self.frames / self.sample_rate

    def write(self, block: npt.ArrayLike) -> None:
        """Append samples (float32 in [-1, 1] or int16); header patched, bytes flushed."""
        if self.closed:
            raise ValueError("write to a closed WAV file")
        pcm = as_int16(block)
        if not pcm.size:
            return
        self._wav.writeframes(pcm.astype("<i2").tobytes())  # patches the header's sizes
        self.frames += int(pcm.size)
        self._fh.flush()
        if time.monotonic() - self._synced_at >= FSYNC_EVERY_S:
            os.fsync(self._fh.fileno())
            self._synced_at = time.monotonic()

    def close(self) -> Path:
        if not self.closed:
            self.closed = True
            self._wav.close()  # final header; closes nothing it did not open
            self._fh.flush()
            os.fsync(self._fh.fileno())
            self._fh.close()
        return self.path

    def __enter__(self) -> WavWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


_CLOSE = object()


class BackgroundWavWriter:
    """WavWriter behind a queue and a thread: `write()` is safe from an audio callback."""

    def __init__(self, path: str | Path, sample_rate: int = SAMPLE_RATE) -> None:
        self.writer = WavWriter(path, sample_rate)
        self.path = self.writer.path
        self.error: BaseException | None = None
        self._queue: queue.SimpleQueue[object] = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._run, name="wav-writer", daemon=True)
        self._thread.start()

    def write(self, block: npt.ArrayLike) -> None:
        self._queue.put(as_int16(block).copy())

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            if item is _CLOSE:
                break
            if self.error is None:
                try:
                    self.writer.write(item)  # type: ignore[arg-type]
                except OSError as exc:  # disk full...: keep draining, report at close
                    self.error = exc
        try:
            self.writer.close()
        except OSError as exc:
            self.error = self.error or exc

    def close(self, timeout: float = 10.0) -> Path:
        """Write what is queued, close the file; raises the first disk error, if any."""
        if self._thread.is_alive():
            self._queue.put(_CLOSE)
            self._thread.join(timeout)
        if self.error is not None:
            raise self.error
        return self.path

    @property
    def seconds(self) -> float:
        return self.writer.seconds


def truncated_wav(path: str | Path) -> tuple[float, float] | None:
    """(seconds the header announces, seconds present) for a RIFF/WAVE file cut short, e.g. a
    copy that stopped early; None for a whole WAV, another format, or an unreadable file."""
    import struct

    try:
        size = Path(path).stat().st_size
        with open(path, "rb") as fh:
            head = fh.read(12)
            if len(head) < 12 or head[:4] != b"RIFF" or head[8:12] != b"WAVE":
                return None
            byte_rate = 0
            while True:
                chunk = fh.read(8)
                if len(chunk) < 8:
                    return None
                kind, length = chunk[:4], struct.unpack("<I", chunk[4:])[0]
                if kind == b"fmt ":
                    fmt = fh.read(length + (length & 1))
                    byte_rate = struct.unpack("<I", fmt[8:12])[0] if len(fmt) >= 12 else 0
                elif kind == b"data":
                    present = size - fh.tell()
                    if byte_rate <= 0 or length in (0, 0xFFFFFFFF) or present >= length:
                        return None
                    return length / byte_rate, max(present, 0) / byte_rate
                else:
                    fh.seek(length + (length & 1), os.SEEK_CUR)
    except (OSError, struct.error):
        return None


def wav_seconds(path: Path) -> float:
    """Length of a (possibly cut off) 16-bit WAV, as `WavWriter` leaves one after a kill; 0.0
    when it is missing or unreadable."""
    try:
        with wave.open(str(path), "rb") as wav:
            rate = wav.getframerate() or 1
            header = wav.getnframes()
            width = max(wav.getsampwidth(), 1)
        on_disk = max(path.stat().st_size - 44, 0) // width
    except (OSError, EOFError, wave.Error):
        return 0.0
    return (header or on_disk) / rate  # no frames in the header: killed before its first patch
