"""What the Pilot tests share."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from textual.pilot import Pilot


async def wait_until(pilot: Pilot[Any], condition: Callable[[], bool],
                     timeout: float = 10.0) -> None:
    """Engine calls run in thread workers: poll instead of guessing how long they take."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting on {condition}")
        await pilot.pause(0.02)
