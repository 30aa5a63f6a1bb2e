"""Progress over time: each rubric dimension (and delivery, when spoken) across scored sessions,
the weakest dimension, and the track to practise next. No UI here: the CLI prints
`render_progress`, the TUI draws the same `Progress` its own way.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from interviewer.banks import QuestionBank, track_title
from interviewer.report.session_view import delivery_summary
from interviewer.rubric import MAX_SCORE, MIN_SCORE, dimensions
from interviewer.session.library import (
    DamagedSessionError,
    list_sessions,
    load_record,
    sessions_only,
)
from interviewer.session.record import SessionRecord
from interviewer.session.store import SessionStore
from interviewer.speech.delivery_bands import DELIVERY_BANDS

RECENT = 3
"""The weakest dimension is judged on this many latest sessions: old habits are not held
against a candidate who has since improved."""
SPARKS = "▁▂▃▄▅▆▇█"
DELIVERY_SERIES = (("wpm", "Pace (wpm)", "{:.0f}"), ("fillers_per_min", "Fillers/min", "{:.1f}"),
                   ("long_pauses", "Long pauses", "{:.1f}"),
                   ("seconds_to_first_point", "First point (s)", "{:.0f}"))
"""Delivery figures followed over time: key, short label, how a value is shown."""


@dataclass(frozen=True)
class SessionPoint:
    id: str
    when: datetime | None
    track: str
    overall: float
    scores: dict[str, float]
    delivery: dict[str, float] | None = None


@dataclass(frozen=True)
class DimensionTrend:
    id: str
    name: str
    scores: tuple[float | None, ...]
    """One per session, oldest first; None where a session's scorecard lacks the dimension."""

    @property
    def known(self) -> list[float]:
        return [s for s in self.scores if s is not None]

    @property
    def latest(self) -> float | None:
        known = self.known
        return known[-1] if known else None

    @property
    def change(self) -> float | None:
        known = self.known
        return round(known[-1] - known[0], 2) if len(known) >= 2 else None

    def recent_average(self, n: int = RECENT) -> float | None:
        known = self.known[-n:]
        return round(sum(known) / len(known), 2) if known else None

    def recent_span(self, n: int = RECENT) -> str:
        """The sessions `recent_average` covers, in words."""
        recent = min(n, len(self.known))
        return "the latest session" if recent == 1 else f"the last {recent} sessions"


@dataclass(frozen=True)
class TrackSuggestion:
    track: str
    stressing: int
    total: int
    dimension: str

    @property
    def title(self) -> str:
        return track_title(self.track)

    @property
    def reason(self) -> str:
        return (f"{self.stressing} of its {self.total} questions stress "
                f"{self.dimension.lower()}")


@dataclass(frozen=True)
class Progress:
    sessions: list[SessionPoint]
    """Scored sessions, oldest first."""
    trends: list[DimensionTrend]
    overall: tuple[float, ...]
    weakest: DimensionTrend | None
    suggestion: TrackSuggestion | None
    delivery: dict[str, tuple[float | None, ...]] = field(default_factory=dict)
    """Per delivery figure, one value per session (None for a typed session); empty when no
    session was spoken."""
    unscored: int = 0
    damaged: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "sessions": [{"id": s.id, "when": s.when.isoformat() if s.when else None,
                          "track": s.track, "overall": s.overall, "scores": s.scores,
                          "delivery": s.delivery} for s in self.sessions],
            "dimensions": [{"id": t.id, "name": t.name, "scores": list(t.scores),
                            "latest": t.latest, "change": t.change,
                            "recent_average": t.recent_average()} for t in self.trends],
            "weakest": self.weakest.id if self.weakest else None,
            "suggested_track": ({"track": self.suggestion.track,
                                 "stressing": self.suggestion.stressing,
                                 "total": self.suggestion.total} if self.suggestion else None),
            "delivery": {k: list(v) for k, v in self.delivery.items()},
            "unscored_sessions": self.unscored,
            "damaged_sessions": self.damaged,
        }


