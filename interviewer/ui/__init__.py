"""The Textual TUI: the only package that imports Textual."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from interviewer.banks import QuestionBank
    from interviewer.coach.base import Coach
    from interviewer.config import Settings
    from interviewer.session.store import SessionStore


def run_app(settings: Settings, bank: QuestionBank, coach: Coach, store: SessionStore,
            text_only: bool = False, notice: str | None = None,
            resume: Path | None = None) -> int:
    """Run the TUI until the candidate quits; the exit code for the CLI.

    `notice` is the one line from `make_coach` when the coach is not the one asked for;
    `resume` an unfinished session folder to continue (typed) instead of a new interview."""
    from interviewer.ui.app import InterviewerApp  # imported late: keeps `--help` fast

    app = InterviewerApp(settings, bank, coach, store, text_only=text_only, notice=notice,
                         resume=resume)
    app.run()
    return app.return_code or 0


__all__ = ["run_app"]
