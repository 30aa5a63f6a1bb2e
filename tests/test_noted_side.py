"""A side taken in notes, against what it sets aside (the bd23- dev round, answers written and
graded blind): "Optimise revenue per reader over 90 days, not this week's sign-ups",
"personalise timing only, never price", "own data only, no bought lists". The ~90-word and table
twins of a strong answer to "where would you land?" take every side so, with no "I'd land on",
and were set aside as never taking one (2.0 beside their prose twin's 4.5). Examples are written
here, apart from the calibration set."""

from __future__ import annotations

from interviewer.banks import Question
from interviewer.coach.analysis import read_answers
from interviewer.coach.cues_asks import MOVES
from tests.support.answers import one_paragraph

STREAMING = Question.adhoc(
    "A music streaming service wants an ML model to decide, per listener, when the free tier "
    "plays an upgrade prompt instead of a fixed one every hour. What trade-offs would you weigh, "
    "and where would you land?")

STREAMING_SHORT = one_paragraph("""
Optimise 60-day revenue per listener (subscriptions + ads), not this week's upgrades, which
would push prompts on everyone; report listening hours alongside. Personalise timing only,
never the price, with at least 45 and at most 120 minutes between prompts, so it never feels like
nagging. Own listening data only (skips, hours, playlists), no bought lists. Keep ~10% of
listeners on random timing so it keeps learning. Test 20% model vs 80% hourly prompt for 8 weeks;
switch if revenue per listener +4% and listening hours down no more than 2%.
""")

STREAMING_UNDECIDED = """
There are trade-offs between revenue and listening time, and between personalisation and
fairness. There is also privacy to think about with the listening data. All of these matter and
the team would need to balance them carefully with the business over time.
"""


def test_a_side_against_what_it_sets_aside_is_a_side() -> None:
    side = MOVES["side"]
    assert side.search("Optimise revenue per reader over 90 days, not this week's sign-ups")
    assert side.search("Personalise timing only, never price")
    assert side.search("Own data only (skips, hours), no bought lists")


def test_a_contrast_that_sets_nothing_aside_is_no_side() -> None:
    side = MOVES["side"]
    assert not side.search("It matters for revenue, not only for reach.")
    assert not side.search("The model is trained, not yet deployed.")


def test_a_short_answer_that_takes_its_sides_in_notes_makes_the_ask() -> None:
    reading = read_answers(STREAMING, [STREAMING_SHORT])
    assert not reading.misses_the_ask
    assert reading.overall() >= 4.0


def test_an_answer_that_takes_no_side_still_misses_the_ask() -> None:
    reading = read_answers(STREAMING, [STREAMING_UNDECIDED])
    assert reading.misses_the_ask
    assert reading.overall() <= 2.0