def session_point(session_id: str, record: SessionRecord) -> SessionPoint | None:
    card = record.card
    if record.status != "complete" or card is None:
        return None
    scores = {d.id: float(d.score) for d in card.dimensions}
    return SessionPoint(session_id, record.created(), record.track or "?", card.overall, scores,
                        delivery_summary(record.view()))


def suggest_track(bank: QuestionBank, dim_id: str,
                  practised: Counter[str] | None = None) -> TrackSuggestion | None:
    """The track whose questions most stress a dimension (by share, then count); among equals,
    the one practised least."""
    practised = practised or Counter()
    names = {d.id: d.name for d in dimensions()}
    candidates = []
    for track in bank.tracks():
        qs = [q for q in bank.questions if q.track == track]
        hits = sum(1 for q in qs if dim_id in q.dimensions)
        if hits:
            candidates.append((-hits / len(qs), -hits, practised[track], track, len(qs)))
    if not candidates:
        return None
    _, hits, _, track, total = min(candidates)
    return TrackSuggestion(track, -hits, total, names.get(dim_id, dim_id))


def compute_progress(points: Sequence[SessionPoint], bank: QuestionBank | None = None, *,
                     unscored: int = 0, damaged: int = 0) -> Progress:
    sessions = sorted(points, key=lambda p: (p.when.timestamp() if p.when else 0.0, p.id))
    trends = [DimensionTrend(d.id, d.name, tuple(p.scores.get(d.id) for p in sessions))
              for d in dimensions()]
    order = {t.id: i for i, t in enumerate(trends)}
    weakest = None
    if sessions:
        def weakness(t: DimensionTrend) -> tuple[float, float, int]:
            avg = t.recent_average()
            return (avg if avg is not None else MAX_SCORE + 1,
                    t.latest if t.latest is not None else MAX_SCORE + 1, order[t.id])

        weakest = min(trends, key=weakness)
        if weakest.recent_average() is None:
            weakest = None
    suggestion = None
    if weakest is not None and bank is not None:
        suggestion = suggest_track(bank, weakest.id, Counter(p.track for p in sessions))
    delivery: dict[str, tuple[float | None, ...]] = {}
    if any(p.delivery for p in sessions):
        for key, _, _ in DELIVERY_SERIES:
            series = tuple((p.delivery or {}).get(key) for p in sessions)
            if any(v is not None for v in series):
                delivery[key] = series
    return Progress(sessions, trends, tuple(p.overall for p in sessions), weakest, suggestion,
                    delivery, unscored, damaged)


def progress_from_store(store: SessionStore, bank: QuestionBank | None = None) -> Progress:
    entries = list_sessions(store)
    points: list[SessionPoint] = []
    unscored = 0
    damaged = len(entries) - len(sessions_only(entries))
    for entry in sessions_only(entries):
        if entry.status != "complete":
            unscored += 1
            continue
        try:
            point = session_point(entry.id, load_record(entry.folder))
        except DamagedSessionError:
            damaged += 1
            continue
        if point is not None:
            points.append(point)
    return compute_progress(points, bank, unscored=unscored, damaged=damaged)


