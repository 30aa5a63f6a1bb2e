"""Figures laid out before a thin call are a landscape, not reasoning.

Examples are our own (not calibration answers). Asked how to measure a bakery app's pickup-time
estimate, an answer that first sizes the business in six sentences of figures and then says
"success means people use it and like it" is held below the bar; an answer whose numbers are
its bars and calls keeps its score, and an estimate question's figures are its move.
"""

from __future__ import annotations

from interviewer.banks import Question
from interviewer.coach.analysis import read_answers
from interviewer.coach.landscape import LANDSCAPE_CAP, lays_out_figures

PROMPT = ("Our bakery chain's app now tells each customer when their click-and-collect order "
          "will be ready. How would you measure whether this feature is a success?")

SIZED = (
    "Let me put some figures on the table first, because numbers anchor the discussion. We have "
    "about 310 shops. Each shop handles roughly 140 click-and-collect orders a day, so that's "
    "about 43,000 orders daily, or nearly 16 million a year. The average basket is about 14, so "
    "that's roughly 220 million a year through the app. If about 20% of customers arrive before "
    "their order is ready, that's 8,700 early arrivals a day. Each early arrival waits about 6 "
    "minutes on average at the counter. Given all of this, success means customers use the "
    "ready time and find it accurate. I'd look at how many orders now show the ready time and "
    "whether complaints go down a bit. If usage is high and accuracy is good, it's a success.")

GROUNDED = (
    "The ready time is there so a customer can arrive when the order is ready, not before. So "
    "my primary metric is the share of orders collected within five minutes of the promised "
    "time, which should rise from today's baseline if customers trust it. Under that: how "
    "often the order is actually ready by the promised time, by shop and hour, with a bar of 90% "
    "before we show it in a shop, because a late promise is worse than none. The business link "
    "is repeat orders per customer per month, since a wasted trip is the top reason people stop "
    "ordering ahead. Guardrails: counter queue length at peak, and staff overtime, because "
    "promising tight times can push bakers to rush. I'd switch it on shop by shop in random "
    "order over eight weeks, and if the on-time collection share does not rise by five points, "
    "I'd go back to a fixed fifteen-minute promise.")


def test_figures_laid_out_before_a_thin_call_are_held_below_the_bar() -> None:
    q = Question.adhoc(PROMPT)
    reading = read_answers(q, [SIZED])
    assert lays_out_figures(q, reading.units)
    assert reading.overall() <= LANDSCAPE_CAP


def test_numbers_that_are_bars_and_calls_keep_their_score() -> None:
    q = Question.adhoc(PROMPT)
    reading = read_answers(q, [GROUNDED])
    assert not lays_out_figures(q, reading.units)
    assert reading.overall() >= 3.5


def test_an_estimate_question_s_figures_are_its_move() -> None:
    q = Question.adhoc("Estimate how many click-and-collect orders our bakery chain handles in a "
                       "year, and what a wrong ready time costs us.")
    assert not lays_out_figures(q, read_answers(q, [SIZED]).units)
