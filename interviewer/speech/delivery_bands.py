"""Target bands for a spoken answer's delivery figures (`delivery.py` measures them): what the
reports, the progress view and the TUI compare each figure with."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Band:
    """A target band for one delivery figure: `low`..`high` (either may be open)."""

    key: str
    label: str
    unit: str
    low: float | None
    high: float | None
    text: str

    def holds(self, value: float) -> bool:
        return ((self.low is None or value >= self.low)
                and (self.high is None or value <= self.high))


DELIVERY_BANDS = (
    Band("wpm", "Pace", "words/min", 130, 160, "130-160 words a minute"),
    Band("fillers_per_min", "Fillers", "per min", None, 3, "3 or fewer a minute"),
    Band("long_pauses", "Long pauses", "over 3 s", None, 2, "2 or fewer per answer"),
    Band("seconds_to_first_point", "First point", "s", None, 20, "within 20 s"),
)
