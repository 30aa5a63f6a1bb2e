"""Silero, the voice-activity model, scoring 32 ms windows of 16 kHz audio.

Its weights ship inside faster-whisper's wheel, so they are loaded from there; but the VAD is
its own part, loaded here and warmed by the factory, whichever transcriber is in use (a speech
server needs it as much as the local model: segments are sent as pauses close them).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import numpy.typing as npt

from interviewer.speech.audio import Audio

Scorer = Callable[[Audio], npt.NDArray[np.float32]]
"""Audio (a whole number of windows) -> one speech probability per window."""


def silero() -> Scorer:
    """The Silero scorer (the model loads once per process, on the first call)."""
    from faster_whisper.vad import get_vad_model

    model = get_vad_model()

    def score(audio: Audio) -> npt.NDArray[np.float32]:
        return np.asarray(model(audio), dtype=np.float32).reshape(-1)

    return score
