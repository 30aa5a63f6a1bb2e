"""The speech errors a user sees: each message is one line they can act on (a notice, then text
mode or silence), never a traceback."""

from __future__ import annotations


def first_line(exc: BaseException) -> str:
    """An exception as one line: its message's first line, else its type's name."""
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


class SpeechError(RuntimeError):
    """Speech output cannot be produced; the message is one line a user can act on."""


class SpeechEngineUnavailable(SpeechError):
    """No speech engine: pyttsx3 missing, espeak-ng (or the platform's engine) missing or broken."""


class UnknownVoice(SpeechError):
    """The configured voice is not one of the engine's voices."""


class OutputDeviceUnavailable(SpeechError):
    """No device to play on: no PortAudio, no sound card or server, or the named one missing."""


class AudioUnavailable(Exception):
    """No way to record: PortAudio missing, no input device, or the chosen one cannot open.

    The message is one line, for a notice ("... carrying on in text mode")."""
