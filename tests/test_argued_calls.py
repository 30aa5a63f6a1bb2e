"""Answers that commit to calls and argue them in words, with few or no numbers: an interviewer
scores them past the bar, and the coach no longer holds them at 3 for quoting no figure. A
medium that names the same things without committing, a confident answer on the wrong things,
and a polished answer to another question are not lifted. Examples are written for these tests
(dev-split questions only), not taken from the calibration set."""

from __future__ import annotations

import pytest

from interviewer.banks import QuestionBank
from interviewer.coach.analysis import read_answers
from interviewer.coach.argued import VAGUE_CAP, argued_commitments, firm

SPEAKER_ARGUED = """
People use the speaker only for timers and music because they learned its limits the hard way:
it failed in front of their family, and with no screen they never discover what else it can do.

I'd focus on households who already use it daily, because they are the ones who could adopt a
new habit without buying anything.

I'd change one thing first: after a timer or a song, the speaker offers one related thing it
can do, once, and never again if the person says no, because a nagging speaker gets unplugged.

I wouldn't chase open-ended conversation yet, since a long wrong answer in a shared kitchen is
worse than a short refusal.

If people try a suggested task and come back to it the next week, it's working; if they turn
suggestions off, I'd stop them for that household rather than keep pushing.

On the business side, the speaker is sold near cost, so more use only matters if it leads to
shopping or a subscription, and I'd check that before investing further.
"""

SPEAKER_HEDGED = """
People might use the speaker only for timers and music for several reasons. Maybe it fails
often, or perhaps people don't know what else it can do. We could add suggestions after a
timer, or we could make it more conversational. It would depend on what users want, so we
could run some research. We might also look at whether more use could lead to shopping or
subscriptions. There are a few things we could measure, like tasks tried and retention.
"""


def test_a_decisive_answer_without_numbers_is_past_the_bar(bank: QuestionBank) -> None:
    q = bank.by_id("critique-smart-speaker")
    reading = read_answers(q, [SPEAKER_ARGUED])
    assert not any(u.number for u in reading.units)
    assert argued_commitments(reading.units) >= 3
    assert reading.overall() >= 4.0


def test_the_same_ideas_hedged_stay_at_the_bar(bank: QuestionBank) -> None:
    q = bank.by_id("critique-smart-speaker")
    reading = read_answers(q, [SPEAKER_HEDGED])
    assert argued_commitments(reading.units) == 0
    assert reading.overall() <= VAGUE_CAP


@pytest.mark.parametrize("said", [
    "I'd ship the trimmed drafts first, because stock greetings are most of the complaints.",
    "If it is the retrain, I roll back for half of the users and compare.",  # plain present
    "or it could show a range and i'd go with the range because one image reads as the norm",
])
def test_a_call_in_the_speakers_own_voice_is_firm(said: str) -> None:
    assert firm(said)


@pytest.mark.parametrize("said", [
    "I'd investigate each of these possibilities and then decide.",
    "So I'd discuss it with the policy and legal teams before deciding.",
    "We could probably add a tone setting.",
    "Historical data can contain bias, so we need to be careful about the data we use.",
])
def test_a_deferral_a_hedge_or_a_relative_clause_is_not_a_call(said: str) -> None:
    assert not firm(said)


def test_confident_calls_on_the_wrong_things_are_not_lifted(bank: QuestionBank) -> None:
    q = bank.by_id("strategy-open-weights-switch")
    text = ("I'd never switch, because our users love the current tool. I'd stay with the "
            "closed lab since they are the best brand. I wouldn't even test the open models, "
            "because benchmarks are all hype. So I'd spend the budget on marketing instead, "
            "because growth is what matters.")
    assert q.kind == "strategy"
    assert read_answers(q, [text]).overall() <= VAGUE_CAP


def test_argued_calls_about_another_question_stay_gated(bank: QuestionBank) -> None:
    q = bank.by_id("critique-smart-speaker")
    other = ("I'd price the meal kit per serving, because families compare it with the "
             "supermarket. I'd start with weekly boxes rather than daily ones, since delivery "
             "cost dominates. If boxes are skipped twice in a row, I'd offer a smaller plan, "
             "because a skip is the first step to churn. I'd keep the recipe app free, since it "
             "brings people to the paid boxes.")
    assert read_answers(q, [other]).overall() <= 2.0


def test_a_rule_stated_mid_sentence_argues_the_call(bank: QuestionBank) -> None:
    q = bank.by_id("engage-language-partner-retention")
    said = ("I'd test the lesson-linked partner against the separate tab, and if retention "
            "doesn't move, I'd make the partner a premium feature.")
    assert argued_commitments(read_answers(q, [said]).units) == 1


@pytest.mark.parametrize("said", [
    "I'd rather give some adults the teen mode by mistake than miss the teens who need it.",
    "I wouldn't give up the crisis path even if its false alarms annoy some users.",
])
def test_a_side_taken_against_its_cost_is_argued(bank: QuestionBank, said: str) -> None:
    q = bank.by_id("rai-teen-companion-chatbot")
    assert argued_commitments(read_answers(q, [said]).units) == 1


@pytest.mark.parametrize("text", [
    # a recitation in a decisive voice: every reason is the framework's, none this product's
    "I'd start with a north star metric, because it aligns the whole team. I'd add guardrail "
    "metrics, because they protect the user experience. I'd segment the users, because "
    "different users have different needs. I'd run an A/B test, because it proves causality. "
    "If the results are positive, I'd roll it out gradually, because staged rollouts reduce "
    "risk. I'd also monitor it after launch, since models drift over time.",
    # circular reasons: argued in form, empty in substance
    "I'd make the drafts better because users want better drafts. I'd improve the AI because "
    "the AI is what writes them. I'd ship the improvement because shipping is how we learn. If "
    "users still complain, I'd improve it again, because improvement never stops.",
])
def test_a_decisive_voice_alone_is_not_lifted(bank: QuestionBank, text: str) -> None:
    q = bank.by_id("critique-email-drafts-sound-robotic")
    assert read_answers(q, [text]).overall() < VAGUE_CAP


def test_the_scorecard_says_why_a_decisive_answer_is_past_its_dimensions(
        bank: QuestionBank) -> None:
    """The floor lifts the overall past the dimensions' mean: a strength line says so, and a
    hedged answer gets none."""
    from interviewer.coach.offline import score_answer

    q = bank.by_id("critique-smart-speaker")
    card = score_answer(q, SPEAKER_ARGUED)
    decided = [s for s in card.strengths if s.startswith("Decisions:")]
    assert len(decided) == 1 and "calls made and argued" in decided[0]
    assert not any(s.startswith("Decisions")
                   for s in score_answer(q, SPEAKER_HEDGED).strengths)
