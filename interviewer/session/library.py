"""The session library: every saved interview, listed and loaded robustly; find and delete.

A damaged folder (an unreadable, truncated or invalid `session.json`, a missing field: see
`session/record.py`, the one validation) becomes a `DamagedSession` with the reason in words,
and the rest of the library still loads. A session
whose record is sound but whose recorded audio has gone missing still lists (its transcript is
intact), with the missing files named in `problems`.

Recorded audio is referenced from an exchange as `"audio"`: a path relative to the session
folder (`answers/<n>.wav`, as `InterviewEngine.submit` writes it; `{"path": ...}` is read too),
beside `"audio_seconds"`, the transcript's `"segments"` with their word timestamps, and the
answer's `"delivery"` figures; spoken prompts live in `prompts/<n>.wav` and are optional (see
`session/recordings.py`, which gathers them for replay).
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from interviewer.banks import ANY_KIND
from interviewer.session.record import UNFINISHED, RecordError, SessionRecord, parse_record
from interviewer.session.store import SESSION_FILE, SessionStore, write_atomic

LATEST = "latest"


class DamagedSessionError(ValueError):
    """A session folder that cannot be used, and why (one line a person can act on)."""

    def __init__(self, folder: Path, reason: str) -> None:
        self.folder = folder
        self.reason = reason
        super().__init__(f"session {folder.name} is damaged: {reason}")


class SessionNotFoundError(LookupError):
    """No session matches what was asked for."""


@dataclass(frozen=True)
class SessionSummary:
    """One loadable session, as the library lists it."""

    id: str
    folder: Path
    created_at: datetime | None
    track: str
    mode: str
    coach: str
    status: str
    overall: float | None
    duration_s: float
    """Time spent answering: the sum of every exchange's seconds."""
    questions: int
    answered: int
    """Questions with at least one answer given (not skipped)."""
    problems: tuple[str, ...] = ()
    """What is wrong but does not stop the session from loading, e.g. a missing recording."""
    kind: str = ANY_KIND
    """The kind of question the session was limited to, 'any' when it was not."""
    damaged: bool = field(default=False, init=False)

    @property
    def resumable(self) -> bool:
        return self.status in UNFINISHED

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "folder": str(self.folder),
            "created_at": self.created_at.isoformat() if self.created_at else None,
            "track": self.track, "kind": self.kind, "mode": self.mode, "coach": self.coach,
            "status": self.status,
            "overall": self.overall, "duration_s": round(self.duration_s, 1),
            "questions": self.questions, "answered": self.answered,
            "problems": list(self.problems), "damaged": False,
        }


@dataclass(frozen=True)
class DamagedSession:
    """A folder in the library that cannot be loaded, and why."""

    id: str
    folder: Path
    reason: str
    damaged: bool = field(default=True, init=False)

    @property
    def created_at(self) -> datetime | None:
        """When the folder's name says it was started, if it says."""
        return _folder_time(self.id)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "folder": str(self.folder), "damaged": True,
                "reason": self.reason}


LibraryEntry = SessionSummary | DamagedSession


# -- reading one session ------------------------------------------------------------------------
def _fail(folder: Path, reason: str) -> DamagedSessionError:
    return DamagedSessionError(folder, reason)


def load_record(folder: Path) -> SessionRecord:
    """The validated `session.json` of a folder; `DamagedSessionError` says what is wrong."""
    path = folder / SESSION_FILE
    if not folder.is_dir():
        raise _fail(folder, "the session folder does not exist")
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise _fail(folder, "session.json is missing") from None
    except UnicodeDecodeError:
        raise _fail(folder, "session.json is not UTF-8 text") from None
    except OSError as exc:
        raise _fail(folder, f"cannot read session.json ({exc.strerror or exc})") from None
    if not text.strip():
        raise _fail(folder, "session.json is empty")
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        cut = " (it looks cut off)" if not text.rstrip().endswith("}") else ""
        raise _fail(folder, f"session.json is not valid JSON{cut}: {exc.msg} (line "
                            f"{exc.lineno}, column {exc.colno})") from None
    try:
        return parse_record(raw)
    except RecordError as exc:
        raise _fail(folder, str(exc)) from None


def missing_audio(folder: Path, record: SessionRecord) -> list[str]:
    """Recordings the record names that are not in the folder, as people read them."""
    missing = []
    for i, q in enumerate(record.questions, start=1):
        for j, ex in enumerate(q.exchanges, start=1):
            ref = ex.audio_ref
            if ref is None:
                continue
            path = (folder / ref).resolve()
            if not path.is_relative_to(folder.resolve()) or not path.is_file():
                what = "answer" if j == 1 else f"follow-up {j - 1} answer"
                missing.append(f"question {i} {what}: recording {ref} is missing")
    return missing


