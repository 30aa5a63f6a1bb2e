"""Transcription while speaking, on the real model: the final transcript matches the whole-file
one, captions grow with committed text that never changes, silence ends or empties an answer."""

from __future__ import annotations

import itertools
import threading
import wave
from pathlib import Path

import numpy as np
import pytest

from interviewer.speech.answer_recording import VoiceAnswer
from interviewer.speech.audio import SAMPLE_RATE, load_audio
from interviewer.speech.file_microphone import FileMicrophone
from interviewer.speech.streaming import StreamingTranscriber
from interviewer.speech.streaming_report import Caption
from interviewer.speech.streaming_settings import StreamingSettings
from interviewer.speech.whisper_stt import WhisperTranscriber
from tests.support.audio_files import AUDIO_FIXTURES
from tests.support.wer import wer

SPEED = 4.0
"""Four times real time: the same code path as a live answer, in a quarter of the time."""


def wav_seconds(path: Path) -> float:
    with wave.open(str(path), "rb") as w:
        assert (w.getnchannels(), w.getsampwidth(), w.getframerate()) == (1, 2, SAMPLE_RATE)
        return w.getnframes() / SAMPLE_RATE


def test_long_answer_streamed_matches_the_whole_file(whisper: WhisperTranscriber,
                                                     tmp_path: Path) -> None:
    audio = load_audio(AUDIO_FIXTURES / "long.flac")
    captions: list[Caption] = []
    mic = FileMicrophone(audio, speed=SPEED)
    answer = VoiceAnswer(mic, whisper, wav_path=tmp_path / "1.wav",
                         settings=StreamingSettings(silence_end_s=0, words_later=True),
                         on_caption=captions.append)
    answer.start()
    assert mic.finished.wait(120)
    spoken = answer.stop()
    whole = whisper.transcribe(audio)
    reference = (AUDIO_FIXTURES / "long.txt").read_text()
    print(f"streamed vs whole file: {wer(whole.text, spoken.text):.1%}; vs reference: "
          f"{wer(reference, spoken.text):.1%} (whole file: {wer(reference, whole.text):.1%}); "
          f"{answer.stream.stats}; stop to final transcript {spoken.latency_s:.2f} s")
    assert wer(whole.text, spoken.text) < 0.12
    assert wer(reference, spoken.text) < 0.15
    stats = answer.stream.stats
    assert stats.chunks >= 5  # it really was transcribed in pieces while "speaking"
    assert stats.tail_seconds < 20
    # The recording is all there, and the transcript sits on the answer's timeline.
    assert spoken.ended_by == "key" and not spoken.silent_input
    assert wav_seconds(tmp_path / "1.wav") == pytest.approx(len(audio) / SAMPLE_RATE, abs=0.01)
    starts = [s.start for s in spoken.transcript.segments]
    assert starts == sorted(starts) and spoken.transcript.segments[-1].end > 120
    # Passes skip word timestamps (the end of the answer waits for them); they come after.
    assert spoken.with_words is not None
    timed = spoken.with_words()
    assert timed.text == spoken.text  # the words the coach heard, now timed
    missing = [s.text for s in timed.segments if not s.words]
    assert len(missing) <= 1, missing  # a chunk decoded differently the second time keeps none
    assert answer.stream.with_words() is timed  # once: nothing is left to time
    words = timed.words
    assert all(a.start <= b.start for a, b in itertools.pairwise(words))
    assert words[-1].end <= spoken.seconds + 0.1
    # Captions: committed text only ever grows; the last caption is the final transcript.
    assert len(captions) >= 5
    for before, after in itertools.pairwise(captions):
        assert after.committed.startswith(before.committed)
    assert captions[-1].text == spoken.text and captions[-1].tentative == ""
    kwargs = spoken.submit_kwargs()
    assert kwargs["audio_path"] == tmp_path / "1.wav"
    assert timed.segments[0].to_dict()["words"][0].keys() == {"start", "end", "word",
                                                               "probability"}


