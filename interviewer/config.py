"""User settings: one object, read from a TOML file at an XDG path and INTERVIEWER_* variables.

Precedence: command-line flags (applied by the CLI) > environment > config file > defaults.
The LLM endpoint and key fall back to the SDK's own OPENAI_BASE_URL and OPENAI_API_KEY when
neither INTERVIEWER_LLM_* nor the file sets them; INTERVIEWER_LLM=offline picks the offline
coach over the file and INTERVIEWER_COACH (a --coach flag still wins).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from interviewer.banks import ANY_KIND
from interviewer.paths import config_dir, default_home
from interviewer.rubric import question_kinds
from interviewer.secret import Secret
from interviewer.tomlcompat import tomllib

MODES = ("auto", "text", "voice")
COACHES = ("auto", "offline", "llm")
MAX_QUESTIONS = 20
_NUMBERS: dict[str, tuple[type[int] | type[float], float, float]] = {
    "questions": (int, 1, MAX_QUESTIONS),
    "minutes_per_answer": (float, 0.25, 30),
    "llm_timeout": (float, 0.1, 600),
    "llm_max_retries": (int, 0, 10),
    "stt_threads": (int, 0, 64),
    "stt_beam_size": (int, 1, 10),
    "silence_end_s": (float, 0, 60),
    "tts_rate": (int, 80, 400),
    "tts_volume": (float, 0, 1),
}
"""Numeric settings: their type and inclusive range."""
TTS_ENGINES = ("auto", "piper", "pyttsx3")
"""Who speaks: interviewer.speech.tts_factory says how 'auto' chooses."""
_CHOICES: dict[str, tuple[str, ...]] = {"mode": MODES, "coach": COACHES,
                                        "tts_engine": TTS_ENGINES}
"""Settings that take one of a few words."""


class ConfigError(ValueError):
    pass


@dataclass
class Settings:
    home: Path = field(default_factory=default_home)
    """Where sessions are kept (INTERVIEWER_HOME)."""
    banks: list[Path] = field(default_factory=list)
    """Extra question-bank files or folders, added to the bundled banks."""
    track: str = "mixed"
    """The track picked on the home screen: a track slug or 'mixed'."""
    kind: str = "any"
    """The kind of question picked on the home screen (design, estimate...) or 'any'."""
    questions: int = 3
    """Questions per interview."""
    minutes_per_answer: float = 3.0
    """The time shown for each answer; going over is recorded, never cut off."""
    mode: str = "auto"
    """'voice', 'text', or 'auto': voice when a microphone and the speech model are there."""
    stt_model: str = ""
    """Speech-to-text model: '' = the bundled Whisper tiny.en (offline); a local CTranslate2
    folder; or a hub name such as 'base.en' (downloaded once, on purpose)."""
    stt_compute_type: str = "int8"
    """CTranslate2 compute type for the speech model: int8, int8_float32, float32..."""
    stt_threads: int = 0
    """CPU threads for speech-to-text; 0 = the machine's cores, at most 4."""
    stt_language: str = "en"
    """The language spoken in answers (an ISO code; tiny.en only knows 'en')."""
    stt_beam_size: int = 5
    """Beam size for transcribing files; 1 is faster, 5 a little more accurate."""
    silence_end_s: float = 8.0
    """The longest wait: seconds of silence after speech that end a spoken answer whatever
    the end-of-turn detector says (it ends a finished answer well before); without the
    detector, the fixed silence that ends every answer. 0 = only the key ends it."""
    turn_model: bool = True
    """End a spoken answer when the end-of-turn model and the words say it is finished;
    false: only space or `silence_end_s` of silence ends it."""
    input_device: str = ""
    """Microphone: a device index or part of its name (`interviewer devices`); '' = default."""
    output_device: str = ""
    """Speaker: a device index or part of its name (`interviewer devices`); '' = default."""
    speak: bool = True
    """Read questions and follow-ups aloud in voice mode (--no-speak: off; text mode never does)."""
    tts_engine: str = "auto"
    """'piper' (the neural voice, when installed), 'pyttsx3' (espeak-ng, the system's voices),
    or 'auto': Piper unless tts_voice names a pyttsx3 voice."""
    keep_audio: bool = True
    """Keep spoken answers and prompts as WAV files for replay; false (--no-keep-audio): only
    the transcripts are kept, each recording removed once its answer is saved."""
    tts_voice: str = ""
    """The interviewer's voice: an id or name from `interviewer voices`, or a Piper voice file
    (/path/to/voice.onnx); '' = the engine's default (Piper: the bundled en_US-joe-medium)."""
    tts_rate: int = 180
    """Speaking rate in words per minute (80-400)."""
    tts_volume: float = 1.0
    """Speech volume, from 0.0 (silent) to 1.0 (full)."""
    coach: str = "auto"
    """'offline', 'llm', or 'auto': the LLM coach when an endpoint or key is set, else offline."""
    llm_base_url: str = ""
    """An OpenAI-compatible endpoint, e.g. http://localhost:11434/v1 (Ollama); empty: OpenAI's."""
    llm_model: str = "gpt-4o-mini"
    """The model the LLM coach asks (INTERVIEWER_LLM_MODEL)."""
    llm_api_key: Secret = field(default_factory=Secret, repr=False)
    """The endpoint's API key (INTERVIEWER_LLM_API_KEY); never shown, logged or saved."""
    llm_timeout: float = 20.0
    """Seconds one LLM step (a follow-up, the scorecard) may take, retries included."""
    llm_max_retries: int = 2
    """Retries of a failed LLM request (rate limit, server error, timeout, refused connection)."""


