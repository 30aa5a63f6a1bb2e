"""OpenAI-compatible speech servers on loopback that do real work, for the real `openai` client.

POST /v1/audio/transcriptions: the uploaded file is decoded and transcribed by the project's own
local transcriber (the bundled faster-whisper model), answered as `verbose_json` the way OpenAI
does (segments with their figures, words at the top level); `words=False` answers segments only
(a server without word timings). POST /v1/audio/speech: the text is synthesised by the local
engine (espeak-ng through pyttsx3) and streamed in chunks with chunked transfer encoding, as
`pcm` (OpenAI's: 24 kHz 16-bit mono, no header) or `wav` (a header whose sizes are unknown, as a
streaming server writes it). `hold_after_first_chunk()` holds a reply after its first chunk
until `release()`, so a test can see audio arrive before the rest exists.

Faults, scripted per endpoint (`script("transcription", "429")`): a hang past the client's
timeout ("slow"), 429 with Retry-After, 500, 401, malformed JSON, garbage audio (an HTML page
answered with 200), noise where a WAV should be, a stream cut off after its first chunk.
A refused connection is a closed port (`llm_server.closed_port_url`).
Every request is recorded with its headers; `max_in_flight` counts concurrent requests, and
`meet(n)` makes each transcription wait (up to a few seconds) until `n` are in flight together.
"""

from __future__ import annotations

import contextlib
import email.parser
import email.policy
import io
import json
import socket
import struct
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any

import numpy as np

from interviewer.speech.clip import Clip
from interviewer.speech.stt import Transcript
from interviewer.speech.synthesizer import Synthesizer
from interviewer.speech.whisper_stt import WhisperTranscriber
from tests.support.loopback import LoopbackServer

TRANSCRIPTION = "transcription"
SPEECH = "speech"
PCM_RATE = 24000
"""OpenAI's `pcm`: 24 kHz, 16-bit little-endian, mono."""


@dataclass
class Reply:
    """One scripted reply; the default does the real work."""

    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    error: str = ""
    delay: float = 0.0
    body: bytes | None = None
    content_type: str = "application/json"
    cut: bool = False
    """Speech: send the first chunk, then drop the connection (a stream broken off)."""


def slow(seconds: float = 5.0) -> Reply:
    return Reply(delay=seconds)


def rate_limited(retry_after: float = 0.2) -> Reply:
    return Reply(status=429, headers={"Retry-After": f"{retry_after:g}"},
                 error="Rate limit reached, try again later.")


def server_error(status: int = 500) -> Reply:
    return Reply(status=status, error="The server had an error while processing your request.")


def unauthorized() -> Reply:
    return Reply(status=401, error="Incorrect API key provided.")


def malformed() -> Reply:
    return Reply(body=b'{"text": "we would measure the", "segments": [{"start": 0.0,, ]')


def garbage() -> Reply:
    return Reply(body=b"<html><body>502 Bad Gateway</body></html>" * 40,
                 content_type="text/html")


def noise_wav() -> Reply:
    return Reply(body=bytes(range(256)) * 40, content_type="audio/wav")


def cut_off() -> Reply:
    return Reply(cut=True)


FAULTS: dict[str, Callable[[], Reply]] = {
    "slow": slow,
    "429": rate_limited,
    "500": server_error,
    "401": unauthorized,
    "malformed": malformed,
    "garbage": garbage,
    "noise-wav": noise_wav,
    "cut": cut_off,
}


@dataclass
class Recorded:
    kind: str
    path: str
    headers: dict[str, str]
    fields: dict[str, Any]
    """Form fields (transcription: repeated fields as lists) or the JSON body (speech)."""
    audio_bytes: int = 0
    sent: bytes = b""
    """Speech: the body sent (audio, with its header for wav)."""


def streaming_wav_header(rate: int) -> bytes:
    """A 16-bit mono WAV header with unknown sizes (0xFFFFFFFF), as streaming servers send."""
    fmt = struct.pack("<HHIIHH", 1, 1, rate, rate * 2, 2, 16)
    return (b"RIFF" + struct.pack("<I", 0xFFFFFFFF) + b"WAVE" + b"fmt " + struct.pack("<I", 16)
            + fmt + b"data" + struct.pack("<I", 0xFFFFFFFF))


