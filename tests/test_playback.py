"""Playback: the interviewer's voice really goes out, starts with the first sentence, stops at
once, and is kept for replay.

The sound tests play through sounddevice to the PulseAudio null sink of the virtual audio server
(`make test` starts it: scripts/virtual-audio.sh) and record its monitor with `parec`. Fault
injection (no device, no engine) fakes the output at its interface.
"""

from __future__ import annotations

import stat
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from interviewer.session.store import SessionStore
from interviewer.speech.audio_output import AudioOutput, FillFn, OutputStream
from interviewer.speech.clip import Clip
from interviewer.speech.errors import OutputDeviceUnavailable, SpeechEngineUnavailable, SpeechError
from interviewer.speech.null_output import NullOutput
from interviewer.speech.pyttsx3_engine import EngineThread
from interviewer.speech.pyttsx3_tts import Pyttsx3Synthesizer
from interviewer.speech.sentences import split_sentences
from interviewer.speech.sounddevice_output import SoundDeviceOutput
from interviewer.speech.speaker import Speaker
from interviewer.speech.synthesizer import Synthesizer
from interviewer.speech.utterance import Utterance
from tests.support.speaker_monitor import MonitorRecording, frame_rms, voiced_span

LONG_TEXT = " ".join(
    f"This is sentence number {n} of a long question that nobody wants to hear in full."
    for n in range(1, 13)
)
QUESTION = ("Our video streaming app's home feed recommendations feel stale. "
            "How would you improve the recommendation system?")
MONITOR_RATE = 16000
FRAME = MONITOR_RATE // 50  # 20 ms


# -- the virtual audio server ---------------------------------------------------------------


@pytest.fixture(scope="module")
def synth() -> Pyttsx3Synthesizer:
    s = Pyttsx3Synthesizer()
    s.check()
    s.warm_up()
    return s


class Recorder:
    """The four callbacks, as an ordered log plus events to wait on."""

    def __init__(self) -> None:
        self.log: list[tuple[str, int, str]] = []
        self.errors: list[SpeechError] = []
        self.first_audio = threading.Event()
        self.ended = threading.Event()

    def callbacks(self) -> dict[str, Any]:
        return {"on_start": lambda u: self.log.append(("start", u.number, u.state)),
                "on_first_audio": self._first, "on_end": self._end, "on_error": self._error}

    def _first(self, u: Utterance) -> None:
        self.log.append(("first-audio", u.number, u.state))
        self.first_audio.set()

    def _end(self, u: Utterance) -> None:
        self.log.append(("end", u.number, u.state))
        self.ended.set()

    def _error(self, u: Utterance, exc: SpeechError) -> None:
        self.log.append(("error", u.number, type(exc).__name__))
        self.errors.append(exc)


def order(utt: Utterance, *kinds: str) -> list[int]:
    names = utt.event_kinds()
    return [names.index(k) for k in kinds]


# -- sound really goes out ------------------------------------------------------------------


def test_spoken_question_reaches_the_virtual_speaker(virtual_audio: str,
                                                     synth: Pyttsx3Synthesizer) -> None:
    recording = MonitorRecording(virtual_audio)
    recording.wait_running()
    rec = Recorder()
    speaker = Speaker(synth, SoundDeviceOutput(None), **rec.callbacks())
    utt = speaker.speak(QUESTION)
    assert utt.wait(30), "the utterance never ended"
    assert rec.ended.wait(5)
    # The stream has drained into the server; the null sink renders what it buffered (up to
    # ~1 s here) in real time before it reaches the monitor.
    recording.wait_quiet_after_sound()
    heard = recording.stop()
    speaker.close()

    assert utt.state == "done" and utt.completed, utt.event_kinds()
    said = utt.clip()
    assert utt.played_seconds == pytest.approx(said.seconds, abs=0.05)
    levels = frame_rms(heard, FRAME)
    silence = float(np.median(levels[:10]))  # the 0.2 s before the speech
    loud = float(np.percentile(levels, 90))
    assert loud > 0.05 and loud > 100 * max(silence, 1e-4), (
        f"no speech on the monitor: level {loud:.4f}, silence {silence:.4f}")
    expected = voiced_span(said.as_float32(), said.sample_rate)
    assert 0.85 * expected < voiced_span(heard, MONITOR_RATE) < expected + 0.3
    assert [e[0] for e in rec.log] == ["start", "first-audio", "end"]


