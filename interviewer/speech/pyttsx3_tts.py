"""pyttsx3 behind the `Synthesizer` interface: espeak-ng on Linux, the system's voices on macOS
and Windows.

Every call runs on the process's one engine thread (`pyttsx3_engine`). Text is synthesised to a
WAV file with `save_to_file` + `runAndWait` and read back as a `Clip`; pyttsx3's own `say()` is
never used (on Linux it plays through `aplay`, with no device choice and no way to stop it).
Playing a clip is the `Speaker`'s job.
"""

from __future__ import annotations

import re
import shutil
import threading
import time
from collections.abc import Callable, Sequence
from typing import Any

from interviewer.speech.clip import Clip
from interviewer.speech.errors import SpeechError, UnknownVoice, first_line
from interviewer.speech.pyttsx3_engine import ENGINE_TIMEOUT_S, EngineThread, shared_engine_thread
from interviewer.speech.pyttsx3_stdout import SAVE_WAIT_S, save_notice_filter
from interviewer.speech.sentences import speakable
from interviewer.speech.synthesizer import (
    DEFAULT_RATE_WPM,
    Synthesizer,
    VoiceInfo,
    checked_rate_and_volume,
)


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
                           f"{first_line(exc)}") from None
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
    shield = save_notice_filter()
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
        if not speakable(text):
            return Clip.empty()
        wanted = {"voice": voice, "rate": self.rate, "volume": self.volume}
        thread = self._engine
        return self._engine.call(
            lambda engine: _synthesize_on_thread(thread, engine, text, wanted), self.timeout)
