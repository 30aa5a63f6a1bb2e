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
from interviewer.speech.remote import Ledger, endpoint_label
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


def probe_server(base_url: str, api_key: Secret, timeout: float = 3.0) -> tuple[bool, str]:
    """Is the speech server there (and does it take the key)? One GET of its model list; a
    server without one (HTTP 404/405/501) still answered. Never raises; the reason is ours."""
    import time

    import openai

    from interviewer.speech.remote import make_client, status_reason

    client = make_client(base_url or None, api_key)
    start = time.monotonic()
    try:
        client.models.list(timeout=timeout)
    except openai.APIStatusError as exc:
        if exc.status_code in (401, 403):
            return False, status_reason(exc.status_code, "")
        return True, f"reachable ({(time.monotonic() - start) * 1000:.0f} ms)"
    except openai.APITimeoutError:
        return False, f"unreachable: no answer within {timeout:g} s"
    except openai.APIConnectionError:
        return False, "unreachable: could not connect"
    except Exception:  # a reply that is not an OpenAI-compatible API
        return False, "answered, but not like an OpenAI-compatible API"
    finally:
        client.close()
    return True, f"reachable ({(time.monotonic() - start) * 1000:.0f} ms)"


# -- who produced what ---------------------------------------------------------------------------


def ledger_of(backend: object) -> Ledger | None:
    """The record of which backend produced each piece, for a speech-server backend; None for
    a local one (it alone produces everything)."""
    ledger = getattr(backend, "ledger", None)
    return ledger if isinstance(ledger, Ledger) else None


def ledger_mark(backend: object) -> int:
    """Where the backend's record stands now (0 for a local backend)."""
    ledger = ledger_of(backend)
    return len(ledger.backends()) if ledger is not None else 0


def backends_since(backend: object, mark: int) -> str | None:
    """Who produced the pieces since `mark`: 'openai', 'local', 'openai+local'...; None for a
    local backend (nothing to say) or when nothing was produced."""
    ledger = ledger_of(backend)
    if ledger is None:
        return None
    seen = dict.fromkeys(ledger.backends()[mark:])
    return "+".join(seen) or None
