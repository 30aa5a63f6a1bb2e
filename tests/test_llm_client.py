"""The transport under real HTTP: retries, Retry-After, backoff, deadlines, streaming, degrading.

Everything goes through the real `openai` client to tests/llm_server.py on loopback.
"""

from __future__ import annotations

import itertools
import time

import pytest

from interviewer.coach.llm_client import (
    RATE_LIMITED,
    REJECTED,
    SERVER_ERROR,
    TIMEOUT,
    UNREACHABLE,
    ChatClient,
    LLMFailure,
    parse_retry_after,
)
from interviewer.secret import Secret
from tests.support.llm_server import (
    LLMServer,
    Reply,
    closed_port_url,
    hang,
    rate_limited,
    server_error,
)

KEY = "sk-test-SECRET-DO-NOT-LEAK-1234"
MESSAGES = [{"role": "system", "content": "You are the interviewer."},
            {"role": "user", "content": "Ask one follow-up."}]


def client(url: str, *, timeout: float = 2.0, retries: int = 2) -> ChatClient:
    return ChatClient(base_url=url, model="test-model", api_key=Secret(KEY), timeout=timeout,
                      max_retries=retries, backoff_base=0.05)


def ask(c: ChatClient, **kw: object) -> str:
    return c.complete(MESSAGES, deadline=c.deadline(), max_tokens=50, purpose="t", **kw).text  # type: ignore[arg-type]


def test_plain_and_streamed_replies_and_what_was_sent(llm_server: LLMServer) -> None:
    c = client(llm_server.base_url)
    llm_server.script("follow-up", "First reply?", "Second reply, streamed?")
    assert ask(c) == "First reply?"
    seen: list[str] = []
    assert ask(c, on_text=seen.append) == "Second reply, streamed?"
    assert len(seen) > 2 and seen[-1] == "Second reply, streamed?"
    assert all(b.startswith(a) for a, b in itertools.pairwise(seen))  # text so far
    plain, streamed = llm_server.requests
    assert "stream" not in plain.body and streamed.body["stream"] is True
    assert plain.body["model"] == "test-model" and plain.body["messages"] == MESSAGES
    assert plain.headers["authorization"] == f"Bearer {KEY}" and plain.client == "127.0.0.1"


def test_stream_stops_early_when_told(llm_server: LLMServer) -> None:
    c = client(llm_server.base_url)
    llm_server.script("follow-up", Reply(content="One? Two? Three? " * 20, chunk_size=3))
    text = c.complete(MESSAGES, deadline=c.deadline(), max_tokens=50, purpose="t",
                      on_text=lambda _t: None, stop_when=lambda t: "Two" in t).text
    assert text.startswith("One? Tw") and len(text) < 20


def test_429_waits_for_retry_after_then_succeeds(llm_server: LLMServer) -> None:
    c = client(llm_server.base_url)
    llm_server.script("follow-up", rate_limited(0.4), "After the wait?")
    assert ask(c) == "After the wait?"
    first, second = llm_server.requests
    assert second.at - first.at >= 0.4


def test_429_asking_longer_than_the_cap_falls_through_at_once(llm_server: LLMServer) -> None:
    c = client(llm_server.base_url, timeout=5)
    llm_server.script("follow-up", rate_limited(120))
    start = time.monotonic()
    with pytest.raises(LLMFailure) as err:
        ask(c)
    assert err.value.kind == RATE_LIMITED and "120" in err.value.reason
    assert time.monotonic() - start < 1 and len(llm_server.requests) == 1


def test_5xx_retried_with_backoff_and_bounded(llm_server: LLMServer) -> None:
    c = client(llm_server.base_url, retries=2)
    llm_server.script("follow-up", server_error(500), server_error(503), "Third time?")
    assert ask(c) == "Third time?" and len(llm_server.requests) == 3
    llm_server.script("follow-up", *[server_error(503)] * 5)
    with pytest.raises(LLMFailure) as err:
        ask(c)
    assert err.value.kind == SERVER_ERROR and "HTTP 503 after 3 tries" in err.value.reason
    assert len(llm_server.requests) == 6  # 3 + 3: never more than max_retries + 1


def test_timeout_is_a_deadline_for_the_whole_step(llm_server: LLMServer) -> None:
    c = client(llm_server.base_url, timeout=1.0, retries=5)
    llm_server.script("follow-up", hang(5), hang(5), hang(5))
    start = time.monotonic()
    with pytest.raises(LLMFailure) as err:
        ask(c)
    assert err.value.kind == TIMEOUT
    assert time.monotonic() - start < 1.5
    # A stream that trickles past the deadline is cut off too.
    llm_server.script("follow-up", Reply(content="slow " * 50, chunk_size=5, chunk_delay=0.15))
    start = time.monotonic()
    with pytest.raises(LLMFailure) as err:
        ask(c, on_text=lambda _t: None)
    assert err.value.kind == TIMEOUT and time.monotonic() - start < 1.5


def test_refused_and_dropped_connections(llm_server: LLMServer) -> None:
    c = client(closed_port_url(), retries=1)
    with pytest.raises(LLMFailure) as err:
        ask(c)
    assert err.value.kind == UNREACHABLE and "could not connect to 127.0.0.1:" in err.value.reason
    c = client(llm_server.base_url)
    llm_server.script("follow-up", "dropped", "Still here?")
    assert ask(c) == "Still here?"


def test_a_refused_key_is_not_retried_and_never_echoed() -> None:
    with LLMServer(require_key="the-right-key") as server:
        c = client(server.base_url)
        with pytest.raises(LLMFailure) as err:
            ask(c)
        assert err.value.kind == REJECTED and "HTTP 401" in err.value.reason
        assert KEY not in err.value.reason and len(server.requests) == 1


def test_an_unsupported_optional_parameter_is_dropped(llm_server: LLMServer) -> None:
    c = client(llm_server.base_url)
    formats = [{"type": "json_schema", "json_schema": {"name": "x", "schema": {}}},
               {"type": "json_object"}]
    llm_server.script("follow-up", *[Reply(content='{"a": 1}', reject_param="response_format")]
                      * 3)
    assert ask(c, response_formats=formats) == '{"a": 1}'
    sent = [r.body.get("response_format", {}).get("type") for r in llm_server.requests]
    assert sent == ["json_schema", "json_object", None]
    llm_server.script("follow-up", Reply(content="ok?", reject_param="max_tokens"), "ok?")
    assert ask(c) == "ok?"
    assert "max_completion_tokens" in llm_server.requests[-1].body


def test_retry_after_formats() -> None:
    assert parse_retry_after({"retry-after": "2"}) == 2
    assert parse_retry_after({"retry-after-ms": "250"}) == 0.25
    assert parse_retry_after({"retry-after": "Wed, 21 Oct 2015 07:28:00 GMT"}) == 0
    assert parse_retry_after({"retry-after": "soon"}) is None
    assert parse_retry_after({}) is None
