"""The scorecard's delivery figures: how the spoken answers sounded, each against its target band.

Shown beside the rubric dimensions when the session has spoken answers (the `delivery`
figures the engine keeps per answer, summed over the session by `report.session_view`).
"""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from interviewer.report.session_view import delivery_summary, format_duration
from interviewer.speech.delivery_bands import DELIVERY_BANDS

IN_BAND = "✓"
OFF_BAND = "✗"


def _shown(key: str, value: float) -> str:
    if key == "fillers_per_min":
        return f"{value:.1f}"
    if key == "long_pauses":
        return f"{value:g}"
    return f"{value:.0f}"


def delivery_rows(summary: dict[str, float], minutes_per_answer: float | None = None
                  ) -> list[tuple[str, str, str, bool | None]]:
    """(label, value, target, inside the band?) for each figure the summary has, then talk
    time against the time allowed (no band: None)."""
    rows: list[tuple[str, str, str, bool | None]] = []
    for band in DELIVERY_BANDS:
        value = summary.get(band.key)
        if value is None:
            continue
        unit = f" {band.unit}" if band.key != "seconds_to_first_point" else " s"
        shown = _shown(band.key, value) + unit
        if band.key == "fillers_per_min" and "fillers" in summary:
            shown += f" ({summary['fillers']:.0f})"
        if band.key == "long_pauses":
            shown = f"{value:g} per answer"
        rows.append((band.label, shown, band.text, band.holds(value)))
    talk = summary.get("duration_s")
    if talk is not None:
        shown = format_duration(talk)
        answers = summary.get("answers", 0.0)
        if minutes_per_answer and answers:
            allowed = minutes_per_answer * 60 * answers
            shown += f" of {format_duration(allowed)} allowed ({talk / allowed:.0%})"
        words = summary.get("words")
        target = f"{words:.0f} words in {answers:.0f} spoken answer" + ("s" if answers != 1 else "")
        rows.append(("Talk time", shown, target if words is not None else "", None))
    return rows


def session_delivery(folder: Path | None) -> tuple[dict[str, float] | None, float | None]:
    """The session's delivery summary and minutes per answer, read from its folder; (None,
    None) for a typed session, an unsaved one, or a folder that cannot be read."""
    if folder is None:
        return None, None
    from interviewer.session.library import DamagedSessionError, load_record

    try:
        record = load_record(folder)
    except (DamagedSessionError, OSError):
        return None, None
    return delivery_summary(record.view()), record.minutes_per_answer


class DeliveryPanel(Vertical):
    """One line per figure: label, value, a mark for the band, and the band."""

    DEFAULT_CSS = """
    DeliveryPanel { height: auto; margin: 0 0 0 2; }
    DeliveryPanel .delivery-row { height: auto; }
    DeliveryPanel .delivery-note { color: $text-muted; }
    """

    def __init__(self, summary: dict[str, float], minutes_per_answer: float | None = None
                 ) -> None:
        super().__init__(id="delivery")
        self.rows = delivery_rows(summary, minutes_per_answer)

    def compose(self) -> ComposeResult:
        for label, value, target, ok in self.rows:
            mark = ("  " if ok is None else
                    Content.styled(f"{IN_BAND} ", "bold $success") if ok else
                    Content.styled(f"{OFF_BAND} ", "bold $warning"))
            note = f"target: {target}" if ok is not None else target
            yield Static(Content.assemble(
                mark, Content.styled(f"{label:<12}", "bold"), f" {value:<28} ",
                Content.styled(note, "$text-muted")), classes="delivery-row")
        yield Static("From the word timings of your spoken answers: pace, filler words, "
                     "pauses over 3 s and how soon the first point came.",
                     classes="delivery-note", markup=False)
