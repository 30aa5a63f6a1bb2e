"""An answer that pads is diluted by its words: past 40 words per applied sentence, its share of
applied reasoning shrinks (`analysis.Reading.applied_share`); an answer that does not pad keeps
its share however it is worded. Examples written for this test."""

from __future__ import annotations

import pytest

from interviewer.banks import Question
from interviewer.coach import analysis
from interviewer.coach.analysis import read_answers

KENNEL = Question.adhoc(
    "A pet-boarding chain wants AI to predict which kennel bookings will be cancelled, so it can "
    "overbook safely. What would you ship first, and how would you test it?")

POINTS = ("I'd ship the cancellation score for holiday weekend bookings first, because those "
          "weekends fill up and empty kennels cost us the most. I'd overbook by at most 5% and "
          "only where the score is above 0.8. I'd test it in ten kennels for a month against "
          "ten matched kennels, and stop if more than 1% of dogs arrive to no free kennel.")
PADDING = ("Thank you for the question, this is such an exciting space. Pets are family, and "
           "every owner wants the very best for their dog, whatever the season or the weather. "
           "Technology is changing everything in hospitality and it is moving faster every "
           "year, so the whole industry is watching closely what happens next and who wins. ")


def _share(text: str, monkeypatch: pytest.MonkeyPatch, dilute: bool) -> float:
    if not dilute:
        monkeypatch.setattr(analysis, "WORDS_PER_APPLIED", 10**6)
    return read_answers(KENNEL, [text]).applied_share()


def test_padding_dilutes_the_applied_share(monkeypatch: pytest.MonkeyPatch) -> None:
    diluted = _share(PADDING + POINTS + " " + PADDING, monkeypatch, dilute=True)
    assert diluted < _share(PADDING + POINTS + " " + PADDING, monkeypatch, dilute=False)


def test_an_answer_without_padding_keeps_its_share(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _share(POINTS, monkeypatch, dilute=True) == _share(POINTS, monkeypatch, dilute=False)
