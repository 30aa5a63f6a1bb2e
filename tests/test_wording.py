"""What reports and listings say, through the installed command: score bars that tell 2.5, 2.0
and 1.5 apart, counts in the singular where there is one, track titles that keep their sense."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from interviewer.banks import track_title
from interviewer.report.markdown import bar
from tests.support.session_factory import GOOD, edit_record, make_session

SCRIPT = Path(sys.executable).parent / "interviewer"


def cli(home: Path, *args: str) -> str:
    env = {**os.environ, "INTERVIEWER_HOME": str(home)}
    out = subprocess.run([str(SCRIPT), *args], env=env, capture_output=True, text=True,
                         timeout=60)
    assert out.returncode == 0, out.stderr
    return out.stdout


def test_markdown_bars_show_halves(home: Path) -> None:
    folder = make_session(home, [GOOD], count=1)

    def halves(record: dict[str, Any]) -> None:
        for d, score in zip(record["scorecard"]["dimensions"], (2.5, 2.0, 1.5, 4.5, 5.0, 1.0, 3.0),
                            strict=True):
            d["score"] = score
    edit_record(folder, halves)
    md = cli(home, "report", folder.name)
    rows = [line for line in md.splitlines() if line.startswith("| ") and "/ 5 |" in line]
    assert [row.split("|")[3].strip() for row in rows] == [
        "██▌░░", "██░░░", "█▌░░░", "████▌", "█████", "█░░░░", "███░░"]
    assert [bar(x) for x in (0, 0.24, 0.25, 2.74, 2.75)] == [
        "░░░░░", "░░░░░", "▌░░░░", "██▌░░", "███░░"]


def test_one_is_singular_and_titles_keep_their_sense(home: Path, tmp_path: Path) -> None:
    folder = make_session(home, [GOOD], count=1)
    md = cli(home, "report", folder.name)
    assert "1 of 1 question answered" in md
    html = cli(home, "report", folder.name, "--format", "html")
    assert "1 of 1 question<" in html and "1 of 1 questions" not in html
    bank = tmp_path / "solo.toml"
    source = Path(__file__).resolve().parent.parent / "question_banks" / "ai-search.toml"
    first = "[[questions]]" + source.read_text().split("[[questions]]")[1]
    qid = first.split('id = "', 1)[1].split('"', 1)[0]
    bank.write_text(first.replace(f'id = "{qid}"', 'id = "solo-1"')
                    .replace('track = "ai-search"', 'track = "solo-track"'))
    listing = cli(home, "--bank", str(bank), "banks")
    assert "(solo-track): 1 question\n" in listing and "1 questions" not in listing
    assert track_title("genai-quality-cost") == "GenAI quality and cost"
    assert track_title("ai-search") == "AI search"
