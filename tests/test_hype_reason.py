"""A call whose only grounds are praise of the option ("because it's the most impressive") or a
bar with nothing in it ("if the results look good") is no applied reasoning: it neither gives
the sentence a reason nor counts it as applied; the same call grounded in a user, a cost or a
number does. Examples are written for these tests (a dev-split question), not taken from the
calibration set."""

from __future__ import annotations

import pytest

from interviewer.banks import QuestionBank
from interviewer.coach.analysis import read_answers
from interviewer.coach.hype import hype_reason, unfounded
from interviewer.coach.units import is_applied


@pytest.mark.parametrize("said", [
    "I'd build the voice mode first because it's the most impressive.",
    "Next I'd do the smart replies since it goes well with the voice mode.",
    "I'd start with the chatbot because it's what people expect from AI now.",
    "The avatar comes first since it's really cool and it's the latest thing.",
])
def test_praise_of_the_option_is_no_reason(said: str) -> None:
    assert hype_reason(said)


@pytest.mark.parametrize("said", [
    "I'd build the voice mode first because half of our users cook with their hands full.",
    "I'd start with the chatbot because it's the most innovative and could cut support costs.",
    "I'd ship the timer tips first because they are the newest feature 30% of households use.",
    "I'd ship search first.",  # no reason at all: not a hype reason, just a call
])
def test_a_reason_about_users_costs_or_numbers_is_a_reason(said: str) -> None:
    assert not hype_reason(said)


def test_a_call_grounded_in_praise_or_a_vague_bar_is_not_applied(bank: QuestionBank) -> None:
    q = bank.by_id("critique-smart-speaker")
    hyped = ("The smart speaker should learn new tasks. I'd add open conversation to the speaker "
             "first because it's the most impressive.")
    grounded = ("The smart speaker should learn new tasks. I'd add kitchen timers to the speaker "
                "first because people already ask it for timers while their hands are full.")
    assert not is_applied(read_answers(q, [hyped]).units, 1)
    assert is_applied(read_answers(q, [grounded]).units, 1)
    assert unfounded("If the results look good, we roll the speaker tips out to everyone.")


def test_an_answer_of_praised_calls_scores_below_its_grounded_twin(bank: QuestionBank) -> None:
    q = bank.by_id("critique-smart-speaker")
    hyped = read_answers(q, [
        "People only use the smart speaker for timers and music. I'd add open conversation first "
        "because it's the most impressive. Then I'd add a voice avatar since it goes well with the "
        "conversation. I'd track engagement in the app. If the results look good we keep going."])
    grounded = read_answers(q, [
        "People only use the smart speaker for timers and music. I'd add one suggestion after a "
        "timer first because people are already listening then and it costs nothing to ignore. "
        "Then I'd add recipes since the timers are mostly set while cooking. I'd track the share "
        "of households that try a suggested task. If a quarter try one in the first week, we keep "
        "going."])
    assert hyped.applied_sentences < grounded.applied_sentences
    assert hyped.overall() < grounded.overall()
