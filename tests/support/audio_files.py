"""The spoken fixtures of audio_fixtures/ (espeak-ng answers with their reference text; see
audio_fixtures/make_fixtures.py)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from interviewer.speech.audio import SAMPLE_RATE, load_audio

AUDIO_FIXTURES = Path(__file__).resolve().parents[2] / "audio_fixtures"
WEAK_WORDS = ("language model", "product catalog", "accurate", "ship it")
"""Words the weak answer (weak.wav) says."""


def fixture_speech(name: str) -> np.ndarray:
    speech = load_audio(AUDIO_FIXTURES / name)
    return np.concatenate((speech, np.zeros(SAMPLE_RATE, np.float32)))  # flushes the last block
