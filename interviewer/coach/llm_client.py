"""Talking to an OpenAI-compatible endpoint: one deadline per step, bounded retries, no surprises.

The `openai` SDK does the HTTP; its own retries are off (`max_retries=0`) so that the policy lives
here and is testable: HTTP 429 waits for Retry-After (capped, and never past the deadline); 5xx,
timeouts and refused connections retry with exponential backoff; other 4xx fail at once, except a
400 naming an optional parameter the server does not support, which is dropped and retried.

Every failure becomes an `LLMFailure` whose `reason` is one line written here, never the server's
text (which may echo a key) and never the key itself.
"""

from __future__ import annotations

import email.utils
import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import openai

from interviewer.secret import Secret, redact

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

DEFAULT_BASE_URL = "https://api.openai.com/v1"
PLACEHOLDER_KEY = "not-needed"
"""Sent when no key is configured: local servers ignore it, and the SDK insists on one."""
RETRY_AFTER_CAP = 10.0
"""The longest Retry-After honoured; a server asking for more is not retried in this step."""
BACKOFF_BASE = 0.25
BACKOFF_CAP = 2.0
MIN_ATTEMPT_SECONDS = 0.05
RETRYABLE_STATUS = frozenset({408, 409, 425, 429, 500, 502, 503, 504})

TextCallback = Callable[[str], None]


class LLMFailure(Exception):
    """A step the LLM could not do. `kind` is machine-readable, `reason` safe to show."""

    def __init__(self, kind: str, reason: str) -> None:
        super().__init__(reason)
        self.kind = kind
        self.reason = reason


# Kinds of failure. Transport: the endpoint did not give a usable HTTP answer. Reply: it answered,
# but with nothing usable (these get one repair attempt before the offline coach steps in).
UNREACHABLE = "unreachable"
TIMEOUT = "timeout"
RATE_LIMITED = "rate-limited"
SERVER_ERROR = "server-error"
REJECTED = "rejected"
EMPTY = "empty"
MALFORMED = "malformed"
SCHEMA = "schema"
TRUNCATED = "truncated"
REPLY_PROBLEMS = frozenset({EMPTY, MALFORMED, SCHEMA, TRUNCATED})


@dataclass
class Completion:
    text: str
    finish_reason: str | None
    attempts: int = 1


@dataclass
class _Options:
    """Optional request parameters, dropped one by one when a server says it does not know them."""

    formats_refused: int = 0
    token_param: str | None = "max_tokens"
    temperature: bool = True


def endpoint_label(base_url: str) -> str:
    """host[:port] of the endpoint, without any user:password a URL might carry."""
    parts = urlsplit(base_url or DEFAULT_BASE_URL)
    host = parts.hostname or base_url
    return f"{host}:{parts.port}" if parts.port else host


def parse_retry_after(headers: Any, now: Callable[[], float] = time.time) -> float | None:
    """Seconds from `retry-after-ms` or `retry-after` (seconds or an HTTP date), if given."""
    if headers is None:
        return None
    raw_ms = headers.get("retry-after-ms")
    if raw_ms:
        try:
            return max(0.0, float(raw_ms) / 1000)
        except ValueError:
            pass
    raw = headers.get("retry-after")
    if not raw:
        return None
    try:
        return max(0.0, float(raw))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(raw)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - now())


