""""First" that says when ("in their first ninety days", "the next two weeks") puts nothing in an
order: an answer asked what it would ship first that uses the word only so has not chosen.
Examples are written here, apart from the calibration set."""

from __future__ import annotations

import pytest

from interviewer.coach.cues_asks import MOVES

FIRST = MOVES["first-choice"]


@pytest.mark.parametrize("sentence", [
    "Retention of new tutors in their first ninety days is the business link.",
    "We'd watch the next two weeks closely.",
    "The first few sessions decide whether a learner stays.",
])
def test_a_time_is_not_an_order(sentence: str) -> None:
    assert not FIRST.search(sentence)


@pytest.mark.parametrize("sentence", [
    "I'd ship the reminder first, because it needs no model.",
    "First, the matching score; the chat assistant comes next.",
    "The first version only suggests, it never sends.",
    "I'd ship flights only, with the traveller confirming each booking.",
])
def test_an_order_is_still_an_order(sentence: str) -> None:
    assert FIRST.search(sentence)
