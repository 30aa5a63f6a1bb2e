"""A call asked for ("Should it fit them to every ...?") is made in the forms people give it:
"Not yet, but...", "I'd say not company-wide yet", and a rule whose scope is hyphenated ("Go
company-wide if near-misses fall"). Examples written here, apart from the calibration set."""

from __future__ import annotations

from interviewer.banks import Question
from interviewer.coach.analysis import read_answers
from interviewer.coach.asks_problems import DECISION
from tests.support.answers import one_paragraph

FORKLIFTS = Question.adhoc(
    "A logistics company has piloted a sensor that warns forklift drivers when a pedestrian is "
    "close. Should it fit the sensor across the company, and how would you decide?")

NOT_YET = one_paragraph("""
Not yet, but probably after one more round.
Collisions are too rare for a six-week pilot to show anything, so I'd extend it to four more
sites and compare near-misses logged by the site cameras with four similar sites without it.
Drivers mute a sensor that beeps at every racking post, so I'd want under two false warnings a
shift before anyone relies on it.
Go company-wide if near-misses fall by a third and drivers keep the sensor switched on; stop if
they don't.
""")


def test_not_yet_and_a_hyphenated_scope_are_calls() -> None:
    assert DECISION.search("Not yet, but probably after one more round.")
    assert DECISION.search("I'd say not company-wide yet, because the pilot was small.")
    assert DECISION.search("Go company-wide if near-misses fall and drivers keep it on.")
    assert not DECISION.search("The data from the second site is not in yet.")


def test_a_not_yet_verdict_with_its_rule_makes_the_call_asked() -> None:
    reading = read_answers(FORKLIFTS, [NOT_YET])
    assert reading.ask_missed == ""
    assert reading.overall() > 2.0
