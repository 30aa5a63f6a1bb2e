"""Delivery analytics of one spoken answer, from its word timestamps: how it sounded.

Pure functions: no audio, no Textual. The input is the transcript's timed words (Whisper's,
or the `segments` an exchange keeps in session.json), on the recording's own timeline: second 0
is when recording started, i.e. when the candidate was invited to answer.

The figures (`Delivery.to_dict()`, also `score --format json`'s `"delivery"`):

- `words`: spoken words, fillers included (punctuation-only tokens are not words).
- `duration_s`: talk time, from the start of the first word to the end of the last.
- `wpm`: words per minute of talk time (130-160 is the usual target band).
- `fillers`, `fillers_per_min`: filler words by the rules of `interviewer.speech.fillers`
  (per minute of talk time); `filler_words` breaks the count down by filler.
- `long_pauses`: silences between two consecutive words longer than `LONG_PAUSE_S` (3 s),
  each counted once; the silence before the first word is not a pause but a slow start, and
  shows in `seconds_to_first_point`.
- `seconds_to_first_point`: from second 0 to the first word of substance, i.e. of the first
  clause that is neither filler nor preamble ("That's a great question, let me think." is
  preamble; see `fillers.first_point`). None when the answer never gets past its preamble.
- With the time allowed (`allowed_s`): `allowed_s` and `talk_share` (talk time over it).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any, Protocol

from interviewer.speech.fillers import Filler, find_fillers, first_point, tokens

LONG_PAUSE_S = 3.0
"""A silence between two words longer than this is a long pause."""
TARGET_WPM = (130, 160)
FIELDS = ("words", "duration_s", "wpm", "fillers", "fillers_per_min", "long_pauses",
          "seconds_to_first_point")
"""The keys `to_dict()` always has, in this order."""

TimedWord = tuple[float, float, str]
"""(start, end, text) in seconds from the start of the recording."""


class WordLike(Protocol):
    """What `interviewer.speech.stt.Word` offers."""

    @property
    def start(self) -> float: ...

    @property
    def end(self) -> float: ...

    @property
    def word(self) -> str: ...


@dataclass(frozen=True)
class Delivery:
    words: int
    duration_s: float
    wpm: float
    fillers: int
    fillers_per_min: float
    long_pauses: int
    seconds_to_first_point: float | None
    filler_words: dict[str, int] = field(default_factory=dict)
    """Each filler phrase and how often it was said, most frequent first."""
    pauses_s: tuple[float, ...] = ()
    """The length of each long pause, in order (not in `to_dict()`)."""
    allowed_s: float | None = None
    """The time allowed for the answer, when known."""

    @property
    def talk_share(self) -> float | None:
        """Talk time over the time allowed (1.0 = all of it)."""
        if not self.allowed_s:
            return None
        return round(self.duration_s / self.allowed_s, 3)

    @property
    def in_target_pace(self) -> bool:
        return TARGET_WPM[0] <= self.wpm <= TARGET_WPM[1]

    def to_dict(self) -> dict[str, Any]:
        """The seven figures, then `filler_words`, then `allowed_s`/`talk_share` if known."""
        out: dict[str, Any] = {
            "words": self.words, "duration_s": self.duration_s, "wpm": self.wpm,
            "fillers": self.fillers, "fillers_per_min": self.fillers_per_min,
            "long_pauses": self.long_pauses,
            "seconds_to_first_point": self.seconds_to_first_point,
            "filler_words": dict(self.filler_words),
        }
        if self.allowed_s:
            out["allowed_s"] = self.allowed_s
            out["talk_share"] = self.talk_share
        return out


def per_minute(count: float, seconds: float) -> float:
    return count / seconds * 60.0 if seconds > 0 else 0.0


def long_pauses(words: Sequence[TimedWord], threshold: float = LONG_PAUSE_S) -> list[float]:
    """The silences between consecutive words longer than `threshold`, in order."""
    return [round(b[0] - a[1], 3) for a, b in pairwise(words)
            if b[0] - a[1] > threshold]


def analyze(words: Iterable[TimedWord], *, allowed_s: float | None = None) -> Delivery:
    """The delivery figures of one answer from its timed words (any order; sorted here)."""
    timed = sorted(((float(s), float(e), str(t)) for s, e, t in words), key=lambda w: w[0])
    toks = tokens(timed)
    spoken = [timed[t.index] for t in toks]
    if not spoken:
        return Delivery(0, 0.0, 0.0, 0, 0.0, 0, None, allowed_s=allowed_s)
    duration = max(0.0, max(w[1] for w in spoken) - spoken[0][0])
    fillers: list[Filler] = find_fillers(toks)
    point = first_point(toks, fillers)
    pauses = long_pauses(spoken)
    counts = Counter(f.phrase for f in fillers)
    return Delivery(
        words=len(spoken),
        duration_s=round(duration, 2),
        wpm=round(per_minute(len(spoken), duration), 1),
        fillers=len(fillers),
        fillers_per_min=round(per_minute(len(fillers), duration), 2),
        long_pauses=len(pauses),
        seconds_to_first_point=round(point.start, 2) if point is not None else None,
        filler_words=dict(counts.most_common()),
        pauses_s=tuple(pauses),
        allowed_s=allowed_s,
    )


def from_words(words: Iterable[WordLike], *, allowed_s: float | None = None) -> Delivery:
    """`analyze` over `interviewer.speech.stt.Word`s (a `Transcript.words`)."""
    return analyze(((w.start, w.end, w.word) for w in words), allowed_s=allowed_s)


def timed_words(segments: Iterable[Mapping[str, Any]]) -> list[TimedWord]:
    """The timed words of transcript segments as session.json keeps them
    (`Segment.to_dict()`: `{"start", "end", "text", "words": [{"start", "end", "word"}]}`);
    malformed entries are skipped."""
    out: list[TimedWord] = []
    for seg in segments:
        found = seg.get("words") if isinstance(seg, Mapping) else None
        for w in found if isinstance(found, list) else []:
            if not isinstance(w, Mapping):
                continue
            start, end, text = w.get("start"), w.get("end"), w.get("word")
            if (isinstance(start, (int, float)) and isinstance(end, (int, float))
                    and isinstance(text, str) and not isinstance(start, bool)):
                out.append((float(start), float(end), text))
    return out


def from_segments(segments: Iterable[Mapping[str, Any]], *,
                  allowed_s: float | None = None) -> Delivery | None:
    """The delivery of an answer kept as segments; None when they hold no word timestamps."""
    words = timed_words(segments)
    if not any(t for *_, t in words if t.strip()):
        return None
    result = analyze(words, allowed_s=allowed_s)
    return result if result.words else None
