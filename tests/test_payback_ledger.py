"""Asked whether it is worth its cost, an answer that sizes the cost in one sentence and holds
the call on the spend to what a test shows in another weighs the cost, though no one sentence
sets the two against each other (`payback_ledger.py`). A cost sized beside an unconditional yes,
or beside a guardrail's rollback, does not. Examples written here, apart from the calibration
set."""

from __future__ import annotations

from interviewer.banks import Question
from interviewer.coach.analysis import read_answers
from interviewer.coach.payback_ledger import sized_and_held
from tests.support.answers import one_paragraph

FERRY = Question.adhoc(
    "A ferry company with 14 boats is offered AI cameras that count passengers as they board, for "
    "3,000 dollars per boat plus 200 dollars a month. Is it worth the cost?")

IN_TWO_HALVES = one_paragraph("""
Hmm, it depends on what the counts let us change.
Crews count people by hand today, and they get it wrong on the busy summer crossings.
The money, it's about 42,000 up front and another 33,000 a year across the fleet, which is a lot
for a small operator.
Skippers might also feel watched, so I'd talk to them first.
So I'd put it on two boats for the summer, and if the crews actually stop hand counting and the
late departures go down, extend it; if not, don't.
""")

SIZED_THEN_YES = one_paragraph("""
It's about 42,000 up front and another 33,000 a year across the fleet.
Cameras are cheap now and AI counting is very accurate.
Passengers like modern boats and the crews will be glad of the help.
So yes, I'd buy it for the whole fleet.
""")


def test_the_cost_sized_and_the_spend_held_to_a_test_weigh_it() -> None:
    assert read_answers(FERRY, [IN_TWO_HALVES]).ask_missed == ""


def test_a_cost_sized_beside_an_unconditional_yes_does_not() -> None:
    reading = read_answers(FERRY, [SIZED_THEN_YES])
    assert reading.ask_missed == "constraint"
    assert reading.overall() <= 2.0


def test_a_rollback_is_no_call_on_the_spend() -> None:
    assert not sized_and_held([
        "It's about 42,000 up front and 33,000 a year.",
        "If complaints rise, we pause the cameras and roll back."])
    assert sized_and_held([
        "It's about 42,000 up front and 33,000 a year.",
        "If the late departures go down, extend it to the fleet."])


def test_one_sentence_cannot_be_both_halves() -> None:
    assert not sized_and_held(["If it costs under 40,000 dollars, extend it to the fleet."])