# -- it starts with the first sentence ------------------------------------------------------


class GatedSynthesizer(Synthesizer):
    """The real engine, except that sentence 2 onwards waits until sound has started: if the
    speaker waited for the whole text before playing, it would wait here forever (timeout)."""

    def __init__(self, inner: Synthesizer, sound_started: threading.Event) -> None:
        self.inner = inner
        self.sound_started = sound_started
        self.calls = 0
        self.gate_timed_out = False

    def synthesize(self, text: str) -> Clip:
        self.calls += 1
        if self.calls > 1 and not self.sound_started.wait(10):
            self.gate_timed_out = True
        return self.inner.synthesize(text)


def test_first_sentence_plays_before_the_rest_is_synthesised(
        virtual_audio: str, synth: Pyttsx3Synthesizer) -> None:
    rec = Recorder()
    gated = GatedSynthesizer(synth, rec.first_audio)
    speaker = Speaker(gated, SoundDeviceOutput(None), **rec.callbacks())
    text = "First, a short sentence. Then a second one follows it. And a third to end."
    utt = speaker.speak(text)
    assert utt.wait_synthesized(30)
    speaker.stop()
    assert utt.wait(10)
    speaker.close()

    assert not gated.gate_timed_out, "playback waited for the whole text"
    first, sound, second, third, done = order(
        utt, "sentence:0", "first-audio", "sentence:1", "sentence:2", "synthesized")
    assert first < sound < second < third < done
    assert utt.sentences == split_sentences(text)


# -- it stops at once -----------------------------------------------------------------------


def test_stop_interrupts_a_long_utterance_at_once(virtual_audio: str,
                                                  synth: Pyttsx3Synthesizer) -> None:
    rec = Recorder()
    speaker = Speaker(synth, SoundDeviceOutput(None), **rec.callbacks())
    utt = speaker.speak(LONG_TEXT)
    assert utt.wait_first_audio(10) and speaker.is_speaking

    speaker.stop()  # the answer key
    assert not speaker.is_speaking and utt.state == "stopped"  # at once, before any cleanup
    assert utt.wait(10) and rec.ended.wait(5)
    played = utt.played_frames
    time.sleep(0.2)  # not a wait for anything: a window in which nothing more may be played
    speaker.close()

    assert utt.played_frames == played  # the device gets nothing more
    whole = utt.clip()
    assert utt.sentences == split_sentences(LONG_TEXT)  # still kept whole, for replay
    assert utt.played_seconds < whole.seconds / 4
    sound, stop, end = order(utt, "first-audio", "stop", "end")
    assert sound < stop < end
    # Callbacks arrive on the speaker's event thread, in order (stop() was earlier, so the
    # first-audio callback may already see the utterance stopped).
    assert [(kind, n) for kind, n, _ in rec.log] == [("start", 1), ("first-audio", 1), ("end", 1)]
    assert rec.log[-1] == ("end", 1, "stopped")
    assert rec.errors == []


def test_a_new_utterance_stops_the_one_before(virtual_audio: str,
                                              synth: Pyttsx3Synthesizer) -> None:
    speaker = Speaker(synth, SoundDeviceOutput(None))
    first = speaker.speak(LONG_TEXT)
    assert first.wait_first_audio(10)
    second = speaker.speak("Let me repeat the question.")  # the repeat key
    assert first.state == "stopped" and second.is_speaking and speaker.current is second
    assert first.wait(10) and second.wait(30)
    speaker.close()
    assert second.state == "done"


