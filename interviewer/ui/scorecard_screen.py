"""The scorecard that closes an interview: what was strong, and what a stronger answer adds."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.markup import escape
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Digits, Footer, Static

from interviewer.rubric import HIRE_BAR, dimension
from interviewer.scorecard import DimensionScore, Scorecard
from interviewer.ui.delivery_panel import DeliveryPanel, session_delivery
from interviewer.ui.widgets import display_path, score_bar, sentence

NO_STRENGTHS = "None stood out this time: the gaps below are where to start."


def _descriptor(dim: DimensionScore) -> str:
    try:
        return dimension(dim.id).descriptor(dim.score)
    except KeyError:
        return ""


def scored_by(coach: str, notice: str | None = None) -> str:
    """Who wrote the scorecard, e.g. "Scored by llm:gpt-4o-mini"; a fallback says so."""
    if coach == "offline":
        return ("Scored by the offline coach, standing in for the LLM coach" if notice
                else "Scored by the offline coach")
    return f"Scored by {coach}"


def _verdict(score: float, counted: bool = True) -> str:
    if not counted:
        return "not asked by these questions"
    return "meets the bar" if score >= HIRE_BAR else "below the bar"


class Bullet(Horizontal):
    """A list item whose wrapped lines stay indented under the text, not under the bullet."""

    def __init__(self, text: str, mark: str = "•", classes: str = "") -> None:
        super().__init__(classes=f"bullet {classes}".strip())
        self.text = text
        self.mark = mark

    def compose(self) -> ComposeResult:
        yield Static(self.mark, classes="mark", markup=False)
        yield Static(self.text, classes="text", markup=False)


class DimensionCard(Vertical):
    """One rubric dimension: bar, level descriptor, the candidate's own words, advice."""

    def __init__(self, dim: DimensionScore) -> None:
        super().__init__(classes="dimension")
        self.dim = dim

    def compose(self) -> ComposeResult:
        d = self.dim
        yield Static(
            f"[b]{escape(d.name):<16}[/b] {score_bar(d.score)} [b]{d.score:.1f}[/b] / 5"
            f"  [$text-muted]{_verdict(d.score, d.counted)}[/]",
            classes="dim-title",
        )
        descriptor = _descriptor(d)
        if not d.counted:
            yield Static("Not part of the overall: no question here asked for it.",
                         classes="descriptor", markup=False)
        elif descriptor:
            yield Static(f"At this level: {descriptor}", classes="descriptor", markup=False)
        for quote in d.evidence:
            yield Bullet(f"“{quote}”", mark="", classes="evidence")
        if d.advice:
            yield Bullet(d.advice, mark="→", classes="advice")


class ScorecardScreen(Screen[None]):
    BINDINGS = [
        Binding("n", "new_interview", "New interview"),
        Binding("e", "export", "Export report"),
        Binding("q", "app.quit", "Quit"),
        Binding("ctrl+q", "app.quit", "Quit", show=False, priority=True),
    ]

    class NewInterview(Message):
        """Bubbles to the app, which goes back to the home screen."""

    def __init__(self, scorecard: Scorecard, folder: Path | None,
                 question_titles: dict[str, str] | None = None, *,
                 notice: str | None = None) -> None:
        super().__init__()
        self.scorecard = scorecard
        self.folder = folder
        self.question_titles = question_titles or {}
        self.notice = notice
        """The coach's one line when the scorecard was handed to the offline coach."""
        self.delivery, self.minutes_per_answer = session_delivery(folder)
        """How the spoken answers sounded (None for a typed session), from session.json."""

    def compose(self) -> ComposeResult:
        card = self.scorecard
        with VerticalScroll(id="card"):
            with Horizontal(id="overall-row"):
                yield Digits(f"{card.overall:.1f}", id="overall")
                yield Static(
                    f"[b]/ 5 overall[/b]\n{_verdict(card.overall).capitalize()} "
                    f"(3 is a hire)\n"
                    + (f"{escape(card.unanswered_note)}\n" if card.unanswered_note else "") +
                    f"[$text-muted]{escape(scored_by(card.coach, self.notice))}[/]",
                    id="overall-label",
                )
            if self.notice:
                yield Static(sentence(self.notice), id="scored-notice", markup=False)
            yield Static(f"Saved to {display_path(self.folder)}", id="saved", markup=False)
            yield Static("Dimensions", classes="section")
            for dim in card.dimensions:
                yield DimensionCard(dim)
            if self.delivery is not None:
                yield Static("Delivery", classes="section")
                yield DeliveryPanel(self.delivery, self.minutes_per_answer)
            yield from self._section("Strengths", card.strengths or [NO_STRENGTHS], "strengths")
            yield from self._section("Gaps", card.gaps, "gaps")
            yield from self._section("What a strong answer adds", card.strong_answer_adds, "adds")
            if card.questions:
                yield Static("By question", classes="section")
                for q in card.questions:
                    title = self.question_titles.get(q.question_id, q.question_id)
                    yield Bullet(title, mark=f"{q.overall:.1f}", classes="by-question")
        yield Footer()

    def _section(self, title: str, items: list[str], name: str) -> ComposeResult:
        if not items:
            return
        yield Static(title, classes="section")
        for item in items:
            yield Bullet(item, classes=name)

    def on_mount(self) -> None:
        self.query_one("#card", VerticalScroll).focus()

    def action_new_interview(self) -> None:
        self.post_message(self.NewInterview())

    def action_export(self) -> None:
        """Write report.html and report.md next to session.json, and say where."""
        from interviewer.ui.review_screen import export

        export(self, self.folder)
