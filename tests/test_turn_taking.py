"""Turn-taking on real parts: the real end-of-turn model (Smart Turn v3.2 from the installed
pipecat-ai wheel), the real tiny.en model, espeak-ng speech, the virtual microphone, the TUI
through Pilot and the `turns` command. Nothing here asserts wall-clock times: where an end
comes is read on the audio's own timeline."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from interviewer.speech.answer_recording import VoiceAnswer
from interviewer.speech.audio import SAMPLE_RATE
from interviewer.speech.sounddevice_microphone import SoundDeviceMicrophone
from interviewer.speech.streaming_settings import StreamingSettings
from interviewer.speech.turn import (
    SmartTurnModel,
    TurnDetector,
    TurnModelUnavailable,
    unfinished_reason,
)
from interviewer.ui.home import HomeScreen
from interviewer.ui.voice import VoiceInterviewScreen
from tests.support.audio_files import AUDIO_FIXTURES
from tests.support.diagnose import transcript_clues
from tests.support.fixture_types import MakeApp
from tests.support.pilot import SIZE, open_voice_interview, record_of
from tests.support.virtmic import feed_fifo
from tests.support.voice_parts import NO_MIC, no_mic_kit, real_kit
from tests.support.waiting import pilot_until

sys.path.insert(0, str(AUDIO_FIXTURES))
from turn_fixtures import TurnCase, cases

SCRIPT = Path(sys.executable).parent / "interviewer"


@pytest.fixture(scope="module")
def paused() -> TurnCase:
    """'... The first thing I would look at is' [a 2 s pause] 'the share of sessions...'."""
    return next(c for c in cases("paused") if c.name == "paused-01")


def test_the_words_say_when_a_thought_is_unfinished() -> None:
    assert unfinished_reason("The first thing I would look at is") == "stops on 'is'"
    assert unfinished_reason("We could roll it out to five percent first, and") \
        == "stops on 'and'"
    assert unfinished_reason("I'd start with the users. Let me think about that for a second.") \
        == "thinking phrase 'let me think'"
    assert unfinished_reason("Hmm.").startswith("stops on")
    assert unfinished_reason("The metrics are latency, cost,").startswith("stops")
    assert unfinished_reason("") == "no words heard yet"
    assert unfinished_reason("The reason this matters is that") == "stops on 'is that'"
    assert unfinished_reason("And I would measure that.") == ""
    assert unfinished_reason("That is how I would measure success.") == ""
    assert unfinished_reason("So my recommendation is to ship it to ten percent of users.") == ""


def test_words_whisper_guessed_at_the_end_are_set_aside() -> None:
    # tiny.en completes a clause cut short with a word or two it is unsure of: what it was
    # sure of must not stop on a word that needs more after it.
    guessed = [("is", 0.95), ("the", 0.9), ("ratio", 0.42), ("one.", 0.3)]
    assert unfinished_reason("What I watch first is the ratio one.", guessed) \
        == "stops on 'the' before unsure 'ratio one.'"
    assert unfinished_reason("Then we have to decide on it.",
                             [("decide", 0.9), ("on", 0.85), ("it.", 0.31)]) \
        == "stops on 'on' before unsure 'it.'"
    # A near-guess among the last words: the words cannot tell how the sentence ends.
    assert unfinished_reason("First we should talk them over.",
                             [("should", 0.9), ("talk", 0.9), ("them", 0.18), ("over.", 0.97)]) \
        == "last words unclear ('them' 0.18)"
    # Further back, an unsure word is only a misheard word.
    assert unfinished_reason("We compare it with the old score.",
                             [("with", 0.9), ("the", 0.2), ("old", 0.95), ("score.", 0.9)]) == ""
    # Without probabilities the same words read finished, as before.
    assert unfinished_reason("What I watch first is the ratio one.") == ""
    # Finished sentences: sure words, or an unsure last word after a word that can end one.
    assert unfinished_reason("We would launch it in March.",
                             [("it", 0.96), ("in", 0.97), ("March.", 0.93)]) == ""
    assert unfinished_reason("Churn went down last quarter.",
                             [("down", 0.9), ("last", 0.8), ("quarter.", 0.4)]) == ""
    # At most two words are set aside: a longer unsure run is read as heard.
    assert unfinished_reason("The plan is to measure retention weekly.",
                             [("to", 0.9), ("measure", 0.45), ("retention", 0.45),
                              ("weekly.", 0.45)]) == ""


def test_a_handful_of_words_is_an_opening_that_waits_longer() -> None:
    turn = TurnDetector(None)  # the transcript judge alone (no model installed)
    quiet = np.zeros(SAMPLE_RATE, np.float32)
    opening = turn.judge(quiet, "Right, so, first of all.", 0.6)
    assert not opening.complete and opening.reason == "a short answer (5 words)"
    assert opening.wait_s == turn.short_wait_s > turn.pause_s
    answer = turn.judge(quiet, "I would start with the people who pay for it today.", 0.6)
    assert answer.complete and answer.wait_s == turn.pause_s


def test_the_judge_gets_whispers_probabilities_of_the_last_words(whisper: Any) -> None:
    from make_fixtures import espeak, trim

    from interviewer.speech.turn import Heard
    from interviewer.speech.turn_replay import replay

    class Recording(TurnDetector):  # the real detector, remembering what it was given
        def judge(self, audio: Any, text: str, quiet_s: float = 0.0,
                  heard: Heard = (), *, held: bool = False) -> Any:
            asked.append((text, list(heard)))
            return super().judge(audio, text, quiet_s, heard, held=held)

    asked: list[tuple[str, list[tuple[str, float]]]] = []
    speech = trim(espeak("Our sellers would get paid the same week.", "en-us", 165))
    audio = np.concatenate((speech, np.zeros(3 * SAMPLE_RATE, np.float32)))
    result = replay(audio, whisper, Recording(None), once=True)
    assert result.ends and asked
    text, heard = asked[-1]
    assert heard and all(0.0 < p <= 1.0 for _, p in heard)
    assert text.endswith(heard[-1][0])  # the same words, the last of them with probabilities


def test_the_model_hears_a_dangling_and_as_unfinished(paused: TurnCase) -> None:
    from make_fixtures import espeak, trim

    model = SmartTurnModel.bundled()
    fragment = trim(espeak("We could roll it out to five percent of users first, and",
                           "en-us", 165))
    audio = np.concatenate((fragment, np.zeros(int(0.4 * SAMPLE_RATE), np.float32)))
    p = model.probability(audio)
    assert 0.0 <= p < 0.5


def test_a_missing_model_file_is_one_clear_line(tmp_path: Path) -> None:
    model = SmartTurnModel(tmp_path / "missing.onnx", tmp_path / "missing.py")
    with pytest.raises(TurnModelUnavailable) as err:
        model.load()
    assert "\n" not in str(err.value) and "end-of-turn" in str(err.value)


def with_quiet(case: TurnCase, seconds: float) -> np.ndarray:
    """The case's audio up to its last word, then `seconds` of silence (the FIFO microphone
    delivers nothing once its feed stops, so the quiet the detector needs must be fed)."""
    speech = case.audio[: int(case.last_word_s * SAMPLE_RATE)]
    return np.concatenate((speech, np.zeros(int(seconds * SAMPLE_RATE), np.float32)))


def test_through_the_virtual_microphone_it_holds_through_the_pause_and_ends_after_the_answer(
        whisper: Any, detector: TurnDetector, paused: TurnCase, virtmic_fifo: Path) -> None:
    """The real capture path: the speech goes into the PulseAudio pipe-source, sounddevice
    records it, the streaming transcriber and the detector decide."""
    ended = threading.Event()
    whisper.decodes.clear()  # this answer's, for the message of a failed assertion
    answer = VoiceAnswer(SoundDeviceMicrophone(), whisper, on_silence_end=ended.set,
                         settings=StreamingSettings(silence_end_s=8.0), turn=detector)
    # 12 s of quiet after the last word, as a real microphone goes on delivering: the end is
    # decided on a block that arrives after the verdict, so a feed that stops early can starve
    # it. The detector must still end it before the 8 s longest wait (asserted below).
    speech_and_silence = with_quiet(paused, 12.0)
    answer.start()
    writer = feed_fifo(virtmic_fifo, speech_and_silence, speed=1.0)
    try:
        assert ended.wait(120), "the answer never ended by itself"
    finally:
        writer.join(60)
    spoken = answer.stop()
    end = answer.stream.turn_ends[0]
    assert spoken.ended_by == "turn" and end.reason == "turn"
    # Held through the 2 s pause after "... look at is": no end before the last word.
    # (The microphone's timeline starts when it opened, a little before the first sample.)
    assert end.speech_end_s > paused.pause[1]  # type: ignore[index]
    assert end.at_s - end.speech_end_s < 8.0  # the detector, not the longest wait
    held = [v for _, v in answer.stream.verdicts if not v.complete]
    assert held and held[0].reason == "stops on 'is'"
    assert "purchase" in spoken.text.lower() and "roll back" in spoken.text.lower(), \
        transcript_clues(spoken.text, mic=answer.mic, answer=answer, whisper=whisper)


def test_turns_command_on_fixtures(tmp_path: Path, paused: TurnCase) -> None:
    from make_fixtures import write_wav

    wav = tmp_path / "paused.wav"
    write_wav(wav, paused.audio[: int((paused.last_word_s + 0.2) * SAMPLE_RATE)])
    out = subprocess.run([str(SCRIPT), "turns", str(wav), "--format", "json"],
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert set(result) >= {"duration_s", "speech_end_s", "turn_ends"}
    assert result["duration_s"] == pytest.approx(paused.last_word_s + 0.2, abs=0.01)
    assert result["speech_end_s"] == pytest.approx(paused.last_word_s, abs=0.3)
    assert len(result["turn_ends"]) == 1  # one end, after the answer, none in the pause
    assert result["turn_ends"][0] > paused.last_word_s
    # A fixed 1 s silence, on the same file, ends the answer inside the pause.
    out = subprocess.run([str(SCRIPT), "turns", str(wav), "--format", "json",
                          "--fixed-silence", "1"], capture_output=True, text=True, timeout=300)
    fixed = json.loads(out.stdout)["turn_ends"]
    assert len(fixed) == 2 and fixed[0] < paused.last_word_s  # cut off, then ended again
    # Bad input: one line, exit code 2.
    bad = tmp_path / "empty.wav"
    bad.write_bytes(b"")
    out = subprocess.run([str(SCRIPT), "turns", str(bad)], capture_output=True, text=True,
                         timeout=60)
    assert out.returncode == 2 and out.stderr.count("\n") == 1 and not out.stdout


PIPER_CASES = ("piper/paused-01", "piper/complete-02", "piper/complete-07", "piper/paused-05")


@pytest.fixture(scope="module")
def piper_cases() -> dict[str, TurnCase]:
    """The same answers in Piper's bundled voice (the app's engine, seeded: the same audio on
    every run), a voice that sounds like a person rather than espeak-ng's."""
    return {c.name: c for c in cases(voice="piper", names=PIPER_CASES)}