# -- fakes at the output boundary: exact samples, rates, faults -----------------------------


def test_played_audio_is_exactly_the_clip_and_is_kept(synth: Pyttsx3Synthesizer,
                                                      tmp_path: Path) -> None:
    utt = Speaker(synth, NullOutput(realtime=False)).speak(QUESTION)
    assert utt.wait(30) and utt.state == "done"
    whole = utt.clip()
    assert utt.sentences == split_sentences(QUESTION)
    assert whole.seconds == pytest.approx(synth.synthesize_text(QUESTION).seconds, abs=0.01)

    out = NullOutput(realtime=False)  # the replay of a kept prompt
    speaker = Speaker(synth, out)
    replay = speaker.play(whole)
    assert replay.wait(10) and replay.state == "done"
    speaker.close()
    played = np.concatenate(out.played)
    assert np.array_equal(played[: whole.frames], whole.as_float32())
    assert not played[whole.frames:].any()  # then only the padding of the last block

    store = SessionStore(tmp_path / "home")
    folder = store.new_folder("mixed")
    path = store.save_prompt_audio(folder, 1, utt.wav_bytes())
    assert path == folder / "prompts" / "1.wav"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert np.array_equal(Clip.read(path).samples, whole.samples)


def test_audio_is_resampled_for_a_device_that_wants_another_rate(
        synth: Pyttsx3Synthesizer) -> None:
    class Device48k(NullOutput):
        def sample_rate_for(self, sample_rate: int) -> int:
            return 48000

    out = Device48k(realtime=False)
    utt = Speaker(synth, out).speak("Two sentences here. And here.")
    assert utt.wait(30) and utt.state == "done"
    assert utt.playback_rate == 48000
    assert utt.played_seconds == pytest.approx(utt.clip().seconds, abs=0.01)


class NoDevice(AudioOutput):
    """An output as it is on a machine without a sound card: checks and opens fail."""

    def __init__(self) -> None:
        self.opened = 0

    def check(self) -> None:
        raise OutputDeviceUnavailable("no audio output device (no sound card or sound server "
                                      "was found)")

    def open(self, sample_rate: int, fill: FillFn, finished: Callable[[], None]) -> OutputStream:
        self.opened += 1
        self.check()
        raise AssertionError("unreachable")


def test_no_output_device_is_one_notice_and_then_silence(synth: Pyttsx3Synthesizer) -> None:
    with pytest.raises(OutputDeviceUnavailable):
        Speaker(synth, NoDevice()).check()

    rec = Recorder()
    device = NoDevice()
    speaker = Speaker(synth, device, **rec.callbacks())
    first = speaker.speak("Is anyone there?")
    assert first.wait(10) and rec.ended.wait(5)
    assert first.state == "failed" and isinstance(first.error, OutputDeviceUnavailable)
    assert first.clip().frames > 0  # synthesised all the same: text mode can still keep it
    second = speaker.speak("Hello?")
    assert second.wait(1) and second.state == "failed"
    speaker.close()
    assert not speaker.available and isinstance(speaker.unavailable_reason,
                                                OutputDeviceUnavailable)
    assert device.opened == 1
    assert [e[0] for e in rec.log] == ["start", "error", "end"]  # one notice, once
    assert len(rec.errors) == 1 and "\n" not in str(rec.errors[0])


def test_a_named_device_that_does_not_exist_is_a_clear_error() -> None:
    with pytest.raises(OutputDeviceUnavailable, match="no speaker named 'no-such-speaker'"):
        SoundDeviceOutput("no-such-speaker").check()


