"""A launch bar stated (`coach/launch_bar.py`) is the decision rule, however it is typed: "Ready
when ...", "Bar: ...", "expand at +N", "any X pauses it"; its figures may follow in the clauses
of a long sentence or sit in the items under a bold header. And a ~90-word typed answer that
makes all of the ground but one point the prompt did not ask for is floored as a longer one is
(`typed_ground.spares_only_the_aside`). Examples are written for these tests, not taken from the
calibration set."""

from __future__ import annotations

import pytest

from interviewer.banks import Question
from interviewer.coach.analysis import read_answers
from interviewer.coach.ground import HALF_FLOOR, committed_texts
from interviewer.coach.launch_bar import states_bar
from interviewer.coach.offline import score_answer
from interviewer.coach.terse import is_header, labelled
from interviewer.coach.typed_ground import spares_only_the_aside, typed_points
from tests.support.answers import one_paragraph

POOL = Question.adhoc(
    "A city wants cameras with AI that spot swimmers in distress at its public pools and alert "
    "the lifeguards. What could go wrong, and how would you decide it's ready to rely on?")
VENDING = Question.adhoc(
    "A vending-machine operator wants AI that forecasts which machines need restocking each "
    "day. How would you define success for it?")


@pytest.mark.parametrize("text", [
    "Ready when: on pools it never saw, it catches 97% of staged distress drills.",
    "Bar: missed drills under 3 in 100, false alerts under two per lifeguard shift.",
    "The bar to roll out: restock trips down 12% with stock-outs flat.",
    "I'd call it ready once the drills caught reach 97% in every lighting condition.",
    "Expand at +5 points of drills caught, with false alerts flat.",
    "Switch on auto-alerting only at 98% precision on the audited clips.",
    "Any missed drill in the shadow month pauses it, whatever the other 99 look like.",
])
def test_a_bar_stated_with_its_figure_is_a_rule(text: str) -> None:
    assert states_bar(text)


@pytest.mark.parametrize("text", [
    "The bar is high for anything that touches safety.",  # no figure: sets nothing
    "Roll out at 5% of pools first, then widen.",  # a pilot's size, not a bar
    "It's ready when it's accurate, say 95% accuracy.",  # the model's score alone
    "**Ready when**",  # a header labels its items; alone it states nothing
])
def test_what_is_not_a_launch_bar(text: str) -> None:
    assert not states_bar(text)


def test_a_bold_header_labels_the_items_under_it() -> None:
    answer = ("**Ready when**\n1. Caught drills at 97% on pools it never saw.\n"
              "2. Under two false alerts a shift.")
    reading = read_answers(POOL, [answer])
    assert is_header(reading.units[0])
    assert labelled(reading.units)[1].startswith("Ready when: Caught drills")


# One long written sentence, cut into clauses: the rule's cue in the first, its bars after.
POOL_LONG_SENTENCE = one_paragraph("""
Glare, crowded lanes and kids playing dead are what will fool it, and a lifeguard who trusts it
may watch the water less. I'd call it ready when, across three pools and night sessions it never
trained on, it flags 97% of staged distress drills within ten seconds, under two false alerts per
lifeguard shift, and guards still scan on the usual rota during a month-long shadow trial.
""")


def test_a_rule_whose_figures_follow_in_its_sentence_is_read_as_one() -> None:
    reading = read_answers(POOL, [POOL_LONG_SENTENCE])
    assert any(u.sentence >= 0 for u in reading.units)  # the sentence is cut into clauses
    assert "decision-rule" in reading.dimensions["experimentation"].applied


# A ~90-word answer to "how would you define success?": measures with bars, a guardrail with its
# reason, no rule for what stops it (the prompt did not ask for one).
VENDING_SHORT = one_paragraph("""
Success is fewer wasted trips and fewer empty machines. I'd measure the share of restock visits
where the driver refills at least half the slots, aiming for 80%, and sold-out hours per machine
per week, down by a third. Guardrail: expired snacks pulled, since a forecast that over-stocks
slow machines trades trips for waste. The business number is margin per route, because fuel and
driver hours are most of the cost.
""")

# The same length, without the measures the prompt asks for.
VENDING_SHORT_NO_MEASURE = one_paragraph("""
Success is fewer wasted trips and fewer empty machines, because drivers are most of the cost.
I'd look at how full the machines are when drivers arrive and whether machines run out. If
machines keep running out, I'd switch those routes back to the fixed schedule. Guardrail:
expired snacks pulled, since a forecast that over-stocks slow machines trades trips for waste.
""")


def test_a_short_answer_that_spares_only_an_unasked_point_is_past_the_bar() -> None:
    reading = read_answers(VENDING, [VENDING_SHORT])
    points = typed_points(VENDING, reading.units, committed_texts(reading.units, VENDING))
    assert [p for p, made in points.items() if not made] == ["rule"]
    assert spares_only_the_aside(VENDING, reading.units, committed_texts(reading.units, VENDING))
    assert score_answer(VENDING, VENDING_SHORT).overall >= HALF_FLOOR


def test_a_short_answer_that_misses_the_asked_point_gets_no_floor() -> None:
    reading = read_answers(VENDING, [VENDING_SHORT_NO_MEASURE])
    texts = committed_texts(reading.units, VENDING)
    assert not typed_points(VENDING, reading.units, texts)["measure"]
    assert not spares_only_the_aside(VENDING, reading.units, texts)
