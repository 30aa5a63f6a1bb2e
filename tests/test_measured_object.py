"""An answer that says in its first sentence that it measures another object ("I'd measure the
delivery-time estimates by ...", asked how to measure a spoilage prediction) is about that object,
even when it keeps the prompt's words. Examples are written here, apart from the calibration set."""

from __future__ import annotations

import pytest

from interviewer.banks import Question
from interviewer.coach import meaning
from interviewer.coach.announced import announced_elsewhere, measured_objects

pytestmark = pytest.mark.skipif(meaning.embed(["bus"]) is None, reason="needs the word vectors")

FRIDGE = Question.adhoc(
    "How would you measure an AI in a grocery app that predicts when the food in a customer's "
    "fridge will spoil?")

ANOTHER_OBJECT = """
I'd measure the delivery estimates by what they cost customers. The core metric is the error in
minutes between the estimated and actual delivery, as a distribution, because a delivery that is
on time on average but sometimes forty minutes late spoils a customer's evening. I'd report the
p90 error in minutes by store and hour, and the share of deliveries that arrive more than ten
minutes after the estimate. The north star is customers who were home when the delivery came.
Guardrails: deliveries whose estimate moves by more than fifteen minutes after ordering, and
complaints about late food. I'd pilot the new estimates in two stores for a month, and keep them
only if p90 error falls by a quarter; the app predicts delivery windows for the customer's order.
"""

SAME_OBJECT = """
I'd measure the spoilage predictions by what they save customers. The core metric is how often a
food the app flagged as about to spoil really was spoiled on the date given, checked by asking a
sample of customers with a one-tap prompt, and how many days early or late the warning came. The
north star is food thrown away per household per month, from the same prompt, against customers
without the feature. Guardrails: customers who turn off the warnings, and warnings about food that
was still fine. I'd pilot it with five percent of customers for two months and keep it only if
waste falls by a tenth.
"""


def test_the_opening_says_what_it_measures() -> None:
    assert measured_objects(ANOTHER_OBJECT) == ["delivery estimates"]


def test_measuring_another_object_is_announced_elsewhere() -> None:
    assert announced_elsewhere(FRIDGE, ANOTHER_OBJECT)


def test_measuring_the_prompts_object_is_not() -> None:
    assert not announced_elsewhere(FRIDGE, SAME_OBJECT)
