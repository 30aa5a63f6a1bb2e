"""A session as the reports read it (`SessionView`), and what every report shares: evidence
spans inside the answers, delivery figures, small formatting helpers.

The session layer builds the view from its record (`SessionRecord.view()`); reports never see
the record itself, so they stay below the session layer.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from interviewer.banks import ANY_KIND, track_title
from interviewer.rubric import dimension
from interviewer.scorecard import Scorecard

DELIVERY_FIELDS = ("words", "duration_s", "wpm", "fillers", "fillers_per_min", "long_pauses",
                   "seconds_to_first_point")
"""The per-answer `delivery` figures of a spoken answer, as `score --format json` names them."""


@dataclass(frozen=True)
class Exchange:
    """One prompt and what the candidate said to it."""

    kind: str  # "question" or "follow-up"
    number: int  # 1-based within its question; the question itself is 1
    prompt: str
    answer: str
    skipped: bool
    seconds: float | None
    probe_dimension: str
    delivery: dict[str, float] | None
    interrupted: bool = False
    """Recorded up to a crash or a kill, transcribed when the session was resumed."""

    @property
    def took(self) -> str:
        """" · 1m 05s", and " · recorded up to an interruption" when it was cut off."""
        took = f" · {format_duration(self.seconds)}" if self.seconds is not None else ""
        return took + (" · recorded up to an interruption" if self.interrupted else "")

    @property
    def label(self) -> str:
        return "Answer" if self.kind == "question" else f"Follow-up {self.number - 1}"


@dataclass(frozen=True)
class TranscriptQuestion:
    number: int
    id: str
    prompt: str
    track: str
    difficulty: str
    exchanges: tuple[Exchange, ...]


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)


def delivery_of(raw: dict[str, Any] | None) -> dict[str, float] | None:
    """The numeric delivery figures of one answer, or None when it has none (typed answers)."""
    if not isinstance(raw, dict):
        return None
    figures = {k: v for k in DELIVERY_FIELDS if (v := _number(raw.get(k))) is not None}
    return figures or None


@dataclass(frozen=True)
class SessionView:
    """One session, read-only, as every report and the review screen show it."""

    id: str
    track: str
    mode: str
    coach: str
    status: str
    created_at: datetime | None
    minutes_per_answer: float | None
    keep_audio: bool
    questions: tuple[TranscriptQuestion, ...]
    card: Scorecard | None
    answer_seconds: float
    """Time spent answering: the sum of every exchange's seconds."""
    saved: dict[str, Any]
    """The record as session.json holds it (the JSON report carries it whole)."""

    @property
    def answered(self) -> int:
        return sum(1 for q in self.questions if any(not e.skipped for e in q.exchanges))


def delivery_summary(view: SessionView) -> dict[str, float] | None:
    """The session's delivery over every spoken answer: totals, and rates over the total time.

    None when no answer has delivery figures (a typed session)."""
    figures = [d for q in view.questions for ex in q.exchanges
               if (d := ex.delivery) is not None]
    if not figures:
        return None
    words = sum(d.get("words", 0.0) for d in figures)
    duration = sum(d.get("duration_s", 0.0) for d in figures)
    out: dict[str, float] = {"answers": float(len(figures)), "words": words,
                             "duration_s": round(duration, 1)}
    if duration > 0:
        out["wpm"] = round(words / duration * 60, 1)
    elif rates := [d["wpm"] for d in figures if "wpm" in d]:
        out["wpm"] = round(sum(rates) / len(rates), 1)
    fillers = [d["fillers"] for d in figures if "fillers" in d]
    if fillers:
        out["fillers"] = sum(fillers)
        if duration > 0:
            out["fillers_per_min"] = round(sum(fillers) / duration * 60, 2)
    pauses = [d["long_pauses"] for d in figures if "long_pauses" in d]
    if pauses:
        out["long_pauses"] = round(sum(pauses) / len(pauses), 2)  # per answer
        out["long_pauses_total"] = sum(pauses)
    firsts = [d["seconds_to_first_point"] for d in figures if "seconds_to_first_point" in d]
    if firsts:
        out["seconds_to_first_point"] = round(sum(firsts) / len(firsts), 1)
    return out


