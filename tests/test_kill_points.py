"""Fault injection over a whole typed interview: the installed `interviewer --text` in a real
terminal is killed with SIGKILL at one of ten seeded random points of a scripted interview with
follow-ups, then `interviewer resume` finishes it. Every prompt shown and every answer or draft
typed before the kill must be in the final report.

The kill points: a prompt just shown; half an answer typed (its draft on disk, which the screen
guarantees within DRAFT_SAVE_S of a keystroke); a whole answer typed and ctrl+s pressed, killed
0-0.4 s later, while it is being saved and the next prompt written. Each with a random delay.
"""

from __future__ import annotations

import json
import random
import signal
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pexpect
import pytest

from interviewer.coach.offline import OfflineCoach
from interviewer.report import render_session
from interviewer.session.engine import InterviewEngine, Prompt
from interviewer.session.library import load_record
from interviewer.session.store import SessionStore
from tests.support.terminal import (
    ANSWERS,
    CTRL_S,
    Spawned,
    Terminal,
    exchanges,
    letters,
    read_record,
    twin_engine,
    wait_for_prompt,
)

pytestmark = pytest.mark.slow

SEED = 1212
RUNS = 10
QUESTIONS = 2
SLOTS = ("shown", "half typed", "submitted")


def script_answer(n: int) -> str:
    """The scripted candidate's n-th answer (0-based, in the order asked): a weak first answer
    draws follow-ups."""
    return ANSWERS[n % len(ANSWERS)]


def norm(text: str) -> str:
    return text.replace("\r", "\n").strip()


@dataclass
class Before:
    """What the candidate saw and typed before the kill."""

    shown: list[str] = field(default_factory=list)
    typed: list[str] = field(default_factory=list)


def draft_on_disk(home: Path) -> str:
    pending = (read_record(home) or {}).get("pending") or {}
    return str(pending.get("draft") or "").strip()


def count_prompts(record: dict[str, Any]) -> int:
    engine, prompt = twin_engine(record)
    nxt: Prompt | None
    n, nxt = 0, prompt
    while nxt is not None:
        nxt = engine.submit(norm(script_answer(n)))
        n += 1
    return n


def type_draft(term: Terminal, home: Path, text: str) -> str:
    """Type without submitting, until the draft is on disk (DRAFT_SAVE_S after the last key)."""
    term.child.send(text)
    want = norm(text)
    term.wait_for(lambda: draft_on_disk(home) == want, "the draft on disk")
    return want


def submit_and_wait(term: Terminal, home: Path, rest: str) -> None:
    saved = len(exchanges(read_record(home)))
    if rest:
        term.child.send(rest)
        term.pump(0.1)
    term.child.send(CTRL_S)
    term.wait_for(lambda: len(exchanges(read_record(home))) == saved + 1, "the answer on disk")


def run_until_killed(home: Path, tmp: Path, rng: random.Random) -> tuple[Before, str]:
    term = Spawned(home, tmp, "--text", "--questions", str(QUESTIONS))
    term.wait_for(lambda: read_record(home) is not None, "the session file")
    record = read_record(home)
    assert record is not None
    twin, prompt = twin_engine(record)
    slot = rng.randrange(len(SLOTS) * count_prompts(record))
    delay = rng.uniform(0, 0.4)
    before = Before()
    nxt: Prompt | None
    n, nxt, mark = 0, prompt, 0
    where = ""
    while nxt is not None:
        wait_for_prompt(term, nxt, mark)
        before.shown.append(nxt.text)
        text = script_answer(n)
        if slot == n * 3:
            where = f"prompt {n + 1} ({nxt.kind}) just shown"
            break
        if slot == n * 3 + 1:
            before.typed.append(type_draft(term, home, text[:len(text) // 2]))
            where = f"prompt {n + 1} ({nxt.kind}) half answered"
            break
        if slot == n * 3 + 2:
            before.typed.append(type_draft(term, home, text))
            term.child.send(CTRL_S)
            where = f"prompt {n + 1} ({nxt.kind}) submitted"
            break
        mark = len(term.output)
        submit_and_wait(term, home, text)
        before.typed.append(norm(text))
        nxt = twin.submit(norm(text))
        n += 1
    else:
        pytest.fail("the kill point was past the end of the script")
    term.pump(delay)
    term.child.kill(signal.SIGKILL)
    term.child.close(force=True)
    assert term.child.signalstatus == signal.SIGKILL
    return before, f"{where}, killed {delay:.2f} s later"


def resume_to_the_end(home: Path, tmp: Path) -> None:
    killed = read_record(home)
    assert killed is not None
    twin_home = tmp / "twin"
    folder = twin_home / "sessions" / killed["id"]
    folder.mkdir(parents=True)
    (folder / "session.json").write_text(json.dumps(killed))
    twin = InterviewEngine.resume(folder, OfflineCoach(), store=SessionStore(twin_home))
    term = Spawned(home, tmp, "resume")
    n = len(exchanges(killed))
    nxt: Prompt | None = twin.prompt
    mark = 0
    while nxt is not None:
        wait_for_prompt(term, nxt, mark)
        draft = twin.draft
        text = norm(script_answer(n))
        if draft:  # typed before the kill: back in the box, the rest typed after it
            term.wait_for(lambda d=draft: letters(d) in letters(term.output), "the draft")  # type: ignore[misc]
            rest = text[len(draft):] if text.startswith(draft) else ""
            given = draft + rest
        else:
            rest = given = text
        mark = len(term.output)
        submit_and_wait(term, home, rest.replace("\n", "\r"))
        nxt = twin.submit(given)
        n += 1
        assert n <= QUESTIONS * 3
    term.wait_for(lambda: (read_record(home) or {}).get("status") == "complete", "scoring")
    term.wait_for(lambda: "Saved to" in term.output, "the scorecard screen")
    term.child.send("q")
    term.child.expect(pexpect.EOF, timeout=15)
    term.child.close()
    assert term.child.exitstatus == 0 and "Traceback" not in term.output


def lost_items(home: Path, before: Before) -> list[str]:
    """What the final report (as `interviewer report --format json` writes it) lacks."""
    folder = next((home / "sessions").iterdir())
    report = json.loads(render_session(load_record(folder).view(), "json", folder.name))
    said = [ex for q in report["questions"] for ex in q["exchanges"]]
    prompts = [ex["prompt"] for ex in said]
    answers = [ex["answer"] for ex in said]
    lost = [f"prompt: {p[:50]}" for p in before.shown if p not in prompts]
    lost += [f"typed: {t[:50]}" for t in before.typed if not any(t in a for a in answers)]
    assert report["status"] == "complete"
    return lost


@pytest.mark.timeout(900)  # ten interviews in a real terminal: 99 s on a loaded 2-core machine
def test_killed_at_ten_random_points_then_resumed(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    results = []
    for run in range(RUNS):
        tmp = tmp_path / f"run{run}"
        tmp.mkdir()
        home = tmp / "home"
        before, where = run_until_killed(home, tmp, rng)
        resume_to_the_end(home, tmp)
        lost = lost_items(home, before)
        results.append((where, len(before.shown), len(before.typed), lost))
    for i, (where, shown, typed, lost) in enumerate(results, start=1):
        print(f"run {i}: {where}: {shown} prompts shown, {typed} answers/drafts typed, "
              f"lost {len(lost)} {lost if lost else ''}")
    total = sum(len(r[3]) for r in results)
    print(f"kill points: {RUNS} runs, {total} lost items")
    assert total == 0
