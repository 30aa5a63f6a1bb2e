"""Bench-only timing hooks: what happens between the end-of-turn verdict and the follow-up's
first audio frame, stamped on one clock (`time.monotonic`, the speaker's clock).

`install()` wraps methods of the product's classes in this process only (nothing in
`interviewer/` changes or logs): the verdict, the final transcript (the microphone closed, the
tail decoded), the UI's hand-offs, the engine (answer saved, coach's follow-up, next prompt),
every Piper synthesis (waiting for the voice, synthesising, which utterance), every Whisper
decode, the follow-up got ready ahead (the coach's preview, its first piece synthesised), the
output stream opened, and the first frame; spans note their thread's CPU time. `timeline()`
gives the events of one turn relative to the verdict.
"""

from __future__ import annotations

import functools
import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Event:
    at: float
    thread: str
    what: str


EVENTS: list[Event] = []
_lock = threading.Lock()


def mark(what: str) -> None:
    with _lock:
        EVENTS.append(Event(time.monotonic(), threading.current_thread().name, what))


def clear() -> None:
    with _lock:
        EVENTS.clear()


@contextmanager
def span(what: str, clock: Callable[[], float] = time.thread_time) -> Iterator[None]:
    """`what >` ... `what < (cpu X s)`: the thread's own CPU time in between, which load on
    the other jobs of a shared machine stretches far less than the wall time (`clock=
    time.process_time`: the whole process's, for a library computing on threads of its own)."""
    mark(f"{what} >")
    cpu = clock()
    try:
        yield
    finally:
        mark(f"{what} < ({'process ' if clock is time.process_time else ''}cpu "
             f"{clock() - cpu:.3f} s)")


def _wrap(cls: Any, name: str, label: Callable[..., str] | str, *, around: bool = True,
          clock: Callable[[], float] = time.thread_time) -> None:
    original = getattr(cls, name)
    if getattr(original, "_traced", False):
        return

    @functools.wraps(original)
    def traced(*args: Any, **kwargs: Any) -> Any:
        what = label(*args, **kwargs) if callable(label) else label
        if not around:
            mark(what)
            return original(*args, **kwargs)
        with span(what, clock):
            return original(*args, **kwargs)

    traced._traced = True  # type: ignore[attr-defined]
    setattr(cls, name, traced)


