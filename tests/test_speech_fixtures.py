"""The audio fixtures regenerate deterministically from audio_fixtures/make_fixtures.py."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np

from interviewer.speech.audio import load_audio
from tests.support.audio_files import AUDIO_FIXTURES


def test_fixtures_regenerate_identically(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, str(AUDIO_FIXTURES / "make_fixtures.py"), "--out", str(tmp_path),
         "--only", "weak", "silence", "noise"],
        capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    for name in ("weak.wav", "silence.wav", "noise.wav", "weak.txt"):
        assert (tmp_path / name).read_bytes() == (AUDIO_FIXTURES / name).read_bytes(), name
    # Encoded copies decode to the same audio (encoders may differ in container details).
    for name in ("weak.mp3", "weak.m4a"):
        assert np.allclose(load_audio(tmp_path / name), load_audio(AUDIO_FIXTURES / name),
                           atol=1e-3), name
