"""Self-review commands: `sessions` (list, delete), `report`, `progress` and `resume`.

Kept out of cli.py so that the command line only wires them in (`add_parsers`, `run`).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from interviewer.report import FORMATS, SUFFIXES, render_session
from interviewer.report.session_view import format_duration, track_label
from interviewer.session.library import (
    LATEST,
    DamagedSession,
    DamagedSessionError,
    LibraryEntry,
    SessionNotFoundError,
    SessionSummary,
    delete_session,
    find_session,
    latest_unfinished,
    list_sessions,
    load_entry,
    load_record,
)
from interviewer.session.store import SessionStore, write_atomic

if TYPE_CHECKING:
    from interviewer.banks import QuestionBank
    from interviewer.config import Settings

COMMANDS = ("sessions", "report", "progress", "resume")
NEEDS_NO_BANK = ("sessions", "report")
EXIT_USAGE = 2


class _UsageError(Exception):
    pass


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    sessions = sub.add_parser("sessions", help="list saved sessions, or delete one")
    sessions.add_argument("--format", choices=("table", "json"), default="table")
    actions = sessions.add_subparsers(dest="sessions_command", metavar="ACTION")
    delete = actions.add_parser("delete", help="delete a session folder (asks first)")
    delete.add_argument("session", metavar="SESSION", help="a session id (folder name)")
    delete.add_argument("--yes", "-y", action="store_true", help="do not ask for confirmation")

    report = sub.add_parser("report", help="a session's report: Markdown, HTML or JSON")
    report.add_argument("session", metavar="SESSION",
                        help="a session id (folder name, or its start), a folder path, or "
                             f"'{LATEST}'")
    report.add_argument("--format", choices=FORMATS, default=None,
                        help="md (the default), html (one self-contained page) or json; "
                             "taken from -o's suffix when not given")
    report.add_argument("--output", "-o", type=Path, metavar="FILE",
                        help="write to FILE instead of standard output")

    progress = sub.add_parser("progress", help="each rubric dimension across your sessions")
    progress.add_argument("--format", choices=("text", "json"), default="text")

    resume = sub.add_parser("resume", help="continue an unfinished session (typed)")
    resume.add_argument("session", metavar="SESSION", nargs="?",
                        help="a session id or folder (default: the latest unfinished one)")


def run(args: argparse.Namespace, settings: Settings, bank: QuestionBank | None) -> int:
    store = SessionStore(settings.home)
    try:
        if args.command == "sessions":
            if args.sessions_command == "delete":
                return _delete(store, args.session, args.yes)
            return _list(store, args.format)
        if args.command == "report":
            return _report(store, args.session, args.format, args.output)
        if args.command == "progress":
            return _progress(store, bank, args.format)
        assert bank is not None
        return _resume(store, settings, bank, args.session)
    except (_UsageError, SessionNotFoundError) as exc:
        print(f"interviewer: {exc.args[0] if exc.args else exc}", file=sys.stderr)
        return EXIT_USAGE
    except DamagedSessionError as exc:
        print(f"interviewer: {exc}", file=sys.stderr)
        return EXIT_USAGE


# -- sessions -------------------------------------------------------------------------------------
def _when(entry: LibraryEntry) -> str:
    return entry.created_at.astimezone().strftime("%Y-%m-%d %H:%M") if entry.created_at else "?"


def _home_path(path: Path) -> str:
    try:
        return "~/" + str(path.relative_to(Path.home()))
    except ValueError:
        return str(path)


def _list(store: SessionStore, fmt: str) -> int:
    entries = list_sessions(store)
    if fmt == "json":
        sys.stdout.write(json.dumps([e.to_dict() for e in entries], ensure_ascii=False,
                                    indent=2) + "\n")
        return 0
    if not entries:
        print(f"No sessions yet in {_home_path(store.sessions_dir)}: `interviewer` starts one.")
        return 0
    header = ("SESSION", "DATE", "TRACK", "MODE", "COACH", "OVERALL", "DURATION", "STATUS")
    rows: list[tuple[str, ...]] = []
    notes: list[tuple[int, str]] = []
    for entry in entries:
        if isinstance(entry, DamagedSession):
            when = _when(entry) if entry.created_at else ""
            rows.append((entry.id, when, "", "", "", "", "", "DAMAGED"))
            notes.append((len(rows) - 1, entry.reason))
            continue
        overall = f"{entry.overall:.1f}" if entry.overall is not None else "-"
        status = entry.status if entry.status == "complete" else (
            f"{entry.status} ({entry.answered}/{entry.questions})")
        rows.append((entry.id, _when(entry), track_label(entry.track), entry.mode, entry.coach,
                     overall, format_duration(entry.duration_s), status))
        notes += [(len(rows) - 1, problem) for problem in entry.problems]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    print("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip())
    for i, row in enumerate(rows):
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
        for _, note in (n for n in notes if n[0] == i):
            print(f"  ! {note}")
    damaged = sum(1 for e in entries if e.damaged)
    extra = f", {damaged} damaged" if damaged else ""
    print(f"\n{len(entries)} session{'s' if len(entries) != 1 else ''}{extra} in "
          f"{_home_path(store.sessions_dir)}")
    if any(isinstance(e, SessionSummary) and e.resumable for e in entries):
        print("`interviewer resume` continues the latest unfinished one.")
    return 0


def _describe(entry: LibraryEntry) -> str:
    if isinstance(entry, DamagedSession):
        return f"{entry.id} (damaged: {entry.reason})"
    score = f", overall {entry.overall:.1f}" if entry.overall is not None else ""
    return f"{entry.id} ({track_label(entry.track)}, {_when(entry)}, {entry.status}{score})"


def _delete(store: SessionStore, ref: str, yes: bool) -> int:
    folder = find_session(store, ref)
    entry = load_entry(folder)
    if not yes:
        if not sys.stdin.isatty():
            raise _UsageError(f"not deleting {folder.name} without confirmation: "
                              "run it in a terminal, or pass --yes")
        try:
            answer = input(f"Delete session {_describe(entry)} and everything in its folder? "
                           "[y/N] ")
        except EOFError:
            answer = ""
        if answer.strip().lower() not in ("y", "yes"):
            print("Kept.")
            return 1
    delete_session(store, folder)
    print(f"Deleted {folder.name}.")
    return 0


# -- report ---------------------------------------------------------------------------------------
def _report(store: SessionStore, ref: str, fmt: str | None, output: Path | None) -> int:
    folder = find_session(store, ref)
    record = load_record(folder)
    fmt = _format_for(fmt, output)
    text = render_session(record.view(), fmt, folder.name)
    if output is None or str(output) == "-":
        sys.stdout.write(text)
        return 0
    try:
        output = output.expanduser()
        if output.is_dir():
            output = output / f"{folder.name}{SUFFIXES[fmt]}"
        write_atomic(output, text.encode("utf-8"))
    except OSError as exc:
        raise _UsageError(f"{output}: cannot write the report: {exc.strerror or exc}") from None
    print(f"Wrote {output}", file=sys.stderr)
    return 0


def _format_for(fmt: str | None, output: Path | None) -> str:
    """--format and -o's suffix agree, or the suffix picks the format; else one line."""
    if output is None or str(output) == "-" or output.is_dir() or not output.suffix:
        return fmt or "md"
    suffix = output.suffix.lower().lstrip(".")
    by_suffix = {"htm": "html", "markdown": "md"}.get(suffix, suffix)
    if by_suffix not in FORMATS:
        raise _UsageError(f"{output}: cannot write a '.{suffix}' report: the formats are .md, "
                          ".html and .json (an HTML report prints to PDF from a browser)")
    if fmt is not None and fmt != by_suffix:
        raise _UsageError(f"{output}: --format {fmt} does not match the '.{suffix}' suffix")
    return by_suffix


# -- progress -------------------------------------------------------------------------------------
def _progress(store: SessionStore, bank: QuestionBank | None, fmt: str) -> int:
    from interviewer.session.progress import progress_from_store, render_progress

    progress = progress_from_store(store, bank)
    if fmt == "json":
        sys.stdout.write(json.dumps(progress.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(render_progress(progress))
    return 0


# -- resume ---------------------------------------------------------------------------------------
def _resume(store: SessionStore, settings: Settings, bank: QuestionBank,
            ref: str | None) -> int:
    from interviewer.coach.factory import make_coach
    from interviewer.ui import run_app

    if ref:
        folder = find_session(store, ref)
    else:
        latest = latest_unfinished(store)
        if latest is None:
            raise _UsageError("no unfinished session to resume (`interviewer sessions` lists "
                              "them all)")
        folder = latest.folder
    record = load_record(folder)
    if record.status == "complete":
        raise _UsageError(f"session {folder.name} is already complete: "
                          f"`interviewer report {folder.name}` shows it")
    coach, notice = make_coach(settings)
    return run_app(settings, bank, coach, store, text_only=True, notice=notice, resume=folder)
