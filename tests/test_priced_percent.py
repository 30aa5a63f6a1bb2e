"""A percent of a price ("ten percent off", "a fifteen percent discount") prices the offer; it
does not say what success is. A polished pricing plan, asked how you would define success, never
defines it and is held at 2. Examples are written here, apart from the calibration set."""

from __future__ import annotations

from interviewer.banks import Question
from interviewer.coach.analysis import read_answers
from interviewer.coach.cues_asks import MOVES
from interviewer.coach.offline import score_answer

GYM = Question.adhoc(
    "Our gym chain is launching an app that sets each member's monthly fee from how often they "
    "check in, tracked by the app. How would you define success for it, and which one metric "
    "would you report to the board?")

GYM_PRICING_PLAN = """
The decision that matters for a usage-priced gym app is how the fee moves, because that is
what members notice. I'd set it up in three tiers.
First, a joining offer: anyone who installs the app and checks in eight times in the first
month gets fifteen percent off their next fee, which gets us the habit data we need.
Second, a monthly tier from their check-ins, from a twenty percent discount for members who come
three times a week to the standard fee for members who rarely come.
Third, a reminder in the app that shows which tier the member is heading for, so the fee feels
earned rather than imposed.
I'd launch it through the front desk and the existing members' newsletter, with the message
"come more, pay less".
"""


def test_a_percent_of_a_price_is_not_a_measure() -> None:
    metrics = MOVES["metrics"]
    assert not metrics.search("Members who finish onboarding get fifteen percent off.")
    assert not metrics.search("It ranges from a twenty percent discount to the standard fee.")
    assert metrics.search("Retention is the share of members still paying after 90 days.")
    assert metrics.search("Churn falls by ten percent against the matched clubs.")


def test_a_pricing_plan_asked_for_success_misses_the_ask() -> None:
    assert read_answers(GYM, [GYM_PRICING_PLAN]).misses_the_ask
    assert score_answer(GYM, GYM_PRICING_PLAN).overall <= 2.0
