"""A typed prompt that lists its options and asks what comes first is answered among them: a
polished plan that ships another feature of the same product first never names any option and
is held at 2. Examples are written here, apart from the calibration set."""

from __future__ import annotations

from interviewer.banks import Question
from interviewer.coach.analysis import read_answers
from interviewer.coach.offline import score_answer
from interviewer.coach.options_named import listed_options, names_no_option

NOTES = Question.adhoc(
    "Our note-taking app wants to tag notes automatically (meetings, recipes, receipts) so "
    "people can find them later. What would you ship first, and how would you test it?")

NOTES_ON_QUESTION = """
I'd ship receipt tags first. Receipts have a clear shape (a total, a date, a shop name), so a
small on-device classifier can tag them precisely, and people search for them at tax time when
a miss is painful. Meeting and recipe tags are fuzzier, so they wait until receipts work.
Testing: offline, two thousand receipts from staff who opted in, and I want 95 in 100 tagged
right. Online, an A/B test on 5% of users who have photographed a receipt: the primary metric is
the share who open a receipt from the tag within 30 days; guardrails are wrong-tag reports and
battery use. If fewer than a third ever use the tag, I'd rethink it before adding meetings.
"""

NOTES_ANOTHER_FEATURE = """
What I'd ship first: handwriting recognition, so a photo of a whiteboard or a notebook page
becomes searchable text. It is the most requested capability in our reviews, and everything
smart we do later needs the text. Scope for v1: English print and cursive, on the device, so
nothing leaves the phone. How I'd test it: offline, five hundred pages written by staff, with a
character error rate under eight percent; then an A/B test on 10% of users: primary metric,
searches that open a photographed page; guardrails, battery use and crash rate. Decision: expand
to more languages if page searches rise by ten points with no battery regression.
"""


def test_a_menu_in_parentheses_is_read_as_options() -> None:
    assert listed_options(NOTES.prompt) == ["meetings", "recipes", "receipts"]
    assert listed_options("Build albums (trips or people).") == []  # two examples, not a menu


def test_an_answer_that_picks_an_option_is_not_sent_away() -> None:
    assert not names_no_option(NOTES, [NOTES_ON_QUESTION])
    assert not read_answers(NOTES, [NOTES_ON_QUESTION]).misses_the_ask


def test_a_polished_plan_for_another_feature_is_held_at_two() -> None:
    assert names_no_option(NOTES, [NOTES_ANOTHER_FEATURE])
    assert read_answers(NOTES, [NOTES_ANOTHER_FEATURE]).misses_the_ask
    assert score_answer(NOTES, NOTES_ANOTHER_FEATURE).overall <= 2.0


def test_a_prompt_without_a_menu_has_nothing_to_choose_among() -> None:
    bare = Question.adhoc("Our note-taking app wants AI tags. What would you ship first?")
    assert not names_no_option(bare, [NOTES_ANOTHER_FEATURE])
