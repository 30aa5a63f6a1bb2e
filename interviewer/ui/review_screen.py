"""Review one session: the scorecard at a glance, then every question, answer and follow-up,
with the scorecard's evidence quotes highlighted where they were said.

A spoken session's answers show their delivery figures, and their recordings (and the
questions as they were spoken) play beside the transcript with the word being said marked:
see `ReplayScreen` for the keys.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.markup import escape
from textual.screen import Screen
from textual.widgets import Footer, Static

from interviewer.report.session_view import (
    Exchange,
    dimension_name,
    evidence_quotes,
    format_when,
    track_label,
)
from interviewer.session.library import export_reports
from interviewer.session.record import SessionRecord
from interviewer.session.recordings import Recording, recordings
from interviewer.ui.answer_view import EVIDENCE_STYLE, PLAYING_STYLE, AnswerView, answer_content
from interviewer.ui.replay_screen import ReplayScreen
from interviewer.ui.widgets import display_path, score_bar

if TYPE_CHECKING:
    from interviewer.speech.audio_output import AudioOutput

__all__ = ["EVIDENCE_STYLE", "PLAYING_STYLE", "ReviewScreen", "answer_content", "export"]


NO_RECORDINGS = ("No recording was kept (keep-audio is off): the transcripts are all there is "
                 "to review.")

class ReviewScreen(ReplayScreen):
    DEFAULT_CSS = """
    #review { padding: 0 2; }
    #review-title { text-style: bold; color: $accent; margin-top: 1; }
    #review-overall { margin-top: 1; }
    #review-dims { margin: 1 0 0 2; height: auto; }
    #review-legend { color: $text-muted; margin: 1 0; }
    #review-replay { color: $text-muted; margin: 0 0 1 0; }
    .review-question {
        height: auto; margin-top: 1; padding: 0 1; text-style: bold;
        border: round $accent; border-title-color: $accent;
    }
    .review-follow-up {
        height: auto; margin: 0 0 0 2; padding: 0 1;
        border: round $secondary; border-title-color: $secondary;
    }
    .review-answer {
        height: auto; margin: 0 0 0 4; padding: 0 1;
        border-left: thick $panel-lighten-2;
    }
    .review-answer.has-evidence { border-left: thick $warning 70%; }
    .review-answer.skipped { color: $text-muted; text-style: italic; }
    .review-answer.chosen { border-left: thick $accent; background: $boost; }
    .review-answer.playing, .review-question.playing, .review-follow-up.playing {
        background: $accent 10%;
    }
    """
    BINDINGS = [
        Binding("n", "next_evidence", "Next evidence"),
        Binding("N", "previous_evidence", "Previous", show=False),
        Binding("e", "export", "Export report"),
        Binding("escape,b", "back", "Back"),
        Binding("ctrl+q", "app.quit", "Quit", show=False, priority=True),
    ]

    def __init__(self, folder: Path, record: SessionRecord, *,
                 output: AudioOutput | None = None) -> None:
        super().__init__(recordings(folder, record), output)
        self.folder = folder
        self.session_view = record.view()
        self.card = self.session_view.card
        self.evidence_at = -1

    def compose(self) -> ComposeResult:
        view, card = self.session_view, self.card
        quotes = evidence_quotes(card)
        with VerticalScroll(id="review"):
            title = f"{track_label(view.track)} · {format_when(view)} · {view.status}"
            yield Static(title, id="review-title", markup=False)
            if card is not None:
                yield Static(f"[b]{card.overall:.1f}[/b] / 5 overall · scored by "
                             f"{escape(card.coach)}", id="review-overall")
                lines = [f"{escape(d.name):<16} {score_bar(d.score, 15)} {d.score:.1f}"
                         for d in card.dimensions]
                yield Static("\n".join(lines), id="review-dims")
            else:
                yield Static("Not scored yet: the interview was not finished. Resume it from "
                             "the library (r).", id="review-overall", markup=False)
            if quotes:
                yield Static(Content.assemble(
                    "Highlighted: ", Content.styled("the scorecard's evidence", EVIDENCE_STYLE),
                    ", quoted from your answers. n jumps to the next."), id="review-legend")
            if self.spoken:
                yield Static(self._replay_legend(), id="review-replay", markup=False)
            if not view.keep_audio:
                yield Static(NO_RECORDINGS, id="review-no-audio", markup=False)
            recorded = iter(self.recordings)
            for q in view.questions:
                tags = " · ".join(t for t in (track_label(q.track) if q.track else "",
                                              q.difficulty) if t)
                prompt = Static(q.prompt, classes="review-question", markup=False)
                prompt.border_title = f"Question {q.number}" + (f" · {tags}" if tags else "")
                yield prompt
                if not q.exchanges:
                    yield Static("Not answered.", classes="review-answer skipped", markup=False)
                for x in q.exchanges:
                    rec = next(recorded, None)
                    if rec is not None and x.kind == "question":
                        self.prompt_widgets[rec.number] = prompt
                    yield from self._exchange(x, quotes, rec)
        yield Footer()

    def _replay_legend(self) -> str:
        keys = "j/k choose an answer, space plays it"
        if self.prompts_spoken:
            keys += ", p plays its question"
        return f"Recorded: {keys}; the word being said is marked as it plays."

    def _exchange(self, x: Exchange, quotes: dict[str, list[str]],
                  rec: Recording | None) -> ComposeResult:
        if x.kind == "follow-up":
            ask = Static(x.prompt, classes="review-follow-up", markup=False)
            probe = f" · probing {dimension_name(x.probe_dimension)}" if x.probe_dimension else ""
            ask.border_title = f"Follow-up {x.number - 1}{probe}"
            if rec is not None:
                self.prompt_widgets[rec.number] = ask
            yield ask
        view = AnswerView(x, quotes, rec)
        self.answer_views.append(view)
        yield view

    def on_mount(self) -> None:
        self.query_one("#review", VerticalScroll).focus()
        if self.spoken or self.prompts_spoken:
            self.choose(0, scroll=False)

    # -- actions ---------------------------------------------------------------------------
    def _jump(self, step: int) -> None:
        marked = list(self.query(".has-evidence").results(Static))
        if not marked:
            self.notify("No evidence quotes to jump to in this session.", markup=False)
            return
        self.evidence_at = (self.evidence_at + step) % len(marked)
        self.query_one("#review", VerticalScroll).scroll_to_widget(
            marked[self.evidence_at], animate=False, top=True)
        target = marked[self.evidence_at]
        if isinstance(target, AnswerView) and (self.spoken or self.prompts_spoken):
            self.choose(self.answer_views.index(target), scroll=False)  # space plays it

    def action_next_evidence(self) -> None:
        self._jump(1)

    def action_previous_evidence(self) -> None:
        self._jump(-1)

    def action_export(self) -> None:
        export(self, self.folder)

    def action_back(self) -> None:
        self.stop_playback()
        self.dismiss()


def export(screen: Screen[Any], folder: Path | None) -> list[Path]:
    """Write report.html and report.md next to session.json, and say where."""
    if folder is None:
        screen.notify("This session was not saved, so there is nothing to export.",
                      severity="warning", markup=False)
        return []
    try:
        written = export_reports(folder)
    except (OSError, ValueError) as exc:
        screen.notify(f"Could not write the report: {exc}", severity="error", markup=False)
        return []
    names = " and ".join(p.name for p in written)
    screen.notify(f"Wrote {names} in {display_path(folder)}", title="Report exported",
                  timeout=10, markup=False)
    return written
