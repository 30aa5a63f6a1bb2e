"""Resuming an interrupted session: in-process with the engine, then the installed command in a
real terminal, killed with SIGKILL during the second question and resumed to the end."""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

import pexpect
import pytest

from interviewer.coach.offline import OfflineCoach
from interviewer.session.engine import InterviewEngine, Prompt
from interviewer.session.library import DamagedSessionError
from interviewer.session.store import SessionStore
from tests.support.session_factory import GOOD, WEAK, StepClock, make_session, saved_record
from tests.support.terminal import (
    ANSWERS,
    QUESTIONS,
    SCRIPT,
    ResumedTerminal,
    answers_of,
    exchanges,
    letters,
    read_record,
    start,
    wait_for_prompt,
)
from tests.support.terminal import answer as type_answer

FOLLOW_UP = "Retention, via an A/B test."


def test_resume_continues_in_the_same_folder_from_the_next_question(home: Path) -> None:
    folder = make_session(home, [WEAK, FOLLOW_UP, FOLLOW_UP], count=3, stop_after=3)
    before = saved_record(folder)
    first = before["questions"][0]["exchanges"]
    assert [ex["kind"] for ex in first] == ["question", "follow-up", "follow-up"]
    assert not before["questions"][1]["exchanges"]

    engine = InterviewEngine.resume(folder, OfflineCoach(), store=SessionStore(home),
                                    clock=StepClock())
    assert engine.folder == folder
    assert engine.prompt is not None and engine.prompt.kind == "question"
    assert engine.prompt.number == 2 and engine.prompt.question_total == 3
    assert engine.prompt.text == before["questions"][1]["question"]["prompt"]
    assert engine.items[0].answers == [WEAK, FOLLOW_UP, FOLLOW_UP]
    assert [f.text for f in engine.items[0].follow_ups] == [ex["prompt"] for ex in first[1:]]
    on_disk = saved_record(folder)
    assert on_disk["status"] == "in-progress"
    assert on_disk["resumed"][0]["from_question"] == 2

    given = [WEAK, FOLLOW_UP, FOLLOW_UP]
    prompt: Prompt | None = engine.prompt
    while prompt is not None:
        prompt = engine.submit(GOOD)
        given.append(GOOD)
    card = engine.finish()
    record = saved_record(folder)
    assert record["status"] == "complete" and record["id"] == before["id"]
    assert answers_of(record) == given
    assert record["created_at"] == before["created_at"]
    assert record["scorecard"]["overall"] == card.overall
    assert sorted(p.name for p in (home / "sessions").iterdir()) == [folder.name]


def test_resume_a_quit_session_and_one_killed_while_scoring(home: Path) -> None:
    quit_folder = make_session(home, [GOOD], count=2, stop_after=1, quit=True)
    pending = saved_record(quit_folder)["pending"]  # on screen when it was quit
    engine = InterviewEngine.resume(quit_folder, OfflineCoach(), store=SessionStore(home))
    assert saved_record(quit_folder)["resumed"][0]["status_was"] == "quit"
    assert engine.prompt is not None and engine.prompt.text == pending["prompt"]
    assert engine.prompt.number == pending["question"]

    # Every question answered, the scorecard never written (killed while scoring).
    folder = make_session(home, [GOOD], count=2, finish=False)
    engine = InterviewEngine.resume(folder, OfflineCoach(), store=SessionStore(home))
    assert engine.prompt is None and engine.needs_scoring
    engine.finish()
    assert saved_record(folder)["status"] == "complete"


def test_resume_refuses_complete_and_damaged_sessions(home: Path) -> None:
    done = make_session(home, [GOOD], count=1)
    with pytest.raises(ValueError, match="already complete"):
        InterviewEngine.resume(done, OfflineCoach(), store=SessionStore(home))
    broken = make_session(home, [GOOD], count=2, stop_after=1)
    (broken / "session.json").write_text('{"status": "in-progress", "questions": [')
    with pytest.raises(DamagedSessionError, match="not valid JSON"):
        InterviewEngine.resume(broken, OfflineCoach(), store=SessionStore(home))


