"""A typed prompt that asks how you would decide the product is ready (to roll out, to turn on by
default, to go beyond a pilot) asks for a bar: an answer that never states one, however polished
its plan for something else (staffing the labelling, tuning the model), has not answered it.
Examples are written here, apart from the calibration set."""

from __future__ import annotations

from interviewer.banks import Question
from interviewer.coach.analysis import read_answers
from interviewer.coach.offline import score_answer
from interviewer.coach.units import question_asks

KIOSK = Question.adhoc(
    "A fast-food chain is piloting AI voice ordering at its drive-throughs in four restaurants. "
    "What could go wrong, and how would you decide it's ready to roll out to every restaurant?")

KIOSK_ON_QUESTION = """
What could go wrong: wrong orders that reach the window, which cost a remake and a customer's
patience; accents and car noise that the recogniser handles badly, so some customers are served
worse than others; and staff who end up correcting every third order, which erases the saving.
I'd compare the four pilot restaurants with four matched ones still taking orders by voice from
staff. Order accuracy at the window must be at least as good as staff, about 97 in 100, and
fewer than one order in ten may need a staff member to step in. Those numbers have to hold for
six weeks including a lunch rush and a weekend, and across the accents we hear in each region.
I'd only expand to the next region once the pilot clears that bar, and I'd keep a one-button
handover to a person at every speaker.
"""

KIOSK_NEIGHBOUR = """
The thing that makes voice ordering work is the menu data, so here is how I'd organise it.
Every item, modifier and combo gets a canonical name and the ways people actually say it: "a
number three", "the spicy one", "no pickles". Store managers send the local specials each week
and a small central team reviews them within a day. I'd record a thousand real orders from the
pilot restaurants, transcribe them, and tag every phrase the recogniser missed, because those
tags tell us which names to add next. The team should agree on at least nine in ten tags before
we hire a vendor for volume. With this, the ordering model learns the menu as people say it.
"""

SPORTS = Question.adhoc(
    "A sports app wants AI highlight reels ready within five minutes of the final whistle. "
    "What trade-offs would you weigh?")


def test_deciding_it_is_ready_is_an_ask() -> None:
    assert "readiness" in question_asks(KIOSK)
    assert "readiness" not in question_asks(SPORTS)  # "ready within five minutes" says when


def test_an_answer_that_states_the_bar_makes_the_ask() -> None:
    reading = read_answers(KIOSK, [KIOSK_ON_QUESTION])
    assert not reading.misses_the_ask
    assert score_answer(KIOSK, KIOSK_ON_QUESTION).overall > 2.0


def test_a_polished_data_plan_that_never_states_a_bar_is_held_at_two() -> None:
    reading = read_answers(KIOSK, [KIOSK_NEIGHBOUR])
    assert reading.misses_the_ask
    assert score_answer(KIOSK, KIOSK_NEIGHBOUR).overall <= 2.0
