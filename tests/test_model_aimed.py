"""An answer that opens on the model and aims at an offline number (the bd23- dev round, answers
written and graded blind): "I'd use gradient boosting or a neural network on all the data ... I'd
aim for over 90% accuracy" measures the model, not whether anyone is helped, and an interviewer
grades it below the bar (1.5) however many trade-off words follow; the coach gave it 4.0. The
same target inside product reasoning ("to validate the categories I'd measure accuracy on a
labelled sample, aiming for about 95 percent", after the users and the order of work) is one step
of a plan and keeps its score. The typed ground's measure (`typed_ground.py`) is likewise one of
the product in use: a readiness bar on a backtest's precision is the model's. Examples are
written here, apart from the calibration set."""

from __future__ import annotations

from interviewer.banks import Question
from interviewer.coach.analysis import read_answers
from interviewer.coach.ground import committed_texts
from interviewer.coach.offline_success import judged_offline
from interviewer.coach.typed_ground import typed_points
from interviewer.coach.units import Unit

TICKETS = Question.adhoc(
    "A concert ticketing site wants an ML model that decides, per visitor, when to show a "
    "queue-skip upsell. What trade-offs would you weigh, and where would you land?")

MODEL_FIRST = """
I would train a gradient boosting model or a neural network on all the visitor data we have, like
clicks, time on page, device and location. The most important thing is that the model predicts
who will buy the upsell very well, so I'd aim for over 90% accuracy. The main trade-off is
accuracy versus latency, because the decision has to be made while the page loads. I would land
on accuracy, because a more accurate model shows the upsell to the right people and sells more.
"""

PRODUCT_FIRST = """
The people it serves are fans trying to get into a sold-out show, and the trade-off is upsell
revenue against fans who feel squeezed and stop buying from us. I'd land on revenue per visitor
over 90 days rather than upsell sales this week, because a fan who feels gouged buys fewer
tickets next season. To check the model before anyone sees it I'd measure accuracy on a labelled
sample of past visits, aiming for about 85 percent, then run an A/B test on 10% of visitors for
four weeks and keep it only if revenue per visitor rises 3% with complaints flat.
"""


def _units(text: str) -> list[Unit]:
    return read_answers(TICKETS, [" ".join(text.split())]).units


def test_an_answer_that_opens_on_the_model_and_aims_at_accuracy_is_judged_offline() -> None:
    assert judged_offline(_units(MODEL_FIRST))
    assert read_answers(TICKETS, [" ".join(MODEL_FIRST.split())]).overall() <= 2.0


def test_the_same_target_inside_product_reasoning_is_a_step_of_a_plan() -> None:
    assert not judged_offline(_units(PRODUCT_FIRST))
    assert read_answers(TICKETS, [" ".join(PRODUCT_FIRST.split())]).overall() >= 3.5


ELEVATORS = Question.adhoc(
    "A building-services firm has a model that predicts which elevators will fail next week. "
    "What could go wrong with it, and how would you decide it's ready for all its buildings?")


def test_a_bar_on_a_backtest_is_not_the_products_measure() -> None:
    backtest = ("To decide if it's ready, I'd backtest it on two years of faults and want "
                "precision and recall above 80%, because false alarms waste technicians' time.")
    in_use = ("It's ready if the flagged elevators catch at least 40% of next week's failures "
              "in a six-week pilot, because that halves surprise outages.")
    for text, measured in ((backtest, False), (in_use, True)):
        units = read_answers(ELEVATORS, [text]).units
        points = typed_points(ELEVATORS, units, committed_texts(units, ELEVATORS))
        assert points["measure"] is measured


def test_success_named_as_an_offline_number_is_judged_offline() -> None:
    """"I'd measure success with accuracy on a benchmark", "if the model's accuracy is above 85%,
    it makes the app better": success is the test set's number, and nothing is compared in use."""
    for text in ("I'd measure success with the model's accuracy on a benchmark of past tickets.",
                 "If the model's accuracy is above 85% on a test set, it makes the app better."):
        assert judged_offline(_units(text))
    in_use = ("I'd measure success with accuracy on a test set first, then an A/B test on 10% "
              "of users, keeping it if refunds fall 5%.")
    assert not judged_offline(_units(in_use))