# -- evidence quotes inside the answers ----------------------------------------------------------
def _pattern(quote: str) -> re.Pattern[str] | None:
    words = quote.split()
    if not words:
        return None
    return re.compile(r"\s+".join(re.escape(w) for w in words))


def evidence_quotes(card: Scorecard | None) -> dict[str, list[str]]:
    """Each quote of the scorecard, with the names of the dimensions it is evidence for."""
    quotes: dict[str, list[str]] = {}
    for d in card.dimensions if card else []:
        for q in d.evidence:
            if q.strip():
                quotes.setdefault(q, []).append(d.name)
    return quotes


def mark_spans(text: str, quotes: Sequence[str]) -> list[tuple[str, list[str]]]:
    """`text` cut into pieces; a piece that is a quote carries the quotes it matched.

    Quotes are verbatim spans of the answers (whitespace may differ); overlapping matches
    merge into one marked piece. Joining the pieces gives back `text` exactly."""
    hits: list[tuple[int, int, str]] = []
    for quote in quotes:
        pattern = _pattern(quote)
        if pattern is not None:
            hits += [(m.start(), m.end(), quote) for m in pattern.finditer(text)]
    if not hits:
        return [(text, [])] if text else []
    hits.sort()
    merged: list[tuple[int, int, list[str]]] = []
    for start, end, quote in hits:
        if merged and start < merged[-1][1]:
            s0, e0, qs = merged[-1]
            merged[-1] = (s0, max(e0, end), qs + ([quote] if quote not in qs else []))
        else:
            merged.append((start, end, [quote]))
    pieces: list[tuple[str, list[str]]] = []
    pos = 0
    for start, end, qs in merged:
        if start > pos:
            pieces.append((text[pos:start], []))
        pieces.append((text[start:end], qs))
        pos = end
    if pos < len(text):
        pieces.append((text[pos:], []))
    return pieces


# -- small formatting helpers ---------------------------------------------------------------------
def format_duration(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    whole = round(seconds)
    if whole < 60:
        return f"{whole} s"
    minutes, rest = divmod(whole, 60)
    return f"{minutes} min {rest:02d} s" if rest else f"{minutes} min"


def format_when(view: SessionView) -> str:
    stamp = view.created_at.astimezone() if view.created_at else None
    return stamp.strftime("%d %b %Y, %H:%M").lstrip("0") if stamp else "an unknown date"


def track_label(track: str, kind: str = ANY_KIND) -> str:
    """The track, and the kind of question when the session was limited to one."""
    label = "Mixed" if track == "mixed" else track_title(track or "?")
    return label if kind in ("", ANY_KIND) else f"{label} · {track_title(kind)}"


NOT_ASKED = "not asked by these questions"


def verdict(score: float, counted: bool = True) -> str:
    if not counted:
        return NOT_ASKED
    return "meets the bar" if score >= 3 else "below the bar"


def question_titles(view: SessionView) -> dict[str, str]:
    return {q.id: q.prompt for q in view.questions}


def figures_text(d: dict[str, float]) -> Iterator[tuple[str, str]]:
    """Delivery figures as (label, value) pairs, in the order people read them."""
    if "wpm" in d:
        yield "Pace", f"{d['wpm']:.0f} words/min"
    if "fillers_per_min" in d:
        yield "Fillers", f"{d['fillers_per_min']:.1f}/min ({d.get('fillers', 0):.0f})"
    elif "fillers" in d:
        yield "Fillers", f"{d['fillers']:.0f}"
    if "long_pauses" in d:
        yield "Long pauses", f"{d['long_pauses']:g}"
    if "seconds_to_first_point" in d:
        yield "First point", f"{d['seconds_to_first_point']:.0f} s"
    if "words" in d:
        yield "Words", f"{d['words']:.0f}"
    if "duration_s" in d:
        yield "Talk time", format_duration(d["duration_s"])


def descriptor(dim_id: str, score: float) -> str:
    """The rubric's words for the level a score reaches; '' for a dimension it does not know."""
    try:
        return dimension(dim_id).descriptor(score)
    except KeyError:
        return ""


def dimension_name(dim_id: str) -> str:
    """A rubric dimension's name ("business-impact" -> "Business impact")."""
    try:
        return dimension(dim_id).name
    except KeyError:
        return dim_id
