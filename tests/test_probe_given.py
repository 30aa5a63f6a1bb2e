"""Follow-ups never ask for what the answer gave, and never send a thin answer on the question
back to it as if it had answered another."""

from __future__ import annotations

import pytest

from interviewer.banks import Question
from interviewer.coach.base import AnsweredQuestion
from interviewer.coach.offline import OfflineCoach
from interviewer.coach.probes import BACK_TO_QUESTION

WHO_PROBES = ("Who exactly would use this first", "Which group of users would you design for")


@pytest.mark.parametrize(("prompt", "answer"), [
    ("Should a food delivery app add an AI assistant that plans weekly meals?",
     "Busy parents would use it, because planning dinners is a chore. I think it would be "
     "popular and people would like it."),
    ("Should our bookshop app add an AI that recommends books?",
     "Our users are mostly retired readers who buy two books a month. I'd test it with a "
     "holdout and see if sales go up."),
    ("How would you define success for an AI feature that drafts replies for small-business "
     "owners in a messaging app?",
     "Small-business owners who get fifty messages a day would use it most. I'd measure how "
     "many drafts they send without edits, and keep an eye on complaints."),
])
def test_an_answer_that_names_its_users_is_not_asked_who_they_are(prompt: str,
                                                                  answer: str) -> None:
    follow = OfflineCoach().follow_up(AnsweredQuestion(Question.adhoc(prompt), [answer]))
    assert follow is not None
    assert not any(p in follow.text for p in WHO_PROBES), follow.text


def test_an_answer_that_does_not_name_users_may_be_asked() -> None:
    q = Question.adhoc("Should a food delivery app add an AI assistant that plans weekly meals?")
    follow = OfflineCoach().follow_up(AnsweredQuestion(
        q, ["I think it would be popular and it would make the app feel modern."]))
    assert follow is not None and follow.dimension == "framing"
    assert any(p in follow.text for p in WHO_PROBES), follow.text


def test_a_thin_answer_on_the_question_is_pushed_on_not_sent_back() -> None:
    q = Question.adhoc("How would you define success for an AI feature that drafts replies for "
                       "small-business owners in a messaging app?")
    answer = ("Small-business owners who get fifty messages a day would use it most. I'd "
              "measure how many drafts they send without edits, and keep an eye on complaints.")
    follow = OfflineCoach().follow_up(AnsweredQuestion(q, [answer]))
    assert follow is not None
    assert not follow.text.startswith(BACK_TO_QUESTION[:20]), follow.text
    assert follow.text.startswith("You said"), follow.text


def test_a_long_answer_that_makes_the_ask_once_in_passing_is_still_sent_back() -> None:
    q = Question.adhoc("How would you define success for an AI feature that drafts replies for "
                       "small-business owners in a messaging app?")
    answer = ("I'd price it as an add-on at nine dollars a month, because owners already pay for "
              "the inbox. A free tier of twenty drafts a week lets them try it before they pay. "
              "Annual plans get two months free, which pulls cash forward. Resellers get a "
              "thirty percent margin so they push it. I'd measure the upgrade rate once.")
    follow = OfflineCoach().follow_up(AnsweredQuestion(q, [answer]))
    assert follow is not None
    assert follow.text.startswith(BACK_TO_QUESTION[:20]), follow.text


PROBLEM_PROBE = "What problem are those people trying to solve today"


@pytest.mark.parametrize("problem", [
    "because planning dinners is a chore",
    "because they spend an hour every Sunday planning dinners",
    "because they are tired of deciding what to cook every night",
])
def test_an_answer_that_states_the_problem_plainly_is_not_asked_for_it(problem: str) -> None:
    q = Question.adhoc("Should a food delivery app add an AI assistant that plans weekly meals?")
    answer = f"Busy parents would use it, {problem}. I think it would be popular."
    follow = OfflineCoach().follow_up(AnsweredQuestion(q, [answer]))
    assert follow is not None
    assert PROBLEM_PROBE not in follow.text, follow.text


def test_an_answer_that_names_users_but_no_problem_is_asked_for_it() -> None:
    q = Question.adhoc("Should a food delivery app add an AI assistant that plans weekly meals?")
    follow = OfflineCoach().follow_up(AnsweredQuestion(
        q, ["Busy parents would use it. I think it would be popular and people would like it."]))
    assert follow is not None
    assert PROBLEM_PROBE in follow.text, follow.text
