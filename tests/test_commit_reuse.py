"""A commit reuses the pass that heard a little past its cut, when no word of that pass lies
there: real tiny.en with the app's hint, on espeak-ng speech (`complete-10` of the turn fixtures:
"...for two weeks." then a 0.3 s pause, then "That is how I would measure success.").

The pass started at the pause after "weeks." covers the open audio up to where the worker had
heard (7.50 s), past the commit's cut in the middle of that pause (7.42 s): before, the commit
decoded 3.8 s again, and on a loaded machine that decode ran after the last word, before the
pass the verdict waits for."""

from __future__ import annotations

import sys

import numpy as np
import pytest

from interviewer.speech.audio import SAMPLE_RATE, Audio
from interviewer.speech.chunk_cuts import Decoded, reusable, words_before
from interviewer.speech.streaming import StreamingTranscriber
from interviewer.speech.streaming_settings import StreamingSettings
from interviewer.speech.stt import Transcriber, Transcript, Wrapped
from tests.support.audio_files import AUDIO_FIXTURES

sys.path.insert(0, str(AUDIO_FIXTURES))
from turn_fixtures import TurnCase, cases

START_S, CUT_S, NEXT_WORDS_S = 3.62, 7.42, 7.58
"""The second sentence's chunk starts at 3.62 s; the VAD hears its end at 7.26 s and the next
sentence from 7.58 s: the commit cuts at 7.42 s."""


class Counting(Wrapped):
    """The real transcriber, noting the length of every decode."""

    def __init__(self, inner: Transcriber) -> None:
        self.inner = inner
        self.decoded: list[float] = []

    def transcribe(self, audio: Audio, **kw: object) -> Transcript:
        self.decoded.append(round(len(audio) / SAMPLE_RATE, 2))
        return self.inner.transcribe(audio, **kw)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def audio() -> Audio:
    case: TurnCase = next(c for c in cases("complete") if c.name == "complete-10")
    return np.asarray(case.audio, dtype=np.float32)


def at(s: float) -> int:
    return round(s * SAMPLE_RATE)


def test_a_pass_past_the_cut_with_no_word_there_stands_for_the_chunk(
        audio: Audio, hinted: Transcriber) -> None:
    over = hinted.transcribe(audio[at(START_S):at(7.50)], beam_size=5, word_timestamps=True)
    done = Decoded(at(START_S), at(7.50), over)
    limit = at(NEXT_WORDS_S) - at(0.1)
    assert reusable(done, at(START_S), at(7.26), limit) is None  # 0.02 s past the old limit
    assert words_before(done, at(START_S), at(7.26), at(CUT_S)) is done
    alone = hinted.transcribe(audio[at(START_S):at(CUT_S)], beam_size=5, word_timestamps=True)
    assert over.text == alone.text
    assert over.text.rstrip().endswith("two weeks.")


def test_a_pass_that_heard_the_next_words_is_not_reused(audio: Audio,
                                                        hinted: Transcriber) -> None:
    over = hinted.transcribe(audio[at(START_S):at(8.3)], beam_size=5, word_timestamps=True)
    assert "That" in over.text or "this" in over.text.lower()  # it heard the next sentence
    assert words_before(Decoded(at(START_S), at(8.3), over), at(START_S), at(7.26),
                        at(CUT_S)) is None
    no_words = Transcript(tuple(s.__class__(s.start, s.end, s.text) for s in over.segments),
                          over.duration, over.language)
    assert words_before(Decoded(at(START_S), at(7.50), no_words), at(START_S), at(7.26),
                        at(CUT_S)) is None  # without timestamps nothing is known


@pytest.mark.parametrize("batch", [1, 3])
def test_the_stream_decodes_each_sentence_once(audio: Audio, hinted: Transcriber,
                                               batch: int) -> None:
    """Fed as the worker takes blocks (one at a time, or three while it was busy): no decode
    of the second sentence after the pass over it, and the words are the same."""
    counting = Counting(hinted)
    stream = StreamingTranscriber(counting, StreamingSettings(silence_end_s=0))
    block = SAMPLE_RATE // 10
    n = len(audio) // block
    for i in range(0, n, batch):
        for j in range(i, min(n, i + batch)):
            stream.push(audio[j * block:(j + 1) * block])
        stream.step()
    text = stream.finish().text
    assert text.endswith("two weeks. That is how I would measure success."), text
    second = [d for d in counting.decoded if 3.7 <= d <= 4.1]  # passes and commits of it
    assert len(second) == 1, counting.decoded
