"""Audio as the speech code sees it: 16 kHz mono float32 arrays, and files decoded into them."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import numpy.typing as npt

SAMPLE_RATE = 16000
"""Every array in interviewer.speech is mono at this rate (what Whisper and Silero expect)."""

Audio = npt.NDArray[np.float32]
"""Mono samples in [-1, 1]."""

SILENT_DBFS = -100.0
"""The level reported for digital silence (log of zero), so meters have a floor."""


class AudioFileError(Exception):
    """A file that cannot be used as audio: missing, empty, corrupt or without an audio stream."""


def as_float32(block: npt.ArrayLike) -> Audio:
    """Any block of samples (int16 or float, mono or (n, 1)) as a flat float32 array."""
    arr = np.asarray(block)
    if arr.ndim > 1:
        arr = arr.reshape(arr.shape[0], -1)[:, 0]
    if arr.dtype == np.int16:
        return (arr.astype(np.float32) / 32768.0).astype(np.float32)
    return np.ascontiguousarray(arr, dtype=np.float32)


def as_int16(block: npt.ArrayLike) -> npt.NDArray[np.int16]:
    arr = np.asarray(block)
    if arr.ndim > 1:
        arr = arr.reshape(arr.shape[0], -1)[:, 0]
    if arr.dtype == np.int16:
        return np.ascontiguousarray(arr)
    scaled = np.clip(np.round(arr.astype(np.float32) * 32767.0), -32768, 32767)
    return scaled.astype(np.int16)


def rms_dbfs(block: npt.ArrayLike) -> float:
    """Root-mean-square level in dBFS (0 = full scale sine-ish peak, SILENT_DBFS for zeros)."""
    samples = as_float32(block)
    if samples.size == 0:
        return SILENT_DBFS
    rms = math.sqrt(float(np.mean(np.square(samples, dtype=np.float64))))
    if rms <= 0.0:
        return SILENT_DBFS
    return max(SILENT_DBFS, 20.0 * math.log10(rms))


def seconds(audio: Audio) -> float:
    return len(audio) / SAMPLE_RATE


def load_audio(path: str | Path) -> Audio:
    """Decode any file PyAV reads (wav, flac, mp3, m4a, ogg...) to 16 kHz mono float32.

    Raises AudioFileError with a one-line reason for a missing, empty, corrupt or silent-less
    (no audio stream) file.
    """
    path = Path(path)
    if not path.exists():
        raise AudioFileError(f"{path}: no such file")
    if path.is_dir():
        raise AudioFileError(f"{path}: is a folder, not an audio file")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise AudioFileError(f"{path}: cannot read it: {exc.strerror or exc}") from None
    if size == 0:
        raise AudioFileError(f"{path}: the file is empty")

    import av
    from faster_whisper.audio import decode_audio

    try:
        audio = decode_audio(str(path), sampling_rate=SAMPLE_RATE)
    except (av.error.FFmpegError, IndexError, ValueError, OSError, RuntimeError) as exc:
        reason = _reason(exc)
        raise AudioFileError(f"{path}: not a readable audio file ({reason})") from None
    if not isinstance(audio, np.ndarray) or audio.size == 0:
        raise AudioFileError(f"{path}: the file holds no audio")
    return np.ascontiguousarray(audio, dtype=np.float32)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, IndexError):
        return "no audio stream"
    strerror = getattr(exc, "strerror", None)
    if isinstance(strerror, str) and strerror:
        return strerror[0].lower() + strerror[1:]
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    # PyAV repeats the path in its messages; the caller already names the file.
    return text.split(": '", 1)[0]
