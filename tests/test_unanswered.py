"""Skipped questions count: each one left unanswered scores the lowest level in the session's
overall, and the reports, the scorecard and progress say how many were answered. A real
session (engine, offline coach, files), read back by the installed `report` and `progress`."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

from interviewer.coach.offline import OfflineCoach
from interviewer.session.engine import InterviewEngine, Prompt
from interviewer.session.store import SessionStore
from tests.support.answers import strong_answer_for
from tests.support.session_factory import bank

SCRIPT = Path(sys.executable).parent / "interviewer"


def cli(home: Path, *args: str) -> str:
    env = {**os.environ, "INTERVIEWER_HOME": str(home)}
    return subprocess.run([str(SCRIPT), *args], env=env, capture_output=True, text=True,
                          timeout=60, check=True).stdout


def test_one_answered_two_skipped(home: Path) -> None:
    questions = bank().pick("mixed", 3, random.Random(5))
    engine = InterviewEngine(questions, OfflineCoach(), store=SessionStore(home))
    prompt: Prompt | None = engine.start()
    while prompt is not None and prompt.question_index == 0:
        prompt = engine.submit(strong_answer_for(questions[0]))
    while prompt is not None:
        prompt = engine.submit("", skipped=True)
    card = engine.finish()
    alone = OfflineCoach().score(engine.items[:1])  # what main reported as the session's
    assert card.overall == round((alone.overall + 1 + 1) / 3, 1) < alone.overall
    assert [q.question_id for q in card.questions] == [q.id for q in questions]
    assert [q.overall for q in card.questions][1:] == [1.0, 1.0]
    assert card.unanswered == [q.id for q in questions[1:]]

    md = cli(home, "report", "latest")
    assert f"**Overall: {card.overall:.1f} / 5**" in md
    assert "1 of 3 questions answered: each unanswered one counts as 1" in md
    report = json.loads(cli(home, "report", "latest", "--format", "json"))
    assert report["report"]["overall"] == card.overall
    assert (report["report"]["answered"], report["report"]["questions"]) == (1, 3)
    assert [q["overall"] for q in report["report"]["by_question"]][1:] == [1.0, 1.0]
    progress = json.loads(cli(home, "progress", "--format", "json"))
    assert progress["sessions"][0]["overall"] == card.overall
    assert "1 of 3 questions answered" in cli(home, "report", "latest", "--format", "html")


def test_every_question_answered_changes_nothing(home: Path) -> None:
    questions = bank().pick("mixed", 2, random.Random(5))
    engine = InterviewEngine(questions, OfflineCoach(), store=SessionStore(home))
    prompt: Prompt | None = engine.start()
    while prompt is not None:
        prompt = engine.submit(strong_answer_for(questions[prompt.question_index]))
    card = engine.finish()
    assert card.unanswered == [] and card.unanswered_note == ""
    assert card.overall == OfflineCoach().score(engine.items).overall
