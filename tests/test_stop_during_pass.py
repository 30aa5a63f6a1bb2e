"""Space pressed while a pass that misses the last words is running (it started in a pause
just before them): the final transcript holds those words once, and only they are decoded
again (real tiny.en, real speech)."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field, replace

import pytest

from interviewer.speech.audio import SAMPLE_RATE, Audio, load_audio
from interviewer.speech.streaming import StreamingTranscriber
from interviewer.speech.streaming_settings import StreamingSettings
from interviewer.speech.stt import Transcript, Wrapped
from interviewer.speech.vad import SpeechDetector
from interviewer.speech.whisper_stt import WhisperTranscriber
from tests.support.audio_files import AUDIO_FIXTURES
from tests.support.wer import wer

BLOCK = 1600


@dataclass
class Logged(Wrapped):
    """The real model, with the length of every audio it was given (seconds)."""

    inner: WhisperTranscriber
    lengths: list[float] = field(default_factory=list)

    def transcribe(self, audio: Audio, **kw: object) -> Transcript:
        self.lengths.append(len(audio) / SAMPLE_RATE)
        return self.inner.transcribe(audio, **kw)  # type: ignore[arg-type]


def split_before_last_words(audio: Audio) -> tuple[Audio, Audio]:
    """The answer up to 0.25 s into its last pause of at least 0.25 s, and the rest up to
    0.1 s after its last word."""
    det = SpeechDetector()
    det.feed(audio)
    spans = det.spans(0, 0.1)
    gaps = [(a.end_sample, b.start_sample) for a, b in itertools.pairwise(spans)
            if b.start_sample - a.end_sample >= 0.25 * SAMPLE_RATE
            and spans[-1].end_sample - b.start_sample <= 5 * SAMPLE_RATE]
    assert gaps, "the fixture needs a pause before its last words"
    cut = gaps[-1][0] + int(0.25 * SAMPLE_RATE)
    return audio[:cut], audio[cut: spans[-1].end_sample + int(0.1 * SAMPLE_RATE)]


def answer(model: Logged, first: Audio, rest: Audio, settings: StreamingSettings) -> Transcript:
    """As the worker would: each block looked at, a pass over the open audio in the pause;
    then the last words arrive and stop() comes before the worker looks at them again."""
    stream = StreamingTranscriber(model, settings)
    for i in range(0, len(first), BLOCK):
        stream.push(first[i:i + BLOCK])
        stream.step()
    assert stream.caption.tentative, "a pass ran in the pause"
    passes = len(model.lengths)
    for i in range(0, len(rest), BLOCK):
        stream.push(rest[i:i + BLOCK])
    transcript = stream.finish()
    model.lengths[:] = model.lengths[passes:]  # the decodes after stop
    return transcript


@pytest.mark.parametrize("file", ["weak.wav", "strong.flac"])
def test_stop_during_a_pass_keeps_the_last_words_once(whisper: WhisperTranscriber,
                                                      file: str) -> None:
    audio = load_audio(AUDIO_FIXTURES / file)
    first, rest = split_before_last_words(audio)
    model = Logged(whisper)
    settings = replace(StreamingSettings(), silence_end_s=0)
    now = answer(model, first, rest, settings)
    after_stop_now = list(model.lengths)
    before = answer(model, first, rest, replace(settings, tail_after_pass=False))
    after_stop_before = list(model.lengths)

    last_words = whisper.transcribe(rest).text.lower().strip(" .").split()
    reference = (AUDIO_FIXTURES / file).with_suffix(".txt").read_text()
    for t in (now, before):
        assert wer(reference, t.text) < 0.15
    tail = " ".join(now.text.lower().replace(".", "").replace(",", "").split()[-len(last_words):])
    assert wer(" ".join(last_words), tail) <= 0.34  # the last words are there, at the end
    words = now.text.lower().split()
    assert len(words) == pytest.approx(len(before.text.split()), abs=2)  # nothing twice
    # Only the words after the pause were decoded again, not the whole open tail.
    assert len(after_stop_now) == 1 and len(after_stop_before) == 1
    assert after_stop_now[0] < after_stop_before[0]
    assert after_stop_now[0] <= len(rest) / SAMPLE_RATE + 0.6
