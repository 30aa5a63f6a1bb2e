"""The recording pipeline of one spoken answer: microphone -> WAV file on disk + level meter +
transcription while speaking -> the final transcript a moment after the answer ends.

    answer = VoiceAnswer(mic, transcriber, wav_path=engine.answer_audio_path(),
                         on_caption=..., on_level=..., on_silence_end=...)
    answer.start()
    ...                                   # space pressed, or on_silence_end() came
    spoken = answer.stop()                # blocking (< 1 s): call it from a worker thread
    engine.submit(spoken.text, **spoken.submit_kwargs())

Callbacks come from other threads (the microphone's, the transcriber's): post them to the UI.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from interviewer.speech.audio import Audio
from interviewer.speech.errors import AudioUnavailable
from interviewer.speech.level_meter import Level, LevelMeter
from interviewer.speech.microphone import Microphone
from interviewer.speech.streaming import StreamingTranscriber
from interviewer.speech.streaming_report import Caption
from interviewer.speech.streaming_settings import StreamingSettings
from interviewer.speech.stt import Transcriber, Transcript, Wrapped
from interviewer.speech.wavfile import BackgroundWavWriter

if TYPE_CHECKING:
    from interviewer.speech.turn import TurnDetector


@dataclass(frozen=True)
class SpokenAnswer:
    transcript: Transcript
    audio_path: Path | None
    seconds: float
    """Length of the recording."""
    ended_by: str
    """'key' (stop() called first), or the answer ended itself: 'turn' (the end-of-turn
    detector heard it finished) or 'silence' (the longest wait, `silence_end_s`, passed)."""
    latency_s: float
    """From stop() to the final transcript: the turn latency the candidate waits."""
    silent_input: bool
    """The input stayed below the silence floor the whole time: a muted or wrong microphone."""
    with_words: Callable[[], Transcript] | None = None
    """Some segments have no word timestamps yet (they were skipped to end the turn sooner):
    this gives the transcript with them (blocking, seconds: after the follow-up has started)."""

    @property
    def text(self) -> str:
        return self.transcript.text

    def submit_kwargs(self) -> dict[str, Any]:
        """Keyword arguments for `InterviewEngine.submit`."""
        return {"audio_path": self.audio_path, "audio_seconds": self.seconds,
                "segments": [s.to_dict() for s in self.transcript.segments]}


class VoiceAnswer:
    def __init__(
        self,
        mic: Microphone,
        transcriber: Transcriber,
        *,
        wav_path: Path | None = None,
        settings: StreamingSettings | None = None,
        on_caption: Callable[[Caption], None] | None = None,
        on_level: Callable[[Level], None] | None = None,
        on_silence_end: Callable[[], None] | None = None,
        turn: TurnDetector | None = None,
        on_words: Callable[[str], None] | None = None,
    ) -> None:
        self.mic = mic
        self.wav_path = wav_path
        self.on_level = on_level
        self.on_silence_end = on_silence_end
        self.meter = LevelMeter()
        self.stream = StreamingTranscriber(transcriber, settings, on_caption=on_caption,
                                           on_silence_end=self._silence_end, turn=turn,
                                           on_words=on_words)
        self._wav: BackgroundWavWriter | None = None
        self._loud = False
        self._ended_by = ""
        self._started = False
        self._stopped = threading.Event()
        self._lock = threading.Lock()
        self._feeding = threading.Lock()
        self._result: Future[SpokenAnswer] | None = None
        self.mic_closed = threading.Event()
        """Set once the microphone is closed (after `stop()` returns, for an answer that ended
        itself: its close does not hold up the transcript)."""

    def start(self) -> None:
        """Open the file, start transcribing, open the microphone (AudioUnavailable if none)."""
        if self._started:
            raise RuntimeError("already started")
        self._started = True
        if self.wav_path is not None:
            self._wav = BackgroundWavWriter(self.wav_path)
        self.stream.start()
        try:
            self.mic.start(self._block)
        except AudioUnavailable:
            self._discard()
            raise

    def _block(self, block: Audio) -> None:
        with self._feeding:  # none written or fed once `_stopped` is set (see stop)
            if self._stopped.is_set():
                return
            if self._wav is not None:
                self._wav.write(block)
            self.stream.feed(block)
        level = self.meter.update(block)
        if level.dbfs >= self.meter.detector.floor_dbfs:
            self._loud = True
        if level.silent and self._loud:
            # A pause after speech is the candidate thinking or done, not a muted microphone:
            # `silent` here means silent since the answer began.
            level = replace(level, silent=False)
        if self.on_level is not None:
            with contextlib.suppress(Exception):
                self.on_level(level)

    def _silence_end(self) -> None:
        with self._lock:
            if not self._ended_by:
                self._ended_by = self.stream.end_reason or "silence"
        if self.on_silence_end is not None:
            self.on_silence_end()

    @property
    def caption(self) -> Caption:
        return self.stream.caption

    @property
    def seconds(self) -> float:
        return self.stream.seconds

    def stop(self) -> SpokenAnswer:
        """End the answer; returns once the transcript is final and the file is closed. Safe
        to call again and from several threads: the answer is stopped once (see
        `stop_soon`), every call gets the same result or error."""
        result, mine = self._claim()
        if mine:
            self._stop(result)
        return result.result()

    def stop_soon(self) -> None:
        """`stop()` begun now on a thread of its own, without waiting (the answer ended
        itself: the final transcript starts at the verdict, not when the UI gets to it); a
        later `stop()` returns its result."""
        result, mine = self._claim()
        if mine:
            threading.Thread(target=self._stop, args=(result,), name="final-transcript",
                             daemon=True).start()

    def _claim(self) -> tuple[Future[SpokenAnswer], bool]:
        with self._lock:
            if self._result is not None:
                return self._result, False
            self._result = Future()
            if not self._ended_by:
                self._ended_by = "key"
            return self._result, True

    def _stop(self, result: Future[SpokenAnswer]) -> None:
        try:
            result.set_result(self._final())
        except BaseException as exc:  # handed to every stop() caller
            result.set_exception(exc)

    def _final(self) -> SpokenAnswer:
        if self._ended_by == "key":  # the last word may be in the blocks still coming
            self._close_mic(self.mic.stop)
            with self._feeding:
                self._stopped.set()
        else:
            # The judges heard the answer end on the blocks already fed: what comes now is
            # the quiet after it. The device closes beside the final pass, not before it.
            with self._feeding:
                self._stopped.set()
            close = self.mic.detach()
            threading.Thread(target=self._close_mic, args=(close,), name="mic-close",
                             daemon=True).start()
        t0 = time.perf_counter()
        transcript = self.stream.stop()
        latency = time.perf_counter() - t0
        path = self._wav.close() if self._wav is not None else None
        return SpokenAnswer(transcript, path, round(self.stream.seconds, 3), self._ended_by,
                            round(latency, 3), silent_input=not self._loud,
                            with_words=self.stream.with_words if self.stream.words_pending
                            else None)

    def _close_mic(self, close: Callable[[], None]) -> None:
        try:
            close()
        finally:
            self.mic_closed.set()

    def cancel(self) -> None:
        """Abandon the answer (the file keeps what was recorded)."""
        self._close_mic(self.mic.stop)
        self._discard()

    def _discard(self) -> None:
        self._stopped.set()
        with contextlib.suppress(Exception):
            self.stream.stop(timeout=5)
        if self._wav is not None:
            with contextlib.suppress(OSError):
                self._wav.close()


class _Hinted(Wrapped):
    """A transcriber told, for one answer, what it is about (the shared model and its settings
    are left as they are)."""

    def __init__(self, inner: Transcriber, hint: str) -> None:
        self.inner = inner
        self.hint = hint

    def transcribe(self, audio: Audio, *, beam_size: int | None = None,
                   word_timestamps: bool | None = None, hint: str | None = None) -> Transcript:
        return self.inner.transcribe(audio, beam_size=beam_size, word_timestamps=word_timestamps,
                                     hint=self.hint if hint is None else hint)


def primed(transcriber: Transcriber, question: str) -> Transcriber:
    """The transcriber for an answer to `question`: given the question and the product/ML
    glossary (a backend that takes no prompt ignores them)."""
    from interviewer.speech.glossary import transcription_hint

    return _Hinted(transcriber, transcription_hint(question))
