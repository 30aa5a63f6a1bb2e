"""Playback: the interviewer's voice through a sounddevice output stream, interruptible, kept.

`Speaker.speak(text)` returns at once with an `Utterance`. A background thread synthesises the
text sentence by sentence (through a `Synthesizer`) and hands each sentence to an output stream
as soon as it is ready, so speech starts with the first sentence while the rest is synthesised.
`Speaker.stop()` never blocks: the stream goes silent at its next audio block (a few tens of
milliseconds) and is then aborted. Every sentence synthesised is kept on the utterance
(`Utterance.clip()`, `wav_bytes()`), even after a stop, to be saved as `prompts/<n>.wav`.

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
from abc import ABC, abstractmethod
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

from interviewer.speech.alsa import quiet_alsa
from interviewer.speech.tts import (
    Clip,
    Float32Array,
    SpeechEngineUnavailable,
    SpeechError,
    Synthesizer,
    UnknownVoice,
)
from interviewer.speech.tts_factory import TTSSettings, make_synthesizer

log = logging.getLogger(__name__)

BLOCK_SECONDS = 0.05
"""Audio block length: how often the stream asks for samples, so how fast a stop is heard."""
LATENCY_SECONDS = 0.15
"""The device buffer asked for. PortAudio's 'low' and 'high' (a few ms to ~35 ms through
ALSA's PulseAudio plugin) underflowed, dropping speech, on 2 busy cores; a stop does not wait
for this buffer (the stream is aborted)."""


class OutputDeviceUnavailable(SpeechError):
    """No device to play on: no PortAudio, no sound card or server, or the named one missing."""


UNAVAILABLE = (SpeechEngineUnavailable, OutputDeviceUnavailable, UnknownVoice)
"""Errors after which a Speaker stays silent for the rest of the session (one notice)."""


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


# -- where the audio goes -----------------------------------------------------------------------

FillFn = Callable[[Float32Array], bool]
"""Writes the next block of samples in place; returns False once nothing is left."""


class OutputStream(Protocol):
    def start(self) -> None: ...

    def abort(self) -> None: ...

    def close(self) -> None: ...


class AudioOutput(ABC):
    """A place to play mono float32 audio: a sounddevice stream, or a fake in tests."""

    name = "output"

    @abstractmethod
    def check(self) -> None:
        """Raise OutputDeviceUnavailable now if there is nothing to play on."""

    @abstractmethod
    def open(self, sample_rate: int, fill: FillFn, finished: Callable[[], None]) -> OutputStream:
        """A stream that, once started, calls `fill(block)` for every block until it returns
        False (the block is still played), then `finished()` once it has stopped for any reason
        (drained or aborted). Raises OutputDeviceUnavailable if it cannot be opened."""

    def sample_rate_for(self, sample_rate: int) -> int:
        """The rate to open the stream at, for audio at `sample_rate` (resampled if they differ)."""
        return sample_rate


def parse_device(value: str | int | None) -> int | str | None:
    """A setting's device: '' = the default, digits = an index, else (part of) a name."""
    if value is None or isinstance(value, int):
        return value
    value = value.strip()
    if not value:
        return None
    return int(value) if value.isdigit() else value




def _sounddevice() -> Any:
    quiet_alsa()
    try:
        import sounddevice
    except OSError as exc:  # sounddevice imports, then fails to load the PortAudio library
        raise OutputDeviceUnavailable(
            f"no audio output: the PortAudio library is missing ({_first_line(exc)}); "
            "on Debian/Ubuntu: sudo apt-get install libportaudio2") from None
    return sounddevice


class _SoundDeviceStream:
    def __init__(self, stream: Any, sd: Any, where: str) -> None:
        self._stream = stream
        self._sd = sd
        self._where = where

    def start(self) -> None:
        try:
            self._stream.start()
        except self._sd.PortAudioError as exc:
            raise OutputDeviceUnavailable(
                f"cannot play sound on {self._where}: {_first_line(exc)}") from None

    def abort(self) -> None:
        try:
            self._stream.abort()
        except self._sd.PortAudioError:
            log.debug("abort failed", exc_info=True)

    def close(self) -> None:
        try:
            self._stream.close()
        except self._sd.PortAudioError:
            log.debug("close failed", exc_info=True)


