"""The bundled banks cover the whole product-sense loop, as a user sees them through the CLI.

These are assertions on the banks' content (counts by kind and track, the content rules of
`banks validate`), read through the installed command: `banks --format json` and
`banks validate`.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from interviewer.banks import DIFFICULTIES, bundled_bank_dir
from interviewer.rubric import question_kinds

INTERVIEWER = str(Path(sys.executable).parent / "interviewer")
REPO = bundled_bank_dir().parent
OPEN_ENDED = ("design", "strategy", "critique")
"""Kinds where structure carries the answer, so communication must be a stressed dimension."""


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([INTERVIEWER, *args], capture_output=True, text=True, cwd=REPO,
                          timeout=120)


@pytest.fixture(scope="module")
def listed() -> list[dict[str, Any]]:
    out = run("banks", "--format", "json")
    assert out.returncode == 0, out.stderr
    questions: list[dict[str, Any]] = json.loads(out.stdout)
    return questions


def test_at_least_100_questions_in_14_tracks(listed: list[dict[str, Any]]) -> None:
    assert len(listed) >= 100
    assert len({q["track"] for q in listed}) >= 14


def test_every_kind_asked_at_least_4_times(listed: list[dict[str, Any]]) -> None:
    counts = Counter(q["kind"] for q in listed)
    short = {k: counts[k] for k in question_kinds() if counts[k] < 4}
    assert not short, f"kinds with fewer than 4 questions: {short}"


def test_communication_stressed_in_15_and_in_every_open_ended_question(
    listed: list[dict[str, Any]]
) -> None:
    assert sum("communication" in q["dimensions"] for q in listed) >= 15
    missing = [q["id"] for q in listed
               if q["kind"] in OPEN_ENDED and "communication" not in q["dimensions"]]
    assert not missing, f"open-ended questions not stressing communication: {missing}"


def test_difficulties_are_mixed(listed: list[dict[str, Any]]) -> None:
    counts = Counter(q["difficulty"] for q in listed)
    assert all(counts[d] >= len(listed) // 10 for d in DIFFICULTIES), counts


def test_the_bundled_banks_validate() -> None:
    out = run("banks", "validate", "question_banks")
    assert out.returncode == 0, out.stdout + out.stderr
    assert out.stdout.startswith("question_banks: OK, ")


def test_a_copy_of_the_bundled_banks_validates(tmp_path: Path) -> None:
    copy = tmp_path / "my-banks"
    shutil.copytree(bundled_bank_dir(), copy)
    out = run("banks", "validate", str(copy))
    assert out.returncode == 0, out.stdout + out.stderr
    # ...and is usable as the user's own bank: it replaces the bundled questions, one notice.
    used = run("--bank", str(copy), "banks", "--format", "json")
    assert used.returncode == 0, used.stderr
    assert used.stderr.count("\n") == 1 and "your banks replace" in used.stderr
