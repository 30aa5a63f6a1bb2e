"""What ships first, named ("I'd ship a department dashboard first"), is the pick a "what would
you ship first" question asks for, whatever its words; and a plan's later steps named as such
("the second step would be routing: ...") are commitments as much as its first step is
(`units._CHOICE`, `cues_markers.DECISION`). Examples written here, apart from the calibration
set."""

from __future__ import annotations

from interviewer.banks import Question
from interviewer.coach.analysis import read_answers
from interviewer.coach.cues_markers import DECISION
from interviewer.coach.units import _CHOICE, is_applied
from tests.support.answers import one_paragraph

INBOX = Question.adhoc(
    "A city council gets hundreds of resident emails a day and wants AI to sort them for its "
    "departments. What would you ship first, and how would you test it?")

STEPS = one_paragraph("""
I'd ship a department dashboard first.
The second step would be routing the emails: potholes to roads, bins to waste, noise to licensing.
The third step would be suggested replies to residents that a clerk approves before they go out.
""")


def test_later_plan_steps_are_commitments() -> None:
    assert DECISION.search("The second step would be routing: potholes to roads.")
    assert DECISION.search("The next step is suggested replies a clerk approves.")


def test_what_ships_first_and_the_later_steps_count_as_applied() -> None:
    reading = read_answers(INBOX, [STEPS])
    units = reading.units
    assert all(is_applied(units, i) for i in range(len(units)))


def test_shipping_it_first_picks_nothing() -> None:
    assert _CHOICE.search("I'd ship a department dashboard first.")
    assert not _CHOICE.search("We'd build this first and see how it goes.")