def config_path() -> Path:
    env = os.environ.get("INTERVIEWER_CONFIG")
    if env:
        return Path(env).expanduser()
    return config_dir() / "config.toml"


class _Rule(ValueError):
    """What a setting allows, said to the user as "must be ..." (see `_coerce`)."""


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise _Rule("must be text in quotes")
    return value


def _boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = value.strip().lower() if isinstance(value, str) else ""
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("0", "false", "no", "off"):
        return False
    raise _Rule("must be true or false")


def _number(value: Any, kind: type[int] | type[float], low: float, high: float) -> float:
    what = "a whole number" if kind is int else "a number"
    rule = _Rule(f"must be {what} from {low:g} to {high:g}")
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise rule
    try:
        number = float(value)
    except ValueError:
        raise rule from None
    if (kind is int and not number.is_integer()) or not low <= number <= high:
        raise rule
    return int(number) if kind is int else number


def _choice(value: Any, choices: tuple[str, ...]) -> str:
    if value not in choices:
        raise _Rule(f"must be one of {', '.join(choices)}")
    return str(value)


def _url(value: Any) -> str:
    """An http(s) URL with a host, or '': 'not a URL' is said here, not as 'unreachable'."""
    text = _text(value).strip()
    if not text:
        return ""
    rule = _Rule("is not a URL: it needs http:// or https:// and a host, "
                 "e.g. http://localhost:11434/v1")
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 (raises ValueError on a bad port)
    except ValueError:
        raise rule from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise rule
    return text


def _shown(name: str, value: Any) -> str:
    """The value as the user gave it, in a message; never the key, nor a URL (keys hide there)."""
    if name in ("llm_api_key", "llm_base_url"):
        return ""
    if isinstance(value, str):
        return f" (not '{value}')" if len(value) <= 60 else ""
    if isinstance(value, (bool, int, float)):
        return f" (not {str(value).lower() if isinstance(value, bool) else value})"
    return f" (not a {'list' if isinstance(value, list) else 'table'})"


