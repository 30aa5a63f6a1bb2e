"""Delivery figures on real audio: a fixture built with known words, pauses and fillers,
transcribed by the real tiny.en model; `score --audio` and the engine carry the figures."""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from interviewer.banks import Question
from interviewer.coach.offline import OfflineCoach
from interviewer.report import render_session
from interviewer.session.engine import InterviewEngine
from interviewer.session.library import load_record
from interviewer.session.recordings import recordings
from interviewer.session.store import SessionStore
from interviewer.speech.delivery import FIELDS, from_words
from interviewer.speech.whisper_stt import WhisperTranscriber
from tests.support.audio_files import AUDIO_FIXTURES
from tests.support.session_factory import GOOD, saved_record

MANIFEST = json.loads((AUDIO_FIXTURES / "manifest.json").read_text())
META = MANIFEST["delivery"]
KNOWN = META["delivery"]
FIXTURE = AUDIO_FIXTURES / "delivery.wav"
INTERVIEWER = str(Path(sys.executable).parent / "interviewer")


def make_fixtures() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_fixtures",
                                                  AUDIO_FIXTURES / "make_fixtures.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_fixtures"] = module
    spec.loader.exec_module(module)
    return module


def test_the_fixture_is_built_with_what_the_manifest_says(tmp_path: Path) -> None:
    mf = make_fixtures()
    spec = mf.DELIVERY
    starts: list[float] = []
    audio = mf.speak(spec, starts)
    assert mf.known_delivery(spec, starts) == KNOWN
    assert KNOWN["words"] == len((AUDIO_FIXTURES / "delivery.txt").read_text().split())
    # Exactly three silences over 3 s, with a margin; the rest well under it.
    assert KNOWN["long_pauses"] == 3
    assert sorted(p for p in spec.pauses if p > 3) == [4.0, 4.2, 4.5]
    assert max(p for p in spec.pauses if p < 3) <= 1.5
    # Deterministic: the same bytes as the committed fixture.
    mf.write_wav(tmp_path / "delivery.wav", audio)
    assert (tmp_path / "delivery.wav").read_bytes() == FIXTURE.read_bytes()


def test_delivery_on_the_fixture_matches_how_it_was_built(whisper: WhisperTranscriber) -> None:
    transcript = whisper.transcribe_file(FIXTURE)
    d = from_words(transcript.words)
    print(f"delivery.wav: measured {d.to_dict()}, pauses {d.pauses_s}; built with {KNOWN}")
    assert abs(d.words - KNOWN["words"]) <= 0.05 * KNOWN["words"]
    assert d.long_pauses == KNOWN["long_pauses"]
    assert all(p > 3.5 for p in d.pauses_s)  # 4.0-4.5 s of silence, less the words' edges
    assert d.fillers == KNOWN["fillers"]
    assert d.filler_words == {"so": 1, "you know": 1, "basically": 1}
    assert d.seconds_to_first_point == pytest.approx(KNOWN["first_point_s"], abs=0.5)
    # Talk time runs from the first word to the last; pace is words over it.
    assert d.duration_s == pytest.approx(META["seconds"] - 0.3 - 0.5, abs=0.75)
    assert d.wpm == pytest.approx(d.words / d.duration_s * 60, abs=0.1)


def test_score_audio_json_adds_delivery() -> None:
    out = subprocess.run([INTERVIEWER, "score", "--question", META["question"], "--audio",
                          str(FIXTURE), "--format", "json"],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    delivery = data["delivery"]
    assert tuple(delivery)[:7] == FIELDS
    assert delivery["long_pauses"] == KNOWN["long_pauses"]
    assert abs(delivery["words"] - KNOWN["words"]) <= 0.05 * KNOWN["words"]
    words = [(w["start"], w["end"], w["word"]) for s in data["transcript"]["segments"]
             for w in s["words"]]
    from interviewer.speech.delivery import analyze

    assert delivery == analyze(words).to_dict()


def test_a_typed_score_has_no_delivery(tmp_path: Path) -> None:
    answer = tmp_path / "answer.txt"
    answer.write_text(GOOD)
    out = subprocess.run([INTERVIEWER, "score", "--question", "How?", "--answer-file",
                          str(answer), "--format", "json"],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert "delivery" not in json.loads(out.stdout)


def test_the_engine_keeps_a_spoken_answers_delivery(whisper: WhisperTranscriber,
                                                    tmp_path: Path) -> None:
    transcript = whisper.transcribe_file(FIXTURE)
    store = SessionStore(tmp_path)
    engine = InterviewEngine([Question.adhoc(META["question"])], OfflineCoach(), store=store,
                             mode="voice", minutes_per_answer=2.0)
    engine.start()
    path = engine.answer_audio_path()
    assert path is not None and engine.folder is not None
    shutil.copyfile(FIXTURE, path)
    engine.submit(transcript.text, audio_path=path, audio_seconds=transcript.duration,
                  segments=[s.to_dict() for s in transcript.segments])
    engine.submit("", skipped=True)  # a follow-up left unanswered: no delivery
    record = saved_record(engine.folder)
    spoken, skipped = record["questions"][0]["exchanges"][:2]
    expected = from_words(transcript.words, allowed_s=120.0).to_dict()
    assert spoken["delivery"] == expected
    assert spoken["audio"] == "answers/1.wav" and "delivery" not in skipped
    assert spoken["delivery"]["talk_share"] == pytest.approx(
        spoken["delivery"]["duration_s"] / 120, abs=0.001)
    # The review's replay and the reports read the same record.
    rec = recordings(engine.folder, load_record(engine.folder))[0]
    assert rec.has_answer_audio and len(rec.words) == len(transcript.words)
    md = render_session(load_record(engine.folder).view(), "md", engine.folder.name)
    assert "## Delivery" in md
    assert json.loads(render_session(load_record(engine.folder).view(), "json",
                                     engine.folder.name))[
        "report"]["delivery"]["long_pauses_total"] == KNOWN["long_pauses"]
