"""A typed question's domain supplies the everyday words an on-topic answer uses (`domains.py`):
a pharmacy question is about patients, prescriptions and medication even when the prompt never
says them. Examples written here, apart from the calibration set."""

from __future__ import annotations

from interviewer.banks import Question
from interviewer.coach.analysis import read_answers
from interviewer.coach.relevance import profile
from interviewer.coach.text import stem

CHEMIST = Question.adhoc(
    "A pharmacy chain wants to text patients when a prescription is ready. What would you ship "
    "first, and how would you measure it?")

PLAIN = ("I'd start with patients on monthly medication like insulin, because they come back "
         "every month and a wasted trip hurts them most. The first version just sends a text when "
         "the pharmacist marks the order filled, with no model. I'd measure how many patients "
         "collect within two days and how many phone the store to ask, against stores that don't "
         "send the texts yet. If collection within two days rises, every store gets it.")


def test_a_pharmacy_question_knows_patients_and_medication() -> None:
    prof = profile(CHEMIST)
    assert "health-fitness" in prof.domains
    assert {stem("patients"), stem("medication")} <= prof.wide
    reading = read_answers(CHEMIST, [PLAIN])
    assert not reading.drifting and not reading.off_topic
