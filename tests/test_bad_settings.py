"""Bad settings through the installed command: one line naming the setting as the user wrote it
(the file's key, or the variable) and what it allows; URLs checked where they are read, so
"not a URL" is never reported as "unreachable"; never a traceback or Python's own words."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.llm_server import closed_port_url

SCRIPT = Path(sys.executable).parent / "interviewer"
INTERNALS = ("Traceback", "invalid literal", "could not convert", "Error:", "<class")


def run(tmp: Path, *args: str, config: str | None = None,
        **env: str) -> subprocess.CompletedProcess[str]:
    cfg = tmp / "config.toml"
    if config is not None:
        cfg.write_text(config)
    full = {**os.environ, "INTERVIEWER_HOME": str(tmp / "home"), "INTERVIEWER_CONFIG": str(cfg),
            **env}
    return subprocess.run([str(SCRIPT), *args], env=full, capture_output=True, text=True,
                          timeout=60)


def one_line(out: subprocess.CompletedProcess[str]) -> str:
    assert out.returncode == 2, (out.stdout, out.stderr)
    assert out.stdout == "" and out.stderr.count("\n") == 1, out.stderr
    assert not any(word in out.stderr for word in INTERNALS), out.stderr
    assert out.stderr.startswith("interviewer: ")
    return out.stderr.strip()


@pytest.mark.parametrize(("setting", "message"), [
    ('questions = "many"', "setting 'questions': must be a whole number from 1 to 20 "
                           "(not 'many')"),
    ("questions = 2.5", "setting 'questions': must be a whole number from 1 to 20 (not 2.5)"),
    ('tts-rate = "fast"', "setting 'tts-rate': must be a whole number from 80 to 400 "
                          "(not 'fast')"),
    ('tts_volume = "loud"', "setting 'tts_volume': must be a number from 0 to 1 (not 'loud')"),
    ('minutes-per-answer = "three"', "setting 'minutes-per-answer': must be a number from "
                                     "0.25 to 30 (not 'three')"),
    ("home = 5", "setting 'home': must be a folder path in quotes (not 5)"),
    ('llm-api-key = ["sk-one", "sk-two"]', "setting 'llm-api-key': must be text in quotes"),
    ('speak = "maybe"', "setting 'speak': must be true or false (not 'maybe')"),
    ('mode = "telepathy"', "setting 'mode': must be one of auto, text, voice (not 'telepathy')"),
    ("stt-model = 3", "setting 'stt-model': must be text in quotes (not 3)"),
    ('llm-base-url = "ftp://example.org"', "setting 'llm-base-url': is not a URL: it needs "
                                           "http:// or https:// and a host"),
])
def test_a_bad_setting_in_the_file(tmp_path: Path, setting: str, message: str) -> None:
    line = one_line(run(tmp_path, "sessions", config=setting + "\n"))
    assert line.startswith(f"interviewer: {tmp_path / 'config.toml'}: {message}"), line
    assert "sk-" not in line


@pytest.mark.parametrize(("variable", "value", "message"), [
    ("INTERVIEWER_TTS_RATE", "many", "must be a whole number from 80 to 400 (not 'many')"),
    ("INTERVIEWER_LLM_TIMEOUT", "soon", "must be a number from 0.1 to 600 (not 'soon')"),
    ("INTERVIEWER_LLM_BASE_URL", "http://[::1", "is not a URL"),
    ("INTERVIEWER_LLM_BASE_URL", "notaurl", "is not a URL"),
    ("INTERVIEWER_LLM_BASE_URL", "http://localhost:port/v1", "is not a URL"),
    ("OPENAI_BASE_URL", "http://[::1", "is not a URL"),
])
def test_a_bad_variable_and_doctor_says_not_a_url(tmp_path: Path, variable: str, value: str,
                                                   message: str) -> None:
    line = one_line(run(tmp_path, "doctor", **{variable: value}))
    assert line.startswith(f"interviewer: {variable}: {message}"), line
    assert value not in line or "URL" not in variable  # a URL may hold a key: never echoed


def test_a_url_that_is_one_but_answers_nothing_is_unreachable(tmp_path: Path) -> None:
    out = run(tmp_path, "doctor", INTERVIEWER_LLM_BASE_URL=closed_port_url(),
              INTERVIEWER_COACH="llm")
    assert out.returncode == 1 and "Traceback" not in out.stdout + out.stderr
    endpoint = next(x for x in out.stdout.splitlines() if x.startswith("endpoint"))
    assert "not a URL" not in endpoint and "127.0.0.1" in endpoint, endpoint


def test_devices_names_the_settings_as_the_file_does(tmp_path: Path, virtmic_fifo: Path) -> None:
    out = run(tmp_path, "devices")
    assert out.returncode == 0, out.stderr
    assert "input-device / output-device" in out.stdout and "_device" not in out.stdout
