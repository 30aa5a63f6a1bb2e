"""How the streaming transcriber cuts an answer into chunks and how long it waits: the knobs
`StreamingTranscriber` runs with."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


class _Settings(Protocol):
    silence_end_s: float
    stt_base_url: str


@dataclass(frozen=True)
class StreamingSettings:
    silence_end_s: float = 8.0
    """Silence after speech that ends the answer whatever the end-of-turn detector says
    (without one, every answer); 0 = only stop() ends it."""
    beam_size: int = 5
    """Beam for every pass; 1 makes each a little faster and a little less accurate."""
    word_timestamps: bool = True
    words_later: bool = True
    """Decode while the candidate speaks without word timestamps (they nearly double a short
    decode, and the end of the answer waits for the decode of its last sentence); the final
    chunks get theirs from `StreamingTranscriber.with_words()`, after the answer. That decode
    takes turns with Piper (`model_turns`): overlapping a synthesis, their transient peaks
    took a voice interview to ~700 MB; taking turns, no higher than off (bench/voice_memory.py).
    Off with a speech server (`from_settings`)."""
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
    caption_interval_s: float = 4.0
    """At most one tentative caption pass this often; 0 = captions only at committed chunks."""

    @classmethod
    def from_settings(cls, settings: _Settings) -> StreamingSettings:
        # A speech server times the words as it transcribes, on its own cores: asked for in
        # the passes there, rather than every final chunk sent to it a second time.
        return cls(silence_end_s=settings.silence_end_s, words_later=not settings.stt_base_url)
