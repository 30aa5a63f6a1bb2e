"""Resuming a voice interview killed mid-answer: the engine keeps the prompt being answered and
its recording's path on disk before recording starts; on resume the partial recording becomes
an exchange marked interrupted, its transcript is adopted, and the report holds it."""

from __future__ import annotations

import json
import random
import threading
import wave
from pathlib import Path
from typing import Any

import pytest

from interviewer.coach.offline import OfflineCoach
from interviewer.report import render_session
from interviewer.session.engine import InterviewEngine, Prompt
from interviewer.session.library import load_record, missing_audio
from interviewer.session.recordings import recordings
from interviewer.session.store import SessionStore
from interviewer.speech.audio import SAMPLE_RATE, load_audio
from interviewer.speech.wavfile import WavWriter, wav_seconds
from interviewer.speech.whisper_stt import WhisperTranscriber
from tests.support.audio_files import AUDIO_FIXTURES
from tests.support.fixture_types import MakeApp
from tests.support.session_factory import (
    GOOD,
    StepClock,
    answer_aloud,
    bank,
    record_partly,
    saved_record,
    to_question,
    tone_wav,
    voice_engine,
)
from tests.support.virtmic import Feeder

REFERENCE_WORDS = ("drop", "logging", "listeners", "platform", "country")
"""Words the first ~14 s of audio_fixtures/medium.flac say (see medium.txt)."""


def all_exchanges(record: dict[str, Any]) -> list[dict[str, Any]]:
    return [ex for q in record["questions"] for ex in q["exchanges"]]


def test_the_pending_prompt_and_its_recording_are_on_disk_before_recording(home: Path) -> None:
    engine, prompt = voice_engine(home)
    prompt = to_question(engine, prompt, 2)
    assert engine.folder is not None
    n = engine.exchange_number
    path = engine.answer_audio_path()
    assert path == engine.folder / "answers" / f"{n}.wav"
    pending = saved_record(engine.folder)["pending"]
    assert pending["audio"] == f"answers/{n}.wav"
    assert pending["kind"] == "question" and pending["question"] == 2
    assert pending["prompt"] == prompt.text and pending["asked_at"]
    # Never a file that is already there: a second try at the same prompt gets its own.
    path.write_bytes(b"")
    again = engine.answer_audio_path()
    assert again == engine.folder / "answers" / f"{n}-2.wav"
    assert saved_record(engine.folder)["pending"]["audio"] == f"answers/{n}-2.wav"
    nxt = engine.submit("typed after all")
    # The answered prompt is no longer pending: the next one is, on disk before it is shown.
    after = saved_record(engine.folder)
    if nxt is None:
        assert "pending" not in after
    else:
        assert after["pending"]["prompt"] == nxt.text and "audio" not in after["pending"]


def test_prompt_audio_is_numbered_by_the_engine_across_a_resume(home: Path) -> None:
    engine, prompt = voice_engine(home, count=3)
    prompt = to_question(engine, prompt, 2)
    folder = engine.folder
    assert folder is not None
    asked = engine.exchange_number
    assert engine.prompt_audio_path() == folder / "prompts" / f"{asked}.wav"
    SessionStore(home).save_prompt_audio(folder, asked, tone_wav(0.3))
    answer_aloud(engine)
    record = saved_record(folder)
    assert all_exchanges(record)[asked - 1]["prompt_audio"] == f"prompts/{asked}.wav"
    prompt_wav = recordings(folder, load_record(folder))[asked - 1].prompt_path
    assert prompt_wav == folder / "prompts" / f"{asked}.wav"
    # A later process goes on from the next number, never over a file kept before.
    resumed = InterviewEngine.resume(folder, OfflineCoach(), store=SessionStore(home))
    assert resumed.exchange_number == asked + 1
    assert resumed.prompt_audio_path() == folder / "prompts" / f"{asked + 1}.wav"