def turns_json(path: Path) -> dict[str, Any]:
    out = subprocess.run([str(SCRIPT), "turns", str(path), "--format", "json"],
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)  # type: ignore[no-any-return]


def test_turns_in_piper_voice_holds_the_pause_and_ends_a_complete_answer(
        tmp_path: Path, piper_cases: dict[str, TurnCase]) -> None:
    from make_fixtures import write_wav

    paused, complete = piper_cases["piper/paused-01"], piper_cases["piper/complete-02"]
    for case in (paused, complete):
        write_wav(tmp_path / f"{case.kind}.wav",
                  case.audio[: int((case.last_word_s + 0.2) * SAMPLE_RATE)])
    held = turns_json(tmp_path / "paused.wav")
    # "... The first thing I would look at is" [2 s] "the share of sessions...": one end,
    # after the last word, heard finished (not the longest wait).
    assert len(held["turn_ends"]) == 1 and held["turn_ends"][0] > paused.last_word_s
    assert held["ends"][0]["reason"] == "turn"
    assert "look at" in held["text"].lower() and "purchase" in held["text"].lower()
    ended = turns_json(tmp_path / "complete.wav")
    assert len(ended["turn_ends"]) == 1 and ended["turn_ends"][0] > complete.last_word_s
    assert ended["ends"][0]["reason"] == "turn"
    assert "measure success" in ended["text"].lower()


