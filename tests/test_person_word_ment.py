"""A word in -ment names a thing, not a person: "the right department" is part of what a typed
prompt's feature does, so an answer that keeps saying "department" is about that feature.

Examples are our own (not calibration answers)."""

from __future__ import annotations

from interviewer.banks import Question
from interviewer.coach.announced import announced_elsewhere, feature_terms, leaves_the_feature
from interviewer.coach.cues_markers import PERSON_WORD

PROMPT = ("A regional water utility wants AI to read incoming customer complaints, from its "
          "chat widget, email inbox and voicemail transcripts, and pass each one directly to the "
          "right department. What trade-offs would you face, and which side would you take?")

ANSWER = (
    "The core trade-off is coverage against mistakes. If every complaint goes through the model, "
    "billing and leak crews stop waiting on a clerk, but now and then a ticket reaches the "
    "wrong department. I'd automate, because a typical ticket is routine and a department can "
    "hand back a ticket that "
    "is not theirs within the hour. The second is cost per ticket: a large model reads messy "
    "wording better than a small classifier, so I'd start small and move up only if tickets "
    "bounce. I'd track how often a department hands a ticket back, and pilot with one "
    "department first.")


def test_a_word_in_ment_is_not_a_person() -> None:
    for thing in ("department", "departments", "payment", "document", "shipment"):
        assert not PERSON_WORD.search(thing), thing
    for person in ("resident", "students", "agent", "parents", "clients"):
        assert PERSON_WORD.search(person), person


def test_the_department_a_prompt_sends_to_is_part_of_its_feature() -> None:
    assert "depart" in feature_terms(PROMPT)
    assert "custom" not in feature_terms(PROMPT)  # a person stays out


def test_an_answer_about_routing_to_departments_is_not_about_another_feature() -> None:
    q = Question.adhoc(PROMPT)
    assert not leaves_the_feature(q, ANSWER)
    assert announced_elsewhere(q, ANSWER) == ""
