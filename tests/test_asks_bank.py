"""Bank questions: what the question asks (the problem its prompt states, the deliverable of its
kind) against what the answer delivers. A polished answer to a neighbouring question about the
same product reuses the product's words; it never works on what was asked, is capped at 2 and
brought back to the question. Examples are written here, apart from the calibration set, on
dev-split questions only."""

from __future__ import annotations

import pytest

from interviewer.banks import Question, QuestionBank
from interviewer.coach.analysis import read_answers
from interviewer.coach.asks_bank import stated_problems, unmet_ask
from interviewer.coach.base import AnsweredQuestion
from interviewer.coach.offline import OfflineCoach, score_answer

BACK = "Let's come back to the question"

# Asked how to improve recommendations for NEW users: an answer about listeners with years of
# history, in the question's own words (music streaming, generic recommendations, users leave).
COLD_NEIGHBOUR = (
    "In a music streaming app, recommendations turn generic for the listeners we know best: "
    "people with five years of plays get the same twenty artists every day. I'd focus on "
    "subscribers with more than two years of history whose weekly listening is falling, "
    "because they pay the most and leave quietly. First, weight recent plays above old ones, so "
    "last month counts more than last decade. Second, keep two discovery slots in each daily "
    "mix from genres next to theirs. Third, let people hide an artist with one tap. I'd favour "
    "discovery over familiarity, because boredom is why these listeners cancel. Success is "
    "listening hours per long-time subscriber, with skips as a guardrail; I'd A/B test the "
    "recency weighting for four weeks and ship it if hours rise two percent.")
COLD_ON = (
    "A new user gives us nothing to go on, so the first week decides it. I'd focus on people "
    "who sign up from an ad, because they arrive with no linked accounts and leave fastest. "
    "First, a ten-second taste picker at signup: three artists, which gives the first mix "
    "something to start from. Second, learn inside the first session: a skip in the first "
    "thirty seconds or a save moves the next tracks at once. I'd rank the picker first, because "
    "it is cheap and fixes day one. Success is week-one retention of new users, with first-"
    "session saves as the leading signal and onboarding drop-off as a guardrail; I'd A/B test "
    "on new signups and ship if day-seven retention rises a point.")

# Asked for a success metric: how to build the feature, with "errors" and a guardrail in passing.
SHEET_BUILD = (
    "For formulas from plain English, context is everything, so I'd build it in three steps. "
    "First, send the model the column headers and a few sample rows, because 'sum of sales in "
    "the west' only works if it knows there's a Region column. Second, run each formula in a "
    "sandbox before the user sees it and drop any that errors out. Third, show a preview of "
    "the result on five rows. As a guardrail, it never overwrites a filled cell.")
SHEET_METRIC = (
    "My success metric is the share of generated formulas still in the sheet, unedited, a day "
    "later, because acceptance alone rewards formulas that look right. Guardrails: undo rate "
    "within five minutes and latency under two seconds.")


def test_the_problems_a_prompt_states_are_read_with_its_outline(bank: QuestionBank) -> None:
    assert [p.name for p in stated_problems(bank.by_id("rec-cold-start"))] == ["new-users"]
    assert [p.name for p in stated_problems(bank.by_id("search-docs-query-suggestions"))] == [
        "speed"]  # suggestions "as people type" must keep up with typing
    assert [p.name for p in stated_problems(bank.by_id("genai-model-routing"))] == ["cost"]


@pytest.mark.parametrize("qid", [
    "strategy-browser-agent-launch-timing",  # "launch now, or wait?" is a decision, not a delay
    "prio-fintech-roadmap",  # an "AI spending coach" is a product, not a cost problem
    "rec-stale-feed",
])
def test_a_word_in_passing_states_no_problem(bank: QuestionBank, qid: str) -> None:
    assert stated_problems(bank.by_id(qid)) == ()


def test_typed_questions_read_their_asks_elsewhere() -> None:
    q = Question.adhoc("Our AI support bot is slow and expensive. How would you improve it?")
    assert stated_problems(q) == ()
    assert unmet_ask(q, ["We should add a friendly avatar."]) == ""


