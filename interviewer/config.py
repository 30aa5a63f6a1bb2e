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

from platformdirs import user_config_dir

from interviewer.secret import Secret
from interviewer.session.store import default_home
from interviewer.tomlcompat import tomllib

MODES = ("auto", "text", "voice")
_NUMBERS: dict[str, tuple[type[int] | type[float], float, float]] = {
    "stt_threads": (int, 0, 64),
    "stt_beam_size": (int, 1, 10),
    "silence_end_s": (float, 0, 60),
    "tts_rate": (int, 80, 400),
    "tts_volume": (float, 0, 1),
}
"""Numeric settings of speech: their type and inclusive range."""
COACHES = ("auto", "offline", "llm")


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
    tts_voice: str = ""
    """The interviewer's voice: an id or name from `interviewer voices`; '' = engine default."""
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
    return Path(user_config_dir("interviewer", appauthor=False)) / "config.toml"


def _boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("0", "false", "no", "off"):
        return False
    raise ValueError("must be true or false")


def _coerce(name: str, value: Any, path: Path | str) -> Any:
    try:
        if name == "home":
            return Path(str(value)).expanduser()
        if name == "banks":
            items = value if isinstance(value, list) else str(value).split(os.pathsep)
            return [Path(str(v)).expanduser() for v in items if str(v)]
        if name == "questions":
            n = int(value)
            if not 1 <= n <= 20:
                raise ValueError("must be between 1 and 20")
            return n
        if name == "minutes_per_answer":
            m = float(value)
            if not 0.25 <= m <= 30:
                raise ValueError("must be between 0.25 and 30")
            return m
        if name == "mode" and value not in MODES:
            raise ValueError(f"must be one of {', '.join(MODES)}")
        if name == "coach" and value not in COACHES:
            raise ValueError(f"must be one of {', '.join(COACHES)}")
        if name == "llm_api_key":
            return Secret(str(value).strip())
        if name == "llm_timeout":
            t = float(value)
            if not 0.1 <= t <= 600:
                raise ValueError("must be between 0.1 and 600 seconds")
            return t
        if name == "llm_max_retries":
            n = int(value)
            if not 0 <= n <= 10:
                raise ValueError("must be between 0 and 10")
            return n
        if name in ("speak", "turn_model"):
            return _boolean(value)
        if name in _NUMBERS:
            kind, low, high = _NUMBERS[name]
            number = kind(value)
            if not low <= number <= high:
                raise ValueError(f"must be between {low:g} and {high:g}")
            return number
        return str(value)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{path}: setting '{name}': {exc}") from None


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
            setattr(settings, name, _coerce(name, value, path))
    for name in names:
        value = env.get(f"INTERVIEWER_{name.upper()}")
        if value:
            setattr(settings, name, _coerce(name, value, f"INTERVIEWER_{name.upper()}"))
    # The SDK's own variables, only where nothing of ours set the value.
    if not settings.llm_base_url and env.get("OPENAI_BASE_URL"):
        settings.llm_base_url = env["OPENAI_BASE_URL"]
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
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    tmp.replace(path)
    return path
