"""pyttsx3's espeak driver, as seen misbehaving: `runAndWait` returning before the file is
written (its "Audio saved to ..." printed later, from espeak-ng's thread), or no file at all.
A stand-in engine at the pyttsx3 boundary replays both; the installed `speak --output` with the
real espeak-ng is then run repeatedly: every call writes audio and stdout stays clean."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import threading
import time
import wave
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from interviewer.speech.pyttsx3_engine import EngineThread
from interviewer.speech.pyttsx3_tts import Pyttsx3Synthesizer

SCRIPT = Path(sys.executable).parent / "interviewer"


def tone_wav(seconds: float = 0.5, rate: int = 22050) -> bytes:
    t = np.arange(int(seconds * rate)) / rate
    samples = (np.sin(2 * np.pi * 220 * t) * 8000).astype(np.int16)
    buf = io.BytesIO()
    with wave.open(buf, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(rate)
        wav.writeframes(samples.tobytes())
    return buf.getvalue()


class LateEngine:
    """The first synthesis writes nothing; the next ones are written 0.2 s after `runAndWait`
    has returned, and then announced on stdout, as the espeak driver does."""

    driver_name = "espeak"

    def __init__(self) -> None:
        self.calls = 0
        self.path = ""
        self.late: list[threading.Thread] = []

    def getProperty(self, name: str) -> Any:
        return "default-voice" if name == "voice" else None

    def setProperty(self, name: str, value: Any) -> None:
        pass

    def save_to_file(self, text: str, path: str) -> None:
        self.path = path

    def runAndWait(self) -> None:
        self.calls += 1
        if self.calls == 1:
            return
        path = self.path

        def later() -> None:
            time.sleep(0.2)
            Path(path).write_bytes(tone_wav())
            print(f"Audio saved to {path}")

        self.late.append(threading.Thread(target=later, daemon=True))
        self.late[-1].start()


def test_a_missing_or_late_file_is_waited_for_and_retried(capsys: pytest.CaptureFixture[str]
                                                          ) -> None:
    engine = LateEngine()
    thread = EngineThread(factory=lambda: engine)
    try:
        synth = Pyttsx3Synthesizer(engine=thread)
        first = synth.synthesize("The first sentence.")
        second = synth.synthesize("And a second one.")
    finally:
        thread.close()
    assert first.frames > 0 and second.frames > 0
    assert engine.calls == 3  # one retry, for the file never written
    for late in engine.late:  # every late file written, and its line printed
        late.join(5)
    out = capsys.readouterr().out
    assert "Audio saved" not in out, out


@pytest.mark.slow
def test_speak_output_repeatedly_with_the_real_engine(tmp_path: Path) -> None:
    env = {**os.environ, "INTERVIEWER_HOME": str(tmp_path / "h"),
           "INTERVIEWER_CONFIG": str(tmp_path / "none.toml")}
    for i in range(12):
        out_file = tmp_path / f"say-{i}.wav"
        done = subprocess.run([str(SCRIPT), "speak", "--output", str(out_file),
                               f"Question {i}: how would you measure success?"], env=env,
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, (i, done.stderr)
        assert done.stdout == "", (i, done.stdout)
        with wave.open(str(out_file)) as wav:
            assert wav.getnframes() > wav.getframerate() // 2, i
