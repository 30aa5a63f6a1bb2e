"""Depth per point (`coach/restated_plan.py`): a checklist that hands a bank question's outline
back as plan steps ("I'd rank them by...", "I'd consider...") with no reason, number or
decision behind any of them works none of it through, so the ground floor does not lift it to
4-4.5; the same points argued still are. Examples are written for these tests, not taken from
the calibration set."""

from __future__ import annotations

from interviewer.banks import QuestionBank
from interviewer.coach.analysis import read_answers
from interviewer.coach.ground import HALF_FLOOR, HALF_OF_IT, MOST_FLOOR, ground_covered
from interviewer.coach.offline import score_answer
from interviewer.coach.restated_plan import restates_outline
from tests.support.answers import one_paragraph

FINTECH = "prio-fintech-roadmap"
RANKER = "mlsd-ranker-interleaving-test"

# Every outline point named as something it would look at; nothing ranked, nothing argued.
FINTECH_CHECKLIST = one_paragraph("""
My plan: I'd set the criteria, user pain and frequency, retention, losses avoided, data readiness
and risk. I'd look at categorization as foundational for budgets and for the coach. I'd weigh
fraud alerts, which protect money and trust but annoy with false positives and duplicate the
bank's alerts. I'd consider the coach, which differentiates most but needs good categories and
could sound like financial advice. Then I'd rank the three against those criteria. Finally I'd
validate with categorization accuracy on a labeled sample and the correction rate.
""")

# The same points, each with the reason, number or call behind it.
FINTECH_ARGUED = one_paragraph("""
I'd judge them on user pain and frequency, retention, losses avoided, data readiness and risk.
Categorization goes first, because budgets and any coach depend on it: a coach that files rent
under shopping loses trust in one message. It shows on every visit and a wrong category costs
little, so it's low risk. Fraud alerts protect money, but most banks already send them, and
false positives are the fastest way to get notifications switched off. The coach differentiates
most, but it needs good categories and risks sounding like financial advice, which brings
regulatory review. So categorization, then the coach, unless churn surveys show more than a
tenth of leavers citing fraud, in which case fraud alerts go first. I'd validate categorization
on a labeled sample of a thousand transactions, aiming at 95 percent accuracy and a correction
rate under 5 percent, then check that budgeters are still active after 90 days.
""")

RANKER_CHECKLIST = one_paragraph("""
First I'd evaluate offline, replaying logs with human relevance judgements to drop the weak
candidates. Then I'd run interleaving, merging both rankers' results into one list and crediting
clicks. I'd keep in mind that interleaving shows which is better, not by how much on the
business metric. Next I'd confirm the winner with a longer test on the business metric or a
staged rollout with guardrails. And I'd watch position bias, duplicate results and sessions
with no clicks.
""")


def test_a_checklist_of_the_outline_is_not_lifted_to_strong(bank: QuestionBank) -> None:
    for qid, checklist in ((FINTECH, FINTECH_CHECKLIST), (RANKER, RANKER_CHECKLIST)):
        q = bank.by_id(qid)
        assert ground_covered(q, read_answers(q, [checklist]).units) < HALF_OF_IT, qid
        assert score_answer(q, checklist).overall < HALF_FLOOR, qid


def test_the_same_points_argued_keep_their_floor(bank: QuestionBank) -> None:
    q = bank.by_id(FINTECH)
    assert ground_covered(q, read_answers(q, [FINTECH_ARGUED]).units) >= HALF_OF_IT
    assert score_answer(q, FINTECH_ARGUED).overall >= MOST_FLOOR
    assert score_answer(q, FINTECH_ARGUED).overall > score_answer(q, FINTECH_CHECKLIST).overall


def test_only_a_plan_step_with_nothing_of_its_own_is_restated(bank: QuestionBank) -> None:
    q = bank.by_id(FINTECH)

    def restated(sentence: str) -> bool:
        units = read_answers(q, [sentence]).units
        return any(restates_outline(u, q) for u in units)

    assert restated("I'd rank the three by user pain, retention and risk.")
    # a reason, a number, or specifics of its own: the step is worked, not restated
    assert not restated("I'd rank categorization first, because the coach depends on it.")
    assert not restated("I'd validate categorization on a labeled sample of 1,000 transactions.")
    assert not restated("I'd check whether rent, groceries and subscriptions land in the right "
                        "bucket for new users who linked two cards.")
    # a fact or a choice is not a plan step
    assert not restated("Categorization goes first.")

