"""A ~90-word answer is read as its prose twin is: the typed ground's all-but-one floor applies to
it too, and framing hears its terse pick ("Users: ...", "Start with ...", "X first: ...")."""

from __future__ import annotations

import pytest

from interviewer.banks import Question
from interviewer.coach.analysis import read_answers
from interviewer.coach.ground import HALF_FLOOR, committed_texts, ground_floor
from interviewer.coach.typed_ground import is_short, typed_points

FERRY = Question.adhoc(
    "A ferry operator wants AI that forecasts how many cars will turn up for each sailing, so "
    "staff can plan the loading lanes. What could go wrong, and how would you decide it is "
    "ready to rely on?")

OPENING = "Users: deck crews planning lanes an hour before each sailing. "
BODY = ("The worst risk is under-forecasting a holiday sailing, because cars then queue onto the "
        "public road. Forecasts also drift when timetables change, so retrain after every "
        "timetable change. Crews use it beside their own estimate for six weeks, logging which "
        "one was closer. ")
RULE = ("It is ready when the crews' log favours it on most sailings; if not, we keep the manual "
        "plan. ")
CLOSE = "Staff keep the final say on every lane plan, since they see the weather and the queue."


def _missing(text: str) -> list[str]:
    reading = read_answers(FERRY, [text])
    points = typed_points(FERRY, reading.units, committed_texts(reading.units, FERRY))
    return [name for name, met in points.items() if not met]


def test_short_answer_missing_one_point_gets_the_long_answers_floor() -> None:
    text = OPENING + BODY + RULE + CLOSE  # no measure with a bar: one point short
    reading = read_answers(FERRY, [text])
    assert is_short(reading.units)
    assert _missing(text) == ["measure"]
    assert ground_floor(FERRY, reading.units, 3.5, 3.5, False) == HALF_FLOOR
    assert reading.overall() >= HALF_FLOOR


def test_short_answer_missing_two_points_gets_no_floor() -> None:
    text = OPENING + BODY + CLOSE  # no measure, no rule
    reading = read_answers(FERRY, [text])
    assert len(_missing(text)) == 2
    assert ground_floor(FERRY, reading.units, 3.5, 3.5, False) == 3.5


def _focus(text: str) -> bool:
    return "focus" in read_answers(FERRY, [text]).dimensions["framing"].applied


@pytest.mark.parametrize("opening", [
    "Users: deck crews planning lanes an hour before each sailing, since they load the cars.",
    "Start with the crews on the busiest route, since their queues spill onto the road.",
    "Holiday sailings first: they fill up and a wrong forecast blocks the road.",
])
def test_terse_pick_is_framing(opening: str) -> None:
    assert _focus(opening + " " + BODY)


@pytest.mark.parametrize("opening", [
    "Start with a bigger forecasting model, since the crews' counts are noisy.",
    "I'd ship a simple version first: a count per sailing and a lane plan on a tablet.",
])
def test_plan_step_or_model_is_no_framing(opening: str) -> None:
    assert not _focus(opening + " " + BODY)
