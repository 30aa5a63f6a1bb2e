"""A plan made of how a team works (align stakeholders, get buy-in, run discovery, build a
roadmap) is narration, not an answer (`units._narrated`, `cues_vocabulary.ORG_WORDS`): an
interviewer hears no user, no metric and no call in it, however orderly its phases and however
often it names the product. A step that commits to something of the product's own is kept.
Examples are written for these tests, not taken from the calibration set."""

from __future__ import annotations

import pytest

from interviewer.banks import QuestionBank
from interviewer.coach.analysis import RECITATION_CAP, read_answers
from interviewer.coach.offline import score_answer
from interviewer.coach.relevance import profile
from interviewer.coach.units import _narrated
from tests.support.answers import one_paragraph

BUILD_BUY = "prio-build-vs-buy-model"


PROCESS_PLAN = one_paragraph("""
For the reply drafts decision I'd run this in four phases. First, I'd align stakeholders across
product, engineering, legal and sales so everyone agrees on what success looks like. Second,
I'd define the north star and get buy-in from leadership so the whole team is pointed in the same
direction. Third, I'd work with engineering to brainstorm solutions and build a roadmap with clear
milestones. Fourth, I'd set up dashboards, launch, monitor closely and iterate.
""")


@pytest.mark.parametrize("step", [
    "First, I'd align stakeholders across product, engineering, legal and sales so everyone "
    "agrees.",
    "Third, I'd work with engineering to brainstorm solutions and build a roadmap with milestones.",
    "Fourth, I'd get buy-in from leadership so the whole team is pointed in the same direction.",
])
def test_a_step_about_the_team_is_narration(bank: QuestionBank, step: str) -> None:
    assert _narrated(step, profile(bank.by_id(BUILD_BUY)).prompt)


def test_a_step_about_the_product_is_not(bank: QuestionBank) -> None:
    step = ("First, I'd work with three pilot customers to compare draft acceptance from the "
            "vendor's model against their agents' handle time.")
    assert not _narrated(step, profile(bank.by_id(BUILD_BUY)).prompt)


def test_a_plan_of_team_process_scores_as_a_recitation(bank: QuestionBank) -> None:
    q = bank.by_id(BUILD_BUY)
    assert read_answers(q, [PROCESS_PLAN]).recitation
    assert score_answer(q, PROCESS_PLAN).overall <= RECITATION_CAP
