"""A sentence announcing the items that follow ("Two things could go wrong. First, ...") labels
the move its items make, as a typed header does: the items need not repeat its words. Examples
written here, apart from the calibration set."""

from __future__ import annotations

from interviewer.banks import Question
from interviewer.coach.analysis import read_answers
from tests.support.answers import one_paragraph

PICKING = Question.adhoc(
    "A winery wants an AI to set the harvest day for each vineyard block from drone images. What "
    "could go wrong, and when would you call it ready to go live?")

ANNOUNCED = one_paragraph("""
Two things could go wrong.
First, the model calls a block ripe too early after a warm week, and the grapes are picked
thin and sour.
Second, it sets the same day for thirty blocks, so the crews cannot keep up and half of them
are picked late anyway.
I'd replay last season's drone images and compare its dates with the days our growers chose.
It's ready when it lands within two days of the growers on nine blocks in ten, and no more
than five blocks share a day.
""")

NO_ITEMS = one_paragraph("""
Two things could go wrong.
I'd replay last season's drone images and compare its dates with the days our growers chose.
It's ready when it lands within two days of the growers on nine blocks in ten.
""")


def test_items_announced_by_a_spoken_header_name_what_goes_wrong() -> None:
    reading = read_answers(PICKING, [ANNOUNCED])
    assert reading.ask_missed == ""
    assert reading.overall() > 2.0  # no longer held at the gate's cap


def test_a_header_with_no_items_after_it_names_nothing() -> None:
    assert read_answers(PICKING, [NO_ITEMS]).ask_missed == "unmet"
