"""The follow-up got ready while the judges decide whether the answer has ended: at a pause whose
words read finished, the coach's follow-up on those words is worked out and its first piece
synthesised, silently; spoken only once the answer has ended (and then without waiting for that
synthesis), never when the candidate goes on. Real parts: tiny.en with the app's hint, the real
end-of-turn model, espeak-ng turn fixtures replayed through the streaming transcriber, the
offline coach and the bundled Piper voice. The only fakes are at interface boundaries: a
Synthesizer that counts the calls it passes on to Piper, and an output that plays into nothing.
"""

from __future__ import annotations

import sys
from typing import Any

import numpy as np
import pytest

from interviewer.banks import load_banks
from interviewer.coach.offline import OfflineCoach
from interviewer.session.ahead import preview_follow_up
from interviewer.session.engine import InterviewEngine
from interviewer.speech.audio import SAMPLE_RATE
from interviewer.speech.clip import Clip
from interviewer.speech.null_output import NullOutput
from interviewer.speech.speaker import Speaker
from interviewer.speech.streaming import StreamingTranscriber
from interviewer.speech.streaming_settings import StreamingSettings
from interviewer.speech.stt import Transcriber
from interviewer.speech.synthesizer import Synthesizer
from interviewer.speech.turn import TurnDetector
from interviewer.ui.voice_helpers import follow_up_ahead
from interviewer.ui.voice_kit import VoiceKit
from tests.support.audio_files import AUDIO_FIXTURES

sys.path.insert(0, str(AUDIO_FIXTURES))
from turn_fixtures import TurnCase, cases

QUESTION = "strategy-startup-vs-bundled-copilot"  # the replay bench's question
BLOCK = int(0.1 * SAMPLE_RATE)  # the microphone's blocks


class Counting(Synthesizer):
    """The real voice behind the Synthesizer interface, each piece it is asked for noted."""

    name = "piper"

    def __init__(self, inner: Synthesizer) -> None:
        self.inner = inner
        self.asked: list[str] = []

    def synthesize(self, text: str) -> Clip:
        self.asked.append(text)
        return self.inner.synthesize(text)

    def split_text(self, text: str) -> list[str]:
        return self.inner.split_text(text)


def streamed(case: TurnCase, transcriber: Transcriber, turn: TurnDetector
             ) -> tuple[list[tuple[float, str]], float, str]:
    """The answer replayed block by block as if compute took no time: what `on_words` got
    (audio heard when called, the words), where the answer ended itself, the final text."""
    told: list[tuple[float, str]] = []
    stream: StreamingTranscriber

    def on_words(text: str) -> None:
        told.append((stream.seconds, text))

    stream = StreamingTranscriber(transcriber, StreamingSettings(silence_end_s=8.0), turn=turn,
                                  on_words=on_words)
    for i in range(0, len(case.audio), BLOCK):
        stream.push(case.audio[i:i + BLOCK])
        stream.step()
        if stream.turn_ends:
            break
    assert stream.turn_ends, f"{case.name} never ended itself"
    return told, stream.turn_ends[0].at_s, stream.finish().text


def test_a_finished_answers_words_are_told_before_the_verdict_and_are_the_transcript(
        hinted: Transcriber, detector: TurnDetector) -> None:
    """The words of the pause after the last word go to `on_words` once, before the judges end
    the answer there, and they are the final transcript's words: what the follow-up got ready
    on is what the coach is then given."""
    case = cases(names=["complete-10"])[0]
    told, ended_at, final = streamed(case, hinted, detector)
    last = [(at, text) for at, text in told if at > case.last_word_s]
    assert len(last) == 1, told
    at, text = last[0]
    assert at < ended_at
    assert at - case.last_word_s < 0.6  # the judges look at 0.6 s of quiet
    assert text == final


@pytest.mark.parametrize("name", ["paused-01", "paused-02", "paused-04"])
def test_a_thinking_pause_whose_words_hold_is_not_told_and_no_word_is_lost(
        name: str, hinted: Transcriber, detector: TurnDetector) -> None:
    """A mid-thought pause whose words stop unfinished ('... and') gets nothing ready; the
    candidate goes on, and the transcript holds the words after the pause as well."""
    case = cases(names=[name])[0]
    assert case.pause is not None
    told, ended_at, final = streamed(case, hinted, detector)
    assert ended_at > case.last_word_s  # not cut off
    start, end = case.pause
    assert not [t for at, t in told if start + 0.15 <= at <= end], told
    assert len(final.split()) >= 0.8 * len(case.text.split()), final  # the words after it too


