"""Session folders on disk, written atomically so a crash never loses a given answer."""

from __future__ import annotations

import json
import os
import re
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any

from interviewer.paths import DIR_MODE, FILE_MODE, default_home, write_atomic

__all__ = ["DIR_MODE", "FILE_MODE", "PROMPTS_DIR", "SESSION_FILE", "SessionStore",
           "default_home", "home_problem", "write_atomic"]

SESSION_FILE = "session.json"
PROMPTS_DIR = "prompts"
"""Spoken questions and follow-ups, kept for replay beside the answers."""


def home_problem(home: Path) -> str | None:
    """Why sessions cannot be kept in `home` (one phrase), or None. The folder is made (0700)
    when missing, and a file is written and removed in it: the check every command runs."""
    for part in [home, *home.parents]:
        if part.exists() and not part.is_dir():
            return "it is a file, not a folder" if part == home else f"{part} is a file"
    try:
        home.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".write-check.", dir=home)
        os.close(fd)
        os.unlink(tmp)
    except OSError as exc:
        return f"cannot write there: {exc.strerror or type(exc).__name__}"
    return None


class SessionStore:
    def __init__(self, home: Path | None = None) -> None:
        self.home = home or default_home()

    @property
    def sessions_dir(self) -> Path:
        return self.home / "sessions"

    def _ensure(self, path: Path) -> None:
        path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
        os.chmod(path, DIR_MODE)

    def new_folder(self, track: str, now: datetime | None = None) -> Path:
        self._ensure(self.home)
        self._ensure(self.sessions_dir)
        stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
        slug = re.sub(r"[^a-z0-9-]+", "-", track.lower()).strip("-") or "session"
        base = self.sessions_dir / f"{stamp}-{slug}"
        folder, n = base, 1
        while folder.exists():
            n += 1
            folder = base.with_name(f"{base.name}-{n}")
        folder.mkdir(mode=DIR_MODE)
        os.chmod(folder, DIR_MODE)
        return folder

    def save(self, folder: Path, record: dict[str, Any]) -> Path:
        target = folder / SESSION_FILE
        payload = json.dumps(record, indent=2, ensure_ascii=False).encode("utf-8")
        write_atomic(target, payload)
        return target

    def save_prompt_audio(self, folder: Path, number: int, wav: bytes) -> Path:
        """Keep spoken prompt `number` (1-based, in the order asked) as prompts/<n>.wav (0600)."""
        if number < 1:
            raise ValueError("prompt numbers start at 1")
        prompts = folder / PROMPTS_DIR
        self._ensure(prompts)
        path = prompts / f"{number}.wav"
        write_atomic(path, wav)
        return path

    def load(self, folder: Path) -> dict[str, Any]:
        data: dict[str, Any] = json.loads((folder / SESSION_FILE).read_text(encoding="utf-8"))
        return data

    def list_folders(self) -> list[Path]:
        if not self.sessions_dir.is_dir():
            return []
        return sorted(p for p in self.sessions_dir.iterdir() if (p / SESSION_FILE).exists())
