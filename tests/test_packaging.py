"""The package builds as `make setup` builds it (pip, the declared build backend) without a
screen of deprecation warnings, and declares its licence as an SPDX expression."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_the_wheel_builds_without_deprecation_warnings(tmp_path: Path) -> None:
    out = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-v", "-w",
                          str(tmp_path), str(ROOT)], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-3000:]
    log = out.stdout + out.stderr
    assert "deprecat" not in log.lower(), [x for x in log.splitlines() if "eprecat" in x][:5]
    wheel = next(tmp_path.glob("interviewer-*.whl"))
    with zipfile.ZipFile(wheel) as zf:
        meta = next(n for n in zf.namelist() if n.endswith(".dist-info/METADATA"))
        lines = zf.read(meta).decode().splitlines()
    assert "License-Expression: MIT" in lines
