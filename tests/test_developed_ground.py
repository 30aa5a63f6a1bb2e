"""A developed answer to a typed question earns the ground's floor by working its points
through, not by touching each once (`ground.TYPED_DEVELOPED_APPLIED`): one committed sentence a
point is one instance of each, the bar, however many points it touches. Examples are written for
these tests, not taken from the calibration set."""

from __future__ import annotations

from interviewer.banks import Question
from interviewer.coach.analysis import read_answers
from interviewer.coach.ground import (
    MOST_FLOOR,
    TYPED_DEVELOPED_APPLIED,
    applied_texts,
    ground_covered,
    ground_floor,
)
from interviewer.coach.typed_ground import is_short
from tests.support.answers import one_paragraph

BUSES = Question.adhoc(
    "A regional bus company has tested an AI that plans driver shifts on two of its twelve "
    "depots for four months. Should it roll the planner out to every depot?")

# Every point once (the call, a measure with a bar, a risk, a rule, reasons), the rest talk.
ONCE_EACH = one_paragraph("""
I think they should roll it out, but carefully and step by step across the depots. There are a
lot of things to think about with a change like this, and every depot is a bit different in how
it works. The main measure is overtime hours per driver, and I'd want it at least 10% lower on
the two pilot depots than on the others. Drivers might not like the shifts it plans, which is a
real risk, so I'd ask the union early. If overtime did not fall by 10%, I'd stop and keep the
manual planning. I'd add the depots one at a time because problems then stay in one depot.
The planner also gives the schedulers back a day a week, since they no longer build the
rota by hand. Change is always hard for people, and communication matters a great deal in any
organisation of this size. Overall it's a promising tool and the company should keep going with
it in the right way.
""")

# The same ground worked through: the pilot read against a fair baseline, the cost of the
# risk, where the rule bites, what changes at twelve depots.
WORKED_THROUGH = one_paragraph("""
I'd roll it out depot by depot, if the pilot holds up against a fair comparison. The two pilot
depots may run easier routes, so I'd compare their overtime hours per driver with their own
figures a year earlier and with the other ten depots over the same four months. I'd want
overtime at least 10% lower than that baseline, because overtime is most of what a bad rota
costs the company. Drivers may get shifts that break their family routines, which raises
sickness absence, so I'd track absence per depot as a guardrail and ask the union early. If
overtime did not fall by 10%, or absence rose by more than two points, I'd stop and keep the
manual planning. The bigger depots have more routes and more swaps, so the pilot's gain is an
upper bound and I'd add the two largest last. Each new depot gets a month with the old rota
kept ready, since a broken rota strands passengers on the same morning.
""")


def _floor(text: str) -> tuple[float, int, float, bool]:
    r = read_answers(BUSES, [text])
    share = ground_covered(BUSES, r.units, r.general_points)
    floor = ground_floor(BUSES, r.units, 3.0, 3.0, False, r.general_points)
    return floor, len(applied_texts(r.units)), share, is_short(r.units)


def test_every_point_once_in_a_developed_answer_gets_no_floor() -> None:
    floor, applied, share, short = _floor(ONCE_EACH)
    assert not short and share == 1.0  # all of the ground is touched...
    assert applied < TYPED_DEVELOPED_APPLIED  # ...one committed sentence a point
    assert floor == 3.0


def test_the_ground_worked_through_keeps_its_floor() -> None:
    floor, applied, share, short = _floor(WORKED_THROUGH)
    assert not short and share == 1.0
    assert applied >= TYPED_DEVELOPED_APPLIED
    assert floor == MOST_FLOOR
