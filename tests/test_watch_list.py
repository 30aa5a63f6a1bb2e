"""A plan to watch a list of names is not an argued call (`coach/watch_list.py`): "I'd track
revenue, churn and upsell, since..." decides nothing, so a polished scorecard is not decisive
(`argued.decisive`) and is not lifted past the no-number cap as one. Sentences written for
these tests."""

from __future__ import annotations

import pytest

from interviewer.coach.argued import firm
from interviewer.coach.watch_list import watches_a_list


@pytest.mark.parametrize("said", [
    "I'd track revenue impact, churn reduction and upsell, since the feature sets us apart.",
    "At the team layer, we'd monitor adoption, satisfaction, NPS and retention over time.",
    "I'd measure CSAT, NPS, and usage because that shows the value.",
])
def test_watching_a_list_is_not_a_call(said: str) -> None:
    assert not firm(said)


@pytest.mark.parametrize("said", [
    # one thing watched, ranked, with what it is for
    "I'd measure plants logged as watered in the first week and, more important, whether owners "
    "keep them alive, since that is the point.",
    # a list after a verb of doing, not of looking
    "I'd keep the editors, the reviewers and the old rules, because they catch what it misses.",
    "I'd track only one number: houseplants alive after ninety days.",
])
def test_a_call_or_one_measure_is_still_firm(said: str) -> None:
    assert firm(said)


def test_the_verb_decides_not_the_list() -> None:
    assert watches_a_list("I'd track", " revenue, churn and upsell")
    assert not watches_a_list("I'd cut", " revenue, churn and upsell")
