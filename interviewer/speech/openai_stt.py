"""Transcription on an OpenAI-compatible speech server (speaches, vLLM, OpenAI itself), behind
the same interface as the local Whisper (`stt.Transcriber`).

Each audio segment the streaming transcriber closes is one request to
`audio.transcriptions.create` as a 16 kHz WAV, asking for `verbose_json` with word and segment
timestamps, with the question and the product/ML glossary as `prompt` (Whisper's prompt biases
spelling, as the local model's hotwords do). The reply is mapped onto `stt.Segment`/`stt.Word`,
filtered as the local model's output is (no-speech, low log-probability, loops).

A server that gives segments but no word timings (some do not implement them) still gives the
text: the segments come back without words, `words_missing` says so, and `words_cover()` tells
the delivery analytics that pace and pauses cannot be measured from this transcript.

Requests in flight are bounded (`max_parallel`), whichever threads call; `submit` and
`transcribe_many` run segments in parallel and keep their order. Any failure (refused, timeout
after retries, 401, a malformed reply) is one `RemoteSpeechError`, which `fallback_stt` turns
into a local transcription of the same piece.
"""

from __future__ import annotations

import io
import threading
import wave
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import replace
from typing import Any, Literal, Protocol

import numpy as np

from interviewer.secret import Secret
from interviewer.speech.audio import SAMPLE_RATE, Audio, as_int16
from interviewer.speech.glossary import transcription_hint
from interviewer.speech.remote import (
    Malformed,
    RetryPolicy,
    as_secret,
    close_quietly,
    endpoint_label,
    make_client,
    with_retries,
)
from interviewer.speech.stt import (
    COMPRESSION_RATIO_MAX,
    END_PAD_S,
    LOG_PROB_FLOOR,
    NO_SPEECH_PROB,
    SILENT_SEGMENT_NO_SPEECH,
    Segment,
    Transcript,
    Word,
)

NAME = "openai"
NO_WORD_TIMINGS = ("the speech server gave no word timings: pace, pauses and fillers are not "
                   "measured for this answer")
"""The one line a screen or report shows when `words_cover()` is False."""


class HintableTranscriber(Protocol):
    """A transcriber that can be told, per call, what the answer is about (WhisperTranscriber,
    OpenAITranscriber, FallbackTranscriber)."""

    def transcribe(self, audio: Audio, *, beam_size: int | None = None,
                   word_timestamps: bool | None = None, hint: str | None = None) -> Transcript: ...


class OpenAITranscriber:
    """`audio.transcriptions.create` on one server and model. Thread-safe; nothing to load."""

    name = NAME

    def __init__(self, *, base_url: str | None, model: str, api_key: Secret | str | None = None,
                 language: str = "en", hint: str = "", policy: RetryPolicy | None = None,
                 max_parallel: int = 2, word_timestamps: bool = True,
                 per_audio_s: float = 0.5) -> None:
        self.base_url = base_url
        self.model = model
        self.language = language
        self.hint = hint
        """Told to the server before every segment; '' = the glossary alone."""
        self.policy = policy or RetryPolicy()
        self.per_audio_s = per_audio_s
        """Added to the deadline and to each attempt per second of audio: a long file takes
        longer to transcribe than a 5 s segment."""
        self.max_parallel = max(1, max_parallel)
        self.word_timestamps = word_timestamps
        self.words_missing = False
        """True once a reply had speech but no word timings (the server does not give them)."""
        self._client = make_client(base_url, as_secret(api_key))
        self._slots = threading.BoundedSemaphore(self.max_parallel)
        self._pool: ThreadPoolExecutor | None = None
        self._pool_lock = threading.Lock()

    @property
    def endpoint(self) -> str:
        return endpoint_label(self.base_url)

    @property
    def loaded(self) -> bool:
        return True

    def load(self) -> None:
        """Nothing to load (the model is the server's)."""

    def check(self) -> str:
        return f"{self.model} at {self.endpoint}"

    def close(self) -> None:
        with self._pool_lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)
        close_quietly(self._client)

    # -- one segment ----------------------------------------------------------------------------
    def transcribe(self, audio: Audio, *, beam_size: int | None = None,
                   word_timestamps: bool | None = None, hint: str | None = None) -> Transcript:
        """One request (retried under the policy); raises RemoteSpeechError. `beam_size` is
        the server's business and ignored."""
        audio = np.ascontiguousarray(audio, dtype=np.float32)
        duration = len(audio) / SAMPLE_RATE
        if duration < 0.1:
            return Transcript((), duration, self.language)
        words = self.word_timestamps if word_timestamps is None else word_timestamps
        data = wav_bytes(audio)
        prompt = (self.hint if hint is None else hint) or transcription_hint()
        granularities: list[Literal["word", "segment"]] = \
            ["word", "segment"] if words else ["segment"]

        def attempt(timeout: float) -> Transcript:
            reply = self._client.audio.transcriptions.create(
                file=("answer.wav", data, "audio/wav"), model=self.model,
                response_format="verbose_json",
                timestamp_granularities=granularities,
                prompt=prompt, language=self.language or "en", timeout=timeout)
            return self._transcript(reply, duration, words)

        extra = self.per_audio_s * duration
        policy = replace(self.policy, deadline_s=self.policy.deadline_s + extra,
                         attempt_s=self.policy.attempt_s + extra)
        with self._slots:
            return with_retries(attempt, policy, endpoint=self.endpoint, model=self.model)

    def _transcript(self, reply: Any, duration: float, want_words: bool) -> Transcript:
        transcript, missing = transcript_from_reply(reply, duration, self.language)
        if want_words and missing:
            self.words_missing = True
        return transcript

    # -- several segments in parallel -------------------------------------------------------------
    def submit(self, audio: Audio, *, hint: str | None = None) -> Future[Transcript]:
        """Start transcribing one segment; at most `max_parallel` run at a time."""
        with self._pool_lock:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(self.max_parallel,
                                                thread_name_prefix="remote-stt")
            return self._pool.submit(self.transcribe, audio, hint=hint)

    def transcribe_many(self, audios: Sequence[Audio], *,
                        hint: str | None = None) -> list[Transcript]:
        """Every segment, in parallel up to the bound, results in their order."""
        futures = [self.submit(a, hint=hint) for a in audios]
        return [f.result() for f in futures]


