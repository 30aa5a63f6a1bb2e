"""Progress over time, on three sessions whose scores the test sets itself."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from interviewer.cli import main
from interviewer.rubric import dimension_ids, dimensions
from interviewer.session.progress import (
    SPARKS,
    progress_from_store,
    render_progress,
    sparkline,
    suggest_track,
)
from interviewer.session.store import SessionStore
from tests.support.session_factory import (
    GOOD,
    add_delivery,
    bank,
    days_ago,
    edit_record,
    make_session,
)

# Per session (oldest first): every dimension at `base`, with exceptions.
PLAN: list[tuple[float, dict[str, float]]] = [
    (2.0, {"experimentation": 1.0}),
    (3.0, {"experimentation": 2.0, "metrics": 4.0}),
    (4.0, {"experimentation": 2.0, "business-impact": 3.0}),
]


def set_scores(base: float, exceptions: dict[str, float]) -> Any:
    def change(record: dict[str, Any]) -> None:
        card = record["scorecard"]
        for d in card["dimensions"]:
            d["score"] = exceptions.get(d["id"], base)
        card["overall"] = round(sum(d["score"] for d in card["dimensions"]) / 7, 1)
    return change


@pytest.fixture
def three(home: Path) -> list[Path]:
    folders = []
    for i, (base, exceptions) in enumerate(PLAN):
        folder = make_session(home, [GOOD], count=1, when=days_ago(10 - i))
        edit_record(folder, set_scores(base, exceptions))
        folders.append(folder)
    # Not counted: an unfinished one, and a damaged one.
    make_session(home, [GOOD], count=2, stop_after=1, when=days_ago(1))
    broken = make_session(home, [GOOD], count=1, when=days_ago(0.5))
    (broken / "session.json").write_text('{"status": "complete", "quest')
    return folders


def expected_track(dim_id: str) -> tuple[str, int, int]:
    shares = []
    for track in bank().tracks():
        qs = [q for q in bank().questions if q.track == track]
        hits = sum(dim_id in q.dimensions for q in qs)
        shares.append((hits / len(qs), hits, track, len(qs)))
    share, hits, _, total = max(shares, key=lambda s: (s[0], s[1]))
    best = sorted(t for s, h, t, _ in shares if (s, h) == (share, hits))[0]
    return best, hits, total


def test_per_dimension_series_weakest_and_suggested_track(home: Path, three: list[Path]) -> None:
    p = progress_from_store(SessionStore(home), bank())
    assert [s.id for s in p.sessions] == [f.name for f in three]
    assert (p.unscored, p.damaged) == (1, 1)
    by_id = {t.id: t for t in p.trends}
    assert list(by_id) == list(dimension_ids())
    assert by_id["framing"].scores == (2.0, 3.0, 4.0)
    assert by_id["metrics"].scores == (2.0, 4.0, 4.0)
    assert by_id["experimentation"].scores == (1.0, 2.0, 2.0)
    assert by_id["business-impact"].scores == (2.0, 3.0, 3.0)
    assert by_id["framing"].change == 2.0 and by_id["experimentation"].latest == 2.0
    assert p.overall == tuple(round(sum(e.get(d, b) for d in dimension_ids()) / 7, 1)
                              for b, e in PLAN)
    assert p.weakest is not None and p.weakest.id == "experimentation"
    assert p.weakest.recent_average() == pytest.approx(5 / 3, abs=0.01)
    track, hits, total = expected_track("experimentation")
    assert p.suggestion is not None
    assert (p.suggestion.track, p.suggestion.stressing, p.suggestion.total) == (track, hits,
                                                                                total)
    assert p.delivery == {}


def test_weakest_is_judged_on_recent_sessions(home: Path) -> None:
    # Experimentation was terrible long ago and is fine now; metrics slipped lately.
    plan = [(3.0, {"experimentation": 1.0})] + [(3.0, {"metrics": 2.0})] * 3
    for i, (base, exceptions) in enumerate(plan):
        folder = make_session(home, [GOOD], count=1, when=days_ago(10 - i))
        edit_record(folder, set_scores(base, exceptions))
    p = progress_from_store(SessionStore(home), bank())
    assert p.weakest is not None and p.weakest.id == "metrics"


def test_suggestion_prefers_the_track_practised_least_among_equals() -> None:
    from collections import Counter

    first = suggest_track(bank(), "experimentation")
    assert first is not None
    again = suggest_track(bank(), "experimentation", Counter({first.track: 5}))
    assert again is not None
    ties = [t for t in bank().tracks()
            if (lambda qs: (sum("experimentation" in q.dimensions for q in qs), len(qs)))(
                [q for q in bank().questions if q.track == t]) == (first.stressing, first.total)]
    assert (again.track != first.track) == (len(ties) > 1)


def test_delivery_figures_follow_spoken_sessions(home: Path, three: list[Path]) -> None:
    add_delivery(three[1], lambda n, ex: {"words": 100, "duration_s": 60.0, "fillers": 6,
                                          "long_pauses": 3, "seconds_to_first_point": 30})
    add_delivery(three[2], lambda n, ex: {"words": 145, "duration_s": 60.0, "fillers": 2,
                                          "long_pauses": 1, "seconds_to_first_point": 9})
    p = progress_from_store(SessionStore(home), bank())
    assert p.delivery["wpm"] == (None, 100.0, 145.0)
    assert p.delivery["fillers_per_min"] == (None, 6.0, 2.0)
    assert p.delivery["long_pauses"] == (None, 3.0, 1.0)
    assert p.delivery["seconds_to_first_point"] == (None, 30.0, 9.0)
    text = render_progress(p)
    assert "Delivery (spoken answers)" in text
    pace = next(ln for ln in text.splitlines() if ln.startswith(" Pace (wpm)"))
    assert "145" in pace and "in band" in pace


def test_progress_command_draws_a_chart(home: Path, three: list[Path],
                                        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["progress"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].startswith("Progress over 3 scored sessions")
    framing = next(ln for ln in lines if ln[1:].startswith("Framing"))
    assert sparkline([2.0, 3.0, 4.0]) in framing and framing.rstrip().endswith("+2.0")
    assert sparkline([2.0, 3.0, 4.0]) == SPARKS[2] + SPARKS[4] + SPARKS[5]
    weakest = next(ln for ln in lines if "Experimentation" in ln and "▶" in ln)
    assert weakest.startswith("▶Experimentation")
    track, hits, total = expected_track("experimentation")
    assert "Weakest dimension: Experimentation (1.7 on average over the last 3 sessions)." in out
    assert f"interviewer --track {track}" in out
    assert f"{hits} of its {total} questions stress experimentation" in out
    assert "Not counted: 1 unfinished (`interviewer resume`), 1 damaged" in out
    for d in dimensions():
        assert any(ln[1:].startswith(d.name) for ln in lines)

    assert main(["progress", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["weakest"] == "experimentation"
    assert data["suggested_track"]["track"] == track
    assert [s["id"] for s in data["sessions"]] == [f.name for f in three]


def test_progress_with_no_scored_session(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["progress"]) == 0
    assert capsys.readouterr().out.startswith("No scored sessions yet")
