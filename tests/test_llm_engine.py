"""Whole interviews on the engine with the LLM coach on loopback, healthy and under every fault.

Each fault of the issue is injected at a follow-up and at the scorecard: the interview always
completes with a scorecard, and session.json records which coach produced each follow-up and the
scorecard, the one-line notice of every fallback, and the follow-up latencies.
"""

from __future__ import annotations

import json
import logging
import time
from pathlib import Path
from typing import Any

import pytest

from interviewer.banks import QuestionBank
from interviewer.coach.factory import make_coach
from interviewer.coach.fallback import FallbackCoach
from interviewer.config import Settings
from interviewer.secret import Secret
from interviewer.session.engine import InterviewEngine, Prompt
from interviewer.session.store import SessionStore
from tests.support.llm_server import FOLLOW_UP, SCORECARD, LLMServer, closed_port_url, rate_limited

KEY = "sk-test-SECRET-DO-NOT-LEAK-1234"
WEAK = "I would retrain the ranking model with a bigger transformer for more accuracy."
FOLLOW = "I would look at minutes watched, and maybe run a test on some users."
STRONG = (
    "I'd focus on casual viewers because they churn first. The north star is weekly minutes "
    "watched per active user, with latency and cost per request as guardrails. I'd validate "
    "offline, then A/B test on five percent of users and roll back if minutes drop."
)
TIMEOUT = 1.5


def settings(url: str, home: Path, timeout: float = TIMEOUT) -> Settings:
    return Settings(home=home, coach="llm", llm_base_url=url, llm_model="test-model",
                    llm_api_key=Secret(KEY), llm_timeout=timeout, llm_max_retries=2)


def interview(bank: QuestionBank, home: Path, url: str,
              texts: list[str] | None = None) -> tuple[InterviewEngine, dict[str, Any]]:
    coach, notice = make_coach(settings(url, home))
    assert isinstance(coach, FallbackCoach) and notice is None
    streamed: list[str] = texts if texts is not None else []
    engine = InterviewEngine([bank.by_id("rec-stale-feed"), bank.by_id("search-ai-answers")],
                             coach, store=SessionStore(home), on_follow_up_text=streamed.append)
    prompt: Prompt | None = engine.start()
    answers = iter([WEAK, FOLLOW, FOLLOW, STRONG, FOLLOW, FOLLOW])
    while prompt is not None:
        prompt = engine.submit(next(answers))
    engine.finish()
    assert engine.folder is not None
    return engine, json.loads((engine.folder / "session.json").read_text())


def follow_up_exchanges(record: dict[str, Any]) -> list[dict[str, Any]]:
    return [e for q in record["questions"] for e in q["exchanges"] if e["kind"] == "follow-up"]


def test_a_whole_interview_with_llm_follow_ups_and_scorecard(bank: QuestionBank, tmp_path: Path,
                                                             llm_server: LLMServer) -> None:
    streamed: list[str] = []
    engine, record = interview(bank, tmp_path, llm_server.base_url, streamed)
    assert record["status"] == "complete" and record["coach"] == "llm:test-model"
    follows = follow_up_exchanges(record)
    assert len(follows) == 4  # two per question: the fake model always probes
    assert {e["coach"] for e in follows} == {"llm:test-model"}
    assert all(e["prompt"].startswith('You said "') for e in follows)
    stressed = {d for q in engine.questions for d in q.dimensions}
    assert all(e["probe_dimension"] in stressed for e in follows)
    for e in follows:
        assert 0 <= e["follow_up_latency_s"] <= e["follow_up_ready_s"] < TIMEOUT
    assert record["scorecard"]["coach"] == "llm:test-model"
    assert record["scorecard"]["dropped_quotes"] == 0 and record["notices"] == []
    assert record["scorecard_seconds"] < TIMEOUT
    assert streamed and streamed[-1] == follows[-1]["prompt"]
    assert len(llm_server.of_kind(FOLLOW_UP)) == 4 and len(llm_server.of_kind(SCORECARD)) == 1
    # The follow-up's text in the scorecard request, the answers fenced as data
    assert follows[0]["prompt"] in llm_server.of_kind(SCORECARD)[0].user


