"""A prompt's description of the product is not its ask (the bd23- dev round, answers written and
graded blind): "a model that predicts which elevators are likely to fail" says what the model
does; only a sentence that asks ("Which metrics would mislead you?") asks why a method misleads.
Read as a pitfall ask, it set aside every answer to the question, the strong ones with the rest.
The prompt's frame ("what could go wrong", "ready to roll out across the whole territory") is not
its subject: an answer on the elevators and the technicians is on it without those words. A
bulleted twin types its go/stop rules under their own labels ("- Stop: dispatchers override more
than half"), which is a rule that changes the call. Examples are written here, apart from the
calibration set."""

from __future__ import annotations

from interviewer.banks import Question
from interviewer.coach.analysis import read_answers
from interviewer.coach.cues_asks import PITFALL_ASK
from interviewer.coach.ground import committed_texts
from interviewer.coach.typed_ground import typed_points
from tests.support.answers import one_paragraph

ELEVATORS = Question.adhoc(
    "A building-services firm has a model that predicts which elevators are likely to fail in "
    "the next week so technicians can visit them first. What could go wrong with it, and how "
    "would you decide it's ready to use across all 4,000 buildings it maintains?")

ELEVATORS_STRONG = """
The people who use it are the dispatchers who plan each technician's week, and the outcome that
matters is fewer hours of elevators out of service, without more overtime.
What could go wrong: most of its history is ordinary weeks, so it may be poor after a heatwave or
a flood, exactly when dispatchers lean on it; I'd evaluate those weeks separately. False alarms
cost trust: if a technician visits three flagged elevators in a row and finds nothing, the
dispatchers stop reading the list. Older buildings have fewer sensors, so their elevators look
healthier than they are and get fewer visits. And a visit that fixes the fault hides the failure,
so every preventive visit has to be logged or the next retrain learns that the flags were wrong.
Ready means this: in shadow mode for two months in two cities, the top 30 flagged elevators each
week catch at least 40% of the next week's failures, against about 20% for today's age-based
schedule, and no more than one visit in three finds nothing.
Then a pilot: two cities act on it and two matched cities don't; I'd roll out to all buildings if
out-of-service hours fall 15% with overtime flat, and stop if dispatchers override more than
half of its picks, because then it isn't helping them.
"""


def test_a_described_prediction_is_not_a_pitfall_ask() -> None:
    assert not PITFALL_ASK.search(ELEVATORS.prompt)
    assert not PITFALL_ASK.search("The model flags which loans are likely to fail. Ship it?")


def test_a_sentence_that_asks_still_asks_for_the_pitfall() -> None:
    assert PITFALL_ASK.search("Which of these signals would mislead you, and why?")
    assert PITFALL_ASK.search("Why might a 0.5% lift in a user-level test mislead you?")


def test_a_strong_answer_to_a_prediction_prompt_is_not_set_aside() -> None:
    reading = read_answers(ELEVATORS, [ELEVATORS_STRONG])
    assert not reading.misses_the_ask
    assert reading.overall() >= 4.0


def test_a_rule_typed_under_its_label_is_a_rule() -> None:
    for line in ("- Roll out to all buildings: out-of-service hours -15%, overtime flat",
                 "- Stop: more than 50% of flagged elevators fine on a visit"):
        units = read_answers(ELEVATORS, [line]).units
        assert typed_points(ELEVATORS, units, committed_texts(units, ELEVATORS))["rule"], line
    units = read_answers(ELEVATORS, ["- Goal: 15% fewer out-of-service hours"]).units
    assert not typed_points(ELEVATORS, units, committed_texts(units, ELEVATORS))["rule"]


OUTAGES = Question.adhoc(
    "Our water company has built a model that predicts which pumps are likely to fail in the next "
    "week so we can send engineers ahead. What could go wrong with it, and how would you decide "
    "it's ready to roll out across the whole network?")

OUTAGES_ON_SUBJECT = one_paragraph("""
The engineers who plan each week are its users. Pumps fail most in heatwaves, which are rare in
the history, so I'd score heatwave weeks apart, because that is when the engineers lean on it.
I'd send engineers to the pumps it flags in two districts for a summer, and keep it if they
catch more of the following week's failures than today's age schedule does. Stop if most visits
find nothing, because the engineers would stop trusting it.
""")


def test_the_prompts_frame_is_not_its_subject() -> None:
    units = read_answers(OUTAGES, [OUTAGES_ON_SUBJECT]).units
    assert typed_points(OUTAGES, units, committed_texts(units, OUTAGES))["subject"]
