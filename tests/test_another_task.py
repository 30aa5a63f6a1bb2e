"""Same ask, another task (`another_task.py`): a typed answer that dwells on a subject the prompt
never names, nor anything standing for it, answers another question. Examples written here,
apart from the calibration set; the real WordLlama vectors, which the install bundles."""

from __future__ import annotations

from interviewer.banks import Question
from interviewer.coach import meaning
from interviewer.coach.analysis import read_answers
from interviewer.coach.another_task import another_task

RIDES = Question.adhoc(
    "When a driver cancels late, a ride-hailing app wants an AI to refund riders automatically. "
    "What could go wrong, and how would you decide it is ready?")

ON_TASK = """
The riders I'd start with are those whose driver cancels within two minutes of pickup, because
that is most late cancellations and the refund rule is clear. What could go wrong: the AI refunds
riders who cancelled themselves, it misses a late cancellation so the rider pays for nothing, or
drivers learn to cancel late at no cost. The north star is the share of late-cancellation refunds
paid within an hour without an agent; guardrails are refund cost per trip and wrong refunds found
in a weekly audit. Ready means two weeks in shadow mode where its refund calls match agents on 98
percent of cancellations; then one city, and if refund cost per trip rises five percent, I'd stop.
"""

LOST_ITEMS = """
I'd treat this as a lost-item problem where speed matters to the rider and trust matters to us.
Most reports are a phone left on the back seat, and the item is usually found by the driver
within a day. What could go wrong: the AI promises an item is coming when the driver never found
it, it shares a driver's number with someone who is not the item's owner, or a rider claims an
expensive item that never existed. The north star is the share of item reports closed with the
item returned within two days, with disputes and support contacts as guardrails. Ready means
a shadow month where its item decisions match the support team's 95 percent of the time, then a
pilot in two cities; if disputes about item returns rise, we pause it.
"""

SAID_OTHERWISE = """
I'd worry most about payouts going to the wrong person. Payouts for a late cancel should be
simple, but payouts to riders who cancelled themselves are money lost, and drivers may game
payouts by cancelling at the kerb. I'd track payouts sent within an hour and payouts reversed
after an audit. Ready means payouts match what agents decide on 98 percent of a shadow month;
then one city, stopping if payouts per trip rise five percent.
"""


def test_a_plan_for_another_task_with_the_same_ask_is_off_question() -> None:
    assert meaning.available()  # bundled; without the vectors the rule stands aside
    assert not another_task(RIDES, ON_TASK)
    assert another_task(RIDES, LOST_ITEMS)  # "item" dwelt on; "refund", "cancels" never said
    reading = read_answers(RIDES, [LOST_ITEMS])
    assert reading.off_topic and reading.overall() <= 2.0
    assert not read_answers(RIDES, [ON_TASK]).off_topic


def test_a_word_standing_for_the_prompts_is_on_task() -> None:
    """"Payouts" for "refund": dwelt on, never the prompt's word, but the same thing."""
    assert not another_task(RIDES, SAID_OTHERWISE)


def test_a_bank_question_is_left_to_its_outline() -> None:
    bank = Question("q", RIDES.track, RIDES.difficulty, RIDES.prompt, RIDES.dimensions, {},
                    outline=("riders refunded when a driver cancels late",))
    assert not another_task(bank, LOST_ITEMS)
