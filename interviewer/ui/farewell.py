"""The line printed when the app exits: where the session is, and what `resume` still owes it.

Rich renders it only when it is printed, after the screen is restored and after the exit has
waited (bounded) for a scorecard still being written, so it says what became of that
scorecard rather than what was known when the candidate quit.
"""

from __future__ import annotations

from rich.text import Text

from interviewer.session.engine import InterviewEngine
from interviewer.ui.widgets import display_path


class Farewell:
    def __init__(self, engine: InterviewEngine) -> None:
        self.engine = engine

    def __rich__(self) -> Text:
        folder = display_path(self.engine.folder) if self.engine.folder else "?"
        if self.engine.record.status != "complete" and self.engine.needs_scoring:
            return Text(f"Session saved in {folder}: every answer is kept, the scorecard is "
                        f"not written yet; `interviewer resume` writes it.")
        return Text(f"Session saved in {folder}")

    def __str__(self) -> str:
        return self.__rich__().plain
