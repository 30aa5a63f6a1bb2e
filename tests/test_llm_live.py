"""The same interview against a real model, only when one is configured:

    INTERVIEWER_LLM_LIVE_BASE_URL=http://localhost:11434/v1 INTERVIEWER_LLM_LIVE_MODEL=llama3.2 \
        .venv/bin/python -m pytest tests/test_llm_live.py
    (INTERVIEWER_LLM_LIVE_API_KEY for endpoints that need a key; INTERVIEWER_LLM_LIVE_TIMEOUT.)
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from interviewer.banks import QuestionBank
from interviewer.coach.factory import make_coach
from interviewer.coach.fallback import FallbackCoach
from interviewer.config import Settings
from interviewer.secret import Secret
from interviewer.session.engine import InterviewEngine, Prompt
from interviewer.session.store import SessionStore

LIVE_URL = os.environ.get("INTERVIEWER_LLM_LIVE_BASE_URL", "")
WEAK = "I would retrain the ranking model with a bigger transformer for more accuracy."
FOLLOW = "I guess I'd look at how much people watch, and maybe test it on some users."


@pytest.mark.skipif(not LIVE_URL, reason="no live endpoint (INTERVIEWER_LLM_LIVE_BASE_URL)")
def test_the_interview_against_a_real_model(bank: QuestionBank, tmp_path: Path) -> None:
    model = os.environ.get("INTERVIEWER_LLM_LIVE_MODEL", "gpt-4o-mini")
    settings = Settings(home=tmp_path, coach="llm", llm_base_url=LIVE_URL, llm_model=model,
                        llm_api_key=Secret(os.environ.get("INTERVIEWER_LLM_LIVE_API_KEY", "")),
                        llm_timeout=float(os.environ.get("INTERVIEWER_LLM_LIVE_TIMEOUT", "90")))
    coach, _ = make_coach(settings)
    assert isinstance(coach, FallbackCoach)
    engine = InterviewEngine([bank.by_id("rec-stale-feed")], coach, store=SessionStore(tmp_path))
    prompt: Prompt | None = engine.start()
    prompt = engine.submit(WEAK)
    assert prompt is not None and prompt.kind == "follow-up", coach.notices
    assert prompt.follow_up is not None and prompt.follow_up.coach == f"llm:{model}", \
        coach.notices
    assert prompt.text.strip() and prompt.latency_s is not None
    while prompt is not None:
        prompt = engine.submit(FOLLOW)
    card = engine.finish()
    assert card.coach == f"llm:{model}", coach.notices
    assert all(1 <= d.score <= 5 for d in card.dimensions)
    assert all(q in WEAK or q in FOLLOW for d in card.dimensions for q in d.evidence)
    assert card.dimension("framing").score <= 3  # a model-first answer is not strong framing
    assert engine.folder is not None
    record = json.loads((engine.folder / "session.json").read_text())
    assert record["scorecard"]["coach"] == f"llm:{model}" and record["notices"] == []
