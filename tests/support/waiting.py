"""The one way a test waits: poll a condition until a deadline, then fail naming what it waited
for.

Workers, threads and child processes finish when they finish (later on a loaded machine), so a
test waits for the state it needs, never for a guessed number of seconds, and never without a
deadline. Inside a Pilot test the app's event loop must run between checks: `pilot_until`.
"""

from __future__ import annotations

import inspect
import time
from collections.abc import Callable
from typing import Any

from textual.pilot import Pilot

TIMEOUT_S = 10.0
POLL_S = 0.02


class WaitTimeout(AssertionError):
    """A condition that never came: the test fails (it is not an error of the test itself)."""


def describe(condition: Callable[[], object]) -> str:
    """The condition's own source (a lambda) when the caller did not say what it waits for."""
    try:
        source = inspect.getsource(condition).strip()
    except (OSError, TypeError):
        return repr(condition)
    start = source.find("lambda")
    return " ".join((source[start:] if start >= 0 else source).split())


class Deadline:
    """`timeout` seconds from now; `check()` fails once they are spent. For loops that do
    more than wait (they look at each state on the way)."""

    def __init__(self, timeout: float, what: str) -> None:
        self.timeout, self.what = timeout, what
        self.end = time.monotonic() + timeout

    def check(self) -> None:
        if time.monotonic() > self.end:
            raise WaitTimeout(f"timed out after {self.timeout:g} s waiting for {self.what}")


def wait_until(condition: Callable[[], object], what: str | None = None,
               timeout: float = TIMEOUT_S, *, step: Callable[[], None] | None = None) -> None:
    """Block until `condition()` is true. `step` runs between checks (e.g. draining a pty);
    without it the thread sleeps a poll interval."""
    deadline = Deadline(timeout, what or describe(condition))
    while not condition():
        deadline.check()
        if step is None:
            time.sleep(POLL_S)
        else:
            step()


async def pilot_until(pilot: Pilot[Any], condition: Callable[[], object],
                      what: str | None = None, timeout: float = TIMEOUT_S) -> None:
    """`wait_until` inside a Pilot test: the app runs (workers report back) between checks."""
    deadline = Deadline(timeout, what or describe(condition))
    while not condition():
        deadline.check()
        await pilot.pause(POLL_S)
