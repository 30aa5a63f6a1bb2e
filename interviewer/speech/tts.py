"""Text-to-speech: the `Synthesizer` interface and its pyttsx3 implementation.

pyttsx3 runs in ONE dedicated, long-lived thread (`EngineThread`), whichever thread asks: its
engines are not thread-safe, and espeak-ng can be initialised only once per process. Text is
synthesised to a WAV file with `save_to_file` + `runAndWait` and read back as a `Clip`; pyttsx3's
own `say()` is never used (on Linux it plays through `aplay`, with no device choice and no way
to stop it). Playing a clip is `interviewer.speech.playback`'s job.

Long text is spoken sentence by sentence (`split_sentences`), so the first sentence can be
played while the rest is still being synthesised.
"""

from __future__ import annotations

import atexit
import io
import itertools
import queue
import re
import shutil
import struct
import sys
import tempfile
import threading
import time
import wave
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO, TypeVar, cast

import numpy as np
import numpy.typing as npt

T = TypeVar("T")
Int16Array = npt.NDArray[np.int16]
Float32Array = npt.NDArray[np.float32]

DEFAULT_SAMPLE_RATE = 22050
"""espeak-ng's output rate; only used for the empty clip of a text with nothing to say."""
DEFAULT_RATE_WPM = 180
RATE_RANGE = (80, 400)
"""Speaking rates (words per minute) accepted by every engine pyttsx3 drives."""
ENGINE_TIMEOUT_S = 60.0
"""How long a caller waits for the engine thread before giving up on it."""


class SpeechError(RuntimeError):
    """Speech output cannot be produced; the message is one line a user can act on."""


class SpeechEngineUnavailable(SpeechError):
    """No speech engine: pyttsx3 missing, espeak-ng (or the platform's engine) missing or broken."""


class UnknownVoice(SpeechError):
    """The configured voice is not one of the engine's voices."""


# -- audio clips --------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class Clip:
    """Mono 16-bit audio at its own sample rate: what a synthesizer returns."""

    samples: Int16Array
    sample_rate: int

    @classmethod
    def empty(cls, sample_rate: int = DEFAULT_SAMPLE_RATE) -> Clip:
        return cls(np.zeros(0, dtype=np.int16), sample_rate)

    @classmethod
    def from_float32(cls, samples: npt.ArrayLike, sample_rate: int) -> Clip:
        arr = np.clip(np.asarray(samples, dtype=np.float32), -1.0, 1.0)
        return cls(np.round(arr * 32767.0).astype(np.int16), sample_rate)

    @classmethod
    def concat(cls, clips: Sequence[Clip], sample_rate: int | None = None) -> Clip:
        """One clip of several in order, at `sample_rate` (default: the first clip's)."""
        rate = sample_rate or (clips[0].sample_rate if clips else DEFAULT_SAMPLE_RATE)
        parts = [c.resampled(rate).samples for c in clips if c.frames]
        if not parts:
            return cls.empty(rate)
        return cls(np.concatenate(parts), rate)

    @property
    def frames(self) -> int:
        return int(self.samples.shape[0])

    @property
    def seconds(self) -> float:
        return self.frames / self.sample_rate if self.sample_rate else 0.0

    def as_float32(self) -> Float32Array:
        return (self.samples.astype(np.float32) / 32768.0).astype(np.float32)

    def resampled(self, sample_rate: int) -> Clip:
        """The same sound at another rate (linear interpolation: fine for speech playback)."""
        if sample_rate == self.sample_rate:
            return self
        if not self.frames:
            return Clip(self.samples, sample_rate)
        n = max(1, round(self.frames * sample_rate / self.sample_rate))
        src = np.arange(self.frames, dtype=np.float64) / self.sample_rate
        dst = np.arange(n, dtype=np.float64) / sample_rate
        out = np.interp(dst, src, self.samples.astype(np.float64))
        return Clip(np.round(out).astype(np.int16), sample_rate)

    def to_wav_bytes(self) -> bytes:
        buf = io.BytesIO()
        with wave.open(buf, "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(self.sample_rate)
            w.writeframes(self.samples.astype("<i2").tobytes())
        return buf.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes) -> Clip:
        """Decode the PCM WAV (espeak-ng, SAPI) or AIFF (macOS) a speech engine writes."""
        if data[:4] == b"RIFF":
            return _decode_wav(data)
        if data[:4] == b"FORM":
            return _decode_aiff(data)
        raise SpeechError("the speech engine wrote audio in a format that cannot be read")

    @classmethod
    def read(cls, path: Path) -> Clip:
        return cls.from_bytes(Path(path).read_bytes())


def _mono(samples: npt.NDArray[Any], channels: int) -> Int16Array:
    if channels > 1:
        samples = samples.reshape(-1, channels).mean(axis=1)
    return np.asarray(samples, dtype=np.int16)