def verbose_json(transcript: Transcript, duration: float, words: bool) -> dict[str, Any]:
    """What OpenAI's whisper-1 answers for verbose_json with word and segment timestamps."""
    reply: dict[str, Any] = {
        "task": "transcribe", "language": "english", "duration": round(duration, 3),
        "text": transcript.text,
        "segments": [{"id": i, "seek": 0, "start": s.start, "end": s.end, "text": " " + s.text,
                      "tokens": [], "temperature": 0.0, "avg_logprob": -0.25,
                      "compression_ratio": 1.3, "no_speech_prob": 0.01}
                     for i, s in enumerate(transcript.segments)],
    }
    if words:
        reply["words"] = [{"word": w.word, "start": w.start, "end": w.end}
                          for w in transcript.words]
    return reply


class SpeechServer(LoopbackServer):
    def __init__(self, transcriber: WhisperTranscriber | None = None,
                 synthesizer: Synthesizer | None = None, *, words: bool = True,
                 require_key: str = "", chunk_bytes: int = 4800) -> None:
        self.transcriber = transcriber
        self.synthesizer = synthesizer
        self.words = words
        self.require_key = require_key
        self.chunk_bytes = chunk_bytes
        self.requests: list[Recorded] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self._meet: threading.Barrier | None = None
        self._hold: threading.Event | None = None
        self.first_chunk_sent = threading.Event()
        self.hold_expired = False
        """True if a held reply went on because nobody released it."""
        self._queues: dict[str, deque[Reply]] = {TRANSCRIPTION: deque(), SPEECH: deque()}
        self._lock = threading.Lock()
        super().__init__(_handler(self))

    def stop(self) -> None:
        self._stopping.set()
        self.release()
        super().stop()

    # -- scripting ------------------------------------------------------------------------------
    def script(self, kind: str, *replies: Reply | str) -> None:
        """Queue replies for the next requests to an endpoint; a string names a fault."""
        with self._lock:
            for r in replies:
                self._queues[kind].append(FAULTS[r]() if isinstance(r, str) else r)

    def meet(self, parties: int) -> None:
        """Each transcription waits (up to 5 s) until `parties` are in flight together."""
        self._meet = threading.Barrier(parties, timeout=5.0)

    def hold_after_first_chunk(self) -> None:
        self._hold = threading.Event()
        self.first_chunk_sent.clear()

    def release(self) -> None:
        if self._hold is not None:
            self._hold.set()

    def of_kind(self, kind: str) -> list[Recorded]:
        return [r for r in self.requests if r.kind == kind]

    def _next(self, kind: str) -> Reply:
        with self._lock:
            q = self._queues[kind]
            return q.popleft() if q else Reply()

    def _enter(self, req: Recorded) -> None:
        with self._lock:
            self.requests.append(req)
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)

    def _leave(self) -> None:
        with self._lock:
            self.in_flight -= 1


def parse_form(content_type: str, body: bytes) -> tuple[dict[str, Any], bytes]:
    """multipart/form-data: its text fields (repeated ones as lists) and the file's bytes."""
    head = f"Content-Type: {content_type}\r\nMIME-Version: 1.0\r\n\r\n".encode()
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + body)
    fields: dict[str, Any] = {}
    data = b""
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        raw = part.get_payload(decode=True)
        payload = raw if isinstance(raw, bytes) else b""
        if part.get_filename():
            data = payload
        elif isinstance(name, str):
            value = payload.decode()
            if name.endswith("[]"):
                fields.setdefault(name[:-2], []).append(value)
            else:
                fields[name] = value
    return fields, data


