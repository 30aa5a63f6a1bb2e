"""An answer about the question's own subject may speak in a neighbouring domain's everyday
words: a hospital's patient vans have drivers, rides and traffic. Said in sentences that name
the subject, those words describe it; only words said apart from it show another product
(`relevance._away_from_subject`). Examples written here, apart from the calibration set."""

from __future__ import annotations

from interviewer.banks import Question
from interviewer.coach.analysis import read_answers
from tests.support.answers import one_paragraph

VANS = Question.adhoc(
    "A dialysis clinic is offered AI software that plans the daily pickups of the vans that "
    "bring its patients in, for 60,000 dollars a year. Is it worth the cost, and how would you "
    "decide?")

ABOUT_THE_VANS = one_paragraph("""
The clinic runs twelve vans, and each van costs about 70 thousand a year with its driver, fuel
and upkeep.
If better pickup plans let us retire one van, that saving covers the fee on its own.
Vans lose most of their time to traffic and to rides where a driver waits for a patient who is
not ready, so the van plan should bunch pickups by location and by clinic time.
Patients ride three times a week, so their van rides need a hard limit of 40 minutes
whatever the savings.
Before signing, I'd replay last month's van trips through the software and compare against what
actually ran: vans used, miles, ride times and late arrivals at clinic.
I'd sign if it saves one van without longer rides, and tie renewal to the vans retired.
""")

ANOTHER_PRODUCT = one_paragraph("""
I'd look at how a ride-hailing app matches riders to drivers.
Riders want an ETA they can trust, and drivers want trips that do not leave them far from the
next rider.
The match would weigh traffic, the driver's location and the destination, and surge prices
would bring more drivers out at busy times.
I'd measure trips completed, cancelled rides and driver earnings per hour, and test new matching
rules in a switchback across cities before any rollout.
""")


def test_neighbouring_domain_words_said_of_the_subject_are_on_topic() -> None:
    reading = read_answers(VANS, [ABOUT_THE_VANS])
    assert not reading.relevance.another_product
    assert not reading.off_topic


def test_another_products_words_apart_from_the_subject_are_still_elsewhere() -> None:
    reading = read_answers(VANS, [ANOTHER_PRODUCT])
    assert reading.relevance.another_product and reading.off_topic
    assert reading.overall() <= 2.0
