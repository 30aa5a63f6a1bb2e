"""A prompt cut short is synthesised once: the candidate answers (space, or speaking over it
with barge-in) while the question is read by the real Piper voice (into NullOutput at real
time), in the TUI driven by Pilot with the real tiny.en model and the virtual microphone. The
voice stops, its synthesis runs on to the end, and `prompts/<n>.wav` is written from those
pieces, never from a second synthesis. The synthesiser is the real one behind a counter (which
pieces, on which thread, how much CPU); counts and CPU seconds are printed with `pytest -s`."""

from __future__ import annotations

import io
import threading
import time
import wave
from pathlib import Path

import numpy as np
import pytest

from interviewer.banks import load_banks
from interviewer.coach.offline import OfflineCoach
from interviewer.config import Settings
from interviewer.session.store import SessionStore
from interviewer.speech.clip import Clip
from interviewer.speech.errors import SpeechError
from interviewer.speech.null_output import NullOutput
from interviewer.speech.piper_tts import PiperSynthesizer
from interviewer.speech.sounddevice_microphone import SoundDeviceMicrophone
from interviewer.speech.speaker import Speaker
from interviewer.speech.synthesizer import Synthesizer, VoiceInfo
from interviewer.speech.whisper_stt import WhisperTranscriber
from interviewer.ui.app import InterviewerApp
from interviewer.ui.voice_kit import VoiceKit
from tests.support.audio_files import fixture_speech
from tests.support.pilot import SIZE, finish_interview, open_voice_interview
from tests.support.virtmic import feed_fifo
from tests.support.waiting import pilot_until


class CountedSynthesizer(Synthesizer):
    """The real voice, every call to `synthesize` noted: (piece, thread name, CPU seconds of
    the calling thread; Piper runs onnxruntime with one intra-op thread, the caller's)."""

    def __init__(self, inner: Synthesizer) -> None:
        self.inner = inner
        self.name = inner.name
        self.calls: list[tuple[str, str, float]] = []
        self._lock = threading.Lock()

    def synthesize(self, text: str) -> Clip:
        began = time.thread_time()
        clip = self.inner.synthesize(text)
        with self._lock:
            self.calls.append((text, threading.current_thread().name,
                               time.thread_time() - began))
        return clip

    def split_text(self, text: str) -> list[str]:
        return self.inner.split_text(text)

    def check(self) -> None:
        self.inner.check()

    def list_voices(self) -> list[VoiceInfo]:
        return self.inner.list_voices()

    def voice_in_use(self) -> str:
        return self.inner.voice_in_use()


def wav_samples(data: bytes) -> tuple[int, np.ndarray]:
    with wave.open(io.BytesIO(data)) as wav:
        return wav.getframerate(), np.frombuffer(wav.readframes(wav.getnframes()), np.int16)


def kit(whisper: WhisperTranscriber, synth: Synthesizer) -> VoiceKit:
    def mic() -> SoundDeviceMicrophone:
        m = SoundDeviceMicrophone()  # the virtual microphone of `make test`
        m.check()
        return m

    return VoiceKit(whisper, mic, lambda: Speaker(synth, NullOutput()), use_turn_model=False)


@pytest.mark.parametrize("how", ["space", "barge-in"])
async def test_a_question_cut_short_is_synthesised_once_and_kept_whole(
        tui_home: Path, whisper: WhisperTranscriber, piper: PiperSynthesizer,
        virtmic_fifo: Path, how: str) -> None:
    counted = CountedSynthesizer(piper)
    settings = Settings(home=tui_home, questions=1, mode="voice", barge_in=how == "barge-in")
    app = InterviewerApp(settings, load_banks(), OfflineCoach(), SessionStore(tui_home),
                         voice=kit(whisper, counted), seed=7)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_voice_interview(pilot)
        await pilot_until(pilot, lambda: screen.utterance is not None
                          and screen.utterance.time_of("first-audio") is not None
                          and (how == "space" or screen.barge_in is not None), timeout=60)
        utt = screen.utterance
        assert utt is not None and utt.state == "speaking"
        writer = None
        if how == "space":
            await pilot.press("space")  # the candidate starts answering: the voice stops
        else:  # the candidate speaks over the question (headphones)
            writer = feed_fifo(virtmic_fifo, fixture_speech("weak.wav"), speed=1.0)
        await pilot_until(pilot, lambda: screen.recording is not None, timeout=30)
        await pilot_until(pilot, lambda: utt.state == "stopped")
        folder = screen.engine.folder
        assert folder is not None
        kept = folder / "prompts" / "1.wav"
        await pilot_until(pilot, kept.exists, "prompts/1.wav", timeout=60)
        await pilot.pause(0.5)  # a second synthesis, if any, would be under way by now
        calls = list(counted.calls)
        if writer is not None:
            await pilot_until(pilot, lambda: not writer.is_alive(), timeout=60)
        await pilot.press("space")  # the answer ends
        await pilot_until(pilot, lambda: screen.busy or not screen.transcribing, timeout=30)
        await finish_interview(pilot, screen)

    pieces = piper.split_text(utt.text)
    question = [c for c in calls if c[0] != "Ready."]  # ignore any warm-up
    by_thread: dict[str, float] = {}
    for _, name, seconds in question:
        by_thread[name] = by_thread.get(name, 0.0) + seconds
    cpu = sum(by_thread.values())
    print(f"\n{how}: prompt cut short after {utt.played_seconds:.2f} s of "
          f"{utt.clip().seconds:.2f} s: "
          f"{len(question)} piece syntheses for {len(pieces)} pieces "
          f"({len(utt.text.split())} words), {cpu:.3f} CPU s; CPU s by thread "
          f"{ {name: round(seconds, 3) for name, seconds in by_thread.items()} }")
    assert utt.played_seconds < utt.clip().seconds  # it was cut short
    assert [text for text, *_ in question] == pieces  # each piece once, in order
    rate, saved = wav_samples(kept.read_bytes())
    spoken_rate, spoken = wav_samples(utt.wav_bytes())
    assert rate == spoken_rate
    assert np.array_equal(saved, spoken)  # the pieces the candidate heard, then the rest
    # The whole prompt (Piper's noise makes two syntheses differ slightly, never in length much).
    assert len(saved) / rate == pytest.approx(piper.synthesize_text(utt.text).seconds, rel=0.15)


class FailsOnce(CountedSynthesizer):
    """Fault injection at the synthesiser's boundary: piece `at` fails the first time."""

    def __init__(self, inner: Synthesizer, at: str) -> None:
        super().__init__(inner)
        self.at = at
        self.failed = False

    def synthesize(self, text: str) -> Clip:
        if text == self.at and not self.failed:
            self.failed = True
            raise SpeechError("the voice failed")
        return super().synthesize(text)


def test_a_prompt_whose_synthesis_broke_off_is_completed_from_where_it_stopped(
        piper: PiperSynthesizer) -> None:
    text = ("Before it talks to a real customer, how would you test a new version of the agent? "
            "Walk me through it. Then tell me what would make you stop the launch.")
    pieces = piper.split_text(text)
    assert len(pieces) >= 3
    synth = FailsOnce(piper, pieces[2])
    speaker = Speaker(synth, NullOutput())
    utt = speaker.speak(text)
    assert utt.wait(60)
    speaker.close()
    assert utt.state == "failed" and utt.sentences == pieces[:2]
    whole = speaker.whole_clip(utt)
    assert [t for t, *_ in synth.calls] == pieces  # the first two not synthesised again
    assert whole.seconds == pytest.approx(piper.synthesize_text(text).seconds, rel=0.15)
