"""The session library: every saved interview in a table; open, delete or resume one.

A damaged folder is a row too, marked as such, with its reason shown when it is selected:
the rest of the library loads regardless.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from interviewer.report.session_view import format_duration, track_label
from interviewer.session.library import (
    DamagedSession,
    LibraryEntry,
    SessionNotFoundError,
    SessionSummary,
    delete_session,
    list_sessions,
)
from interviewer.session.store import SessionStore
from interviewer.ui.confirm import ConfirmScreen
from interviewer.ui.widgets import display_path

COLUMNS = ("Date", "Track", "Mode", "Coach", "Overall", "Duration", "Status")
EMPTY = "No sessions yet: press escape, then enter to start your first interview."


def _date(entry: LibraryEntry) -> str:
    stamp = entry.created_at
    return stamp.astimezone().strftime("%Y-%m-%d %H:%M") if stamp else "?"


def _status(entry: LibraryEntry) -> Text:
    if isinstance(entry, DamagedSession):
        return Text("damaged", style="bold red")
    status = Text("complete", style="green") if entry.status == "complete" else \
        Text(f"{entry.status} {entry.answered}/{entry.questions}", style="yellow")
    if entry.problems:  # a recording gone: said on the row, named in the line below
        n = len(entry.problems)
        status.append(f" ⚠ {n} recording{'s' if n != 1 else ''} missing", style="bold red")
    return status


def row_cells(entry: LibraryEntry) -> tuple[str | Text, ...]:
    if isinstance(entry, DamagedSession):
        return (_date(entry), Text(entry.id, style="dim"), "", "", "", "", _status(entry))
    overall = Text(f"{entry.overall:.1f}", style="bold") if entry.overall is not None else "-"
    return (_date(entry), track_label(entry.track, entry.kind), entry.mode, entry.coach, overall,
            format_duration(entry.duration_s), _status(entry))


class SessionTable(DataTable[str | Text]):
    """The sessions, one a row; enter reviews the selected one (and says so in the footer)."""

    BINDINGS = [Binding("enter", "select_cursor", "Review")]


class LibraryScreen(Screen[None]):
    DEFAULT_CSS = """
    #library-title { text-style: bold; color: $accent; padding: 0 1; margin-top: 1; }
    #sessions { height: 1fr; margin: 1 1 0 1; }
    #library-detail { height: auto; min-height: 1; padding: 0 1; margin-bottom: 1;
                      color: $text-muted; }
    #library-detail.damaged { color: $error; }
    """
    BINDINGS = [
        Binding("d", "delete", "Delete"),
        Binding("r", "resume", "Resume"),
        Binding("p", "progress", "Progress"),
        Binding("escape,b", "back", "Back"),
        Binding("ctrl+q", "app.quit", "Quit", show=False, priority=True),
    ]

    @dataclass
    class Open(Message):
        """Bubbles to the app: review this session."""

        folder: Path

    @dataclass
    class Resume(Message):
        """Bubbles to the app: continue this unfinished session."""

        folder: Path

    class ShowProgress(Message):
        """Bubbles to the app: the progress screen."""

    def __init__(self, store: SessionStore) -> None:
        super().__init__()
        self.store = store
        self.entries: list[LibraryEntry] = []

    def compose(self) -> ComposeResult:
        yield Static("Sessions", id="library-title")
        yield SessionTable(id="sessions", cursor_type="row", zebra_stripes=True)
        yield Static("", id="library-detail", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(SessionTable)
        for name in COLUMNS:
            table.add_column(name, key=name.lower())
        self.reload()
        table.focus()

    def reload(self, keep: str | None = None) -> None:
        table = self.query_one(SessionTable)
        self.entries = list_sessions(self.store)
        table.clear()
        for entry in self.entries:
            table.add_row(*row_cells(entry), key=entry.id)
        title = self.query_one("#library-title", Static)
        n = len(self.entries)
        title.update(f"Sessions ({n}) in {display_path(self.store.sessions_dir)}" if n
                     else "Sessions")
        if keep is not None:
            ids = [e.id for e in self.entries]
            if keep in ids:
                table.move_cursor(row=ids.index(keep))
        self.show_detail()
        self.refresh_bindings()

    @property
    def selected(self) -> LibraryEntry | None:
        tables = self.query(SessionTable)
        if not tables:  # not composed yet, or closing
            return None
        table = tables.first()
        if not self.entries or table.cursor_row < 0 or table.cursor_row >= len(self.entries):
            return None
        return self.entries[table.cursor_row]

    def show_detail(self) -> None:
        entry = self.selected
        detail = self.query_one("#library-detail", Static)
        detail.remove_class("damaged")
        if entry is None:
            detail.update(EMPTY)
        elif isinstance(entry, DamagedSession):
            detail.update(f"{entry.id} is damaged: {entry.reason}. The other sessions are "
                          "fine; d deletes this one.")
            detail.add_class("damaged")
        else:
            parts = [entry.id, f"{entry.answered} of {entry.questions} questions answered"]
            if entry.resumable:
                parts.append("r resumes it")
            parts += [f"⚠ {problem}" for problem in entry.problems]
            detail.update(" · ".join(parts))
            detail.set_class(bool(entry.problems), "damaged")

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_detail()
        self.refresh_bindings()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "delete":
            return self.selected is not None
        if action == "resume":
            entry = self.selected
            return isinstance(entry, SessionSummary) and entry.resumable
        return True

    def action_open(self) -> None:
        entry = self.selected
        if isinstance(entry, SessionSummary):
            self.post_message(self.Open(entry.folder))
        elif isinstance(entry, DamagedSession):
            self.notify(f"This session cannot be opened: {entry.reason}", severity="error",
                        markup=False)

    def action_resume(self) -> None:
        entry = self.selected
        if isinstance(entry, SessionSummary) and entry.resumable:
            self.post_message(self.Resume(entry.folder))

    def action_progress(self) -> None:
        self.post_message(self.ShowProgress())

    def action_back(self) -> None:
        self.dismiss()

    def action_delete(self) -> None:
        entry = self.selected
        if entry is None:
            return
        index = self.query_one(SessionTable).cursor_row
        what = ("this damaged session" if entry.damaged else
                f"the session of {_date(entry)} ({track_label(getattr(entry, 'track', ''))})")

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                delete_session(self.store, entry.folder)
            except (SessionNotFoundError, OSError) as exc:
                self.notify(f"Could not delete it: {exc}", severity="error", markup=False)
                return
            self.notify(f"Deleted {entry.id}.", markup=False)
            neighbours = [e.id for e in self.entries if e.id != entry.id]
            self.reload(keep=neighbours[min(index, len(neighbours) - 1)] if neighbours
                        else None)

        self.app.push_screen(
            ConfirmScreen(f"Delete {what}? Its folder {entry.id} and everything in it "
                          "(answers, scorecard, reports) will be gone.",
                          confirm="Delete", cancel="Keep it", focus_confirm=False),
            answered)