def _decode_wav(data: bytes) -> Clip:
    try:
        with wave.open(io.BytesIO(data), "rb") as w:
            width, channels, rate = w.getsampwidth(), w.getnchannels(), w.getframerate()
            raw = w.readframes(w.getnframes())
    except (wave.Error, EOFError) as exc:
        raise SpeechError(f"the speech engine wrote an unreadable WAV file ({exc})") from None
    if width == 1:
        samples = (np.frombuffer(raw, dtype=np.uint8).astype(np.int32) - 128) * 256
    elif width == 2:
        samples = np.frombuffer(raw, dtype="<i2").astype(np.int32)
    elif width == 4:
        samples = np.frombuffer(raw, dtype="<i4").astype(np.int64) >> 16
    else:
        raise SpeechError(f"the speech engine wrote {8 * width}-bit audio, which is not supported")
    return Clip(_mono(samples, channels), rate)


def _decode_aiff(data: bytes) -> Clip:
    """AIFF/AIFC with big- or little-endian 16-bit PCM (macOS's speech engine writes AIFF)."""
    if data[8:12] not in (b"AIFF", b"AIFC"):
        raise SpeechError("the speech engine wrote an unreadable AIFF file")
    pos, channels, width, rate, little, raw = 12, 1, 16, 0, False, b""
    while pos + 8 <= len(data):
        cid, size = data[pos:pos + 4], struct.unpack(">I", data[pos + 4:pos + 8])[0]
        body = data[pos + 8:pos + 8 + size]
        if cid == b"COMM":
            channels, _, width = struct.unpack(">hIh", body[:8])
            exponent, mantissa = struct.unpack(">HQ", body[8:18])
            rate = round(mantissa * 2.0 ** ((exponent & 0x7FFF) - 16383 - 63))
            little = data[8:12] == b"AIFC" and body[18:22] == b"sowt"
        elif cid == b"SSND":
            offset = struct.unpack(">I", body[:4])[0]
            raw = body[8 + offset:]
        pos += 8 + size + (size & 1)
    if width != 16 or not rate:
        raise SpeechError(f"the speech engine wrote {width}-bit AIFF audio, which is not supported")
    samples = np.frombuffer(raw[: len(raw) // 2 * 2], dtype="<i2" if little else ">i2")
    return Clip(_mono(samples.astype(np.int32), max(1, channels)), rate)


# -- sentences ----------------------------------------------------------------------------------

_BOUNDARY = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+")
_ABBREVIATIONS = frozenset((
    "e.g", "i.e", "etc", "vs", "mr", "mrs", "ms", "dr", "prof", "inc", "ltd", "co", "st", "no",
    "approx", "fig", "cf", "al", "jr", "sr", "u.s",
))


def split_sentences(text: str) -> list[str]:
    """Sentences to synthesise one at a time; abbreviations (e.g., vs.) do not end a sentence."""
    text = " ".join(text.split())
    out: list[str] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        head = text[start:m.end()].strip()
        if text[m.start() - 1] == ".":
            last = head.rstrip("\"'”’)]").rstrip(".").rsplit(" ", 1)[-1].lower().lstrip("(\"'")
            if last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha()):
                continue
        following = text[m.end():m.end() + 1]
        if following.islower():
            continue
        out.append(head)
        start = m.end()
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return out


def _speakable(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


# -- the interface ------------------------------------------------------------------------------


@dataclass(frozen=True)
class VoiceInfo:
    id: str
    name: str
    languages: tuple[str, ...] = ()
    gender: str | None = None


class Synthesizer(ABC):
    """Turns text into audio. One abstract method; everything else has a sensible default."""

    name = "synthesizer"

    @abstractmethod
    def synthesize(self, text: str) -> Clip:
        """Synthesise one piece of text (blocking). Safe to call from any thread."""

    def check(self) -> None:  # noqa: B027 - optional hook, nothing to check by default
        """Raise a `SpeechError` now if this synthesizer cannot speak (no engine, bad voice)."""

    def list_voices(self) -> list[VoiceInfo]:
        return []

    def voice_in_use(self) -> str:
        """The id of the voice that speaks (as `list_voices` names it); '' if unknown."""
        return ""

    def close(self) -> None:  # noqa: B027 - optional hook
        """Release what the synthesizer holds; the default holds nothing."""

    def warm_up(self) -> None:  # noqa: B027 - optional hook
        """Get ready to speak (load a model...), so the first question does not wait."""

    def split_text(self, text: str) -> list[str]:
        """The pieces to synthesise one at a time (sentences; a slower engine may cut finer)."""
        return split_sentences(text)

    def sentences(
        self, text: str, split: Callable[[str], list[str]] | None = None
    ) -> Iterator[tuple[str, Clip]]:
        """Lazily, piece by piece: each is synthesised only when the caller asks for it."""
        for sentence in (split or self.split_text)(text):
            yield sentence, self.synthesize(sentence)

    def synthesize_text(self, text: str) -> Clip:
        """The whole text, synthesised sentence by sentence as it is spoken, in one clip."""
        return Clip.concat([clip for _, clip in self.sentences(text)])


# -- pyttsx3 in its own thread ------------------------------------------------------------------

EngineFactory = Callable[[], Any]
_Job = tuple[Callable[[Any], Any], "Future[Any]"]


def _install_hint() -> str:
    if sys.platform.startswith("linux"):
        return "to hear the questions, install espeak-ng (Debian/Ubuntu: sudo apt-get install " \
               "espeak-ng)"
    return "to hear the questions, check the system's text-to-speech engine"


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def default_engine() -> Any:
    """A pyttsx3 engine for this platform (espeak-ng on Linux), or SpeechEngineUnavailable."""
    try:
        import pyttsx3
    except ImportError as exc:
        raise SpeechEngineUnavailable(
            f"no speech engine: pyttsx3 is not installed ({_first_line(exc)})") from None
    try:
        return pyttsx3.init()
    except Exception as exc:
        raise SpeechEngineUnavailable(
            f"no speech engine: pyttsx3 could not start ({_first_line(exc)}); "
            f"{_install_hint()}") from None


SAVE_NOTICE = "Audio saved to "
SAVE_WAIT_S = 3.0
"""How long a file may take to appear after `runAndWait` returns (seen to return early)."""


class _SaveNoticeFilter:
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


def _save_notice_filter() -> _SaveNoticeFilter:
    """The filter in front of sys.stdout, put there the first time a file is synthesised."""
    with _filter_lock:
        current = sys.stdout
        if isinstance(current, _SaveNoticeFilter):
            return current
        shield = _SaveNoticeFilter(current)
        sys.stdout = cast(TextIO, shield)
        return shield


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
            failure = SpeechEngineUnavailable(f"no speech engine: {_first_line(exc)}; "
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


def resolve_voice(wanted: str, voices: Sequence[VoiceInfo]) -> str:
    """The id of the voice `wanted` names: an id, a name, an id's last part, or a language."""
    w = wanted.strip().lower()
    keys: list[Callable[[VoiceInfo], str]] = [
        lambda v: v.id.lower(), lambda v: v.name.lower(), lambda v: v.id.lower().rsplit("/", 1)[-1],
    ]
    for key in keys:
        for v in voices:
            if key(v) == w:
                return v.id
    for v in voices:
        if w in (lang.lower() for lang in v.languages):
            return v.id
    raise UnknownVoice(
        f"no voice '{wanted}' in the speech engine (`interviewer voices` lists them)")


SETTLE_AFTER_SYNTH_S = 0.06
SETTLE_AFTER_SET_S = 0.03
ESPEAK_DRIVER = "espeak"
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _espeak_controls(rate: int, volume: float) -> str:
    """espeak-ng embedded commands (control-A, a value, a letter): speed in words per minute,
    then amplitude (100 = normal), for this text only."""
    return f"\x01{rate}S\x01{round(volume * 100)}A"


def _apply_settings(thread: EngineThread, engine: Any, wanted: dict[str, Any],
                    espeak: bool) -> None:
    # espeak-ng takes rate and volume through its asynchronous command queue, and two changes
    # in a row were seen to lose one and to swallow the next synthesis whole (an empty file);
    # so for espeak-ng they travel inside the text, and only the voice (set synchronously) is
    # applied here. Other engines (macOS, Windows) take all three as properties.
    voice = wanted["voice"] or thread.default_voice
    todo: dict[str, Any] = {}
    if thread.applied.get("voice", thread.default_voice) != voice:
        todo["voice"] = voice
    if not espeak:
        todo.update({k: wanted[k] for k in ("rate", "volume")
                     if thread.applied.get(k) != wanted[k]})
    if not todo:
        return
    pause = thread.idle_since + SETTLE_AFTER_SYNTH_S - time.monotonic()
    if pause > 0:
        time.sleep(pause)  # let the engine finish with the last text (settings change rarely)
    try:
        for name, value in todo.items():
            engine.setProperty(name, value)
    except (ValueError, KeyError, TypeError) as exc:
        thread.applied = {}
        raise UnknownVoice(f"the speech engine refused voice '{wanted['voice']}': "
                           f"{_first_line(exc)}") from None
    time.sleep(SETTLE_AFTER_SET_S)
    thread.applied.update(todo)


def _synthesize_on_thread(thread: EngineThread, engine: Any, text: str,
                          wanted: dict[str, Any]) -> Clip:
    espeak = getattr(engine, "driver_name", "") == ESPEAK_DRIVER
    _apply_settings(thread, engine, wanted, espeak)
    if espeak:
        text = _espeak_controls(wanted["rate"], wanted["volume"]) + text
    clip = Clip.empty()
    for attempt in range(SYNTH_ATTEMPTS):  # an engine glitch: an empty file, or none at all
        try:
            clip = _synthesize_file(thread, engine, text)
        except SpeechError:
            if attempt + 1 == SYNTH_ATTEMPTS:
                raise
            continue
        if clip.frames:
            break
    return clip


SYNTH_ATTEMPTS = 3


def _synthesize_file(thread: EngineThread, engine: Any, text: str) -> Clip:
    path = thread.workdir / f"say-{next(thread.counter)}.wav"
    shield = _save_notice_filter()
    try:
        engine.save_to_file(text, str(path))
        engine.runAndWait()
        # The espeak driver writes the file, then says so; `runAndWait` may return first.
        if getattr(engine, "driver_name", "") == ESPEAK_DRIVER or not path.exists():
            shield.wait_saved(str(path), SAVE_WAIT_S)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise SpeechError("the speech engine wrote no audio") from None
    finally:
        path.unlink(missing_ok=True)
        thread.idle_since = time.monotonic()
    return Clip.from_bytes(data)


def _voices_on_thread(engine: Any) -> list[VoiceInfo]:
    out: list[VoiceInfo] = []
    has_mbrola = shutil.which("mbrola") is not None
    for v in engine.getProperty("voices") or []:
        vid = str(getattr(v, "id", "") or "")
        if not vid or (vid.startswith("mb/") and not has_mbrola):
            continue  # espeak-ng's MBROLA voices need the separate mbrola program
        langs = tuple(
            (lang.decode("utf-8", "replace") if isinstance(lang, bytes) else str(lang))
            for lang in (getattr(v, "languages", None) or [])
        )
        gender = getattr(v, "gender", None)
        out.append(VoiceInfo(vid, str(getattr(v, "name", "") or vid), langs,
                             str(gender) if gender else None))
    return out


def checked_rate_and_volume(rate: int, volume: float) -> tuple[int, float]:
    """Every engine takes the same rate and volume settings, refused the same way."""
    if not RATE_RANGE[0] <= rate <= RATE_RANGE[1]:
        raise ValueError(f"speech rate must be between {RATE_RANGE[0]} and {RATE_RANGE[1]}")
    if not 0.0 <= volume <= 1.0:
        raise ValueError("speech volume must be between 0.0 and 1.0")
    return int(rate), float(volume)


class Pyttsx3Synthesizer(Synthesizer):
    """pyttsx3 (espeak-ng on Linux, the native engines on macOS and Windows), file by file."""

    name = "pyttsx3"

    def __init__(self, voice: str = "", rate: int = DEFAULT_RATE_WPM, volume: float = 1.0, *,
                 engine: EngineThread | None = None, timeout: float = ENGINE_TIMEOUT_S) -> None:
        self.voice = voice.strip()
        self.rate, self.volume = checked_rate_and_volume(rate, volume)
        self.timeout = timeout
        self._engine = engine or shared_engine_thread()
        self._lock = threading.Lock()
        self._voices: list[VoiceInfo] | None = None
        self._voice_id: str | None = None

    def check(self) -> None:
        """Start the engine and resolve the voice; raise SpeechEngineUnavailable/UnknownVoice."""
        self._engine.call(lambda engine: None, self.timeout)
        self._resolved_voice()

    def warm_up(self) -> None:
        """Synthesise a word once, so that the first real sentence does not pay for loading."""
        self.synthesize("Ready.")

    def list_voices(self) -> list[VoiceInfo]:
        with self._lock:
            if self._voices is None:
                self._voices = self._engine.call(_voices_on_thread, self.timeout)
            return list(self._voices)

    def default_voice(self) -> str:
        """The engine's own default voice id (what an empty `tts_voice` speaks with)."""
        engine = self._engine
        return self._engine.call(lambda _: engine.default_voice, self.timeout)

    def voice_in_use(self) -> str:
        return self._resolved_voice() or self.default_voice()

    def _resolved_voice(self) -> str:
        if self._voice_id is None:
            self._voice_id = resolve_voice(self.voice, self.list_voices()) if self.voice else ""
        return self._voice_id

    def synthesize(self, text: str) -> Clip:
        text = " ".join(_CONTROL.sub(" ", text).split())
        voice = self._resolved_voice()
        if not _speakable(text):
            return Clip.empty()
        wanted = {"voice": voice, "rate": self.rate, "volume": self.volume}
        thread = self._engine
        return self._engine.call(
            lambda engine: _synthesize_on_thread(thread, engine, text, wanted), self.timeout)
