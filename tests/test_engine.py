"""The interview engine and its session file: driven here exactly as the UI drives it."""

from __future__ import annotations

import json
import random
import stat
from pathlib import Path
from typing import Any

import pytest

from interviewer import __version__
from interviewer.banks import QuestionBank
from interviewer.coach.offline import OfflineCoach
from interviewer.session.engine import InterviewEngine, Phase, Prompt
from interviewer.session.store import SessionStore, default_home

WEAK = "I would retrain the ranking model with a bigger transformer for more accuracy."
STRONG = (
    "I'd focus on casual viewers because they churn first. The north star is weekly minutes "
    "watched per active user, with latency and cost per request as guardrails, tracked on a "
    "dashboard against a baseline. The trade-off is relevance versus freshness and privacy "
    "versus personalization: I'd accept a small click-through dip for exploration. Of the "
    "options, I'd rank by impact and effort and start with an MVP that demotes ignored titles. "
    "I'd validate offline, then A/B test on five percent of users and roll back if minutes drop. "
    "This moves retention and revenue. To summarize: casual viewers, minutes, a staged test."
)

STRONG_SEARCH = (
    "I'd target exploratory queries like running shoes for flat feet, because that's where "
    "shoppers struggle and leave for review sites. The north star is search-to-purchase "
    "conversion on those queries, with latency, cost per query and return rate as guardrails. "
    "I'd favour trust over coverage: ground answers in our catalog and show nothing at low "
    "confidence, because one wrong spec costs more than a missing answer. I'd validate on a "
    "golden set of graded queries, then A/B test on five percent of search traffic for two "
    "weeks, and ship only if conversion rises with returns flat. If it doesn't, better filters "
    "might do the job without a model."
)


class Clock:
    def __init__(self) -> None:
        self.t = 100.0

    def __call__(self) -> float:
        return self.t


def make(bank: QuestionBank, tmp_path: Path, clock: Clock | None = None,
         n: int = 2) -> InterviewEngine:
    questions = [bank.by_id("rec-stale-feed"), bank.by_id("search-ai-answers")][:n]
    return InterviewEngine(questions, OfflineCoach(), store=SessionStore(tmp_path),
                           track="mixed", minutes_per_answer=1.0, clock=clock or Clock())


def saved(engine: InterviewEngine) -> dict[str, Any]:
    assert engine.folder is not None
    data: dict[str, Any] = json.loads((engine.folder / "session.json").read_text())
    return data


def test_whole_interview_with_follow_ups_and_timings(bank: QuestionBank, tmp_path: Path) -> None:
    clock = Clock()
    engine = make(bank, tmp_path, clock)
    prompt: Prompt | None = engine.start()
    assert prompt is not None
    assert prompt.kind == "question" and prompt.number == 1 and prompt.question_total == 2
    assert saved(engine)["status"] == "in-progress"
    clock.t += 75
    prompt = engine.submit(WEAK)
    assert prompt is not None and prompt.kind == "follow-up" and prompt.number == 1
    record = saved(engine)
    first = record["questions"][0]["exchanges"][0]
    assert first["answer"] == WEAK and first["seconds"] == 75 and first["over_time"] is True
    follow_ups = 0
    while prompt is not None and prompt.kind == "follow-up":
        follow_ups += 1
        prompt = engine.submit("I am not sure, maybe more data for the model.")
    assert 1 <= follow_ups <= 2
    assert prompt is not None and prompt.kind == "question" and prompt.number == 2
    prompt = engine.submit(STRONG_SEARCH)
    # A strong answer gets one harder probe, on its own decision, and no more.
    assert prompt is not None and prompt.kind == "follow-up" and prompt.text.startswith("You said")
    assert engine.submit("I'd still ship it, but only on exploratory queries.") is None
    card = engine.finish()
    record = saved(engine)
    assert record["status"] == "complete" and engine.phase is Phase.FINISHED
    assert record["scorecard"]["overall"] == card.overall
    assert record["coach"] == "offline" and record["app_version"] == __version__
    assert [q["question"]["id"] for q in record["questions"]] == ["rec-stale-feed",
                                                                   "search-ai-answers"]
    exchanges = record["questions"][0]["exchanges"]
    assert [e["kind"] for e in exchanges][1:] == ["follow-up"] * follow_ups
    assert all(e["probe_dimension"] for e in exchanges[1:])
    assert card.questions[1].overall > card.questions[0].overall


