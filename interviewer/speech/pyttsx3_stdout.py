"""pyttsx3's espeak driver prints "Audio saved to <file>" on stdout (which would corrupt a JSON
answer there), sometimes after `runAndWait` has returned: a filter in front of sys.stdout drops
those lines and takes them as the sign that a file is whole."""

from __future__ import annotations

import sys
import threading
from typing import Any, TextIO, cast

SAVE_NOTICE = "Audio saved to "
SAVE_WAIT_S = 3.0
"""How long a file may take to appear after `runAndWait` returns (seen to return early)."""


class SaveNoticeFilter:
    """sys.stdout, minus pyttsx3's "Audio saved to <file>" lines, which it also takes as the
    sign that the file is whole. Installed once and left in place: the espeak driver prints
    from espeak-ng's own thread, sometimes after `runAndWait` has returned."""

    def __init__(self, inner: TextIO | None) -> None:
        self._inner = inner
        self._drop_newline_of: int | None = None
        self._saved: set[str] = set()
        self._cond = threading.Condition()

    def write(self, s: str) -> int:
        if s.startswith(SAVE_NOTICE):
            self._drop_newline_of = threading.get_ident()
            with self._cond:
                self._saved.add(s[len(SAVE_NOTICE):].strip())
                self._cond.notify_all()
            return len(s)
        if s == "\n" and self._drop_newline_of == threading.get_ident():
            self._drop_newline_of = None
            return len(s)
        return self._inner.write(s) if self._inner is not None else len(s)

    def wait_saved(self, path: str, timeout: float) -> bool:
        """True once the engine has said it saved `path` (forgotten then), within `timeout`."""
        with self._cond:
            found = self._cond.wait_for(lambda: path in self._saved, timeout)
            self._saved.discard(path)
            return found

    def flush(self) -> None:
        if self._inner is not None:
            self._inner.flush()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


_filter_lock = threading.Lock()


def save_notice_filter() -> SaveNoticeFilter:
    """The filter in front of sys.stdout, put there the first time a file is synthesised."""
    with _filter_lock:
        current = sys.stdout
        if isinstance(current, SaveNoticeFilter):
            return current
        shield = SaveNoticeFilter(current)
        sys.stdout = cast(TextIO, shield)
        return shield
