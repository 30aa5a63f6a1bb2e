"""Bad inputs to the installed command, each one line and exit 2 (or one warning and carry on):
a report whose suffix and format disagree, an answer file far too long, a truncated WAV; and
the Sessions screen warning of a missing recording as the CLI does."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable, Static

from interviewer.ui.library_screen import LibraryScreen
from tests.support.fixture_types import MakeApp
from tests.support.session_factory import GOOD, edit_record, make_session

SCRIPT = Path(sys.executable).parent / "interviewer"
FIXTURES = Path(__file__).resolve().parent.parent / "audio_fixtures"


def run(home: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "INTERVIEWER_HOME": str(home)}
    return subprocess.run([str(SCRIPT), *args], env=env, capture_output=True, text=True,
                          timeout=120, input=stdin)


def one_line(out: subprocess.CompletedProcess[str], start: str) -> None:
    assert out.returncode == 2, (out.stdout, out.stderr)
    assert out.stderr.startswith(f"interviewer: {start}"), out.stderr
    assert out.stderr.count("\n") == 1 and "Traceback" not in out.stderr


def test_report_suffix_and_format_must_agree(home: Path, tmp_path: Path) -> None:
    make_session(home, [GOOD], count=1)
    pdf = tmp_path / "out.pdf"
    one_line(run(home, "report", "latest", "-o", str(pdf)), f"{pdf}: cannot write a '.pdf' "
             "report: the formats are .md, .html and .json")
    assert not pdf.exists()
    html = tmp_path / "out.html"
    one_line(run(home, "report", "latest", "--format", "md", "-o", str(html)),
             f"{html}: --format md does not match the '.html' suffix")
    assert not html.exists()
    out = run(home, "report", "latest", "-o", str(html))
    assert out.returncode == 0 and html.read_text().startswith("<!DOCTYPE html>")
    plain = tmp_path / "notes"
    assert run(home, "report", "latest", "--format", "json", "-o", str(plain)).returncode == 0
    assert plain.read_text().startswith("{")


def test_an_answer_file_far_too_long_is_refused(home: Path, tmp_path: Path) -> None:
    big = tmp_path / "answer.txt"
    big.write_text((GOOD + "\n") * 12_000)  # about 5 MB
    one_line(run(home, "score", "--question", "How would you add AI search?", "--answer-file",
                 str(big)), f"{big}: the answer is longer than 20,000 characters")
    one_line(run(home, "score", "--question", "Q?", "--answer-file", "-",
                 stdin="x" * 20_001), "-: the answer is longer than 20,000 characters")
    ok = run(home, "score", "--question", "Q?", "--answer-file", "-", stdin=GOOD)
    assert ok.returncode == 0 and "Overall" in ok.stdout


@pytest.mark.slow
def test_a_truncated_wav_is_transcribed_with_a_warning(home: Path, tmp_path: Path) -> None:
    whole = (FIXTURES / "delivery.wav").read_bytes()
    cut = tmp_path / "cut.wav"
    cut.write_bytes(whole[:len(whole) // 2])  # the header still announces the whole length
    out = run(home, "transcribe", str(cut))
    assert out.returncode == 0, out.stderr
    warning = [line for line in out.stderr.splitlines() if "truncated" in line]
    assert len(warning) == 1 and warning[0].startswith(f"interviewer: {cut}: the recording is "
                                                       "truncated (")
    assert "Traceback" not in out.stderr and len(out.stdout.split()) > 20
    whole_out = run(home, "transcribe", str(FIXTURES / "delivery.wav"))
    assert whole_out.returncode == 0 and "truncated" not in whole_out.stderr


async def test_the_sessions_screen_warns_of_a_missing_recording(make_tui_app: MakeApp,
                                                                tui_home: Path) -> None:
    folder = make_session(tui_home, [GOOD], count=3, stop_after=1, quit=True)

    def refer(record: dict[str, Any]) -> None:
        record["questions"][0]["exchanges"][0]["audio"] = "answers/1.wav"
    edit_record(folder, refer)
    app = make_tui_app(text_only=False)
    async with app.run_test(size=(110, 36)) as pilot:
        await pilot.press("l")
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        status = str(screen.query_one(DataTable).get_row_at(0)[6])
        assert status == "quit 1/3 ⚠ 1 recording missing"
        detail = screen.query_one("#library-detail", Static)
        assert "⚠ question 1 answer: recording answers/1.wav is missing" in str(detail.content)
        assert detail.has_class("damaged")