class SoundDeviceOutput(AudioOutput):
    """The real speaker: a callback `sounddevice.OutputStream` on the chosen device."""

    name = "sounddevice"

    def __init__(self, device: str | int | None = None, *, block_seconds: float = BLOCK_SECONDS,
                 latency: str | float = LATENCY_SECONDS) -> None:
        self.device = parse_device(device)
        self.block_seconds = block_seconds
        self.latency = latency
        self.underflows = 0
        """Blocks the device asked for too late (the process starved of CPU): a diagnostic."""

    @property
    def where(self) -> str:
        return "the default output device" if self.device is None else f"'{self.device}'"

    def info(self) -> dict[str, Any]:
        sd = _sounddevice()
        try:
            info = dict(sd.query_devices(self.device, kind="output"))
        except (ValueError, sd.PortAudioError):
            if self.device is None:
                raise OutputDeviceUnavailable(
                    "no audio output device (no sound card or sound server was found)") from None
            raise OutputDeviceUnavailable(
                f"no output device '{self.device}' (`interviewer devices` lists them)") from None
        if int(info.get("max_output_channels", 0)) < 1:
            raise OutputDeviceUnavailable(f"device '{info.get('name')}' cannot play sound")
        return info

    def check(self) -> None:
        self.info()

    def sample_rate_for(self, sample_rate: int) -> int:
        sd = _sounddevice()
        try:
            sd.check_output_settings(device=self.device, samplerate=sample_rate, channels=1,
                                     dtype="float32")
            return sample_rate
        except (ValueError, sd.PortAudioError):
            return int(self.info()["default_samplerate"])

    def open(self, sample_rate: int, fill: FillFn, finished: Callable[[], None]) -> OutputStream:
        sd = _sounddevice()

        def callback(outdata: Any, frames: int, time_info: Any, status: Any) -> None:
            if status.output_underflow:
                self.underflows += 1
            try:
                more = fill(outdata[:, 0])
            except Exception:
                outdata.fill(0)
                raise sd.CallbackAbort from None
            if not more:
                raise sd.CallbackStop

        try:
            stream = sd.OutputStream(
                samplerate=sample_rate, blocksize=max(64, int(sample_rate * self.block_seconds)),
                device=self.device, channels=1, dtype="float32", latency=self.latency,
                callback=callback, finished_callback=finished)
        except (ValueError, sd.PortAudioError) as exc:
            raise OutputDeviceUnavailable(
                f"cannot play sound on {self.where}: {_first_line(exc)}") from None
        return _SoundDeviceStream(stream, sd, self.where)


class NullOutput(AudioOutput):
    """Plays into nothing, at real-time pace (or as fast as asked): for machines without a
    device (benchmarks) and for tests. Keeps what it was given in `played`."""

    name = "null"

    def __init__(self, *, realtime: bool = True, block_seconds: float = BLOCK_SECONDS) -> None:
        self.realtime = realtime
        self.block_seconds = block_seconds
        self.played: list[Float32Array] = []

    def check(self) -> None:
        return None

    def open(self, sample_rate: int, fill: FillFn, finished: Callable[[], None]) -> OutputStream:
        return _NullStream(self, sample_rate, fill, finished)


class _NullStream:
    def __init__(self, owner: NullOutput, rate: int, fill: FillFn,
                 finished: Callable[[], None]) -> None:
        self._owner, self._rate, self._fill, self._finished = owner, rate, fill, finished
        self._abort = threading.Event()
        self._thread = threading.Thread(target=self._run, name="interviewer-null-output",
                                        daemon=True)

    def start(self) -> None:
        self._thread.start()

    def _run(self) -> None:
        n = max(64, int(self._rate * self._owner.block_seconds))
        try:
            while not self._abort.is_set():
                block = np.zeros(n, dtype=np.float32)
                more = self._fill(block)
                self._owner.played.append(block)
                if not more:
                    break
                if self._owner.realtime:
                    self._abort.wait(n / self._rate)
        finally:
            self._finished()

    def abort(self) -> None:
        self._abort.set()

    def close(self) -> None:
        self._abort.set()
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join(1.0)


# -- utterances ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class SpeechEvent:
    """Something that happened to an utterance, at `at` on the speaker's clock.

    kinds: start, sentence (sentence `index` synthesised), first-audio (its first samples
    handed to the device), stop (asked to stop), synthesized (every sentence ready), error, end.
    """

    kind: str
    at: float
    index: int = -1


