"""An answer that works through all of a typed question's ground but one point, in a dozen
committed sentences or more, has argued its case in depth (`ground.DEEP_APPLIED`): 4.5, not the
4 of a ~five-sentence answer missing the same point. Answers written for these tests."""

from __future__ import annotations

from interviewer.banks import Question
from interviewer.coach.analysis import read_answers
from interviewer.coach.ground import (
    DEEP_APPLIED,
    HALF_FLOOR,
    MOST_FLOOR,
    TYPED_ALL,
    TYPED_MOST,
    applied_texts,
    ground_covered,
)
from tests.support.answers import one_paragraph

CANTEEN = Question.adhoc(
    "A school district wants AI to plan the weekly lunch menus, the dishes and food its school "
    "canteens cook. What "
    "could go wrong, and how would you decide it's ready to use?")

DEEP = one_paragraph("""
I'd let the AI draft the canteen menus and keep the head cook signing off, because the cook knows
which dishes the children actually eat. The worst failure is an allergen slipping into a menu,
since one nut in a pudding can put a child in hospital. So I'd keep the allergen list as a fixed
rule outside the model, and any dish that breaks it is blocked before a cook sees it. The second
risk is food waste: a menu that looks balanced on paper but that children leave on the plate
wastes the budget. I'd weigh plates after lunch in two pilot schools, since waste is the honest
signal of what children eat. The third risk is cost, because the district pays per portion and
the AI has no sense of seasonal prices. I'd give it the supplier's price list each week so it
plans around what is cheap. I'd also watch that it doesn't serve the same three dishes every week,
since variety is what keeps children eating. Cooks should be able to swap any dish, and I'd count
how often they do it. Parents get the menu a week ahead, because some plan packed lunches around
it. I'd run the pilot for a whole school term, since one month misses the
winter menus. It's ready when cooks swap fewer than a third of the dishes; if they swap more, I'd
keep it as a suggestion tool.
""")

BRIEF = one_paragraph("""
I'd let the AI draft the menus and keep the head cook signing off, because the cook knows which
dishes children eat. The worst failure is an allergen slipping in, so allergens stay a fixed rule
outside the model. I'd weigh plates after lunch in two pilot schools, since waste shows what
children eat. It's ready when cooks swap fewer than a third of the dishes.
""")


def test_the_deep_answer_misses_one_point_in_a_dozen_committed_sentences() -> None:
    units = read_answers(CANTEEN, [DEEP]).units
    assert TYPED_MOST <= ground_covered(CANTEEN, units) < TYPED_ALL
    assert len(applied_texts(units)) >= DEEP_APPLIED


def test_the_deep_answer_is_floored_at_most() -> None:
    assert read_answers(CANTEEN, [DEEP]).overall() >= MOST_FLOOR


def test_a_brief_answer_is_not_lifted_by_it() -> None:
    reading = read_answers(CANTEEN, [BRIEF])
    assert len(applied_texts(reading.units)) < DEEP_APPLIED
    assert reading.overall() < MOST_FLOOR
    assert reading.overall() >= HALF_FLOOR - 1
