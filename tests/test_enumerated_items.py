"""Items said aloud as "One, ... Two, ..." are a bulleted list in prose: each item that says
something of its own commits as a typed bullet does, so the same list scores alike in both forms."""

from __future__ import annotations

from interviewer.banks import QuestionBank
from interviewer.coach.analysis import read_answers
from interviewer.coach.units import is_applied

SAID = (
    "Before a wide launch I'd require three things. One, page and email text is treated as data "
    "and can never start an action on its own. Two, each task gets only the permission it needs, "
    "so reordering coffee gets one shop and no access to the mailbox. Three, a log of every "
    "action that the user can review and undo.")


def test_each_enumerated_item_is_applied(bank: QuestionBank) -> None:
    """Before the rule the three items were read as statements that commit to nothing."""
    reading = read_answers(bank.by_id("rai-browser-agent-permissions"), [SAID])
    items = [i for i, u in enumerate(reading.units)
             if u.piece.text.startswith(("One,", "Two,", "Three,"))]
    assert len(items) == 3
    assert all(is_applied(reading.units, i) for i in items)


def test_a_narrated_step_is_not_an_item(bank: QuestionBank) -> None:
    reading = read_answers(bank.by_id("rai-browser-agent-permissions"),
                           ["First, I'd clarify the goal. Second, I'd define the metrics."])
    assert not any(is_applied(reading.units, i) for i in range(len(reading.units)))
