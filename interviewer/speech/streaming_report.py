"""What the streaming transcriber reports: the live caption of an answer being spoken (what is
final, what may still change) and, at the end, the work it did."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Caption:
    """The live caption: committed text (final) and tentative text (may still change)."""

    committed: str
    tentative: str
    seconds: float
    """Audio heard so far."""

    @property
    def text(self) -> str:
        return " ".join(t for t in (self.committed, self.tentative) if t)


@dataclass(frozen=True)
class StreamStats:
    chunks: int
    tentative_passes: int
    decode_seconds: float
    tail_seconds: float
    """Audio left open when stop() came (what the final pass had to cover, at most)."""
    tail_reused: bool
    """True when the last tentative pass already covered the tail, so nothing was decoded."""
    cuts: tuple[float, ...] = ()
    """Where each chunk was made final (seconds into the answer): a diagnostic."""
