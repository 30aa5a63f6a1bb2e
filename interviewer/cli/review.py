"""Self-review commands: `sessions` (list, delete), `report`, `progress` and `resume`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from interviewer.cli.command import FAILED, Context, UsageError
from interviewer.report import FORMATS, SUFFIXES, render_session
from interviewer.report.session_view import format_duration, track_label
from interviewer.session.library import (
    LATEST,
    DamagedSession,
    LibraryEntry,
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


def sessions_arguments(sessions: argparse.ArgumentParser) -> None:
    sessions.add_argument("--format", choices=("table", "json"), default="table")
    actions = sessions.add_subparsers(dest="sessions_command", metavar="ACTION")
    delete = actions.add_parser("delete", help="delete a session folder (asks first)")
    delete.add_argument("session", metavar="SESSION", help="a session id (folder name)")
    delete.add_argument("--yes", "-y", action="store_true", help="do not ask for confirmation")


def report_arguments(report: argparse.ArgumentParser) -> None:
    report.add_argument("session", metavar="SESSION",
                        help="a session id (folder name, or its start), a folder path, or "
                             f"'{LATEST}'")
    report.add_argument("--format", choices=FORMATS, default=None,
                        help="md (the default), html (one self-contained page) or json; "
                             "taken from -o's suffix when not given")
    report.add_argument("--output", "-o", type=Path, metavar="FILE",
                        help="write to FILE instead of standard output")


def progress_arguments(progress: argparse.ArgumentParser) -> None:
    progress.add_argument("--format", choices=("text", "json"), default="text")


def resume_arguments(resume: argparse.ArgumentParser) -> None:
    resume.add_argument("session", metavar="SESSION", nargs="?",
                        help="a session id or folder (default: the latest unfinished one)")


def sessions(ctx: Context) -> int:
    store, args = SessionStore(ctx.settings.home), ctx.args
    if args.sessions_command == "delete":
        return _delete(store, args.session, args.yes)
    return _list(store, args.format)


def report(ctx: Context) -> int:
    args = ctx.args
    return _report(SessionStore(ctx.settings.home), args.session, args.format, args.output)


def progress(ctx: Context) -> int:
    return _progress(SessionStore(ctx.settings.home), ctx.bank, ctx.args.format)


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
        rows.append((entry.id, _when(entry), track_label(entry.track, entry.kind), entry.mode,
                     entry.coach, overall, format_duration(entry.duration_s), status))
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
    track = track_label(entry.track, entry.kind)
    return f"{entry.id} ({track}, {_when(entry)}, {entry.status}{score})"


def _delete(store: SessionStore, ref: str, yes: bool) -> int:
    folder = find_session(store, ref)
    entry = load_entry(folder)
    if not yes:
        if not sys.stdin.isatty():
            raise UsageError(f"not deleting {folder.name} without confirmation: "
                              "run it in a terminal, or pass --yes")
        try:
            answer = input(f"Delete session {_describe(entry)} and everything in its folder? "
                           "[y/N] ")
        except EOFError:
            answer = ""
        if answer.strip().lower() not in ("y", "yes"):
            print("Kept.")
            return FAILED
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
        raise UsageError(f"{output}: cannot write the report: {exc.strerror or exc}") from None
    print(f"Wrote {output}", file=sys.stderr)
    return 0


def _format_for(fmt: str | None, output: Path | None) -> str:
    """--format and -o's suffix agree, or the suffix picks the format; else one line."""
    if output is None or str(output) == "-" or output.is_dir() or not output.suffix:
        return fmt or "md"
    suffix = output.suffix.lower().lstrip(".")
    by_suffix = {"htm": "html", "markdown": "md"}.get(suffix, suffix)
    if by_suffix not in FORMATS:
        raise UsageError(f"{output}: cannot write a '.{suffix}' report: the formats are .md, "
                          ".html and .json (an HTML report prints to PDF from a browser)")
    if fmt is not None and fmt != by_suffix:
        raise UsageError(f"{output}: --format {fmt} does not match the '.{suffix}' suffix")
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
def resume(ctx: Context) -> int:
    from interviewer.ui import run_app

    store, ref = SessionStore(ctx.settings.home), ctx.args.session
    if ref:
        folder = find_session(store, ref)
    else:
        latest = latest_unfinished(store)
        if latest is None:
            raise UsageError("no unfinished session to resume (`interviewer sessions` lists "
                              "them all)")
        folder = latest.folder
    record = load_record(folder)
    if record.status == "complete":
        raise UsageError(f"session {folder.name} is already complete: "
                          f"`interviewer report {folder.name}` shows it")
    coach, notice = ctx.coach()
    return run_app(ctx.settings, ctx.banks(), coach, store, text_only=True, notice=notice,
                   resume=folder)
