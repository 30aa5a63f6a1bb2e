"""Polished answers to a neighbouring question about the same product are held, on-question ones
are not: a quick answer and then a turn to another feature (`pivot.py`'s second-sentence turn),
the asked feature belittled and the AI pointed elsewhere (`pivot.py`), and a launch planned for
a feature the prompt says has launched (`launched.py`).

Examples are our own (not calibration answers).
"""

from __future__ import annotations

from interviewer.banks import Question
from interviewer.coach.launched import launch_to_come
from interviewer.coach.pivot import pivots_away
from interviewer.coach.text import split_sentences

BAKERY = ("A bakery chain wants AI to forecast how many loaves each shop should bake each morning. "
          "Is it worth the cost?")

QUICK_THEN_ELSEWHERE = (
    "At that cost the forecast is worth it. But the problem I'd rather spend the budget on is "
    "the queue at the counter at lunchtime, where customers walk out. A tablet at the door "
    "would take orders while people wait, and staff would see them on a screen behind the "
    "till. Regulars could save a usual order and pay ahead. Success is walk-outs per "
    "lunchtime, counted by the door sensor, and average wait from door to till. Guardrails: "
    "order mistakes and complaints about the tablet. I'd try it in six shops for a month "
    "against six similar ones; if walk-outs do not fall by a third, the tablets come out.")

QUICK_THEN_OWN_RISK = (
    "At that cost the forecast is worth it for the larger shops. But the bigger problem is "
    "forecasting the loaves on bank holidays, when the forecast has little history to learn "
    "from. I'd keep the forecast advisory on those days and let the shop manager bake to "
    "their own number. Loaves wasted per shop per week and sell-outs before noon are the two "
    "measures of the forecast. A forecast that cuts waste by a fifth pays for itself within a "
    "quarter at our flour prices. I'd run the forecast in ten shops against ten that bake to "
    "habit; if sell-outs of loaves rise, the forecast waits.")

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


def test_a_quick_answer_then_a_turn_elsewhere_is_a_pivot() -> None:
    assert pivots_away(Question.adhoc(BAKERY), QUICK_THEN_ELSEWHERE) != ""


def test_a_turn_that_stays_on_the_asked_feature_is_not() -> None:
    assert pivots_away(Question.adhoc(BAKERY), QUICK_THEN_OWN_RISK) == ""


def test_a_second_sentence_that_does_not_turn_is_not_a_pivot() -> None:
    # the same redirect words, without the turn against the quick answer
    text = QUICK_THEN_ELSEWHERE.replace("But the problem I'd rather", "And the problem I'd rather")
    assert pivots_away(Question.adhoc(BAKERY), text) == ""


def test_it_needs_enough_after_the_turn_to_tell() -> None:
    short = " ".join(s.text for s in split_sentences(QUICK_THEN_ELSEWHERE)[:4])
    assert pivots_away(Question.adhoc(BAKERY), short) == ""


def test_a_launch_planned_for_a_launched_feature_answers_another_question() -> None:
    assert launch_to_come(LAUNCHED, PLANS_THE_LAUNCH)


def test_measuring_a_launched_feature_is_on_the_question() -> None:
    assert not launch_to_come(LAUNCHED, MEASURES_THE_LAUNCHED)


def test_a_launch_gate_is_on_the_question_when_nothing_has_launched() -> None:
    not_yet = LAUNCHED.replace("has launched", "is building")
    assert not launch_to_come(not_yet, PLANS_THE_LAUNCH)


def test_one_aside_about_the_launch_is_not_enough() -> None:
    assert not launch_to_come(LAUNCHED, MEASURES_THE_LAUNCHED + PLANS_THE_LAUNCH[:1])


BELITTLED_ELSEWHERE = (
    "The loaf forecast is only half of the waste problem. The other half is the cakes and "
    "sandwiches thrown away at closing, which cost the chain more than bread. That's where I'd "
    "point the AI first. A closing-time markdown would cut the price of each sandwich by the "
    "hour, based on what is left on the shelf and how busy the street is. Success is sandwiches "
    "binned per shop per day and margin per sandwich sold. Guardrail: full-price sales before "
    "four o'clock, since regulars may learn to wait for the markdown. I'd run it in eight shops "
    "for six weeks against eight others; if binned sandwiches do not fall by a quarter, the "
    "markdowns stop.")


def test_belittling_the_asked_feature_then_pointing_the_ai_elsewhere_is_a_pivot() -> None:
    assert pivots_away(Question.adhoc(BAKERY), BELITTLED_ELSEWHERE) != ""


def test_belittling_alone_weighs_the_asked_feature() -> None:
    # the same opening with no place for the AI named: a view on the feature, not a pivot
    text = BELITTLED_ELSEWHERE.replace("That's where I'd point the AI first.",
                                       "That's what the chain should count too.")
    assert pivots_away(Question.adhoc(BAKERY), text) == ""


def test_pointing_the_ai_and_coming_back_to_the_feature_is_not_a_pivot() -> None:
    text = ("The loaf forecast is only half of the waste problem. That's where I'd point the AI "
            "first, at the loaves. " + QUICK_THEN_OWN_RISK)
    assert pivots_away(Question.adhoc(BAKERY), text) == ""
