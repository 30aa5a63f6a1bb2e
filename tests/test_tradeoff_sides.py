"""A trade-off prompt that states the side set against its feature ("instead of ...", ", or ...")
is answered by weighing that side: a polished answer that never names it answers another
question about the same feature. Examples are written here, apart from the calibration set."""

from __future__ import annotations

from interviewer.banks import Question
from interviewer.coach.analysis import read_answers
from interviewer.coach.tradeoff_sides import never_weighs_the_other_side, other_side
from tests.support.answers import one_paragraph

WEATHER = Question.adhoc(
    "A weather app wants AI-written forecasts for every town, updated every ten minutes, instead "
    "of the meteorologists' forecasts twice a day. What trade-offs would you weigh, and what "
    "would you recommend?")


WEIGHS_IT = one_paragraph("""
The trade is freshness against judgement. Meteorologists twice a day catch the unusual
situations a model misses, like a sea breeze or a storm cell forming, and people trust their
wording; AI forecasts every ten minutes follow a storm as it moves. I'd take the AI side for
routine days and keep the meteorologists on severe weather: any warning above yellow is written
or approved by a person. I'd compare the two on rain-timing error for a month in three regions,
and switch a region to AI routine forecasts only if its error is no worse.
""")

ANOTHER_QUESTION = one_paragraph("""
I'd make the AI-written forecasts personal. Today every town's forecast reads the same for
everyone, but a cyclist wants the wind on the commute and a gardener wants frost at night. So
I'd have the AI write each user's forecast for their town from the activities they pick at
sign-up and what they open most, updated every ten minutes, in a morning card. The north star
is daily opens of the forecast card per active user, with card dismissals as a guardrail. I'd
A/B test personal forecasts against the standard town forecast for a month in two countries,
and roll out if daily opens rise at least five percent without more uninstalls.
""")


def test_the_stated_alternative_is_read_from_the_prompt() -> None:
    assert "meteorologist" in other_side(WEATHER.prompt)  # "twice a day" is on its side too
    assert not other_side("What trade-offs would you weigh for AI forecasts?")


def test_an_answer_that_weighs_the_other_side_makes_the_ask() -> None:
    assert not never_weighs_the_other_side(WEATHER, [WEIGHS_IT])
    assert not read_answers(WEATHER, [WEIGHS_IT]).misses_the_ask


def test_an_answer_about_another_question_is_held_at_two() -> None:
    assert never_weighs_the_other_side(WEATHER, [ANOTHER_QUESTION])
    reading = read_answers(WEATHER, [ANOTHER_QUESTION])
    assert reading.misses_the_ask
    assert reading.overall() <= 2.0
