"""A cost to look at is not a price paid: "we'd look at the cost of the sensors" names an input
to a sum and weighs nothing against anything, while "faster alerts at the cost of some false
alarms" names both sides of a trade-off (`cues_concepts.py`, the tension family). Examples are
written for these tests, not taken from the calibration set."""

from __future__ import annotations

import pytest

from interviewer.coach.cues_concepts import DIMENSION_FAMILIES

TENSION = next(f for f in DIMENSION_FAMILIES["trade-offs"] if f.name == "tension")


@pytest.mark.parametrize("said", [
    "We'd need to look at the cost of the sensors and the installation.",
    "I'd start by looking at the cost of a missed leak for each building.",
])
def test_a_cost_to_examine_names_no_tension(said: str) -> None:
    assert not TENSION.pattern.search(said)


@pytest.mark.parametrize("said", [
    "I'd alert within a minute, at the cost of some false alarms at night.",
    "Shipping the cheaper sensor comes at the cost of coverage in the basements.",
])
def test_a_price_paid_is_still_a_tension(said: str) -> None:
    assert TENSION.pattern.search(said)
