"""The speech parts of a voice interview, passed into the app (harlequin's adapter pattern):
the transcriber (loaded once, in a worker, while the home screen is in use), the microphone
and the speaker. Tests pass real parts or fakes at these boundaries; nothing here is Textual.

Thread-safe: the app's workers and its event loop share one kit. `state` is written under a
lock, `load()` runs once at a time, and the slow shutdown of a recording or a speaker runs in
background threads (`in_background`) that `join_background` waits for, bounded, at exit.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from interviewer.config import Settings
    from interviewer.speech.factory import ChosenVoice
    from interviewer.speech.microphone import Microphone
    from interviewer.speech.speaker import Speaker
    from interviewer.speech.stt import Transcriber
    from interviewer.speech.turn import TurnDetector


@dataclass
class VoiceKit:
    transcriber: Transcriber
    make_mic: Callable[[], Microphone]
    """A checked microphone; raises AudioUnavailable (no PortAudio, no input device). A
    PortAudio query: call it in a worker."""
    make_speaker: Callable[[], Speaker] | None = None
    """A checked speaker (raises SpeechError); None: questions are never read aloud. Starts
    the speech engine: call it in a worker."""
    voice: ChosenVoice | None = None
    """The interviewer's voice, loaded by `load()` after the model (Piper takes a second or
    two); its `notice` says why it is not the one asked for."""
    state: str = field(default="idle")
    """'idle', 'loading', 'ready' or 'failed' (the speech model); written under the lock."""
    error: str = ""
    """Why the model failed to load, one line."""
    turn: TurnDetector | None = None
    """The end-of-turn detector, loaded with the speech model; None: fixed silence."""
    turn_notice: str = ""
    """Why there is no end-of-turn detector (shown once), '' when there is one."""
    use_turn_model: bool = True
    """False: answers end on the fixed silence only (no end-of-turn model is loaded)."""
    stage: str = ""
    """What is loading now, for the progress line ('the speech model', ...)."""
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)
    _load_lock: threading.Lock = field(default_factory=threading.Lock, repr=False,
                                       compare=False)
    _threads: list[threading.Thread] = field(default_factory=list, repr=False, compare=False)

    @classmethod
    def from_settings(cls, settings: Settings) -> VoiceKit:
        from interviewer.speech.factory import (
            ChosenVoice,
            make_microphone,
            make_transcriber,
            open_speaker,
        )

        voice = ChosenVoice(settings)

        def speaker() -> Speaker:
            # warmed by load() in its worker; until then the first sentence waits for it
            return open_speaker(settings, synthesizer=voice.synthesizer, warm_up=False)

        if not settings.speak:
            return cls(make_transcriber(settings), lambda: make_microphone(settings),
                       use_turn_model=settings.turn_model)
        return cls(make_transcriber(settings), lambda: make_microphone(settings), speaker,
                   voice=voice, use_turn_model=settings.turn_model)

    @property
    def ready(self) -> bool:
        return self.state == "ready"

    def _set(self, state: str, stage: str = "", error: str | None = None) -> None:
        with self._lock:
            self.state, self.stage = state, stage
            if error is not None:
                self.error = error

    def begin_loading(self) -> bool:
        """Mark the kit as loading if nothing has started it yet; True when this call did
        (the caller then starts the worker that calls `load()`)."""
        with self._lock:
            if self.state != "idle":
                return False
            self.state, self.stage = "loading", "the speech model"
            return True

    def take_turn_notice(self) -> str:
        """The end-of-turn notice, once (later calls return '')."""
        with self._lock:
            notice, self.turn_notice = self.turn_notice, ""
            return notice

    def unavailable(self) -> str:
        """Why a voice interview cannot be had here ('' if a microphone and the speech model
        are both there); nothing is loaded or opened, but the devices are listed."""
        from interviewer.speech.errors import AudioUnavailable
        from interviewer.speech.stt import ModelLoadError

        if self.state == "failed":
            return f"the speech model failed to load ({self.error})"
        try:
            self.make_mic()
        except AudioUnavailable as exc:
            return str(exc)
        try:
            self.transcriber.check()
        except ModelLoadError as exc:
            return str(exc)
        return ""

    def load(self) -> None:
        """Load the speech model, then the voice (seconds; blocking: call it from a thread
        worker). One load at a time; a kit already ready returns at once. A voice that cannot
        load is left to the speaker's check to report."""
        from interviewer.speech.factory import load_transcriber
        from interviewer.speech.stt import ModelLoadError

        with self._load_lock:
            if self.ready:
                return
            self._set("loading", "the speech model")
            if self.voice is not None:
                with suppress(ValueError):
                    self.voice.synthesizer  # noqa: B018 - chosen here, off the UI thread
            try:
                load_transcriber(self.transcriber)
            except ModelLoadError as exc:
                self._set("failed", error=str(exc).strip() or "the model could not load")
                raise
            except Exception as exc:  # a broken install: same notice, text mode
                self._set("failed", error=f"{type(exc).__name__}: {exc}")
                raise ModelLoadError(self.error) from exc
            if self.use_turn_model and self.turn is None:
                from interviewer.speech.turn import load_detector

                self._set("loading", "the end-of-turn model")
                turn, notice = load_detector()
                with self._lock:
                    self.turn, self.turn_notice = turn, notice
            self._set("ready")
        if self.voice is not None:
            from interviewer.speech.errors import SpeechError

            with suppress(SpeechError):
                self.voice.synthesizer.warm_up()

    # -- shutting down without holding up the UI --------------------------------------------
    def in_background(self, fn: Callable[[], None], name: str) -> None:
        """Run `fn` (a recording's cancel, a speaker's close: up to seconds) in its own thread,
        joined by `join_background` at exit."""
        def run() -> None:
            with suppress(Exception):  # shutting down: nothing left to tell
                fn()

        thread = threading.Thread(target=run, name=f"interviewer-{name}", daemon=True)
        with self._lock:
            self._threads = [t for t in self._threads if t.is_alive()]
            self._threads.append(thread)
        thread.start()

    def join_background(self, timeout: float) -> bool:
        """Wait, at most `timeout` seconds in all, for the background shutdowns; True when
        every one has finished."""
        deadline = time.monotonic() + timeout
        with self._lock:
            threads = list(self._threads)
        for thread in threads:
            thread.join(max(0.0, deadline - time.monotonic()))
        return not any(t.is_alive() for t in threads)
