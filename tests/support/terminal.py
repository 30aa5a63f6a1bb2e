"""The installed `interviewer` in a real pseudo-terminal, driven by keystrokes.

Textual's output is full of escape codes, so progress is read from what matters: the session
file on disk. A twin `InterviewEngine` (same questions, same offline coach, no store) is fed the
same answers, so a test knows whether a follow-up or the next question is on screen without
parsing it.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pexpect
import pytest

from interviewer.banks import load_banks
from interviewer.coach.offline import OfflineCoach
from interviewer.session.engine import InterviewEngine, Prompt
from tests.support.waiting import Deadline, WaitTimeout, wait_until

SCRIPT = Path(sys.executable).parent / "interviewer"
CTRL_S = "\x13"
QUESTIONS = 3
ANSWERS = [
    "I'd train a bigger model.",
    # Enter in the answer box is a new line, not a submit.
    "First the user: new shoppers who churn.\rI'd measure 7-day retention, with latency and "
    "cost guardrails, then run an A/B test with a staged rollout.",
    "Trade-off: accuracy versus latency; I'd pick latency because users wait. Options ranked by "
    "impact and effort, first step a small MVP. In summary: users, metric, plan.",
    "It should grow revenue and cut support cost; if retention drops we roll back.",
]


class Terminal:
    """A spawned `interviewer` whose output is drained continuously (a full pty would block it)."""

    def __init__(self, home: Path, tmp: Path) -> None:
        if not SCRIPT.exists():
            pytest.fail(f"{SCRIPT} is missing: run `.venv/bin/pip install -e .` first")
        env = {**os.environ, "TERM": "xterm-256color", "INTERVIEWER_HOME": str(home),
               "INTERVIEWER_CONFIG": str(tmp / "no-config.toml"), "COLUMNS": "100",
               "LINES": "34"}
        self.child = pexpect.spawn(str(SCRIPT), ["--text", "--questions", str(QUESTIONS)],
                                   env=env, dimensions=(34, 100), encoding="utf-8",
                                   codec_errors="replace", timeout=15)
        self.output = ""

    def pump(self, seconds: float = 0.05) -> None:
        with contextlib.suppress(pexpect.TIMEOUT):
            self.output += self.child.read_nonblocking(65536, timeout=seconds)

    def wait_for(self, condition: Callable[[], bool], what: str, timeout: float = 20.0) -> None:
        """`wait_until` draining the output between checks, failing at once if it exits."""
        def pump_while_alive() -> None:
            if not self.child.isalive():
                self.pump()
                raise AssertionError(f"interviewer exited while waiting for {what}:\n"
                                     f"{self.output[-2000:]}")
            self.pump()

        wait_until(condition, what, timeout, step=pump_while_alive)


ANSI = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][A-Z0-9]|.)")


def letters(text: str) -> str:
    """Screen output reduced to letters and digits: escape codes, borders and wrapping gone."""
    return re.sub(r"[^A-Za-z0-9]", "", ANSI.sub("", text))


def wait_for_prompt(term: Terminal, prompt: Prompt, since: int) -> None:
    """Like a candidate, wait to see the next prompt before typing (keys sent while the
    interviewer is still thinking are not taken)."""
    wanted = letters(prompt.text)
    term.wait_for(lambda: wanted in letters(term.output[since:]), f"{prompt.kind} on screen")


def session_file(home: Path) -> Path | None:
    found = sorted((home / "sessions").glob("*/session.json"))
    assert len(found) <= 1, found
    return found[0] if found else None


def read_record(home: Path) -> dict[str, Any] | None:
    path = session_file(home)
    if path is None:
        return None
    # Never half-written: the store renames a complete file into place.
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def exchanges(record: dict[str, Any] | None) -> list[dict[str, Any]]:
    if record is None:
        return []
    return [ex for q in record["questions"] for ex in q["exchanges"]]


def twin_engine(record: dict[str, Any]) -> tuple[InterviewEngine, Prompt]:
    """The same interview, replayed in-process, to know what the app will ask next."""
    bank = load_banks()
    questions = [bank.by_id(q["question"]["id"]) for q in record["questions"]]
    engine = InterviewEngine(questions, OfflineCoach())
    return engine, engine.start()


def start(home: Path, tmp: Path) -> tuple[Terminal, InterviewEngine, Prompt]:
    term = Terminal(home, tmp)
    term.wait_for(lambda: read_record(home) is not None, "the session file")
    record = read_record(home)
    assert record is not None and record["status"] == "in-progress"
    assert len(record["questions"]) == QUESTIONS
    engine, prompt = twin_engine(record)
    wait_for_prompt(term, prompt, 0)
    return term, engine, prompt


def answer(term: Terminal, home: Path, engine: InterviewEngine, text: str) -> Prompt | None:
    """Type and submit one answer, wait until it is on disk; return what the app asks next."""
    saved = len(exchanges(read_record(home)))
    # A streamed follow-up is on screen a moment before the answer box unlocks (later under
    # load): keys sent in that moment are not taken, so type again, as a candidate would.
    start, shown = len(term.output), letters(text)[:15]
    deadline = Deadline(20, "the typed answer on screen")
    while True:
        term.child.send(text)
        try:
            term.wait_for(lambda: shown in letters(term.output[start:]), "the typed answer",
                          timeout=5)
            break
        except WaitTimeout:
            deadline.check()
    mark = len(term.output)
    term.child.send(CTRL_S)
    term.wait_for(lambda: len(exchanges(read_record(home))) == saved + 1, "the answer on disk")
    nxt = engine.submit(text.replace("\r", "\n"))
    if nxt is not None:
        wait_for_prompt(term, nxt, mark)
    return nxt


def answers_of(record: dict[str, Any]) -> list[str]:
    return [ex["answer"] for q in record["questions"] for ex in q["exchanges"]]


class ResumedTerminal(Terminal):
    """`interviewer resume` in a pty, like `Terminal` spawns `interviewer --text`."""

    def __init__(self, home: Path, tmp: Path) -> None:
        env = {**os.environ, "TERM": "xterm-256color", "INTERVIEWER_HOME": str(home),
               "INTERVIEWER_CONFIG": str(tmp / "no-config.toml"), "COLUMNS": "100",
               "LINES": "34"}
        self.child = pexpect.spawn(str(SCRIPT), ["resume"], env=env, dimensions=(34, 100),
                                   encoding="utf-8", codec_errors="replace", timeout=15)
        self.output = ""


class Spawned(Terminal):
    """`interviewer ARGS` in a pty, drained like `Terminal`."""

    def __init__(self, home: Path, tmp: Path, *args: str) -> None:
        env = {**os.environ, "TERM": "xterm-256color", "INTERVIEWER_HOME": str(home),
               "INTERVIEWER_CONFIG": str(tmp / "no-config.toml"), "COLUMNS": "100",
               "LINES": "34"}
        self.child = pexpect.spawn(str(SCRIPT), list(args), env=env, dimensions=(34, 100),
                                   encoding="utf-8", codec_errors="replace", timeout=15)
        self.output = ""
