"""The interviewer's voice: `Speaker.speak(text)` returns at once with an `Utterance`,
interruptible, kept.

A background thread synthesises the text sentence by sentence (through a `Synthesizer`) and
hands each sentence to an output stream as soon as it is ready, so speech starts with the first
sentence while the rest is synthesised. `Speaker.stop()` never blocks: the stream goes silent at
its next audio block (a few tens of milliseconds) and is then aborted. Every sentence
synthesised is kept on the utterance (`Utterance.clip()`, `wav_bytes()`), even after a stop, to
be saved as `prompts/<n>.wav` (`Speaker.whole_clip`): a prompt is synthesised once.

Threads: one per utterance (synthesis, then the stream's lifetime); PortAudio's callback thread,
which only copies samples; and one per `Speaker` that delivers `on_start`, `on_first_audio`,
`on_end` and `on_error` in that order, never on the audio thread. A UI marshals them onto its
own loop (Textual: `app.call_from_thread`).
"""

from __future__ import annotations

import itertools
import logging
import queue
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from typing import Any

from interviewer.speech.audio_output import AudioOutput, OutputStream
from interviewer.speech.clip import Clip
from interviewer.speech.errors import (
    OutputDeviceUnavailable,
    SpeechEngineUnavailable,
    SpeechError,
    UnknownVoice,
    first_line,
)
from interviewer.speech.play_buffer import PlayBuffer
from interviewer.speech.synthesizer import Synthesizer
from interviewer.speech.text_feed import Source, TextFeed
from interviewer.speech.utterance import Utterance

log = logging.getLogger(__name__)

UNAVAILABLE = (SpeechEngineUnavailable, OutputDeviceUnavailable, UnknownVoice)
"""Errors after which a Speaker stays silent for the rest of the session (one notice)."""
UtteranceCallback = Callable[[Utterance], None]
ErrorCallback = Callable[[Utterance, SpeechError], None]


