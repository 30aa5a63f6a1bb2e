"""An answer whose opening announces another feature of the same product is off-question.

Examples are our own (not calibration answers). Asked about a scooter app's low-battery
warning, a polished answer about the fare estimate shares the product's words (riders, trips,
the app, scooters) and passes the word and centroid checks; its opening names the fare
estimate and it keeps talking about it. Answers to the question, including ones that open on
a segment or on the prompt's own object, are never sent away.
"""

from __future__ import annotations

import pytest

from interviewer.banks import Question
from interviewer.coach import meaning
from interviewer.coach.analysis import read_answers
from interviewer.coach.announced import announced_elsewhere, announced_objects
from interviewer.coach.base import AnsweredQuestion
from interviewer.coach.offline import OfflineCoach, score_answer

BACK = "Let's come back to the question"

PROMPT = ("Our e-scooter app wants a model that warns riders when their battery will not last "
          "the rest of the trip. What could go wrong, and how would you decide it is ready?")

FARE = (
    "For the fare estimate we show before a ride starts, I'd judge success by whether riders "
    "can trust the number, because a surprise fare is the top reason riders write to support "
    "and stop using the app. The fare estimate should land within fifty cents of the final "
    "fare on 90% of trips, and I'd track it separately for long trips and for rain, where the "
    "estimate breaks down most. What could go wrong: an estimate that flatters the price "
    "lifts unlocks today and costs refunds and trust later; an estimate that is too cautious "
    "loses unlocks to the competitor across the street. Guardrails are unlock conversion, "
    "refund requests per thousand trips and support contacts about fares. I'd call it ready "
    "after a two-week A/B test in two cities, and would not ship if the estimate improves but "
    "unlock conversion drops by more than a point.")

ON_SEGMENT = (
    "For commuters, I'd start here, because their trips are long, regular and the most costly "
    "to strand: a commuter whose scooter dies halfway is late for work and blames us. What "
    "could go wrong: a warning that comes too late leaves the rider walking; one that comes "
    "too often teaches riders to ignore it; a model that underestimates hills or cold mornings "
    "drains batteries faster than it predicts. I'd measure the share of trips that end with a "
    "dead battery before the destination, and the share of warnings followed by a swap or a "
    "shorter route. Ready means: in a shadow month, the model would have warned before 95% of "
    "dead-battery trips with under one false warning per twenty trips; then an A/B test in "
    "one city, and I'd stop if dead-battery trips do not fall by a third.")

ON_OBJECT = (
    "I'd measure the battery warnings by what they save riders. The core number is the share "
    "of trips that end because the battery died, which the warning should cut by at least a "
    "third. What could go wrong: warnings that come too late to act on, warnings so frequent "
    "that riders mute them, and a model that is wrong on hills and in the cold, where "
    "batteries drain fastest. Guardrails are trips cut short by a false warning and battery "
    "swap costs. I'd run it silently for a month, comparing its predictions with how trips "
    "actually ended, and call it ready when it catches 95% of dead-battery trips with under "
    "one false warning in twenty trips; then an A/B test in one city before every city.")


def test_the_opening_names_what_the_answer_is_about() -> None:
    assert announced_objects(FARE) == ["fare estimate"]
    assert announced_objects("I'd think about this as a claims problem where speed "
                             "matters.") == ["claims"]
    assert announced_objects("The status digest is for team leads who write updates.") == [
        "status digest"]
    assert announced_objects("I'd rank by harm. Users: riders who turned on AI route "
                             "planning last month.") == ["route planning last"]
    assert announced_objects("For me, the ranking comes down to one question.") == []
    assert announced_objects("Success is riders who finish their trip. An AI that "
                             "warns them is only as good as its timing.") == []


@pytest.mark.skipif(not meaning.available(), reason="needs WordLlama's bundled vectors")
def test_another_feature_of_the_same_product_is_off_question_and_brought_back() -> None:
    q = Question.adhoc(PROMPT)
    r = read_answers(q, [FARE])
    assert r.relevance.closer_to == ""  # no bank question is closer: the centroid passes it
    assert r.relevance.announced == "fare estimate" and r.off_topic
    assert score_answer(q, FARE).overall <= 2.0
    follow = OfflineCoach().follow_up(AnsweredQuestion(q, [FARE]))
    assert follow is not None and follow.text.startswith(BACK)