def test_a_model_sure_of_unfinished_is_asked_again_as_the_quiet_grows(
        whisper: Any, detector: TurnDetector, piper_cases: dict[str, TurnCase]) -> None:
    """Smart Turn hears some finished Piper sentences as unfinished (below 0.1) right after
    they end, then finished a second or two later: the answer ends then, not after the
    longest wait. Inside a pause after an unfinished clause whose last word Whisper misheard
    ("comes down to" as "comes down too."), it stays unfinished: held through the pause.
    Replayed as if compute took no time, so the verdicts fall at the same quiet every run."""
    from interviewer.speech.turn_replay import replay

    settings = StreamingSettings(silence_end_s=8.0)
    complete = piper_cases["piper/complete-07"]  # "... tells us whether the value lasts."
    result = replay(complete.audio, whisper, detector, settings, once=True, timer=lambda: 0.0)
    after = [v for at, v in result.verdicts if at > complete.last_word_s]
    assert after[0].model_held  # the words read finished, the model first heard "unfinished"
    assert result.ends[0].reason == "turn" and after[-1].complete
    assert result.ends[0].heard_s > complete.last_word_s

    paused = piper_cases["piper/paused-05"]
    assert paused.pause is not None
    result = replay(paused.audio, whisper, detector, settings, once=True, timer=lambda: 0.0)
    inside = [v for at, v in result.verdicts if paused.pause[0] < at <= paused.pause[1]]
    assert inside and all(not v.complete for v in inside)
    assert any(v.model_held for v in inside)  # only the model held it: the words read finished
    assert result.ends[0].reason == "turn" and result.ends[0].heard_s > paused.last_word_s


