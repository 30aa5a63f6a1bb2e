"""Depth on metrics is a bar: a guardrail named with why it matters but no line that trips it
stays a metric at 4, one with its line is past that. Elsewhere a reason is still depth (a side
taken with its reason on trade-offs). Examples are written for these tests (a dev-split
question), not taken from the calibration set."""

from __future__ import annotations

from interviewer.banks import QuestionBank
from interviewer.coach.analysis import read_answers
from interviewer.coach.depth import deep

METRIC = ("I'd hold the formula writer to the share of suggested spreadsheet formulas people "
          "keep a day later, since a kept formula is one that did the job.")
GUARD_WHY = ("My guardrail is complaints about wrong spreadsheet formulas, because a formula "
             "that silently breaks a budget is where trust is lost first.")
GUARD_BAR = ("My guardrail is complaints about wrong spreadsheet formulas: more than 2 per "
             "thousand suggestions stops the rollout.")


def test_a_guardrail_with_only_its_reason_is_not_metric_depth(bank: QuestionBank) -> None:
    q = bank.by_id("metrics-spreadsheet-formulas")
    why = read_answers(q, [METRIC + " " + GUARD_WHY]).dimensions["metrics"]
    bar = read_answers(q, [METRIC + " " + GUARD_BAR]).dimensions["metrics"]
    assert "guardrails" in why.applied and not why.depth
    assert bar.depth
    assert bar.score > why.score


def test_a_reason_is_still_depth_off_metrics(bank: QuestionBank) -> None:
    q = bank.by_id("metrics-spreadsheet-formulas")
    u = read_answers(q, [GUARD_WHY]).units[0]
    assert u.reason and not u.number
    assert not deep("metrics", "guardrails", u)
    assert deep("prioritization", "criteria", u)
    assert deep("metrics", "leading-lagging", u)  # leading against lagging is depth by itself
