"""Engine calls that may wait on the network, run so that quitting never waits for them.

Textual's thread workers run on the event loop's default executor, whose threads the
interpreter joins at exit: a coach call still waiting on an LLM endpoint would hold the
process open until it times out. The call runs on a daemon thread instead; the worker waits
for it or for `leaving`, whichever comes first.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


class Abandoned(Exception):
    """The screen is going away: the call's result is no longer wanted."""


def call_detached(fn: Callable[[], T], leaving: threading.Event) -> T:
    """fn() on a daemon thread; its result or exception, or Abandoned once `leaving` is set."""
    box: dict[str, Any] = {}
    done = threading.Event()

    def run() -> None:
        try:
            box["value"] = fn()
        except BaseException as exc:  # handed to the caller
            box["error"] = exc
        finally:
            done.set()

    threading.Thread(target=run, daemon=True, name="engine-call").start()
    while not done.wait(0.1):
        if leaving.is_set():
            raise Abandoned
    if "error" in box:
        raise box["error"]
    return box["value"]  # type: ignore[no-any-return]
