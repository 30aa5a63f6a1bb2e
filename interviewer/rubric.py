"""The product-sense rubric as data, so coaches, scorecards and reports agree on it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from interviewer.tomlcompat import tomllib

MIN_SCORE = 1
MAX_SCORE = 5
HIRE_BAR = 3
STRENGTH_BAR = 4.0
"""A dimension at or above it is a strength: no advice, and the coach stops probing it."""


@dataclass(frozen=True)
class Dimension:
    id: str
    name: str
    summary: str
    level_1: str
    level_3: str
    level_5: str

    def descriptor(self, score: float) -> str:
        """The described level (1, 3 or 5) a score has reached: a 4 meets 3, not yet 5."""
        if score < 3:
            return self.level_1 if score <= 2 else self.level_3
        return self.level_5 if score >= 4.5 else self.level_3


@cache
def _rubric_data() -> dict[str, Any]:
    text = resources.files("interviewer").joinpath("data/rubric.toml").read_text(encoding="utf-8")
    data: dict[str, Any] = tomllib.loads(text)
    return data


@cache
def dimensions() -> tuple[Dimension, ...]:
    return tuple(Dimension(**d) for d in _rubric_data()["dimensions"])


@cache
def question_kinds() -> dict[str, str]:
    """The fixed list of question kinds a bank may use, each with what it asks of a candidate."""
    return dict(_rubric_data()["question_kinds"])


def dimension_ids() -> tuple[str, ...]:
    return tuple(d.id for d in dimensions())


def dimension(dim_id: str) -> Dimension:
    for d in dimensions():
        if d.id == dim_id:
            return d
    raise KeyError(dim_id)


def clamp_score(value: float) -> float:
    return max(float(MIN_SCORE), min(float(MAX_SCORE), value))
