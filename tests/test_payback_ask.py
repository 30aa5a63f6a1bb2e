""""How would you know it pays for itself?" asks what it adds over what would have happened
without it, and only a comparison shows that (`cues_asks.PROMPT_CONSTRAINTS`). Examples written
here, apart from the calibration set."""

from __future__ import annotations

from interviewer.banks import Question
from interviewer.coach.analysis import read_answers
from tests.support.answers import one_paragraph

STREAMING = Question.adhoc(
    "A streaming service wants to give a free month to subscribers its model says are about to "
    "cancel. How would you know the free months pay for themselves?")

WITH_A_HOLDOUT = """
I'd hold out a random ten percent of the flagged subscribers who get no free month, so the
holdout shows how many would have stayed anyway. The free month pays for itself if the extra
subscribers kept in the treated group, times their margin over the next six months, exceed the
revenue given away to everyone who got it, including those who would have stayed regardless.
I'd read it by risk decile, because the top decile may leave whatever we offer and the middle
ones are where the month changes minds; if a decile's incremental margin is negative, we stop
offering it there.
"""

PRECISION_ONLY = """
To know whether the free months pay for themselves, the foundation is an accurate cancellation
model. I'd engineer features from viewing hours, days since last login, payment failures and
support contacts, and train gradient-boosted trees with cross-validation, handling the class
imbalance with class weights. I'd calibrate the scores with isotonic regression so that 0.4 means
a forty percent chance of cancelling. Then I'd pick a threshold on the precision-recall curve:
at ninety percent precision, nine in ten free months go to subscribers who really were about to
cancel, so the months are well spent and the programme pays for itself. I'd retrain monthly,
watch feature drift, and give the retention team a weekly dashboard of subscribers flagged.
"""


def test_payback_read_off_the_models_precision_misses_the_ask() -> None:
    reading = read_answers(STREAMING, [PRECISION_ONLY])
    assert reading.misses_the_ask
    assert reading.overall() <= 2.0


def test_payback_against_a_holdout_makes_the_ask() -> None:
    reading = read_answers(STREAMING, [WITH_A_HOLDOUT])
    assert not reading.misses_the_ask
    assert reading.overall() >= 3.5


COST_AGAINST_BENEFITS = one_paragraph("""
I'd set what the reminders cost to run against the benefits they bring.
The costs are the messaging fees, the model and the engineering time.
The benefit is patients who come back for their second dose on time, which saves the clinic a
rebooking call each.
I'd count second doses on time for the months before launch and the months after, and if they
rise by more than the running cost is worth, it pays for itself.
""")


def test_cost_set_against_benefits_makes_the_payback_move() -> None:
    clinic = Question.adhoc(
        "A vaccination clinic now sends AI-timed reminders for second doses. How would you know "
        "whether the reminders pay for themselves?")
    assert not read_answers(clinic, [COST_AGAINST_BENEFITS]).misses_the_ask


LAUNDRY = Question.adhoc(
    "A hotel group is offered AI software that schedules its laundry shifts, for 90,000 dollars "
    "a year. Is it worth the cost, and how would you decide?")

FEE_AND_REPLAY = one_paragraph("""
Laundry labour runs about two million a year across the group, and dropping two night shifts
saves around 120 thousand, which covers the fee.
Overtime and late linen are the real pain, so the schedule must keep every room's linen ready
by noon.
I'd rerun last year's occupancy through the scheduler and compare against what the managers
actually ran: shifts, overtime hours and late deliveries.
I'd sign if it cuts two shifts with no late linen, and tie renewal to hours saved.
""")

BUDGET_SHARE = one_paragraph("""
Yes, 90,000 dollars is a tiny share of a hotel group's budget, and scheduling is exactly what AI
does better than people.
The benefits are clear: lower costs, happier staff and fresher linen.
I'd check the vendor's references and sign a three-year deal to lock in the price.
""")


def test_the_fee_covered_and_last_year_replayed_make_the_payback_move() -> None:
    reading = read_answers(LAUNDRY, [FEE_AND_REPLAY])
    assert not reading.misses_the_ask
    assert reading.overall() > 2.0  # no longer held at the cap


def test_the_fee_as_a_share_of_the_budget_still_misses_it() -> None:
    reading = read_answers(LAUNDRY, [BUDGET_SHARE])
    assert reading.ask_missed == "constraint"
    assert reading.overall() <= 2.0
