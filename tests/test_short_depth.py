"""Short twins of strong typed answers (the bd23- dev round, answers written and graded blind):
a strong answer cut to 100-130 words keeps its grade with an interviewer, since every call, bar
and rule is still there. The short path of the typed ground (`ground.py`) stopped at 120 words
and floored all of them at 4, the ~90-word twin that makes each point once; a short answer that
packs its points into as many committed sentences as a developed answer needs is floored at
4.5. Examples are written here, apart from the calibration set."""

from __future__ import annotations

from interviewer.banks import Question
from interviewer.coach.analysis import read_answers
from interviewer.coach.ground import HALF_FLOOR, MOST_FLOOR, applied_texts
from interviewer.coach.typed_ground import SHORT_WORDS, is_short
from tests.support.answers import one_paragraph

SKI = Question.adhoc(
    "A ski resort is considering an AI assistant that guests can text for lift status, lesson "
    "bookings and rental swaps. Should they build it?")

# Six sentences, ~115 words: the call, the pain in numbers, the risk, a bar, rules.
SKI_PACKED = one_paragraph("""
Yes, but narrow and bought, not built. The pain is the rental desk queue: if a third of the 900
daily calls are lift status or lesson changes at four minutes each, that's two staff all day.
Buy a vendor assistant and spend on wiring it into our booking system, so it never confirms a
lesson that is already full. Refunds go to a person within five minutes, because a wrong refund
answer costs a review. Pilot at one lodge for six weeks against the other two: go if 40% of
texts need no staff reply and guest scores hold. Stop if complaints about it pass 2% of texts,
since then it adds work.
""")

# The same ground made once a point, with its context: ~125 words, one reason.
SKI_ONCE = one_paragraph("""
Yes, but only for lift status and lesson changes. Those are about a third of the 900 calls the
rental desk takes on a busy Saturday, at around four minutes each, and most of them are the same
five questions about which lifts are open, whether the gondola is running in the wind, and
whether a lesson can move to the afternoon. Refunds
and injuries go to a person within five minutes, because a wrong answer there costs a review and
sometimes a claim. It works if 40% of texts need no staff reply in a six-week pilot at one lodge
against the other two; if complaints pass 2% of texts, switch it off and keep the phone
line staffed as it is today.
""")


def test_a_125_word_answer_is_short() -> None:
    assert 120 < len(SKI_ONCE.split()) <= SHORT_WORDS
    assert is_short(read_answers(SKI, [SKI_ONCE]).units)


def test_a_short_answer_packed_like_a_developed_one_is_floored_at_its_depth() -> None:
    reading = read_answers(SKI, [SKI_PACKED])
    assert len(applied_texts(reading.units)) >= 5
    assert reading.overall() >= MOST_FLOOR


def test_a_short_answer_that_makes_each_point_once_is_past_the_bar_not_deep() -> None:
    reading = read_answers(SKI, [SKI_ONCE])
    assert HALF_FLOOR <= reading.overall() < MOST_FLOOR
