"""A template pinned to the question by repeating the product's name in every sentence recites.

Examples are our own (not calibration answers). "The museum exhibit recommender feature should
have a north star..." says the name each time and nothing of the question besides: without the
refrain counted as its subject, it tells a method and is capped as a recitation. A real answer
that names its feature in a few sentences and says what it does otherwise keeps its score.
"""

from __future__ import annotations

from interviewer.banks import Question
from interviewer.coach.analysis import RECITATION_CAP, read_answers
from interviewer.coach.refrain import refrain

PROMPT = ("Our museum app now suggests the next exhibit to each visitor on its audio guide. "
          "How would you measure whether this is a success?")

TEMPLATE = (
    "To judge the museum exhibit recommender feature, we should begin by choosing one clear "
    "north-star metric for the museum exhibit recommender feature. The museum exhibit "
    "recommender feature should have leading and lagging indicators, so that the team can see "
    "early signals as well as long-term outcomes. The museum exhibit recommender feature also "
    "needs guardrail metrics, so that moving one number does not damage visitor trust or cost. "
    "It matters that the metrics of the museum exhibit recommender feature connect to business "
    "value such as memberships. We should validate the museum exhibit recommender feature with "
    "an A/B test and keep monitoring it after launch. In short, the museum exhibit recommender "
    "feature is a success if its metrics show value for visitors and for the museum.")

REAL = (
    "The exhibit suggestions exist so a visitor spends their limited time on exhibits "
    "they care about instead of wandering. My primary metric is the share of recommended "
    "exhibits a visitor actually walks to within ten minutes, from the guide's location pings. "
    "Beneath it: minutes of listening per visit, and the rating visitors leave at the exit "
    "kiosk. The suggestions should also spread people out: if every visitor is sent to the "
    "same famous painting, that room gets packed, so I'd track crowding in the top five rooms "
    "as a guardrail. I'd compare alternate days with recommendations on and off for a month, "
    "and if walk-to rates stay under 30%, I'd fall back to the curators' fixed route.")


def test_a_name_in_most_sentences_is_a_refrain() -> None:
    sentences = [s.strip() for s in TEMPLATE.split(". ") if s.strip()]
    assert refrain(sentences) == ("the", "museum", "exhibit", "recommender", "feature")
    assert refrain(["The exhibit guide is good.", "It helps.", "It plays.", "Visitors like it."]) \
        == ()


def test_a_template_carried_by_the_name_recites() -> None:
    q = Question.adhoc(PROMPT)
    reading = read_answers(q, [TEMPLATE])
    assert reading.recitation
    assert reading.overall() <= RECITATION_CAP


def test_an_answer_that_names_its_feature_keeps_its_reading() -> None:
    reading = read_answers(Question.adhoc(PROMPT), [REAL])
    assert not reading.recitation
    assert reading.overall() >= 3.5
