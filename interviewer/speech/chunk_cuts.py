"""Where the streaming transcriber cuts the open audio into final chunks, and when a pass it
already made can stand as a chunk's final transcript: pure arithmetic on sample positions,
kept apart from the worker that does the decoding."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from interviewer.speech.audio import SAMPLE_RATE
from interviewer.speech.streaming_settings import StreamingSettings
from interviewer.speech.stt import Transcript
from interviewer.speech.vad import WINDOW, Span

REUSE_MARGIN = int(0.1 * SAMPLE_RATE)
"""A pass is reused as final only if it heard this much audio past the last speech."""


@dataclass
class Decoded:
    """A pass over the open audio from `start` to `end` (absolute samples)."""

    start: int
    end: int
    transcript: Transcript


def reusable(done: Decoded | None, open_start: int, speech_end: int,
             limit: int | None = None) -> Decoded | None:
    """The last pass, if it heard all speech up to `speech_end` (absolute) and no audio past
    `limit`: then its result stands for that audio as it is."""
    if done is None or done.start != open_start:
        return None
    if done.end < speech_end + REUSE_MARGIN:
        return None
    if limit is not None and done.end > limit:
        return None
    return done


def words_before(done: Decoded | None, open_start: int, speech_end: int,
                 cut: int) -> Decoded | None:
    """The last pass, if it heard all speech up to `speech_end` and went on past `cut` (a
    worker behind the microphone starts its pass on more audio than the pause), but every word
    it wrote ends before `cut`: its words stand for the audio up to `cut`, and what it heard
    past it stays open. Without this the commit decodes that audio again, and on a loaded
    machine that decode sits between the last word and the verdict (traced: 1.3-2.0 s)."""
    if done is None or done.start != open_start or done.end <= cut:
        return None
    if done.end < speech_end + REUSE_MARGIN:
        return None
    segments = done.transcript.segments
    if not segments or any(not s.words for s in segments):
        return None  # no word timestamps: where the words end is not known
    last = max(w.end for s in segments for w in s.words)
    return done if last * SAMPLE_RATE <= cut - open_start else None


def pause_cut(span: Span, spans: Sequence[Span], heard: int, open_start: int) -> tuple[int, int]:
    """Where to commit after `span` (absolute samples): the middle of the pause after it (at
    most 0.3 s in), and how far a reusable pass may have heard: past the cut, as long as it
    stopped short of the next words."""
    following = [sp for sp in spans if sp.start > span.start]
    pause_end = following[0].start_sample if following else heard
    cut = min(span.end_sample + (pause_end - span.end_sample) // 2,
              span.end_sample + int(0.3 * SAMPLE_RATE))
    cut = max(cut - cut % WINDOW, open_start + WINDOW)
    return cut, max(cut, pause_end - REUSE_MARGIN)


def forced_cut(open_start: int, max_chunk: int, spans: Sequence[Span]) -> int:
    """No pause in `max_chunk` samples of speech: cut in its last short gap past the middle,
    or at the limit."""
    limit = open_start + max_chunk
    limit -= limit % WINDOW
    inside = [sp for sp in spans if sp.end_sample <= limit]
    gaps = [(a.end_sample + b.start_sample) // 2 for a, b in itertools.pairwise(inside)
            if b.start_sample <= limit]
    middle = open_start + (limit - open_start) // 2
    good = [g - g % WINDOW for g in gaps if g > middle]
    return good[-1] if good else limit


def heard_part(done: Decoded | None, open_start: int, spans: Sequence[Span],
               min_rest_s: float) -> tuple[int, int] | None:
    """A pass that missed the last words but ended in a gap before them (`spans` cut at short
    gaps): (its end, the end of the speech it heard), so it can stand for that audio. Not when
    less than `min_rest_s` of words follow: a decode costs ~0.3 s whatever its length
    here, and a sliver decoded alone is where Whisper falls back and makes words up."""
    if done is None or done.start != open_start or not spans:
        return None
    if spans[-1].end_sample - done.end < min_rest_s * SAMPLE_RATE:
        return None
    heard = [sp for sp in spans if sp.start_sample < done.end]
    if not heard or heard[-1].end_sample + REUSE_MARGIN > done.end or len(heard) == len(spans):
        return None
    return done.end, heard[-1].end_sample


def caption_due(s: StreamingSettings, since_pass_s: float, done: Decoded | None,
                spans: Sequence[Span]) -> bool:
    """Whether a tentative caption pass is due, `since_pass_s` after the last one."""
    if not s.caption_interval_s or since_pass_s < s.caption_interval_s:
        return False
    if done is not None:
        return spans[-1].end_sample - done.end >= 0.5 * SAMPLE_RATE
    # Speech heard, not the silence before it: a first pass over a sliver of words after
    # a quiet lead-in is where Whisper makes words up ("Bye.").
    heard = sum(sp.end_sample - sp.start_sample for sp in spans)
    return heard >= s.min_chunk_s * SAMPLE_RATE
