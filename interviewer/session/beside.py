"""Two steps of one call run side by side: a save to disk beside the coach's call, so that the
voice the coach's text starts does not wait for the disk."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import TypeVar

T = TypeVar("T")


def beside(side: Callable[[], None], main: Callable[[], T], *, name: str) -> T:
    """main() on this thread while side() runs on a thread of its own; returns once both are
    done: main's result, or the first error (main's, else side's)."""
    done: Future[None] = Future()

    def run() -> None:
        try:
            side()
            done.set_result(None)
        except BaseException as exc:  # handed to the caller
            done.set_exception(exc)

    threading.Thread(target=run, name=name, daemon=True).start()
    try:
        return main()
    finally:
        done.result()
