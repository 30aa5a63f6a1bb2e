"""How the streaming transcriber cuts an answer into chunks and how long it waits: the knobs
`StreamingTranscriber` runs with."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


class _Settings(Protocol):
    silence_end_s: float


@dataclass(frozen=True)
class StreamingSettings:
    silence_end_s: float = 8.0
    """Silence after speech that ends the answer whatever the end-of-turn detector says
    (without one, every answer); 0 = only stop() ends it."""
    beam_size: int = 5
    """Beam for every pass; 1 makes each a little faster and a little less accurate."""
    word_timestamps: bool = True
    words_later: bool = False
    """Decode while the candidate speaks without word timestamps and time the final chunks'
    words after the answer (`StreamingTranscriber.with_words()`). Off: timestamps
    cost a pass 4-5% here (bench/word_timestamps_cost.py), and the end-of-turn judge reads the
    last words' probabilities that come with them (tiny.en guesses a last word to close a
    clause cut short; without them the replay bench's mid-thought cut-offs come back, 3/20).
    When on, that late decode takes turns with Piper (`model_turns`): overlapping a synthesis,
    their transient peaks took a voice interview to ~700 MB."""
    pause_s: float = 0.6
    """A pause at least this long closes a chunk (shorter ones, as at commas, keep context)."""
    long_open_s: float = 4.0
    """Open audio this long is also closed at a short pause (`short_pause_s`, as between the
    sentences of fluent speech): every pass decodes all the open audio, and a pass over a
    whole answer (seconds of compute) is what the end of the answer would wait for."""
    short_pause_s: float = 0.3
    min_chunk_s: float = 1.0
    """Shorter speech waits to be joined with what follows (each decode has a fixed cost)."""
    max_chunk_s: float = 15.0
    """Speech this long without a pause is cut anyway, at its quietest short gap."""
    vad_threshold: float = 0.5
    end_pass_s: float = 0.15
    """Quiet after speech that starts a pass at once, so a stop finds the tail transcribed."""
    tail_after_pass: bool = True
    """When stop() comes while a pass that misses the last words runs (it started in a gap
    before them), keep that pass for what it heard and decode only the words after it; False:
    decode the whole open tail again (the behaviour before, bench/space_early.py's baseline)."""
    caption_interval_s: float = 4.0
    """At most one tentative caption pass this often; 0 = captions only at committed chunks."""

    @classmethod
    def from_settings(cls, settings: _Settings) -> StreamingSettings:
        return cls(silence_end_s=settings.silence_end_s)
