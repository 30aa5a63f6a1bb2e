"""Question banks: the bundled set is complete, and every malformed bank is named precisely."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from interviewer.banks import MIXED, BankError, QuestionBank, load_bank_file, load_banks
from interviewer.rubric import dimension_ids

INTERVIEWER = str(Path(sys.executable).parent / "interviewer")

GOOD = '''
[[questions]]
id = "my-q"
track = "my-track"
difficulty = "easy"
prompt = "How would you measure an AI feature?"
dimensions = ["metrics", "trade-offs"]
outline = ["A north-star metric", "A guardrail"]
[questions.probes]
metrics = ["Which metric, exactly?"]
'''


def write(tmp_path: Path, text: str, name: str = "mine.toml") -> Path:
    p = tmp_path / name
    p.write_text(text)
    return p


def test_bundled_banks_are_big_and_complete(bank: QuestionBank) -> None:
    assert len(bank.questions) >= 40
    assert len(bank.tracks()) >= 8
    for q in bank.questions:
        assert set(q.dimensions) <= set(dimension_ids())
        # Every dimension a question stresses has a probe the coach can ask.
        assert set(q.dimensions) <= set(q.probes), q.id
        assert q.outline, q.id
        assert q.prompt.endswith(("?", ".")), q.id


def test_mixed_pick_spreads_over_tracks(bank: QuestionBank) -> None:
    import random

    picked = bank.pick(MIXED, 5, random.Random(1))
    assert len({q.id for q in picked}) == 5
    assert len({q.track for q in picked}) == 5
    one_track = bank.pick("recommendations", 3, random.Random(1))
    assert {q.track for q in one_track} == {"recommendations"}


def test_a_user_bank_adds_to_the_bundled_ones(tmp_path: Path, bank: QuestionBank) -> None:
    merged = load_banks([write(tmp_path, GOOD)])
    assert len(merged.questions) == len(bank.questions) + 1
    assert merged.by_id("my-q").probes["metrics"] == ("Which metric, exactly?",)


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (lambda t: t.replace('prompt = "How', 'prompt = "How\n'), "TOML syntax error"),
        (lambda t: t.replace('difficulty = "easy"\n', ""), "question 'my-q': field 'difficulty': is missing"),
        (lambda t: t.replace('"trade-offs"', '"vibes"'), "question 'my-q': field 'dimensions': unknown dimension 'vibes'"),
        (lambda t: t.replace("metrics = [", "charisma = ["), "question 'my-q': field 'probes.charisma': unknown dimension"),
        (lambda t: t.replace('"easy"', '"trivial"'), "question 'my-q': field 'difficulty': 'trivial' is not one of"),
        (lambda t: t.replace('outline = ["A north-star metric", "A guardrail"]', "outline = []"), "question 'my-q': field 'outline': must be a non-empty list"),
        (lambda t: t + t, "question 'my-q': field 'id': duplicate id"),
        (lambda t: t.replace('track = "my-track"', 'track = "my-track"\nhint = "x"'), "question 'my-q': field 'hint': unknown field"),
        (lambda t: t.replace('id = "my-q"\n', ""), "question '#1': field 'id': is missing"),
    ],
)
def test_malformed_bank_names_file_question_and_field(
    tmp_path: Path, edit: Callable[[str], str], expected: str
) -> None:
    path = write(tmp_path, edit(GOOD))
    with pytest.raises(BankError) as err:
        load_bank_file(path)
    assert str(path) in str(err.value)
    assert expected in str(err.value)


def test_an_id_clashing_with_a_bundled_question_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace('"my-q"', '"rec-stale-feed"'))
    with pytest.raises(BankError, match=r"rec-stale-feed.*duplicate id, already defined in"):
        load_banks([path])


def test_cli_lists_banks() -> None:
    out = subprocess.run([INTERVIEWER, "banks"], capture_output=True, text=True, check=True)
    assert "rec-stale-feed" in out.stdout
    assert "questions in" in out.stdout.splitlines()[-1]


def test_cli_validates_a_good_bank(tmp_path: Path) -> None:
    out = subprocess.run([INTERVIEWER, "banks", "validate", str(write(tmp_path, GOOD))],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "OK, 1 questions" in out.stdout


def test_cli_rejects_a_bad_bank_with_one_line_and_no_traceback(tmp_path: Path) -> None:
    bad = write(tmp_path, GOOD.replace('"trade-offs"', '"vibes"'))
    out = subprocess.run([INTERVIEWER, "banks", "validate", str(bad)],
                         capture_output=True, text=True)
    assert out.returncode == 2
    assert "Traceback" not in out.stderr
    assert out.stderr.strip().count("\n") == 0
    assert str(bad) in out.stderr and "my-q" in out.stderr and "dimensions" in out.stderr


def test_a_bad_bank_given_to_the_app_fails_before_the_tui(tmp_path: Path) -> None:
    bad = write(tmp_path, "[[questions]\n")
    out = subprocess.run([INTERVIEWER, "--bank", str(bad), "--text"], capture_output=True,
                         text=True, timeout=60)
    assert out.returncode == 2
    assert "TOML syntax error" in out.stderr and str(bad) in out.stderr


def test_track_titles_keep_acronyms() -> None:
    from interviewer.banks import track_title

    assert track_title("ai-search") == "AI search"
    assert track_title("genai-quality-cost") == "GenAI quality and cost"
    assert track_title("recommendations") == "Recommendations"
