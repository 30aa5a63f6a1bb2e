"""A pilot's length is not its criterion: "if these numbers look good after a few months, expand"
and "if all three are positive, roll out forty depots at a time" move on with no result named,
though a number sits in the sentence. The vague verdict's bar is read in the condition's own
clause, with spans of time set aside (`time_span.py`); a bar in the condition ("if returns fall
under 4% after six weeks") still counts, and so does a time that is itself the bar ("replies
within two hours"). Examples are written here, apart from the calibration set."""

from __future__ import annotations

import pytest

from interviewer.banks import Question
from interviewer.coach.analysis import read_answers
from interviewer.coach.ground import committed_texts
from interviewer.coach.time_span import without_spans
from interviewer.coach.typed_ground import typed_points
from interviewer.coach.unsettled import vague_bar


@pytest.mark.parametrize("said", [
    "If these numbers look good after a few months, I'd call it a success and expand it.",
    "If all three are positive, I'd roll it out gradually, forty depots at a time.",
    "We'd run it for six weeks, and if the results look good we roll it out to 20% of stores.",
    "If the pilot works out well over two quarters, we add the other warehouses.",
])
def test_a_vague_verdict_stays_vague_beside_a_span_or_a_step_size(said: str) -> None:
    assert vague_bar(said)


@pytest.mark.parametrize("said", [
    "If the results look good, meaning returns under 4% after six weeks, we expand.",
    "If it works, with at least 30% of tickets closed without an agent, we keep it.",
])
def test_a_bar_inside_the_condition_is_a_bar(said: str) -> None:
    assert not vague_bar(said)


def test_a_span_is_set_aside_but_a_time_bar_is_not() -> None:
    assert "months" not in without_spans("We'd read it after a few months.")
    assert "six weeks" not in without_spans("Run it for six weeks in one region.")
    kept = "Replies go out within two hours and under five minutes on weekends."
    assert without_spans(kept) == kept


BAKERY = Question.adhoc(
    "A bakery chain wants an AI assistant that drafts each shop's daily order of flour, butter "
    "and eggs. How would you decide whether it works?")

# Measures named, a pilot's length, and a verdict of approval: no criterion for moving on.
NO_CRITERION = """
I'd look at how many shops use the drafted order each week and whether managers like it.
I'd also look at waste, since throwing away butter is expensive for the shops.
If these numbers look good after a few months, I'd call it a success and expand it to all shops.
"""

# The same plan with the criterion said: a result that moves it on.
CRITERION = """
I'd look at how many shops use the drafted order each week and whether managers like it.
I'd also look at waste, since throwing away butter is expensive for the shops.
If butter and egg waste falls by 15% in the pilot shops after two months, I'd expand it.
"""


def _points(text: str) -> dict[str, bool]:
    units = read_answers(BAKERY, [text]).units
    return typed_points(BAKERY, units, committed_texts(units, BAKERY))


def test_a_pilot_length_with_a_vague_verdict_is_no_rule_of_the_ground() -> None:
    points = _points(NO_CRITERION)
    assert not points["rule"]
    assert not points["measure"]  # "a few months" is how long it runs, not a measure's number


def test_the_same_plan_with_its_criterion_has_the_rule() -> None:
    points = _points(CRITERION)
    assert points["rule"] and points["measure"]
