"""The ask gate hears the move asked in the words an interviewer hears it in: "is it worth the
cost?" answered by the arithmetic, the break-even, the comparison or a verdict held to evidence;
"should they keep it and roll it out?" by a verdict on each part; readiness by a bar required in
figures; a side by a rule or a cost accepted. A price called cheap, a yes with a reason and no
condition, and an answer that never decides stay gated. Examples written here, apart from the
calibration set."""

from __future__ import annotations

import pytest

from interviewer.banks import Question, QuestionBank
from interviewer.coach.analysis import read_answers
from interviewer.coach.asks_bank import unmet_ask
from interviewer.coach.calibration import GAMING_KINDS, bundled_set, parse_set
from interviewer.coach.cues_asks import MOVES
from interviewer.coach.units import question_constraints
from tests.support.answers import one_paragraph

CAR_WASH = Question.adhoc(
    "A chain of 300 car washes is offered an AI service that predicts pump and brush failures a "
    "week ahead, for 900 dollars per site per year. Is it worth the cost?")

CAR_WASH_WORKED = one_paragraph("""
The bill comes to 270,000 dollars a year, so it has to avoid more than that in lost washes and
emergency repairs.
A site that goes down on a Saturday loses about 4,000 dollars of washes, and if the warnings
prevent two such closures per site a year, that is well above 270,000 across the chain.
The doubt is whether crews act on a warning a week out, so I'd switch it on at a random half of
the sites for six months and count unplanned closures against the other half.
If closures don't fall by at least a fifth, I wouldn't renew at this price.
""")

CAR_WASH_CHEAP = one_paragraph("""
I think it's worth it, because equipment keeps getting more complex and AI is good at spotting
patterns. Nine hundred dollars per site is cheap. Managers will like getting warnings and it
makes the chain look modern. So yes, I would recommend it.
""")


def test_payback_argued_in_figures_and_a_held_verdict_is_not_gated() -> None:
    reading = read_answers(CAR_WASH, [CAR_WASH_WORKED])
    assert reading.ask_missed == ""
    assert reading.overall() >= 3.0


def test_a_yes_because_it_is_cheap_stays_gated() -> None:
    reading = read_answers(CAR_WASH, [CAR_WASH_CHEAP])
    assert reading.ask_missed == "constraint"
    assert reading.overall() <= 2.0


@pytest.mark.parametrize("sentence", [
    "It is 270,000 dollars a year, which is small next to what one closed weekend costs in "
    "lost washes.",
    "If it prevents one Saturday closure per site, it pays for itself.",
    "Probably worth it, once proven on a season of data.",
    "I'd compare repair bills between warned and non-warned sites.",
    "I'd compare closures at sites that get warnings and similar sites that don't.",
])
def test_each_form_of_the_payback_move_counts(sentence: str) -> None:
    (payback,) = question_constraints(CAR_WASH)
    assert payback.search(sentence)


@pytest.mark.parametrize("sentence", [
    "Nine hundred dollars per site is cheap.",
    "The price is a tiny fraction of the maintenance budget.",
    "As long as the vendor is reputable, I'd sign a three-year deal.",
    "I think it's worth it, because breakdowns are getting more common.",
])
def test_a_price_alone_or_an_unconditional_yes_does_not(sentence: str) -> None:
    (payback,) = question_constraints(CAR_WASH)
    assert not payback.search(sentence)


GREENHOUSE = Question.adhoc(
    "A greenhouse grower piloted an AI that adjusts irrigation in two of its twelve glasshouses "
    "for a season. Should the grower keep it and roll it out to every glasshouse?")


def test_a_verdict_on_each_part_of_the_proposal_decides() -> None:
    said = ["Keep the AI irrigation, yes; roll it out everywhere, not yet.",
            "The two pilot glasshouses grow tomatoes, and the herb houses drain differently.",
            "Water use per kilo of fruit and plants lost to root rot tell us if it helped."]
    assert unmet_ask(GREENHOUSE, said) == ""


def test_the_one_who_decides_need_not_be_named() -> None:
    said = ["Water use per kilo fell 12% against the other ten houses.",
            "So I'd keep the irrigation model in the two houses and extend it to the other "
            "tomato glasshouses first."]
    assert unmet_ask(GREENHOUSE, said) == ""


def test_an_answer_that_never_decides_is_still_unmet() -> None:
    said = ["Irrigation is a hard problem because plants need different amounts of water.",
            "The AI uses sensors and weather data to decide how much to water.",
            "I'd look at water use and yield in the pilot houses."]
    assert unmet_ask(GREENHOUSE, said) == "decision"


def test_a_bar_required_in_figures_is_the_readiness_move() -> None:
    assert MOVES["readiness"].search(
        "Before any automatic spraying I'd require that growers overrule fewer than 1 in 50 of "
        "its calls over a month in shadow mode.")
    assert not MOVES["readiness"].search("I'd require good accuracy from the model.")


@pytest.mark.parametrize("sentence", [
    "I'd let it water the routine benches on its own, and always send anything unusual to a "
    "grower first.",
    "I'd accept a slower rollout to get labels we can trust.",
])
def test_a_side_as_a_rule_or_a_cost_accepted(sentence: str) -> None:
    assert MOVES["side"].search(sentence)


def test_balancing_everything_takes_no_side() -> None:
    assert not MOVES["side"].search("I'd balance all of them and make sure it is transparent.")


@pytest.mark.parametrize(("move", "sentence"), [
    ("strategy", "We could serve a niche the big players ignore, like independent bike shops."),
    ("strategy", "We could integrate with the booking tools salons already use."),
    ("design", "We could put it on the order page, next to the basket."),
    ("launch-decision", "Staff should be able to correct the schedule before it goes live."),
])
def test_a_plain_medium_makes_the_move_in_its_own_words(move: str, sentence: str) -> None:
    assert MOVES[move].search(sentence)


def test_no_dev_answer_at_the_bar_is_held_down_by_the_ask_gate(bank: QuestionBank) -> None:
    """Over the whole dev split (bd30- was written blind to find the gate's false misses): an
    answer graded 3.0 or more, of no gaming kind, that the gate reads as missing the ask is one
    that relevance already reads as drifting, so the gate costs it nothing; answers graded 2.0 or
    less are still read as missing it by the hundred."""
    name, text = bundled_set("dev")
    dev = parse_set(name, text, bank)
    readings = [(a, read_answers(a.question, [a.text])) for a in dev]
    held = [a.label for a, r in readings if a.grade >= 3.0 and a.kind not in GAMING_KINDS
            and r.ask_missed and not (r.drifting or r.off_topic)]
    assert held == []
    assert sum(1 for a, r in readings if a.grade <= 2.0 and r.ask_missed) >= 200
