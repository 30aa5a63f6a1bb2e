"""The floor for most of a question's ground (`coach/ground.py`) is for firm answers the lexicon
misses, not for one that names the ground and hedges throughout. Answers written for these
tests: the same plan, firm and hedged."""

from __future__ import annotations

from interviewer.banks import Question
from interviewer.coach.analysis import read_answers
from interviewer.coach.ground import HALF_FLOOR, TYPED_ALL, TYPED_MOST, ground_covered, hedging
from tests.support.answers import one_paragraph

ROLLOUT = Question.adhoc(
    "A houseplant app has piloted AI-written care reminders for watering and repotting. Should "
    "it roll them out to every user?")

FIRM = one_paragraph("""
Yes, I'd roll the care reminders out, but to new users first, because they are the ones whose
houseplants die in the first month. The pilot showed more plants marked as watered, and I'd check
that against a group of pilot users who got no reminders, since keen owners water anyway. The
risk is nagging: an owner who gets a reminder every day mutes the app and the plant dies anyway.
So I'd cap the reminders at two a week and let owners pick the hour. If owners who get reminders
keep more houseplants alive after two months than those who don't, I'd widen it to everyone, and
otherwise I'd go back to the plain weekly summary.
""")

HEDGED = one_paragraph("""
Probably yes, we could roll the care reminders out, maybe to new users first, because they are the
ones whose houseplants die in the first month. The pilot showed more plants marked as watered, and
we might check that against a group of pilot users who got no reminders, since keen owners water
anyway. The risk could be nagging: an owner who gets a reminder every day mutes the app and the
plant dies anyway. So perhaps we'd cap the reminders at two a week and let owners pick the hour. If
owners who get reminders keep more houseplants alive after two months than those who don't, we
could widen it to everyone, and otherwise possibly go back to the plain weekly summary.
""")


def test_both_work_through_all_of_the_ground_but_one_point() -> None:
    for text in (FIRM, HEDGED):
        units = read_answers(ROLLOUT, [text]).units
        assert TYPED_MOST <= ground_covered(ROLLOUT, units) < TYPED_ALL


def test_the_firm_plan_is_floored() -> None:
    reading = read_answers(ROLLOUT, [FIRM])
    assert not hedging(reading.units)
    assert reading.overall() >= HALF_FLOOR


def test_the_hedged_plan_is_not() -> None:
    reading = read_answers(ROLLOUT, [HEDGED])
    assert hedging(reading.units)
    assert reading.overall() < HALF_FLOOR
