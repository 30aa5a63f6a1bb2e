"""A typed interview killed with SIGKILL while a follow-up is on screen and an answer is half
typed: the installed command in a real terminal, then `interviewer resume`. The follow-up is
asked again with the draft back in the box, and the report keeps both."""

from __future__ import annotations

import json
import os
import signal
import subprocess
from pathlib import Path
from typing import Any

import pexpect
import pytest

from interviewer.coach.offline import OfflineCoach
from interviewer.session.engine import InterviewEngine
from interviewer.session.store import SessionStore
from tests.support.fixture_types import MakeApp
from tests.support.terminal import (
    ANSWERS,
    CTRL_S,
    QUESTIONS,
    SCRIPT,
    ResumedTerminal,
    answers_of,
    exchanges,
    letters,
    read_record,
    start,
    wait_for_prompt,
)
from tests.support.terminal import answer as type_answer

DRAFT = "Retention of new shoppers would be my north star"
MORE = ", with latency as a guardrail."


def twin_of(killed: dict[str, Any], tmp_path: Path) -> InterviewEngine:
    """The resumed interview, in-process from a copy of the record: it asks what the app asks."""
    home = tmp_path / f"twin-{len(list(tmp_path.glob('twin-*')))}"
    folder = home / "sessions" / killed["id"]
    folder.mkdir(parents=True)
    (folder / "session.json").write_text(json.dumps(killed))
    return InterviewEngine.resume(folder, OfflineCoach(), store=SessionStore(home))


def report_json(home: Path, tmp_path: Path) -> dict[str, Any]:
    env = {**os.environ, "INTERVIEWER_HOME": str(home),
           "INTERVIEWER_CONFIG": str(tmp_path / "no-config.toml")}
    done = subprocess.run([str(SCRIPT), "report", "latest", "--format", "json"], env=env,
                          capture_output=True, text=True, timeout=60, check=True)
    data: dict[str, Any] = json.loads(done.stdout)
    return data


@pytest.mark.slow
def test_killed_while_a_follow_up_is_on_screen_with_a_draft(tmp_path: Path) -> None:
    home = tmp_path / "home"
    term, engine, _ = start(home, tmp_path)
    given = [ANSWERS[0]]
    follow = type_answer(term, home, engine, ANSWERS[0])
    assert follow is not None and follow.kind == "follow-up"
    # The follow-up is on disk (it was before it was shown), and so is the draft, soon.
    assert (read_record(home) or {})["pending"]["prompt"] == follow.text
    term.child.send(DRAFT)
    term.wait_for(lambda: (read_record(home) or {}).get("pending", {}).get("draft") == DRAFT,
                  "the draft on disk")
    term.child.kill(signal.SIGKILL)
    term.child.close(force=True)
    killed = read_record(home)
    assert killed is not None and answers_of(killed) == given

    resumed = ResumedTerminal(home, tmp_path)
    twin = twin_of(killed, tmp_path)
    assert twin.prompt is not None and twin.prompt.text == follow.text
    assert twin.prompt.kind == "follow-up" and twin.draft == DRAFT
    wait_for_prompt(resumed, twin.prompt, 0)
    resumed.wait_for(lambda: letters(DRAFT) in letters(resumed.output), "the draft restored")
    # The draft is in the box, the cursor after it: typing goes on where it stopped.
    saved = len(exchanges(read_record(home)))
    resumed.child.send(MORE)
    resumed.pump(0.1)
    mark = len(resumed.output)
    resumed.child.send(CTRL_S)
    resumed.wait_for(lambda: len(exchanges(read_record(home))) == saved + 1, "the answer")
    given.append(DRAFT + MORE)
    nxt = twin.submit(DRAFT + MORE)
    if nxt is not None:
        wait_for_prompt(resumed, nxt, mark)
    while nxt is not None:
        text = ANSWERS[len(given) % len(ANSWERS)]
        nxt = type_answer(resumed, home, twin, text)
        given.append(text.replace("\r", "\n"))
        assert len(given) <= QUESTIONS * 3
    resumed.wait_for(lambda: (read_record(home) or {}).get("status") == "complete", "scoring")
    resumed.wait_for(lambda: "Saved to" in resumed.output, "the scorecard screen")
    resumed.child.send("q")
    resumed.child.expect(pexpect.EOF, timeout=15)
    assert "Traceback" not in resumed.output

    report = report_json(home, tmp_path)
    assert answers_of(report) == given
    said = [ex for q in report["questions"] for ex in q["exchanges"]]
    assert said[1]["kind"] == "follow-up" and said[1]["prompt"] == follow.text
    assert said[1]["answer"] == DRAFT + MORE



async def test_quitting_keeps_the_draft_for_resume(make_tui_app: MakeApp, tui_home: Path) -> None:
    from textual.widgets import Static, TextArea

    from interviewer.ui.confirm import ConfirmScreen
    from tests.support.pilot import SIZE

    app = make_tui_app(questions=2)
    async with app.run_test(size=SIZE) as pilot:
        box = app.screen.query_one("#answer", TextArea)
        box.insert(DRAFT)
        await pilot.press("escape")
        dialog = app.screen
        assert isinstance(dialog, ConfirmScreen)
        assert "kept as a draft: `interviewer resume` brings it back" in str(
            dialog.query_one("#message", Static).render())
        await pilot.press("y")
        await pilot.pause()
    folder = next((tui_home / "sessions").iterdir())
    record = json.loads((folder / "session.json").read_text())
    assert record["status"] == "quit" and record["pending"]["draft"] == DRAFT
    resumed = InterviewEngine.resume(folder, OfflineCoach(), store=SessionStore(tui_home))
    assert resumed.prompt is not None and resumed.prompt.number == 1
    assert resumed.draft == DRAFT
