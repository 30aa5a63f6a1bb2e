"""What the remote speech backends share: one typed error, the retry policy, the client, the
record of which backend produced each piece.

The `openai` SDK does the HTTP with its own retries off, so the policy lives here: HTTP 429
waits for Retry-After (capped, never past the deadline), 5xx and timeouts retry with
exponential backoff; a refused connection, 401/403, another 4xx or a reply that is not what
the API promises fail at once. Every failure is a `RemoteSpeechError` whose `reason` is one
line written here, never the server's text (which may echo a key) and never the key itself.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import urlsplit

from interviewer.secret import Secret

if TYPE_CHECKING:  # the SDK takes ~2 s to import: only a configured server pays for it
    import openai

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

T = TypeVar("T")

DEFAULT_BASE_URL = "https://api.openai.com/v1"
PLACEHOLDER_KEY = "not-needed"
"""Sent when no key is configured: local servers ignore it, and the SDK insists on one."""
RETRYABLE_STATUS = frozenset({408, 409, 425, 429, 500, 502, 503, 504})
MIN_ATTEMPT_S = 0.05

# Kinds of failure (`RemoteSpeechError.kind`).
UNREACHABLE = "unreachable"
TIMEOUT = "timeout"
RATE_LIMITED = "rate-limited"
SERVER_ERROR = "server-error"
REJECTED = "rejected"
MALFORMED = "malformed"


class RemoteSpeechError(Exception):
    """A speech server could not do this piece; `reason` is one short line safe to show."""

    def __init__(self, kind: str, reason: str) -> None:
        super().__init__(reason)
        self.kind = kind
        self.reason = reason


class Malformed(ValueError):
    """Raised by a backend's parsing: the reply is not what the API promises."""


@dataclass(frozen=True)
class RetryPolicy:
    deadline_s: float = 15.0
    """Everything one piece may take, retries and waits included."""
    attempt_s: float = 10.0
    """One attempt's timeout (at most what is left of the deadline)."""
    max_retries: int = 3
    backoff_base_s: float = 0.25
    backoff_cap_s: float = 2.0
    retry_after_cap_s: float = 5.0
    """The longest Retry-After honoured; a server asking more is given up on for this piece."""

    def backoff(self, attempt: int) -> float:
        return min(self.backoff_cap_s, self.backoff_base_s * 2.0 ** attempt) \
            * random.uniform(0.8, 1.0)


def endpoint_label(base_url: str | None) -> str:
    """host[:port] of the endpoint, without any user:password a URL might carry."""
    parts = urlsplit(base_url or DEFAULT_BASE_URL)
    host = parts.hostname or (base_url or "")
    return f"{host}:{parts.port}" if parts.port else host


def as_secret(key: Secret | str | None) -> Secret:
    return key if isinstance(key, Secret) else Secret(key or "")


def make_client(base_url: str | None, api_key: Secret) -> openai.OpenAI:
    """The SDK client with its own retries off (the policy is `with_retries`)."""
    import openai

    return openai.OpenAI(base_url=base_url or DEFAULT_BASE_URL,
                         api_key=api_key.reveal() or PLACEHOLDER_KEY, max_retries=0)


def _retry_after(exc: openai.APIStatusError) -> float | None:
    headers = getattr(exc.response, "headers", None)
    if headers is None:
        return None
    for name, scale in (("retry-after-ms", 1000.0), ("retry-after", 1.0)):
        raw = headers.get(name)
        if raw:
            try:
                return max(0.0, float(raw) / scale)
            except ValueError:
                continue
    return None


def _refused(exc: BaseException) -> bool:
    """A connection that never opened (nothing listens, no route, unknown host)."""
    cause: BaseException | None = exc.__cause__ or exc.__context__
    while cause is not None:
        if type(cause).__name__ in ("ConnectError", "ConnectionRefusedError", "gaierror"):
            return True
        cause = cause.__cause__ or cause.__context__
    return False


def status_reason(status: int, model: str) -> str:
    return {
        400: "the speech server refused the request (HTTP 400)",
        401: "the speech server refused the API key (HTTP 401)",
        403: "the speech server refused access (HTTP 403)",
        404: f"the speech server does not know model '{model}' or this API (HTTP 404)",
    }.get(status, f"the speech server refused the request (HTTP {status})")


