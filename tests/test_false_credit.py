"""Credit an interviewer would not give: the product's own word read as a guardrail, a finding
"confirmed" read as a confirmation step, a colon that spells out a placeholder read as a reason,
"reach" the verb read as a ranking criterion, a dismissed risk or a measured comparison read as
a trade-off, "if the benefits outweigh the costs" read as a decision rule, and a principle said
of all technology read as reasoning about this product. Sentences are written for these tests,
not taken from the calibration files."""

from __future__ import annotations

import pytest

from interviewer.banks import Question
from interviewer.coach.analysis import read_answers
from interviewer.coach.argued import argued_commitments
from interviewer.coach.background import retells_history
from interviewer.coach.cues_concepts import FAMILIES
from interviewer.coach.cues_markers import REASON
from interviewer.coach.cues_style import GENERIC
from interviewer.coach.ground import committed_texts
from interviewer.coach.relevance import subject_terms
from interviewer.coach.typed_ground import names_risk, typed_points
from interviewer.coach.unsettled import vague_bar

SPILL = Question.adhoc(
    "A warehouse chain has trialled a ceiling camera that spots spills on the floor and alerts the "
    "cleaning crew. Should it install the system in every warehouse, and how would you decide?")
SPILL_PROMPT = frozenset(subject_terms(SPILL.prompt))

SPILL_WEAK = "\n\n".join([
    "Definitely yes. Any technology that prevents injuries should be installed everywhere as fast "
    "as we can. Forklifts and pickers move fast, and one wet patch can put a worker in hospital.",
    "The camera looks at the floor every few seconds, and if a patch stays shiny for more than "
    "ten seconds, it alerts the crew. Current vision models spot this with over 98% accuracy, so "
    "the system is clearly ready.",
    "To decide, I'd check that the trial cameras stayed connected and the alerts reached the "
    "crew's phones. Once that's confirmed, I'd install it in every warehouse at the same time, "
    "since leaving some sites out would make them less safe than others.",
])


@pytest.mark.parametrize("said", [
    "If a patch stays shiny for ten seconds, it alerts the crew.",
    "Once that's confirmed, I'd install it in every warehouse at the same time.",
])
def test_the_products_own_word_or_a_finding_confirmed_names_no_risk(said: str) -> None:
    assert not names_risk(said, SPILL_PROMPT)


@pytest.mark.parametrize("said", [
    "I'd cap pages at three per shift, so the crew does not learn to ignore them.",
    "A camera that is wrong about a spill at night sends someone across the site for nothing.",
    "Pallets left by the dock invite theft.",
    "The crew has to confirm each page before it counts.",
])
def test_a_limit_or_a_way_it_goes_wrong_names_a_risk(said: str) -> None:
    assert names_risk(said, SPILL_PROMPT)


def test_a_weak_yes_covers_no_risk_with_the_products_own_words() -> None:
    """Its only "guardrail" words are the alerts it sells and a trial "confirmed": the typed
    ground's risk point (and with it the floor at 4) is not earned."""
    reading = read_answers(SPILL, [SPILL_WEAK])
    points = typed_points(SPILL, reading.units, committed_texts(reading.units, SPILL))
    assert not points["risk"]


def test_a_principle_about_all_technology_is_generic() -> None:
    assert GENERIC.search("Any technology that prevents injuries should be installed everywhere.")
    assert not GENERIC.search("This camera prevents injuries on the loading docks.")


def test_a_colon_that_spells_out_a_placeholder_argues_nothing() -> None:
    spelled = read_answers(SPILL, [
        "I'd install the simplest thing first: a camera over the loading dock that pages the "
        "cleaning crew."])
    grounds = read_answers(SPILL, [
        "I'd install the camera over the loading dock first: it's where most spills happen."])
    assert argued_commitments(spelled.units) == 0
    assert argued_commitments(grounds.units) == 1


def test_a_question_after_a_colon_is_not_its_reason() -> None:
    assert not REASON.search(
        "I'd judge the camera on two counts: is the spill real, and does the crew come faster.")
    assert REASON.search("I'd start with the loading dock: it's where most spills happen.")


def _family(name: str):  # type: ignore[no-untyped-def]
    return next(f for f in FAMILIES if f.name == name)


def test_reach_the_verb_is_no_ranking_criterion() -> None:
    criteria = _family("criteria").pattern
    assert not criteria.search("I'd count the pages sent, since we want to reach 100% of spills.")
    assert criteria.search("Reach is the biggest for the loading docks, so they go first.")


@pytest.mark.parametrize("said, tension", [
    ("If anything goes wrong we can switch the camera off, so the risk is low.", False),
    ("Compare spill counts from the camera vs actual incident reports.", False),
    ("Measure time to clean-up for trial sites vs non-trial sites.", False),
    ("The risk is that crews stop reacting after a week of false pages.", True),
    ("The real choice is speed versus false pages.", True),
])
def test_a_dismissed_risk_or_a_measured_comparison_is_no_trade_off(said: str,
                                                                  tension: bool) -> None:
    assert bool(_family("tension").pattern.search(said)) is tension


def test_benefits_outweighing_costs_sets_no_bar() -> None:
    assert vague_bar("If the benefits outweigh the costs, we install it everywhere.")
    assert vague_bar("If it's worth it, we go ahead.")
    assert not vague_bar("If it cuts slips by a third in six months, we install it everywhere.")


def test_the_state_of_the_art_is_background_not_a_measure() -> None:
    assert retells_history(
        "Modern models can spot a spill with over 98% accuracy, so the camera is ready.")
    assert not retells_history("On the trial floors the camera caught 41 of 50 staged spills.")
    assert not retells_history("The latest models can read wet patches, so I'd test it on one "
                               "floor first.")


def test_every_problem_is_a_principle() -> None:
    assert GENERIC.search("Not every problem needs a camera, and vendors oversell.")


@pytest.mark.parametrize("said, guardrail", [
    ("If anything breaks we can always turn it off.", False),
    ("Guardrail: the share of crews who turn it off within a week.", True),
])
def test_our_own_off_switch_is_no_guardrail_metric(said: str, guardrail: bool) -> None:
    assert bool(_family("guardrails").pattern.search(said)) is guardrail


@pytest.mark.parametrize("said, horizon", [
    ("We'd ask how it fits the chain's long-term vision for its sites.", False),
    ("Long-term, I'd watch slips per thousand shifts.", True),
])
def test_a_long_term_vision_is_no_lagging_measure(said: str, horizon: bool) -> None:
    assert bool(_family("leading-lagging").pattern.search(said)) is horizon
