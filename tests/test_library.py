"""The session library: listing, damaged folders, finding and deleting sessions, the CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from interviewer.cli import main
from interviewer.session.library import (
    DamagedSession,
    SessionNotFoundError,
    SessionSummary,
    delete_session,
    export_reports,
    find_session,
    latest_unfinished,
    list_sessions,
)
from interviewer.session.store import SessionStore
from tests.support.session_factory import (
    GOOD,
    WEAK,
    days_ago,
    edit_record,
    make_session,
    saved_record,
)

SCRIPT = Path(sys.executable).parent / "interviewer"


@pytest.fixture
def library(home: Path) -> dict[str, Path]:
    """Three sound sessions (complete, quit, in progress) and nothing else."""
    return {
        "complete": make_session(home, [WEAK, GOOD], count=2, when=days_ago(3)),
        "quit": make_session(home, [GOOD], count=3, stop_after=1, quit=True, when=days_ago(2)),
        "crashed": make_session(home, [GOOD], count=2, stop_after=1, when=days_ago(1)),
    }


def truncate(folder: Path, keep: float = 0.5) -> None:
    path = folder / "session.json"
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])


def test_lists_every_session_newest_first_with_its_figures(home: Path, library: dict[str,
                                                           Path]) -> None:
    entries = list_sessions(SessionStore(home))
    assert [e.id for e in entries] == [library[k].name for k in ("crashed", "quit", "complete")]
    assert all(isinstance(e, SessionSummary) for e in entries)
    crashed, quit_, complete = entries
    assert isinstance(complete, SessionSummary) and complete.status == "complete"
    record = saved_record(library["complete"])
    assert complete.overall == record["scorecard"]["overall"]
    assert complete.track == "mixed" and complete.mode == "text" and complete.coach == "offline"
    assert complete.duration_s == sum(ex["seconds"] for q in record["questions"]
                                      for ex in q["exchanges"]) > 0
    assert (complete.questions, complete.answered) == (2, 2)
    assert isinstance(quit_, SessionSummary) and quit_.status == "quit" and quit_.resumable
    assert quit_.overall is None and (quit_.questions, quit_.answered) == (3, 1)
    assert isinstance(crashed, SessionSummary) and crashed.status == "in-progress"
    assert latest_unfinished(SessionStore(home)) == crashed


@pytest.mark.parametrize(("damage", "reason"), [
    (lambda f: truncate(f), "session.json is not valid JSON (it looks cut off)"),
    (lambda f: (f / "session.json").write_text(""), "session.json is empty"),
    (lambda f: (f / "session.json").unlink(), "session.json is missing"),
    (lambda f: edit_record(f, lambda r: r.pop("questions")), "'questions' is missing"),
    (lambda f: edit_record(f, lambda r: r.update(status="paused")), "unknown status 'paused'"),
    (lambda f: edit_record(f, lambda r: r["questions"][0]["exchanges"][0].pop("answer")),
     "question 1, exchange 1: 'answer' is missing"),
    (lambda f: edit_record(f, lambda r: r.update(scorecard={"overall": 3})),
     "the scorecard is unreadable"),
    (lambda f: (f / "session.json").write_text("[1, 2]"), "does not hold a JSON object"),
])
def test_a_damaged_folder_is_named_and_the_rest_still_loads(home: Path, library: dict[str, Path],
                                                            damage: Callable[[Path], object],
                                                            reason: str) -> None:
    damage(library["complete"])
    entries = list_sessions(SessionStore(home))
    assert len(entries) == 3
    damaged = [e for e in entries if e.damaged]
    assert len(damaged) == 1
    bad = damaged[0]
    assert isinstance(bad, DamagedSession) and bad.id == library["complete"].name
    assert reason in bad.reason
    sound = {e.id for e in entries if isinstance(e, SessionSummary)}
    assert sound == {library["quit"].name, library["crashed"].name}


def test_a_missing_recording_is_a_problem_not_a_lost_session(home: Path, library: dict[str,
                                                             Path]) -> None:
    folder = library["complete"]
    (folder / "answers").mkdir()
    (folder / "answers" / "1-1.wav").write_bytes(b"RIFF")

    def refer(record: dict[str, Any]) -> None:
        record["questions"][0]["exchanges"][0]["audio"] = "answers/1-1.wav"
        record["questions"][1]["exchanges"][0]["audio"] = {"path": "answers/2-1.wav"}
    edit_record(folder, refer)
    entry = next(e for e in list_sessions(SessionStore(home)) if e.id == folder.name)
    assert isinstance(entry, SessionSummary)
    assert entry.problems == ("question 2 answer: recording answers/2-1.wav is missing",)


def test_find_by_name_prefix_path_and_latest(home: Path, library: dict[str, Path]) -> None:
    store = SessionStore(home)
    folder = library["quit"]
    assert find_session(store, folder.name) == folder
    assert find_session(store, str(folder)) == folder
    assert find_session(store, str(folder / "session.json")) == folder
    assert find_session(store, "latest") == library["crashed"]
    with pytest.raises(SessionNotFoundError, match="matches 3 sessions"):
        find_session(store, folder.name[:4])
    with pytest.raises(SessionNotFoundError, match="no session 'nope'"):
        find_session(store, "nope")


def test_delete_removes_the_whole_folder_and_nothing_else(home: Path, library: dict[str, Path],
                                                         tmp_path: Path) -> None:
    store = SessionStore(home)
    folder = library["complete"]
    export_reports(folder)
    delete_session(store, folder)
    assert not folder.exists()
    assert {e.id for e in list_sessions(store)} == {library["quit"].name,
                                                    library["crashed"].name}
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    with pytest.raises(SessionNotFoundError):
        delete_session(store, outside)
    with pytest.raises(SessionNotFoundError):
        delete_session(store, store.sessions_dir)
    assert outside.exists() and store.sessions_dir.exists()


def test_exported_reports_sit_next_to_session_json_privately(library: dict[str, Path]) -> None:
    written = export_reports(library["complete"])
    assert [p.name for p in written] == ["report.html", "report.md"]
    for path in written:
        assert path.parent == library["complete"]
        assert oct(path.stat().st_mode & 0o777) == oct(0o600)
    assert "<!DOCTYPE html>" in written[0].read_text()


def test_sessions_command_table_and_json(home: Path, library: dict[str, Path],
                                         capsys: pytest.CaptureFixture[str]) -> None:
    truncate(library["quit"])
    assert main(["sessions"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].split() == ["SESSION", "DATE", "TRACK", "MODE", "COACH", "OVERALL",
                                "DURATION", "STATUS"]
    complete = next(ln for ln in lines if ln.split()[:1] == [library["complete"].name])
    overall = saved_record(library["complete"])["scorecard"]["overall"]
    assert f"{overall:.1f}" in complete and "complete" in complete and "offline" in complete
    assert any(ln.split()[:1] == [library["quit"].name] and ln.endswith("DAMAGED")
               for ln in lines)
    assert "! session.json is not valid JSON (it looks cut off)" in out
    assert "in-progress (1/2)" in out
    assert "3 sessions, 1 damaged" in out

    assert main(["sessions", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [d["id"] for d in data] == [library[k].name for k in ("crashed", "quit", "complete")]
    assert data[1] == {"id": library["quit"].name, "folder": str(library["quit"]),
                       "damaged": True, "reason": data[1]["reason"]}
    assert data[2]["overall"] == overall and data[2]["status"] == "complete"


def test_sessions_delete_needs_yes_off_a_terminal(home: Path, library: dict[str, Path],
                                                  capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    folder = library["complete"]
    monkeypatch.setattr("sys.stdin", open(os.devnull))  # noqa: SIM115 - closed by pytest
    assert main(["sessions", "delete", folder.name]) == 2
    assert "pass --yes" in capsys.readouterr().err
    assert folder.exists()
    assert main(["sessions", "delete", folder.name, "--yes"]) == 0
    assert not folder.exists()
    assert main(["sessions", "delete", "nope", "--yes"]) == 2
    assert "no session 'nope'" in capsys.readouterr().err


@pytest.mark.slow
def test_sessions_delete_asks_on_a_terminal(home: Path, library: dict[str, Path],
                                            tmp_path: Path) -> None:
    import pexpect

    folder = library["complete"]
    env = {**os.environ, "INTERVIEWER_HOME": str(home),
           "INTERVIEWER_CONFIG": str(tmp_path / "none.toml")}
    child = pexpect.spawn(str(SCRIPT), ["sessions", "delete", folder.name], env=env,
                          encoding="utf-8", timeout=20)
    child.expect(r"\[y/N\]")
    assert folder.name in child.before
    child.sendline("n")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 1 and folder.exists()

    child = pexpect.spawn(str(SCRIPT), ["sessions", "delete", folder.name], env=env,
                          encoding="utf-8", timeout=20)
    child.expect(r"\[y/N\]")
    child.sendline("y")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0 and not folder.exists()


def test_installed_command_lists_a_damaged_library_without_a_traceback(home: Path,
                                                                       library: dict[str, Path],
                                                                      tmp_path: Path) -> None:
    truncate(library["crashed"], keep=0.3)
    env = {**os.environ, "INTERVIEWER_HOME": str(home),
           "INTERVIEWER_CONFIG": str(tmp_path / "none.toml")}
    done = subprocess.run([str(SCRIPT), "sessions"], env=env, capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    assert "DAMAGED" in done.stdout and library["complete"].name in done.stdout
    done = subprocess.run([str(SCRIPT), "report", library["crashed"].name], env=env,
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 2
    assert done.stderr.startswith(f"interviewer: session {library['crashed'].name} is damaged: "
                                  "session.json is not valid JSON")
    assert "Traceback" not in done.stderr
