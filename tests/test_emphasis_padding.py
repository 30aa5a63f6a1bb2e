"""Padding carried by emphasis (the bd23- dev round, answers written and graded blind): "a really
great question... at the end of the day users really love it... engagement is really the key
metric" is one thin point said louder, graded 2 by an interviewer; the coach gave such answers
3.0-4.0 where their confident calls ("I would say engagement") read as decisions. Examples are
written here, apart from the calibration set."""

from __future__ import annotations

from interviewer.banks import Question
from interviewer.coach.analysis import read_answers
from interviewer.coach.emphasis import PADDED_CAP, padded
from tests.support.answers import one_paragraph

GARDEN = Question.adhoc(
    "A gardening app is adding an AI feature that identifies a sick plant from a photo and "
    "suggests a treatment. How would you define success for it, and which one metric would you "
    "hold the team to?")

PADDED = one_paragraph("""
That's a really great question, and honestly it's one of the most important things to get right
for any feature, because success is really the foundation of everything. At the end of the day,
success for a plant-doctor feature means gardeners really love it and truly find it valuable. If
they love it they'll use it, and if they use it, that's success. The key metric I'd hold the team
to is definitely engagement, because engagement really shows that gardeners are engaging with the
feature. Of course we'd also want the treatments to be good. Ultimately, success is gardeners
loving the feature, and engagement is the one metric that really captures it.
""")

SPOKEN_STRONG = one_paragraph("""
so the person this is for is someone whose tomato plant is yellowing and who wants to know what
to do tonight, and really the outcome that matters is whether the plant recovers. the one metric
i'd hold the team to is the share of diagnosed plants the gardener marks as recovered within
three weeks, asked by a follow-up prompt, and i'd want that above 60 percent, against about 40
percent for people who just search. the guardrail is treatments that harm the plant or the
gardener, like a fungicide on an edible crop, so any of those reported goes to a reviewer within
a day and if they pass one in a thousand diagnoses we pull that treatment. i'd test it with an a b
test, half the new users get the diagnosis, for six weeks, and ship if recovery is ten points
higher with complaints flat.
""")


def test_an_answer_carried_by_emphasis_is_padding() -> None:
    reading = read_answers(GARDEN, [PADDED])
    assert padded(reading.units)
    assert reading.overall() <= PADDED_CAP


def test_a_strong_spoken_answer_with_an_intensifier_is_not_padding() -> None:
    reading = read_answers(GARDEN, [SPOKEN_STRONG])
    assert not padded(reading.units)
    assert reading.overall() >= 4.0
