"""The audio fixtures regenerate deterministically from audio_fixtures/make_fixtures.py."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np

from interviewer.speech.audio import load_audio
from tests.support.audio_files import AUDIO_FIXTURES

CODEC_FRAME = 1152
"""Samples in one MP3 frame: a re-encoded copy may differ from the kept one by its padding."""
MIN_SNR_DB = 15.0
"""A lossy copy of the same audio: 19-22 dB here; other audio or a shifted copy is under 0."""


def test_fixtures_regenerate_identically(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, str(AUDIO_FIXTURES / "make_fixtures.py"), "--out", str(tmp_path),
         "--only", "weak", "silence", "noise"],
        capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    for name in ("weak.wav", "silence.wav", "noise.wav", "weak.txt"):
        assert (tmp_path / name).read_bytes() == (AUDIO_FIXTURES / name).read_bytes(), name
    # Encoded copies carry the source's audio, as long as the kept copy, within a lossy codec's
    # error of it. Their exact samples vary with the encoder's release: PyAV 18.1.0 -> 18.1.1
    # re-encoded weak.mp3 up to 0.12 away from the kept copy (19.4 dB against the source, the
    # kept copy 22.4 dB), while other audio, or this audio shifted 100 samples, is under 0 dB.
    source = load_audio(tmp_path / "weak.wav")
    for name in ("weak.mp3", "weak.m4a"):
        made, kept = load_audio(tmp_path / name), load_audio(AUDIO_FIXTURES / name)
        assert abs(len(made) - len(kept)) <= CODEC_FRAME, name
        assert snr_db(made, source) >= MIN_SNR_DB and snr_db(kept, source) >= MIN_SNR_DB, name


def snr_db(decoded: np.ndarray, source: np.ndarray) -> float:
    """Signal to error of a decoded copy against its source, sample for sample."""
    n = min(len(decoded), len(source))
    error = float(np.sum((decoded[:n] - source[:n]) ** 2))
    return float(10 * np.log10(float(np.sum(source[:n] ** 2)) / max(error, 1e-20)))
