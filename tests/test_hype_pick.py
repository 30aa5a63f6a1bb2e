"""A first pick whose only reason is hype (what everyone is talking about, the press, investors)
is held at 2; a pick with a reason of substance, or one that sets hype aside, is not. Examples
are written here, apart from the calibration set."""

from __future__ import annotations

import pytest

from interviewer.banks import Question
from interviewer.coach.analysis import read_answers
from interviewer.coach.hype import HYPE_CAP, hype_cap, hyped_pick
from tests.support.answers import one_paragraph

GARDEN = Question.adhoc(
    "A gardening app has three AI ideas: plant identification from a photo, a watering "
    "schedule from the local weather, and a chat assistant for pests. What would you build "
    "first, and why?")


HYPED = one_paragraph("""
I'd build the chat assistant first because chatbots are what everybody is talking about and it
would look great to investors. Then plant identification, then the watering schedule. Pests are
a niche anyway. The main thing is to get something with AI in it out quickly, so people see we
are modern, and we can add the other two later on.
""")

REASONED = one_paragraph("""
I'd build the watering schedule first because overwatering kills more houseplants than pests do,
and it needs only the weather feed and the plant list people already keep. Identification comes
second: it is the most requested, but a wrong name leads to wrong care. The chat assistant waits
until we can ground it in the care data, because a confident wrong answer about pesticides
would cost us trust.
""")


@pytest.mark.parametrize("sentence", [
    "I'd start with the chat assistant because it is what everyone is talking about.",
    "We'd ship recommendations first since it would be great for the press.",
])
def test_a_pick_on_hype_is_hyped(sentence: str) -> None:
    assert hyped_pick(sentence)


@pytest.mark.parametrize("sentence", [
    "I'd start with the schedule because overwatering kills most plants.",
    "I'd start with the chat assistant, not because it is trendy, but because pests are the top"
    " support question.",
    "Investors like it, but I'd start with the schedule because it is cheap.",
])
def test_a_pick_of_substance_is_not(sentence: str) -> None:
    assert not hyped_pick(sentence)


def test_an_answer_that_picks_on_hype_is_held_at_two() -> None:
    assert hype_cap(GARDEN, [HYPED]) == HYPE_CAP
    assert read_answers(GARDEN, [HYPED]).overall() <= HYPE_CAP
    assert hype_cap(GARDEN, [REASONED]) > HYPE_CAP
    assert read_answers(GARDEN, [REASONED]).overall() > HYPE_CAP
