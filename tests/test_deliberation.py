"""A first-person clause of weighing ("we'd need to consider...", "I'd want to understand...")
is no decision by its verb alone (`deliberation.py`); a sentence that goes on to decide keeps
its decision. Sentences written for this test."""

from __future__ import annotations

from interviewer.coach.text import split_sentences
from interviewer.coach.units import make_unit


def _decides(text: str) -> bool:
    return make_unit(split_sentences(text, 0)[0], frozenset()).decision


def test_weighing_is_no_decision() -> None:
    assert not _decides("We'd also need to consider how the kennel owners feel about the change.")
    assert not _decides("I would want to understand how the booking flow fits the clinic's day.")
    assert not _decides("We should be careful about the pricing of the premium tier.")


def test_weighing_then_deciding_keeps_the_decision() -> None:
    assert _decides("We'd need to consider the owners, so I'd launch in two cities first.")
    assert _decides("I'd cap the premium tier at five walks a week.")