def _coerce(name: str, value: Any, where: str) -> Any:
    """One setting's value, checked; `where` names it as the user wrote it (the file and key,
    or the environment variable). Every message about a bad setting is made here."""
    try:
        if name == "home":
            text = value.strip() if isinstance(value, str) else ""
            if not text:
                raise _Rule("must be a folder path in quotes")
            return Path(text).expanduser()
        if name == "banks":
            items = value if isinstance(value, list) else _text(value).split(os.pathsep)
            return [Path(_text(v)).expanduser() for v in items if _text(v)]
        if name == "kind":
            return _choice(_text(value), (ANY_KIND, *question_kinds()))
        if name == "llm_api_key":
            return Secret(_text(value).strip())
        if name == "llm_base_url":
            return _url(value)
        if name in ("speak", "keep_audio", "turn_model"):
            return _boolean(value)
        if name in _NUMBERS:
            return _number(value, *_NUMBERS[name])
        if name in _CHOICES:
            return _choice(value, _CHOICES[name])
        if name in ("input_device", "output_device") and isinstance(value, int) and \
                not isinstance(value, bool):
            return str(value)  # a device index
        return _text(value)
    except _Rule as rule:
        raise ConfigError(f"{where}: {rule}{_shown(name, value)}") from None


def load_settings(path: Path | None = None, env: dict[str, str] | None = None) -> Settings:
    env = dict(os.environ if env is None else env)
    path = path or config_path()
    settings = Settings()
    names = {f.name for f in fields(Settings)}
    if path.exists():
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: {exc}") from None
        for key, value in raw.items():
            name = key.replace("-", "_")
            if name not in names:
                raise ConfigError(f"{path}: unknown setting '{key}'")
            setattr(settings, name, _coerce(name, value, f"{path}: setting '{key}'"))
    for name in names:
        value = env.get(f"INTERVIEWER_{name.upper()}")
        if value:
            setattr(settings, name, _coerce(name, value, f"INTERVIEWER_{name.upper()}"))
    # The SDK's own variables, only where nothing of ours set the value.
    if not settings.llm_base_url and env.get("OPENAI_BASE_URL"):
        settings.llm_base_url = _coerce("llm_base_url", env["OPENAI_BASE_URL"],
                                        "OPENAI_BASE_URL")
    if not settings.llm_api_key and env.get("OPENAI_API_KEY"):
        settings.llm_api_key = Secret(env["OPENAI_API_KEY"].strip())
    kill = env.get("INTERVIEWER_LLM", "").strip().lower()
    if kill:
        if kill != "offline":
            raise ConfigError("INTERVIEWER_LLM: only 'offline' is understood (or leave it unset)")
        settings.coach = "offline"
    return settings


def save_setting(name: str, value: str, path: Path | None = None) -> Path:
    """Remember one top-level string setting (e.g. the chosen `input_device`) in the config
    file: its line is replaced, or added before the first table; the rest is kept as is."""
    import json
    import re

    path = path or config_path()
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    key = name.replace("_", "-")  # the spelling the README uses; both are read
    line = f"{key} = {json.dumps(value)}"
    spelled = "[-_]".join(re.escape(part) for part in name.split("_"))
    pattern = re.compile(rf"^\s*{spelled}\s*=")
    for i, old in enumerate(lines):
        if old.lstrip().startswith("["):
            lines.insert(i, line)
            break
        if pattern.match(old):
            lines[i] = line
            break
    else:
        lines.append(line)
    _write_private(path, ("\n".join(lines) + "\n").encode("utf-8"))
    return path


def _write_private(path: Path, data: bytes) -> None:
    """The config file may hold the API key: written whole (a crash leaves the old one), 0600
    in a 0700 folder, and never with a looser mode than it had."""
    from interviewer.paths import DIR_MODE, FILE_MODE, write_atomic

    folder = path.parent
    if not folder.is_dir():
        folder.mkdir(mode=DIR_MODE, parents=True)
        os.chmod(folder, DIR_MODE)  # whatever the umask
    elif folder == config_dir():
        os.chmod(folder, folder.stat().st_mode & DIR_MODE)  # our own folder: never shared
    mode = path.stat().st_mode & FILE_MODE if path.exists() else FILE_MODE
    write_atomic(path, data, mode=mode)
