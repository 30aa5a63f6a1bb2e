"""`interviewer transcribe`, `score --audio` and `devices` through the installed console script:
JSON on stdout and nothing else; a bad file is one line on stderr and exit code 2."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.audio_files import AUDIO_FIXTURES
from tests.support.wer import wer

INTERVIEWER = str(Path(sys.executable).parent / "interviewer")
MANIFEST = json.loads((AUDIO_FIXTURES / "manifest.json").read_text())


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([INTERVIEWER, *args], capture_output=True, text=True, timeout=120,
                          env=env)


def test_transcribe_text_and_json() -> None:
    out = run("transcribe", str(AUDIO_FIXTURES / "weak.m4a"))
    assert out.returncode == 0, out.stderr
    assert wer((AUDIO_FIXTURES / "weak.txt").read_text(), out.stdout) < 0.15
    out = run("transcribe", str(AUDIO_FIXTURES / "medium.flac"), "--format", "json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)  # exactly one JSON object, nothing else on stdout
    assert set(data) == {"file", "text", "duration", "language", "segments"}
    assert wer((AUDIO_FIXTURES / "medium.txt").read_text(), data["text"]) < 0.15
    word = data["segments"][0]["words"][0]
    assert set(word) == {"start", "end", "word", "probability"}


def test_transcribe_silence_is_empty_not_invented() -> None:
    out = run("transcribe", str(AUDIO_FIXTURES / "noise.wav"), "--format", "json")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["text"] == ""
    out = run("transcribe", str(AUDIO_FIXTURES / "silence.wav"))
    assert out.returncode == 0 and out.stdout == ""
    assert "no speech heard" in out.stderr


def test_score_audio_adds_the_transcript_and_ranks_answers() -> None:
    cards = {}
    for name in ("weak", "strong"):
        meta = MANIFEST[name]
        out = run("score", "--question", meta["question"], "--audio",
                  str(AUDIO_FIXTURES / meta["files"][0]), "--format", "json")
        assert out.returncode == 0, out.stderr
        cards[name] = json.loads(out.stdout)
        transcript = cards[name]["transcript"]
        assert wer((AUDIO_FIXTURES / f"{name}.txt").read_text(), transcript["text"]) < 0.15
        assert transcript["segments"] and "dimensions" in cards[name]
    assert cards["strong"]["overall"] > cards["weak"]["overall"]


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "the file is empty"), (b"not audio" * 100, "not a readable audio file"),
     (None, "no such file")],
    ids=["empty", "corrupt", "missing"],
)
def test_bad_audio_is_one_line_and_exit_2(tmp_path: Path, content: bytes | None,
                                          message: str) -> None:
    bad = tmp_path / "answer.mp3"
    if content is not None:
        bad.write_bytes(content)
    for args in (("transcribe", str(bad), "--format", "json"),
                 ("score", "--question", "Q?", "--audio", str(bad), "--format", "json")):
        out = run(*args)
        assert out.returncode == 2, out
        assert out.stdout == ""
        assert out.stderr.count("\n") == 1 and message in out.stderr and str(bad) in out.stderr
        assert "Traceback" not in out.stderr


def test_score_of_a_silent_recording_is_refused() -> None:
    out = run("score", "--question", "Q?", "--audio", str(AUDIO_FIXTURES / "silence.wav"),
              "--format", "json")
    assert out.returncode == 2 and out.stdout == ""
    assert "no speech heard" in out.stderr


def test_score_needs_exactly_one_answer_source(tmp_path: Path) -> None:
    answer = tmp_path / "a.txt"
    answer.write_text("An answer.")
    out = run("score", "--question", "Q?", "--answer-file", str(answer), "--audio",
              str(AUDIO_FIXTURES / "weak.wav"))
    assert out.returncode == 2 and "not allowed with argument" in out.stderr


def test_devices_lists_the_virtual_microphone(virtmic_fifo: Path) -> None:
    out = run("devices")
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("Microphones (inputs):")
    assert "pulse" in out.stdout and "(default, in use)" in out.stdout
    assert "Speakers (outputs):" in out.stdout
    out = run("devices", "--format", "json")
    data = json.loads(out.stdout)
    assert any(d["default_input"] for d in data["devices"]) and data["input_in_use"] is not None
    out = run("--input-device", "pulse", "devices")
    line = next(x for x in out.stdout.splitlines() if " pulse " in x)
    assert "in use" in line


def test_devices_without_portaudio_is_one_line_and_exit_2(tmp_path: Path) -> None:
    (tmp_path / "sounddevice.py").write_text("raise OSError('cannot load libportaudio.so.2')\n")
    out = run("devices", env={**os.environ, "PYTHONPATH": str(tmp_path)})
    assert out.returncode == 2 and out.stdout == ""
    assert out.stderr.startswith("interviewer: no microphone: the PortAudio library is missing")