def test_after_a_held_pause_a_gap_between_sentences_is_not_the_end(
        whisper: Any, detector: TurnDetector) -> None:
    """'The reason this matters is that' [3.3 s, held] 'a wrong answer costs us the user's
    trust.' [0.54 s] 'And that is the trade-off I would make.', slow Piper: after the held
    pause, 0.6 s of quiet between the last two sentences (both judges: finished) no longer ends
    the turn; the first ask waits `resumed_pause_s`. With the first ask at 0.6 s there as well
    (the rule before), it is cut off. Replayed as if compute took no time."""
    from interviewer.speech.turn_replay import replay

    case = cases(voice="piper-slow", names=["piper-slow/paused-19"])[0]
    settings = StreamingSettings(silence_end_s=8.0)
    result = replay(case.audio, whisper, detector, settings, once=True, timer=lambda: 0.0)
    assert result.ends[0].reason == "turn" and result.ends[0].heard_s > case.last_word_s
    assert "trade off" in result.text.replace("-", " ")

    before = TurnDetector(detector.model, resumed_pause_s=detector.pause_s)
    cut = replay(case.audio, whisper, before, settings, once=True, timer=lambda: 0.0)
    assert cut.ends[0].heard_s < case.last_word_s  # ended between the last two sentences


async def test_in_the_tui_a_paused_answer_is_held_then_ends_by_itself(
        make_tui_app: MakeApp, whisper: Any, paused: TurnCase, virtmic_fifo: Path) -> None:
    app = make_tui_app(text_only=False, questions=1, mode="voice",
                       voice=real_kit(whisper, speak=False, turn=True))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_voice_interview(pilot)
        assert app.voice is not None and app.voice.turn is not None
        await pilot.press("space")
        recording = screen.recording
        assert recording is not None
        audio = with_quiet(paused, 7.0)
        writer = feed_fifo(virtmic_fifo, audio, speed=1.0)
        # During the pause after "... look at is" the answer is still being recorded.
        pause_mid = (paused.pause[0] + paused.pause[1]) / 2  # type: ignore[index]
        await pilot_until(pilot, lambda: recording.seconds > pause_mid + 0.5, timeout=60)
        assert screen.recording is recording
        # Then it ends by itself, without a key, after the last word.
        await pilot_until(pilot, lambda: screen.recording is None, timeout=60)
        writer.join(30)
        await pilot_until(pilot, lambda: len(record_of(app)["questions"][0]["exchanges"]) >= 1,
                          timeout=60)
        record = record_of(app)
    answer = record["questions"][0]["exchanges"][0]["answer"].lower()
    assert "look at" in answer and "purchase" in answer and "roll back" in answer
    assert recording.stream.end_reason == "turn"