# Its feature named "AI <something>" in its second sentence, after an opening about harm.
HELMETS = (
    "I'd prioritise by how much each problem costs riders in time and trust. Users: riders "
    "in cities where the law requires a helmet, who now get AI helmet checks: a selfie with "
    "the helmet on before the scooter unlocks. The checks go wrong in three ways: a helmet "
    "held in the hand passes, a hood or a dark selfie fails a rider who wears one, and the "
    "check takes so long that riders give up. I'd rank them by reach times harm: false "
    "failures first, because they block paying riders every day and each one is a support "
    "contact. The north star is unlocks completed after a helmet check, with retries per "
    "check as the quality signal and helmet-related complaints as a guardrail. Each fix gets "
    "an A/B test for two weeks; if retries do not fall by a fifth, I'd move on to the next "
    "helmet problem.")


@pytest.mark.skipif(not meaning.available(), reason="needs WordLlama's bundled vectors")
def test_a_feature_named_ai_something_in_the_opening_is_announced_too() -> None:
    q = Question.adhoc(PROMPT)
    assert announced_elsewhere(q, HELMETS) == "helmet checks"
    assert score_answer(q, HELMETS).overall <= 2.0


# A lens, not another feature: trust, said again and again, is what it judges the warning by.
ON_TRUST = (
    "I'd measure trust by whether riders act on the warning. Trust is the whole product here: "
    "a warning that cries wolf is ignored, and then the one that matters is ignored too. What "
    "could go wrong: warnings too late to act on, warnings on every hill, and a model that is "
    "wrong in the cold. I'd track the share of warnings followed by a swap or a shorter route, "
    "and the share of trips that still end with a dead battery, which should fall by a third. "
    "Trust breaks with false alarms, so the guardrail is under one false warning in twenty "
    "trips. Ready means a silent month that catches 95% of dead-battery trips at that bar, "
    "then an A/B test in one city; if riders' trust in it, read as acting on warnings, "
    "falls below half, I'd stop.")


def test_a_scope_or_a_lens_is_not_another_feature() -> None:
    assert announced_objects("For airports, I'd suggest the terminal door.") == []
    assert announced_objects(ON_SEGMENT) == []  # "For commuters, I'd ...": a segment
    assert announced_objects(ON_TRUST) == ["trust"]
    assert announced_elsewhere(Question.adhoc(PROMPT), ON_TRUST) == ""


@pytest.mark.parametrize("text", [ON_SEGMENT, ON_OBJECT, ON_TRUST])
def test_an_answer_that_opens_on_a_segment_or_on_the_prompts_object_stays(text: str) -> None:
    q = Question.adhoc(PROMPT)
    assert announced_elsewhere(q, text) == ""
    assert not read_answers(q, [text]).off_topic
    assert score_answer(q, text).overall >= 3.0


# A part of the asked feature, named in the opening: the answer still talks about the prompt's
# meals, plans and basket, so it is about the question.
MEALS = ("A grocery delivery app wants an AI agent that plans a week of meals and fills the "
         "basket for you. What would you build first, and why?")
SWAPS = (
    "For the swap suggestions, I'd build them first, because they are the part of the meal "
    "agent that shoppers already feel every week. Today, when an item in the basket is out of "
    "stock, the app swaps it silently, and a family that planned a vegetarian week finds "
    "chicken at the door. Swaps are where trust in an agent that fills the basket is won or "
    "lost: a plan of meals is only as good as the items that arrive. I'd start with busy "
    "parents who reorder the same basket weekly, because they have the most history for the "
    "agent to learn from. I'd measure swap acceptance, aiming for 70%, and baskets completed "
    "without edits; swaps that break a diet rule are a guardrail at zero. If swap acceptance "
    "stays under half after a month, I'd stop and rethink before building full meal planning.")


def test_a_part_of_the_asked_feature_is_not_another_feature() -> None:
    q = Question.adhoc(MEALS)
    assert announced_objects(SWAPS) == ["swap suggestions"]
    assert announced_elsewhere(q, SWAPS) == ""
    assert not read_answers(q, [SWAPS]).off_topic


def test_it_stands_aside_for_a_bank_question_and_when_the_prompt_names_the_object() -> None:
    asked_fare = Question.adhoc("Our e-scooter app shows a fare estimate before each ride. "
                                "How would you define success for it?")
    assert announced_elsewhere(asked_fare, FARE) == ""
    q = Question.adhoc(PROMPT)
    banked = Question(q.id, q.track, q.difficulty, q.prompt, q.dimensions, q.probes,
                      ("who is stranded", "false warnings"))
    assert announced_elsewhere(banked, FARE) == ""


def test_without_the_vectors_it_stands_aside(monkeypatch: pytest.MonkeyPatch) -> None:
    """A word the prompt never says may still stand for one of its words: without the
    vectors there is no telling, so nothing is sent away."""
    monkeypatch.setattr(meaning, "embed", lambda texts: None)
    assert announced_elsewhere(Question.adhoc(PROMPT), FARE) == ""