class Utterance:
    """One text being spoken. Readable from any thread; created by `Speaker.speak/play`."""

    def __init__(self, number: int, text: str, clock: Callable[[], float]) -> None:
        self.number = number
        self.text = text
        self._clock = clock
        self._lock = threading.Lock()
        self._events: list[SpeechEvent] = []
        self._sentences: list[str] = []
        self._clips: list[Clip] = []
        self._state = "speaking"
        self._error: SpeechError | None = None
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._ended = threading.Event()
        self._synthesized = threading.Event()
        self._first_audio = threading.Event()
        self.played_frames = 0
        self.playback_rate = 0

    # -- reading -----------------------------------------------------------------------------
    @property
    def state(self) -> str:
        """speaking, then done (all played), stopped (stop() or a newer utterance) or failed."""
        return self._state

    @property
    def is_speaking(self) -> bool:
        return self._state == "speaking"

    @property
    def completed(self) -> bool:
        return self._state == "done"

    @property
    def stop_requested(self) -> bool:
        return self._stop.is_set()

    @property
    def error(self) -> SpeechError | None:
        return self._error

    @property
    def events(self) -> list[SpeechEvent]:
        with self._lock:
            return list(self._events)

    def event_kinds(self) -> list[str]:
        return [f"{e.kind}:{e.index}" if e.index >= 0 else e.kind for e in self.events]

    def time_of(self, kind: str) -> float | None:
        return next((e.at for e in self.events if e.kind == kind), None)

    @property
    def first_audio_latency(self) -> float | None:
        """Seconds from speak() to the first samples handed to the device."""
        start, first = self.time_of("start"), self.time_of("first-audio")
        return None if start is None or first is None else first - start

    @property
    def sentences(self) -> list[str]:
        with self._lock:
            return list(self._sentences)

    def clip(self) -> Clip:
        """Everything synthesised so far, in order: after the end, the whole prompt."""
        with self._lock:
            clips = list(self._clips)
        return Clip.concat(clips)

    def wav_bytes(self) -> bytes:
        return self.clip().to_wav_bytes()

    @property
    def played_seconds(self) -> float:
        return self.played_frames / self.playback_rate if self.playback_rate else 0.0

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the utterance has ended (done, stopped or failed); False on timeout."""
        return self._ended.wait(timeout)

    def wait_first_audio(self, timeout: float | None = None) -> bool:
        return self._first_audio.wait(timeout)

    def wait_synthesized(self, timeout: float | None = None) -> bool:
        return self._synthesized.wait(timeout)

    # -- driven by the Speaker -------------------------------------------------------------------
    def _record(self, kind: str, index: int = -1) -> None:
        with self._lock:
            self._events.append(SpeechEvent(kind, self._clock(), index))

    def _request_stop(self) -> bool:
        with self._lock:
            if self._state != "speaking" or self._stop.is_set():
                return False
            self._stop.set()
            self._state = "stopped"
            self._events.append(SpeechEvent("stop", self._clock()))
        self._wake.set()
        return True

    def _add(self, index: int, sentence: str, clip: Clip) -> None:
        with self._lock:
            self._sentences.append(sentence)
            self._clips.append(clip)
            self._events.append(SpeechEvent("sentence", self._clock(), index))

    def _finish(self, error: SpeechError | None) -> None:
        with self._lock:
            if error is not None:
                self._error = error
                self._state = "failed"
            elif self._state == "speaking":
                self._state = "done"
            self._events.append(SpeechEvent("end", self._clock()))
        self._synthesized.set()
        self._first_audio.set()
        self._ended.set()


class _PlayBuffer:
    """Samples waiting for the device; filled by the utterance thread, drained by PortAudio's."""

    def __init__(self, rate: int, utt: Utterance, on_first: Callable[[], None]) -> None:
        self.rate = rate
        self._utt = utt
        self._on_first = on_first
        self._lock = threading.Lock()
        self._chunks: deque[Float32Array] = deque()
        self._offset = 0
        self._closed = False
        self._first = False
        self.queued_frames = 0
        self.drained = False

    def push(self, clip: Clip) -> None:
        samples = clip.resampled(self.rate).as_float32()
        with self._lock:
            self._chunks.append(samples)
            self.queued_frames += len(samples)

    def close_input(self) -> None:
        with self._lock:
            self._closed = True

    def fill(self, out: Float32Array) -> bool:
        if self._utt.stop_requested:
            out.fill(0)
            return False
        n, pos = len(out), 0
        with self._lock:
            while pos < n and self._chunks:
                chunk = self._chunks[0]
                take = min(n - pos, len(chunk) - self._offset)
                out[pos:pos + take] = chunk[self._offset:self._offset + take]
                pos += take
                self._offset += take
                if self._offset >= len(chunk):
                    self._chunks.popleft()
                    self._offset = 0
            drained = self._closed and not self._chunks
        if pos < n:
            out[pos:] = 0
        if pos:
            self._utt.played_frames += pos
            if not self._first:
                self._first = True
                self._on_first()
        if drained:
            self.drained = True
        return not drained

    def finished(self) -> None:
        self._utt._wake.set()


