"""pyttsx3 in ONE dedicated, long-lived thread (`EngineThread`), whichever thread asks: its engines
are not thread-safe, and espeak-ng can be initialised only once per process."""

from __future__ import annotations

import atexit
import itertools
import queue
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path
from typing import Any, TypeVar, cast

from interviewer.speech.errors import SpeechEngineUnavailable, SpeechError, first_line

T = TypeVar("T")
ENGINE_TIMEOUT_S = 60.0
"""How long a caller waits for the engine thread before giving up on it."""
EngineFactory = Callable[[], Any]
_Job = tuple[Callable[[Any], Any], "Future[Any]"]


def _install_hint() -> str:
    if sys.platform.startswith("linux"):
        return "to hear the questions, install espeak-ng (Debian/Ubuntu: sudo apt-get install " \
               "espeak-ng)"
    return "to hear the questions, check the system's text-to-speech engine"


def default_engine() -> Any:
    """A pyttsx3 engine for this platform (espeak-ng on Linux), or SpeechEngineUnavailable."""
    try:
        import pyttsx3
    except ImportError as exc:
        raise SpeechEngineUnavailable(
            f"no speech engine: pyttsx3 is not installed ({first_line(exc)})") from None
    try:
        return pyttsx3.init()
    except Exception as exc:
        raise SpeechEngineUnavailable(
            f"no speech engine: pyttsx3 could not start ({first_line(exc)}); "
            f"{_install_hint()}") from None



class EngineThread:
    """Owns one pyttsx3 engine in one long-lived daemon thread; every call runs there, in order.

    The engine is created by `factory` on the thread's first job; if that fails, every call
    raises the same `SpeechEngineUnavailable`.
    """

    def __init__(self, factory: EngineFactory | None = None, *, name: str = "interviewer-tts"):
        self._factory = factory or default_engine
        self._name = name
        self._jobs: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._closed = False
        # Touched only on the engine thread:
        self.workdir = Path()
        self.default_voice = ""
        self.applied: dict[str, Any] = {}
        self.idle_since = 0.0
        self.counter = itertools.count(1)

    def call(self, fn: Callable[[Any], T], timeout: float | None = ENGINE_TIMEOUT_S) -> T:
        """Run fn(engine) on the engine thread and return its result (or raise its exception)."""
        with self._lock:
            if self._closed:
                raise SpeechError("the speech engine has been shut down")
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name=self._name, daemon=True)
                self._thread.start()
        fut: Future[Any] = Future()
        self._jobs.put((fn, fut))
        try:
            return cast(T, fut.result(timeout))
        except FutureTimeout:
            fut.cancel()
            raise SpeechError(
                f"the speech engine did not answer within {timeout:g} s") from None

    def close(self, timeout: float = 5.0) -> None:
        with self._lock:
            self._closed = True
            thread = self._thread
        if thread is not None:
            self._jobs.put(None)
            thread.join(timeout)

    def _run(self) -> None:
        engine: Any = None
        failure: SpeechError | None = None
        try:
            engine = self._factory()
            self.default_voice = str(engine.getProperty("voice") or "")
            self.idle_since = time.monotonic()  # espeak-ng settles after start-up too
        except SpeechError as exc:
            failure = exc
        except Exception as exc:
            failure = SpeechEngineUnavailable(f"no speech engine: {first_line(exc)}; "
                                              f"{_install_hint()}")
        self.workdir = Path(tempfile.mkdtemp(prefix="interviewer-tts-"))
        atexit.register(shutil.rmtree, self.workdir, True)  # a daemon thread never gets there
        try:
            while True:
                job = self._jobs.get()
                if job is None:
                    return
                fn, fut = job
                if not fut.set_running_or_notify_cancel():
                    continue
                if failure is not None:
                    fut.set_exception(failure)
                    continue
                try:
                    fut.set_result(fn(engine))
                except Exception as exc:
                    fut.set_exception(exc)
        finally:
            shutil.rmtree(self.workdir, ignore_errors=True)


_shared: EngineThread | None = None
_shared_lock = threading.Lock()


def shared_engine_thread() -> EngineThread:
    """The process's pyttsx3 thread (espeak-ng cannot be initialised twice in one process)."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = EngineThread()
        return _shared
