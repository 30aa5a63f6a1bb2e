"""The interviewer's voice from an OpenAI-compatible speech server (Kokoro-FastAPI,
openedai-speech, OpenAI itself), behind the `Synthesizer` interface.

Each piece of text (`split_text`: sentences, the first one's opening words on their own, as for
Piper) is one `audio.speech` request with a streaming response. `stream()` yields audio as its
bytes arrive, so playback can start before a long piece is complete; `sentences()` keeps the
next piece's request in flight while the current one plays, so pieces follow without a gap.

Formats: `pcm` is headerless 16-bit little-endian mono at `sample_rate` (24 kHz for OpenAI and
Kokoro-FastAPI); `wav` is read from its header, whose sizes a streaming server leaves unknown
(0 or 0xFFFFFFFF), so the audio runs to the end of the stream. A reply that is not audio (an
HTML or JSON page, no RIFF header, no samples) is malformed. Every failure is one
`RemoteSpeechError`; `fallback_tts` then speaks the piece with the local engine.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import numpy as np

from interviewer.secret import Secret
from interviewer.speech.clip import Clip
from interviewer.speech.pieces import piper_pieces
from interviewer.speech.remote import (
    MALFORMED,
    SERVER_ERROR,
    Malformed,
    RemoteSpeechError,
    RetryPolicy,
    as_secret,
    close_quietly,
    endpoint_label,
    make_client,
    with_retries,
)
from interviewer.speech.synthesizer import (
    DEFAULT_RATE_WPM,
    Synthesizer,
    VoiceInfo,
    checked_rate_and_volume,
)

NAME = "openai"
FORMATS = ("pcm", "wav")
PCM_RATE = 24000
"""OpenAI's (and Kokoro-FastAPI's) `pcm`: 24 kHz, 16-bit little-endian, mono."""
CHUNK_BYTES = 4800
"""Read this much at a time: 0.1 s of 24 kHz audio."""
MAX_HEADER_BYTES = 1 << 16
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_NOT_AUDIO = ("application/json", "text/")


class AudioStream:
    """Bytes of `pcm` or `wav` in, clips out, whatever sizes the chunks come in."""

    def __init__(self, response_format: str, sample_rate: int = PCM_RATE) -> None:
        self.format = response_format
        self.sample_rate = sample_rate
        self.channels = 1
        self.frames = 0
        self._buf = b""
        self._header_done = response_format == "pcm"

    def feed(self, data: bytes) -> Clip:
        self._buf += data
        if not self._header_done and not self._header():
            return Clip.empty(self.sample_rate)
        width = 2 * self.channels
        n = len(self._buf) // width * width
        raw, self._buf = self._buf[:n], self._buf[n:]
        samples = np.frombuffer(raw, dtype="<i2").astype(np.int32)
        if self.channels > 1:
            samples = samples.reshape(-1, self.channels).mean(axis=1).astype(np.int32)
        self.frames += len(samples)
        return Clip(samples.astype(np.int16), self.sample_rate)

    def end(self) -> None:
        """The stream is over: it must have held audio."""
        if not self._header_done:
            raise Malformed("the stream ended inside the WAV header")
        if not self.frames:
            raise Malformed("no audio")

    def _header(self) -> bool:
        """Parse the WAV header once it is all there; False while more bytes are needed."""
        b = self._buf
        if len(b) >= 4 and b[:4] != b"RIFF":
            raise Malformed("not a WAV stream")
        if len(b) < 12:
            return False
        if b[8:12] != b"WAVE":
            raise Malformed("not a WAV stream")
        pos, have_fmt = 12, False
        while True:
            if pos + 8 > len(b):
                if len(b) > MAX_HEADER_BYTES:
                    raise Malformed("no audio data in the WAV stream")
                return False
            cid, size = b[pos:pos + 4], struct.unpack("<I", b[pos + 4:pos + 8])[0]
            if cid == b"data":
                if not have_fmt:
                    raise Malformed("a WAV stream without its format")
                self._buf = b[pos + 8:]
                self._header_done = True
                return True
            if pos + 8 + size > len(b):
                if size > MAX_HEADER_BYTES:
                    raise Malformed("a WAV header that does not end")
                return False
            if cid == b"fmt ":
                if size < 16:
                    raise Malformed("a WAV format chunk too short")
                tag, channels, rate, _, _, bits = struct.unpack("<HHIIHH", b[pos + 8:pos + 24])
                if tag not in (1, 0xFFFE) or bits != 16 or not channels or not rate:
                    raise Malformed("not 16-bit PCM WAV")
                self.channels, self.sample_rate, have_fmt = channels, rate, True
            pos += 8 + size + (size & 1)


class OpenAISynthesizer(Synthesizer):
    """`audio.speech` on one server, model and voice; thread-safe (the SDK client is)."""

    name = NAME
    runs_here = False  # a guess is never sent to the server

    def __init__(self, *, base_url: str | None, model: str, voice: str,
                 api_key: Secret | str | None = None, response_format: str = "pcm",
                 sample_rate: int = PCM_RATE, rate: int = DEFAULT_RATE_WPM, volume: float = 1.0,
                 policy: RetryPolicy | None = None, chunk_bytes: int = CHUNK_BYTES,
                 prefetch: int = 1) -> None:
        if response_format not in FORMATS:
            raise ValueError(f"tts response format must be one of: {', '.join(FORMATS)}")
        self.base_url = base_url
        self.model = model
        self.voice = voice.strip()
        self.response_format = response_format
        self.sample_rate = sample_rate
        """The rate of `pcm` (a `wav` says its own)."""
        self.rate, self.volume = checked_rate_and_volume(rate, volume)
        self.policy = policy or RetryPolicy()
        self.chunk_bytes = max(2, chunk_bytes)
        self.prefetch = max(0, prefetch)
        self._client = make_client(base_url, as_secret(api_key))

    @property
    def endpoint(self) -> str:
        return endpoint_label(self.base_url)

    @property
    def speed(self) -> float:
        """The API's speed (0.25-4.0) for the speaking rate (1.0 at the default rate)."""
        return min(4.0, max(0.25, self.rate / DEFAULT_RATE_WPM))

    def voice_in_use(self) -> str:
        return self.voice

    def list_voices(self) -> list[VoiceInfo]:
        return [VoiceInfo(self.voice, f"{self.voice} ({self.model} at {self.endpoint})")] \
            if self.voice else []

    def split_text(self, text: str) -> list[str]:
        return piper_pieces(text)

    def close(self) -> None:
        close_quietly(self._client)

    # -- one piece ------------------------------------------------------------------------------
    def synthesize(self, text: str) -> Clip:
        """The whole piece (blocking); raises RemoteSpeechError."""
        clips = list(self.stream(text))
        return Clip.concat(clips) if clips else Clip.empty(self.sample_rate)

    def stream(self, text: str) -> Iterator[Clip]:
        """The piece's audio as it arrives. Failures before the first audio are retried under
        the policy; any failure is a RemoteSpeechError (after audio: kind 'server-error')."""
        text = " ".join(_CONTROL.sub(" ", text).split())
        if not any(ch.isalnum() for ch in text):
            return
        extra: dict[str, Any] = {"speed": round(self.speed, 3)} if self.speed != 1.0 else {}

        def attempt(timeout: float) -> tuple[Any, Iterator[bytes], AudioStream, Clip]:
            manager = self._client.audio.speech.with_streaming_response.create(
                model=self.model, voice=self.voice, input=text,
                response_format=self.response_format,  # type: ignore[arg-type]
                timeout=timeout, **extra)
            response = manager.__enter__()
            try:
                kind = response.headers.get("content-type", "").lower()
                if kind.startswith(_NOT_AUDIO):
                    raise Malformed(f"a {kind} page instead of audio")
                decoder = AudioStream(self.response_format, self.sample_rate)
                chunks = response.iter_bytes(self.chunk_bytes)
                first = Clip.empty(self.sample_rate)
                for data in chunks:  # up to the first samples: until then, a retry is clean
                    first = decoder.feed(data)
                    if first.frames:
                        break
                else:
                    decoder.end()
            except BaseException:
                manager.__exit__(None, None, None)
                raise
            return manager, chunks, decoder, first

        manager, chunks, decoder, first = with_retries(
            attempt, self.policy, endpoint=self.endpoint, model=self.model)
        try:
            yield self._loudness(first)
            try:
                for data in chunks:
                    clip = decoder.feed(data)
                    if clip.frames:
                        yield self._loudness(clip)
                decoder.end()
            except Malformed:
                raise RemoteSpeechError(MALFORMED, f"{self.endpoint} sent audio that cannot be "
                                                   "read") from None
            except Exception:  # the stream broke off (a timeout, a dropped connection)
                raise RemoteSpeechError(SERVER_ERROR, f"{self.endpoint} stopped sending audio "
                                                      "mid-sentence") from None
        finally:
            manager.__exit__(None, None, None)

    def _loudness(self, clip: Clip) -> Clip:
        if self.volume == 1.0 or not clip.frames:
            return clip
        scaled = np.round(clip.samples.astype(np.float32) * self.volume)
        return Clip(scaled.astype(np.int16), clip.sample_rate)

    # -- a text ---------------------------------------------------------------------------------
    def sentences(self, text: str, split: Callable[[str], list[str]] | None = None,
                  ) -> Iterator[tuple[str, Clip]]:
        """Piece by piece, the next one's request in flight while this one plays."""
        yield from prefetched((split or self.split_text)(text), self.synthesize, self.prefetch)


def prefetched(pieces: list[str], synthesize: Callable[[str], Clip],
               ahead: int = 1) -> Iterator[tuple[str, Clip]]:
    """(piece, clip) in order, with up to `ahead` later pieces synthesised meanwhile in a
    worker thread; an error surfaces when its piece is reached."""
    if ahead <= 0 or len(pieces) < 2:
        for piece in pieces:
            yield piece, synthesize(piece)
        return
    pool = ThreadPoolExecutor(1, thread_name_prefix="remote-tts")
    futures: list[Future[Clip]] = []
    try:
        for i, piece in enumerate(pieces):
            while len(futures) <= min(i + ahead, len(pieces) - 1):
                futures.append(pool.submit(synthesize, pieces[len(futures)]))
            yield piece, futures[i].result()
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
