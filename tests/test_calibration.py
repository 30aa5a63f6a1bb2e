"""The offline coach against the hand-graded calibration set (interviewer/data/calibration/)."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest

from interviewer.banks import QuestionBank
from interviewer.coach.offline import score_answer
from interviewer.tomlcompat import tomllib

CALIBRATION = Path(__file__).parents[1] / "interviewer" / "data" / "calibration" / "dev.toml"


def _ranks(values: list[float]) -> list[float]:
    """Average ranks, so ties are handled as Spearman's rho requires."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return ranks


def spearman(xs: list[float], ys: list[float]) -> float:
    rx, ry = _ranks(xs), _ranks(ys)
    n = len(xs)
    mx, my = sum(rx) / n, sum(ry) / n
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    var = (sum((a - mx) ** 2 for a in rx) * sum((b - my) ** 2 for b in ry)) ** 0.5
    return cov / var


@pytest.fixture(scope="module")
def graded(bank: QuestionBank) -> list[dict[str, Any]]:
    answers: list[dict[str, Any]] = tomllib.loads(CALIBRATION.read_text())["answers"]
    for a in answers:
        a["coach"] = score_answer(bank.by_id(a["question_id"]), a["text"]).overall
    return answers


def test_set_is_big_and_varied_enough(graded: list[dict[str, Any]]) -> None:
    assert len(graded) >= 15
    assert len({a["question_id"] for a in graded}) >= 4
    kinds = {a["kind"] for a in graded}
    assert {"padded", "short-strong", "off-question", "injection"} <= kinds


def test_spearman_against_reference_grades(graded: list[dict[str, Any]]) -> None:
    rho = spearman([a["coach"] for a in graded], [a["grade"] for a in graded])
    table = "\n".join(f"{a['label']:<34} ref {a['grade']:.1f} coach {a['coach']:.1f}"
                      for a in graded)
    assert rho >= 0.8, f"rho={rho:.3f}\n{table}"


def test_every_strong_weak_pair_is_ordered(graded: list[dict[str, Any]]) -> None:
    """Within a question, an answer graded a full point higher must score higher."""
    wrong = []
    for a, b in itertools.permutations(graded, 2):
        same_question = a["question_id"] == b["question_id"]
        if same_question and a["grade"] >= b["grade"] + 1.0 and not a["coach"] > b["coach"]:
            wrong.append(f"{a['label']} ({a['coach']}) <= {b['label']} ({b['coach']})")
    assert not wrong, "\n".join(wrong)


def test_length_is_not_the_score(graded: list[dict[str, Any]]) -> None:
    long_weak = [a for a in graded if a["kind"] == "padded"]
    short_strong = [a for a in graded if a["kind"] == "short-strong"]
    assert long_weak and short_strong
    assert max(a["coach"] for a in long_weak) < min(a["coach"] for a in short_strong)


def test_off_topic_scores_near_one(graded: list[dict[str, Any]]) -> None:
    for a in graded:
        if a["kind"] == "off-question":
            assert a["coach"] <= 1.5, a["label"]