def _handler(server: SpeechServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:  # quiet
            pass

        def _send(self, status: int, body: bytes, content_type: str,
                  headers: dict[str, str] | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(body)

        def _error(self, status: int, message: str, headers: dict[str, str] | None = None,
                   ) -> None:
            self._send(status, json.dumps({"error": {"message": message,
                                                     "type": "server_error"}}).encode(),
                       "application/json", headers)

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length)
            headers = {k.lower(): v for k, v in self.headers.items()}
            path = self.path.rstrip("/")
            kind = TRANSCRIPTION if path == "/v1/audio/transcriptions" else SPEECH
            if kind == TRANSCRIPTION:
                fields, audio = parse_form(headers.get("content-type", ""), raw)
                req = Recorded(kind, path, headers, fields, len(audio))
            else:
                try:
                    body = json.loads(raw or b"{}")
                except ValueError:
                    body = {}
                audio = b""
                req = Recorded(kind, path, headers, body)
            server._enter(req)
            try:
                self._serve(kind, path, req, audio)
            except (BrokenPipeError, ConnectionResetError):
                pass
            finally:
                server._leave()

        def _serve(self, kind: str, path: str, req: Recorded, audio: bytes) -> None:
            if path not in ("/v1/audio/transcriptions", "/v1/audio/speech"):
                self._error(404, "not found")
                return
            if server.require_key and \
                    req.headers.get("authorization") != f"Bearer {server.require_key}":
                self._error(401, "Incorrect API key provided.")
                return
            reply = server._next(kind)
            if reply.delay and server._stopping.wait(reply.delay):
                return
            if reply.status != 200:
                self._error(reply.status, reply.error or "error", reply.headers)
                return
            if reply.body is not None:
                self._send(200, reply.body, reply.content_type)
                return
            if kind == TRANSCRIPTION:
                self._transcribe(req, audio)
            else:
                self._speak(req, reply)

        def _transcribe(self, req: Recorded, data: bytes) -> None:
            from faster_whisper.audio import decode_audio

            assert server.transcriber is not None, "this server has no transcriber"
            if server._meet is not None:
                with contextlib.suppress(threading.BrokenBarrierError):
                    server._meet.wait()
            try:
                audio = decode_audio(io.BytesIO(data), sampling_rate=16000)
            except Exception:
                self._error(400, "Invalid file format.")
                return
            audio = np.ascontiguousarray(audio, dtype=np.float32)
            granularities = req.fields.get("timestamp_granularities", [])
            transcript = server.transcriber.transcribe(
                audio, word_timestamps="word" in granularities,
                hint=str(req.fields.get("prompt", "")))
            reply = verbose_json(transcript, len(audio) / 16000,
                                 server.words and "word" in granularities)
            self._send(200, json.dumps(reply).encode(), "application/json")

        def _speak(self, req: Recorded, reply: Reply) -> None:
            assert server.synthesizer is not None, "this server has no synthesizer"
            text = str(req.fields.get("input", ""))
            fmt = req.fields.get("response_format", "mp3")
            if fmt not in ("pcm", "wav"):
                self._error(400, f"response_format {fmt} is not supported here")
                return
            clip = server.synthesizer.synthesize_text(text)
            if fmt == "pcm":
                clip = clip.resampled(PCM_RATE)
                data, content_type = clip.samples.astype("<i2").tobytes(), "audio/pcm"
            else:
                data = streaming_wav_header(clip.sample_rate) + \
                    clip.samples.astype("<i2").tobytes()
                content_type = "audio/wav"
            req.sent = data
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            size = max(2, server.chunk_bytes)
            for i in range(0, len(data), size):
                chunk = data[i:i + size]
                self.wfile.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
                self.wfile.flush()
                if i == 0:
                    server.first_chunk_sent.set()
                    if reply.cut:
                        self.close_connection = True
                        self.connection.shutdown(socket.SHUT_RDWR)
                        return
                    hold = server._hold
                    if hold is not None and not hold.wait(10.0):
                        server.hold_expired = True
            self.wfile.write(b"0\r\n\r\n")
            self.wfile.flush()

    return Handler


def clip_of(data: bytes, rate: int = PCM_RATE) -> Clip:
    return Clip(np.frombuffer(data[: len(data) // 2 * 2], dtype="<i2").astype(np.int16), rate)
