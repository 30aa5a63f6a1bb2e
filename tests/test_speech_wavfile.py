"""Answers are written to disk while they are recorded: a kill -9 keeps a valid WAV of what
was said; files are private; session.json gets the audio path, segments and word timestamps."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import wave
from pathlib import Path

import numpy as np
import pytest

from interviewer.banks import QuestionBank
from interviewer.coach.offline import OfflineCoach
from interviewer.session.engine import InterviewEngine
from interviewer.session.store import SessionStore
from interviewer.speech.audio import SAMPLE_RATE, load_audio
from interviewer.speech.stt import Segment, Word
from interviewer.speech.wavfile import BackgroundWavWriter, WavWriter

WRITER = """
import sys, numpy as np
from interviewer.speech.wavfile import WavWriter
w = WavWriter(sys.argv[1])
t = np.arange(1600) / 16000
block = (0.2 * np.sin(2 * np.pi * 220 * t)).astype(np.float32)
n = 0
while True:
    w.write(block)
    n += 1
    if n % 10 == 0:
        print(n // 10, flush=True)   # whole seconds on disk
"""


def test_a_kill_9_keeps_a_readable_wav_of_everything_written(tmp_path: Path) -> None:
    path = tmp_path / "answers" / "1.wav"
    path.parent.mkdir()
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE,
                            text=True)
    assert proc.stdout is not None
    seconds = 0
    while seconds < 3:
        seconds = int(proc.stdout.readline())
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(10)
    assert proc.returncode == -signal.SIGKILL
    with wave.open(str(path), "rb") as w:
        assert (w.getnchannels(), w.getsampwidth(), w.getframerate()) == (1, 2, SAMPLE_RATE)
        frames = w.getnframes()
        data = w.readframes(frames)
    assert frames >= 3 * SAMPLE_RATE
    assert len(data) == 2 * frames  # the header never claims more than is on disk...
    # ...and at most the block being written when the kill came is left uncounted.
    assert 0 <= path.stat().st_size - (44 + 2 * frames) <= 2 * 1600
    audio = load_audio(path)  # and the decoder the app uses reads it too
    assert len(audio) == frames and np.abs(audio).max() == pytest.approx(0.2, abs=0.01)
    assert path.stat().st_mode & 0o777 == 0o600


def test_wav_writer_round_trip_and_private_mode(tmp_path: Path) -> None:
    path = tmp_path / "a.wav"
    path.write_bytes(b"old")
    os.chmod(path, 0o644)
    samples = np.linspace(-1, 1, 16000, dtype=np.float32)
    with WavWriter(path) as w:
        w.write(samples[:8000])
        w.write((samples[8000:] * 32767).astype(np.int16))
        assert w.seconds == 1.0
    assert path.stat().st_mode & 0o777 == 0o600
    back = load_audio(path)
    assert np.allclose(back, samples, atol=2e-4)


def test_background_writer_from_another_thread(tmp_path: Path) -> None:
    writer = BackgroundWavWriter(tmp_path / "b.wav")
    for _ in range(25):
        writer.write(np.full(640, 0.5, np.float32))
    assert writer.close() == tmp_path / "b.wav"
    assert writer.seconds == 1.0
    with wave.open(str(tmp_path / "b.wav"), "rb") as w:
        assert w.getnframes() == 16000


def test_the_engine_keeps_audio_and_segments_in_session_json(home: Path,
                                                             bank: QuestionBank) -> None:
    store = SessionStore(home)
    engine = InterviewEngine(bank.questions[:1], OfflineCoach(), store=store, mode="voice")
    engine.start()
    path = engine.answer_audio_path()
    assert path is not None and path == engine.folder / "answers" / "1.wav"  # type: ignore[operator]
    assert path.parent.stat().st_mode & 0o777 == 0o700
    with WavWriter(path) as w:
        w.write(np.zeros(1600, np.float32))
    seg = Segment(0.5, 1.4, "We would start with users.",
                  (Word(0.5, 0.7, "We", 0.9), Word(0.7, 1.4, "would", 0.8)))
    nxt = engine.submit("We would start with users.", audio_path=path, audio_seconds=0.1,
                        segments=[seg.to_dict()])
    record = json.loads((engine.folder / "session.json").read_text())  # type: ignore[operator]
    exchange = record["questions"][0]["exchanges"][0]
    assert exchange["audio"] == "answers/1.wav" and exchange["audio_seconds"] == 0.1
    assert exchange["segments"][0]["words"][1] == {"start": 0.7, "end": 1.4, "word": "would",
                                                   "probability": 0.8}
    if nxt is not None:  # a follow-up: the next answer gets the next file
        assert engine.answer_audio_path() == path.with_name("2.wav")


def test_a_typed_answer_has_no_audio_keys(home: Path, bank: QuestionBank) -> None:
    engine = InterviewEngine(bank.questions[:1], OfflineCoach(), store=SessionStore(home))
    engine.start()
    engine.submit("A typed answer about users and metrics.")
    record = json.loads((engine.folder / "session.json").read_text())  # type: ignore[operator]
    assert "audio" not in record["questions"][0]["exchanges"][0]
    assert InterviewEngine(bank.questions[:1], OfflineCoach()).answer_audio_path() is None
