"""A condition is a decision rule only when it names a criterion someone could check.

"Once the growers are happy, we scale" has a rule's shape and no criterion: its predicate is a
verdict on the whole. The reading is structural (the condition's subject and predicate), so new
wordings of the same verdict are caught, while a number, a measure that moves or is compared, or
a counted event still makes a rule. An "if" that asks ("to decide if it's ready") is no
condition, and "when" with the bar that trips it is one. Examples are written for these tests,
apart from the calibration set."""

from __future__ import annotations

import pytest

from interviewer.banks import Question
from interviewer.coach.analysis import read_answers
from interviewer.coach.ground import committed_texts
from interviewer.coach.typed_ground import typed_points
from interviewer.coach.unsettled import vague_bar
from interviewer.coach.vague_condition import vague_condition, without_questions


@pytest.mark.parametrize("said", [
    "Once the growers are happy with it, we scale to the other sites.",
    "When the beta goes smoothly, we open it to every bench.",
    "If the numbers look solid, I'd add the night shift.",
    "As long as staff trust the advice, we keep widening it.",
    "If the trial feels right to the head grower, we go live.",
    "Provided the pilot is a success, we extend it to all three sites.",
    "If things improve, we'd keep going.",
    "We would roll it out everywhere once everyone is comfortable.",
    "If it takes off, I'd add a premium tier.",
])
def test_a_verdict_on_the_whole_is_no_criterion(said: str) -> None:
    assert vague_condition(said)
    assert vague_bar(said)


@pytest.mark.parametrize("said", [
    "If wilted trays rise above the control benches, we pause it.",
    "Unless overwatering complaints go up, we keep widening it.",
    "If water use falls 15% with no more wilted trays, we scale to the other sites.",
    "Any tray lost to the advice pauses it for that bench.",
    "If the advice beats the head grower's schedule on dry-outs, we switch.",
    # a prediction, not a bar for a call
    "If the advice is good, staff stop checking the soil themselves, and that is the risk.",
    # a question, not a condition
    "To decide if it's ready, I'd compare dry-outs per week with last season.",
    # a concession takes a side
    "I'd keep the manual round, even if the staff like the app.",
    # one person turning it down is an event that triggers a fallback
    "A grower can override it if they don't like the schedule.",
])
def test_a_condition_that_names_a_criterion_or_is_no_rule_is_not(said: str) -> None:
    assert not vague_condition(said)


def test_an_asking_if_is_read_as_whether() -> None:
    assert without_questions("We'd check if it helps.") == "We'd check whether it helps."
    assert "if water" in without_questions("If water use falls 15%, we scale.").lower()


GREENHOUSE = Question.adhoc(
    "A greenhouse grower has built an assistant that tells staff when each bench of plants needs "
    "watering. What could go wrong, and how would you decide it's ready to roll out to every "
    "greenhouse?")


def _points(*sentences: str) -> dict[str, bool]:
    units = read_answers(GREENHOUSE, [" ".join(sentences)]).units
    return typed_points(GREENHOUSE, units, committed_texts(units, GREENHOUSE))


PLAN = ("The risk is that the assistant misses a dry bench and a whole tray of seedlings wilts. "
        "I'd run it on one greenhouse for a month beside the usual manual watering round.")


def test_a_verdict_as_the_bar_gives_no_rule_point() -> None:
    assert not _points(PLAN, "Once the growers are happy with it, I'd roll it out to every "
                             "greenhouse.")["rule"]
    assert not _points(PLAN, "If the numbers look solid, I'd roll it out to every greenhouse.")[
        "rule"]


def test_a_named_measure_with_its_bar_gives_the_rule_point() -> None:
    assert _points(PLAN, "If wilted trays stay under two a week, we roll it out to every "
                         "greenhouse.")["rule"]


def test_an_if_that_asks_gives_no_rule_point() -> None:
    assert not _points(PLAN, "To decide if it's ready, I'd look at the error in litres, "
                             "something like under 10% per bench.")["rule"]


def test_when_with_the_bar_that_trips_it_is_a_rule() -> None:
    assert _points(PLAN, "When a bench dries out on more than two days in a week, we hand it "
                         "back to the manual round.")["rule"]
