"""A typed question's ground (`coach/typed_ground.py`): with no outline, what a strong answer to
any product question works through (the call asked for, a measure with a bar, a risk, a rule
that changes the call, reasons, the prompt's own subject) stands in for one, so a strong typed
answer gets the floor a bank answer gets, and a medium one does not. Examples are written for
these tests, not taken from the calibration set."""

from __future__ import annotations

from interviewer.banks import Question
from interviewer.coach.analysis import read_answers
from interviewer.coach.asks_bank import unmet_ask
from interviewer.coach.asks_problems import DECISION, PICK
from interviewer.coach.ground import HALF_FLOOR, MOST_FLOOR, TYPED_MOST, committed_texts
from interviewer.coach.offline import score_answer
from interviewer.coach.text import Sentence
from interviewer.coach.typed_ground import typed_covered, typed_points
from interviewer.coach.units import make_unit
from tests.support.answers import one_paragraph

GYM = Question.adhoc(
    "A gym chain wants to use AI for its members. The ideas are class recommendations, "
    "predicting which members will cancel, and a chat coach. What would you build first, and why?")
HOTEL = Question.adhoc(
    "A hotel booking site has built an AI that answers guests' questions about their booking by "
    "chat. Should it launch it before the summer peak? How would you decide?")

# Compact, no framework words: the pick, why not the others, the risk, a bar, a stop rule.
GYM_STRONG = one_paragraph("""
I'd build the cancellation prediction first. Most of the chain's revenue loss is members who
quietly stop coming and cancel two months later, and a visit log already tells us who is
drifting, so the data exists today. Class recommendations help people who already come, and a
chat coach is expensive to get right and risky when it gives injury advice, so both wait. The
model only flags members; a front-desk person calls them, because a human call is what brings
people back. Success is the cancellation rate among flagged members against a held-out group
that gets no call, and I'd want it at least 15% lower after three months. If the calls don't
cut cancellations by then, I'd stop and try the class recommendations instead.
""")

GYM_MEDIUM = one_paragraph("""
All three ideas have value. Class recommendations could increase attendance, cancellation
prediction could help with retention, and a chat coach could make the app more engaging. I'd
talk to members and the gym managers to understand which problem matters most, and look at the
data we have. Then I'd pick one and measure engagement, retention and member satisfaction to see
whether it works.
""")

# A polished plan about the same product that never says whether to launch before the peak.
HOTEL_NEIGHBOUR = one_paragraph("""
I'd measure the chat assistant's quality on three things. Resolution rate: the share of chats
that end without the guest calling the hotel within a day, with a target of 70%. Accuracy: a
weekly audit of 200 chats, with wrong answers about cancellation fees under 2%, because those
cost refunds and trust. And cost per conversation against a phone call. To improve it, I'd add
the booking's own details to every answer and hand fee disputes to staff, and A/B test each
change on 10% of chats, keeping it if resolution rises five points.
""")

HOTEL_STRONG_SHORT = one_paragraph("""
I'd launch before the peak, but only for questions the booking record answers, like check-in
times and what's included: summer doubles the chats, so that's when it saves most. Refunds and
changes go to staff, since a wrong fee answer costs a refund and a review. It's working if 60% of
those chats end without a call; if audited wrong answers pass 2%, it goes back to drafting.
""")


def test_a_strong_typed_answer_works_through_the_ground() -> None:
    units = read_answers(GYM, [GYM_STRONG]).units
    points = typed_points(GYM, units, committed_texts(units, GYM))
    assert all(points.values()), points
    assert score_answer(GYM, GYM_STRONG).overall >= MOST_FLOOR


def test_a_medium_that_picks_nothing_and_sets_no_bar_gets_no_floor() -> None:
    units = read_answers(GYM, [GYM_MEDIUM]).units
    points = typed_points(GYM, units, committed_texts(units, GYM))
    assert not points["measure"] and not points["rule"]
    assert typed_covered(GYM, units, committed_texts(units, GYM)) < TYPED_MOST
    assert score_answer(GYM, GYM_MEDIUM).overall < HALF_FLOOR


def test_a_call_on_something_else_is_not_the_call_asked() -> None:
    """It rolls changes out "if resolution rises": firm, but never about launching before the
    peak, so the question's call is unmet, and the answer stays at or below 2."""
    sentences = [u.piece.text for u in read_answers(HOTEL, [HOTEL_NEIGHBOUR]).units]
    assert unmet_ask(HOTEL, sentences) == "decision"
    assert score_answer(HOTEL, HOTEL_NEIGHBOUR).overall <= 2.0
    assert unmet_ask(HOTEL, [HOTEL_STRONG_SHORT]) == ""


def test_a_short_answer_with_all_the_ground_is_past_the_bar_not_deep() -> None:
    """~70 words, each point once: floored at 4, not at the 4.5 of a developed answer."""
    assert len(HOTEL_STRONG_SHORT.split()) < 80
    assert HALF_FLOOR <= score_answer(HOTEL, HOTEL_STRONG_SHORT).overall < MOST_FLOOR + 0.5


def test_calls_said_as_a_setting_or_named_as_the_call() -> None:
    assert DECISION.search("So I'd probably make it opt-in, with a clear prompt")
    assert DECISION.search("Default-off is the right call today, because consent comes first")
    assert DECISION.search("My instinct is no, not for everyone")
    assert not DECISION.search("It would make it easier to find the setting")
    assert PICK.search("So I'd split by risk: courts get an editor, sports go alone")
    assert not PICK.search("The users split into two groups")


def test_names_leading_into_claims_are_not_a_run_of_buzzwords() -> None:
    text = ("So I'd split by risk: politics, crime, courts and health get an editor first; "
            "sports, weather and recipes publish automatically with a label and an error button.")
    stems = frozenset({"editor", "publish", "label", "automat"})
    assert not make_unit(Sentence(text, 0, 0), stems, stems).buzzwords
    run = "Politics, crime, courts, health, sports, weather, recipes, travel, culture."
    assert make_unit(Sentence(run, 0, 0), stems, stems).buzzwords


def test_only_the_clause_that_asks_for_the_call_must_be_named() -> None:
    """"Whether to build it, and how would you know it works": the call's clause names nothing
    but its verb, so an answer need not say "works"; "before the summer peak" must be named."""
    from interviewer.coach.asks_bank import decides_what_was_asked
    q = Question.adhoc("A bakery chain wants AI to plan its morning bakes. How would you decide "
                       "whether to build it, and how would you know it works?")
    assert decides_what_was_asked(q, ["I'd build it only if waste falls by a fifth in a pilot."])
    assert not decides_what_was_asked(HOTEL, ["I'd roll each change out if resolution rises."])
    assert decides_what_was_asked(HOTEL, ["I'd launch before the peak for simple questions."])
