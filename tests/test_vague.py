"""A commitment with nothing in it applies nothing (`coach/vague.py`): "I'd test it thoroughly",
"we'd look at usage and satisfaction to see if people like it", "we'll keep improving it based on
feedback". Each has a verb of decision or a reason's marker and names the product, yet an
interviewer has nothing to probe: no bar, no design, no choice, nothing that fits this product
only. The same moves with a number, a choice or something of the product's own count. Examples
are written for these tests, not taken from the calibration set."""

from __future__ import annotations

import pytest

from interviewer.banks import Question
from interviewer.coach.analysis import read_answers
from interviewer.coach.relevance import profile
from interviewer.coach.units import is_applied
from interviewer.coach.vague import applied_count, vague

HARDWARE = Question.adhoc(
    "A hardware store wants an assistant in its app that tells customers which screws, anchors "
    "and bits they need for a job. What would you ship first, and how would you test it?")
STEMS = profile(HARDWARE).prompt


def _vague(said: str) -> bool:
    units = read_answers(HARDWARE, [said]).units
    return vague(units, len(units) - 1, STEMS)


@pytest.mark.parametrize("said", [
    "To test it, I would make sure the assistant works well and that the answers are accurate.",
    "We would look at metrics like usage and satisfaction to see if customers like it.",
    "After launch we should keep monitoring it and keep improving it based on feedback.",
    "It should be easy to use and fast, and the results should be reliable.",
    "I would take all of these into account and make a data-driven decision.",
])
def test_a_commitment_to_wishes_alone_is_vague(said: str) -> None:
    assert _vague(said)


@pytest.mark.parametrize("said", [
    # a bar
    "We'd ship when fewer than 2 in 100 answers send someone home with the wrong anchor.",
    # something of this product's own: the job, the failure, who checks it
    "I'd start with wall anchors for plasterboard, because a wrong anchor drops a shelf.",
    "A store associate reviews every answer about load-bearing fixings in the first month.",
    # a choice set against another
    "I'd answer from the store's own catalogue rather than from the open web.",
    "I'd choose the anchors.",
    # where to start, said as a choice of whom to serve
    "Let me start with who gets hurt by a wrong answer, because success differs for each.",
])
def test_a_bar_a_specific_or_a_choice_is_not(said: str) -> None:
    assert not _vague(said)


WISHES = ("For the first version, I would ship the assistant with its core feature. It should be "
          "easy to use and the answers should be accurate. To test it, I would make sure it "
          "works well before launching and then release it to a group of customers to get "
          "their feedback. We would look at metrics like usage and satisfaction to see if "
          "customers like it. Based on what we learn, we can keep improving it.")
SPECIFIC = ("First I'd ship the assistant for one job only: hanging things on walls, because "
            "choosing an anchor for plasterboard or brick is where customers ask staff most. It "
            "answers from our own catalogue, with the aisle and bay. To test it, associates grade "
            "300 real questions before launch; a wrong load rating is the error that matters, so "
            "the bar is none on heavy items. Then half the stores get it, and we compare return "
            "rates for fixings and repeat trips the same weekend.")


def test_wishes_in_fluent_sentences_count_as_no_reasoning() -> None:
    weak, strong = read_answers(HARDWARE, [WISHES]), read_answers(HARDWARE, [SPECIFIC])
    committed = sum(1 for i in range(len(weak.units)) if is_applied(weak.units, i))
    assert committed >= 2 and applied_count(weak.units, STEMS) == 0  # "I would ship...": wishes
    assert weak.overall() <= 2.0
    kept = sum(1 for i in range(len(strong.units)) if is_applied(strong.units, i))
    assert applied_count(strong.units, STEMS) == kept >= 3  # the specific answer loses nothing


def test_a_metric_whose_reason_only_restates_the_goal_is_named_not_applied() -> None:
    said = ("On the assistant, the north star would be engagement, because if customers use it "
            "that means they find value in it.")
    metrics = read_answers(HARDWARE, [said]).dimensions["metrics"]
    assert "north-star" in metrics.mentioned and not metrics.applied
    barred = "On the assistant, the north star would be repeat trips for the same job, under 10%."
    assert read_answers(HARDWARE, [barred]).dimensions["metrics"].applied
