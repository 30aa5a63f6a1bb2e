"""A pause the words alone hold is read again: the last chunk decoded a second time, and the
judges asked again only if its words changed. Real parts: tiny.en with the hint the app gives,
the real end-of-turn model, espeak-ng fixtures replayed through the answer pipeline as if
compute took no time (the verdicts fall at the same quiet every run). The only fake is a fault
injected at the Transcriber boundary: the passes right after the answer's last word read it as
a pass on audio cut where that word starts does."""

from __future__ import annotations

import sys

import pytest

from interviewer.speech.audio import SAMPLE_RATE, Audio
from interviewer.speech.streaming_settings import StreamingSettings
from interviewer.speech.stt import Transcriber, Transcript, Wrapped
from interviewer.speech.turn import TurnDetector
from interviewer.speech.turn_replay import replay
from tests.support.audio_files import AUDIO_FIXTURES

sys.path.insert(0, str(AUDIO_FIXTURES))
from turn_fixtures import cases

SETTINGS = StreamingSettings(silence_end_s=8.0)


class LastWordCut(Wrapped):
    """A decode that hears `word` last, on audio ending less than `within_s` after it (a pass
    begun as the speaker stopped), is made again on its audio cut where that word starts, and
    that reading is returned; every other decode as it is."""

    def __init__(self, inner: Transcriber, word: str, within_s: float = 0.8) -> None:
        self.inner, self.word, self.within_s, self.cuts = inner, word, within_s, 0

    def transcribe(self, audio: Audio, *, beam_size: int | None = None,
                   word_timestamps: bool | None = None, hint: str | None = None) -> Transcript:
        out = self.inner.transcribe(audio, beam_size=beam_size, word_timestamps=word_timestamps,
                                    hint=hint)
        words = [w for s in out.segments for w in s.words]
        if not words or self.word not in words[-1].word.lower() \
                or len(audio) / SAMPLE_RATE - words[-1].end >= self.within_s:
            return out
        self.cuts += 1
        return self.inner.transcribe(audio[:int(words[-1].start * SAMPLE_RATE)],
                                     beam_size=beam_size, word_timestamps=word_timestamps,
                                     hint=hint)


def test_a_last_sentence_misread_unfinished_is_read_again_and_the_turn_ends(
        hinted: Transcriber, detector: TurnDetector) -> None:
    """'... and start with search.' read first as '... and start with the...' (the audio cut
    where 'search' starts, in every pass begun as it ended): the words say unfinished, the
    model is not asked. Read again a second into the pause (the end padded with that second
    of quiet), the words read finished, both judges agree, and the answer ends
    there, not after the longest wait (8 s, the code before)."""
    case = cases(names=["complete-05"])[0]
    faulty = LastWordCut(hinted, "search")
    result = replay(case.audio, faulty, detector, SETTINGS, once=True, timer=lambda: 0.0)
    assert faulty.cuts
    after = [v for at, v in result.verdicts if at > case.last_word_s]
    assert after[0].probability is None and "stops on" in after[0].reason  # words alone
    end = result.ends[0]
    assert end.reason == "turn" and after[-1].complete
    assert case.last_word_s < end.heard_s < case.last_word_s + 3.0
    assert result.text.rstrip().endswith("start with...")  # the transcript: the committed words


@pytest.mark.parametrize("name", ["paused-01", "paused-02", "paused-04", "paused-18"])
def test_a_thinker_stopped_mid_thought_keeps_the_turn_when_read_again(
        name: str, hinted: Transcriber, detector: TurnDetector) -> None:
    """Mid-thought pauses of 2-6 s ('... I would look at is' [pause] ...): the words hold each,
    the last chunk is read again in it (one more decode), and the turn is never ended inside
    the pause: only after the answer's last word."""
    case = cases(names=[name])[0]
    assert case.pause is not None
    start, stop = case.pause
    result = replay(case.audio, hinted, detector, SETTINGS, once=True, timer=lambda: 0.0)
    inside = [v for at, v in result.verdicts if start < at <= stop]
    assert inside and not any(v.complete for v in inside)
    assert result.ends[0].heard_s > case.last_word_s
