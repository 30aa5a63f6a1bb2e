"""The rubric's moves said in plain words are credited like their rubric names.

Examples are our own (not calibration answers): a short strong answer about AI-written
descriptions in a seed catalogue, with no rubric vocabulary, judged by how a gardener would.
"""

from __future__ import annotations

from interviewer.banks import Question
from interviewer.coach.analysis import read_answers
from interviewer.coach.cues_concepts import FAMILY_BY_NAME

PROMPT = ("Our seed catalogue now writes its plant descriptions with AI instead of having "
          "staff horticulturists write them. How would you measure whether it is working?")

PLAIN = (
    "I'd judge it by whether gardeners still get plants that grow the way the page said. "
    "First, wrong facts: have a horticulturist check a random fifty new descriptions each "
    "week; more than two wrong sowing dates in fifty is too many. Second, whether returns "
    "for plants that did not match their page stay as low as the hand-written pages did. "
    "Third, whether buyers of plants with generated pages reorder at the same rate or "
    "better, since reordering is what makes them renew the seed club. And for the staff, "
    "how many descriptions they keep without rewriting them.")


def _hits(family: str, text: str) -> bool:
    return bool(FAMILY_BY_NAME[family].pattern.search(text))


def test_plain_words_name_the_moves() -> None:
    assert _hits("north-star", "I'd judge it by whether buyers come back.")
    assert _hits("concrete", "more than two wrong dates in a hundred is too many")
    assert _hits("concrete", "how many drafts they keep without rewriting them")
    assert _hits("concrete", "whether they reorder at the same rate")
    assert _hits("measurement", "check a random fifty pages")
    assert _hits("measurement", "returns stay as low as the hand-written pages did")
    assert _hits("offline-eval", "have a subject expert check the pages")
    assert _hits("monitoring", "have someone check a random fifty pages each week")
    assert _hits("retention", "reordering is what makes them renew the club")


def test_plain_words_do_not_fire_on_unrelated_sentences() -> None:
    assert not _hits("north-star", "The judge ruled on the case.")
    assert not _hits("concrete", "We keep the old layout.")
    assert not _hits("monitoring", "We shipped it last week.")
    assert not _hits("retention", "The new catalogue looks fresh.")


def test_a_plain_strong_answer_is_credited_on_the_stressed_dimensions() -> None:
    reading = read_answers(Question.adhoc(PROMPT), [PLAIN])
    dims = {d: r.score for d, r in reading.dimensions.items()}
    assert dims["metrics"] >= 3.0 and dims["experimentation"] >= 3.0, dims
    assert reading.overall() >= 3.0
