"""A cost named and then accepted with its reason ("I'd lose about a third of the examples and
accept that, because...") is a side taken on the trade-off, as "I'd accept a small dip" is."""

from __future__ import annotations

from interviewer.banks import QuestionBank
from interviewer.coach.analysis import read_answers

ACCEPTED = ("For training I'd keep only replies from tickets that stayed closed for two weeks. "
            "I'd lose about a third of the examples and accept that, because copying the "
            "average reply teaches the average agent's mistakes too.")
NAMED_ONLY = "Filtering the replies would lose about a third of the examples."


def test_a_cost_accepted_with_its_reason_takes_a_side(bank: QuestionBank) -> None:
    """Before the rule the sentence was a reason with no side: trade-offs stayed below the bar."""
    reading = read_answers(bank.by_id("data-support-agent-labels"), [ACCEPTED])
    assert "side-taken" in reading.dimensions["trade-offs"].applied
    assert reading.dimensions["trade-offs"].score >= 3


def test_a_cost_only_named_takes_no_side(bank: QuestionBank) -> None:
    reading = read_answers(bank.by_id("data-support-agent-labels"), [NAMED_ONLY])
    assert "side-taken" not in reading.dimensions["trade-offs"].applied
