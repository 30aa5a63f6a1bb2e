"""`interviewer calibrate`: the installed command prints a coach's agreement with graded answers,
for the offline coach and for an LLM coach on the loopback server; bad sets get one line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.support.llm_server import SCORECARD, LLMServer

INTERVIEWER = str(Path(sys.executable).parent / "interviewer")
KEY = "sk-test-SECRET-DO-NOT-LEAK-1234"

SMALL_SET = '''
[[questions]]
id = "adhoc-notes"
prompt = "How would you measure the success of AI meeting notes in a video-call product?"

[[answers]]
question_id = "adhoc-notes"
label = "strong"
kind = "strong"
grade = 4.5
text = """I'd focus on team leads who miss meetings, because they need the decisions. Success is
the share of notes opened by someone who missed the meeting within two days, with error reports
and cost per meeting hour as guardrails. I'd run an A/B test on five percent of team accounts for
four weeks and stop if error reports rise."""

[[answers]]
question_id = "adhoc-notes"
label = "keywords"
kind = "keywords"
grade = 1.0
text = "North star metric, guardrails, A/B test, holdout, segments, RICE, staged rollout, MVP."

[[answers]]
question_id = "rec-stale-feed"
label = "weak"
kind = "weak"
grade = 1.5
text = "I would train a bigger transformer on more data to improve the accuracy of the model."
'''


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([INTERVIEWER, *args], capture_output=True, text=True, timeout=300,
                          env={**os.environ, **(env or {})})


def test_calibrate_prints_both_bundled_splits_for_the_offline_coach() -> None:
    done = run("calibrate", "--format", "json")
    assert done.returncode == 0, done.stderr
    payload = json.loads(done.stdout)
    assert payload["coach"] == "offline"
    names = [s["name"] for s in payload["sets"]]
    assert names == ["bundled dev split", "bundled test split"]
    for s in payload["sets"]:
        assert s["answers"] >= 40 and s["questions"] >= 6
        assert -1 <= s["spearman"] <= 1 and s["mae"] >= 0
        assert 0 < s["pairs_ordered"] <= s["pairs_total"]
        assert s["max_gaming"] is not None and s["max_form_gap"] is not None
    text = run("calibrate")
    assert text.returncode == 0
    for label in ("Spearman rho", "mean absolute error", "same-question pairs",
                  "highest gaming score", "largest form gap"):
        assert text.stdout.count(label) == 2, text.stdout


def test_calibrate_a_users_own_set(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(SMALL_SET)
    done = run("calibrate", "--set", str(path), "--format", "json", "--verbose")
    assert done.returncode == 0, done.stderr
    (s,) = json.loads(done.stdout)["sets"]
    assert s["answers"] == 3 and s["questions"] == 2
    scores = {r["label"]: r["score"] for r in s["rows"]}
    assert scores["strong"] > scores["keywords"] and scores["keywords"] <= 2.0
    assert s["max_gaming_label"] == "keywords"


def test_a_bad_set_is_one_line_and_exit_2(tmp_path: Path) -> None:
    missing = run("calibrate", "--set", str(tmp_path / "nope.toml"))
    assert missing.returncode == 2 and "no such calibration set" in missing.stderr
    bad = tmp_path / "bad.toml"
    bad.write_text(SMALL_SET.replace('question_id = "rec-stale-feed"',
                                     'question_id = "no-such-question"'))
    done = run("calibrate", "--set", str(bad))
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "answer 'weak'" in done.stderr
    assert "question_id" in done.stderr and "Traceback" not in done.stderr


def test_calibrate_measures_an_llm_coach_on_the_loopback_server(
        tmp_path: Path, llm_server: LLMServer) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(SMALL_SET)
    env = {"INTERVIEWER_LLM_BASE_URL": llm_server.base_url, "INTERVIEWER_LLM_MODEL": "test-model",
           "INTERVIEWER_LLM_API_KEY": KEY, "INTERVIEWER_LLM_TIMEOUT": "5"}
    done = run("calibrate", "--coach", "llm", "--set", str(path), "--format", "json", env=env)
    assert done.returncode == 0, done.stderr
    payload = json.loads(done.stdout)
    assert payload["coach"] == "llm:test-model"
    assert payload["sets"][0]["answers"] == 3
    assert len(llm_server.of_kind(SCORECARD)) == 3  # one scorecard request per graded answer
    assert KEY not in done.stdout + done.stderr


def test_calibrate_llm_without_an_endpoint_says_so() -> None:
    done = run("calibrate", "--coach", "llm")
    assert done.returncode == 2 and "cannot measure the LLM coach" in done.stderr