FAULTS = [
    # fault, times in a row, coach expected to produce the step
    ("429", 1, "llm"),
    ("500", 1, "llm"),
    ("503", 3, "offline"),  # 1 try + 2 retries, all failing
    ("timeout", 1, "offline"),  # the step's deadline is spent
    ("dropped", 1, "llm"),
    ("empty", 1, "llm"),  # repaired
    ("empty", 2, "offline"),
    ("malformed", 1, "llm"),
    ("malformed", 2, "offline"),
    ("schema", 2, "offline"),
    ("length", 1, "llm"),
    ("length", 2, "offline"),
]


@pytest.mark.parametrize(("fault", "times", "producer"), FAULTS,
                         ids=[f"{f}x{n}" for f, n, _ in FAULTS])
def test_every_fault_still_ends_with_a_scorecard(bank: QuestionBank, tmp_path: Path,
                                                 llm_server: LLMServer, fault: str, times: int,
                                                 producer: str) -> None:
    follow_fault = "malformed" if fault == "schema" else fault  # a follow-up is text, not JSON
    llm_server.script(FOLLOW_UP, *[follow_fault] * times)
    llm_server.script(SCORECARD, *[fault] * times)
    start = time.monotonic()
    engine, record = interview(bank, tmp_path, llm_server.base_url)
    assert time.monotonic() - start < 2 * TIMEOUT + 2
    assert record["status"] == "complete" and record["scorecard"] is not None
    expected = "llm:test-model" if producer == "llm" else "offline"
    first = follow_up_exchanges(record)[0]
    assert first["coach"] == expected
    assert record["scorecard"]["coach"] == expected
    if producer == "offline":
        steps = [n["step"] for n in record["notices"]]
        assert steps == ["follow-up", "scorecard"]
        assert first["coach_notice"].startswith("LLM coach: ")
        assert "the offline coach wrote the scorecard" in record["notices"][1]["text"]
        assert engine.last_notice == record["notices"][1]["text"]
        assert all("\n" not in n["text"] for n in record["notices"])
        # The next follow-ups went back to the LLM: one failure is not a broken endpoint.
        assert follow_up_exchanges(record)[1]["coach"] == "llm:test-model"
    else:
        assert record["notices"] == [] and engine.last_notice is None


def test_a_refused_connection_and_a_long_rate_limit(bank: QuestionBank, tmp_path: Path,
                                                    llm_server: LLMServer) -> None:
    _, record = interview(bank, tmp_path / "a", closed_port_url())
    follows = follow_up_exchanges(record)
    assert record["status"] == "complete" and record["scorecard"]["coach"] == "offline"
    assert {e["coach"] for e in follows} == {"offline"}
    texts = [n["text"] for n in record["notices"]]
    assert "could not connect to 127.0.0.1:" in texts[0]
    assert texts[1].endswith("the offline coach asks the follow-ups from now on.")
    assert texts[-1].endswith("the offline coach wrote the scorecard.")
    assert len(texts) == 3  # later follow-ups did not knock on a closed door again

    llm_server.script(SCORECARD, rate_limited(600))
    _, record = interview(bank, tmp_path / "b", llm_server.base_url)
    assert record["scorecard"]["coach"] == "offline"
    assert "HTTP 429, asking to wait 600 s" in record["notices"][0]["text"]


def test_the_key_is_sent_over_loopback_and_written_nowhere(
        bank: QuestionBank, tmp_path: Path, llm_server: LLMServer,
        caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    llm_server.script(FOLLOW_UP, "503", "503", "503", "empty", "empty")
    llm_server.script(SCORECARD, "schema", "schema")
    engine, record = interview(bank, tmp_path, llm_server.base_url)
    assert len(record["notices"]) >= 2  # fallbacks happened, with their messages
    assert {r.headers["authorization"] for r in llm_server.requests} == {f"Bearer {KEY}"}
    assert {r.client for r in llm_server.requests} == {"127.0.0.1"}
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert files
    for path in files:
        assert KEY not in path.read_text(errors="replace"), path
    assert KEY not in caplog.text
    assert KEY not in repr(engine.coach.__dict__) and KEY not in repr(engine.record)
