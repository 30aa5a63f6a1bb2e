"""Answers read as off the question, and how far below the bar they belong (the bd23- dev round,
answers written and graded blind; `coach/elsewhere.py`): a polished answer to another question,
with numbers, a test and a rule, still shows the candidate can reason, and a recitation of
frameworks in sentences that names no product is no worse than one that names this product:
both are graded 1.5-2, where the coach gave 1. A thin answer about something else, or a list of
names, stays at 1. Examples are written here, apart from the calibration set."""

from __future__ import annotations

from interviewer.banks import Question
from interviewer.coach.analysis import ENGAGED_FLOOR, read_answers
from tests.support.answers import one_paragraph

CINEMA = Question.adhoc(
    "A cinema chain is considering an AI assistant in its app that picks the best seats for a "
    "group and explains why. Should they build it?")

# Sound reasoning about a haulage firm's fuel costs: another question, another product.
IDLING = one_paragraph("""
The biggest cost the haulage firm isn't managing is idling: trucks burn diesel while drivers wait
at loading docks. I'd give depot managers a weekly report of idle hours per truck, with the
litres and euros lost. Trucks that idle more than two hours a day waste about 8% of their fuel,
so their drivers get dock slots booked ahead instead of queueing. Success is fuel per hundred
kilometres against a control group of depots that get no report; it is about 31 litres now and
I'd aim for 29 in a quarter. I'd run it in half the depots for eight weeks and roll out if fuel
use falls at least 4% with delivery times flat.
""")

THIN_ELSEWHERE = one_paragraph("""
Car insurance is a big topic. Drivers like cheap premiums and quick claims, and brokers are where
insurers make money. Bundles are popular and no-claims discounts are nice too.
""")


GENERIC_RECITAL = one_paragraph("""
To know whether any product decision is right, you need a structured approach. First you should
understand the users and their needs, and segment them into groups with different goals. Then
you should define a north star metric tied to business value, with guardrail metrics so nothing
else is harmed. The gold standard for measuring impact is a controlled experiment such as an A/B
test, with success criteria defined up front and statistical significance. Finally you weigh the
costs against the benefits and communicate the results clearly to stakeholders.
""")

KEYWORDS = ("users, personas, segments, jobs to be done, north star metric, guardrail metrics, "
            "leading indicators, lagging indicators, A/B test, holdout, statistical significance, "
            "novelty effect, ROI, payback period, RICE, stakeholders, roadmap, MVP, iteration")


def test_a_polished_answer_to_another_question_is_below_the_bar_not_at_the_floor() -> None:
    reading = read_answers(CINEMA, [IDLING])
    assert reading.off_topic
    assert reading.overall() == ENGAGED_FLOOR


def test_a_thin_answer_to_another_question_stays_at_one() -> None:
    reading = read_answers(CINEMA, [THIN_ELSEWHERE])
    assert reading.off_topic
    assert reading.overall() == 1.0


def test_a_recitation_in_sentences_about_no_product_is_a_recitation() -> None:
    reading = read_answers(CINEMA, [GENERIC_RECITAL])
    assert reading.off_topic
    assert reading.overall() == ENGAGED_FLOOR


def test_a_list_of_names_stays_at_one() -> None:
    reading = read_answers(CINEMA, [KEYWORDS])
    assert reading.off_topic
    assert reading.overall() == 1.0
