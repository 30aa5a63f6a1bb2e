"""An OpenAI-compatible server on loopback, for driving the real `openai` client in tests.

POST /v1/chat/completions (plain JSON, or server-sent events with `stream: true`, ending with
`data: [DONE]`) and GET /v1/models. Replies come from a small fake model that reads the prompt
(a follow-up naming a stressed dimension; a scorecard quoting the candidate verbatim), or from
replies scripted per kind of request, each of which can be a fault: a hang past the client's
timeout, 429 with Retry-After, 500/503, an empty reply, malformed or schema-breaking JSON, a reply
cut off with finish_reason "length", or a dropped connection. A refused connection is a closed
port (`closed_port_url`). Every request is recorded, headers included.
"""

from __future__ import annotations

import json
import re
import socket
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any

from tests.support.loopback import LoopbackServer

DIMENSION_IDS = ["framing", "metrics", "trade-offs", "prioritization", "experimentation",
                 "business-impact", "communication"]
FOLLOW_UP = "follow-up"
SCORECARD = "scorecard"


@dataclass
class Reply:
    """One scripted reply. `content=None` lets the fake model write it."""

    content: str | None = None
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    error: str = ""
    delay: float = 0.0
    finish_reason: str = "stop"
    chunk_size: int = 6
    chunk_delay: float = 0.0
    drop: bool = False
    reject_param: str = ""
    """Answer 400 naming this parameter if the request carries it (an older server)."""


def hang(seconds: float = 5.0) -> Reply:
    return Reply(delay=seconds)


def rate_limited(retry_after: float = 0.2) -> Reply:
    return Reply(status=429, headers={"Retry-After": f"{retry_after:g}"},
                 error="Rate limit reached, try again later.")


def server_error(status: int = 500) -> Reply:
    return Reply(status=status, error="The server had an error while processing your request.")


def empty() -> Reply:
    return Reply(content="")


def malformed() -> Reply:
    return Reply(content='{"questions": [{"question_id": "q1", "scores": {"framing": 4,, ]')


def schema_breaking() -> Reply:
    return Reply(content='{"verdict": "strong hire", "score": 11, "dimensions": "all great"}')


def cut_off(text: str = '{"questions": [{"question_id": "q1", "scores": {"framing": 3, "me') \
        -> Reply:
    return Reply(content=text, finish_reason="length")


def dropped() -> Reply:
    return Reply(drop=True)


FAULTS: dict[str, Callable[[], Reply]] = {
    "timeout": hang,
    "429": rate_limited,
    "500": lambda: server_error(500),
    "503": lambda: server_error(503),
    "empty": empty,
    "malformed": malformed,
    "schema": schema_breaking,
    "length": cut_off,
    "dropped": dropped,
}


@dataclass
class Recorded:
    method: str
    path: str
    headers: dict[str, str]
    body: dict[str, Any]
    client: str
    kind: str
    at: float

    @property
    def system(self) -> str:
        return next((m["content"] for m in self.body.get("messages", [])
                     if m.get("role") == "system"), "")

    @property
    def user(self) -> str:
        return "\n".join(m["content"] for m in self.body.get("messages", [])
                         if m.get("role") == "user")


def closed_port_url() -> str:
    """A loopback URL nothing listens on: connections are refused."""
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return f"http://127.0.0.1:{port}/v1"


# -- the fake model ------------------------------------------------------------------------
def _nonce(system: str) -> str:
    m = re.search(r"<answer-([0-9a-f]+)>", system)
    return m.group(1) if m else ""


def candidate_answers(text: str, nonce: str) -> list[str]:
    tag = f"answer-{nonce}"
    return [a.strip() for a in re.findall(rf"<{tag}>\n(.*?)\n</{tag}>", text, re.S)]


def fake_follow_up(req: Recorded) -> str:
    ids = re.search(r"dimension id in brackets \(([^)]*)\)", req.user)
    dim = ids.group(1).split(", ")[0] if ids else "metrics"
    answers = candidate_answers(req.user, _nonce(req.system))
    said = " ".join(answers[-1].split()[:5]).rstrip(".,;:") if answers else "that"
    return (f'[{dim}] You said "{said}". Which single number would tell you it worked, '
            "and what would make you stop?")


def fake_scorecard(req: Recorded) -> str:
    labels = re.findall(r"^Question (q\d+):", req.user, re.M)
    answers = [a for a in candidate_answers(req.user, _nonce(req.system))
               if a != "(no answer)"]
    first_sentences = [re.split(r"(?<=[.!?])\s+", a)[0] for a in answers] or [""]
    card = {
        "questions": [{"question_id": lbl,
                       "scores": {d: (4 if d == "framing" else 3) for d in DIMENSION_IDS},
                       "strong_answer_adds": ["Name a guardrail metric and its threshold."]}
                      for lbl in labels],
        "dimensions": [{"id": d, "evidence": [first_sentences[i % len(first_sentences)]],
                        "advice": f"Make the {d} explicit, then tie it to the user."}
                       for i, d in enumerate(DIMENSION_IDS)],
        "strengths": ["Starts from a user segment."],
        "gaps": ["No guardrail metrics."],
    }
    return json.dumps(card)


