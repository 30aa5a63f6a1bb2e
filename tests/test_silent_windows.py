"""With the question as a hint, tiny.en decoded one more window after an answer's last word,
over the padding that holds no speech, and made things up there ("MUSIC.", "Thank you. Bye.
Bye..." for seconds). That window is now skipped before it is decoded: the real model, a real
spoken answer, the real hint."""

from __future__ import annotations

import sys

from interviewer.banks import QuestionBank
from interviewer.speech.audio import SAMPLE_RATE
from interviewer.speech.glossary import transcription_hint
from interviewer.speech.whisper_stt import SttSettings, WhisperTranscriber
from tests.support.audio_files import AUDIO_FIXTURES

sys.path.insert(0, str(AUDIO_FIXTURES))
from turn_fixtures import cases


def test_the_silent_window_after_a_hinted_answer_is_skipped_not_decoded(
        whisper: WhisperTranscriber, bank: QuestionBank) -> None:
    answer = next(c for c in cases("complete") if c.name == "complete-10")
    audio = answer.audio[: int((answer.last_word_s + 1.0) * SAMPLE_RATE)]
    hint = transcription_hint(bank.by_id("strategy-startup-vs-bundled-copilot").prompt)

    skipped = whisper.windows_skipped
    plain = whisper.transcribe(audio)
    assert whisper.windows_skipped == skipped  # no hint: one window, nothing after it
    hinted = whisper.transcribe(audio, hint=hint)
    assert whisper.windows_skipped == skipped + 1  # the window after the last word
    assert hinted.text.endswith("measure success."), hinted.text

    every = WhisperTranscriber(SttSettings(skip_silent_windows=False))  # faster-whisper's own
    before = every.transcribe(audio, hint=hint)
    assert every.windows_skipped == 0
    # the speech is decoded exactly as before: only what came after it is gone
    assert before.segments[:len(hinted.segments)] == hinted.segments
    assert plain.text.endswith("measure success."), plain.text
