"""alsa-lib writes underruns and probe errors straight to fd 2, under a full-screen UI; route
them to a no-op handler (Linux only, once per process, best effort)."""

from __future__ import annotations

import ctypes
import logging
import sys
from typing import Any

log = logging.getLogger(__name__)
_handler: Any = None


def quiet_alsa() -> None:
    global _handler
    if _handler is not None or not sys.platform.startswith("linux"):
        return
    _handler = False
    try:
        lib = ctypes.CDLL("libasound.so.2")
        proto = ctypes.CFUNCTYPE(None, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p,
                                 ctypes.c_int, ctypes.c_char_p)
        handler = proto(lambda *_: None)
        lib.snd_lib_error_set_handler(handler)
        _handler = handler  # kept alive: alsa-lib holds a pointer to it
    except (OSError, AttributeError):
        log.debug("alsa-lib not found; its messages stay as they are", exc_info=True)