# -- the server ----------------------------------------------------------------------------
class LLMServer(LoopbackServer):
    def __init__(self, model: str = "test-model", require_key: str = "") -> None:
        self.model = model
        self.require_key = require_key
        self.requests: list[Recorded] = []
        self._queues: dict[str, deque[Reply]] = {FOLLOW_UP: deque(), SCORECARD: deque()}
        self._lock = threading.Lock()
        super().__init__(_handler(self))

    # -- scripting ---------------------------------------------------------------------------
    def script(self, kind: str, *replies: Reply | str) -> None:
        """Queue replies for the next requests of a kind ('follow-up' or 'scorecard');
        a string is a fault name from FAULTS or, if not one, the reply's content."""
        with self._lock:
            for r in replies:
                if isinstance(r, str):
                    r = FAULTS[r]() if r in FAULTS else Reply(content=r)
                self._queues[kind].append(r)

    def of_kind(self, kind: str) -> list[Recorded]:
        return [r for r in self.requests if r.kind == kind]

    def _next(self, kind: str) -> Reply:
        with self._lock:
            q = self._queues[kind]
            return q.popleft() if q else Reply()

    def _record(self, req: Recorded) -> None:
        with self._lock:
            self.requests.append(req)


def _classify(body: dict[str, Any]) -> str:
    system = next((m.get("content", "") for m in body.get("messages", [])
                   if m.get("role") == "system"), "")
    return SCORECARD if "scorecard" in system.lower() else FOLLOW_UP


def _handler(server: LLMServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:  # quiet
            pass

        # -- plumbing ------------------------------------------------------------------------
        def _json(self, status: int, payload: Any, headers: dict[str, str] | None = None) -> None:
            data = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(data)

        def _authorised(self) -> bool:
            if not server.require_key:
                return True
            if self.headers.get("Authorization") == f"Bearer {server.require_key}":
                return True
            self._json(401, {"error": {"message": "Incorrect API key provided.",
                                       "type": "invalid_request_error",
                                       "code": "invalid_api_key"}})
            return False

        def _record(self, body: dict[str, Any], kind: str) -> Recorded:
            req = Recorded(self.command, self.path,
                           {k.lower(): v for k, v in self.headers.items()}, body,
                           self.client_address[0], kind, time.monotonic())
            server._record(req)
            return req

        # -- endpoints ------------------------------------------------------------------------
        def do_GET(self) -> None:
            self._record({}, "models")
            if self.path.rstrip("/") != "/v1/models":
                self._json(404, {"error": {"message": "not found"}})
                return
            if self._authorised():
                self._json(200, {"object": "list", "data": [
                    {"id": server.model, "object": "model", "created": 0, "owned_by": "test"}]})

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length)
            try:
                body = json.loads(raw or b"{}")
            except ValueError:
                body = {}
            kind = _classify(body)
            req = self._record(body, kind)
            if self.path.rstrip("/") != "/v1/chat/completions":
                self._json(404, {"error": {"message": "not found"}})
                return
            if not self._authorised():
                return
            reply = server._next(kind)
            if reply.delay and server._stopping.wait(reply.delay):
                return
            if reply.drop:
                self.close_connection = True
                self.connection.shutdown(socket.SHUT_RDWR)
                return
            if reply.reject_param and reply.reject_param in body:
                self._json(400, {"error": {"message": f"Unrecognized request argument "
                                                      f"supplied: {reply.reject_param}",
                                           "type": "invalid_request_error",
                                           "param": reply.reject_param}})
                return
            if reply.status != 200:
                self._json(reply.status, {"error": {"message": reply.error or "error",
                                                    "type": "server_error"}}, reply.headers)
                return
            content = reply.content
            if content is None:
                content = fake_scorecard(req) if kind == SCORECARD else fake_follow_up(req)
            try:
                if body.get("stream"):
                    self._stream(content, reply)
                else:
                    self._complete(content, reply)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def _complete(self, content: str, reply: Reply) -> None:
            self._json(200, {
                "id": "chatcmpl-test", "object": "chat.completion", "created": int(time.time()),
                "model": server.model,
                "choices": [{"index": 0, "finish_reason": reply.finish_reason,
                             "message": {"role": "assistant", "content": content}}],
                "usage": {"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20},
            })

        def _stream(self, content: str, reply: Reply) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-cache")
            self.send_header("Connection", "close")
            self.end_headers()
            self.close_connection = True

            def event(delta: dict[str, Any], finish: str | None) -> None:
                chunk = {"id": "chatcmpl-test", "object": "chat.completion.chunk",
                         "created": int(time.time()), "model": server.model,
                         "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}
                self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                self.wfile.flush()

            event({"role": "assistant", "content": ""}, None)
            size = max(1, reply.chunk_size)
            for i in range(0, len(content), size):
                if reply.chunk_delay and server._stopping.wait(reply.chunk_delay):
                    return
                event({"content": content[i:i + size]}, None)
            event({}, reply.finish_reason)
            self.wfile.write(b"data: [DONE]\n\n")
            self.wfile.flush()

    return Handler
