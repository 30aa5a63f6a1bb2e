"""An opening that names the asked feature only to set it aside for another one is off-question.

Examples are our own (not calibration answers). Asked how to measure a plant shop's photo
diagnosis of sick houseplants, a polished answer about a watering-reminder subscription shares
the shop's words (customers, plants, the app) and makes the asked move, measures with a bar,
for the other feature; its first sentence says so. An answer that opens on the asked feature
with a turn that stays on it, or with a verdict and its conditions, is never sent away.
"""

from __future__ import annotations

import pytest

from interviewer.banks import Question
from interviewer.coach import meaning
from interviewer.coach.analysis import read_answers
from interviewer.coach.offline import score_answer
from interviewer.coach.pivot import pivots_away

PROMPT = ("An online plant shop wants AI to diagnose sick houseplants from a customer's photo "
          "and suggest care. How would you measure whether it's working?")

REMINDERS = (
    "Photo diagnosis is a nice demo, but the lever I'd spend the quarter on is a watering "
    "reminder subscription, because most plants we sell die of too much or too little water. "
    "The reminder learns each customer's pot size, light and room temperature from a short "
    "setup, then pings them on the right day instead of every Sunday. Success is the share of "
    "subscribers still subscribed after ninety days, with a target of 60%, and repeat orders "
    "per subscriber against customers who never subscribed. Guardrails: unsubscribes in the "
    "first week and complaints that reminders are too frequent. I'd test it on half of new "
    "buyers for two months, with the other half getting the plain care card. If ninety-day "
    "retention of subscribers is under 40%, the reminders are noise and I'd stop them.")

# The same turn, but the answer stays on the asked feature: "the bigger problem" is its own.
ON_TURN = (
    "Photo diagnosis is easy to demo, but the bigger problem is knowing whether a diagnosis "
    "was right, because customers rarely tell us. I'd measure diagnosis accuracy against a "
    "sample of photos our plant doctors label each week, aiming for 85% agreement on the top "
    "diagnosis. The outcome that matters is whether the plant recovers: a follow-up photo two "
    "weeks after the diagnosis, scored by the same doctors. Guardrails for the diagnosis are "
    "care advice that harms a plant, such as repotting in winter, and refund requests that "
    "mention the diagnosis. I'd run the photo diagnosis for half of the customers who open the "
    "care page and compare plant survival at a month; if recovery does not beat the generic "
    "care card by ten points, the diagnosis is not working.")

# A verdict on the asked feature with its conditions, then the asked move.
ON_CALL = (
    "I'd call the photo diagnosis working only if plants recover, but I'd rather measure "
    "recovery than clicks. The headline is the share of diagnosed plants that look healthy in "
    "a follow-up photo after two weeks, against customers who got the generic care card. "
    "Behind it: agreement of the diagnosis with our plant doctors on a weekly labelled "
    "sample, and repeat purchases of the care products the diagnosis suggests. Guardrails are "
    "advice that harms a plant and refunds that mention a wrong diagnosis. A month-long test "
    "on half of the care-page visitors decides it; below ten points of extra recovery, I'd "
    "pull the diagnosis back.")


def test_the_opening_sets_the_asked_feature_aside() -> None:
    q = Question.adhoc(PROMPT)
    assert pivots_away(q, REMINDERS) == "photo"


@pytest.mark.parametrize("text", [ON_TURN, ON_CALL])
def test_a_turn_that_stays_on_the_asked_feature_is_not_a_pivot(text: str) -> None:
    assert pivots_away(Question.adhoc(PROMPT), text) == ""


def test_a_qualifier_is_not_a_redirect() -> None:
    q = Question.adhoc(PROMPT)
    qualified = REMINDERS.replace("but the lever I'd spend the quarter on is",
                                  "but it should ship in phases rather than all at once with")
    assert pivots_away(q, qualified) == ""


def test_it_stands_aside_for_a_bank_question() -> None:
    q = Question.adhoc(PROMPT)
    banked = Question(q.id, q.track, q.difficulty, q.prompt, q.dimensions, q.probes,
                      ("plant recovery", "accuracy against experts"))
    assert pivots_away(banked, REMINDERS) == ""


@pytest.mark.skipif(not meaning.available(), reason="needs WordLlama's bundled vectors")
def test_the_set_aside_answer_is_held_and_the_on_question_ones_are_not() -> None:
    q = Question.adhoc(PROMPT)
    r = read_answers(q, [REMINDERS])
    assert r.relevance.announced.startswith("set aside") and r.off_topic
    assert score_answer(q, REMINDERS).overall <= 2.0
    for text in (ON_TURN, ON_CALL):
        assert not read_answers(q, [text]).off_topic
        assert score_answer(q, text).overall >= 3.0
