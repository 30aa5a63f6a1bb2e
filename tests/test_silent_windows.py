"""With the question as a hint, tiny.en decoded one more window after an answer's last word,
over the padding that holds no speech, and made things up there ("MUSIC.", "Thank you. Bye.
Bye..." for seconds). That window is now skipped before it is decoded: the real model, a real
spoken answer, the real hint."""

from __future__ import annotations

import logging
import math
import sys
from typing import Any

import pytest

from interviewer.banks import QuestionBank
from interviewer.speech import silent_windows
from interviewer.speech.answer_recording import primed
from interviewer.speech.audio import SAMPLE_RATE, Audio
from interviewer.speech.glossary import transcription_hint
from interviewer.speech.streaming import StreamingTranscriber
from interviewer.speech.streaming_settings import StreamingSettings
from interviewer.speech.stt import Transcriber, Transcript, Wrapped
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


def _probing() -> WhisperTranscriber:
    """The model as it was before: the window after the last word encoded, then probed."""
    before = WhisperTranscriber()
    before.load()
    before._model.rest_s = 0.0
    return before


def test_the_rest_after_the_last_word_is_not_even_encoded(
        whisper: WhisperTranscriber, bank: QuestionBank) -> None:
    """The probe needed that window encoded: 0.4 CPU-s of a pass over the last sentence, all
    of it after the last word. Only the speech's window is encoded now; the words are the
    same."""
    audio, hint = _answer_and_hint(bank)
    encoded, skipped = whisper.windows_encoded, whisper.windows_skipped
    hinted = whisper.transcribe(audio, hint=hint)
    assert whisper.windows_skipped == skipped + 1  # the window after the last word ...
    assert whisper.windows_encoded == encoded + 1  # ... never reached the encoder

    before = _probing()
    probed = before.transcribe(audio, hint=hint)
    assert (before.windows_encoded, before.windows_skipped) == (2, 1)
    assert probed.segments == hinted.segments
    assert hinted.text.endswith("measure success."), hinted.text


def test_a_longer_rest_after_the_words_is_still_encoded_and_probed(
        bank: QuestionBank) -> None:
    """More audio after the words than the model's `rest_s` (words the first window may have
    missed) goes to the encoder and the probe, as before."""
    audio, hint = _answer_and_hint(bank)
    model = _probing()
    model._model.rest_s = 0.1  # the rest here: the quiet after "success" and the padding
    model.transcribe(audio, hint=hint)
    assert (model.windows_encoded, model.windows_skipped) == (2, 1)


