"""An opening that sets up another feature, named once and then called "it", is off-question.

Examples are our own (not calibration answers). Asked about a plant shop's photo diagnosis of
sick houseplants, a polished answer opens "The care newsletter is for ..." and from then on
calls it "it": its name is said once, so no dwelling on it tells, but none of its words is the
prompt's and none stands for one. An answer that sets up the asked feature, or a segment, stays.
"""

from __future__ import annotations

import pytest

from interviewer.banks import Question
from interviewer.coach import meaning
from interviewer.coach.announced import announced_elsewhere, defined_object
from interviewer.coach.offline import score_answer

PROMPT = ("An online plant shop wants AI to diagnose sick houseplants from a customer's photo "
          "and suggest care. How would you measure whether it's working?")

NEWSLETTER = (
    "The monthly care newsletter is for customers in their first year with us, who buy a plant "
    "and then lose it within weeks. I'd focus on flat dwellers with low light, because they "
    "lose the most plants and buy again the least. It sends a short seasonal note with three "
    "tips matched to what they bought, written by our plant doctors with AI help. To know "
    "whether it works, I'd measure the share of readers who buy again within ninety days "
    "against customers who don't get it, with a target of five points more, and the share who "
    "open at least two of the first three issues. Guardrails are unsubscribes and complaints "
    "that it is selling rather than helping. I'd test it on half of new customers for a season "
    "and keep it only if repeat buying rises.")

ON_DEFINED = NEWSLETTER.replace("The monthly care newsletter is for",
                                "The photo diagnosis is for")
ON_TREATED = ("I'd treat the first month as a pilot, because we know little about how customers "
              "photograph their plants. " + NEWSLETTER.split(". ", 1)[1])


def test_the_first_sentence_sets_up_its_subject() -> None:
    assert defined_object(NEWSLETTER) == "monthly care newsletter"
    assert defined_object("I'd treat the loyalty stamps, a card per visit, as an experiment.") == (
        "loyalty stamps")
    assert defined_object("For me, the ranking comes down to one question.") == ""


@pytest.mark.skipif(not meaning.available(), reason="needs WordLlama's bundled vectors")
def test_another_feature_named_once_is_off_question() -> None:
    q = Question.adhoc(PROMPT)
    assert announced_elsewhere(q, NEWSLETTER) == "monthly care newsletter"
    assert score_answer(q, NEWSLETTER).overall <= 2.0


@pytest.mark.skipif(not meaning.available(), reason="needs WordLlama's bundled vectors")
@pytest.mark.parametrize("text", [ON_DEFINED, ON_TREATED])
def test_the_asked_feature_or_a_time_set_up_first_is_not_another(text: str) -> None:
    assert announced_elsewhere(Question.adhoc(PROMPT), text) == ""


def test_without_the_vectors_it_stands_aside(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(meaning, "embed", lambda texts: None)
    assert announced_elsewhere(Question.adhoc(PROMPT), NEWSLETTER) == ""
