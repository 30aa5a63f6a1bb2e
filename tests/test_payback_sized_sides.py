"""Asked whether it is worth its cost, an answer weighs the cost when it sizes both sides of the
ledger (what is lost today, in money, and what the system costs, in money), when it states the
share that would pay for it ("win back a fifth and it pays for itself"), or when it holds the
spend to a comparison with places that go without it. A matched comparison of something else
(queue times against similar sites) is not the payback move. Examples written here, apart from
the calibration set."""

from __future__ import annotations

import pytest

from interviewer.banks import Question
from interviewer.coach.analysis import read_answers
from interviewer.coach.payback_ledger import sized_and_held
from interviewer.coach.units import question_constraints
from tests.support.answers import one_paragraph

BIKES = Question.adhoc(
    "A bike-share operator is offered AI cameras at its docks that spot damaged bikes before the "
    "next rider takes one out. Is it worth the cost?")

SHORT_IN_FIGURES = one_paragraph("""
Work it out per city.
Say 8,000 bikes, and damaged bikes ridden out cost us about $600k a year in repairs and refunds.
The cameras and the software run maybe $90k a year for the whole network.
Catch a quarter of those earlier and it pays for itself.
Much of the damage is wear a mechanic would spot anyway, so I'd start with the busiest docks.
Under a 15% cut in rides ending in a complaint, I'd put the money into more mechanics instead.
""")

BULLETS_WITH_A_COMPARISON = """
**Call**
- Yes, probably worth it.

**What it costs**
- Cameras, software licence, mechanics' time on each flag.

**How to decide**
- Trial at the twenty busiest docks vs comparable docks without cameras, for a season.
- Roll out wider if complaints fall enough to cover the cost and flags stay accurate.
"""


def test_both_sides_sized_and_the_share_that_pays_weigh_the_cost() -> None:
    assert read_answers(BIKES, [SHORT_IN_FIGURES]).ask_missed == ""


def test_a_comparison_with_docks_that_go_without_counts_in_bullets() -> None:
    assert read_answers(BIKES, [BULLETS_WITH_A_COMPARISON]).ask_missed == ""


def test_a_loss_sized_in_money_is_the_other_side_of_a_sized_cost() -> None:
    assert sized_and_held([
        "Damaged bikes ridden out cost about $600k a year in lost rides and refunds.",
        "The cameras run maybe $90k a year across the network."])
    assert not sized_and_held([  # the cost sized beside a claim with no figure
        "The cameras run maybe $90k a year across the network.",
        "Riders hate damaged bikes and the brand suffers."])


@pytest.mark.parametrize("sentence", [
    "Catch a quarter of those earlier and it pays for itself.",
    "Trial at the busiest docks vs comparable docks without cameras for a season.",
])
def test_the_share_that_pays_or_a_comparison_without_it(sentence: str) -> None:
    (payback,) = question_constraints(BIKES)
    assert payback.search(sentence)


@pytest.mark.parametrize("sentence", [
    "Then compare the average wait at the docks against ten similar docks.",
    "It pays for itself, obviously, because riders love it.",
])
def test_a_comparison_of_something_else_or_a_bare_claim_does_not(sentence: str) -> None:
    (payback,) = question_constraints(BIKES)
    assert not payback.search(sentence)
