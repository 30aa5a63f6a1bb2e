"""A second reading of the last sentence, for the end-of-turn words judge only.

Whisper hears a sentence differently with where its audio starts, and the start of the chunk
that holds the last sentence moves with load (where the worker's commit cut it). When the words
alone keep a pause open, read from that one decode ("...whether the MAU lasts.", 'MAU' 0.29:
"last words unclear"), nothing else changes in the pause and only the longest wait (8 s) ends
a finished answer. So once the pause has gone on `REREAD_S`, the last chunk is decoded again
from its speech's start with a fixed lead-in and its end padded by the quiet heard since
(the same sentence read 'MAU' 0.33-0.39 from 0.1-0.5 s before its first word): the judge
reads that instead, and is asked again only if the words changed. A thinker's "...and" reads
"...and" again and keeps the turn. The transcript keeps the committed words.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from interviewer.speech.audio import SAMPLE_RATE, Audio
from interviewer.speech.stt import Segment, Transcript, join_text
from interviewer.speech.vad import WINDOW, SpeechDetector

REREAD_S = 1.0
"""Quiet after the last speech before the last chunk is read again (a decode of it, once per
pause): past the judges' first look (0.6 s) and the model's first re-ask."""
LEAD_S = 0.3
"""Audio kept before the chunk's first speech (not before the end of speech before it)."""


class Reread:
    """The last committed chunk, and its second reading once made."""

    def __init__(self, detector: SpeechDetector, decode: Callable[[Audio], Transcript]) -> None:
        self.detector = detector
        self.decode = decode
        self.first = 0
        """Index of the chunk's first segment among the committed ones."""
        self.start = 0
        """Absolute sample where the chunk starts."""
        self.for_end = -1
        """The speech end (absolute sample) whose pause the reading was made in."""
        self.segments: tuple[Segment, ...] | None = None

    def chunk(self, first: int, start: int) -> None:
        """A chunk was committed: its segments start at `first`, its audio at `start`."""
        self.first, self.start, self.segments = first, start, None

    def read(self, recent: Audio, total: int, speech_end: int) -> None:
        """Decode the chunk again, from `LEAD_S` before its first speech up to all audio heard;
        `recent` ends at sample `total`."""
        self.for_end = speech_end
        recent_start = total - len(recent)
        spans = self.detector.spans(max(0, self.start - SAMPLE_RATE) // WINDOW, 0.1)
        before = [s.end_sample for s in spans if s.end_sample <= self.start]
        inside = [s.start_sample for s in spans if s.end_sample > self.start]
        if not inside:
            return
        begin = max(inside[0] - int(LEAD_S * SAMPLE_RATE), *before[-1:], recent_start)
        if begin > max(inside[0], self.start):  # the chunk's speech is older than `recent`
            return
        transcript = self.decode(recent[begin - recent_start:])
        if not transcript.segments:
            return
        offset = begin / SAMPLE_RATE
        self.segments = tuple(seg.shifted(offset) for seg in transcript.segments)

    def words(self, committed: Sequence[Segment], tentative: Sequence[Segment],
              speech_end: int) -> tuple[str, list[tuple[str, float]]]:
        """The words so far (the committed ones, the last chunk's as read again in this pause
        if it was, then a pass's tentative ones), and the last words' probabilities."""
        segs = [*committed, *tentative]
        if self.segments is not None and self.for_end == speech_end and not tentative:
            segs = [*committed[:self.first], *self.segments]
        return join_text(segs), [(w.word, w.probability) for s in segs[-3:] for w in s.words]
