"""A home that cannot hold sessions, for every command of the installed `interviewer`: one line
naming the path and the reason, exit 2, no traceback; the TUI in a real terminal too."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

SCRIPT = Path(sys.executable).parent / "interviewer"
COMMANDS = [[], ["--text"], ["sessions"], ["progress"], ["report", "latest"], ["resume"],
            ["doctor"], ["banks"], ["score", "--question", "Q?", "--answer-file", "-"],
            ["devices"], ["voices"]]


def bad_homes(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    afile = tmp_path / "afile"
    afile.write_text("not a folder\n")
    return {"under a file": (afile / "home", f"{afile} is a file"),
            "a file": (afile, "it is a file, not a folder"),
            "under /proc": (Path("/proc/self/interviewer-home"), "cannot write there")}


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "tui")
def test_every_command_says_it_in_one_line(tmp_path: Path, command: list[str]) -> None:
    for home, reason in bad_homes(tmp_path).values():
        env = {**os.environ, "INTERVIEWER_HOME": str(home),
               "INTERVIEWER_CONFIG": str(tmp_path / "none.toml")}
        out = subprocess.run([str(SCRIPT), *command], env=env, capture_output=True, text=True,
                             timeout=60, input="An answer.\n")
        assert out.returncode == 2, (home, out.stdout, out.stderr)
        assert out.stderr.startswith(f"interviewer: cannot keep sessions in {home}: {reason}")
        assert out.stderr.count("\n") == 1 and "Traceback" not in out.stderr + out.stdout
        assert out.stdout == ""


@pytest.mark.slow
def test_the_tui_in_a_terminal(tmp_path: Path) -> None:
    home, reason = bad_homes(tmp_path)["under a file"]
    env = {**os.environ, "TERM": "xterm-256color", "INTERVIEWER_HOME": str(home),
           "INTERVIEWER_CONFIG": str(tmp_path / "none.toml")}
    child = pexpect.spawn(str(SCRIPT), [], env=env, dimensions=(34, 100), encoding="utf-8",
                          timeout=30)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 2
    text = (child.before or "").strip()
    assert text == (f"interviewer: cannot keep sessions in {home}: {reason}; set "
                    "INTERVIEWER_HOME or `home` in the config file")
