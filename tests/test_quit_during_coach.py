"""Quitting while the LLM coach is still writing a follow-up: the installed command in a real
terminal, the coach's endpoint a loopback server that holds its reply back. The process exits
at once, with the answer on disk; it never waits for the endpoint."""

from __future__ import annotations

import signal
from pathlib import Path

import pexpect
import pytest

from tests.support.llm_server import FOLLOW_UP, LLMServer, hang
from tests.support.terminal import CTRL_S, Terminal, exchanges, letters, read_record

pytestmark = pytest.mark.slow

ANSWER = "I would train a bigger model and make it more accurate for our users."


def test_quit_while_the_coach_writes_a_follow_up(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    with LLMServer() as server:
        # The follow-up never comes while the test runs: only an exit that does not wait
        # for it can end the process before the server is stopped.
        server.script(FOLLOW_UP, hang(600))
        for name, value in {"INTERVIEWER_COACH": "llm", "INTERVIEWER_LLM_BASE_URL":
                            server.base_url, "INTERVIEWER_LLM_MODEL": "test-model",
                            "INTERVIEWER_LLM_TIMEOUT": "600",
                            "INTERVIEWER_LLM_MAX_RETRIES": "0"}.items():
            monkeypatch.setenv(name, value)
        home = tmp_path / "home"
        term = Terminal(home, tmp_path)
        term.wait_for(lambda: "ctrlssubmit" in letters(term.output).lower(), "the answer box")
        term.child.send(ANSWER)
        term.pump(0.2)
        term.child.send(CTRL_S)
        term.wait_for(lambda: len(exchanges(read_record(home))) == 1, "the answer on disk")
        term.wait_for(lambda: bool(server.of_kind(FOLLOW_UP)), "the coach asked")
        term.child.send("\x1b")
        term.wait_for(lambda: "Quit?" in term.output, "the quit question")
        term.child.send("\x11")  # ctrl+q confirms
        try:
            term.child.expect(pexpect.EOF, timeout=30)
        except pexpect.TIMEOUT:
            term.child.kill(signal.SIGKILL)
            pytest.fail("quitting waited for the coach's endpoint")
        term.output += term.child.before or ""
        # Still holding its reply: the process did not wait for it.
        assert not server._stopping.is_set()
    term.child.close()
    assert term.child.exitstatus == 0, term.output[-2000:]
    assert "Traceback" not in term.output
    record = read_record(home)
    assert record is not None and record["status"] == "quit"
    assert [ex["answer"] for ex in exchanges(record)] == [ANSWER]