# -- the speaker --------------------------------------------------------------------------------

UtteranceCallback = Callable[[Utterance], None]
ErrorCallback = Callable[[Utterance, SpeechError], None]
Source = Iterator[tuple[str, Clip]]
FEED_IDLE_TIMEOUT_S = 60.0
"""A feed that gets neither more text nor finish() for this long is taken as finished."""


class TextFeed:
    """Text that grows while it is spoken. Made by `Speaker.speak_feed()`; thread-safe.

    `update()` takes the whole text so far (what the coach's text callback passes). When an
    update does not continue what was already taken for speech (the coach started over, or
    another coach took over), the current utterance is stopped and a new one starts from the
    new text: `utterance` then names the new one (and the speaker's callbacks say so).
    """

    def __init__(self, speaker: Speaker) -> None:
        self._speaker = speaker
        self._cond = threading.Condition()
        self._text = ""
        self._final = False
        self._taken = ""
        self._generation = 0
        self.utterance: Utterance | None = None

    @property
    def text(self) -> str:
        return self._text

    def update(self, text_so_far: str) -> None:
        text = " ".join(text_so_far.split())
        with self._cond:
            if self._final or text == self._text:
                return
            restart = bool(self._taken) and not text.startswith(self._taken)
            self._text = text
            self._cond.notify_all()
        if restart:
            self._speaker._start_feed(self)

    def finish(self, text: str | None = None) -> None:
        """No more text is coming (`text`: the final text, if it differs from the last one)."""
        if text is not None:
            self.update(text)
        with self._cond:
            self._final = True
            self._cond.notify_all()

    def _sentences(self, utt: Utterance, generation: int) -> Source:
        """The source of one utterance: complete sentences as they arrive, synthesised."""
        done = 0
        synth = self._speaker.synthesizer
        while True:
            with self._cond:
                while True:
                    if self._generation != generation:
                        return  # started over: a newer utterance speaks the new text
                    sentences = self._speaker.split(self._text)
                    final = self._final
                    ready = sentences if final else sentences[:-1]
                    if len(ready) > done or final:
                        break
                    if not self._cond.wait(FEED_IDLE_TIMEOUT_S):
                        self._final = final = True
                        ready = sentences
                        break
                batch = ready[done:]
                self._taken = " ".join(ready)
                utt.text = self._text
            for sentence in batch:
                yield sentence, synth.synthesize(sentence)
                done += 1
            if final:
                return


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
        self._closed = False

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
        return self._begin(text, lambda _: self.synthesizer.sentences(text, self.split))

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
        self.stop()
        utt = self._current
        if utt is not None:
            utt.wait(timeout)
        with self._lock:
            self._closed = True
            dispatcher = self._dispatcher
        if dispatcher is not None:
            self._calls.put(None)
            dispatcher.join(timeout)

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
        threading.Thread(target=self._run, args=(utt, source), daemon=True,
                         name=f"interviewer-speak-{utt.number}").start()
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
        buffer: _PlayBuffer | None = None
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
                    buffer = _PlayBuffer(rate, utt, lambda: self._first_audio(utt))
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
            error = SpeechError(f"speech failed: {_first_line(exc)}")
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


# -- assembly -----------------------------------------------------------------------------------


class SpeechSettings(TTSSettings, Protocol):
    """The settings a speaker is built from (interviewer.config.Settings has them all)."""

    output_device: str


def open_speaker(
    settings: SpeechSettings,
    *,
    synthesizer: Synthesizer | None = None,
    on_start: UtteranceCallback | None = None,
    on_first_audio: UtteranceCallback | None = None,
    on_end: UtteranceCallback | None = None,
    on_error: ErrorCallback | None = None,
    warm_up: bool = True,
) -> Speaker:
    """The sounddevice speaker the settings describe, with `synthesizer` (default: the one
    `make_synthesizer` chooses), checked (and warmed up).

    Raises SpeechEngineUnavailable, UnknownVoice or OutputDeviceUnavailable (all SpeechError)
    with a one-line message: show it once and carry on in text.
    """
    synth = synthesizer if synthesizer is not None else make_synthesizer(settings)[0]
    speaker = Speaker(synth, SoundDeviceOutput(settings.output_device),
                      on_start=on_start, on_first_audio=on_first_audio, on_end=on_end,
                      on_error=on_error)
    speaker.check()
    if warm_up:
        synth.warm_up()
    return speaker