def test_the_answer_ends_itself_after_a_stretch_of_silence(whisper: WhisperTranscriber) -> None:
    ended = threading.Event()
    mic = FileMicrophone(AUDIO_FIXTURES / "weak.wav", speed=2.0, trailing_silence_s=8.0)
    answer = VoiceAnswer(mic, whisper, settings=StreamingSettings(silence_end_s=3.0),
                         on_silence_end=ended.set)
    answer.start()
    assert ended.wait(60), "no silence end"
    assert not mic.finished.is_set()  # it came before the recording ran out
    spoken = answer.stop()
    assert spoken.ended_by == "silence"
    assert wer((AUDIO_FIXTURES / "weak.txt").read_text(), spoken.text) < 0.15
    assert spoken.latency_s < 1.0  # the last words were transcribed during the silence


@pytest.mark.parametrize(("file", "silent_input"), [("silence.wav", True), ("noise.wav", False)])
def test_silence_or_noise_is_recorded_as_an_empty_answer(
        whisper: WhisperTranscriber, tmp_path: Path, file: str, silent_input: bool) -> None:
    ended = threading.Event()
    mic = FileMicrophone(AUDIO_FIXTURES / file, speed=SPEED)
    answer = VoiceAnswer(mic, whisper, wav_path=tmp_path / "a.wav",
                         settings=StreamingSettings(silence_end_s=1.0), on_silence_end=ended.set)
    answer.start()
    assert mic.finished.wait(30)
    spoken = answer.stop()
    assert spoken.text == "" and spoken.transcript.segments == ()
    assert spoken.silent_input is silent_input
    assert not ended.is_set()  # nobody spoke, so there is no "end of speech" either
    assert answer.stream.stats.chunks == 0  # the model was never even asked
    assert wav_seconds(tmp_path / "a.wav") == pytest.approx(5.0, abs=0.01)


def test_stop_before_any_audio_is_an_empty_transcript(whisper: WhisperTranscriber) -> None:
    stream = StreamingTranscriber(whisper).start()
    transcript = stream.stop()
    assert transcript.empty and transcript.duration == 0


def test_blocks_may_be_int16_or_float32(whisper: WhisperTranscriber) -> None:
    audio = load_audio(AUDIO_FIXTURES / "weak.wav")
    pcm = np.clip(np.round(audio * 32767), -32768, 32767).astype(np.int16)
    stream = StreamingTranscriber(whisper).start()
    for i in range(0, len(pcm), 1600):
        stream.feed(pcm[i:i + 1600])
    transcript = stream.stop()
    assert wer((AUDIO_FIXTURES / "weak.txt").read_text(), transcript.text) < 0.15
    assert transcript.duration == pytest.approx(len(pcm) / SAMPLE_RATE)


class BrokenTranscriber:
    language = "en"

    def check(self) -> str:
        return "broken"

    def load(self) -> None:
        pass

    def transcribe(self, audio: object, **_: object) -> object:
        raise RuntimeError("model crashed")


def test_a_failing_model_surfaces_in_stop() -> None:
    stream = StreamingTranscriber(BrokenTranscriber()).start()  # type: ignore[arg-type]
    stream.feed(load_audio(AUDIO_FIXTURES / "weak.wav")[: SAMPLE_RATE * 3])
    with pytest.raises(RuntimeError, match="model crashed"):
        stream.stop()


def test_the_passes_time_their_words_by_default_locally_and_with_a_server() -> None:
    """The end-of-turn judge reads the last words' probabilities, which come with the word
    timestamps of the passes (bench/word_timestamps_cost.py: 4-5% of a pass)."""
    from interviewer.config import Settings

    assert not StreamingSettings.from_settings(Settings()).words_later
    served = Settings(stt_base_url="http://127.0.0.1:9/v1")
    assert not StreamingSettings.from_settings(served).words_later
