"""Headers over bullets that each name a concept and claim nothing read as a glossary, not an
answer, even when the names are the right ones for the question (`coach/bare_list.py`). A typed
answer whose bullets make claims is structure, and is not capped."""

from __future__ import annotations

from interviewer.banks import QuestionBank
from interviewer.coach.analysis import read_answers
from interviewer.coach.bare_list import NAMES_ONLY_CAP, names_only

GLOSSARY = """
Diagnosis
- Position bias
- Winner-take-all dynamics
- Cold-start listings

Ranking levers
- Explore/exploit
- Bayesian smoothing, bandits
- Exposure quotas

Measures
- Booking concentration index
- Host churn
- Search conversion

Testing
- Geo experiments, interleaving
"""

CLAIMS = """
Cause
- Popular listings get the impressions, so the reviews, so the rank: new listings never get seen.
- Check it: if new listings convert as well per impression when shown, exposure is the problem.

Ranking change
- Rank new listings on the optimistic end of their score while they have under five reviews.
- Give listings that pass a quality bar up to 4% of first-page slots, capped per market.

Cost and measures
- Accept up to 1% fewer bookings per search, because every host who stays adds nights for years.
- Track new-host 90-day retention and days to first booking; guest ratings as the guardrail.
- Randomise by market, since boosted bookings come out of the control group's inventory.
"""


def test_a_glossary_under_headers_is_capped(bank: QuestionBank) -> None:
    """Before the rule each bullet counted as a committed item and it scored 3."""
    reading = read_answers(bank.by_id("rec-marketplace-concentration"), [GLOSSARY])
    assert names_only(reading.units)
    assert reading.overall() <= NAMES_ONLY_CAP


def test_bullets_that_make_claims_are_not_a_glossary(bank: QuestionBank) -> None:
    reading = read_answers(bank.by_id("rec-marketplace-concentration"), [CLAIMS])
    assert not names_only(reading.units)
    assert reading.overall() >= 3.5
