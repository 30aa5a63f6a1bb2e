""""Is it worth the cost?" is engaged by setting the cost against something (what it brings, the
other way to spend the money, what would happen without it) or by holding the call to what is
observed, whatever the words (`cues_payback.PAYBACK_BROAD`). A price called small, a yes with no
condition, and a guardrail's rollback still set nothing against the cost. Examples written here,
apart from the calibration set."""

from __future__ import annotations

import pytest

from interviewer.banks import Question
from interviewer.coach.analysis import read_answers
from interviewer.coach.units import question_constraints
from tests.support.answers import one_paragraph

WINERY = Question.adhoc(
    "A winery with 40 vineyards is offered an AI that picks the best harvest day for each block "
    "from drone images, for 2,000 dollars per block per season. Is it worth the cost?")

IN_OWN_WORDS = one_paragraph("""
Across 600 blocks the fee comes to 1.2 million dollars a season.
I'd judge it as reserve-grade bottles gained per dollar, compared with hiring two more
viticulturists to walk the rows.
The real doubt is whether growers act on a date from a screen rather than their own tasting.
So I'd run it on forty blocks for a season, with the neighbouring blocks picked the usual way.
If the forecast blocks grade higher and the growers follow the dates, extend it to every
vineyard; if they don't, I wouldn't renew.
""")

YES_BECAUSE_MODERN = one_paragraph("""
Yes, I think it's worth it, because drones and AI are the future of farming.
Two thousand dollars a block is a tiny fraction of what a vineyard spends, and AI beats people
at reading images.
Growers will like having the dates on their phones and the brand looks modern.
So I'd go for it across all forty vineyards.
""")


@pytest.mark.parametrize("sentence", [
    "I'd judge it as reserve-grade bottles gained per dollar, compared with hiring two more "
    "viticulturists.",
    "At 2,000 dollars a block, each needs about 300 extra premium bottles it would not have "
    "made otherwise.",
    "If the forecast blocks grade higher than their neighbours, extend it to every vineyard.",
    "Try it on ten blocks, and if growers use the dates and the grapes grade higher, keep it.",
])
def test_the_cost_set_against_something_or_a_call_held_to_what_is_seen(sentence: str) -> None:
    (payback,) = question_constraints(WINERY)
    assert payback.search(sentence)


@pytest.mark.parametrize("sentence", [
    "Two thousand dollars a block is a tiny fraction of what a vineyard spends, and AI beats "
    "people at reading images.",
    "If complaints from growers rise, we pause it and roll back.",
    "The benefits are obvious and the price is fair, so yes.",
    "As long as the vendor is reputable, I'd sign for three seasons.",
])
def test_a_price_called_small_a_bare_yes_or_a_rollback_does_not(sentence: str) -> None:
    (payback,) = question_constraints(WINERY)
    assert not payback.search(sentence)


def test_payback_in_own_words_is_not_gated() -> None:
    reading = read_answers(WINERY, [IN_OWN_WORDS])
    assert reading.ask_missed == ""
    assert reading.overall() >= 3.0


def test_a_yes_because_it_is_modern_stays_gated() -> None:
    reading = read_answers(WINERY, [YES_BECAUSE_MODERN])
    assert reading.ask_missed == "constraint"
    assert reading.overall() <= 2.0
