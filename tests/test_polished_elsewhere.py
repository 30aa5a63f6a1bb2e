"""A polished answer to another question is graded 1.5-2, not 1 (the bd23- dev round, answers
written and graded blind): reasoning of some skill, with numbers, a test and a rule, about the
same company's neighbouring feature or another product, still shows the candidate can reason; it answers nothing
asked, so it stays below the bar. A thin answer to another question stays at 1. Examples are
written here, apart from the calibration set."""

from __future__ import annotations

from interviewer.banks import Question
from interviewer.coach.analysis import ENGAGED_FLOOR, read_answers


def _said(text: str) -> str:
    return " ".join(text.split())


CINEMA = Question.adhoc(
    "A cinema chain is considering an AI assistant in its app that picks the best seats for a "
    "group and explains why. Should they build it?")

# Sound reasoning about a haulage firm's fuel costs: another question, another product.
IDLING = _said("""
The biggest cost the haulage firm isn't managing is idling: trucks burn diesel while drivers wait
at loading docks. I'd give depot managers a weekly report of idle hours per truck, with the
litres and euros lost. Trucks that idle more than two hours a day waste about 8% of their fuel,
so their drivers get dock slots booked ahead instead of queueing. Success is fuel per hundred
kilometres against a control group of depots that get no report; it is about 31 litres now and
I'd aim for 29 in a quarter. I'd run it in half the depots for eight weeks and roll out if fuel
use falls at least 4% with delivery times flat.
""")

THIN_ELSEWHERE = _said("""
Car insurance is a big topic. Drivers like cheap premiums and quick claims, and brokers are where
insurers make money. Bundles are popular and no-claims discounts are nice too.
""")


def test_a_polished_answer_to_another_question_is_below_the_bar_not_at_the_floor() -> None:
    reading = read_answers(CINEMA, [IDLING])
    assert reading.off_topic
    assert reading.overall() == ENGAGED_FLOOR


def test_a_thin_answer_to_another_question_stays_at_one() -> None:
    reading = read_answers(CINEMA, [THIN_ELSEWHERE])
    assert reading.off_topic
    assert reading.overall() == 1.0