# -- the reply ----------------------------------------------------------------------------------


def wav_bytes(audio: Audio) -> bytes:
    """16 kHz mono 16-bit WAV, with the same silence after it as the local model gets."""
    padded = np.concatenate((audio, np.zeros(int(END_PAD_S * SAMPLE_RATE), np.float32)))
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(SAMPLE_RATE)
        w.writeframes(as_int16(padded).astype("<i2").tobytes())
    return buf.getvalue()


def _get(obj: Any, name: str) -> Any:
    if isinstance(obj, dict):
        return obj.get(name)
    return getattr(obj, name, None)


def _number(obj: Any, name: str, default: float | None = None) -> float:
    value = _get(obj, name)
    if value is None:
        if default is None:
            raise Malformed(f"no '{name}'")
        return default
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise Malformed(f"'{name}' is not a number")
    return float(value)


def _is_speech(seg: Any) -> bool:
    """The local model's filter, on whatever of its figures the server gives."""
    no_speech = _number(seg, "no_speech_prob", 0.0)
    logprob = _number(seg, "avg_logprob", 0.0)
    ratio = _number(seg, "compression_ratio", 0.0)
    if no_speech > SILENT_SEGMENT_NO_SPEECH:
        return False
    if no_speech > NO_SPEECH_PROB and logprob < LOG_PROB_FLOOR:
        return False
    return not ratio > COMPRESSION_RATIO_MAX


def _word(raw: Any) -> Word | None:
    text = _get(raw, "word")
    if not isinstance(text, str):
        raise Malformed("a word without text")
    text = text.strip()
    if not text:
        return None
    probability = min(1.0, max(0.0, _number(raw, "probability", 1.0)))
    return Word(round(_number(raw, "start"), 3), round(_number(raw, "end"), 3), text, probability)


def transcript_from_reply(reply: Any, duration: float, language: str = "en",
                          ) -> tuple[Transcript, bool]:
    """A verbose_json reply (SDK object or dict) as a Transcript, and whether speech came
    without word timings. Raises Malformed when it is not a verbose transcription."""
    text = _get(reply, "text")
    if not isinstance(text, str):
        raise Malformed("no text")
    raw_segments = _get(reply, "segments")
    if raw_segments is None:
        raw_segments = [{"start": 0.0, "end": duration, "text": text}] if text.strip() else []
    if not isinstance(raw_segments, list):
        raise Malformed("segments is not a list")
    raw_words = _get(reply, "words")
    top_words = [w for w in (_word(r) for r in raw_words or []) if w is not None] \
        if isinstance(raw_words, list) else []
    kept: list[tuple[float, float, str, list[Word]]] = []
    for seg in raw_segments:
        seg_text = _get(seg, "text")
        if not isinstance(seg_text, str):
            raise Malformed("a segment without text")
        start, end = _number(seg, "start"), _number(seg, "end")
        own = _get(seg, "words")
        seg_words = [w for w in (_word(r) for r in own) if w is not None] \
            if isinstance(own, list) else []
        if _is_speech(seg) and seg_text.strip():
            kept.append((start, end, seg_text.strip(), seg_words))
        elif top_words:  # words of a dropped segment are dropped with it
            top_words = [w for w in top_words if not start <= (w.start + w.end) / 2 <= end]
    if top_words and kept and not any(words for *_, words in kept):
        for w in top_words:
            middle = (w.start + w.end) / 2
            best = min(range(len(kept)), key=lambda i: 0.0 if kept[i][0] <= middle <= kept[i][1]
                       else min(abs(kept[i][0] - middle), abs(kept[i][1] - middle)))
            kept[best][3].append(w)
    segments = tuple(Segment(round(s, 3), round(e, 3), t, tuple(ws)) for s, e, t, ws in kept)
    missing = any(not s.words for s in segments)
    said = _get(reply, "language")
    lang = said if isinstance(said, str) and len(said) == 2 else language
    return Transcript(segments, duration, lang), missing


def words_cover(transcript: Transcript) -> bool:
    """True when every segment of speech has its words timed (delivery can be measured)."""
    return all(s.words for s in transcript.segments if s.text.strip())


class Hinted:
    """A hintable transcriber told, for one answer, what it is about (as `answer.primed` does
    for Whisper): the question and the glossary, through `glossary.transcription_hint`."""

    def __init__(self, inner: HintableTranscriber, question: str) -> None:
        self.inner = inner
        self.hint = transcription_hint(question)
        self.language = getattr(inner, "language", "en")

    def transcribe(self, audio: Audio, *, beam_size: int | None = None,
                   word_timestamps: bool | None = None) -> Transcript:
        return self.inner.transcribe(audio, beam_size=beam_size,
                                     word_timestamps=word_timestamps, hint=self.hint)
