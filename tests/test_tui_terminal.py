"""The installed `interviewer --text` in a real pseudo-terminal, driven by keystrokes.

Textual's output is full of escape codes, so progress is read from what matters: the session
file on disk. A twin `InterviewEngine` (same questions, same offline coach, no store) is fed the
same answers, so the test knows whether a follow-up or the next question is on screen without
parsing it.
"""

from __future__ import annotations

import signal
from pathlib import Path

import pexpect
import pytest

from interviewer.session.engine import Prompt
from tests.support.terminal import (
    ANSWERS,
    QUESTIONS,
    answer,
    exchanges,
    letters,
    read_record,
    session_file,
    start,
)

pytestmark = pytest.mark.slow

def test_whole_interview_in_a_real_terminal(tmp_path: Path) -> None:
    home = tmp_path / "home"
    term, engine, prompt = start(home, tmp_path)
    given: list[str] = []
    nxt: Prompt | None = prompt
    while nxt is not None:
        text = ANSWERS[len(given) % len(ANSWERS)]
        nxt = answer(term, home, engine, text)
        given.append(text.replace("\r", "\n"))
        assert len(given) <= QUESTIONS * 3
    term.wait_for(lambda: (read_record(home) or {}).get("status") == "complete", "the scorecard")
    term.wait_for(lambda: "Saved to" in term.output, "the scorecard screen")
    term.child.send("q")
    term.child.expect(pexpect.EOF, timeout=15)
    term.child.close()
    assert term.child.exitstatus == 0, term.output[-2000:]
    assert "Traceback" not in term.output

    record = read_record(home)
    assert record is not None
    assert [ex["answer"] for ex in exchanges(record)] == given
    kinds = [ex["kind"] for ex in exchanges(record)]
    assert kinds.count("question") == QUESTIONS
    assert "follow-up" in kinds, "the weak first answer should have drawn a follow-up"
    assert record["scorecard"] is not None and 1 <= record["scorecard"]["overall"] <= 5
    assert len(record["scorecard"]["dimensions"]) == 7
    path = session_file(home)
    assert path is not None and path.parent.parent == home / "sessions"


def test_kill_during_third_question_keeps_the_first_two(tmp_path: Path) -> None:
    home = tmp_path / "home"
    term, engine, prompt = start(home, tmp_path)
    given: list[str] = []
    nxt: Prompt | None = prompt
    while nxt is not None and nxt.question_index < 2:
        text = ANSWERS[len(given) % len(ANSWERS)]
        nxt = answer(term, home, engine, text)
        given.append(text.replace("\r", "\n"))
    assert nxt is not None and nxt.kind == "question" and nxt.number == 3
    assert letters(f"Question 3 of {QUESTIONS}") in letters(term.output)

    term.child.kill(signal.SIGKILL)
    term.child.close(force=True)
    assert term.child.signalstatus == signal.SIGKILL

    record = read_record(home)
    assert record is not None
    assert record["status"] == "in-progress"
    first, second, third = record["questions"]
    assert first["exchanges"] and second["exchanges"] and not third["exchanges"]
    assert [ex["answer"] for ex in exchanges(record)] == given
    assert all(not ex["skipped"] for ex in exchanges(record))
    assert [ex["kind"] for ex in exchanges(record)][:2] == ["question", "follow-up"]
    assert record["scorecard"] is None
