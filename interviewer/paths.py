"""Where interviewer keeps its files (the XDG locations), and how its private files are written.

The bottom layer: settings and the session store both read these, so neither imports the other.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from platformdirs import user_config_dir, user_data_dir

APP = "interviewer"
DIR_MODE = 0o700
FILE_MODE = 0o600
"""Sessions hold a person's voice and words, the config file may hold an API key: private."""


def default_home() -> Path:
    """Where sessions are kept: INTERVIEWER_HOME wins; otherwise the platform's user data dir."""
    env = os.environ.get("INTERVIEWER_HOME")
    return Path(env).expanduser() if env else Path(user_data_dir(APP, appauthor=False))


def config_dir() -> Path:
    """The platform's user config folder for interviewer (config.toml lives there)."""
    return Path(user_config_dir(APP, appauthor=False))


def write_atomic(path: Path, data: bytes, mode: int = FILE_MODE) -> None:
    """Write to a temp file in the same folder, fsync, then rename over the target: a crash
    leaves the old file or the new one, never half of one."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
