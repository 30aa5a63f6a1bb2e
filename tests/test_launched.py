"""A launch planned for a feature the prompt says has launched answers another question
(`launched.py`); a quick call followed by a narrower first version is on the question, however
little it repeats the prompt's words (`pivot.py`).

Examples are our own (not calibration answers).
"""

from __future__ import annotations

from interviewer.banks import Question
from interviewer.coach.launched import launch_to_come
from interviewer.coach.pivot import pivots_away

LAUNCHED = ("Our accounting app has launched an AI that matches bank transactions to invoices. How "
            "would you measure whether it is succeeding?")

PLANS_THE_LAUNCH = [
    "Before this goes in front of paying customers, I'd list what could go wrong.",
    "A wrong match closes an unpaid invoice, and nobody chases the money.",
    "The launch gate: on 5,000 past transactions, fewer than 1 in 500 wrong matches.",
    "We'd hold the launch if any beta customer found a closed invoice still unpaid.",
]

MEASURES_THE_LAUNCHED = [
    "Success is the share of transactions matched without an edit, against the manual baseline.",
    "I'd compare month-end close time in the quarter before launch and the quarter after.",
    "Guardrail: invoices wrongly closed, counted one by one.",
    "If edits stay above a fifth, the matcher is not saving time.",
]


def test_a_launch_planned_for_a_launched_feature_answers_another_question() -> None:
    assert launch_to_come(LAUNCHED, PLANS_THE_LAUNCH)


def test_measuring_a_launched_feature_is_on_the_question() -> None:
    assert not launch_to_come(LAUNCHED, MEASURES_THE_LAUNCHED)


def test_a_launch_gate_is_on_the_question_when_nothing_has_launched() -> None:
    not_yet = LAUNCHED.replace("has launched", "is building")
    assert not launch_to_come(not_yet, PLANS_THE_LAUNCH)


def test_a_launch_gate_is_on_the_question_when_the_prompt_asks_about_a_wider_launch() -> None:
    rolled = ("Our accounting app has launched an AI that matches bank transactions to invoices "
              "for 10% of firms. Should we launch it to everyone, and how would you decide?")
    extend = LAUNCHED.replace("How would you measure whether it is succeeding?",
                              "Should we keep it and extend it to payroll?")
    assert not launch_to_come(rolled, PLANS_THE_LAUNCH)
    assert not launch_to_come(extend, PLANS_THE_LAUNCH)


def test_one_aside_about_the_launch_is_not_enough() -> None:
    assert not launch_to_come(LAUNCHED, MEASURES_THE_LAUNCHED + PLANS_THE_LAUNCH[:1])


HARDWARE = ("A hardware store chain wants an AI assistant in its app that answers DIY project "
            "questions and builds a shopping list. Is it worth building, and what would you ship "
            "first?")

CALL_THEN_NARROWER_FIRST = (
    "Yes, it's worth building for the weekend DIY crowd. But the first thing I'd ship is much "
    "narrower: a parts finder for one project type, bathroom tap replacement, where people most "
    "often buy the wrong fitting. Customers photograph the old fitting, and we match it to the "
    "part on our shelves with its aisle and stock. That alone attacks the biggest cost we see, "
    "returns of wrong parts, which run at about eight percent in plumbing. Success is the return "
    "rate on plumbing parts bought through the finder against those bought without it, with a "
    "target of halving it within a quarter. If returns fall by a third in four pilot stores over "
    "two months, we widen to electrical fittings next; if not, we stop there. I'd rather start "
    "narrow than build a general assistant, because a chatbot that answers everything badly "
    "teaches customers not to trust it.")


def test_a_call_then_a_narrower_first_version_is_on_the_question() -> None:
    """A turn after a one-sentence call was tried as a pivot (bd35- dev neighbours) and sent
    this answer to 1.5: its set-aside words were the ask's ("worth", "build"), and a first
    version names its own parts, not the prompt's."""
    assert pivots_away(Question.adhoc(HARDWARE), CALL_THEN_NARROWER_FIRST) == ""