def test_streamed_as_the_app_streams_every_decode_encodes_one_window(
        whisper: WhisperTranscriber, bank: QuestionBank) -> None:
    """complete-10 fed in 0.1 s blocks with the app's hint: every pass and commit is one
    window to the encoder (two before), and the answer's words are the same."""
    question = bank.by_id("strategy-startup-vs-bundled-copilot").prompt
    answer = next(c for c in cases("complete") if c.name == "complete-10")
    audio = answer.audio[: int((answer.last_word_s + 1.5) * SAMPLE_RATE)]

    def stream(model: WhisperTranscriber) -> tuple[str, int, int]:
        counting = _Counting(primed(model, question))
        encoded = model.windows_encoded
        heard = [0.0]  # the caption passes' clock follows the audio, not the machine's load
        s = StreamingTranscriber(counting, StreamingSettings(silence_end_s=0),
                                 clock=lambda: heard[0])
        for i in range(0, len(audio), SAMPLE_RATE // 10):
            heard[0] = i / SAMPLE_RATE
            s.push(audio[i:i + SAMPLE_RATE // 10])
            s.step()
        return s.finish().text, counting.decodes, model.windows_encoded - encoded

    text, decodes, encoded = stream(whisper)
    before, decodes_before, encoded_before = stream(_probing())
    assert text == before, (text, before)
    assert text.endswith("measure success."), text
    assert decodes == decodes_before >= 3
    assert encoded == decodes
    assert encoded_before == 2 * decodes_before


class _Counting(Wrapped):
    def __init__(self, inner: Transcriber) -> None:
        self.inner = inner
        self.decodes = 0

    def transcribe(self, audio: Audio, **kw: Any) -> Transcript:
        self.decodes += 1
        return self.inner.transcribe(audio, **kw)


# A faster-whisper whose internals moved: the skip turns itself off, transcription goes on.

def _answer_and_hint(bank: QuestionBank) -> tuple[Any, str]:
    answer = next(c for c in cases("complete") if c.name == "complete-10")
    audio = answer.audio[: int((answer.last_word_s + 1.0) * SAMPLE_RATE)]
    return audio, transcription_hint(bank.by_id("strategy-startup-vs-bundled-copilot").prompt)


def _told(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == silent_windows.__name__]


@pytest.fixture
def fresh_log(monkeypatch: pytest.MonkeyPatch,
              caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    monkeypatch.setattr(silent_windows, "_told", set())  # "once" is once per process
    caplog.set_level(logging.WARNING, logger=silent_windows.__name__)
    return caplog


def test_the_installed_faster_whisper_has_the_internals_the_skip_overrides() -> None:
    from faster_whisper import WhisperModel

    assert silent_windows.mismatch(WhisperModel) == ""


def test_a_faster_whisper_with_resigned_internals_gets_the_plain_model(
        whisper: WhisperTranscriber, bank: QuestionBank, monkeypatch: pytest.MonkeyPatch,
        fresh_log: pytest.LogCaptureFixture) -> None:
    import faster_whisper

    class Resigned(faster_whisper.WhisperModel):  # type: ignore[misc]
        """A release that passes the window's position to generate_with_fallback."""

        def generate_with_fallback(self, encoder_output: Any, prompt: list[int],
                                   tokenizer: Any, options: Any, seek: int = 0) -> Any:
            return super().generate_with_fallback(encoder_output, prompt, tokenizer, options)

    monkeypatch.setattr(faster_whisper, "WhisperModel", Resigned)
    audio, hint = _answer_and_hint(bank)
    moved = WhisperTranscriber()
    first = moved.transcribe(audio, hint=hint)
    second = moved.transcribe(audio, hint=hint)

    assert type(moved._model) is Resigned  # the plain model, not the skipping subclass
    assert moved.windows_skipped == 0
    skipped = whisper.transcribe(audio, hint=hint)  # the skipping model, for the speech
    assert first.segments[:len(skipped.segments)] == skipped.segments
    assert "measure success." in first.text, first.text
    assert second.text == first.text
    told = _told(fresh_log)
    assert len(told) == 1 and "generate_with_fallback" in told[0], told


class _NeedsMore:
    """A decoder whose generate() needs an argument the one-step probe does not pass."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def generate(self, *args: Any, **kwargs: Any) -> Any:
        if "max_initial_timestamp_index" not in kwargs:
            raise TypeError("generate() missing required argument 'max_initial_timestamp_index'")
        return self.inner.generate(*args, **kwargs)


def test_an_error_inside_the_skip_decodes_the_window_plainly_from_then_on(
        whisper: WhisperTranscriber, bank: QuestionBank, monkeypatch: pytest.MonkeyPatch,
        fresh_log: pytest.LogCaptureFixture) -> None:
    import faster_whisper

    class Stricter(faster_whisper.WhisperModel):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.model: Any = _NeedsMore(self.model)

    monkeypatch.setattr(faster_whisper, "WhisperModel", Stricter)
    audio, hint = _answer_and_hint(bank)
    moved = WhisperTranscriber()
    moved.load()
    moved._model.rest_s = 0.0  # the window after the words encoded, so the probe runs
    first = moved.transcribe(audio, hint=hint)
    second = moved.transcribe(audio, hint=hint)

    assert moved._model.skipping is False and moved.windows_skipped == 0
    skipped = whisper.transcribe(audio, hint=hint)
    assert first.segments[:len(skipped.segments)] == skipped.segments
    assert second.text == first.text
    told = _told(fresh_log)
    assert len(told) == 1 and "max_initial_timestamp_index" in told[0], told


def test_an_error_the_skip_causes_in_faster_whispers_own_code_decodes_again_plainly(
        whisper: WhisperTranscriber, bank: QuestionBank, monkeypatch: pytest.MonkeyPatch,
        fresh_log: pytest.LogCaptureFixture) -> None:
    # A release whose generate_segments unpacks another shape than the skip returns.
    monkeypatch.setattr(silent_windows, "as_silence",
                        lambda probe: (probe, -math.inf, 0.0))
    audio, hint = _answer_and_hint(bank)
    moved = WhisperTranscriber()
    first = moved.transcribe(audio, hint=hint)
    second = moved.transcribe(audio, hint=hint)

    assert moved._model.skipping is False
    skipped = whisper.transcribe(audio, hint=hint)
    assert first.segments[:len(skipped.segments)] == skipped.segments
    assert "measure success." in first.text, first.text
    assert second.text == first.text
    told = _told(fresh_log)
    assert len(told) == 1 and "ValueError" in told[0], told
