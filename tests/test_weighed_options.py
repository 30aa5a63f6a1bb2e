"""An option weighed with its cost after "but" (`cues_markers.REASON`): a medium that gives each
option of a prioritizing question a pro and a con, and picks none, argues about the question (an
interviewer gives it about 3); it was read as a recitation of names and held at 1.5. Examples
are written for these tests, not taken from the calibration set."""

from __future__ import annotations

from interviewer.banks import QuestionBank
from interviewer.coach.analysis import read_answers
from interviewer.coach.ground import HALF_FLOOR
from interviewer.coach.offline import score_answer
from tests.support.answers import one_paragraph

FINTECH = "prio-fintech-roadmap"

# Each option weighed with a pro and a con ("..., but it's harder to build"), none chosen: a
# medium (about 3), not a recitation of names.
WEIGHED_NOT_PICKED = one_paragraph("""
Each of the three has a case. Automatic categorization is what people see on every visit, but it
only earns trust if rent and groceries land in the right bucket. Smarter fraud alerts keep
people's money safe, but there are false alarms on cards that work, and most banks already send
alerts. The spending coach is the one nobody else has, but it's the hardest to build and it could
read as financial advice. I'd talk to a few dozen users about which of these hurts most.
""")


def test_options_weighed_with_a_cost_are_a_medium_not_a_recitation(bank: QuestionBank) -> None:
    q = bank.by_id(FINTECH)
    reading = read_answers(q, [WEIGHED_NOT_PICKED])
    assert not reading.recitation
    assert 2.5 <= score_answer(q, WEIGHED_NOT_PICKED).overall < HALF_FLOOR


def test_a_con_after_but_that_echoes_the_prompt_is_no_reason(bank: QuestionBank) -> None:
    """The echo check still applies to the new marker: the prompt's nouns handed back."""
    q = bank.by_id(FINTECH)
    echo = "The AI spending coach is good, but it's an AI spending coach for a finance app."
    units = read_answers(q, [echo]).units
    assert not any(u.reason for u in units)
