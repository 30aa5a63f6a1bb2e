"""Every bad input of the reliability review, through the installed command: none of their
outputs holds a Python traceback (each is one line, which the focused tests check)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.session_factory import GOOD, make_session

SCRIPT = Path(sys.executable).parent / "interviewer"
FIXTURES = Path(__file__).resolve().parent.parent / "audio_fixtures"


@pytest.mark.slow
def test_no_bad_input_gives_a_traceback(home: Path, tmp_path: Path) -> None:
    make_session(home, [GOOD], count=1)
    afile = tmp_path / "afile"
    afile.write_text("x")
    big = tmp_path / "big.txt"
    big.write_text(GOOD * 12_000)
    cut = tmp_path / "cut.wav"
    whole = (FIXTURES / "delivery.wav").read_bytes()
    cut.write_bytes(whole[: len(whole) // 3])
    configs = ['questions = "many"', 'tts-rate = "fast"', "tts-volume = []", "home = 5",
               'llm-api-key = ["a", "b"]', 'llm-base-url = "notaurl"', "questions = [",
               'keep-audio = "maybe"']
    runs: list[tuple[list[str], dict[str, str], str]] = [
        ([], {"INTERVIEWER_HOME": str(afile / "h")}, ""),
        (["--text"], {"INTERVIEWER_HOME": "/proc/self/h"}, ""),
        (["sessions"], {"INTERVIEWER_HOME": str(afile)}, ""),
        (["progress"], {"INTERVIEWER_HOME": str(afile / "h")}, ""),
        (["doctor"], {"INTERVIEWER_LLM_BASE_URL": "http://[::1"}, ""),
        (["doctor"], {"INTERVIEWER_LLM_BASE_URL": "notaurl"}, ""),
        (["doctor"], {"OPENAI_BASE_URL": "http://[::1"}, ""),
        (["--input-device", "NOPE", "doctor"], {}, ""),
        (["report", "latest", "-o", str(tmp_path / "out.pdf")], {}, ""),
        (["report", "latest", "--format", "md", "-o", str(tmp_path / "x.html")], {}, ""),
        (["score", "--question", "Q?", "--answer-file", str(big)], {}, ""),
        (["score", "--question", "Q?", "--answer-file", str(tmp_path)], {}, ""),
        (["transcribe", str(cut)], {}, ""),
        *[(["sessions"], {}, text) for text in configs],
    ]
    for args, extra, config in runs:
        cfg = tmp_path / "config.toml"
        cfg.write_text(config + "\n")
        env = {**os.environ, "INTERVIEWER_HOME": str(home), "INTERVIEWER_CONFIG": str(cfg),
               **extra}
        out = subprocess.run([str(SCRIPT), *args], env=env, capture_output=True, text=True,
                             timeout=120)
        said = out.stdout + out.stderr
        assert "Traceback" not in said, (args, extra, config, said[-1500:])
        assert out.returncode in (0, 1, 2), (args, out.returncode)