def with_retries(attempt: Callable[[float], T], policy: RetryPolicy, *, endpoint: str,
                 model: str, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> T:
    """`attempt(timeout)` until it returns, under the policy; else RemoteSpeechError."""
    import openai

    deadline = clock() + policy.deadline_s
    tries = 0
    while True:
        remaining = deadline - clock()
        if remaining < MIN_ATTEMPT_S:
            raise RemoteSpeechError(TIMEOUT, f"no reply from {endpoint} within "
                                             f"{policy.deadline_s:g} s")
        wait: float | None
        try:
            return attempt(min(policy.attempt_s, remaining))
        except openai.APIStatusError as exc:
            status = exc.status_code
            if status not in RETRYABLE_STATUS:
                raise RemoteSpeechError(REJECTED, status_reason(status, model)) from None
            kind = RATE_LIMITED if status == 429 else SERVER_ERROR
            reason = f"the speech server answered HTTP {status}"
            wait = policy.backoff(tries)
            asked = _retry_after(exc) if status == 429 else None
            if asked is not None:
                wait = asked if asked <= policy.retry_after_cap_s else None
        except openai.APITimeoutError:
            kind, wait = TIMEOUT, 0.0
            reason = f"no reply from {endpoint} within {policy.deadline_s:g} s"
        except openai.APIConnectionError as exc:
            kind, reason = UNREACHABLE, f"could not connect to {endpoint}"
            wait = None if _refused(exc) else policy.backoff(tries)
        except (Malformed, openai.APIResponseValidationError, ValueError, KeyError, TypeError,
                AttributeError):
            raise RemoteSpeechError(MALFORMED, f"{endpoint} sent a reply that is not what the "
                                               "API promises") from None
        except openai.APIError:
            kind, reason, wait = SERVER_ERROR, "the speech server sent an error", \
                policy.backoff(tries)
        tries += 1
        log.info("speech request to %s: attempt %d failed: %s", endpoint, tries, reason)
        if wait is None:
            raise RemoteSpeechError(kind, reason)
        if tries > policy.max_retries or clock() + wait + MIN_ATTEMPT_S >= deadline:
            raise RemoteSpeechError(kind, reason + (f" (after {tries} tries)" if tries > 1
                                                    else ""))
        if wait > 0:
            sleep(wait)


# -- which backend produced what -----------------------------------------------------------------


@dataclass(frozen=True)
class Piece:
    """One piece of work (an audio segment, a sentence) and the backend that produced it."""

    backend: str
    """'openai' (the speech server) or the local backend's name."""
    reason: str = ""
    """Why the local backend took over ('' when the server did it)."""
    kind: str = ""


@dataclass
class Ledger:
    """Thread-safe record of the pieces, and the one-line notice, said once."""

    remote: str
    local: str
    on_notice: Callable[[str], None] | None = None
    retry_after_s: float = 30.0
    """After a failure, the server is skipped for this long (each piece would wait for it)."""
    clock: Callable[[], float] = time.monotonic
    pieces: list[Piece] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _skip_until: float = -1.0
    _told: bool = False

    def remote_wanted(self) -> bool:
        with self._lock:
            return self.clock() >= self._skip_until

    def add(self, piece: Piece) -> None:
        with self._lock:
            self.pieces.append(piece)

    def failed(self, error: RemoteSpeechError, what: str) -> None:
        """Record that the server failed; the first failure is told (one line), later ones not."""
        notice = ""
        with self._lock:
            self._skip_until = self.clock() + self.retry_after_s
            if not self._told:
                self._told = True
                notice = f"{what}: {error.reason}; using {self.local} on this machine instead"
                self.notices.append(notice)
        if notice and self.on_notice is not None:
            try:
                self.on_notice(notice)
            except Exception:  # a broken UI callback must not lose the piece
                log.debug("notice callback failed", exc_info=True)

    def backends(self) -> list[str]:
        with self._lock:
            return [p.backend for p in self.pieces]

    def summary(self) -> str:
        """'openai', 'local', or 'openai+local' (what session.json can record)."""
        seen = dict.fromkeys(self.backends())
        return "+".join(seen) if seen else ""


def close_quietly(client: Any) -> None:
    try:
        client.close()
    except Exception:
        log.debug("closing the speech client failed", exc_info=True)
