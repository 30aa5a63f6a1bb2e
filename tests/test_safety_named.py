"""A prompt that asks for the product to be safe or private sets a constraint every answer must
deal with; a prompt whose product merely has "safety" in its name (safety goggles, a safety
team, trust and safety) sets none: a goggles detector asked what could go wrong is answered by
what could go wrong. Where the constraint is set, who could get hurt is dealing with it.
Examples written here, apart from the calibration set."""

from __future__ import annotations

import pytest

from interviewer.banks import Question
from interviewer.coach.analysis import read_answers
from interviewer.coach.units import question_constraints


@pytest.mark.parametrize("prompt", [
    "A lab wants to detect missing safety goggles in its camera feed. What could go wrong?",
    "You run trust and safety for a dating app. What would you build first?",
    "A factory's cameras flag safety breaches on the packing line. How would you measure it?",
])
def test_safety_in_a_name_sets_no_constraint(prompt: str) -> None:
    assert question_constraints(Question.adhoc(prompt)) == ()


@pytest.mark.parametrize("prompt", [
    "A clinic wants a symptom checker. How would you decide it is safe enough to launch?",
    "How would you design rider matching for a night bus service, with passenger safety in mind?",
    "How would you improve the feed without compromising safety?",
])
def test_safety_asked_of_the_product_is_a_constraint(prompt: str) -> None:
    assert len(question_constraints(Question.adhoc(prompt))) == 1


def test_who_could_get_hurt_deals_with_safety() -> None:
    (safety,) = question_constraints(Question.adhoc(
        "A clinic wants a symptom checker. How would you decide it is safe enough to launch?"))
    assert safety.search("A missed chest pain is the error that gets a patient hurt.")
    assert safety.search("Sending a stroke home is how someone is injured.")


LAB = Question.adhoc("A university lab wants to detect missing safety goggles in photos from its "
                     "benches. What could go wrong, and how would you decide it's ready to roll "
                     "out?")

LAB_SHORT = """
The worst miss is a student at the back bench, half turned away, goggles pushed up on the
forehead: the camera reads it as worn and nobody walks over. Next are false flags on people who
need none, like the tutor at the whiteboard, and too many of those means the lab manager stops
looking. I'd call it ready when, on benches it never saw, it finds 9 in 10 bare eyes, no bench
under 8 in 10, and fewer than three false flags a session in a four-week trial.
"""


def test_a_short_answer_on_a_goggles_detector_is_not_held_to_a_constraint() -> None:
    reading = read_answers(LAB, [LAB_SHORT])
    assert reading.ask_missed != "constraint"


def test_a_share_as_the_bar_is_a_number() -> None:
    from interviewer.coach.cues_markers import NUMBER
    assert NUMBER.search("If riders confirm under half of the flags, it stays a survey tool.")
    assert NUMBER.search("Keep it only if at least a third of the alerts lead to a visit.")
    assert not NUMBER.search("Half the riders get the new screen.")