class _TracedLock:
    """A voice's lock that notes how long a synthesis waited for it."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    def __enter__(self) -> None:
        t0 = time.monotonic()
        self.inner.acquire()
        waited = time.monotonic() - t0
        if waited > 0.02:
            mark(f"piper: waited {waited:.2f} s for the voice")

    def __exit__(self, *exc: object) -> None:
        self.inner.release()


def install() -> None:
    from interviewer.coach.offline import OfflineCoach
    from interviewer.session.engine import InterviewEngine
    from interviewer.session.store import SessionStore
    from interviewer.speech import piper_tts
    from interviewer.speech.answer_recording import VoiceAnswer
    from interviewer.speech.sounddevice_microphone import SoundDeviceMicrophone
    from interviewer.speech.sounddevice_output import SoundDeviceOutput
    from interviewer.speech.speaker import Speaker
    from interviewer.speech.streaming import StreamingTranscriber
    from interviewer.speech.turn import TurnDetector
    from interviewer.speech.whisper_stt import WhisperTranscriber
    from interviewer.ui.interview import InterviewScreen
    from interviewer.ui.voice import VoiceInterviewScreen

    def judged(self: Any, audio: Any, text: str, quiet_s: float = 0.0, heard: Any = (),
               **kw: Any) -> Any:
        verdict = original_judge(self, audio, text, quiet_s, heard, **kw)
        p = "-" if verdict.probability is None else f"{verdict.probability:.2f}"
        mark(f"judge at {quiet_s:.2f} s quiet (model {verdict.model_seconds:.3f} s): p {p}, "
             f"complete {verdict.complete}, "
             f"wait {verdict.wait_s}, again {verdict.ask_again_s}, {verdict.reason!r}; "
             f"words ...{text[-40:]!r} {[(w, round(q, 2)) for w, q in list(heard)[-2:]]}")
        return verdict

    original_judge = TurnDetector.judge
    if not getattr(original_judge, "_traced", False):
        judged._traced = True  # type: ignore[attr-defined]
        TurnDetector.judge = judged  # type: ignore[method-assign]
    _wrap(StreamingTranscriber, "feed", lambda self, block: f"block in: {self._total / 16000:.1f}"
          f" s heard, {self._queue.qsize()} queued", around=False)
    _wrap(StreamingTranscriber, "_pass",
          lambda self: f"pass over {len(self._open) / 16000:.2f} s open "
                       f"(heard {self._total / 16000:.2f} s)")
    _wrap(StreamingTranscriber, "_commit",
          lambda self, cut, speech_end, reuse_upto=None:
          f"commit to {cut / 16000:.2f} s (speech end {speech_end / 16000:.2f})")
    _wrap(StreamingTranscriber, "_silence_end",
          lambda self: f"VERDICT (answer ends itself) on audio up to {self._total / 16000:.2f} s, "
                       f"{self._queue.qsize()} blocks queued", around=False)
    _wrap(VoiceInterviewScreen, "on_voice_interview_screen_silence_ended",
          "ui: silence-ended message", around=False)
    _wrap(VoiceAnswer, "stop", "answer.stop (final transcript)")
    _wrap(SoundDeviceMicrophone, "stop", "mic.stop")
    if hasattr(VoiceAnswer, "_final"):  # the hand-off since voice26 (hasattr: --code of before)
        _wrap(VoiceAnswer, "stop_soon", "answer.stop_soon (at the verdict)", around=False)
        _wrap(VoiceAnswer, "_final", "answer: final transcript")
        _wrap(VoiceAnswer, "_close_mic", "mic: close")
        _wrap(InterviewEngine, "_keep", "engine: answer saved (beside the coach)")
    _wrap(StreamingTranscriber, "_finish", "stream: final tail")
    _wrap(WhisperTranscriber, "transcribe",
          lambda self, audio, **_: f"whisper: decode {len(audio) / 16000:.1f} s",
          clock=time.process_time)  # CTranslate2 computes on threads of its own
    keep = os.environ.get("TURN_TRACE_KEEP_SLOW")  # a folder: slow decodes' audio and hint
    if keep:
        timed = WhisperTranscriber.transcribe

        def kept(self: Any, audio: Any, **kw: Any) -> Any:
            t0 = time.monotonic()
            out = timed(self, audio, **kw)
            if time.monotonic() - t0 > 1.5:
                import json

                import numpy as np

                stem = Path(keep) / f"slow-{time.time():.0f}"
                np.save(f"{stem}.npy", np.asarray(audio, dtype=np.float32))
                Path(f"{stem}.json").write_text(json.dumps(
                    {k: v for k, v in kw.items() if isinstance(v, (str, int, bool, type(None)))}
                    | {"seconds": time.monotonic() - t0, "text": out.text}))
            return out

        WhisperTranscriber.transcribe = kept  # type: ignore[method-assign]
    _wrap(VoiceInterviewScreen, "on_voice_interview_screen_transcribed",
          "ui: transcribed message", around=False)
    _wrap(InterviewEngine, "submit", "engine.submit")
    _wrap(InterviewEngine, "_record_answer", "engine: answer recorded (+saved before voice26)")
    _wrap(InterviewEngine, "_next_prompt", "engine: coach picks the next prompt")
    _wrap(InterviewEngine, "_ask", "engine: ask (prompt saved)")
    _wrap(SessionStore, "save_prompt_audio", lambda self, folder, n, wav: f"store: prompts/{n}.wav")
    _wrap(InterviewScreen, "on_interview_screen_advanced", "ui: advanced message", around=False)
    _wrap(Speaker, "_begin", lambda self, text, source, **_: f"speaker: begin {text[:28]!r}",
          around=False)
    _wrap(SoundDeviceOutput, "open", "output: open stream")
    _wrap(OfflineCoach, "preview_follow_up", "ahead: the coach's preview")
    _wrap(Speaker, "prepare", lambda self, text: f"ahead: prepare {text[:28]!r}")
    _wrap(Speaker, "synthesize",
          lambda self, piece: f"speaker: piece {piece[:20]!r}" + (
              " (ready ahead)" if " ".join(piece.split()) in self._ready else ""),
          around=False)
    _wrap(Speaker, "_first_audio", lambda self, utt: f"FIRST AUDIO utt {utt.number}",
          around=False)

    original_synth = piper_tts.PiperSynthesizer.synthesize
    if not getattr(original_synth, "_traced", False):
        def synthesize(self: Any, text: str) -> Any:
            loaded = self.load()
            if not isinstance(loaded.lock, _TracedLock):
                loaded.lock = _TracedLock(loaded.lock)
            with span(f"piper: {text[:28]!r}"):
                return original_synth(self, text)

        synthesize._traced = True  # type: ignore[attr-defined]
        piper_tts.PiperSynthesizer.synthesize = synthesize  # type: ignore[method-assign]


def timeline(since: float, until: float, start: float | None = None) -> list[str]:
    """The events from `start` (default: `since` - 0.05 s) to `until` + 0.05 s, each as
    '+0.123 thread what', timed from `since`."""
    first = since - 0.05 if start is None else start
    with _lock:
        events = [e for e in EVENTS if first <= e.at <= until + 0.05]
    return [f"{e.at - since:+7.3f}  {e.thread[:22]:<22} {e.what}" for e in events]


def verdict_time(after: float) -> float | None:
    with _lock:
        return next((e.at for e in EVENTS if e.at >= after and e.what.startswith("VERDICT")),
                    None)


def span_seconds(thread: str, what: str, since: float, until: float) -> float:
    """Seconds spent in spans `what...` on threads named `thread...` between the two times."""
    total, opened = 0.0, None
    with _lock:
        events = [e for e in EVENTS if e.thread.startswith(thread) and e.what.startswith(what)]
    for e in events:
        if e.what.endswith(">"):
            opened = e.at
        elif opened is not None:
            lo, hi = max(opened, since), min(e.at, until)
            total += max(0.0, hi - lo)
            opened = None
    return total
