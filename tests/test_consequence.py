"""A consequence drawn from a condition argues the risk it follows (`coach/consequence.py`): the
"why" of a typed question's ground hears it without a "because". Sentences written for these
tests."""

from __future__ import annotations

from interviewer.banks import Question
from interviewer.coach.analysis import read_answers
from interviewer.coach.consequence import consequences, drawn_consequence

LOCKERS = Question.adhoc(
    "A gym chain wants AI to assign lockers to members as they arrive. What could go wrong, and "
    "how would you decide it's ready to launch?")

PLAIN = """Members who train at the same hour would get lockers next to each other every day.
Once regulars notice the lockers follow a pattern, thieves learn which locker belongs to whom.
If the app is down at the door, members queue in the lobby and the morning rush backs up.
I'd keep a paper fallback at the desk. Ready means fewer than 2 lockers in 100 double-assigned in
a four-week pilot at two gyms, and if double assignments rise above that, we go back to keys.
During the pilot I'd track the median wait at the door, the share of members who ask the desk for
a different locker, and complaints about lost property per thousand visits. Members with a
disability get a locker near the changing-room door every visit, set by the desk and never by the
model. Staff can override any assignment from the tablet at the desk in one tap."""


def test_a_consequence_of_a_condition_is_drawn() -> None:
    units = read_answers(LOCKERS, [PLAIN]).units
    drawn = [u.piece.text for u in units if drawn_consequence(u)]
    assert any(t.startswith("Once regulars") for t in drawn)
    assert any(t.startswith("If the app is down") for t in drawn)


def test_the_candidates_own_call_is_a_rule_not_a_consequence() -> None:
    units = read_answers(LOCKERS, ["If the pilot works at two gyms, we'd roll it out to every gym "
                                   "in the chain."]).units
    assert consequences(units) == 0


def test_the_why_point_hears_the_consequences() -> None:
    reading = read_answers(LOCKERS, [PLAIN])
    assert consequences(reading.units) >= 2
    assert reading.general_points["why"]
