"""A point stated tersely is the point: one clear, specific, applied instance meets the bar,
whatever its length. A side taken as a heading ("Latency over precision: ..."), a call drawn
with "So" from the costs just weighed, the goal as the yardstick ("I'd judge it by whether..."),
what waits named last, a call with its bar and what happens otherwise, a count as a bar
("three or more"). Each reading has its limits: a ranking criterion is no side, "So in short"
draws nothing, a spoken run's "so" is a filler, a rule without a bar earns nothing.

Examples are our own (not calibration answers): a ferry operator's AI that predicts which
sailings will fill and offers drivers an earlier or later crossing.
"""

from __future__ import annotations

from interviewer.banks import Question
from interviewer.coach.analysis import read_answers
from interviewer.coach.argued import firm
from interviewer.coach.cues_concepts import FAMILY_BY_NAME
from interviewer.coach.cues_markers import NUMBER

FERRY = Question.adhoc(
    "A ferry operator wants an AI that predicts which sailings will be full and offers drivers a "
    "switch to an emptier crossing. What trade-offs would you make, and how would you test it?")

TERSE = (
    "Drivers with a booked car slot hate being bumped; foot passengers never are. "
    "Offering switches early fills quiet sailings, but a wrong prediction annoys a driver for "
    "nothing and costs a refund. "
    "So I'd offer switches only at check-in minus 48 hours, on sailings forecast above 95% full. "
    "Choice over automation: a switch is an offer with a 10 euro voucher, never a move. "
    "Test on two routes for six weeks, alternating days; keep it if three or more in ten offers "
    "are taken with complaints flat; otherwise drop the voucher and retest.")

WEAK = (
    "I think this is a good idea because ferries are often full and drivers would like more "
    "options. There are trade-offs between accuracy and convenience. So we should make sure "
    "the model is accurate. We would test it and see if people like it, and if they do we would "
    "roll it out; otherwise we would improve the model.")


def _hits(family: str, text: str) -> bool:
    return bool(FAMILY_BY_NAME[family].pattern.search(text))


def test_a_side_as_a_heading_is_a_side_taken() -> None:
    assert _hits("side-taken", "Latency over precision: a stop map precomputed within 200 ms.")
    assert _hits("side-taken", "- Riders over drivers on walking: cap it at 120 m.")
    # a criterion to rank by, a span of time: no side between two goals
    assert not _hits("side-taken", "Options ranked by impact over effort: reminders first.")
    assert not _hits("side-taken", "Churn over six months: flat.")
    assert not _hits("side-taken", "Over time: it drifts.")


def test_the_goal_as_the_yardstick_frames_the_answer() -> None:
    assert _hits("assumptions", "I'd judge it by whether drivers still reach the port on time.")
    assert _hits("assumptions", "Success is drivers crossing the day they planned, not offers.")
    assert not _hits("assumptions", "The judge ruled on the crossing.")


def test_what_waits_named_last_is_a_ranking() -> None:
    assert _hits("ranking", "First the offer at check-in, then a loyalty tie-in, pricing last.")
    assert _hits("ranking", "Automatic rebooking comes last, once offers are trusted.")
    assert not _hits("ranking", "The last sailing leaves at ten.")


def test_a_call_with_its_bar_and_its_otherwise_is_a_rule() -> None:
    rule = FAMILY_BY_NAME["decision-rule"].pattern
    assert rule.search("Keep it if three in ten offers are taken; otherwise drop the voucher.")
    # no bar: the condition says nothing that could be checked
    assert not rule.search("If it clearly improves, expand it; if not, look into why.")
    assert NUMBER.search("keep it if three or more in ten are taken")
    assert not NUMBER.search("one or the other")


def test_a_terse_answer_takes_its_sides_and_rule() -> None:
    reading = read_answers(FERRY, [TERSE])
    trade = reading.dimensions["trade-offs"]
    assert "side-taken" in trade.applied, trade.applied
    assert trade.score >= 4.0
    assert "decision-rule" in reading.dimensions["experimentation"].applied
    assert reading.overall() >= 3.5


def test_so_drawn_from_the_costs_weighed_takes_a_side() -> None:
    text = ("Offering switches early fills quiet sailings, but a wrong prediction costs a "
            "refund. So I'd offer switches only on sailings forecast above 95% full.")
    assert "side-taken" in read_answers(FERRY, [text]).dimensions["trade-offs"].applied
    summed = ("Offering switches early fills quiet sailings, but a wrong prediction costs a "
              "refund. So in short, I'd offer switches on sailings forecast above 95% full.")
    assert "side-taken" not in read_answers(FERRY, [summed]).dimensions["trade-offs"].applied


def test_a_spoken_so_is_a_filler_not_a_call() -> None:
    spoken = ("um so the trade off is speed versus accuracy like offering early fills quiet "
              "sailings but a wrong prediction costs a refund and so i'd offer it on the busy "
              "sailings and then um so we would look at how many people switch and yeah "
              "i guess that would be it for how we know it works on the routes")
    taken = read_answers(FERRY, [spoken]).dimensions["trade-offs"].applied.get("side-taken", [])
    assert not [u for u in taken if u.piece.text.startswith("so i'd")]


def test_a_weak_answer_stays_below_the_bar() -> None:
    reading = read_answers(FERRY, [WEAK])
    assert "decision-rule" not in reading.dimensions["experimentation"].applied
    assert reading.overall() < 3.0


def test_a_matched_comparison_is_the_experiment() -> None:
    assert _hits("ab-test", "Run it on two routes and compare no-shows with similar routes.")
    assert _hits("offline-eval", "Test it offline on last summer's bookings first.")
    assert not _hits("ab-test", "Similar routes have similar crossings.")


def test_a_bar_then_drop_it_is_a_rule() -> None:
    rule = FAMILY_BY_NAME["decision-rule"].pattern
    assert rule.search("Under 5% fewer no-shows after a month, drop it.")
    assert not rule.search("Under 5% of drivers drop by the office.")


def test_a_call_as_a_note_makes_it() -> None:
    assert firm("Offer, don't move: the driver keeps the booked slot unless they tap.")
    assert firm("Choice beats automation: every switch is an offer.")
    assert not firm("What must not get worse: complaints and refunds.")


def test_the_doubt_said_as_a_finding_asks_if_ai_is_the_tool() -> None:
    assert _hits("right-tool", "Timetable changes don't need AI; a rule on the booking page does.")
    assert not _hits("right-tool", "Drivers don't need a second booking.")
    rule = FAMILY_BY_NAME["decision-rule"].pattern
    assert rule.search("Any route under point eight of the forecast, and it doesn't ship.")
