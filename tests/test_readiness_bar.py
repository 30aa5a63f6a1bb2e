"""The readiness move is a bar, in any words: a condition or a requirement on a threshold figure
("not for real until it catches 95% of them", "it has to catch at least 19 in 20"), whatever
the answer gates with it; and "when would you call it ready?" asks for one as "how would you
decide it is ready?" does. A wish for quality, or a figure with no bar, is no bar. Sentences
written here, apart from the calibration set."""

from __future__ import annotations

import pytest

from interviewer.banks import Question
from interviewer.coach.cues_asks import MOVES
from interviewer.coach.units import question_asks


@pytest.mark.parametrize("sentence", [
    "I wouldn't let it steer the harvest crews for real until, over a month in the background, "
    "it picks within two days of the growers on 90% of blocks.",
    "Before crews follow it, it has to match the growers on at least 19 in 20 blocks.",
    "It can set the dates itself once its late calls stay below 1 in 50 for a season.",
    "My bar: under 5% of blocks picked sour, and no vineyard left unpicked past its window.",
    "I'd trust it with the top blocks only when its picks are within a day on more than "
    "four in five of them.",
])
def test_a_bar_in_any_words_is_the_readiness_move(sentence: str) -> None:
    assert MOVES["readiness"].search(sentence)


@pytest.mark.parametrize("sentence", [
    "It must be fast and accurate before we use it.",
    "Once we have 500 growers, we could add a second model for frost.",
    "The drones fly over 40 vineyards every week.",
])
def test_a_wish_or_a_figure_alone_is_no_bar(sentence: str) -> None:
    assert not MOVES["readiness"].search(sentence)


def test_calling_it_ready_asks_for_the_bar() -> None:
    question = Question.adhoc(
        "A winery wants an AI to set the harvest day for each block from drone images. What "
        "could go wrong, and when would you call it ready to go live?")
    assert "readiness" in question_asks(question)
