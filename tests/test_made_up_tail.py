"""Text Whisper makes up after the last word ("Thank you very much for watching...") is
dropped: on a real spoken answer, decoded as the end-of-answer pass decodes it, with the hint
of a question that makes tiny.en add a subtitle outro on the answer's trailing quiet."""

from __future__ import annotations

import sys

import pytest

from interviewer.banks import QuestionBank
from interviewer.speech.audio import SAMPLE_RATE
from interviewer.speech.glossary import transcription_hint
from interviewer.speech.made_up import made_up
from interviewer.speech.whisper_stt import WhisperTranscriber
from tests.support.audio_files import AUDIO_FIXTURES

sys.path.insert(0, str(AUDIO_FIXTURES))
from turn_fixtures import cases


@pytest.mark.parametrize("question", ["genai-shopping-assistant-latency",
                                      "data-vendor-label-shift"])
def test_an_outro_made_up_on_the_trailing_quiet_is_dropped(
        whisper: WhisperTranscriber, bank: QuestionBank, question: str) -> None:
    answer = next(c for c in cases("complete") if c.name == "complete-02")
    audio = answer.audio[: int((answer.last_word_s + 0.34) * SAMPLE_RATE)]
    text = whisper.transcribe(audio, hint=transcription_hint(bank.by_id(question).prompt)).text
    assert text.endswith("measure success."), text
    assert "watching" not in text.lower() and "video" not in text.lower(), text


def test_spoken_words_are_kept() -> None:
    assert made_up("Thank you very much for watching, and I'll see you in the next video, bye!",
                   10.43, 10.77)
    assert made_up("Thanks for watching. Bye bye!", 10.4, 12.0)  # an outro and nothing else
    assert not made_up("Thank you.", 10.0, 10.6)
    assert not made_up("Thanks for watching the metrics closely, I would ship it.", 0.0, 3.0)
    assert not made_up("That is how I will measure success.", 9.0, 10.4)
    assert not made_up("So, and, uh", 1.0, 1.3)  # three words: too few to judge by their rate
