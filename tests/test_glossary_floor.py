"""A recited list of names sits at the bottom of the scale (1.0); a recital told in sentences at
1.5 (`coach/bare_list.says_nothing`). Terse notes that make claims are neither."""

from __future__ import annotations

from interviewer.banks import QuestionBank
from interviewer.coach.analysis import read_answers
from interviewer.coach.bare_list import GLOSSARY_CAP, says_nothing

QUESTION = "rec-stale-feed"

# The product's nouns glued onto the rubric's: still a list of names.
NAMES = ("Home feed freshness: north star for the home feed, watch time, session starts, "
         "diversity of the home feed, novelty, serendipity, exploration versus exploitation, "
         "guardrail metrics, latency, cost per request, user segments, cold start, A/B test "
         "on the home feed, holdout, staged rollout, monitoring, ROI, iterate.")

SPOKEN = ("uh okay so freshness um north star watch time guardrails latency cost segments "
          "casual viewers bingers explore exploit diversity novelty ab test holdout staged "
          "rollout monitoring roi retention yeah that's about it")

RECITAL = ("First I would clarify the goal and who the users are, because every product "
           "decision should start from their needs. Then I would define a north star metric "
           "and guardrail metrics so that we do not harm the rest of the experience. After that "
           "I would brainstorm options, prioritise them by impact and effort, and pick the one "
           "with the best ratio. Finally I would validate it with an A/B test and iterate on "
           "what we learn.")

NOTES = """Segment: casual viewers, most of the base, see the same rows daily
- Demote titles skipped 3+ times on the home feed: cheap, ship first
- North star: home-feed minutes per casual viewer per week
- Guardrails: p95 feed latency under 200 ms; completion rate flat
- Test: 5% of casual viewers for 3 weeks; stop if minutes rise under 1%
"""


def test_a_list_of_names_says_nothing_and_a_recital_does() -> None:
    assert says_nothing(NAMES)
    assert says_nothing(SPOKEN)
    assert not says_nothing(RECITAL)


def test_a_recited_list_of_names_is_held_at_the_bottom(bank: QuestionBank) -> None:
    for text in (NAMES, SPOKEN):
        reading = read_answers(bank.by_id(QUESTION), [text])
        assert reading.recitation
        assert reading.overall() == GLOSSARY_CAP


def test_a_recital_in_sentences_keeps_its_floor(bank: QuestionBank) -> None:
    reading = read_answers(bank.by_id(QUESTION), [RECITAL])
    assert reading.recitation
    assert reading.overall() == 1.5


def test_terse_notes_that_make_claims_are_not_a_list_of_names(bank: QuestionBank) -> None:
    reading = read_answers(bank.by_id(QUESTION), [NOTES])
    assert says_nothing(NOTES)  # few joining words, as notes go...
    assert not reading.recitation  # ...but they commit, so the reading does not call them recited
    assert reading.overall() >= 3.0
