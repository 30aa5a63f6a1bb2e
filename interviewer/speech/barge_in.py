"""Barge-in: the candidate starts answering while the question is still being read.

With headphones (`barge-in = true`) the microphone listens while the interviewer speaks: a
`BargeIn` wraps the real microphone, runs the voice-activity detector (Silero) on what it hears,
and calls `on_speech()` once speech has lasted `min_speech_s`. The UI then stops the voice and
starts the answer with the `BargeIn` itself as the answer's microphone: `start(on_block)` hands
over the audio from `pre_roll_s` before the speech began (so the first words, heard before the
detector was sure, are in the answer), then every live block, with no gap: the microphone
stream stays open throughout.

Without headphones the voice would come back through the microphone and be taken for an
answer, which is why it is off by default (the microphone is then closed while a prompt plays).

Threads: the microphone's callback only queues (and, after the hand-over, passes blocks on);
one listener thread runs the detector, a few milliseconds per 100 ms block.
"""

from __future__ import annotations

import contextlib
import queue
import threading
import time
from collections import deque
from collections.abc import Callable

import numpy as np

from interviewer.speech.audio import SAMPLE_RATE, Audio
from interviewer.speech.microphone import BlockCallback, Microphone
from interviewer.speech.vad import SpeechDetector, windows

PRE_ROLL_S = 0.5
"""Audio handed to the answer from before the speech was detected to start."""
MIN_SPEECH_S = 0.25
"""Speech this long (not a click or a breath) stops the voice."""
KEEP_S = 3.0
"""Audio kept while listening: enough for the detector's delay plus the pre-roll."""

_STOP = object()


class BargeIn(Microphone):
    """Listens on `mic` until speech starts (then `on_speech()`, once, on the listener thread),
    and becomes the microphone of the answer that follows (`start()`, `stop()`)."""

    name = "barge-in"

    def __init__(self, mic: Microphone, on_speech: Callable[[], None], *,
                 threshold: float = 0.5, min_speech_s: float = MIN_SPEECH_S,
                 pre_roll_s: float = PRE_ROLL_S,
                 detector: SpeechDetector | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.mic = mic
        self.on_speech = on_speech
        self.pre_roll = int(pre_roll_s * SAMPLE_RATE)
        self.min_speech = windows(min_speech_s)
        self.detector = detector or SpeechDetector(threshold, min_speech_s)
        self.clock = clock
        self.heard_at: float | None = None
        """When speech was detected (on `clock`): the moment the voice is told to stop."""
        self.onset_sample: int | None = None
        """Where the speech began, in samples since listening started."""
        self._lock = threading.Lock()
        self._kept: deque[tuple[int, Audio]] = deque()  # (first sample, block)
        self._samples = 0
        self._target: BlockCallback | None = None
        self._queue: queue.SimpleQueue[object] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._listening = False
        self._closed = False

    # -- listening while the prompt plays ---------------------------------------------------
    def listen(self) -> None:
        """Open the microphone and start listening (AudioUnavailable if it cannot open)."""
        with self._lock:
            if self._listening or self._closed:
                return
            self._listening = True
        self._thread = threading.Thread(target=self._detect, daemon=True,
                                        name="interviewer-barge-in")
        self._thread.start()
        try:
            self.mic.start(self._block)
        except Exception:
            self._queue.put(_STOP)
            with self._lock:
                self._listening = False
            raise

    @property
    def heard(self) -> bool:
        return self.heard_at is not None

    def _block(self, block: Audio) -> None:
        with self._lock:
            target = self._target
            if target is None:
                self._kept.append((self._samples, block))
                self._samples += len(block)
                while self._kept and self._samples - self._kept[0][0] > KEEP_S * SAMPLE_RATE:
                    self._kept.popleft()
                if self.heard_at is None:
                    self._queue.put(block)
                return
        target(block)  # the answer's own callback: outside the lock, as the microphone would

    def _detect(self) -> None:
        while True:
            item = self._queue.get()
            if item is _STOP:
                return
            block = item if isinstance(item, np.ndarray) else None
            if block is None or self.heard_at is not None:
                continue
            self.detector.feed(block)
            onset = self._speech_onset()
            if onset is None:
                continue
            self.heard_at = self.clock()
            self.onset_sample = onset
            with contextlib.suppress(Exception):
                self.on_speech()

    def _speech_onset(self) -> int | None:
        """Where speech of at least `min_speech` windows began, if some has been heard."""
        for span in self.detector.spans(max(0, self.detector.count - 64)):
            if span.end - span.start >= self.min_speech:
                return span.start_sample
        return None

    # -- the answer's microphone ------------------------------------------------------------
    def start(self, on_block: BlockCallback) -> None:
        """Hand the answer what was heard from `pre_roll_s` before the speech (nothing if
        none was heard: space was pressed), then every block live."""
        if not self._listening:
            self.listen()
        with self._lock:
            onset = self.onset_sample
            kept = list(self._kept) if onset is not None else []
            self._kept.clear()
            begin = (onset or 0) - self.pre_roll
            for first, block in kept:
                if first + len(block) <= begin:
                    continue
                on_block(block[max(0, begin - first):])
            self._target = on_block
        self._queue.put(_STOP)

    def stop(self) -> None:
        """Close the microphone (the answer ended, or the listening is abandoned); waits, at
        most a second, for the detector to finish what it was given."""
        with self._lock:
            self._closed = True
            listening, self._listening = self._listening, False
        self._queue.put(_STOP)
        if listening:
            self.mic.stop()
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(1.0)

    def check(self) -> None:
        self.mic.check()