def answered_engine(tmp_path: Any) -> InterviewEngine:
    questions = [load_banks().by_id(QUESTION)]
    engine = InterviewEngine(questions, OfflineCoach(), mode="voice")
    engine.start()
    return engine


def test_the_follow_up_got_ready_ahead_is_spoken_without_synthesising_its_first_piece_again(
        piper: Synthesizer, tmp_path: Any) -> None:
    """The coach's preview is the follow-up `submit` then asks (the coach unchanged by it), its
    first piece is synthesised while the judges decide, and speaking the follow-up uses that
    piece: the voice synthesises only the pieces after it."""
    engine = answered_engine(tmp_path)
    answer = cases(names=["complete-10"])[0].text
    voice = Counting(piper)
    output = NullOutput(realtime=False)
    speaker = Speaker(voice, output)
    kit = VoiceKit(transcriber=None, make_mic=lambda: None)  # type: ignore[arg-type, return-value]
    ahead = follow_up_ahead(engine, kit, speaker)
    assert ahead is not None
    ahead(answer)  # from the streaming worker: returns at once, the work in the background
    assert kit.join_background(60.0)
    guessed = preview_follow_up(engine, answer)
    assert guessed is not None
    pieces = voice.split_text(guessed)
    assert voice.asked == [pieces[0]]
    assert output.played == []  # nothing was said while the candidate might go on

    prompt = engine.submit(answer)
    assert prompt is not None and prompt.kind == "follow-up" and prompt.text == guessed
    utt = speaker.speak(prompt.text)
    assert utt.wait(60.0)
    assert voice.asked == [pieces[0], *pieces[1:]]  # the first piece synthesised once
    assert utt.sentences == pieces and output.played
    speaker.close()


def test_when_the_candidate_goes_on_the_piece_got_ready_is_never_played(
        piper: Synthesizer, tmp_path: Any) -> None:
    """The answer went on after the pause: the follow-up asked is the coach's on all the words,
    spoken from its own synthesis; the piece got ready for the earlier words is not heard."""
    engine = answered_engine(tmp_path)
    case = cases(names=["complete-05"])[0]  # its first sentence alone is off the question
    first_words = case.text.split(".")[0] + "."
    voice = Counting(piper)
    output = NullOutput(realtime=False)
    speaker = Speaker(voice, output)
    early = preview_follow_up(engine, first_words)
    assert early is not None
    speaker.prepare(early)
    prompt = engine.submit(case.text)
    assert prompt is not None and prompt.kind == "follow-up"
    asked = voice.split_text(prompt.text)
    assert asked[0] != voice.split_text(early)[0]
    utt = speaker.speak(prompt.text)
    assert utt.wait(60.0)
    assert utt.sentences == asked
    assert voice.asked == [voice.split_text(early)[0], *asked]
    heard = np.concatenate(output.played)  # the output also pulls silence while it waits
    heard = heard[heard != 0]
    spoken = Clip.concat(utt.clips()).resampled(utt.playback_rate).as_float32()
    assert len(heard) == pytest.approx(np.count_nonzero(spoken), rel=0.01)
    assert np.allclose(heard[:2000], spoken[spoken != 0][:2000], atol=1e-3)  # the follow-up's
    speaker.close()


def test_the_preview_leaves_the_offline_coach_as_it_was(tmp_path: Any) -> None:
    """Two follow-ups in a row (the second may not repeat the first's probe): with previews
    asked before each, the same two as without."""
    answer = cases(names=["complete-10"])[0].text

    def run(preview: bool) -> list[str]:
        engine = answered_engine(tmp_path)
        asked = []
        for _ in range(2):
            if preview:
                preview_follow_up(engine, answer)
            prompt = engine.submit(answer)
            assert prompt is not None and prompt.kind == "follow-up"
            asked.append(prompt.text)
        return asked

    assert run(True) == run(False)
