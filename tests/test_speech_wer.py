"""The word error rate the speech tests rely on, and its text normalisation."""

from __future__ import annotations

import pytest

from tests.support.wer import normalize, number_words, wer


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Hello, World!", ["hello", "world"]),
        ("over 90%", ["over", "ninety", "percent"]),
        ("a 10-year-old", ["a", "ten", "year", "old"]),
        ("2.5 seconds", ["two", "point", "five", "seconds"]),
        ("1,500 users", ["one", "thousand", "five", "hundred", "users"]),
        ("the 3rd and 21st option", ["the", "third", "and", "twenty", "first", "option"]),
        ("guard rails, off line, labelled", ["guardrails", "offline", "labeled"]),
        ("A/B test", ["a", "b", "test"]),
        ("won't", ["wont"]),
    ],
)
def test_normalize(text: str, words: list[str]) -> None:
    assert normalize(text) == words


def test_number_words() -> None:
    assert number_words(0) == ["zero"]
    assert number_words(42) == ["forty", "two"]
    assert number_words(2_000_017) == ["two", "million", "seventeen"]


def test_wer_counts_substitutions_insertions_and_deletions() -> None:
    assert wer("the cat sat", "the cat sat") == 0.0
    assert wer("the cat sat", "the bat sat") == pytest.approx(1 / 3)
    assert wer("the cat sat", "the cat") == pytest.approx(1 / 3)
    assert wer("the cat sat", "the cat sat down") == pytest.approx(1 / 3)
    assert wer("Ninety percent.", "90%") == 0.0
    assert wer("", "") == 0.0 and wer("", "words") == 1.0
