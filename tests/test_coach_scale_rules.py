"""The offline coach's scale on plain-spoken reasoning: what an interviewer credits when the
candidate does not use the rubric's words (a bar stated as a threshold, the goal and the buyer,
quantities said as words, a verbless pick, a signal to act), what it does not credit (a unit
price converted, one sentence counted twice), and that a concise answer is not "rambling".
Examples are written for these tests, not taken from the calibration set."""

from __future__ import annotations

import pytest

from interviewer.banks import Question, QuestionBank
from interviewer.coach.analysis import read_answers
from interviewer.coach.cues_markers import DECISION, NUMBER
from interviewer.coach.text import Sentence, units
from interviewer.coach.units import is_applied


def test_a_rate_stated_as_its_bar_is_a_concrete_metric(bank: QuestionBank) -> None:
    q = bank.by_id("metrics-spreadsheet-formulas")
    bar = ("The target I'd hold the formula writer to: no sheet template with more than "
           "fifteen percent of suggested formulas undone within a minute.")
    assert "concrete" in read_answers(q, [bar]).dimensions["metrics"].applied
    vague = "I'd want the spreadsheet formulas to be good enough that people trust them."
    assert not read_answers(q, [vague]).dimensions["metrics"].applied


@pytest.mark.parametrize("text", [
    "Schools pay for the homework app, so the question is which tutor metric makes teachers "
    "renew, not which one students like.",
    "The homework app should be judged by whether students solve the next problem alone, "
    "because that's what parents pay for.",
])
def test_the_goal_in_plain_words_is_framing(bank: QuestionBank, text: str) -> None:
    q = bank.by_id("metrics-ai-tutor-north-star")
    assert read_answers(q, [text]).dimensions["framing"].applied


def test_the_buyer_told_apart_from_the_user_is_framing(bank: QuestionBank) -> None:
    q = bank.by_id("design-grocery-meal-planner")
    text = ("The parent who pays for the grocery plan isn't always the one who cooks, so I'd "
            "design the meal planner for the cook and send the payer a weekly cost summary.")
    assert "segments" in read_answers(q, [text]).dimensions["framing"].applied


@pytest.mark.parametrize("said", [
    "a team of about thirty engineers", "it produced a forty-file diff",
    "it saves me half an hour a day", "I'd run it with two teams for a month",
    "unless review time drops by at least a fifth",
])
def test_quantities_said_as_words_are_numbers(said: str) -> None:
    assert NUMBER.search(said)


@pytest.mark.parametrize("said", [
    "half the users get the new version and half don't", "there are two things to weigh",
    "the third option is a rules engine",
])
def test_a_split_or_a_count_of_points_is_not_a_figure(said: str) -> None:
    assert not NUMBER.search(said)


def test_a_pick_without_a_verb_and_a_signal_to_act_are_commitments() -> None:
    assert DECISION.search("Family alerts first.")
    assert DECISION.search("If parents mute it twice in a week, that's the signal to back off.")
    assert not DECISION.search("Alerts matter to families.")


def test_a_unit_price_converted_is_arithmetic_not_a_trade_off(bank: QuestionBank) -> None:
    q = bank.by_id("estimate-assistant-daily-messages")
    sum_ = ("At two dollars per million tokens that's a fifth of a cent per message, so I'd "
            "put the assistant's daily bill near forty thousand dollars.")
    assert "quality-cost" not in read_answers(q, [sum_]).dimensions["trade-offs"].applied
    q2 = bank.by_id("assistant-support-eval")
    compared = ("For the support agent a phone call costs the company dollars while a chat "
                "costs cents, so I'd steer simple tickets to chat.")
    assert read_answers(q2, [compared]).dimensions["trade-offs"].applied


def test_one_sentence_naming_two_concepts_is_one_instance(bank: QuestionBank) -> None:
    q = bank.by_id("metrics-spreadsheet-formulas")
    one = ("I'd measure the share of generated spreadsheet formulas kept without edits, with "
           "formula errors reported as the guardrail.")
    two = ("I'd measure the share of generated spreadsheet formulas kept without edits. "
           "I'd also watch formula errors reported by users as the guardrail.")
    once = read_answers(q, [one]).dimensions["metrics"]
    twice = read_answers(q, [two]).dimensions["metrics"]
    assert len(once.applied) >= 2  # both concepts are seen...
    assert once.score < twice.score  # ...but one sentence is one instance


def test_a_concise_answer_is_not_rambling_when_the_lexicon_sees_little() -> None:
    q = Question.adhoc("Should a recipe app charge for its AI meal suggestions?")
    terse = ("Charge for the weekly plan, not single suggestions: one recipe is easy to copy, a "
             "plan that fits the fridge is not. Keep three free suggestions a week, since people "
             "won't pay for what they never tried. Test free, metered and paid-only arms for six "
             "weeks and keep the arm with the most paying cooks after ninety days.")
    comm = read_answers(q, [terse]).dimensions["communication"]
    assert comm.score >= 3


def test_stakes_against_a_rival_and_lost_trust_are_business_impact(bank: QuestionBank) -> None:
    q = bank.by_id("strategy-browser-agent-launch-timing")
    rival = ("Every month we wait, people form habits with the rival's browser agent, so I'd "
             "ship the read-only tasks now.")
    trust = ("One wrong non-refundable purchase by our browser agent would lose us more trust "
             "than a month of delay, so purchases wait.")
    assert "business-link" in read_answers(q, [rival]).dimensions["business-impact"].applied
    assert "risk" in read_answers(q, [trust]).dimensions["business-impact"].applied