async def test_mode_auto_is_voice_with_a_microphone(make_tui_app: MakeApp, whisper: Any,
                                                    virtmic_fifo: Path) -> None:
    app = make_tui_app(text_only=False, questions=1, mode="auto",
                       voice=real_kit(whisper, speak=False))
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, HomeScreen)
        await pilot_until(pilot, lambda: app.choice.mode != "auto")  # checked in a worker
        assert app.choice.mode == "voice"
        await pilot_until(pilot, lambda: app.voice is not None and app.voice.ready, timeout=60)
        notices = [n.message for n in app._notifications]
        await pilot.press("enter")
        await pilot_until(pilot, lambda: isinstance(app.screen, VoiceInterviewScreen))
    assert len(notices) == 1 and notices[0].startswith("Answering by voice")


async def test_mode_auto_is_text_without_a_microphone_and_says_why(make_tui_app: MakeApp) -> None:
    app = make_tui_app(text_only=False, questions=1, mode="auto", voice=no_mic_kit())
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, HomeScreen)
        await pilot_until(pilot, lambda: app.choice.mode != "auto")  # checked in a worker
        assert app.choice.mode == "text"
        await pilot.pause()
        notices = [n.message for n in app._notifications]
        await pilot.press("enter")
        assert not isinstance(app.screen, VoiceInterviewScreen)
        assert app.voice is not None and app.voice.state == "idle"  # nothing was loaded
    assert len(notices) == 1 and notices[0].startswith("Answering in text") and NO_MIC in notices[0]


def test_the_glossary_makes_domain_terms_heard_right(whisper: Any) -> None:
    """espeak-ng saying "RAG" and "D A U": tiny.en alone hears "our AD" and "the EU"; told the
    glossary (as every spoken answer is), it writes the terms."""
    from domain_fixtures import cases as domain_cases
    from domain_fixtures import heard

    from interviewer.speech.glossary import transcription_hint

    by_text = {c.text: c for c in domain_cases()}
    for text, term in (("The assistant uses RAG over the internal documents.", "RAG"),
                       ("D A U went down by three percent last month.", "DAU")):
        case = by_text[text]
        plain = whisper.transcribe(case.audio, hint="").text
        told = whisper.transcribe(case.audio, hint=transcription_hint()).text
        assert not heard(term, plain), plain
        assert heard(term, told), told


