"""Audio a synthesizer returns (`Clip`: mono 16-bit at its own rate), and the decoding of the
WAV (espeak-ng, SAPI) and AIFF (macOS) files speech engines write."""

from __future__ import annotations

import io
import struct
import wave
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from interviewer.speech.errors import SpeechError

Int16Array = npt.NDArray[np.int16]
Float32Array = npt.NDArray[np.float32]

DEFAULT_SAMPLE_RATE = 22050
"""espeak-ng's output rate; only used for the empty clip of a text with nothing to say."""


@dataclass(frozen=True, eq=False)
class Clip:
    """Mono 16-bit audio at its own sample rate: what a synthesizer returns."""

    samples: Int16Array
    sample_rate: int

    @classmethod
    def empty(cls, sample_rate: int = DEFAULT_SAMPLE_RATE) -> Clip:
        return cls(np.zeros(0, dtype=np.int16), sample_rate)

    @classmethod
    def from_float32(cls, samples: npt.ArrayLike, sample_rate: int) -> Clip:
        arr = np.clip(np.asarray(samples, dtype=np.float32), -1.0, 1.0)
        return cls(np.round(arr * 32767.0).astype(np.int16), sample_rate)

    @classmethod
    def concat(cls, clips: Sequence[Clip], sample_rate: int | None = None) -> Clip:
        """One clip of several in order, at `sample_rate` (default: the first clip's)."""
        rate = sample_rate or (clips[0].sample_rate if clips else DEFAULT_SAMPLE_RATE)
        parts = [c.resampled(rate).samples for c in clips if c.frames]
        if not parts:
            return cls.empty(rate)
        return cls(np.concatenate(parts), rate)

    @property
    def frames(self) -> int:
        return int(self.samples.shape[0])

    @property
    def seconds(self) -> float:
        return self.frames / self.sample_rate if self.sample_rate else 0.0

    def as_float32(self) -> Float32Array:
        return (self.samples.astype(np.float32) / 32768.0).astype(np.float32)

    def resampled(self, sample_rate: int) -> Clip:
        """The same sound at another rate (linear interpolation: fine for speech playback)."""
        if sample_rate == self.sample_rate:
            return self
        if not self.frames:
            return Clip(self.samples, sample_rate)
        n = max(1, round(self.frames * sample_rate / self.sample_rate))
        src = np.arange(self.frames, dtype=np.float64) / self.sample_rate
        dst = np.arange(n, dtype=np.float64) / sample_rate
        out = np.interp(dst, src, self.samples.astype(np.float64))
        return Clip(np.round(out).astype(np.int16), sample_rate)

    def to_wav_bytes(self) -> bytes:
        buf = io.BytesIO()
        with wave.open(buf, "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(self.sample_rate)
            w.writeframes(self.samples.astype("<i2").tobytes())
        return buf.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes) -> Clip:
        """Decode the PCM WAV (espeak-ng, SAPI) or AIFF (macOS) a speech engine writes."""
        if data[:4] == b"RIFF":
            return _decode_wav(data)
        if data[:4] == b"FORM":
            return _decode_aiff(data)
        raise SpeechError("the speech engine wrote audio in a format that cannot be read")

    @classmethod
    def read(cls, path: Path) -> Clip:
        return cls.from_bytes(Path(path).read_bytes())


def _mono(samples: npt.NDArray[Any], channels: int) -> Int16Array:
    if channels > 1:
        samples = samples.reshape(-1, channels).mean(axis=1)
    return np.asarray(samples, dtype=np.int16)


def _decode_wav(data: bytes) -> Clip:
    try:
        with wave.open(io.BytesIO(data), "rb") as w:
            width, channels, rate = w.getsampwidth(), w.getnchannels(), w.getframerate()
            raw = w.readframes(w.getnframes())
    except (wave.Error, EOFError) as exc:
        raise SpeechError(f"the speech engine wrote an unreadable WAV file ({exc})") from None
    if width == 1:
        samples = (np.frombuffer(raw, dtype=np.uint8).astype(np.int32) - 128) * 256
    elif width == 2:
        samples = np.frombuffer(raw, dtype="<i2").astype(np.int32)
    elif width == 4:
        samples = np.frombuffer(raw, dtype="<i4").astype(np.int64) >> 16
    else:
        raise SpeechError(f"the speech engine wrote {8 * width}-bit audio, which is not supported")
    return Clip(_mono(samples, channels), rate)


def _decode_aiff(data: bytes) -> Clip:
    """AIFF/AIFC with big- or little-endian 16-bit PCM (macOS's speech engine writes AIFF)."""
    if data[8:12] not in (b"AIFF", b"AIFC"):
        raise SpeechError("the speech engine wrote an unreadable AIFF file")
    pos, channels, width, rate, little, raw = 12, 1, 16, 0, False, b""
    while pos + 8 <= len(data):
        cid, size = data[pos:pos + 4], struct.unpack(">I", data[pos + 4:pos + 8])[0]
        body = data[pos + 8:pos + 8 + size]
        if cid == b"COMM":
            channels, _, width = struct.unpack(">hIh", body[:8])
            exponent, mantissa = struct.unpack(">HQ", body[8:18])
            rate = round(mantissa * 2.0 ** ((exponent & 0x7FFF) - 16383 - 63))
            little = data[8:12] == b"AIFC" and body[18:22] == b"sowt"
        elif cid == b"SSND":
            offset = struct.unpack(">I", body[:4])[0]
            raw = body[8 + offset:]
        pos += 8 + size + (size & 1)
    if width != 16 or not rate:
        raise SpeechError(f"the speech engine wrote {width}-bit AIFF audio, which is not supported")
    samples = np.frombuffer(raw[: len(raw) // 2 * 2], dtype="<i2" if little else ">i2")
    return Clip(_mono(samples.astype(np.int32), max(1, channels)), rate)
