"""One answer on the review screen: the transcript with the scorecard's evidence highlighted,
its delivery figures, and, while its recording plays, the word being said."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from interviewer.report.session_view import Exchange, figures_text, format_duration, mark_spans
from interviewer.session.recordings import Recording, word_offsets

EVIDENCE_STYLE = "bold $text on $warning 35%"
PLAYING_STYLE = "bold reverse"
"""The word being said while the recording plays (reverse shows over evidence too)."""


def answer_content(text: str, quotes: dict[str, list[str]]) -> tuple[Content, int]:
    """An answer with its evidence spans highlighted, and how many spans there are."""
    parts: list[Content] = []
    marked = 0
    for piece, hits in mark_spans(text, list(quotes)):
        if hits:
            marked += 1
            parts.append(Content.styled(piece, EVIDENCE_STYLE))
        else:
            parts.append(Content(piece))
    return Content.assemble(*parts), marked


def recording_note(rec: Recording | None) -> str:
    """' · recorded', ' · recording missing', or '' for a typed answer."""
    if rec is None or rec.answer_ref is None:
        return ""
    return " · recorded" if rec.has_answer_audio else " · recording missing"


class AnswerView(Static):
    """What the candidate said to one prompt; `show_word(i)` marks the i-th timed word."""

    def __init__(self, x: Exchange, quotes: dict[str, list[str]],
                 recording: Recording | None = None) -> None:
        self.exchange = x
        self.quotes = quotes
        self.recording = recording
        self.word: int | None = None
        self.offsets = word_offsets(x.answer, recording.words) if recording else []
        self.marked = 0 if x.skipped else answer_content(x.answer, quotes)[1]
        classes = "review-answer" + (" skipped" if x.skipped else "")
        classes += " has-evidence" if self.marked else ""
        super().__init__(self.build(), classes=classes)

    @property
    def words(self) -> tuple[tuple[float, float, str], ...]:
        return self.recording.words if self.recording is not None else ()

    @property
    def current_word(self) -> str | None:
        """The text of the word marked as being said, if any."""
        span = self.offsets[self.word] if self.word is not None else None
        return self.exchange.answer[span[0]:span[1]] if span else None

    def build(self) -> Content:
        x = self.exchange
        if x.skipped:
            said = Content.styled("(skipped)", "italic")
        else:
            said, _ = answer_content(x.answer, self.quotes)
            span = self.offsets[self.word] if self.word is not None else None
            if span is not None:
                said = said.stylize(PLAYING_STYLE, span[0], span[1])
        took = f" · {format_duration(x.seconds)}" if x.seconds is not None else ""
        lead = Content.styled(f"You{took}{recording_note(self.recording)}\n", "bold $accent")
        body = [lead, said]
        if x.delivery:
            figures = " · ".join(f"{k} {v}" for k, v in figures_text(x.delivery))
            body.append(Content.styled(f"\n{figures}", "$text-muted"))
        return Content.assemble(*body)

    def show_word(self, index: int | None) -> None:
        """Mark word `index` of the recording's words (None: no mark); re-renders on change."""
        if index is not None and not 0 <= index < len(self.offsets):
            index = None
        if index != self.word:
            self.word = index
            self.update(self.build())
