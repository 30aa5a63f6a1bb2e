"""Transcription while the candidate speaks, so that when the answer ends only the tail is left.

Audio blocks arrive through `feed()` (from the microphone's callback thread; it only queues).
One worker thread owns everything else, doing at most one model call at a time:

- voice-activity detection (Silero, `vad.SpeechDetector`) on every block, a few ms each;
- a *pass* over the open audio (not committed yet) as soon as the speaker pauses (`end_pass_s`
  of quiet), or every `caption_interval_s` of unbroken speech: the live caption, maybe final;
- a *commit* at each longer pause (`pause_s`): the audio up to the middle of the pause is
  final; its segments (the covering pass's, or a fresh decode's) never change again;
- the end of the answer (`on_silence_end`), as `answer_end.AnswerEnd` decides it: the
  end-of-turn detector's verdict after a pause, or `silence_end_s` of silence (the longest
  wait); in a pause the words alone hold, the last chunk is read again for it (`reread.py`).

`stop()` then only has the open tail left, usually covered by the pass begun at the pause. Silence
and noise never reach the model, and what it returns for them is filtered.
"""

from __future__ import annotations

import contextlib
import queue
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from interviewer.speech.answer_end import AnswerEnd, TurnEnd
from interviewer.speech.audio import SAMPLE_RATE, Audio, as_float32
from interviewer.speech.chunk_cuts import (
    Decoded,
    caption_due,
    forced_cut,
    heard_part,
    pause_cut,
    reusable,
    words_before,
)
from interviewer.speech.late_words import LateWords
from interviewer.speech.reread import Reread
from interviewer.speech.streaming_report import Caption, StreamStats
from interviewer.speech.streaming_settings import StreamingSettings
from interviewer.speech.stt import Segment, Transcriber, Transcript, join_text
from interviewer.speech.vad import WINDOW, Span, SpeechDetector

if TYPE_CHECKING:
    from interviewer.speech.turn import TurnDetector, Verdict

RECENT = 8 * SAMPLE_RATE
"""Audio kept for the end-of-turn model (it hears the last 8 s)."""

_STOP = object()


