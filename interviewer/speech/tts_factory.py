"""Which voice speaks: the one place where a synthesizer is chosen and built from the settings.

`tts-engine`:
- `auto` (the default): Piper when `piper-tts` is installed and `tts-voice` is empty, the bundled
  voice's name or a `.onnx` file; pyttsx3 when `tts-voice` names one of its voices (`en-us`...).
- `piper`: Piper (the bundled voice, or the `.onnx` file in `tts-voice`).
- `pyttsx3`: espeak-ng on Linux, the system's voices on macOS and Windows.

When Piper is wanted but cannot be used (the optional `voice` extra is not installed), pyttsx3
speaks instead and the reason comes back as one notice line, for the caller to show once.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from typing import Protocol

from interviewer.speech.piper_tts import (
    BUNDLED_VOICE,
    INSTALL_HINT,
    PiperSynthesizer,
    bundled_voice_file,
    is_voice_file,
    piper_missing,
)
from interviewer.speech.tts import Pyttsx3Synthesizer, Synthesizer


class TTSSettings(Protocol):
    """The settings a synthesizer is built from (interviewer.config.Settings has them all)."""

    tts_engine: str
    tts_voice: str
    tts_rate: int
    tts_volume: float


def _system_voice() -> str:
    return "espeak-ng" if sys.platform.startswith("linux") else "the system voice"


def choose_engine(engine: str, voice: str) -> tuple[str, str]:
    """The engine that will speak ('piper' or 'pyttsx3') and, when it is not the one asked
    for, why (one line); '' when it is."""
    voice = voice.strip()
    if engine == "pyttsx3":
        return "pyttsx3", ""
    if engine == "auto" and voice and voice != BUNDLED_VOICE and not is_voice_file(voice):
        return "pyttsx3", ""  # a pyttsx3 voice name: that engine was meant
    why = piper_missing()
    if why is None and not voice and bundled_voice_file() is None:
        why = f"the bundled voice ({BUNDLED_VOICE}) is not installed"
    if why is None:
        return "piper", ""
    return "pyttsx3", (f"the Piper voice is off: {why}; speaking with {_system_voice()} "
                       f"(pyttsx3) instead. To hear Piper: {INSTALL_HINT}")


def make_synthesizer(
    settings: TTSSettings,
    *,
    engine: str | None = None,
    voice: str | None = None,
    rate: int | None = None,
    volume: float | None = None,
    progress: Callable[[str], None] | None = None,
) -> tuple[Synthesizer, str]:
    """The synthesizer the settings (and any overrides) describe, and a notice ('' if none).

    Cheap: nothing is loaded yet (`warm_up()` does that). Raises ValueError for a rate or
    volume out of range.
    """
    engine = engine or getattr(settings, "tts_engine", "auto") or "auto"
    voice = settings.tts_voice if voice is None else voice
    rate = settings.tts_rate if rate is None else rate
    volume = settings.tts_volume if volume is None else volume
    chosen, notice = choose_engine(engine, voice)
    if chosen == "piper":
        return PiperSynthesizer(voice, rate, volume, progress=progress), notice
    if notice and (is_voice_file(voice) or voice.strip() == BUNDLED_VOICE):
        voice = ""  # a Piper voice means nothing to pyttsx3: its default voice instead
    return Pyttsx3Synthesizer(voice, rate, volume), notice


class ChosenVoice:
    """`make_synthesizer`'s choice for a session, made once, on first use: choosing imports
    Piper (about half a second), which belongs in a worker thread, not on a UI's."""

    def __init__(self, settings: TTSSettings,
                 progress: Callable[[str], None] | None = None) -> None:
        self._settings = settings
        self._progress = progress
        self._lock = threading.Lock()
        self._choice: tuple[Synthesizer, str] | None = None

    def _get(self) -> tuple[Synthesizer, str]:
        with self._lock:
            if self._choice is None:
                self._choice = make_synthesizer(self._settings, progress=self._progress)
            return self._choice

    @property
    def synthesizer(self) -> Synthesizer:
        return self._get()[0]

    @property
    def notice(self) -> str:
        """Why the voice is not the one asked for (one line), or ''."""
        return self._get()[1]
