"""Sessions written before the record was typed (tests/fixtures/sessions_v1, saved by the
engine as it was) still list, load, report and resume: the on-disk JSON stays compatible."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from interviewer.coach.offline import OfflineCoach
from interviewer.report import render_session
from interviewer.session.engine import InterviewEngine
from interviewer.session.library import SessionSummary, list_sessions, load_record
from interviewer.session.record import RecordError, parse_record
from interviewer.session.store import SessionStore

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "sessions_v1"
NAMES = ("voice-resumed-complete", "text-quit-with-draft", "text-complete")


@pytest.fixture
def old_home(tmp_path: Path) -> Path:
    sessions = tmp_path / "sessions"
    sessions.mkdir()
    for name in NAMES:
        shutil.copytree(FIXTURES / name, sessions / name)
    return tmp_path


def test_old_sessions_list_with_their_figures(old_home: Path) -> None:
    entries = {e.id: e for e in list_sessions(SessionStore(old_home))}
    assert set(entries) == set(NAMES)
    assert all(isinstance(e, SessionSummary) for e in entries.values())
    voice, quit_, text = (entries[n] for n in NAMES)
    assert isinstance(voice, SessionSummary) and voice.status == "complete"
    assert voice.mode == "voice" and voice.overall is not None
    assert (voice.questions, voice.answered) == (2, 2)
    # the WAVs were left out of the fixture: named as problems, the session still lists
    assert voice.problems and all("is missing" in p for p in voice.problems)
    assert isinstance(quit_, SessionSummary) and quit_.status == "quit" and quit_.resumable
    assert quit_.overall is None and (quit_.questions, quit_.answered) == (3, 1)
    assert isinstance(text, SessionSummary) and text.overall is not None
    assert text.duration_s > 0 and not text.problems


@pytest.mark.parametrize("name", ["voice-resumed-complete", "text-complete"])
@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_old_sessions_render_every_report(old_home: Path, name: str, fmt: str) -> None:
    folder = old_home / "sessions" / name
    out = render_session(load_record(folder).view(), fmt, name)
    raw = json.loads((folder / "session.json").read_text(encoding="utf-8"))
    first_answer = raw["questions"][0]["exchanges"][0]["answer"]
    if fmt == "json":
        report = json.loads(out)
        assert report["report"]["session"] == name
        assert report["questions"][0]["exchanges"][0]["answer"] == first_answer
    else:
        assert max(re.findall(r"[A-Za-z]{5,}", first_answer), key=len) in out


def test_an_old_quit_session_resumes_with_its_draft(old_home: Path) -> None:
    folder = old_home / "sessions" / "text-quit-with-draft"
    raw = json.loads((folder / "session.json").read_text(encoding="utf-8"))
    engine = InterviewEngine.resume(folder, OfflineCoach(), store=SessionStore(old_home))
    assert engine.prompt is not None and engine.prompt.number == 2
    assert engine.prompt.text == raw["pending"]["prompt"]
    assert engine.draft == raw["pending"]["draft"]
    assert not engine.keep_audio
    nxt = engine.submit("I would start from the users and measure weekly retention.")
    assert nxt is not None
    again = json.loads((folder / "session.json").read_text(encoding="utf-8"))
    assert again["questions"][0] == raw["questions"][0]  # what was said is kept as it was
    assert again["keep_audio"] is False and again["status"] == "in-progress"
    assert again["resumed"][0]["status_was"] == "quit"


def test_an_old_voice_session_keeps_its_interrupted_answer(old_home: Path) -> None:
    folder = old_home / "sessions" / "voice-resumed-complete"
    raw = json.loads((folder / "session.json").read_text(encoding="utf-8"))
    report = json.loads(render_session(load_record(folder).view(), "json", folder.name))
    exchanges = [ex for q in report["questions"] for ex in q["exchanges"]]
    said = [ex for q in raw["questions"] for ex in q["exchanges"]]
    assert len(exchanges) == len(said)
    assert any(ex.get("interrupted") for ex in said)


@pytest.mark.parametrize("name", NAMES)
def test_an_old_record_is_written_back_as_it_was_read(name: str) -> None:
    raw = json.loads((FIXTURES / name / "session.json").read_text(encoding="utf-8"))
    assert parse_record(raw).to_json() == raw


def test_keys_this_version_does_not_know_are_kept() -> None:
    raw = json.loads((FIXTURES / "text-complete" / "session.json").read_text(encoding="utf-8"))
    raw["from_a_later_version"] = {"x": 1}
    raw["questions"][0]["exchanges"][0]["emotion"] = "calm"
    raw["questions"][0]["question"]["rubric_version"] = 2
    assert parse_record(raw).to_json() == raw


def test_who_transcribed_and_who_spoke_are_typed_and_round_trip() -> None:
    raw = json.loads((FIXTURES / "voice-resumed-complete" / "session.json")
                     .read_text(encoding="utf-8"))
    exchange = raw["questions"][0]["exchanges"][0]
    assert "transcript_backend" not in exchange  # an old file: the local backends, unsaid
    assert parse_record(raw).questions[0].exchanges[0].transcript_backend is None
    exchange |= {"transcript_backend": "openai+local", "prompt_backend": "openai"}
    record = parse_record(raw)
    assert record.questions[0].exchanges[0].transcript_backend == "openai+local"
    assert record.to_json() == raw
    exchange["prompt_backend"] = 3
    with pytest.raises(RecordError, match="prompt_backend"):
        parse_record(raw)


def test_an_unreadable_pending_prompt_is_dropped_not_the_session(old_home: Path) -> None:
    folder = old_home / "sessions" / "text-quit-with-draft"
    path = folder / "session.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    raw["pending"] = {"question": "two", "kind": "question"}
    path.write_text(json.dumps(raw), encoding="utf-8")
    record = load_record(folder)
    assert record.pending is None and record.answered == 1
    engine = InterviewEngine.resume(folder, OfflineCoach(), store=SessionStore(old_home))
    assert engine.prompt is not None and engine.prompt.number == 2 and engine.draft == ""
