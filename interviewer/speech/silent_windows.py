"""faster-whisper's model, minus the decoding of a silent window after the speech.

With a prompt (the question and the glossary, given as `hotwords`), Whisper no longer closes
its last segment with a lone timestamp, so faster-whisper decodes what follows the last word as
one more 30 s window: a few hundred ms of padding that holds no speech. There the model makes
things up ("MUSIC.", "Thank you.", ". . . . .", or "Thank you. Bye. Bye. Bye..." to 224 tokens,
then a temperature fallback): measured on the turn-taking fixtures streamed with the live hint,
every decode had such a window, 406 of 408 with a no-speech probability above 0.6, and they
took 91 s of the 176 s spent decoding (without a prompt: no second window at all). faster-whisper
drops a window like that only after generating it. One step of the decoder gives the same
no-speech probability (it is read at the first step): a window after the first whose
probability is above `no_speech_threshold` is skipped before anything is generated, the way
faster-whisper skips a silent window. The first window is decoded as before (it holds the
speech: no first window of the fixtures read above 0.38), and so is every window of audio
longer than one window, whose later windows hold more speech.

The probe still needs that window encoded, and the encoder is most of a pass's cost: 0.4 CPU-s
of the 1.1 s a pass over the last sentence took, all of it after the last word (with word
timestamps faster-whisper seeks to the last word's end, so the window holds the quiet the pass
began in and the padding). Streamed as the app streams them, the 94 such windows of the
espeak-ng turn fixtures' complete answers held 0.02-0.90 s after the last word, and none held a
word (the probe read 0.60-0.94; the two at 0.60 decoded to ". . ."). So when the first window
wrote words and less than `REST_S` of audio follows them, in audio that fits one window, the
window after is not even encoded: the first window heard that audio too and wrote nothing there.

This leans on faster-whisper's internals, which a release may change. So the skip is an
optimisation that can only turn itself off: `model_class` returns the plain `WhisperModel`
when the two methods are not the ones it knows; an error inside the skip turns it off for good
and decodes that window plainly; and `WhisperTranscriber` decodes again without it if an error
escapes into faster-whisper's own code (`stop_skipping`). Each says so once in the log.
"""

from __future__ import annotations

import inspect
import logging
import math
from dataclasses import dataclass
from typing import Any

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())  # a warning must never print over the TUI

GENERATE_SEGMENTS = ("self", "features")
"""The leading parameters of `WhisperModel.generate_segments` the override relies on."""
GENERATE_WITH_FALLBACK = ("self", "encoder_output", "prompt", "tokenizer", "options")
"""All the parameters of `WhisperModel.generate_with_fallback` (faster-whisper 1.1-1.2)."""
ENCODE = ("self", "features")
ADD_WORD_TIMESTAMPS = ("self", "segments", "tokenizer", "encoder_output", "num_frames")
"""The leading parameters of `WhisperModel.add_word_timestamps` the override relies on."""
REST_S = 1.0
"""A later window holding less audio than this after the first window's last word is not
even encoded (see `SkipsSilentWindows.encode`)."""

_told: set[str] = set()


def _tell_once(reason: str) -> None:
    if reason not in _told:
        _told.add(reason)
        log.warning("speech model: silent windows are decoded, not skipped (%s)", reason)


def mismatch(base: type[Any]) -> str:
    """Why `base`'s internals are not the ones the skip overrides ('' = they are)."""
    for name, expected in (("generate_segments", GENERATE_SEGMENTS),
                           ("generate_with_fallback", GENERATE_WITH_FALLBACK),
                           ("encode", ENCODE), ("add_word_timestamps", ADD_WORD_TIMESTAMPS)):
        method = getattr(base, name, None)
        if not callable(method):
            return f"faster-whisper has no WhisperModel.{name}"
        try:
            params = tuple(inspect.signature(method).parameters)
        except (TypeError, ValueError):
            return f"WhisperModel.{name} has no readable signature"
        found = params if name in ("generate_with_fallback", "encode") \
            else params[:len(expected)]
        if found != expected:
            return f"WhisperModel.{name}{tuple(params)} is not {name}{expected}"
    return ""


@dataclass(frozen=True)
class _NotEncoded:
    """What stands for the probe's result for a window not even encoded."""

    no_speech_prob: float = 1.0


NOT_ENCODED = _NotEncoded()


def as_silence(probe: Any) -> tuple[Any, float, float, float]:
    """What `generate_with_fallback` returns for a skipped window: below any log-probability
    threshold, so generate_segments drops it as silence."""
    return probe, -math.inf, 0.0, 0.0