def test_an_answer_about_other_users_of_the_same_product_is_capped_and_brought_back(
        bank: QuestionBank) -> None:
    q = bank.by_id("rec-cold-start")
    assert score_answer(q, COLD_NEIGHBOUR).overall <= 2.0
    follow = OfflineCoach().follow_up(AnsweredQuestion(q, [COLD_NEIGHBOUR]))
    assert follow is not None and follow.text.startswith(BACK)
    assert score_answer(q, COLD_ON).overall >= 3.5
    follow = OfflineCoach().follow_up(AnsweredQuestion(q, [COLD_ON]))
    assert follow is None or not follow.text.startswith(BACK)


def test_a_metrics_question_needs_a_measure_not_a_build_plan(bank: QuestionBank) -> None:
    q = bank.by_id("metrics-spreadsheet-formulas")
    assert read_answers(q, [SHEET_BUILD]).misses_the_ask
    assert score_answer(q, SHEET_BUILD).overall <= 2.0
    assert not read_answers(q, [SHEET_METRIC]).misses_the_ask


def test_one_clear_sentence_on_the_problem_is_enough(bank: QuestionBank) -> None:
    q = bank.by_id("search-docs-query-suggestions")
    on = ["I'd measure how often people click a suggestion and whether fewer searches fail.",
          "Suggestions while typing must be really fast, or people type past them."]
    assert unmet_ask(q, on) == ""
    assert unmet_ask(q, on[:1]) == "speed"


def test_restating_the_problem_is_not_working_on_it(bank: QuestionBank) -> None:
    q = bank.by_id("genai-model-routing")
    restated = [q.prompt.split(".")[0] + ".", "I'd add a dark mode and a share button."]
    assert unmet_ask(q, restated) == "cost"
    assert unmet_ask(q, [*restated, "Cheap questions go to the small model."]) == ""


def test_a_gap_is_diagnosed_by_its_candidate_explanations(bank: QuestionBank) -> None:
    """"Great ratings, no better retention" has no drop to trace: self-selection and novelty
    are the diagnosis."""
    q = bank.by_id("engage-language-partner-retention")
    answer = ("Two things could be going on. One, self-selection: the learners who chose the "
              "partner may have churned anyway, so I'd compare matched learners. Two, novelty: "
              "three chats in week one and then nothing. I'd tie it to the daily lesson and A/B "
              "test day-thirty retention.")
    assert not read_answers(q, [answer]).misses_the_ask


def test_a_marketplace_works_on_its_new_hosts_through_their_new_listings(
        bank: QuestionBank) -> None:
    q = bank.by_id("rec-marketplace-concentration")
    assert unmet_ask(q, ["I'd give new listings a capped exploration budget in the ranking."]) == ""
    assert unmet_ask(q, ["I'd show guests more photos of the popular listings."]) == "new-users"


def test_paying_for_itself_quickly_is_not_working_on_speed(bank: QuestionBank) -> None:
    """"Quickly" says how soon, not how fast: an answer about a pricier, better model for a slow
    shopping assistant never works on the wait, however soon it says the model pays back."""
    q = bank.by_id("genai-shopping-assistant-latency")
    upgrade = ["If wrong answers about sizes cause returns, the better model pays for itself "
               "quickly on electronics."]
    assert unmet_ask(q, upgrade) == "speed"
    assert unmet_ask(q, [*upgrade, "Answers should come back quicker, so stream them."]) == ""


def test_a_yes_or_no_question_whose_outline_defends_a_call_asks_for_one(
        bank: QuestionBank) -> None:
    """"Would you switch?" with a "Defensible: switch only for..." point asks for the call; an
    answer on how to make the drafts faster never makes it. "What would you ship first?" is a
    pick, not a yes-or-no call."""
    legal = bank.by_id("genai-legal-drafting-upgrade")
    speedup = ["I'd stream each section of the contract so lawyers can read while it writes.",
               "Cache the boilerplate clauses, since most contracts share them."]
    assert unmet_ask(legal, speedup) == "decision"
    assert unmet_ask(legal, [*speedup, "I'd switch for M&A contracts first, since lawyer time "
                                       "costs far more than the model."]) == ""
    travel = bank.by_id("assistant-travel-booking-agent")
    assert unmet_ask(travel, ["The first thing to ship is flights, with a limit."]) != "decision"