class ChatClient:
    """Chat completions against one endpoint and model, under a per-step deadline."""

    def __init__(self, *, base_url: str, model: str, api_key: Secret, timeout: float,
                 max_retries: int, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep,
                 backoff_base: float = BACKOFF_BASE) -> None:
        self.base_url = base_url or DEFAULT_BASE_URL
        self.model = model
        self.timeout = timeout
        self.max_retries = max_retries
        self.clock = clock
        self.sleep = sleep
        self.backoff_base = backoff_base
        self._key = api_key
        self._options: dict[str, _Options] = {}
        self._client = openai.OpenAI(
            base_url=self.base_url,
            api_key=api_key.reveal() or PLACEHOLDER_KEY,
            timeout=timeout,
            max_retries=0,
        )

    @property
    def endpoint(self) -> str:
        return endpoint_label(self.base_url)

    def close(self) -> None:
        self._client.close()

    def deadline(self) -> float:
        return self.clock() + self.timeout

    # -- one step ---------------------------------------------------------------------------
    def complete(self, messages: list[dict[str, str]], *, deadline: float, max_tokens: int,
                 purpose: str, temperature: float = 0.3,
                 response_formats: list[dict[str, Any]] | None = None,
                 on_text: TextCallback | None = None,
                 stop_when: Callable[[str], bool] | None = None) -> Completion:
        """One completion, retried within the deadline.

        `purpose` names the kind of request so that what a server does not support is remembered
        per kind. With `on_text` the reply is streamed and `on_text` gets the text so far after
        every chunk; `stop_when(text)` may end the stream early (the rest is not needed).
        """
        opts = self._options.setdefault(purpose, _Options())
        formats = list(response_formats or [])
        attempt = 0
        degraded = 0
        while True:
            remaining = deadline - self.clock()
            if remaining < MIN_ATTEMPT_SECONDS:
                raise LLMFailure(TIMEOUT, f"no reply within {self.timeout:g} s")
            kwargs = self._request(messages, opts, formats, max_tokens, temperature)
            try:
                if on_text is None:
                    completion = self._once(kwargs, remaining)
                else:
                    completion = self._once_streamed(kwargs, remaining, deadline, on_text,
                                                     stop_when)
                completion.attempts = attempt + 1 + degraded
                return completion
            except openai.BadRequestError as exc:
                if degraded < 4 and self._degrade(opts, exc, "response_format" in kwargs):
                    degraded += 1
                    log.info("%s: the endpoint rejected an optional parameter; retrying without",
                             purpose)
                    continue
                raise LLMFailure(REJECTED, self._status_reason(exc.status_code)) from None
            except openai.APIStatusError as exc:
                status = exc.status_code
                if status not in RETRYABLE_STATUS:
                    raise LLMFailure(REJECTED, self._status_reason(status)) from None
                kind = RATE_LIMITED if status == 429 else SERVER_ERROR
                wait: float | None = self._backoff(attempt)
                reason = f"the endpoint answered HTTP {status}"
                if status == 429:
                    asked = parse_retry_after(exc.response.headers)
                    if asked is not None:
                        reason += f", asking to wait {asked:.3g} s"
                        wait = asked if asked <= RETRY_AFTER_CAP else None
            except openai.APITimeoutError:
                kind, wait = TIMEOUT, 0.0
                reason = f"no reply within {self.timeout:g} s"
            except openai.APIConnectionError:
                kind, wait = UNREACHABLE, self._backoff(attempt)
                reason = f"could not connect to {self.endpoint}"
            except openai.APIError:
                # An error event inside a stream, or a response that is not what the API promises.
                kind, wait = SERVER_ERROR, self._backoff(attempt)
                reason = "the endpoint sent an error instead of a reply"
            except _StreamTimeout:
                raise LLMFailure(TIMEOUT, f"no complete reply within {self.timeout:g} s") from None
            except (ValueError, KeyError, TypeError, AttributeError):
                kind, wait = SERVER_ERROR, self._backoff(attempt)
                reason = "the endpoint sent a reply that is not a chat completion"
            attempt += 1
            log.info("%s: attempt %d failed: %s", purpose, attempt, reason)
            if wait is None:
                raise LLMFailure(kind, reason)
            if attempt > self.max_retries:
                tries = f" after {attempt} tries" if attempt > 1 else ""
                raise LLMFailure(kind, reason + tries)
            if self.clock() + wait + MIN_ATTEMPT_SECONDS >= deadline:
                if kind == TIMEOUT:
                    raise LLMFailure(kind, reason)
                raise LLMFailure(kind, f"{reason}, and no time was left to retry")
            if wait > 0:
                self.sleep(wait)

    # -- internals --------------------------------------------------------------------------
    def _request(self, messages: list[dict[str, str]], opts: _Options,
                 formats: list[dict[str, Any]], max_tokens: int,
                 temperature: float) -> dict[str, Any]:
        kwargs: dict[str, Any] = {"model": self.model, "messages": messages}
        if opts.formats_refused < len(formats):
            kwargs["response_format"] = formats[opts.formats_refused]
        if opts.token_param:
            kwargs[opts.token_param] = max_tokens
        if opts.temperature:
            kwargs["temperature"] = temperature
        return kwargs

    def _once(self, kwargs: dict[str, Any], remaining: float) -> Completion:
        resp = self._client.chat.completions.create(**kwargs, timeout=remaining)
        if not resp.choices:
            return Completion("", None)
        choice = resp.choices[0]
        return Completion(choice.message.content or "", choice.finish_reason)

    def _once_streamed(self, kwargs: dict[str, Any], remaining: float, deadline: float,
                       on_text: TextCallback, stop_when: Callable[[str], bool] | None,
                       ) -> Completion:
        stream = self._client.chat.completions.create(**kwargs, stream=True, timeout=remaining)
        parts: list[str] = []
        finish: str | None = None
        try:
            for chunk in stream:  # a chunk that is not JSON: ValueError
                if self.clock() > deadline:
                    raise _StreamTimeout
                if not chunk.choices:
                    continue
                choice = chunk.choices[0]
                delta = choice.delta.content if choice.delta is not None else None
                if delta:
                    parts.append(delta)
                    text = "".join(parts)
                    on_text(text)
                    if stop_when is not None and stop_when(text):
                        finish = "stop"
                        break
                if choice.finish_reason:
                    finish = choice.finish_reason
        finally:
            stream.close()
        return Completion("".join(parts), finish)

    def _degrade(self, opts: _Options, exc: openai.BadRequestError, sent_format: bool) -> bool:
        """Drop the optional parameter a 400 complains about; False when none is to blame."""
        said = _error_text(exc).lower()
        if sent_format and any(w in said for w in ("response_format", "json_schema",
                                                   "json_object", "response format")):
            opts.formats_refused += 1
            return True
        if opts.token_param == "max_tokens" and "max_tokens" in said:
            opts.token_param = "max_completion_tokens"
            return True
        if opts.token_param and opts.token_param in said:
            opts.token_param = None
            return True
        if opts.temperature and "temperature" in said:
            opts.temperature = False
            return True
        if sent_format:
            # A 400 naming nothing: structured output is the likeliest thing a server lacks.
            opts.formats_refused += 1
            return True
        return False

    def _backoff(self, attempt: int) -> float:
        delay = min(BACKOFF_CAP, self.backoff_base * 2.0 ** attempt)
        return float(delay * random.uniform(0.8, 1.0))

    def _status_reason(self, status: int) -> str:
        hint = {
            400: "the endpoint refused the request (HTTP 400)",
            401: "the endpoint refused the API key (HTTP 401)",
            403: "the endpoint refused access (HTTP 403)",
            404: f"the endpoint does not know model '{self.model}' or this API (HTTP 404)",
        }
        return hint.get(status, f"the endpoint refused the request (HTTP {status})")

    def safe(self, text: str) -> str:
        """Text with the API key masked, for anything that may be shown or kept."""
        return redact(text, self._key)

    # -- doctor ---------------------------------------------------------------------------
    def probe(self, timeout: float = 3.0) -> EndpointStatus:
        """Is the endpoint there, does it take the key, does it list the model?"""
        start = self.clock()
        try:
            page = self._client.models.list(timeout=timeout)
            ids = [m.id for m in page.data]
        except openai.APIStatusError as exc:
            ms = (self.clock() - start) * 1000
            if exc.status_code in (404, 405):
                return EndpointStatus(True, f"reachable ({ms:.0f} ms), no model list (HTTP "
                                            f"{exc.status_code})", None)
            return EndpointStatus(exc.status_code not in (401, 403),
                                  f"{self._status_reason(exc.status_code)}", None)
        except openai.APITimeoutError:
            return EndpointStatus(False, f"unreachable: no answer within {timeout:g} s", None)
        except openai.APIConnectionError:
            return EndpointStatus(False, "unreachable: could not connect", None)
        except (openai.APIError, ValueError, TypeError, AttributeError):
            return EndpointStatus(False, "answered, but not like an OpenAI-compatible API", None)
        ms = (self.clock() - start) * 1000
        return EndpointStatus(True, f"reachable ({ms:.0f} ms)", ids)


@dataclass(frozen=True)
class EndpointStatus:
    ok: bool
    detail: str
    models: list[str] | None


class _StreamTimeout(Exception):
    pass


def _error_text(exc: openai.APIStatusError) -> str:
    body = exc.body
    parts = [str(exc.message or "")]
    if isinstance(body, dict):
        err = body.get("error", body)
        if isinstance(err, dict):
            parts.extend(str(err.get(k) or "") for k in ("message", "param", "code"))
        else:
            parts.append(str(err))
    return " ".join(parts)
