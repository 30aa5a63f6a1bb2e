"""Under fifty words, an answer the rubric reads below the bar is judged on the rubric alone
(`analysis.SLIGHT_WORDS`): three one-line moves each "commit" to something, so their share of
applied sentences is full, yet they say little. Examples written for this test."""

from __future__ import annotations

from interviewer.banks import QuestionBank
from interviewer.coach.analysis import SLIGHT_WORDS, read_answers
from interviewer.coach.offline import score_answer
from interviewer.coach.units import is_applied

Q = "data-support-agent-labels"

THIN = ("I'd train on the past tickets and the agents' replies, since there are plenty of them. "
        "For evaluation I'd keep some of the tickets aside as a test set. Every few months I'd "
        "retrain on the newest tickets so it stays current.")


def test_three_thin_moves_are_not_lifted_by_their_share(bank: QuestionBank) -> None:
    q = bank.by_id(Q)
    reading = read_answers(q, [THIN])
    # Each line commits (`units.is_applied`); the retraining cadence, with nothing of its own,
    # is also vague (`vague.py`), so the share counts two of them.
    committed = sum(1 for i in range(len(reading.units)) if is_applied(reading.units, i))
    assert reading.words < SLIGHT_WORDS and committed == 3 and reading.applied_sentences == 2
    assert score_answer(q, THIN).overall <= 2.0

