"""Progress over time: each rubric dimension across scored sessions, the weakest one named,
and the track to practise next (t starts an interview on it)."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.markup import escape
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Static

from interviewer.rubric import HIRE_BAR
from interviewer.session.progress import (
    DELIVERY_SERIES,
    WIDTH,
    Progress,
    delivery_scale,
    spark,
)
from interviewer.speech.delivery_bands import DELIVERY_BANDS
from interviewer.ui.widgets import score_bar

EMPTY = ("No scored sessions yet. Finish an interview (its scorecard closes it) and each "
         "rubric dimension is charted here, session by session.")


def _tone(score: float) -> str:
    return "$success" if score >= HIRE_BAR else "$warning" if score >= 2 else "$error"


def score_sparkline(scores: tuple[float | None, ...]) -> str:
    """A sparkline as markup: one cell per session, coloured by where it stands to the bar."""
    cells = []
    for s in scores[-WIDTH:]:
        cells.append("[$text-muted]·[/]" if s is None else f"[{_tone(s)}]{spark(s)}[/]")
    return "".join(cells)


def _change(first: float | None, last: float | None) -> str:
    if first is None or last is None:
        return ""
    delta = last - first
    if abs(delta) < 0.05:
        return "[$text-muted]  =[/]"
    return f"[$success]{delta:+.1f}[/]" if delta > 0 else f"[$error]{delta:+.1f}[/]"


class ProgressScreen(Screen[None]):
    DEFAULT_CSS = """
    #progress { padding: 0 2; }
    #progress-title { text-style: bold; color: $accent; margin: 1 0; }
    #progress-chart, #progress-delivery { height: auto; }
    #progress-verdict { margin-top: 1; height: auto; }
    #progress-empty, #progress-notes { color: $text-muted; margin-top: 1; }
    """
    BINDINGS = [
        Binding("t", "practise", "Practise suggested track"),
        Binding("escape,b", "back", "Back"),
        Binding("ctrl+q", "app.quit", "Quit", show=False, priority=True),
    ]

    @dataclass
    class Practise(Message):
        """Bubbles to the app: start an interview on this track."""

        track: str

    def __init__(self, progress: Progress) -> None:
        super().__init__()
        self.progress = progress

    def compose(self) -> ComposeResult:
        p = self.progress
        with VerticalScroll(id="progress"):
            n = len(p.sessions)
            yield Static(f"Progress over {n} scored session{'s' if n != 1 else ''}" if n
                         else "Progress", id="progress-title", markup=False)
            if not n:
                yield Static(EMPTY, id="progress-empty", markup=False)
            else:
                yield Static(self._chart(), id="progress-chart")
                if p.delivery:
                    yield Static("Delivery (spoken answers)", classes="section")
                    yield Static(self._delivery(), id="progress-delivery")
                yield Static(self._verdict(), id="progress-verdict")
            notes = []
            if p.unscored:
                notes.append(f"{p.unscored} unfinished (resume from the library)")
            if p.damaged:
                notes.append(f"{p.damaged} damaged (see the library)")
            if notes:
                yield Static("Not counted: " + ", ".join(notes) + ".", id="progress-notes",
                             markup=False)
        yield Footer()

    def _chart(self) -> str:
        p = self.progress
        shown = min(len(p.sessions), WIDTH)
        col = max(shown, 15)
        head = "oldest → newest" if shown > 1 else "session"
        lines = [f"[b]{'':<17}{head:<{col}}  latest[/b]"]
        rows: list[tuple[str, tuple[float | None, ...], str]] = [("Overall", p.overall,
                                                                  "overall")]
        rows += [(t.name, t.scores, t.id) for t in p.trends]
        for name, scores, key in rows:
            known = [s for s in scores if s is not None]
            weakest = p.weakest is not None and key == p.weakest.id
            label = f"{escape(name):<16}"
            label = f"[b $error]▶{label}[/]" if weakest else f" {label}"
            pad = " " * (col - min(len(scores), WIDTH))
            latest = (f"{score_bar(known[-1], 15)} [b]{known[-1]:.1f}[/b]  "
                      f"{_change(known[0], known[-1]) if len(known) > 1 else ''}"
                      if known else "-")
            lines.append(f"{label} {score_sparkline(tuple(scores))}{pad}  {latest}")
        return "\n".join(lines)

    def _delivery(self) -> str:
        lines = []
        bands = {b.key: b for b in DELIVERY_BANDS}
        for key, label, fmt in DELIVERY_SERIES:
            series = self.progress.delivery.get(key)
            if series is None:
                continue
            band = bands[key]
            low, high = delivery_scale(key, series)
            cells = "".join("[$text-muted]·[/]" if v is None else
                            f"[{'$success' if band.holds(v) else '$warning'}]"
                            f"{spark(v, low, high)}[/]" for v in series[-WIDTH:])
            latest = next(v for v in reversed(series) if v is not None)
            verdict = "[$success]in band[/]" if band.holds(latest) else "[$warning]off target[/]"
            lines.append(f" {label:<16} {cells}  [b]{fmt.format(latest)}[/b]  "
                         f"target {escape(band.text)}: {verdict}")
        return "\n".join(lines)

    def _verdict(self) -> str:
        p = self.progress
        lines = []
        if p.weakest is not None:
            avg = p.weakest.recent_average()
            lines.append(f"Weakest dimension: [b $error]{escape(p.weakest.name)}[/] "
                         f"({avg:.1f} on average over {p.weakest.recent_span()}).")
        if p.suggestion is not None:
            s = p.suggestion
            lines.append(f"Suggested next track: [b $accent]{escape(s.title)}[/] "
                         f"({escape(s.reason)}). Press t to start it.")
        return "\n".join(lines)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "practise":
            return self.progress.suggestion is not None
        return True

    def action_practise(self) -> None:
        if self.progress.suggestion is not None:
            self.post_message(self.Practise(self.progress.suggestion.track))

    def action_back(self) -> None:
        self.dismiss()