def test_a_clause_cut_from_a_spoken_run_keeps_its_subject(bank: QuestionBank) -> None:
    q = bank.by_id("strategy-browser-agent-launch-timing")
    spoken = ("yeah so the browser agent thing um i think if we wait the rival just keeps "
              "learning from real tasks on real websites and that's a real cost to our launch "
              "so i'd rather be second on breadth than first on a public failure")
    assert "side-taken" in read_answers(q, [spoken]).dimensions["trade-offs"].applied


def test_a_stub_at_the_end_of_a_long_sentence_stays_with_its_clause() -> None:
    text = ("For an unspecified job title I'd have the image generator show a varied range of "
            "people rather than one default face, because a single picture is read as who "
            "belongs in that job, while a user who wants someone specific can simply say so.")
    pieces = units(Sentence(text, 0, 0, False))
    assert all(len(p.text.split()) >= 4 for p in pieces)
    assert pieces[-1].text.endswith("say so.")


def test_a_decision_about_it_right_after_its_subject_is_applied(bank: QuestionBank) -> None:
    q = bank.by_id("design-speaker-older-adults-first-bet")
    text = ("A daily chat companion on the smart speaker would help with loneliness. "
            "I'd still rank it last.")
    reading = read_answers(q, [text])
    assert [u.piece.text for i, u in enumerate(reading.units) if is_applied(reading.units, i)] \
        == ["I'd still rank it last."]


def test_a_bar_named_as_such_and_a_measure_split_by_group_are_metrics(bank: QuestionBank) -> None:
    q = bank.by_id("metrics-content-moderation")
    text = ("I'd report wrongful removals of posts by language, with appeals upheld under two "
            "percent as the ceiling, because small languages hide the worst moderation errors.")
    applied = read_answers(q, [text]).dimensions["metrics"].applied
    assert "measurement" in applied and "concrete" in applied
    rollout = "I'd test the new moderation model city by city for two weeks, because posts differ."
    assert "measurement" not in read_answers(q, [rollout]).dimensions["metrics"].applied


def test_the_problem_asked_as_a_diagnosis_is_framing(bank: QuestionBank) -> None:
    q = bank.by_id("critique-general-assistant")
    text = ("Why does usage of the assistant stop at timers? Because people learned its limits "
            "in the first week, after it misheard them twice.")
    assert "problem" in read_answers(q, [text]).dimensions["framing"].applied


def test_instead_of_sets_aside_only_what_follows_it(bank: QuestionBank) -> None:
    q = bank.by_id("estimate-ai-answers-test-size")
    power = ("Forty search markets instead of a million users costs power, so I'd run the AI "
             "answers test for six weeks.")
    assert "decision-rule" in read_answers(q, [power]).dimensions["experimentation"].applied
    dismissed = "I'd ship the AI answers rather than an A/B test, because the lift is obvious."
    assert "ab-test" not in read_answers(q, [dismissed]).dimensions["experimentation"].applied


def test_a_typed_imperative_that_splits_out_a_group_is_a_segment(bank: QuestionBank) -> None:
    q = bank.by_id("metrics-content-moderation")
    text = "Report teen accounts separately; wrongful removals hurt them most."
    assert "segments" in read_answers(q, [text]).dimensions["framing"].applied


def test_the_questions_own_word_is_its_subject_not_a_concept(bank: QuestionBank) -> None:
    q = bank.by_id("design-speaker-older-adults-first-bet")
    text = "I'd build the family alerts first, because families buy the speaker for them."
    assert "monitoring" not in read_answers(q, [text]).dimensions["experimentation"].applied
    other = bank.by_id("rec-stale-feed")
    watch = "I'd alert the on-call team if home feed latency passes 300 ms after the launch."
    assert "monitoring" in read_answers(other, [watch]).dimensions["experimentation"].applied


def test_only_a_sentence_opening_so_id_is_a_summary() -> None:
    q = Question.adhoc("Should a recipe app charge for its AI meal suggestions?")
    mid = ("The risk is that cooks never try the meal suggestions, so I'd start with three free "
           "ones a week.")
    closing = "So I'd charge for the weekly meal plan and keep three free suggestions a week."
    assert "summary" not in read_answers(q, [mid]).dimensions["communication"].applied
    assert "summary" in read_answers(q, [closing]).dimensions["communication"].applied


def test_a_data_fix_not_a_model_asks_whether_ai_is_the_right_tool(bank: QuestionBank) -> None:
    q = bank.by_id("rec-similar-products")
    text = ("If the carousel of similar products shows no lift, I'd treat it as a catalogue "
            "tagging fix, not a model, because mislabelled sofas can't be matched.")
    assert "right-tool" in read_answers(q, [text]).dimensions["business-impact"].applied


def test_a_cent_a_request_is_a_price(bank: QuestionBank) -> None:
    q = bank.by_id("assistant-support-eval")
    text = ("The support agent costs about a cent a ticket against several dollars for a human "
            "reply, so I'd keep people for refunds only.")
    assert "quality-cost" in read_answers(q, [text]).dimensions["trade-offs"].applied