# -- the terminal chart -----------------------------------------------------------------------
def spark(value: float | None, low: float = MIN_SCORE, high: float = MAX_SCORE) -> str:
    """One sparkline cell: low..high over eight heights; a gap where there is no value."""
    if value is None:
        return "·"
    if high <= low:
        return SPARKS[len(SPARKS) // 2]
    frac = (min(max(value, low), high) - low) / (high - low)
    return SPARKS[round(frac * (len(SPARKS) - 1))]


def sparkline(values: Sequence[float | None], low: float = MIN_SCORE,
              high: float = MAX_SCORE) -> str:
    return "".join(spark(v, low, high) for v in values)


def bar(value: float, width: int = 10) -> str:
    filled = int(max(0.0, min(value, MAX_SCORE)) / MAX_SCORE * width + 0.5)  # half up
    return "█" * filled + "░" * (width - filled)


def _change(value: float | None) -> str:
    if value is None:
        return ""
    return "  =" if abs(value) < 0.05 else f"{value:+.1f}"


WIDTH = 40
"""At most this many sessions in a sparkline: the latest ones."""


def delivery_scale(key: str, series: Sequence[float | None]) -> tuple[float, float]:
    """The range a delivery sparkline spans: its own values and its target band."""
    band = next(b for b in DELIVERY_BANDS if b.key == key)
    known = [v for v in series if v is not None]
    edges = [x for x in (band.low, band.high) if x is not None]
    return min([*known, *edges, 0.0]), max([*known, *edges])


def render_progress(progress: Progress) -> str:
    """The whole progress view as plain text (unicode blocks, no colour codes)."""
    n = len(progress.sessions)
    lines: list[str] = []
    notes = []
    if progress.unscored:
        notes.append(f"{progress.unscored} unfinished (`interviewer resume`)")
    if progress.damaged:
        notes.append(f"{progress.damaged} damaged (`interviewer sessions`)")
    if not n:
        lines.append("No scored sessions yet: finish an interview and its scores show here.")
        if notes:
            lines.append("Not counted: " + ", ".join(notes) + ".")
        return "\n".join(lines) + "\n"
    first, last = progress.sessions[0].when, progress.sessions[-1].when
    span = ""
    if first and last:
        span = f", {first.astimezone():%d %b %Y} to {last.astimezone():%d %b %Y}"
    plural = "s" if n != 1 else ""
    lines += [f"Progress over {n} scored session{plural}{span}", ""]
    shown = min(n, WIDTH)
    head = "oldest → newest" if shown > 1 else "session"
    col = max(shown, len(head))
    lines.append(f"{'':<17} {head:<{col}}  {'latest':<16}{'change':>7}")
    rows = [("Overall", progress.overall)] + [(t.name, t.scores) for t in progress.trends]
    for name, scores in rows:
        tail = list(scores)[-WIDTH:]
        known = [s for s in scores if s is not None]
        latest = known[-1] if known else None
        change = round(known[-1] - known[0], 2) if len(known) >= 2 else None
        mark = "▶" if progress.weakest and name == progress.weakest.name else " "
        latest_text = f"{bar(latest)} {latest:.1f}" if latest is not None else "-"
        lines.append(f"{mark}{name:<16} {sparkline(tail):<{col}}  {latest_text:<16}"
                     f"{_change(change):>7}")
    if progress.delivery:
        lines += ["", "Delivery (spoken answers)"]
        for key, label, fmt in DELIVERY_SERIES:
            series = progress.delivery.get(key)
            if series is None:
                continue
            low, high = delivery_scale(key, series)
            band = next(b for b in DELIVERY_BANDS if b.key == key)
            known = [v for v in series if v is not None]
            latest = known[-1]
            ok = "in band" if band.holds(latest) else "off target"
            lines.append(f" {label:<16} {sparkline(list(series)[-WIDTH:], low, high):<{col}}  "
                         f"{fmt.format(latest):<6} target {band.text}: {ok}")
    lines.append("")
    if progress.weakest is not None:
        avg = progress.weakest.recent_average()
        lines.append(f"Weakest dimension: {progress.weakest.name} ({avg:.1f} on average over "
                     f"{progress.weakest.recent_span()}).")
    if progress.suggestion is not None:
        s = progress.suggestion
        lines.append(f"Suggested next track: {s.title} ({s.reason}):")
        lines.append(f"  interviewer --track {s.track}")
    if notes:
        lines.append("Not counted: " + ", ".join(notes) + ".")
    return "\n".join(lines) + "\n"