def test_killed_mid_answer_resumed_adopted_and_reported(home: Path,
                                                        whisper: WhisperTranscriber) -> None:
    engine, prompt = voice_engine(home)
    prompt = to_question(engine, prompt, 2)
    folder = engine.folder
    assert folder is not None
    before = [ex["answer"] for ex in all_exchanges(saved_record(folder))]
    n = engine.exchange_number
    prompt_path = engine.prompt_audio_path()
    assert prompt_path == folder / "prompts" / f"{n}.wav"
    SessionStore(home).save_prompt_audio(folder, n, tone_wav(0.4))
    path = engine.answer_audio_path()
    assert path is not None
    writer = record_partly(path, 14.0)
    del engine  # the process is gone: nothing closes the file, nothing is submitted

    resumed = InterviewEngine.resume(folder, OfflineCoach(), store=SessionStore(home),
                                     clock=StepClock())
    found = resumed.interrupted
    assert found is not None and found.audio_path == path
    assert found.kind == "question" and found.question_index == 1 and found.exchange_index == 0
    assert found.prompt == prompt.text
    assert found.audio_seconds == pytest.approx(14.0, abs=0.01)
    # Already on disk, before any transcript: the recording is an exchange of its question.
    on_disk = saved_record(folder)
    assert on_disk["pending"]["question"] == 3 and "audio" not in on_disk["pending"]
    ex = on_disk["questions"][1]["exchanges"][0]
    assert ex["interrupted"] and ex["needs_transcript"] and ex["audio"] == f"answers/{n}.wav"
    assert ex["prompt_audio"] == f"prompts/{n}.wav"
    # ... and the interview goes on from the next question, with the next numbers.
    assert resumed.prompt is not None and resumed.prompt.kind == "question"
    assert resumed.prompt.number == 3
    assert resumed.exchange_number == n + 1
    nxt_path = resumed.answer_audio_path()
    assert nxt_path == folder / "answers" / f"{n + 1}.wav" and nxt_path != path

    transcript = whisper.transcribe_file(path)
    resumed.adopt_interrupted(transcript.text,
                              segments=[s.to_dict() for s in transcript.segments],
                              audio_seconds=found.audio_seconds)
    assert resumed.interrupted is None
    adopted = saved_record(folder)["questions"][1]["exchanges"][0]
    assert "needs_transcript" not in adopted and adopted["interrupted"] is True
    assert not adopted["skipped"]
    text = adopted["answer"].lower()
    assert sum(word in text for word in REFERENCE_WORDS) >= 4, text
    assert adopted["delivery"]["words"] > 20 and adopted["segments"][0]["words"]
    assert resumed.items[1].answers[0] == adopted["answer"]

    nxt: Prompt | None = resumed.prompt
    while nxt is not None:
        nxt = answer_aloud(resumed)
    resumed.finish()
    record = saved_record(folder)
    answers = [ex["answer"] for ex in all_exchanges(record)]
    assert answers[:len(before)] == before and adopted["answer"] in answers
    assert not missing_audio(folder, load_record(folder))
    rec = next(r for r in recordings(folder, load_record(folder))
               if r.answer_ref == f"answers/{n}.wav")
    assert rec.has_answer_audio and rec.prompt_path == prompt_path and rec.words
    report = json.loads(render_session(load_record(folder).view(), "json", folder.name))
    said = [ex for q in report["questions"] for ex in q["exchanges"]]
    assert [ex["answer"] for ex in said] == answers
    assert any(ex.get("interrupted") for ex in said)
    md = render_session(load_record(folder).view(), "md", folder.name)
    assert adopted["answer"][:40] in md and md.count("recorded up to an interruption") == 1
    html = render_session(load_record(folder).view(), "html", folder.name)
    assert "recorded up to an interruption" in html
    # The recording is all the audio written up to the kill.
    writer.close()
    with wave.open(str(path)) as wav:
        assert wav.getnframes() == 14 * SAMPLE_RATE


def test_killed_during_a_follow_up_answer(home: Path) -> None:
    prompt: Prompt | None
    engine, prompt = voice_engine(home, count=2)
    prompt = answer_aloud(engine, "I'd train a bigger model.")
    assert prompt is not None and prompt.kind == "follow-up" and prompt.number == 1
    assert engine.folder is not None and prompt.follow_up is not None
    path = engine.answer_audio_path()
    assert path is not None
    tone_wav(3.0, path)
    resumed = InterviewEngine.resume(engine.folder, OfflineCoach(),
                                     store=SessionStore(home))
    assert resumed.interrupted is not None and resumed.interrupted.kind == "follow-up"
    assert resumed.prompt is not None and resumed.prompt.number == 2
    assert [f.text for f in resumed.items[0].follow_ups] == [prompt.text]
    ex = saved_record(engine.folder)["questions"][0]["exchanges"][-1]
    assert ex["kind"] == "follow-up" and ex["probe_dimension"] == prompt.follow_up.dimension
    # Killed again before the transcript was made: still waiting on the next resume.
    again = InterviewEngine.resume(engine.folder, OfflineCoach(), store=SessionStore(home))
    assert again.interrupted is not None and again.interrupted.audio_path == path
    assert len(saved_record(engine.folder)["questions"][0]["exchanges"]) == 2
    again.adopt_interrupted("")  # no words heard: kept as a recording
    ex = saved_record(engine.folder)["questions"][0]["exchanges"][-1]
    assert ex["skipped"] and ex["audio"] and "needs_transcript" not in ex
    with pytest.raises(RuntimeError):
        again.adopt_interrupted("twice")


