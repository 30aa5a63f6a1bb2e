"""A reason that hands the prompt's own nouns back with doctrine ("so travellers stay in control
of their flights and hotels") argues nothing; a reason that brings something the question did
not say, or a short one about someone ("because they need the decisions"), still counts."""

from __future__ import annotations

from interviewer.banks import QuestionBank
from interviewer.coach.analysis import read_answers
from interviewer.coach.echoed_reason import argues
from interviewer.coach.relevance import profile

TRAVEL = "assistant-travel-booking-agent"
ECHO = ("The booking agent's guardrails should balance autonomy with safety, so travelers stay "
        "in control of their flights and hotels.")
GROUNDED = ("Confirm every payment at launch, because one wrong nonrefundable fare costs more "
            "trust than a hundred saved taps.")


def test_a_reason_made_of_the_prompts_nouns_argues_nothing(bank: QuestionBank) -> None:
    q = bank.by_id(TRAVEL)
    prompt = profile(q).prompt
    assert not argues(ECHO, prompt)
    assert argues(GROUNDED, prompt)
    assert argues("I'd focus on managers, because they need the decisions.", prompt)


def test_the_echoed_reason_applies_nothing(bank: QuestionBank) -> None:
    """Before the rule its "so" made the sentence an applied guardrail (metrics 3 or more)."""
    reading = read_answers(bank.by_id(TRAVEL), [ECHO])
    assert not any(u.reason for u in reading.units)
    assert "guardrails" not in reading.dimensions["metrics"].applied
