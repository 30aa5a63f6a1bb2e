"""`interviewer doctor`: what this machine and configuration give the interviewer.

The coach in use, the LLM endpoint (reachable or not, within a short timeout), the model, and
the speech engines and devices. Every check is guarded: the doctor reports, it never crashes,
and it never prints the API key.
"""

from __future__ import annotations

import ctypes.util
import shutil
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import urlsplit, urlunsplit

from interviewer.cli.command import FAILED, OK, Context
from interviewer.coach.factory import CoachSettings, wants_llm

if TYPE_CHECKING:
    from interviewer.coach.base import Coach

OPENAI_URL = "https://api.openai.com/v1"
PROBE_TIMEOUT = 3.0
DEVICE_TIMEOUT = 5.0
T = TypeVar("T")


@dataclass(frozen=True)
class Check:
    label: str
    detail: str
    ok: bool = True


def display_url(url: str) -> str:
    """The URL without user:password, query or fragment (where keys sometimes hide)."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


def _guarded(fn: Callable[[], T], timeout: float) -> tuple[T | None, str]:
    """fn() in a daemon thread, so neither an exception nor a hang can stop the doctor."""
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["value"] = fn()
        except BaseException as exc:  # reported, never raised
            box["error"] = f"{type(exc).__name__}"

    t = threading.Thread(target=run, daemon=True)
    t.start()
    t.join(timeout)
    if t.is_alive():
        return None, f"no answer within {timeout:g} s"
    return box.get("value"), box.get("error", "")


def coach_checks(settings: CoachSettings, coach: Coach, notice: str | None) -> list[Check]:
    """The coach made from `settings` (and the notice when it is not the one asked for)."""
    checks = [Check("coach", f"{coach.name} (asked for: {settings.coach})")]
    if notice:
        checks.append(Check("note", notice, ok=settings.coach != "llm"))
    url = display_url(settings.llm_base_url.strip() or OPENAI_URL)
    key = "set (never shown)" if settings.llm_api_key else "not set"
    if not wants_llm(settings):
        configured = settings.llm_base_url.strip() or settings.llm_api_key
        checks.append(Check("endpoint", f"{url} (configured, not used)" if configured
                            else "none configured (INTERVIEWER_LLM_BASE_URL)"))
        checks.append(Check("api key", key))
        return checks

    from interviewer.coach.llm_client import ChatClient  # loads the openai SDK: only here

    def probe() -> Any:
        client = ChatClient(base_url=settings.llm_base_url.strip(), model=settings.llm_model,
                            api_key=settings.llm_api_key, timeout=PROBE_TIMEOUT, max_retries=0)
        try:
            return client.probe(PROBE_TIMEOUT)
        finally:
            client.close()

    status, error = _guarded(probe, PROBE_TIMEOUT + 2)
    if status is None:
        checks.append(Check("endpoint", f"{url}: could not be checked ({error})", ok=False))
        checks.append(Check("model", settings.llm_model))
    else:
        checks.append(Check("endpoint", f"{url}: {status.detail}", ok=status.ok))
        if status.models is None:
            model = settings.llm_model
        elif settings.llm_model in status.models:
            model = f"{settings.llm_model}: listed by the endpoint"
        else:
            shown = ", ".join(status.models[:5]) or "none"
            model = f"{settings.llm_model}: NOT listed by the endpoint (it lists: {shown})"
        checks.append(Check("model", model, ok=status.models is None
                            or settings.llm_model in status.models))
    checks.append(Check("api key", key))
    checks.append(Check("limits", f"{settings.llm_timeout:g} s per step, "
                                  f"{settings.llm_max_retries} retries"))
    return checks


def device_checks(settings: object) -> list[Check]:
    """The devices the settings name (`input-device`, `output-device`): each must exist."""
    from interviewer.speech.devices import find_input, find_output, list_devices
    from interviewer.speech.errors import AudioUnavailable

    wanted = {label: str(getattr(settings, label.replace("-", "_"), "") or "")
              for label in ("input-device", "output-device")}
    if not any(wanted.values()):
        return []
    devices, error = _guarded(list_devices, DEVICE_TIMEOUT)
    checks = []
    for label, value in wanted.items():
        if not value:
            continue
        if devices is None:
            checks.append(Check(label, f"'{value}': cannot be checked ({error})", ok=False))
            continue
        try:
            found = (find_input if label == "input-device" else find_output)(value, devices)
        except AudioUnavailable as exc:
            checks.append(Check(label, f"{exc}", ok=False))
            continue
        if found is not None:
            checks.append(Check(label, f"'{value}': {found.index} {found.name}"))
    return checks


def voice_check(engine: str, voice: str) -> Check:
    """Which engine will speak, with which voice (and why not Piper, when it cannot)."""
    from importlib import metadata

    from interviewer.speech.factory import choose_engine

    chosen, notice = choose_engine(engine, voice)
    if chosen == "piper":
        shown = voice.strip() or "en_US-joe-medium (bundled)"
        try:
            version = metadata.version("piper-tts")
        except metadata.PackageNotFoundError:
            version = "?"
        return Check("voice", f"piper {version}: {shown}")
    return Check("voice", f"pyttsx3: {voice.strip() or 'its default voice'}"
                          + (f" ({notice})" if notice else ""), ok=not notice)


def _server_check(label: str, base_url: str, model: str, key: Any, behind: str) -> Check:
    """A speech server the settings name: where, which model, reachable or not."""
    from interviewer.speech.remote_backends import probe_server

    url = display_url(base_url.strip() or OPENAI_URL)
    answer, error = _guarded(lambda: probe_server(base_url.strip(), key, PROBE_TIMEOUT),
                             PROBE_TIMEOUT + 2)
    ok, status = answer if answer is not None else (False, f"could not be checked ({error})")
    keyed = "key set (never shown)" if key else "no key"
    return Check(label, f"openai: {model} at {url}: {status}; {keyed}; {behind} behind it",
                 ok=ok)


def speech_backend_checks(settings: Any) -> list[Check]:
    """The transcriber and the voice the factory builds from the settings: the local model, or
    a speech server (URL, model, reachable or not) with the local one behind it."""
    from interviewer.speech.factory import make_synthesizer, make_transcriber
    from interviewer.speech.fallback_stt import FallbackTranscriber
    from interviewer.speech.fallback_tts import FallbackSynthesizer

    checks = []
    try:
        transcriber = make_transcriber(settings)
        if isinstance(transcriber, FallbackTranscriber):
            local = transcriber.local.check() if hasattr(transcriber.local, "check") else ""
            checks.append(_server_check("transcription", settings.stt_base_url,
                                        transcriber.remote.model, settings.stt_api_key,
                                        f"local {local}".strip()))
            transcriber.close()
        else:
            checks.append(Check("transcription", f"local: {transcriber.check()}"))
    except Exception as exc:  # ModelLoadError and the like: reported, never raised
        checks.append(Check("transcription", str(exc).splitlines()[0] if str(exc)
                            else type(exc).__name__, ok=False))
    if getattr(settings, "tts_engine", "") == "openai":
        try:
            synth, _ = make_synthesizer(settings)
        except Exception as exc:
            checks.append(Check("voice", str(exc) or type(exc).__name__, ok=False))
        else:
            if isinstance(synth, FallbackSynthesizer):
                checks.append(_server_check(
                    "voice", settings.tts_base_url,
                    f"{synth.remote.model}, voice {synth.remote.voice}", settings.tts_api_key,
                    f"the local voice ({synth.local.name})"))
            synth.close()
    return checks


def speech_checks(engine: str = "auto", voice: str = "") -> list[Check]:
    checks = [voice_check(engine, voice)] if engine != "openai" else []
    espeak = shutil.which("espeak-ng") or shutil.which("espeak")
    checks.append(Check("espeak-ng", f"found: {espeak}" if espeak
                        else "not found (speaking questions aloud needs it)", ok=bool(espeak)))
    lib, _ = _guarded(lambda: ctypes.util.find_library("portaudio"), DEVICE_TIMEOUT)
    checks.append(Check("PortAudio", f"found: {lib}" if lib
                        else "not found (recording answers needs libportaudio2)", ok=bool(lib)))

    def inputs() -> list[str]:
        from interviewer.speech.devices import list_devices  # AudioUnavailable: no PortAudio

        return [d.name for d in list_devices() if d.inputs > 0]

    names, error = _guarded(inputs, DEVICE_TIMEOUT)
    if names is None:
        checks.append(Check("microphone", f"cannot list devices ({error or 'unknown error'})",
                            ok=False))
    elif not names:
        checks.append(Check("microphone", "no input device found: interviews run in text",
                            ok=False))
    else:
        more = f" and {len(names) - 3} more" if len(names) > 3 else ""
        checks.append(Check("microphone", f"{len(names)} input device(s): "
                                          f"{', '.join(names[:3])}{more}"))
    return checks


def run(ctx: Context) -> int:
    text, code = report(ctx.settings, *ctx.coach())
    sys.stdout.write(text)
    return code


def report(settings: CoachSettings, made: Coach, notice: str | None) -> tuple[str, int]:
    """The doctor's text and exit code: 1 when the LLM coach is in use but cannot be reached,
    a speech server the settings name cannot be reached, or a device they name does not
    exist."""
    coach = coach_checks(settings, made, notice)
    devices = device_checks(settings)
    servers = speech_backend_checks(settings)
    checks = [*coach, *servers, *speech_checks(str(getattr(settings, "tts_engine", "auto")),
                                               str(getattr(settings, "tts_voice", ""))),
              *devices]
    width = max(len(c.label) for c in checks)
    lines = [f"{c.label:<{width}}  {c.detail}" for c in checks]
    failed = any(not c.ok for c in coach if c.label in ("endpoint", "note")) or \
        any(not c.ok for c in devices) or \
        any(not c.ok for c in servers if c.detail.startswith("openai:"))
    return "\n".join(lines) + "\n", FAILED if failed else OK
