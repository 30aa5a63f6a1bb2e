"""Headless scoring through the installed console script, as scripts and later issues use it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

INTERVIEWER = str(Path(sys.executable).parent / "interviewer")
ANSWER = (
    "I'd focus on casual viewers who keep seeing the same rows. The north star is weekly "
    "home-feed minutes per active user, with latency and completion rate as guardrails. "
    "The trade-off is relevance versus freshness, and I'd accept a small click-through dip. "
    "I'd validate offline, then run an A/B test on five percent of users and roll back if "
    "minutes drop."
)
DIMENSION_IDS = ["framing", "metrics", "trade-offs", "prioritization", "experimentation",
                 "business-impact", "communication"]


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([INTERVIEWER, *args], capture_output=True, text=True, input=stdin,
                          timeout=60)


def test_json_is_exactly_one_object_with_the_documented_shape(tmp_path: Path) -> None:
    answer = tmp_path / "a.txt"
    answer.write_text(ANSWER)
    out = run("score", "--question", "How would you fix a stale video feed?",
              "--answer-file", str(answer), "--format", "json")
    assert out.returncode == 0, out.stderr
    card = json.loads(out.stdout)  # fails on any stray line before or after
    assert isinstance(card["overall"], float) and 1 <= card["overall"] <= 5
    assert card["coach"] == "offline"
    assert [d["id"] for d in card["dimensions"]] == DIMENSION_IDS
    for d in card["dimensions"]:
        assert set(d) == {"id", "name", "score", "evidence", "advice", "counted"}
        assert 1 <= d["score"] <= 5
        assert all(q in ANSWER for q in d["evidence"])
    assert isinstance(card["strengths"], list) and isinstance(card["gaps"], list)


def test_question_id_from_the_banks_and_markdown(tmp_path: Path) -> None:
    answer = tmp_path / "a.txt"
    answer.write_text(ANSWER)
    out = run("score", "--question-id", "rec-stale-feed", "--answer-file", str(answer))
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("# Scorecard: Our video streaming app")
    assert "**Overall:" in out.stdout and "## Metrics:" in out.stdout
    assert "What a strong answer adds" in out.stdout or "## Strengths" in out.stdout


def test_answer_from_standard_input() -> None:
    out = run("score", "--question-id", "rec-stale-feed", "--answer-file", "-",
              "--format", "json", stdin=ANSWER)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["overall"] > 2


def test_empty_or_missing_answer_file_is_a_clear_error(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n")
    for path, message in ((empty, "the answer is empty"), (tmp_path / "nope.txt", "no such")):
        out = run("score", "--question", "Q?", "--answer-file", str(path), "--format", "json")
        assert out.returncode == 2
        assert out.stdout == ""
        assert message in out.stderr and str(path) in out.stderr
        assert "Traceback" not in out.stderr


def test_unknown_question_id_is_a_clear_error(tmp_path: Path) -> None:
    answer = tmp_path / "a.txt"
    answer.write_text(ANSWER)
    out = run("score", "--question-id", "no-such-q", "--answer-file", str(answer))
    assert out.returncode == 2 and "no question with id 'no-such-q'" in out.stderr