def _folder_time(name: str) -> datetime | None:
    try:
        return datetime.strptime(name[:15], "%Y%m%d-%H%M%S").astimezone()
    except ValueError:
        return None


def summarize(folder: Path, record: SessionRecord) -> SessionSummary:
    card = record.card
    return SessionSummary(
        id=folder.name,
        folder=folder,
        created_at=record.created() or _folder_time(folder.name),
        track=record.track or "?",
        mode=record.mode or "text",
        coach=record.coach or "?",
        status=record.status,
        overall=card.overall if card is not None else None,
        duration_s=record.answer_time,
        questions=len(record.questions),
        answered=record.answered,
        problems=tuple(missing_audio(folder, record)),
        kind=record.kind or ANY_KIND,
    )


def load_entry(folder: Path) -> LibraryEntry:
    try:
        return summarize(folder, load_record(folder))
    except DamagedSessionError as exc:
        return DamagedSession(folder.name, folder, exc.reason)


# -- the library --------------------------------------------------------------------------------
def session_folders(store: SessionStore) -> list[Path]:
    """Every folder under sessions/, newest name first (names start with the date and time)."""
    root = store.sessions_dir
    if not root.is_dir():
        return []
    return sorted((p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")),
                  key=lambda p: p.name, reverse=True)


def _sort_key(entry: LibraryEntry) -> tuple[float, str]:
    stamp = entry.created_at or _folder_time(entry.id)
    return (stamp.timestamp() if stamp else 0.0, entry.id)


def list_sessions(store: SessionStore) -> list[LibraryEntry]:
    """Every session, newest first; damaged folders are entries too, never an exception."""
    entries = [load_entry(folder) for folder in session_folders(store)]
    return sorted(entries, key=_sort_key, reverse=True)


def sessions_only(entries: Iterable[LibraryEntry]) -> list[SessionSummary]:
    return [e for e in entries if isinstance(e, SessionSummary)]


def latest_unfinished(store: SessionStore) -> SessionSummary | None:
    """The newest session left in progress or quit (a crash, or the candidate quitting)."""
    for entry in sessions_only(list_sessions(store)):
        if entry.resumable:
            return entry
    return None


def find_session(store: SessionStore, ref: str) -> Path:
    """A session folder from a folder name (or a unique start of one), a path, or 'latest'."""
    ref = ref.strip()
    if not ref:
        raise SessionNotFoundError("no session named")
    if ref == LATEST:
        entries = list_sessions(store)
        sound = sessions_only(entries)
        if sound:
            return sound[0].folder
        if entries:
            return entries[0].folder  # the caller loads it and reports why it is damaged
        raise SessionNotFoundError(f"no sessions yet in {store.sessions_dir}")
    path = Path(ref).expanduser()
    if path.name == SESSION_FILE and path.is_file():
        return path.parent
    if os.sep in ref or ref.startswith(".") or ref.startswith("~"):
        if path.is_dir():
            return path
        raise SessionNotFoundError(f"{ref}: no such session folder")
    folders = session_folders(store)
    exact = [f for f in folders if f.name == ref]
    if exact:
        return exact[0]
    starts = [f for f in folders if f.name.startswith(ref)]
    if len(starts) == 1:
        return starts[0]
    if len(starts) > 1:
        names = ", ".join(sorted(f.name for f in starts)[:5])
        raise SessionNotFoundError(f"'{ref}' matches {len(starts)} sessions: {names}")
    if path.is_dir():
        return path
    raise SessionNotFoundError(f"no session '{ref}' in {store.sessions_dir} "
                               "(`interviewer sessions` lists them)")


def delete_session(store: SessionStore, folder: Path) -> None:
    """Remove a session's whole folder; only folders inside the library are ever removed."""
    root = store.sessions_dir.resolve()
    target = folder.resolve()
    if target.parent != root or folder.is_symlink():
        raise SessionNotFoundError(f"{folder} is not a session folder of {store.sessions_dir}")
    if not target.is_dir():
        raise SessionNotFoundError(f"{folder.name}: no such session")
    shutil.rmtree(target)


REPORT_FORMATS = ("html", "md")


def export_reports(folder: Path, formats: Iterable[str] = REPORT_FORMATS) -> list[Path]:
    """Write the session's reports next to its session.json (report.html, report.md; 0600)."""
    from interviewer.report import SUFFIXES, render_session

    record = load_record(folder)
    written = []
    for fmt in formats:
        path = folder / f"report{SUFFIXES[fmt]}"
        write_atomic(path, render_session(record.view(), fmt, folder.name).encode("utf-8"))
        written.append(path)
    return written