@pytest.fixture
def recorded_turns(whisper: Any, home: Path, monkeypatch: pytest.MonkeyPatch,
                   capsys: pytest.CaptureFixture[str]) -> Any:
    """`interviewer turns` in-process on the real model, with every hint it is given recorded
    at the Transcriber boundary: returns `turns(wav, *options) -> (result, hints)`."""
    from interviewer.cli import main
    from interviewer.speech import factory
    from interviewer.speech.stt import Transcript, Wrapped

    hints: list[str | None] = []

    class Recorded(Wrapped):
        def __init__(self, inner: Any) -> None:
            self.inner = inner

        def transcribe(self, audio: Any, *, beam_size: int | None = None,
                       word_timestamps: bool | None = None,
                       hint: str | None = None) -> Transcript:
            hints.append(hint)
            return self.inner.transcribe(audio, beam_size=beam_size,
                                         word_timestamps=word_timestamps, hint=hint)

    monkeypatch.setattr(factory, "make_transcriber", lambda *a, **k: Recorded(whisper))

    def turns(wav: Path, *extra: str) -> tuple[dict[str, Any], set[str | None]]:
        hints.clear()
        assert main(["turns", str(wav), "--format", "json", *extra]) == 0
        return json.loads(capsys.readouterr().out), set(hints)

    return turns


def test_turns_with_a_question_decodes_with_the_hint_the_app_gives(
        tmp_path: Path, whisper: Any, recorded_turns: Any) -> None:
    """Replay is faithful only if Whisper is told what the live app tells it (`primed`: the
    question and the glossary): on paused-08 that is the difference between "holdout" and
    "whole not group". Recorded at the Transcriber boundary, around the real model."""
    from make_fixtures import write_wav

    from interviewer.speech.answer_recording import primed

    case = next(c for c in cases("paused") if c.name == "paused-08")
    wav = tmp_path / "paused-08.wav"
    write_wav(wav, case.audio[: int((case.last_word_s + 0.2) * SAMPLE_RATE)])
    question = "How would you measure the success of a feature that reduces churn?"

    hinted, hints = recorded_turns(wav, "--question", question)
    assert set(hinted) >= {"duration_s", "speech_end_s", "turn_ends"}
    assert len(hinted["turn_ends"]) == 1 and hinted["turn_ends"][0] > case.last_word_s
    app_hint = primed(whisper, question).hint  # type: ignore[attr-defined]
    assert hints == {app_hint} and question in app_hint and "holdout" in app_hint
    assert "just as well" in hinted["text"], hinted["text"]

    bare, hints = recorded_turns(wav, "--no-hint")
    assert hints == {None}
    assert "just as well" in bare["text"], bare["text"]
    # What that hint changes, on a whole decode of the answer (the replay's passes fall where
    # each step's compute time puts them, so its words move with the machine's load).
    audio = case.audio[: int((case.last_word_s + 1.0) * SAMPLE_RATE)]
    assert "holdout group" in whisper.transcribe(audio, hint=app_hint).text
    assert "holdout" not in whisper.transcribe(audio).text


def test_turns_without_a_question_gives_the_glossary_as_the_app_does(
        tmp_path: Path, whisper: Any, recorded_turns: Any) -> None:
    """The app primes every answer with the glossary, the question or not (an empty question:
    the glossary alone); so does `turns` without `--question`. On espeak-ng's "The assistant
    uses RAG...", the replay then writes "RAG", where told nothing it hears "our AD"."""
    from domain_fixtures import cases as domain_cases
    from domain_fixtures import heard
    from make_fixtures import write_wav

    from interviewer.speech.answer_recording import primed
    from interviewer.speech.glossary import GLOSSARY

    case = next(c for c in domain_cases() if c.text.startswith("The assistant uses RAG"))
    wav = tmp_path / "rag.wav"
    write_wav(wav, case.audio)
    glossary_hint = primed(whisper, "").hint  # type: ignore[attr-defined]
    assert GLOSSARY in glossary_hint

    told, hints = recorded_turns(wav)
    assert hints == {glossary_hint}  # every decode of the replay, nothing else
    assert heard("RAG", told["text"]), told["text"]
    assert len(told["turn_ends"]) == 1
    bare, hints = recorded_turns(wav, "--no-hint")
    assert hints == {None}
    assert not heard("RAG", bare["text"]), bare["text"]
