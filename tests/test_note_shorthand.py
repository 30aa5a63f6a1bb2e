"""Typed notes say in shorthand what prose spells out, and score alike: "b/c" gives a reason, an
arrow draws a consequence, "w/" is "with" (`units.spelled_out`); costs compared ("trust and GDPR
cost more than a few points") name a trade-off with its side, and a measure moving that triggers
the call ("rising opt-outs mean people felt tricked, so stop") is a decision rule
(`cues_concepts.py`). Examples written for these tests."""

from __future__ import annotations

import pytest

from interviewer.banks import QuestionBank
from interviewer.coach.analysis import read_answers
from interviewer.coach.cues_concepts import FAMILIES, Family
from interviewer.coach.units import spelled_out

Q = "prio-build-vs-buy-model"


def _family(name: str) -> Family:
    return next(f for f in FAMILIES if f.name == name)


@pytest.mark.parametrize(("note", "prose"), [
    ("vendor now b/c workflow is the edge", "vendor now because workflow is the edge"),
    ("drafts slow -> agents stop using them", "drafts slow, so agents stop using them"),
    ("pilot w/ 3 customers", "pilot with 3 customers"),
    ("quality >> price", "quality far more than price"),
])
def test_shorthand_is_spelled_out(note: str, prose: str) -> None:
    assert spelled_out(note) == prose


def test_a_reason_in_shorthand_is_a_reason(bank: QuestionBank) -> None:
    q = bank.by_id(Q)
    note = "Vendor model now b/c our edge is the ticket workflow, not the model."
    plain = "Vendor model now, our edge is the ticket workflow, not the model."
    assert read_answers(q, [note]).units[0].reason
    assert not read_answers(q, [plain]).units[0].reason


@pytest.mark.parametrize("text", [
    "No training our own: six months of delay costs more than the vendor's fees.",
    "Lock-in risk outweighs the per-call savings for now.",
])
def test_costs_compared_name_a_trade_off(text: str) -> None:
    assert _family("tension").pattern.search(text)


def test_a_measure_moving_that_triggers_the_call_is_a_decision_rule() -> None:
    rule = "Rising edit rates mean agents don't trust the drafts, so stop and retrain."
    assert _family("decision-rule").pattern.search(rule)
    assert not _family("decision-rule").pattern.search(
        "Rising edit rates mean agents are busy.")