def test_resume_command_explains_what_it_cannot_do(home: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    from interviewer.cli import main

    assert main(["resume"]) == 2
    assert "no unfinished session to resume" in capsys.readouterr().err
    done = make_session(home, [GOOD], count=1)
    assert main(["resume", done.name]) == 2
    assert "already complete" in capsys.readouterr().err
    broken = make_session(home, [GOOD], count=2, stop_after=1)
    (broken / "session.json").write_text("{")
    assert main(["resume", broken.name]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"interviewer: session {broken.name} is damaged: ")
    assert "Traceback" not in err


# -- the real thing: SIGKILL, then `interviewer resume`, in a pseudo-terminal --------------------
@pytest.mark.slow
def test_killed_during_the_second_question_then_resumed_to_the_end(tmp_path: Path) -> None:
    home = tmp_path / "home"
    term, engine, prompt = start(home, tmp_path)
    given: list[str] = []
    nxt: Prompt | None = prompt
    while nxt is not None and nxt.question_index < 1:
        text = ANSWERS[len(given) % len(ANSWERS)]
        nxt = type_answer(term, home, engine, text)
        given.append(text.replace("\r", "\n"))
    assert nxt is not None and nxt.kind == "question" and nxt.number == 2
    # Half an answer typed, never submitted: the kill loses only that.
    term.child.send("I would start with")
    term.pump(0.2)
    term.child.kill(signal.SIGKILL)
    term.child.close(force=True)
    assert term.child.signalstatus == signal.SIGKILL
    killed = read_record(home)
    assert killed is not None and killed["status"] == "in-progress"
    assert [ex["answer"] for ex in exchanges(killed)] == given
    folder = next((home / "sessions").iterdir())

    resumed = ResumedTerminal(home, tmp_path)
    # The twin engine is resumed from a copy of the record, so it asks what the app asks.
    twin_home = tmp_path / "twin"
    (twin_home / "sessions" / folder.name).mkdir(parents=True)
    (twin_home / "sessions" / folder.name / "session.json").write_text(json.dumps(killed))
    twin = InterviewEngine.resume(twin_home / "sessions" / folder.name, OfflineCoach(),
                                  store=SessionStore(twin_home))
    assert twin.prompt is not None and twin.prompt.number == 2
    wait_for_prompt(resumed, twin.prompt, 0)
    assert letters(f"Question 2 of {QUESTIONS}") in letters(resumed.output)
    # The answers given before the kill are shown above the prompt.
    assert letters(given[0])[:40] in letters(resumed.output)
    nxt = twin.prompt
    while nxt is not None:
        text = ANSWERS[len(given) % len(ANSWERS)]
        nxt = type_answer(resumed, home, twin, text)
        given.append(text.replace("\r", "\n"))
        assert len(given) <= QUESTIONS * 3
    resumed.wait_for(lambda: (read_record(home) or {}).get("status") == "complete",
                     "the scorecard")
    resumed.wait_for(lambda: "Saved to" in resumed.output, "the scorecard screen")
    resumed.child.send("q")
    resumed.child.expect(pexpect.EOF, timeout=15)
    resumed.child.close()
    assert resumed.child.exitstatus == 0, resumed.output[-2000:]
    assert "Traceback" not in resumed.output

    record = read_record(home)
    assert record is not None
    assert [p.name for p in (home / "sessions").iterdir()] == [folder.name]
    assert answers_of(record) == given
    assert [ex["kind"] for ex in exchanges(record)].count("question") == QUESTIONS
    assert record["resumed"][0]["from_question"] == 2

    # ... and the report holds every answer given, before and after the kill.
    import subprocess

    env = {**os.environ, "INTERVIEWER_HOME": str(home),
           "INTERVIEWER_CONFIG": str(tmp_path / "no-config.toml")}
    done = subprocess.run([str(SCRIPT), "report", "latest", "--format", "json"], env=env,
                          capture_output=True, text=True, timeout=60, check=True)
    report = json.loads(done.stdout)
    assert answers_of(report) == given
    assert report["report"]["answered"] == QUESTIONS
    md = subprocess.run([str(SCRIPT), "report", folder.name], env=env, capture_output=True,
                        text=True, timeout=60, check=True).stdout
    for text in given:
        for line in text.splitlines():
            assert line in md.replace("\\", ""), line