def test_a_recording_with_no_audio_is_dropped_and_the_question_asked_again(home: Path) -> None:
    engine, prompt = voice_engine(home, count=2)
    prompt = to_question(engine, prompt, 2)
    assert engine.folder is not None
    path = engine.answer_audio_path()
    assert path is not None
    WavWriter(path)  # killed before the first block arrived: a header only
    assert wav_seconds(path) == 0.0
    resumed = InterviewEngine.resume(engine.folder, OfflineCoach(),
                                     store=SessionStore(home))
    assert resumed.interrupted is None and not path.exists()
    assert resumed.prompt is not None and resumed.prompt.text == prompt.text
    assert not saved_record(engine.folder)["questions"][1]["exchanges"]
    # A typed session killed mid-answer has no recording: nothing to adopt either.
    text_engine = InterviewEngine(bank().pick("mixed", 2, random.Random(3)), OfflineCoach(),
                                  store=SessionStore(home))
    text_engine.start()
    text_engine.submit(GOOD)
    assert text_engine.folder is not None
    later = InterviewEngine.resume(text_engine.folder, OfflineCoach(),
                                   store=SessionStore(home))
    assert later.interrupted is None


def test_scoring_waits_for_the_interrupted_transcript(home: Path) -> None:
    engine, _ = voice_engine(home, count=1)
    assert engine.folder is not None
    path = engine.answer_audio_path()
    assert path is not None
    tone_wav(2.0, path)
    resumed = InterviewEngine.resume(engine.folder, OfflineCoach(),
                                     store=SessionStore(home))
    assert resumed.needs_scoring and resumed.interrupted is not None
    resumed.interrupted_wait_s = 30.0
    timer = threading.Timer(0.3, lambda: resumed.adopt_interrupted(GOOD))
    timer.start()
    card = resumed.finish()
    timer.join()
    record = saved_record(engine.folder)
    assert record["status"] == "complete" and all_exchanges(record)[0]["answer"] == GOOD
    assert card.overall > 1