class Speaker:
    """Speaks one utterance at a time; a new `speak()` stops the one before.

    Callbacks run on the speaker's own event thread, in order for each utterance:
    `on_start(utt)`, `on_first_audio(utt)` (when sound starts), `on_end(utt)` (once, after
    playback ended and every sentence was synthesised, so `utt.clip()` is the whole prompt;
    `utt.state` says done, stopped or failed). `on_error(utt, exc)` comes before `on_end` when
    speech failed. After a missing engine or device, the speaker stays silent: `available` is
    False, and later `speak()` calls return failed utterances without further callbacks, so a
    UI shows one notice.
    """

    def __init__(
        self,
        synthesizer: Synthesizer,
        output: AudioOutput,
        *,
        on_start: UtteranceCallback | None = None,
        on_first_audio: UtteranceCallback | None = None,
        on_end: UtteranceCallback | None = None,
        on_error: ErrorCallback | None = None,
        split: Callable[[str], list[str]] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.synthesizer = synthesizer
        self.output = output
        self.on_start = on_start
        self.on_first_audio = on_first_audio
        self.on_end = on_end
        self.on_error = on_error
        self.split = split or synthesizer.split_text
        """How a text is cut into pieces synthesised one at a time (default: the synthesizer's)."""
        self.clock = clock
        self._lock = threading.Lock()
        self._numbers = itertools.count(1)
        self._current: Utterance | None = None
        self._unavailable: SpeechError | None = None
        self._calls: queue.SimpleQueue[tuple[Callable[..., None], tuple[Any, ...]] | None] = (
            queue.SimpleQueue())
        self._dispatcher: threading.Thread | None = None
        self._runs: list[threading.Thread] = []  # the utterances' threads, joined by close()
        self._closed = False
        self._ready: dict[str, Future[Clip]] = {}  # a piece synthesised ahead (`prepare`)

    # -- state ---------------------------------------------------------------------------------
    @property
    def available(self) -> bool:
        return self._unavailable is None

    @property
    def unavailable_reason(self) -> SpeechError | None:
        return self._unavailable

    @property
    def current(self) -> Utterance | None:
        return self._current

    @property
    def is_speaking(self) -> bool:
        utt = self._current
        return utt is not None and utt.is_speaking

    # -- commands ------------------------------------------------------------------------------
    def check(self) -> None:
        """Raise SpeechEngineUnavailable / UnknownVoice / OutputDeviceUnavailable now, if any."""
        try:
            self.synthesizer.check()
            self.output.check()
        except UNAVAILABLE as exc:
            self._unavailable = exc
            raise

    def speak(self, text: str) -> Utterance:
        """Start speaking `text` (stopping whatever was being said); returns immediately."""
        return self._begin(text, lambda _: self._pieces(text))

    def prepare(self, text: str) -> None:
        """Synthesise the first piece of `text` now, silently (blocking: call it off the UI),
        so that speaking it later starts without waiting for it. Only the latest text is
        kept; a text never spoken is dropped with the next one. A voice on a server
        (`Synthesizer.runs_here` False) is never asked for a guess. Failures are left to the
        real synthesis, which tries again."""
        if not self.available or not self.synthesizer.runs_here:
            return
        pieces = self.split(_key(text))
        if not pieces:
            return
        key, made = _key(pieces[0]), Future[Clip]()
        with self._lock:
            if key in self._ready or self._closed:
                return
            self._ready = {key: made}
        try:
            made.set_result(self.synthesizer.synthesize(pieces[0]))
        except Exception as exc:  # handed to whoever speaks it, who tries again
            made.set_exception(exc)

    def synthesize(self, piece: str) -> Clip:
        """One piece's audio: the one `prepare` made, if it is this piece, else synthesised."""
        clip = self._prepared(piece)
        return clip if clip is not None else self.synthesizer.synthesize(piece)

    def _prepared(self, piece: str) -> Clip | None:
        with self._lock:
            made = self._ready.pop(_key(piece), None)
        if made is None:
            return None
        try:
            return made.result()
        except Exception:
            return None

    def _pieces(self, text: str) -> Iterator[tuple[str, Clip]]:
        """The synthesizer's `sentences`, the first piece the one `prepare` made if it did."""
        pieces = self.split(text)
        clip = self._prepared(pieces[0]) if pieces else None
        if clip is None:
            yield from self.synthesizer.sentences(text, self.split)
            return
        yield pieces[0], clip
        yield from self.synthesizer.sentences(text, lambda _: pieces[1:])

    def play(self, clip: Clip, text: str = "") -> Utterance:
        """Play audio already at hand (a saved prompt or answer) the same way."""
        return self._begin(text, lambda _: iter([(text, clip)]))

    def speak_feed(self) -> TextFeed:
        """Start speaking a text that is still arriving (an LLM follow-up as it streams):
        feed it with `update(text_so_far)` and `finish(text)`, from any thread. Each sentence
        is spoken as soon as it is complete. `feed.utterance` is the current utterance."""
        feed = TextFeed(self)
        self._start_feed(feed)
        return feed

    def stop(self) -> None:
        """Silence the current utterance now; never blocks (the skip and answer keys)."""
        utt = self._current
        if utt is not None:
            utt._request_stop()

    def close(self, timeout: float = 2.0) -> None:
        """Stop, then wait (at most about `timeout` seconds each) for the utterance's thread
        and the event thread to finish."""
        self.stop()
        utt = self._current
        if utt is not None:
            utt.wait(timeout)
        with self._lock:
            self._closed = True
            dispatcher = self._dispatcher
            runs, self._runs = self._runs, []
        deadline = time.monotonic() + timeout
        for thread in runs:
            if thread is not threading.current_thread():
                thread.join(max(0.0, deadline - time.monotonic()))
        if dispatcher is not None:
            self._calls.put(None)
            if dispatcher is not threading.current_thread():
                dispatcher.join(timeout)

    def whole_clip(self, utt: Utterance) -> Clip:
        """The whole of `utt`'s text as audio, each piece synthesised once (call after its end).

        A stopped utterance is synthesised to the end all the same (see `_run`), so this is
        what was synthesised, the pieces the candidate heard first; only when synthesis broke
        off (an error) are the pieces it never reached synthesised now."""
        clips = utt.clips()
        if utt.time_of("synthesized") is not None:
            return Clip.concat(clips)
        done, pieces = utt.sentences, self.split(utt.text)
        if pieces[:len(done)] != done:  # not the same cut (cannot happen today): start over
            done, clips = [], []
        return Clip.concat(clips + [self.synthesizer.synthesize(p) for p in pieces[len(done):]])

    # -- internals -----------------------------------------------------------------------------
    def _start_feed(self, feed: TextFeed) -> None:
        with feed._cond:
            feed._generation += 1
            feed._taken = ""
            generation = feed._generation
        feed.utterance = self._begin(feed.text, lambda utt: feed._sentences(utt, generation))

    def _begin(self, text: str, source: Callable[[Utterance], Source]) -> Utterance:
        with self._lock:
            if self._closed:
                raise SpeechError("the speaker has been closed")
            previous = self._current
            utt = Utterance(next(self._numbers), text, self.clock)
            self._current = utt
        if previous is not None:
            previous._request_stop()
        utt._record("start")
        if self._unavailable is not None:
            utt._finish(self._unavailable)
            return utt
        self._notify(self.on_start, utt)
        thread = threading.Thread(target=self._run, args=(utt, source), daemon=True,
                                  name=f"interviewer-speak-{utt.number}")
        with self._lock:
            self._runs = [t for t in self._runs if t.is_alive()]
            self._runs.append(thread)
        thread.start()
        return utt

    def _notify(self, fn: Callable[..., None] | None, *args: Any) -> None:
        if fn is None:
            return
        with self._lock:
            if self._dispatcher is None:
                self._dispatcher = threading.Thread(target=self._dispatch, daemon=True,
                                                    name="interviewer-speech-events")
                self._dispatcher.start()
        self._calls.put((fn, args))

    def _dispatch(self) -> None:
        while True:
            call = self._calls.get()
            if call is None:
                return
            fn, args = call
            try:
                fn(*args)
            except Exception:
                log.exception("a speech callback failed")

    def _first_audio(self, utt: Utterance) -> None:
        # On PortAudio's thread: record, wake waiters, hand the callback to the event thread.
        utt._record("first-audio")
        utt._first_audio.set()
        self._notify(self.on_first_audio, utt)

    def _run(self, utt: Utterance, source: Callable[[Utterance], Source]) -> None:
        stream: OutputStream | None = None
        buffer: PlayBuffer | None = None
        aborted = False
        error: SpeechError | None = None
        try:
            for index, (sentence, clip) in enumerate(source(utt)):
                utt._add(index, sentence, clip)
                if utt.stop_requested:
                    if stream is not None and not aborted:
                        stream.abort()
                        aborted = True
                    continue  # keep synthesising: the saved prompt is the whole prompt
                if not clip.frames:
                    continue
                if buffer is None:
                    rate = self.output.sample_rate_for(clip.sample_rate)
                    buffer = PlayBuffer(rate, utt, lambda: self._first_audio(utt))
                    utt.playback_rate = rate
                    buffer.push(clip)
                    stream = self.output.open(rate, buffer.fill, buffer.finished)
                    stream.start()
                else:
                    buffer.push(clip)
            utt._record("synthesized")
            utt._synthesized.set()
            if buffer is not None and stream is not None:
                buffer.close_input()
                # Drained (finished), stopped (stop()) or, as a guard, long past its length.
                limit = self.clock() + buffer.queued_frames / buffer.rate + 10.0
                while not utt._wake.wait(0.25):
                    if self.clock() > limit:
                        break
                if not buffer.drained and not aborted:
                    stream.abort()
                    aborted = True
        except SpeechError as exc:
            error = exc
        except Exception as exc:  # a bug or an engine's odd failure: speech stops, app lives on
            log.debug("speech failed", exc_info=True)
            error = SpeechError(f"speech failed: {first_line(exc)}")
        finally:
            if stream is not None:
                if error is not None and not aborted:
                    stream.abort()
                stream.close()
        if error is not None:
            utt._record("error")
            first_time = False
            if isinstance(error, UNAVAILABLE):
                with self._lock:
                    first_time = self._unavailable is None
                    self._unavailable = self._unavailable or error
            else:
                first_time = True
            if first_time:
                self._notify(self.on_error, utt, error)
        utt._finish(error)
        self._notify(self.on_end, utt)


def _key(piece: str) -> str:
    """A piece as `prepare` files it and speaking looks it up: whitespace runs made one space,
    so the same sentence split from a streamed or a whole text is found."""
    return " ".join(piece.split())
