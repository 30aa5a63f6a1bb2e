"""A run of names said aloud (`spoken_run.py`): the transcript of a keyword list, with no commas
to show it. Examples written here, apart from the calibration set."""

from __future__ import annotations

from interviewer.banks import Question
from interviewer.coach.analysis import read_answers
from interviewer.coach.spoken_run import spoken_run
from interviewer.coach.units import keyword_run

GYM = Question.adhoc("A gym chain wants an AI to suggest workout plans to members. How would you "
                     "know it helps?")

RUN = ("um so retention cohort analysis north star guardrails ab test holdout uh leading lagging "
       "indicators segment power users churn ltv roi statistical significance yeah")
REAL = ("uh members who stopped coming for two weeks are the ones i'd start with because they are "
        "about to cancel")
TERSE_BUT_REAL = ("um north star is weekly visits per member who got a plan against members "
                  "who did not")


def test_names_run_together_aloud_are_a_run() -> None:
    assert spoken_run(RUN)
    assert not spoken_run(REAL)
    assert not spoken_run(TERSE_BUT_REAL)  # joined by "is", "who", "against", "did not"
    assert not spoken_run("retention, cohort analysis, north star, guardrails, A/B test, "
                          "holdout, leading and lagging indicators")  # typed: the comma rule's


ANSWER = ("um okay so gym members workout plans personalization uplift holdout control group "
          "ab test um retention churn ltv roi payback north star guardrails cannibalization uh "
          "leading lagging thirty day visits twelve month revenue segment deciles trade off "
          "precision recall business impact yeah")


def test_a_spoken_run_scores_as_a_list() -> None:
    reading = read_answers(GYM, [ANSWER])
    assert reading.applied_sentences == 0  # "thirty day visits" in a run ties no number
    assert reading.overall() <= 1.5
    assert keyword_run(RUN, frozenset())