class StreamingTranscriber:
    """Feed 16 kHz mono blocks while the candidate speaks; stop() returns the final Transcript.

    Callbacks run on the worker thread: `on_caption(Caption)` after every change of the live
    caption, `on_silence_end()` once, when the answer ended itself, `on_words` (`AnswerEnd`'s).
    A UI posts them to its own thread. Call `stop()` from a worker thread too (it blocks)."""

    def __init__(self, transcriber: Transcriber, settings: StreamingSettings | None = None, *,
                 on_caption: Callable[[Caption], None] | None = None,
                 on_silence_end: Callable[[], None] | None = None,
                 clock: Callable[[], float] = time.perf_counter,
                 turn: TurnDetector | None = None, once: bool = True,
                 vad: SpeechDetector | None = None, on_words: Callable[[str], None] | None = None,
                 ) -> None:
        self.transcriber = transcriber
        self.settings = settings or StreamingSettings()
        self.on_caption = on_caption
        self.on_silence_end = on_silence_end
        self.turn = turn
        """The end-of-turn detector; None: only the fixed silence ends the answer."""
        self._end = AnswerEnd(self.settings.silence_end_s, turn, once=once,
                              on_end=self._silence_end, on_words=on_words)
        self.clock = clock
        self._queue: queue.SimpleQueue[object] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._done = threading.Event()
        self._error: BaseException | None = None
        self._result: Transcript | None = None
        self._open: Audio = np.zeros(0, np.float32)
        self._open_start = 0  # absolute sample index of self._open[0]
        self._total = 0
        self._detector = vad or SpeechDetector(self.settings.vad_threshold)
        self._reread = Reread(self._detector, self._decode)  # for the words judge, in a pause
        self._committed: list[Segment] = []
        self._late = LateWords()
        self._pass_result: Decoded | None = None
        self._last_pass_at = -1e9
        self._heard_speech = False
        self._last_speech_end = 0  # absolute sample index
        self._recent: Audio = np.zeros(0, np.float32)
        self._heard_upto = 0  # absolute sample up to which the words are known
        self._cuts: list[float] = []  # where each chunk was made final, seconds
        self._passes = 0
        self._decode_seconds = 0.0
        self._tail_seconds = 0.0
        self._tail_reused = False
        self._caption = Caption("", "", 0.0)
        self._lock = threading.Lock()

    # -- the caller's side --------------------------------------------------------------------
    def start(self) -> StreamingTranscriber:
        if self._thread is not None:
            raise RuntimeError("already started")
        self._thread = threading.Thread(target=self._run, name="streaming-stt", daemon=True)
        self._thread.start()
        return self

    def feed(self, block: npt.ArrayLike) -> None:
        """Queue a block of samples (int16 or float32); cheap enough for an audio callback."""
        self._queue.put(as_float32(block).copy())

    def stop(self, timeout: float | None = 30.0) -> Transcript:
        """End the answer: transcribe what is left and return the whole answer's Transcript."""
        if self._thread is threading.current_thread():
            raise RuntimeError("stop() from a streaming callback would wait for itself")
        if self._thread is None:
            self.start()
        while self._end.fired and not self._queue.empty():  # the end was judged on the audio
            with contextlib.suppress(queue.Empty):  # heard: what is queued came after it
                self._queue.get_nowait()
        self._queue.put(_STOP)
        if not self._done.wait(timeout):
            raise TimeoutError("the transcription did not finish in time")
        if self._error is not None:
            raise self._error
        assert self._result is not None
        return self._result

    def with_words(self) -> Transcript:
        """After stop(): the final transcript with the word timestamps its passes skipped
        (`settings.words_later`); blocking, a decode per such chunk: call it off the turn."""
        assert self._result is not None, "with_words() before stop() or finish()"
        self._result = self._late.ask(self.transcriber, self._result, self.settings.beam_size)
        return self._result

    @property
    def words_pending(self) -> bool:
        """Some final segments have no word timestamps yet (see `with_words`)."""
        return self._late.pending

    @property
    def caption(self) -> Caption:
        with self._lock:
            return self._caption

    @property
    def seconds(self) -> float:
        return self._total / SAMPLE_RATE

    @property
    def turn_ends(self) -> list[TurnEnd]:
        """Where the answer ended itself (several with `once=False`)."""
        return self._end.turn_ends

    @property
    def verdicts(self) -> list[tuple[float, Verdict]]:
        """Every verdict of the end-of-turn detector, with the audio heard when it was given."""
        return self._end.verdicts

    @property
    def end_reason(self) -> str:
        """'turn' or 'silence' once the answer ended itself, else ''."""
        return self.turn_ends[-1].reason if self.turn_ends else ""

    # -- driving it without a thread (a file replayed as if spoken, `interviewer turns`) ------
    def push(self, block: npt.ArrayLike) -> None:
        """Append a block at once, in the caller's thread (instead of `feed`)."""
        self._append(as_float32(block).copy())

    def step(self) -> None:
        """One look at what was pushed, as the worker does after each batch of blocks."""
        self._step()

    def finish(self) -> Transcript:
        """The final transcript of what was pushed (what `stop()` returns, without a thread)."""
        return self._finish()

    @property
    def stats(self) -> StreamStats:
        return StreamStats(len(self._cuts), self._passes, round(self._decode_seconds, 3),
                           round(self._tail_seconds, 3), self._tail_reused, tuple(self._cuts))

    # -- the worker -----------------------------------------------------------------------------
    def _run(self) -> None:
        try:
            self._loop()
        except BaseException as exc:  # surfaced to stop()'s caller
            self._error = exc
        finally:
            if late := self._error is None and self._result is not None:
                self._late.expect()  # before done: an ask() from now on waits for serve()
            self._done.set()
        if late and self._result is not None:  # the words' timestamps, later, on this thread
            self._late.serve(self.transcriber, self._result, self.settings.beam_size)

    def _loop(self) -> None:
        stopping = False
        while not stopping:
            try:
                item: object = self._queue.get(timeout=0.05)
            except queue.Empty:
                item = None
            while item is not None:
                if item is _STOP:
                    stopping = True
                    break
                if isinstance(item, np.ndarray):
                    self._append(item)
                try:
                    item = self._queue.get_nowait()
                except queue.Empty:
                    item = None
            if not stopping:
                self._step()
        self._finish()

    def _append(self, block: Audio) -> None:
        self._open = np.concatenate((self._open, block)) if self._open.size else block
        self._total += len(block)
        self._detector.feed(block)
        if self.turn is not None:
            self._recent = np.concatenate((self._recent, block))[-RECENT:]

    def _spans(self) -> list[Span]:
        return self._detector.spans(self._open_start // WINDOW, self.settings.pause_s)

    def _step(self) -> None:
        self._advance()
        self._check_silence_end()

    def _advance(self) -> None:
        """One look at the open audio: commit, drop silence, or run a pass; at most one decode."""
        s = self.settings
        spans = self._spans()
        if not spans:
            self._check_silence_end()
            keep = 16 * WINDOW  # about half a second of lead-in before the next words
            if len(self._open) > 2 * keep:
                self._drop(len(self._open) - keep)
            return
        self._heard_speech = True
        last = spans[-1]
        self._last_speech_end = last.end_sample
        self._check_silence_end()
        quiet_samples = self._detector.count * WINDOW - last.end_sample
        if quiet_samples >= s.short_pause_s * SAMPLE_RATE and (
                len(spans) > 1 or last.closed or len(self._open) >= s.long_open_s * SAMPLE_RATE):
            # A commit is due and the speaker has stopped, at least between two sentences: all
            # the open speech is transcribed at once, in one pass (not a commit, then a pass over
            # the rest: two decodes in a row when the worker fell behind), and that is final.
            done = self._reusable(last.end_sample)
            if done is not None:
                self._commit(done.end, last.end_sample)
            else:
                self._pass()
            return
        closed = [sp for sp in spans if sp.closed]
        if closed:
            said = closed[-1].end_sample - closed[0].start_sample
            # Short speech waits to be joined with what follows, unless nothing follows yet.
            if said >= s.min_chunk_s * SAMPLE_RATE or last.closed:
                self._commit_after(closed[-1], spans)
                return
        elif len(self._open) >= s.long_open_s * SAMPLE_RATE:
            short = self._detector.spans(self._open_start // WINDOW, s.short_pause_s)
            ends = [sp for sp in short if sp.closed
                    and sp.end_sample - self._open_start >= s.min_chunk_s * SAMPLE_RATE]
            if ends:
                self._commit_after(ends[-1], short)
                return
        if len(self._open) > s.max_chunk_s * SAMPLE_RATE:
            cut = forced_cut(self._open_start, int(s.max_chunk_s * SAMPLE_RATE),
                             self._detector.spans(self._open_start // WINDOW, 0.1))
            self._commit(cut, cut)
            return
        quiet = (self._detector.count * WINDOW - last.end_sample) / SAMPLE_RATE
        if quiet >= s.end_pass_s and self._reusable(last.end_sample) is None:
            self._pass()  # the speaker paused: maybe the answer's end, have it ready
        elif self._queue.empty() and caption_due(s, self.clock() - self._last_pass_at,
                                                 self._pass_result, spans):
            self._pass()

    def _commit_after(self, span: Span, spans: list[Span]) -> None:
        """Commit the open audio up to the pause after `span`."""
        cut, reuse_upto = pause_cut(span, spans, self._detector.count * WINDOW, self._open_start)
        self._commit(cut, span.end_sample, reuse_upto=reuse_upto)

    def _reusable(self, speech_end: int, limit: int | None = None) -> Decoded | None:
        return reusable(self._pass_result, self._open_start, speech_end, limit)

    def _commit(self, cut: int, speech_end: int, reuse_upto: int | None = None) -> None:
        """Transcribe the open audio up to `cut` (absolute) and make it final; a pass that
        heard all of its speech and nothing past `reuse_upto` is reused, cut where it ended."""
        reuse = self._reusable(speech_end, cut if reuse_upto is None else reuse_upto)
        if reuse is not None:
            cut = max(cut, reuse.end)
        else:  # a pass that heard past the cut, with no word there, stands up to the cut
            reuse = words_before(self._pass_result, self._open_start, speech_end, cut)
        n = cut - self._open_start
        transcript = reuse.transcript if reuse else self._decode(self._open[:n])
        self._heard_upto = max(self._heard_upto, cut)
        self._cuts.append(round(cut / SAMPLE_RATE, 2))
        offset = self._open_start / SAMPLE_RATE
        heard = reuse.end - self._open_start if reuse else n  # the audio it was decoded from
        self._late.note(len(self._committed), transcript.segments, self._open[:heard],
                        self._open_start)
        self._reread.chunk(len(self._committed), self._open_start)
        self._committed.extend(seg.shifted(offset) for seg in transcript.segments)
        self._drop(n)
        self._publish()

    def _drop(self, n: int) -> None:
        self._open = self._open[n:].copy()
        self._open_start += n
        self._pass_result = None

    def _pass(self) -> None:
        """Transcribe all the open audio: the live caption, and maybe the final tail."""
        self._last_pass_at = self.clock()
        audio = self._open
        transcript = self._decode(audio)
        self._passes += 1
        self._pass_result = Decoded(self._open_start, self._open_start + len(audio), transcript)
        self._heard_upto = max(self._heard_upto, self._open_start + len(audio))
        self._publish()

    def _decode(self, audio: Audio) -> Transcript:
        t0, s = time.perf_counter(), self.settings  # words_later: timestamps in with_words()
        transcript = self.transcriber.transcribe(audio, beam_size=s.beam_size,
                                                 word_timestamps=s.word_timestamps
                                                 and not s.words_later)
        self._decode_seconds += time.perf_counter() - t0
        return transcript

    def _check_silence_end(self) -> None:
        if self._heard_speech:
            self._end.check(total=self._total, speech_end=self._last_speech_end,
                            heard_upto=self._heard_upto, recent=self._recent,
                            words=self._words_so_far, reread=self._reread.read)

    def _words_so_far(self) -> tuple[str, list[tuple[str, float]]]:
        done = self._pass_result  # the committed words, then the last pass's tentative ones
        return self._reread.words(self._committed, done.transcript.segments if done else (),
                                  self._last_speech_end)

    def _silence_end(self) -> None:
        if self.on_silence_end is not None:
            self.on_silence_end()

    def _publish(self, *, final: bool = False) -> None:
        done = self._pass_result
        tentative = join_text(done.transcript.segments) if done else ""
        caption = Caption(join_text(self._committed), tentative, self._total / SAMPLE_RATE)
        with self._lock:
            changed = final or caption.text != self._caption.text
            self._caption = caption
        if changed and self.on_caption is not None:
            with contextlib.suppress(Exception):  # a broken UI callback must not lose the answer
                self.on_caption(caption)

    def _finish(self) -> Transcript:
        """Only the open tail is left: reuse the last pass if it heard all of its speech."""
        self._tail_seconds = len(self._open) / SAMPLE_RATE
        spans = self._spans()
        short = self._detector.spans(self._open_start // WINDOW, 0.1)
        if self.settings.tail_after_pass and (part := heard_part(
                self._pass_result, self._open_start, short, self.settings.min_chunk_s)):
            # The last pass stopped in a gap before the last words (stop came while it ran):
            # it stands for the audio it heard; only the words after it are decoded.
            self._commit(*part, reuse_upto=part[0])
            spans = self._spans()
        if spans:
            self._heard_speech = True
            reuse = self._reusable(spans[-1].end_sample)
            heard = len(self._open)
            if reuse is not None:
                tail = reuse.transcript
                self._tail_reused = True
                heard = reuse.end - self._open_start
            else:
                tail = self._decode(self._open)
            self._cuts.append(round(self._total / SAMPLE_RATE, 2))
            offset = self._open_start / SAMPLE_RATE
            self._late.note(len(self._committed), tail.segments, self._open[:heard],
                            self._open_start)
            self._committed.extend(seg.shifted(offset) for seg in tail.segments)
        self._pass_result = None
        self._publish(final=True)
        self._result = Transcript(tuple(self._committed), self._total / SAMPLE_RATE,
                                  self.transcriber.language or "en")
        return self._result
