"""The speech-server backends as the factory builds them: the server first, the local model or
engine behind it (`fallback_stt`, `fallback_tts`), so every caller (the TUI, `transcribe`,
`speak`, `score --audio`, replay) gets the safety net by choosing `stt-backend = "openai"` or
`tts-engine = "openai"`, and nothing else.

The keys are `Secret`s from the settings; they are revealed only to the SDK client.
"""

from __future__ import annotations

from typing import Protocol

from interviewer.secret import Secret
from interviewer.speech.fallback_stt import FallbackTranscriber
from interviewer.speech.fallback_tts import FallbackSynthesizer
from interviewer.speech.openai_stt import HintableTranscriber, OpenAITranscriber
from interviewer.speech.openai_tts import OpenAISynthesizer
from interviewer.speech.remote import endpoint_label
from interviewer.speech.synthesizer import Synthesizer

DEFAULT_VOICE = "alloy"
"""The server's voice when `tts-voice` is empty (OpenAI's first; Kokoro-FastAPI maps it too)."""


class RemoteSttSettings(Protocol):
    stt_base_url: str
    stt_server_model: str
    stt_api_key: Secret
    stt_language: str


class RemoteTtsSettings(Protocol):
    tts_base_url: str
    tts_model: str
    tts_api_key: Secret


def remote_transcriber(settings: RemoteSttSettings, local: HintableTranscriber,
                       ) -> FallbackTranscriber:
    """The transcription server, with `local` transcribing any piece it fails."""
    remote = OpenAITranscriber(base_url=settings.stt_base_url or None,
                               model=settings.stt_server_model, api_key=settings.stt_api_key,
                               language=settings.stt_language or "en")
    return FallbackTranscriber(remote, local)


def remote_synthesizer(settings: RemoteTtsSettings, voice: str, rate: int, volume: float,
                       local: Synthesizer) -> FallbackSynthesizer:
    """The voice server, with `local` speaking any piece it fails."""
    remote = OpenAISynthesizer(base_url=settings.tts_base_url or None, model=settings.tts_model,
                               voice=voice.strip() or DEFAULT_VOICE,
                               api_key=settings.tts_api_key, rate=rate, volume=volume)
    return FallbackSynthesizer(remote, local)


def server_label(base_url: str, model: str) -> str:
    """'model at host:port' (never a user:password a URL may carry)."""
    return f"{model} at {endpoint_label(base_url or None)}"
