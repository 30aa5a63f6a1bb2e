"""A short answer that opens with its verdict on the prompt's yes-or-no question is about it.

"Should our app launch X?" answered "Yes, narrowly, after compliance review." and then the risk,
the first version, the measure, the bar and the kill rule in notes: the drift gate reads how many
sentences repeat the prompt's words, and a ~90-word answer spends its sentences on specifics
(`terse.short_and_dense` exempts one only with three numbers and two in three sentences
committing, and "Yes, narrowly, after compliance review." did not count as committing). An
interviewer hears the verdict first as the call it is. Only the opening counts, only for a
prompt that asks yes or no, and only in a short, dense answer: a thin "Yes, we should launch on
schedule" followed by opinions without a number is still read by the drift gate.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from interviewer.banks import Question
from interviewer.coach.terse import DENSE_NUMBERS, DENSE_SHARE
from interviewer.coach.units import SHORT_ANSWER_UNITS, Unit

YES_NO_ASK = re.compile(
    r"(?:^|[.!?]\s+)(?:should|would|will|can|could|is|are|does|do|must)\b[^.!?]*\?", re.IGNORECASE)
"""The prompt asks a question answered yes or no: "Should our app launch...?"."""

VERDICT = re.compile(
    r"^\W*(?:(?:so|ok|okay|well|honestly)\b[\s,]*)?(?:yes|no|not yet|yes but|no but)\b"
    r"\s*[,.;:\u2014-]",
    re.IGNORECASE)
"""The opening sentence gives the verdict: "Yes, narrowly", "No.", "Not yet:"."""


def dense_after_verdict(question: Question, units_: Sequence[Unit]) -> bool:
    """`terse.short_and_dense`, with a first sentence that answers the prompt's yes-or-no
    question counted as the commitment it is."""
    if not (0 < len(units_) <= SHORT_ANSWER_UNITS and YES_NO_ASK.search(question.prompt)
            and VERDICT.search(units_[0].piece.text)):
        return False
    committed = 1 + sum(1 for u in units_[1:] if u.committed)
    return (sum(1 for u in units_ if u.number) >= DENSE_NUMBERS
            and committed >= DENSE_SHARE * len(units_))
