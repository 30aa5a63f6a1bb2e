"""Fault injection over a voice interview: the installed `interviewer` answering aloud on the
virtual microphone (real tiny.en), killed with SIGKILL at three seeded random points (a prompt
just shown, an answer being spoken, an answer just ended and being transcribed), then resumed
(typed) and finished. Every prompt shown, every answer given and the answer being spoken at the
kill are in the final report."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import time
from pathlib import Path

import numpy as np
import pexpect
import pytest

from interviewer.coach.offline import OfflineCoach
from interviewer.report import render_session
from interviewer.session.engine import InterviewEngine, Prompt
from interviewer.session.library import load_record
from interviewer.session.store import SessionStore
from interviewer.speech.audio import SAMPLE_RATE, load_audio
from tests.support.audio_files import AUDIO_FIXTURES
from tests.support.terminal import (
    ANSWERS,
    ResumedTerminal,
    Spawned,
    exchanges,
    letters,
    read_record,
    twin_engine,
    wait_for_prompt,
)
from tests.support.terminal import answer as type_answer
from tests.support.virtmic import Feeder

pytestmark = pytest.mark.slow

SEED = 31
RUNS = 3
CTRL_N = "\x0e"
POINTS = [("question 1", "recording"), ("question 1", "ended"), ("after question 1", "shown"),
          ("question 2", "shown"), ("question 2", "recording"), ("question 2", "ended")]
"""(which prompt, phase): the script speaks each question's answer and skips (ctrl+n) any
follow-up; "after question 1" is whatever its answer led to (a follow-up, or question 2)."""


def speech(name: str) -> np.ndarray:
    said = load_audio(AUDIO_FIXTURES / name)[: 8 * SAMPLE_RATE]
    return np.concatenate((said, np.zeros(3 * SAMPLE_RATE, np.float32)))  # silence ends it


def names(n: int, prompt_kind: str, number: int) -> set[str]:
    """What the n-th prompt of the script is called in POINTS."""
    out = {f"question {number}"} if prompt_kind == "question" else set()
    return out | ({"after question 1"} if n == 1 else set())


def run_until_killed(home: Path, tmp: Path, fifo: Path, rng: random.Random,
                     point: tuple[str, str]) -> tuple[list[str], list[str], str, str]:
    env = {"INTERVIEWER_MODE": "voice", "INTERVIEWER_SILENCE_END_S": "1.5"}
    os.environ.update(env)
    try:
        term = Spawned(home, tmp, "--questions", "2", "--no-speak")
    finally:
        for key in env:
            os.environ.pop(key)
    shown: list[str] = []
    given: list[str] = []
    speaking = ""
    feed: Feeder | None = None
    try:
        term.wait_for(lambda: "Speechmodelready" in letters(term.output), "the model",
                      timeout=90)
        term.child.send("\r")
        term.wait_for(lambda: read_record(home) is not None, "the session file")
        record = read_record(home)
        assert record is not None and record["mode"] == "voice"
        twin, prompt = twin_engine(record)
        nxt: Prompt | None
        n, nxt, mark = 0, prompt, 0
        where = ""
        while True:
            assert nxt is not None, "the kill point was past the end of the script"
            wait_for_prompt(term, nxt, mark)
            shown.append(nxt.text)
            saved = len(exchanges(read_record(home)))
            mark = len(term.output)
            called = names(n, nxt.kind, nxt.number)
            target, phase = point
            if target in called and phase == "shown":
                term.pump(rng.uniform(0, 0.5))
                where = f"prompt {n + 1} ({nxt.kind}) just shown"
                break
            if nxt.kind == "follow-up":
                term.child.send(CTRL_N)
                term.wait_for(lambda s=saved: len(exchanges(read_record(home))) == s + 1,  # type: ignore[misc]
                              "the skip")
                nxt = twin.submit("", skipped=True)
                n += 1
                continue
            term.child.send(" ")
            term.wait_for(lambda m=mark: "Listening" in term.output[m:], "the recording")  # type: ignore[misc]
            feed = Feeder(fifo, speech("weak.wav" if nxt.number == 1 else "medium.flac"))
            if target in called and phase == "recording":
                after = rng.uniform(3, 6)
                term.wait_for(lambda a=after, f=feed: f.seconds >= a,  # type: ignore[misc]
                              "some of the answer spoken", timeout=60)
                speaking, where = nxt.text, f"prompt {n + 1} spoken for {after:.1f} s"
                break
            if target in called and phase == "ended":
                term.wait_for(lambda f=feed: not f.thread.is_alive(), "the answer spoken",  # type: ignore[misc]
                              timeout=60)
                delay = rng.uniform(0, 2.0)
                term.pump(delay)
                speaking, where = nxt.text, f"prompt {n + 1} ended, killed {delay:.2f} s later"
                break
            term.wait_for(lambda s=saved: len(exchanges(read_record(home))) == s + 1,  # type: ignore[misc]
                          "the spoken answer", timeout=90)
            feed.stop.set()
            answer = exchanges(read_record(home))[-1]["answer"]
            given.append(answer)
            nxt = twin.submit(answer)
            n += 1
        term.child.kill(signal.SIGKILL)
        term.child.close(force=True)
    finally:
        if feed is not None:
            feed.stop.set()
            feed.thread.join(5)
        if term.child.isalive():
            term.child.kill(signal.SIGKILL)
    return shown, given, speaking, where


def resume_to_the_end(home: Path, tmp: Path) -> None:
    folder = next((home / "sessions").iterdir())
    twin_folder = tmp / "twin" / "sessions" / folder.name
    shutil.copytree(folder, twin_folder)
    twin = InterviewEngine.resume(twin_folder, OfflineCoach(), store=SessionStore(tmp / "twin"))
    term = ResumedTerminal(home, tmp)
    try:
        nxt = twin.prompt
        if nxt is not None:
            wait_for_prompt(term, nxt, 0)
        typed = 0
        while nxt is not None:
            draft = twin.draft
            assert not draft  # spoken answers have no typed draft
            nxt = type_answer(term, home, twin, ANSWERS[(typed + 1) % len(ANSWERS)])
            typed += 1
            assert typed <= 6
        term.wait_for(lambda: (read_record(home) or {}).get("status") == "complete",
                      "the scorecard", timeout=120)
        term.wait_for(lambda: "Saved to" in term.output, "the scorecard screen")
        term.child.send("q")
        term.child.expect(pexpect.EOF, timeout=15)
        term.child.close()
    finally:
        if term.child.isalive():
            term.child.kill(signal.SIGKILL)
    assert term.child.exitstatus == 0 and "Traceback" not in term.output


def lost_items(home: Path, shown: list[str], given: list[str], speaking: str) -> list[str]:
    folder = next((home / "sessions").iterdir())
    report = json.loads(render_session(load_record(folder).view(), "json", folder.name))
    assert report["status"] == "complete"
    said = [ex for q in report["questions"] for ex in q["exchanges"]]
    lost = [f"prompt: {p[:50]}" for p in shown if p not in [ex["prompt"] for ex in said]]
    lost += [f"answer: {a[:50]}" for a in given if a not in [ex["answer"] for ex in said]]
    if speaking and not any(ex["prompt"] == speaking and len(ex["answer"].split()) >= 5
                            for ex in said):
        lost.append(f"the answer being spoken to: {speaking[:50]}")
    return lost


@pytest.mark.timeout(900)  # three spoken interviews, real model: 89 s on a loaded machine
def test_a_voice_interview_killed_at_three_random_points(tmp_path: Path,
                                                         virtmic_fifo: Path) -> None:
    rng = random.Random(SEED)
    results = []
    for run, point in enumerate(rng.sample(POINTS, RUNS)):
        tmp = tmp_path / f"run{run}"
        tmp.mkdir()
        home = tmp / "home"
        started = time.monotonic()
        shown, given, speaking, where = run_until_killed(home, tmp, virtmic_fifo, rng, point)
        resume_to_the_end(home, tmp)
        lost = lost_items(home, shown, given, speaking)
        results.append((where, len(shown), len(given), lost, time.monotonic() - started))
    for i, (where, n_shown, n_given, lost, took) in enumerate(results, start=1):
        print(f"voice run {i}: {where}: {n_shown} prompts shown, {n_given} answers given, "
              f"lost {len(lost)} {lost if lost else ''} ({took:.0f} s)")
    total = sum(len(r[3]) for r in results)
    print(f"voice kill points: {RUNS} runs, {total} lost items")
    assert total == 0
