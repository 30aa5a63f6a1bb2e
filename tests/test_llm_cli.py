"""The console script with the LLM coach: `score --coach llm` and `doctor`, configured by the
environment, against the loopback server; the key never printed."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from tests.support.llm_server import SCORECARD, LLMServer, closed_port_url

INTERVIEWER = str(Path(sys.executable).parent / "interviewer")
KEY = "sk-test-SECRET-DO-NOT-LEAK-1234"
ANSWER = (
    "I'd focus on casual viewers who keep seeing the same rows. The north star is weekly "
    "home-feed minutes per active user, with latency and completion rate as guardrails. "
    "I'd validate offline, then run an A/B test on five percent of users."
)


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([INTERVIEWER, *args], capture_output=True, text=True, timeout=60,
                          env={**os.environ, **(env or {})})


def llm_env(url: str) -> dict[str, str]:
    return {"INTERVIEWER_LLM_BASE_URL": url, "INTERVIEWER_LLM_MODEL": "test-model",
            "INTERVIEWER_LLM_API_KEY": KEY, "INTERVIEWER_LLM_TIMEOUT": "2",
            "OPENAI_LOG": "debug"}


def score(answer: Path, *extra: str, env: dict[str, str] | None = None,
          ) -> subprocess.CompletedProcess[str]:
    return run("score", "--question-id", "rec-stale-feed", "--answer-file", str(answer),
               "--format", "json", *extra, env=env)


def shape(card: dict) -> dict:  # type: ignore[type-arg]
    """The keys at every level, with dimension ids: what must match across coaches."""
    return {"top": sorted(card), "dims": [(d["id"], sorted(d)) for d in card["dimensions"]]}


def test_score_json_has_the_same_shape_with_both_coaches(tmp_path: Path,
                                                         llm_server: LLMServer) -> None:
    answer = tmp_path / "a.txt"
    answer.write_text(ANSWER)
    offline = score(answer, "--coach", "offline", env=llm_env(llm_server.base_url))
    assert offline.returncode == 0, offline.stderr
    assert llm_server.requests == []  # --coach offline never touches the endpoint
    llm = score(answer, "--coach", "llm", env=llm_env(llm_server.base_url))
    assert llm.returncode == 0, llm.stderr
    a, b = json.loads(offline.stdout), json.loads(llm.stdout)
    assert a["coach"] == "offline" and b["coach"] == "llm:test-model"
    assert shape(a) == shape(b)
    assert all(1 <= d["score"] <= 5 for d in b["dimensions"])
    assert all(q in ANSWER for d in b["dimensions"] for q in d["evidence"])
    (req,) = llm_server.of_kind(SCORECARD)
    assert req.headers["authorization"] == f"Bearer {KEY}"
    for out in (offline, llm):
        assert KEY not in out.stdout + out.stderr
    # 'auto' (the default) picks the LLM when an endpoint is configured
    auto = score(answer, env=llm_env(llm_server.base_url))
    assert json.loads(auto.stdout)["coach"] == "llm:test-model"
    # ...and INTERVIEWER_LLM=offline overrides it
    off = score(answer, env={**llm_env(llm_server.base_url), "INTERVIEWER_LLM": "offline"})
    assert json.loads(off.stdout)["coach"] == "offline"


def test_score_falls_back_with_one_line_on_stderr(tmp_path: Path,
                                                  llm_server: LLMServer) -> None:
    answer = tmp_path / "a.txt"
    answer.write_text(ANSWER)
    out = score(answer, "--coach", "llm", env=llm_env(closed_port_url()))
    assert out.returncode == 0
    assert json.loads(out.stdout)["coach"] == "offline"
    lines = [ln for ln in out.stderr.splitlines() if ln.startswith("interviewer:")]
    assert len(lines) == 1 and "could not connect to 127.0.0.1:" in lines[0]
    assert "the offline coach wrote the scorecard" in lines[0] and KEY not in out.stderr
    llm_server.script(SCORECARD, "schema", "schema")
    out = score(answer, "--coach", "llm", env=llm_env(llm_server.base_url))
    assert json.loads(out.stdout)["coach"] == "offline"
    assert "does not match the scorecard's shape" in out.stderr and KEY not in out.stderr
    no_endpoint = score(answer, "--coach", "llm")
    assert json.loads(no_endpoint.stdout)["coach"] == "offline"
    assert "no LLM endpoint is configured" in no_endpoint.stderr


def test_doctor_reports_coach_endpoint_model_and_speech(llm_server: LLMServer) -> None:
    out = run("doctor", env=llm_env(llm_server.base_url))
    assert out.returncode == 0, out.stdout + out.stderr
    text = out.stdout
    assert "llm:test-model" in text
    assert f"{llm_server.base_url}: reachable" in text
    assert "test-model: listed by the endpoint" in text
    assert re.search(r"^api key +set \(never shown\)$", text, re.M), text
    for label in ("transcription  local: tiny.en", "voice", "espeak-ng", "PortAudio", "microphone"):
        assert label in text
    assert KEY not in out.stdout + out.stderr
    down = run("doctor", env=llm_env(closed_port_url()))
    assert down.returncode == 1 and "unreachable" in down.stdout and KEY not in down.stdout
    offline = run("doctor")
    assert offline.returncode == 0 and "offline (asked for: auto)" in offline.stdout
    with LLMServer(require_key="another-key") as guarded:
        refused = run("doctor", env=llm_env(guarded.base_url))
    assert refused.returncode == 1 and "refused the API key (HTTP 401)" in refused.stdout
    assert KEY not in refused.stdout + refused.stderr
