"""User settings: one object, read from a TOML file at an XDG path and INTERVIEWER_* variables.

Precedence: command-line flags (applied by the CLI) > environment > config file > defaults.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from platformdirs import user_config_dir

from interviewer.session.store import default_home
from interviewer.tomlcompat import tomllib

MODES = ("text", "voice")


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
    mode: str = "text"
    """'text' or 'voice'."""
    coach: str = "offline"
    """Which coach judges the answers."""


def config_path() -> Path:
    env = os.environ.get("INTERVIEWER_CONFIG")
    if env:
        return Path(env).expanduser()
    return Path(user_config_dir("interviewer", appauthor=False)) / "config.toml"


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
    return settings
