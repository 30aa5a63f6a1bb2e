"""A "Summary" heading with nothing under it, at the very end, sums nothing up: communication
gives it no credit for a close (`analysis._communication`). A "Summary" heading with its points
under it still closes the answer. Examples written for this test."""

from __future__ import annotations

from interviewer.banks import QuestionBank
from interviewer.coach.analysis import read_answers

Q = "prio-build-vs-buy-model"
HEADERS = "Strategic question\n\nThird-party model\n\nOwn model\n\nTriggers to revisit\n\n"


def test_a_last_summary_heading_with_nothing_under_it_is_no_close(bank: QuestionBank) -> None:
    q = bank.by_id(Q)
    assert "summary" not in read_answers(q, [HEADERS + "Summary"]).dimensions[
        "communication"].applied


def test_a_summary_heading_over_its_points_is_a_close(bank: QuestionBank) -> None:
    q = bank.by_id(Q)
    text = (HEADERS + "Summary\n- Use the vendor now behind an abstraction, because the "
            "workflow is our edge; revisit when inference passes 10% of revenue.")
    assert "summary" in read_answers(q, [text]).dimensions["communication"].applied
