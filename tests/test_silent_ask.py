"""An ask for sides whose trade-offs the rubric hears nothing of (`coach/silent_ask.py`): a polished
plan for another part of the product, asked which side to take on its trade-offs, is not an
answer to it, whatever contrast ("timing, not the text") passed the ask gate's side cue. Answers
written for these tests."""

from __future__ import annotations

from interviewer.banks import Question
from interviewer.coach.analysis import read_answers
from interviewer.coach.silent_ask import SILENT, silent_ask
from tests.support.answers import one_paragraph

PLANTS = Question.adhoc(
    "We're adding an AI that writes watering and care reminders in a houseplant app. What are "
    "the key trade-offs, and which side would you take on each?")

# A good adoption plan: segment, timing, a test, a goal, a stop rule; no tension, no side.
ADOPTION = one_paragraph("""
The hard part is getting owners to open the reminders at all, since most people water on a whim.
I'd start with owners who added five or more plants in their first week, because they have the
most to lose when a plant dies. The reminder goes out at the hour each owner usually opens the
app, and I'd test two wordings on random halves of new users, keeping the one that gets more
plants marked as watered. The goal is that 30% of reminders lead to a logged watering within a
day. If fewer than 10% do after a month, the problem is timing, not the text, and I'd move the
reminders into the weekly summary.
""")

SIDES = one_paragraph("""
The main trade-off is watering reminders often enough to save houseplants versus nagging owners
into muting the app. I'd rather send fewer care reminders, at most two a week, because a muted
app saves no houseplant. The second is tailored care advice against privacy: photos of a room
tell the AI about light, but I'd keep them on the phone and accept slightly worse reminders. I'd
judge it by houseplants still alive in the app after ninety days.
""")


def test_a_plan_that_names_no_tension_misses_a_trade_off_ask() -> None:
    reading = read_answers(PLANTS, [ADOPTION])
    assert reading.dimensions["trade-offs"].score == 1.0
    assert reading.ask_missed == SILENT
    assert reading.overall() <= 2.0


def test_tensions_with_sides_taken_answer_it() -> None:
    reading = read_answers(PLANTS, [SIDES])
    assert silent_ask(PLANTS, reading.dimensions) == ""
    assert not reading.misses_the_ask
    assert reading.overall() >= 3.5


def test_only_the_side_ask_reads_its_dimension() -> None:
    """A measuring question answered in words the metrics lexicon misses is left to the gate."""
    q = Question.adhoc("We added AI care reminders to a houseplant app. How would you measure "
                       "whether they work?")
    reading = read_answers(q, [ADOPTION])
    assert silent_ask(q, reading.dimensions) == ""
