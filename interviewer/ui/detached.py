"""Blocking work of the app's thread workers, run so that quitting never waits long for it.

Textual's thread workers run on the event loop's default executor, which `asyncio.run` joins
at exit with no bound (a model still loading, a final transcription pass, a coach call waiting
on an LLM endpoint would hold the process open) and which Textual's cancel cannot stop. The
work runs on a daemon thread instead; the worker waits for it, or returns (`Abandoned`) once
`leaving` is set or the worker is cancelled, as every worker is when the app exits. The app
then waits, bounded, for the threads still running (`join_detached`), so what they are
saving reaches the disk; past the bound they end with the process.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

from textual.worker import NoActiveWorker, get_current_worker

T = TypeVar("T")

_running: set[threading.Thread] = set()
_running_lock = threading.Lock()


class Abandoned(Exception):
    """The screen or the app is going away: the call's result is no longer wanted."""


def _cancelled() -> threading.Event | None:
    """The current Textual worker's cancellation, when called from one."""
    try:
        return get_current_worker().cancelled_event
    except NoActiveWorker:
        return None


def call_detached(fn: Callable[[], T], leaving: threading.Event | None = None, *,
                  name: str = "detached-call") -> T:
    """fn() on a daemon thread; its result or exception, or Abandoned once `leaving` is set or
    the calling worker is cancelled (fn goes on: `join_detached` waits for it at exit)."""
    box: dict[str, Any] = {}
    done = threading.Event()
    cancelled = _cancelled()

    def run() -> None:
        try:
            box["value"] = fn()
        except BaseException as exc:  # handed to the caller
            box["error"] = exc
        finally:
            done.set()
            with _running_lock:
                _running.discard(threading.current_thread())

    thread = threading.Thread(target=run, daemon=True, name=name)
    with _running_lock:
        _running.add(thread)
    thread.start()
    while not done.wait(0.05):
        if (leaving is not None and leaving.is_set()) or \
                (cancelled is not None and cancelled.is_set()):
            raise Abandoned
    if "error" in box:
        raise box["error"]
    return box["value"]  # type: ignore[no-any-return]


def running_detached() -> list[threading.Thread]:
    with _running_lock:
        return [t for t in _running if t.is_alive()]


def join_detached(timeout: float) -> bool:
    """Wait, at most `timeout` seconds in all, for the detached calls still running; True
    when none is left."""
    deadline = time.monotonic() + timeout
    for thread in running_detached():
        thread.join(max(0.0, deadline - time.monotonic()))
    return not running_detached()
