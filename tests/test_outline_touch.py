"""An answer that touches nothing its bank question is about beyond the prompt's own words: generic
rollout numbers, management maxims given as reasons, framework sentences with the product's nouns
put in. It is capped at 2 (`coach/outline_touch.py`), however decisive or numeric it sounds; an
answer that works on any point of the outline is not. Examples are written here, apart from the
calibration set, on dev-split questions only."""

from __future__ import annotations

from interviewer.banks import QuestionBank
from interviewer.coach.analysis import DRIFT_CAP, read_answers
from interviewer.coach.outline_touch import touches_outline, untouched
from interviewer.coach.text import split_sentences

TRAVEL = "assistant-travel-booking-agent"
BROWSER = "rai-browser-agent-permissions"

# Every sentence commits to a number or a decision; none says what the agent does or protects.
TRAVEL_NUMBERS = (
    "I'd launch the booking agent to 10% of customers in the first month and run a 3-week A/B "
    "test at 95% confidence, aiming for a 12% lift in weekly active customers. We'd keep 99.95% "
    "uptime and hold support tickets under 2% as our guardrails. If the test is significant we "
    "go to 30%, then 60%, then everyone by the end of the year. I'd target a 4.6-star app "
    "rating and a 25% increase in customer lifetime value within nine months.")
TRAVEL_ON_OUTLINE = (
    "I'd ship flights only, with the traveller confirming each booking before the saved card is "
    "charged, because a wrong fare is costly to undo. Every booking gets a spending cap the "
    "traveller sets, and nonrefundable fares are always flagged. I'd track how many agent "
    "bookings are changed or cancelled in the first week, against bookings people made "
    "themselves.")
# Firm calls, each with a reason, and every reason a maxim about launches in general.
BROWSER_MAXIMS = (
    "My position is firm: no wide launch until we are confident. I'd require an executive "
    "review, because accountability starts at the top. I'd require a compliance sign-off, "
    "because rules exist for a reason. I'd start with a small pilot, because big launches "
    "fail big. And I'd demand excellence from the team, because customers notice quality.")


def _sentences(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def test_generic_numbers_touch_nothing_the_question_is_about(bank: QuestionBank) -> None:
    """Without the rule it scored above the bar: its numbers read as metrics and rollout stages."""
    q = bank.by_id(TRAVEL)
    assert not touches_outline(q, _sentences(TRAVEL_NUMBERS))
    reading = read_answers(q, [TRAVEL_NUMBERS])
    assert untouched(q, reading.units)
    assert reading.overall() <= DRIFT_CAP
    # about the question's product, so it is probed as weak, not sent back to the question
    assert not (reading.off_topic or reading.drifting or reading.misses_the_ask)


def test_maxims_as_reasons_do_not_make_an_answer_about_the_agent(bank: QuestionBank) -> None:
    q = bank.by_id(BROWSER)
    assert not touches_outline(q, _sentences(BROWSER_MAXIMS))
    assert read_answers(q, [BROWSER_MAXIMS]).overall() <= DRIFT_CAP


def test_an_answer_that_works_on_the_outline_is_not_capped(bank: QuestionBank) -> None:
    q = bank.by_id(TRAVEL)
    assert touches_outline(q, _sentences(TRAVEL_ON_OUTLINE))
    reading = read_answers(q, [TRAVEL_ON_OUTLINE])
    assert not untouched(q, reading.units)
    assert not reading.misses_the_ask
    assert reading.overall() > DRIFT_CAP


def test_a_typed_question_has_no_outline_to_miss(bank: QuestionBank) -> None:
    q = bank.by_id(TRAVEL)
    typed = type(q).adhoc(q.prompt)
    assert touches_outline(typed, _sentences(TRAVEL_NUMBERS))
