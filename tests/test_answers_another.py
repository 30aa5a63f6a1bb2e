"""An answer that makes a neighbouring question's move instead of the one asked is graded as
off-question (at most 1.5), not as a weak answer to this one (2).

Examples are our own (not calibration answers). Asked what to ship first for a garden-planning
assistant, a polished pricing answer (tiers, a free plan, price points) makes the pricing move
in most sentences and never picks what comes first; a thin answer that does pick keeps its 2+.
"""

from __future__ import annotations

from interviewer.banks import Question
from interviewer.coach.analysis import read_answers
from interviewer.coach.ask_missed import ANSWERS_ANOTHER, ELSEWHERE_CAP

PROMPT = ("We want to build an AI assistant that helps home gardeners decide what to plant each "
          "season. What would you ship first, and how would you test it?")

PRICING = (
    "I'd charge for it as a seasonal pass rather than a monthly subscription, because "
    "gardeners plan in bursts: a few evenings in early spring and again in late summer. A "
    "subscription fights that rhythm, and people cancel in June and resent the renewal. A free "
    "plan would cover one bed and the basic calendar, so people can see the quality. The paid "
    "tier at about 24 a season adds unlimited beds, frost alerts and companion-planting advice. "
    "Garden centres could bundle codes with seed purchases at a discount, which lowers our "
    "acquisition cost a lot. I'd test price points of 18, 24 and 30 on the paywall and compare "
    "revenue per visitor, with refund requests as a guardrail, and add a family pass later.")

THIN = (
    "I'd ship a planting calendar first, because that is what gardeners ask about most: what "
    "to sow this month for their region. It is simple and hard to get badly wrong. To test "
    "it, I'd give it to a group of gardeners for a season and ask whether the advice helped, "
    "and compare how many of them come back in the next season with a group that did not "
    "get it.")


def test_a_neighbours_move_in_place_of_the_ask_is_graded_as_off_question() -> None:
    reading = read_answers(Question.adhoc(PROMPT), [PRICING])
    assert reading.ask_missed in ANSWERS_ANOTHER
    assert reading.overall() <= ELSEWHERE_CAP


def test_a_thin_answer_to_the_question_keeps_its_score() -> None:
    reading = read_answers(Question.adhoc(PROMPT), [THIN])
    assert reading.ask_missed not in ANSWERS_ANOTHER
    assert reading.overall() >= 2.0