def stop_skipping(model: Any, reason: str) -> bool:
    """Turn the skip off on `model` for good; False if it was not skipping."""
    if not getattr(model, "skipping", False):
        return False
    model.skipping = False
    _tell_once(reason)
    return True


def model_class(base: type[Any] | None = None) -> type[Any]:
    """`faster_whisper.WhisperModel` (or `base`) with silent later windows skipped; the plain
    class if its internals are not the ones known (imported on call: the import takes a
    second)."""
    if base is None:
        from faster_whisper import WhisperModel

        base = WhisperModel
    assert base is not None
    reason = mismatch(base)
    if reason:
        _tell_once(reason)
        return base

    class SkipsSilentWindows(base):  # type: ignore[misc,valid-type]
        windows_skipped = 0
        """Windows skipped since the model was made (tests and benchmarks read it)."""
        windows_encoded = 0
        """Windows given to the encoder since the model was made (the same)."""
        rest_s = REST_S
        """`REST_S` for this model; 0: every later window is encoded, then probed (before)."""
        skipping = True
        """False once something in the skip failed: plain decoding from then on."""
        _window = 0
        _fits = False
        _frames = 0  # the call's audio, in feature frames
        _rest = -1  # frames after the last word the model wrote (-1: no word yet)

        def generate_segments(self, features: Any, *args: Any, **kwargs: Any) -> Any:
            if self.skipping:
                try:
                    self._window = 0  # a new call: its first window is decoded in full
                    # Audio longer than a window (a whole answer decoded after it ends): a later
                    # window is more speech, and may read above the threshold (long.flac lost
                    # 30 s that way).
                    self._frames = features.shape[-1] - 1
                    self._fits = self._frames <= self.feature_extractor.nb_max_frames
                    self._rest = -1
                except Exception as exc:
                    stop_skipping(self, f"{type(exc).__name__}: {exc}")
            try:
                yield from super().generate_segments(features, *args, **kwargs)
            finally:
                self._rest = -1  # an encode() outside a call (language detection) is plain

        def add_word_timestamps(self, segments: Any, *args: Any, **kwargs: Any) -> Any:
            out = super().add_word_timestamps(segments, *args, **kwargs)
            if self.skipping:
                try:  # where faster-whisper seeks next: the end of the last word
                    ends = [w["end"] for group in segments for seg in group
                            for w in seg.get("words") or ()]
                    if ends:
                        self._rest = self._frames - round(ends[-1] * self.frames_per_second)
                except Exception as exc:
                    stop_skipping(self, f"{type(exc).__name__}: {exc}")
            return out

        def encode(self, features: Any) -> Any:
            # With word timestamps faster-whisper seeks to the last word's end, and the little
            # audio after it (the quiet the pass began in, and the padding) becomes a window of
            # its own: 30 s encoded again (0.4 CPU-s of a 1.1 s pass over the last sentence,
            # all of it after the last word) only for the probe to find it silent. The first
            # window heard that audio and wrote nothing there: a short rest is not encoded.
            if self.skipping and self._fits and self._window > 0 \
                    and 0 <= self._rest < self.rest_s * self.frames_per_second:
                return None
            self.windows_encoded += 1
            return super().encode(features)

        def generate_with_fallback(self, encoder_output: Any, prompt: list[int],
                                   tokenizer: Any, options: Any) -> Any:
            if self.skipping:
                try:
                    skipped = self._skipped(encoder_output, prompt, options)
                except Exception as exc:
                    stop_skipping(self, f"{type(exc).__name__}: {exc}")
                else:
                    if skipped is not None:
                        return skipped
            return super().generate_with_fallback(encoder_output, prompt, tokenizer, options)

        def _skipped(self, encoder_output: Any, prompt: list[int], options: Any) -> Any:
            later = self._window > 0 and self._fits
            self._window += 1
            if encoder_output is None and later:  # not encoded (`encode`): silence
                self.windows_skipped += 1
                return as_silence(NOT_ENCODED)
            threshold = options.no_speech_threshold
            if not (later and threshold is not None and options.log_prob_threshold is not None):
                return None
            probe = self.model.generate(
                encoder_output, [prompt], max_length=len(prompt) + 1, beam_size=1,
                return_scores=True, return_no_speech_prob=True,
                suppress_blank=options.suppress_blank,
                suppress_tokens=options.suppress_tokens)[0]
            if probe.no_speech_prob <= threshold:
                return None
            self.windows_skipped += 1
            return as_silence(probe)

    return SkipsSilentWindows