# -- the app: resuming transcribes the interrupted answer in a worker ---------------------------
class WordsTranscriber:
    """A transcriber that hears `text` in any audio, one word every 0.3 s."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.calls = 0

    language = "en"

    def check(self) -> str:
        return "words"

    def load(self) -> None:
        pass

    def transcribe(self, audio: Any, *, beam_size: int | None = None,
                   word_timestamps: bool | None = None, hint: str | None = None) -> Any:
        from interviewer.speech.stt import Segment, Transcript, Word

        self.calls += 1
        words = tuple(Word(0.2 + 0.3 * i, 0.44 + 0.3 * i, w, 0.9)
                      for i, w in enumerate(self.text.split()))
        segment = Segment(words[0].start, words[-1].end, self.text, words)
        return Transcript((segment,), len(audio) / SAMPLE_RATE)


async def test_the_resumed_app_transcribes_and_keeps_the_interrupted_answer(
        make_tui_app: MakeApp, tui_home: Path) -> None:
    from interviewer.ui.interview import InterviewScreen
    from interviewer.ui.voice_kit import VoiceKit
    from tests.support.pilot import screen_as
    from tests.support.waiting import pilot_until

    engine, prompt = voice_engine(tui_home)
    prompt = to_question(engine, prompt, 2)
    folder = engine.folder
    assert folder is not None
    path = engine.answer_audio_path()
    assert path is not None
    tone_wav(4.0, path)
    heard = "I would first check whether the drop is real or a logging problem."
    transcriber = WordsTranscriber(heard)

    def no_mic() -> Any:
        raise AssertionError("a typed resume never opens the microphone")

    kit = VoiceKit(transcriber, no_mic)  # type: ignore[arg-type]
    app = make_tui_app(text_only=True, questions=3, voice=kit)
    app.resume = folder
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot_until(pilot, lambda: isinstance(app.screen, InterviewScreen))
        shown = screen_as(app, InterviewScreen).engine.prompt
        assert shown is not None and shown.number == 3
        await pilot_until(pilot, lambda: saved_record(folder)["questions"][1]["exchanges"]
                          and saved_record(folder)["questions"][1]["exchanges"][0]["answer"])
        await pilot_until(pilot, lambda: any("recorded up to the interruption" in n.message
                                             for n in app._notifications), "the notice")
        notes = [n.message for n in app._notifications]
        assert any("recorded up to the interruption" in n and "logging problem" in n
                   for n in notes), notes
    ex = saved_record(folder)["questions"][1]["exchanges"][0]
    assert ex["answer"] == heard and ex["interrupted"] and ex["audio"] == f"answers/{path.stem}.wav"
    assert ex["delivery"]["words"] == len(heard.split()) and transcriber.calls == 1
    assert kit.state == "ready"


# -- the real thing: a voice interview on the virtual microphone, SIGKILLed mid-answer ----------
@pytest.mark.slow
def test_a_voice_interview_killed_mid_answer_is_resumed_and_reported(
        tmp_path: Path, virtmic_fifo: Path) -> None:
    import os
    import shutil
    import signal
    import subprocess

    import numpy as np
    import pexpect

    from tests.support.terminal import (
        ANSWERS,
        SCRIPT,
        ResumedTerminal,
        Terminal,
        answers_of,
        exchanges,
        letters,
        read_record,
        twin_engine,
        wait_for_prompt,
    )
    from tests.support.terminal import answer as type_answer

    home = tmp_path / "home"
    env = {**os.environ, "TERM": "xterm-256color", "INTERVIEWER_HOME": str(home),
           "INTERVIEWER_CONFIG": str(tmp_path / "no-config.toml"), "INTERVIEWER_MODE": "voice",
           # Answers end on a fixed silence only: the kill must come while still recording.
           "INTERVIEWER_TURN_MODEL": "false", "INTERVIEWER_SILENCE_END_S": "4",
           "COLUMNS": "100", "LINES": "34"}
    term = Terminal.__new__(Terminal)
    term.child = pexpect.spawn(str(SCRIPT), ["--questions", "3", "--no-speak"], env=env,
                               dimensions=(34, 100), encoding="utf-8", codec_errors="replace",
                               timeout=15)
    term.output = ""
    try:
        term.wait_for(lambda: "Speechmodelready" in letters(term.output), "the speech model",
                      timeout=60)
        term.child.send("\r")  # start, in voice (the home screen's mode)
        term.wait_for(lambda: read_record(home) is not None, "the session file")
        record = read_record(home)
        assert record is not None and record["mode"] == "voice"
        twin, prompt = twin_engine(record)
        wait_for_prompt(term, prompt, 0)

        # Question 1, answered aloud to its end (the answer ends itself after the silence).
        term.child.send(" ")
        term.wait_for(lambda: "Listening" in term.output, "the recording to start")
        weak = load_audio(AUDIO_FIXTURES / "weak.wav")
        feed = Feeder(virtmic_fifo, np.concatenate((weak, np.zeros(6 * SAMPLE_RATE,
                                                                     np.float32))))
        term.wait_for(lambda: len(exchanges(read_record(home))) == 1, "the spoken answer",
                      timeout=60)
        feed.stop.set()
        feed.thread.join(5)
        first = exchanges(read_record(home))[0]
        assert first["audio"] == "answers/1.wav" and "model" in first["answer"].lower()
        mark = len(term.output)
        nxt = twin.submit(first["answer"])
        while nxt is not None and nxt.number == 1:  # follow-ups of question 1: skipped
            wait_for_prompt(term, nxt, mark)
            saved = len(exchanges(read_record(home)))
            mark = len(term.output)
            term.child.send("\x0e")  # ctrl+n
            term.wait_for(lambda s=saved: len(exchanges(read_record(home))) == s + 1,  # type: ignore[misc]
                          "the skip")
            nxt = twin.submit("", skipped=True)
        assert nxt is not None and nxt.kind == "question" and nxt.number == 2
        wait_for_prompt(term, nxt, mark)

        # Question 2: about 12 s spoken, then the process is killed while still recording.
        given = [ex["answer"] for ex in exchanges(read_record(home))]
        n = len(given) + 1
        wav_path = next((home / "sessions").iterdir()) / "answers" / f"{n}.wav"
        mark = len(term.output)
        term.child.send(" ")
        term.wait_for(lambda: "Listening" in term.output[mark:], "the second recording")
        pending = (read_record(home) or {}).get("pending")
        assert pending is not None and pending["audio"] == f"answers/{n}.wav"
        assert pending["prompt"] == nxt.text
        feed = Feeder(virtmic_fifo, load_audio(AUDIO_FIXTURES / "medium.flac"))
        term.wait_for(lambda: wav_path.exists() and wav_path.stat().st_size > 12 * 32000,
                      "12 s of the answer in its WAV", timeout=60)
        term.child.kill(signal.SIGKILL)
        fed_at_kill = feed.seconds
        feed.stop.set()
        term.child.close(force=True)
        assert term.child.signalstatus == signal.SIGKILL
    finally:
        if term.child.isalive():
            term.child.kill(signal.SIGKILL)
    feed.thread.join(5)
    killed = read_record(home)
    assert killed is not None and killed["status"] == "in-progress"
    assert [ex["answer"] for ex in exchanges(killed)] == given
    recorded_s = wav_seconds(wav_path)
    print(f"fed {fed_at_kill:.2f} s before the kill, recorded {recorded_s:.2f} s")
    assert 11.9 <= recorded_s <= fed_at_kill + 0.2, (recorded_s, fed_at_kill)
    assert recorded_s >= fed_at_kill - 2.0, (recorded_s, fed_at_kill)
    folder = wav_path.parents[1]

    # Resumed (typed): the recording is transcribed in the background; question 3 is asked.
    twin_folder = tmp_path / "twin" / "sessions" / folder.name
    shutil.copytree(folder, twin_folder)
    twin = InterviewEngine.resume(twin_folder, OfflineCoach(),
                                  store=SessionStore(tmp_path / "twin"))
    assert twin.interrupted is not None and twin.prompt is not None and twin.prompt.number == 3
    resumed = ResumedTerminal(home, tmp_path)
    try:
        wait_for_prompt(resumed, twin.prompt, 0)
        nxt = twin.prompt
        typed: list[str] = []
        while nxt is not None:
            text = ANSWERS[(len(typed) + 1) % len(ANSWERS)]
            nxt = type_answer(resumed, home, twin, text)
            typed.append(text.replace("\r", "\n"))
            assert len(typed) <= 3
        resumed.wait_for(lambda: (read_record(home) or {}).get("status") == "complete",
                         "the scorecard", timeout=120)
        resumed.wait_for(lambda: "Saved to" in resumed.output, "the scorecard screen")
        resumed.child.send("q")
        resumed.child.expect(pexpect.EOF, timeout=15)
        resumed.child.close()
    finally:
        if resumed.child.isalive():
            resumed.child.kill(signal.SIGKILL)
    assert resumed.child.exitstatus == 0, resumed.output[-2000:]
    assert "Traceback" not in resumed.output

    done = subprocess.run([str(SCRIPT), "report", "latest", "--format", "json"],
                          env={**os.environ, "INTERVIEWER_HOME": str(home),
                               "INTERVIEWER_CONFIG": str(tmp_path / "no-config.toml")},
                          capture_output=True, text=True, timeout=60, check=True)
    report = json.loads(done.stdout)
    said = [ex for q in report["questions"] for ex in q["exchanges"]]
    cut = said[len(given)]
    assert cut["interrupted"] is True and cut["audio"] == f"answers/{n}.wav"
    assert cut["prompt"] == pending["prompt"] and "needs_transcript" not in cut
    heard = cut["answer"].lower()
    assert sum(word in heard for word in REFERENCE_WORDS) >= 3, heard
    assert cut["audio_seconds"] == pytest.approx(recorded_s, abs=0.05)
    assert cut["delivery"]["words"] >= 20
    assert answers_of(report) == [*given, cut["answer"], *typed]
    assert report["report"]["answered"] == 3 and report["status"] == "complete"
    assert report["resumed"][0]["from_question"] == 3
    with wave.open(str(wav_path)) as wav:
        assert wav.getnframes() / SAMPLE_RATE == pytest.approx(recorded_s, abs=0.01)
