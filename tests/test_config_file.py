"""The config file as the installed command rewrites it: it may hold the API key, so it stays
0600 in a 0700 folder and is never loosened; a device that does not exist is not remembered,
and `doctor` flags it."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(sys.executable).parent / "interviewer"
KEY_LINE = 'llm-api-key = "sk-test-KEEP-PRIVATE"'


def run(config: Path, tmp: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "INTERVIEWER_CONFIG": str(config), "INTERVIEWER_HOME": str(tmp / "h"),
           "INTERVIEWER_LLM": "offline"}
    return subprocess.run([str(SCRIPT), *args], env=env, capture_output=True, text=True,
                          timeout=60, umask=0o022)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_remembering_a_device_keeps_the_file_private(tmp_path: Path, virtmic_fifo: Path) -> None:
    folder = tmp_path / "cfg"
    folder.mkdir(mode=0o700)
    config = folder / "config.toml"
    config.write_text(f"{KEY_LINE}\nquestions = 4\n")
    config.chmod(0o600)
    out = run(config, tmp_path, "--input-device", "pulse", "devices")
    assert out.returncode == 0, out.stderr
    assert mode(config) == 0o600 and mode(folder) == 0o700
    assert config.read_text() == f'{KEY_LINE}\nquestions = 4\ninput-device = "pulse"\n'
    assert sorted(p.name for p in folder.iterdir()) == ["config.toml"]  # no temp file left

    # A file kept tighter than 0600 stays so; a new file in a new folder is private.
    config.chmod(0o400)
    out = run(config, tmp_path, "--input-device", "0", "devices")
    assert out.returncode == 0, out.stderr
    assert mode(config) == 0o400 and 'input-device = "0"' in config.read_text()
    fresh = tmp_path / "new" / "interviewer" / "config.toml"
    out = run(fresh, tmp_path, "--input-device", "pulse", "devices")
    assert out.returncode == 0, out.stderr
    assert mode(fresh) == 0o600 and mode(fresh.parent) == 0o700


def test_a_device_that_does_not_exist_is_not_saved_and_doctor_flags_it(
        tmp_path: Path, virtmic_fifo: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text(f"{KEY_LINE}\n")
    config.chmod(0o600)
    out = run(config, tmp_path, "--input-device", "NOPE", "doctor")
    assert config.read_text() == f"{KEY_LINE}\n"
    assert out.stderr == ("interviewer: no microphone named 'NOPE' (see `interviewer devices`): "
                          "not remembered\n")
    flagged = [line for line in out.stdout.splitlines() if line.startswith("input-device")]
    assert flagged and "no microphone named 'NOPE'" in flagged[0]
    assert out.returncode == 1
    # Named in the file, not by a flag: flagged the same.
    config.write_text(f'{KEY_LINE}\noutput-device = "no such speaker"\n')
    out = run(config, tmp_path, "doctor")
    assert out.returncode == 1
    assert any(line.startswith("output-device") and "no speaker named 'no such speaker'" in line
               for line in out.stdout.splitlines()), out.stdout
    assert "sk-test" not in out.stdout + out.stderr
    out = run(config.with_name("none.toml"), tmp_path, "--input-device", "pulse", "doctor")
    assert out.returncode == 0, out.stdout
    assert any(line.startswith("input-device") and "pulse" in line
               for line in out.stdout.splitlines())
