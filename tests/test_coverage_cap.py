"""The coverage ceiling (`coach/coverage_cap.py`): a fluent answer whose sentences each apply one
idea with its reason, but that sets no measure with a bar, names no risk, no rule and takes no
side, meets the bar at most; with two general points and still no depth it stops at 3.5; a rule
with a bar lifts the ceiling. Examples are written for these tests, not taken from the
calibration set."""

from __future__ import annotations

from interviewer.banks import Question
from interviewer.coach.analysis import read_answers
from interviewer.coach.coverage_cap import (
    NO_DEPTH_CAP,
    ONE_POINT_CAP,
    coverage_cap,
    general_points,
)
from interviewer.coach.offline import score_answer
from interviewer.rubric import MAX_SCORE
from tests.support.answers import one_paragraph

FISH = Question.adhoc(
    "An aquarium shop wants an AI that tells customers how to look after the fish they bought. "
    "How would you make it useful to new fish owners?")

# Ideas, each with its reason: no measure, no bar, no risk, no rule, no side taken.
FLUENT_IDEAS = one_paragraph("""
I'd build a care guide for each fish a customer buys, shown in the shop's app right after the
purchase. New owners lose fish in the first weeks because they overfeed them and skip water
changes, so the guide would focus on feeding and cleaning. Each guide would open with a
two-minute video from the shop's own staff, because customers already trust the people who sold
them the fish. The app would send a short reminder on the day a water change is due, so owners
build the habit early. Staff would write the guides for the 20 species the shop sells most,
since those cover nearly every sale. I'd also let owners ask the AI about a sick fish from a
photo, and pass the question to staff when it is not sure.
""")

WITH_A_RULE = FLUENT_IDEAS + " " + one_paragraph("""
If fewer than half of new owners open the guide in their first week, I'd stop the app guide and
move the reminders into text messages instead.
""")


def _cap(text: str) -> float:
    r = read_answers(FISH, [text])
    deep = any(d.depth for k, d in r.dimensions.items() if k != "communication")
    return coverage_cap(FISH, r.units, deep, set_aside=False)


def test_ideas_with_reasons_but_one_general_point_meet_the_bar_at_most() -> None:
    r = read_answers(FISH, [FLUENT_IDEAS])
    points = general_points(FISH, r.units)
    assert sum(points.values()) <= 1, points
    assert _cap(FLUENT_IDEAS) == ONE_POINT_CAP
    assert score_answer(FISH, FLUENT_IDEAS).overall <= ONE_POINT_CAP


def test_a_rule_with_a_bar_lifts_the_ceiling() -> None:
    r = read_answers(FISH, [WITH_A_RULE])
    assert general_points(FISH, r.units)["rule"]
    assert _cap(WITH_A_RULE) == MAX_SCORE


def test_no_ceiling_for_an_answer_a_gate_set_aside() -> None:
    r = read_answers(FISH, [FLUENT_IDEAS])
    assert coverage_cap(FISH, r.units, False, set_aside=True) == MAX_SCORE


def test_the_ceilings_keep_their_order() -> None:
    assert ONE_POINT_CAP < NO_DEPTH_CAP < MAX_SCORE


def test_a_bar_written_with_a_sign_makes_the_rule() -> None:
    """Notes write the bar as a sign and a quantity: the rule is there, and lifts the ceiling."""
    notes = FLUENT_IDEAS + "\n- Move on if >= 1/4 of new owners open the guide twice -> every store"
    r = read_answers(FISH, [notes])
    assert general_points(FISH, r.units)["rule"]
    assert _cap(notes) == MAX_SCORE