def test_no_engine_is_one_notice_and_the_app_carries_on() -> None:
    def no_engine() -> object:
        raise RuntimeError("This means you probably do not have eSpeak or eSpeak-ng installed!")

    synth = Pyttsx3Synthesizer(engine=EngineThread(no_engine, name="test-no-engine-2"))
    with pytest.raises(SpeechEngineUnavailable):
        Speaker(synth, NullOutput()).check()

    rec = Recorder()
    speaker = Speaker(synth, NullOutput(), **rec.callbacks())
    utt = speaker.speak("Can you hear me?")
    assert utt.wait(10) and rec.ended.wait(5)
    assert utt.state == "failed" and isinstance(utt.error, SpeechEngineUnavailable)
    assert speaker.speak("And now?").state == "failed"
    speaker.close()
    assert [e[0] for e in rec.log] == ["start", "error", "end"]


def test_a_callback_that_raises_does_not_stop_the_speaker(synth: Pyttsx3Synthesizer) -> None:
    ended = threading.Event()

    def broken(_: Utterance) -> None:
        raise ValueError("a UI bug")

    speaker = Speaker(synth, NullOutput(realtime=False), on_start=broken,
                      on_end=lambda u: ended.set())
    assert speaker.speak("Still fine.").wait(10)
    assert ended.wait(5)
    speaker.close()


def test_stop_while_the_first_sentence_is_synthesised_opens_no_stream() -> None:
    started, release = threading.Event(), threading.Event()

    class Slow(Synthesizer):
        def synthesize(self, text: str) -> Clip:
            started.set()
            release.wait(10)
            return Clip(np.full(2205, 1000, dtype=np.int16), 22050)

    class Counting(NullOutput):
        opened = 0

        def open(self, sample_rate: int, fill: FillFn,
                 finished: Callable[[], None]) -> OutputStream:
            Counting.opened += 1
            return super().open(sample_rate, fill, finished)

    speaker = Speaker(Slow(), Counting())
    utt = speaker.speak("One. Two.")
    assert started.wait(5)
    speaker.stop()
    release.set()
    assert utt.wait(10) and utt.state == "stopped"
    speaker.close()
    assert Counting.opened == 0 and len(utt.sentences) == 2


# -- text still arriving (an LLM follow-up as it streams) -----------------------------------


def test_a_streaming_follow_up_is_spoken_sentence_by_sentence_as_it_arrives(
        synth: Pyttsx3Synthesizer) -> None:
    speaker = Speaker(synth, NullOutput())
    feed = speaker.speak_feed()
    feed.update("What would you measure")  # no complete sentence yet: nothing to say
    feed.update("What would you measure first? And wh")
    utt = feed.utterance
    assert utt is not None and utt.wait_first_audio(10)
    assert utt.sentences == ["What would you measure first?"]  # spoken before the rest exists
    feed.update("What would you measure first? And what would make you roll it back?")
    feed.finish()
    assert utt.wait_synthesized(10)
    speaker.stop()
    assert utt.wait(10)
    speaker.close()
    assert utt.sentences == ["What would you measure first?",
                             "And what would make you roll it back?"]
    assert utt.text == "What would you measure first? And what would make you roll it back?"
    sound, second = order(utt, "first-audio", "sentence:1")
    assert sound < second


def test_a_follow_up_that_starts_over_is_spoken_from_the_new_text(
        synth: Pyttsx3Synthesizer) -> None:
    rec = Recorder()
    speaker = Speaker(synth, NullOutput(), **rec.callbacks())
    feed = speaker.speak_feed()
    feed.update("A first attempt at a question. It")
    first = feed.utterance
    assert first is not None and first.wait_first_audio(10)
    feed.update("Another coach took over. Which users matter most?")  # does not continue it
    second = feed.utterance
    assert second is not first and first.state == "stopped"
    feed.finish()
    assert second is not None and second.wait_synthesized(10) and first.wait(10)
    speaker.close()
    assert first.sentences == ["A first attempt at a question."]
    assert second.sentences == ["Another coach took over.", "Which users matter most?"]
