"""Sentences shaped like calls that settle nothing: a rule whose bar is "if the results look
good", a tension closed with "we need to find the right balance". An interviewer hears the call
still to be made, so neither is an argued call nor a commitment; the same sentences with a
measure, a threshold or a side are. Examples are written for these tests (a dev-split question),
not taken from the calibration set."""

from __future__ import annotations

import pytest

from interviewer.banks import QuestionBank
from interviewer.coach.analysis import read_answers
from interviewer.coach.argued import argued_commitments
from interviewer.coach.unsettled import fence_sitting, settled_part, vague_bar


@pytest.mark.parametrize("said", [
    "If the results look good in the first town, we roll it out to every store.",
    "We pilot it with one team and see how it goes.",
    "If it works, we expand it to the other regions.",
    "If people like it, we make it the default.",
    "If engagement goes up, we ship it to everyone.",
])
def test_a_rule_with_no_measure_is_a_vague_bar(said: str) -> None:
    assert vague_bar(said)


@pytest.mark.parametrize("said", [
    "If weekly use rises 10% in the first town, we roll it out to every store.",
    "If accuracy is fine but completion drops, the screen is the problem, not the model.",
    "If refunds stay flat and repeat orders climb, we expand it.",
    "If engagement goes up by 5% with no rise in unsubscribes, we ship it to everyone.",
])
def test_a_rule_that_names_what_it_measures_is_not(said: str) -> None:
    assert not vague_bar(said)


@pytest.mark.parametrize("said", [
    "I think we need to find the right balance there.",
    "It's a balance, and we'd have to weigh both.",
    "We should strike a good balance between speed and quality.",
])
def test_a_balance_with_no_side_sits_on_the_fence(said: str) -> None:
    assert fence_sitting(said)


@pytest.mark.parametrize("said", [
    "I'd strike the balance toward precision, rather than reach, because a wrong flag costs trust.",
    "We could find a middle ground, such as a free tier capped at ten searches.",
    "Find the balance by capping boosted profiles at 5% of a feed.",
])
def test_a_balance_with_its_side_or_its_means_is_a_call(said: str) -> None:
    assert not fence_sitting(said)


def test_the_other_clauses_of_a_fence_sitting_sentence_still_commit() -> None:
    kept = settled_part("Mostly I'd find a balance between the two, and I'd run an A/B test on it.")
    assert "A/B test" in kept and "balance" not in kept


def test_a_vague_bar_is_no_argued_call_and_a_real_bar_is(bank: QuestionBank) -> None:
    q = bank.by_id("critique-smart-speaker")
    vague = "I'd add one suggestion after a timer. If the results look good, I'd offer it to all."
    real = ("I'd add one suggestion after a timer. If a third of households try a suggested task "
            "in the first week, I'd offer it to all.")
    assert argued_commitments(read_answers(q, [vague]).units) == 0
    assert argued_commitments(read_answers(q, [real]).units) == 1


def test_leaving_a_tension_open_commits_to_nothing(bank: QuestionBank) -> None:
    q = bank.by_id("critique-smart-speaker")
    reading = read_answers(q, ["Longer answers on the speaker cost latency. I think we need to "
                               "find the right balance there."])
    assert not reading.units[-1].decision
    sided = read_answers(q, ["Longer answers on the speaker cost latency. I'd keep answers short "
                             "rather than complete, because people are cooking."])
    assert sided.units[-1].decision