def test_every_answer_is_on_disk_before_the_next_prompt(bank: QuestionBank,
                                                          tmp_path: Path) -> None:
    engine = make(bank, tmp_path)
    engine.start()
    engine.submit("First answer about feed freshness for viewers.")
    answers = [e["answer"] for e in saved(engine)["questions"][0]["exchanges"]]
    assert answers == ["First answer about feed freshness for viewers."]


def test_word_timestamps_found_after_the_answer_amend_its_delivery(bank: QuestionBank,
                                                                   tmp_path: Path) -> None:
    engine = make(bank, tmp_path)
    engine.start()
    text = "Um I would start with the users. Then the metrics."
    wordless: list[dict[str, Any]] = [
        {"start": 0.0, "end": 2.0, "text": "Um I would start with the users."},
        {"start": 3.0, "end": 4.5, "text": "Then the metrics."}]
    engine.submit(text, segments=wordless)
    assert "delivery" not in saved(engine)["questions"][0]["exchanges"][0]
    words = [(0.0, 0.2, "Um"), (0.3, 0.4, "I"), (0.4, 0.6, "would"), (0.6, 0.9, "start"),
             (0.9, 1.1, "with"), (1.1, 1.3, "the"), (1.3, 2.0, "users."), (3.0, 3.4, "Then"),
             (3.4, 3.6, "the"), (3.6, 4.5, "metrics.")]
    timed = [dict(seg, words=[{"start": a, "end": b, "word": w, "probability": 0.9}
                              for a, b, w in words if seg["start"] <= a < seg["end"]])
             for seg in wordless]
    engine.amend_segments(0, 0, timed)
    exchange = saved(engine)["questions"][0]["exchanges"][0]
    assert exchange["answer"] == text  # what the coach heard is not changed
    assert [w["word"] for s in exchange["segments"] for w in s["words"]][-1] == "metrics."
    assert exchange["delivery"]["words"] == 10 and exchange["delivery"]["fillers"] == 1


def test_empty_answer_is_a_skip_without_follow_up(bank: QuestionBank, tmp_path: Path) -> None:
    engine = make(bank, tmp_path)
    engine.start()
    nxt = engine.submit("   ", skipped=True)
    assert nxt is not None and nxt.kind == "question" and nxt.number == 2
    assert saved(engine)["questions"][0]["exchanges"][0]["skipped"] is True


def test_quit_keeps_what_was_answered(bank: QuestionBank, tmp_path: Path) -> None:
    engine = make(bank, tmp_path)
    engine.start()
    engine.submit(WEAK)
    engine.quit()
    record = saved(engine)
    assert record["status"] == "quit"
    assert record["questions"][0]["exchanges"][0]["answer"] == WEAK


def test_session_folder_and_file_are_private(bank: QuestionBank, tmp_path: Path) -> None:
    engine = make(bank, tmp_path)
    engine.start()
    assert engine.folder is not None
    assert stat.S_IMODE(engine.folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((tmp_path / "sessions").stat().st_mode) == 0o700
    assert stat.S_IMODE((engine.folder / "session.json").stat().st_mode) == 0o600
    assert not [p for p in engine.folder.iterdir() if p.name.startswith(".")]  # no temp left


def test_interviewer_home_overrides_the_data_dir(home: Path) -> None:
    assert default_home() == home


def test_engine_refuses_out_of_order_calls(bank: QuestionBank, tmp_path: Path) -> None:
    engine = make(bank, tmp_path, n=1)
    with pytest.raises(RuntimeError):
        engine.submit("too early")
    engine.start()
    with pytest.raises(RuntimeError):
        engine.start()


def test_sessions_are_listed_in_order(bank: QuestionBank, tmp_path: Path) -> None:
    store = SessionStore(tmp_path)
    a = store.new_folder("recommendations")
    b = store.new_folder("recommendations")
    store.save(a, {"n": 1})
    store.save(b, {"n": 2})
    assert a != b and store.list_folders() == [a, b]
    assert store.load(b) == {"n": 2}


def test_mixed_interview_draws_from_several_tracks(bank: QuestionBank, tmp_path: Path) -> None:
    questions = bank.pick("mixed", 3, random.Random(7))
    engine = InterviewEngine(questions, OfflineCoach(), store=SessionStore(tmp_path))
    assert engine.start().question.id == questions[0].id
