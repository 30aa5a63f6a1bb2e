"""The outline handed back as confident claims (`coach/outline_echo.py`): sentences that restate a
bank question's outline points in its own words, dressed with figures nothing derives, are a
recitation, capped however much of the outline they "cover"; the same points argued in the
candidate's own terms are not. Examples are written for these tests, not taken from the
calibration set."""

from __future__ import annotations

from interviewer.banks import QuestionBank
from interviewer.coach.analysis import RECITATION_CAP, read_answers
from interviewer.coach.offline import score_answer
from interviewer.coach.outline_echo import bluffs_outline
from tests.support.answers import one_paragraph

ROUTING = "genai-model-routing"



# Each outline point restated as a result, with invented figures and no reason.
ROUTING_BLUFF = one_paragraph("""
We segment requests by difficulty and stakes, which covers 91 percent of traffic. Routing uses
rules by task type and a classifier predicting small-model failure, with 88 percent precision.
The small model takes inline completions and the large one takes agentic and multi-file tasks.
The metrics are acceptance and retained code by task type, latency and cost per accepted
suggestion, which falls by 47 percent. We validate offline on real requests, then A/B routing
against always-large, which confirms a 12 percent gain.
""")

# The same points argued, with the candidate's own nouns, figures that come from somewhere and
# the reasons behind the calls.
ROUTING_ARGUED = one_paragraph("""
Inline completions fire on almost every keystroke, so a developer feels every extra hundred
milliseconds there, while a refactor across ten files is rare and a wrong one costs an hour of
review. So I'd send completions to the small model and agentic, multi-file work to the large one,
because that's where capability pays for itself. For the middle, like explaining a stack trace,
I'd try small first and escalate when the user retries or rejects, since a retry is a cheap,
honest failure signal. I'd judge it on retained code after thirty minutes per task type, p90
latency for completions under three hundred milliseconds, and cost per accepted suggestion. I'd
replay a week of real requests where we know what was kept, then A/B the router against
always-large for two weeks; if retained code on refactors drops more than two points, I'd route
those back to the large model.
""")


def test_outline_restated_with_bare_figures_is_a_recitation(bank: QuestionBank) -> None:
    q = bank.by_id(ROUTING)
    reading = read_answers(q, [ROUTING_BLUFF])
    assert bluffs_outline(q, reading.units)
    assert reading.recitation
    assert score_answer(q, ROUTING_BLUFF).overall <= RECITATION_CAP


def test_the_same_points_argued_are_not(bank: QuestionBank) -> None:
    q = bank.by_id(ROUTING)
    reading = read_answers(q, [ROUTING_ARGUED])
    assert not bluffs_outline(q, reading.units)
    assert score_answer(q, ROUTING_ARGUED).overall >= 3.5


def test_an_honest_checklist_without_figures_is_left_to_the_plan_rule(
        bank: QuestionBank) -> None:
    """Handing the outline back as plan steps is a checklist (`restated_plan.py`), graded about
    3 by an interviewer: no figure pretends to a result, so it is not called a bluff."""
    q = bank.by_id(ROUTING)
    checklist = one_paragraph("""
    I'd segment requests by difficulty and stakes. I'd consider routing by rules by task type, a
    classifier predicting small-model failure, or try small and escalate. I'd look at acceptance
    and retained code by task type, latency and cost per accepted suggestion. I'd validate
    offline on real requests, then A/B routing against always-large.
    """)
    assert not bluffs_outline(q, read_answers(q, [checklist]).units)
