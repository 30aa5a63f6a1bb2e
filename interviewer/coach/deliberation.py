"""Deliberation: the first person weighing, not deciding.

"We'd need to consider the local regulations", "I'd want to understand how it fits the existing
process", "We could classify reviews by topic": each opens like a decision ("we'd", "I'd"), yet
it names something to think about, or one possibility among many, and picks nothing. An
interviewer hears the call still to be made. Such a clause is not a decision by its verb alone;
a sentence that goes on to decide ("We could rank by recency, but I'd rank by severity") or
carries a number, a reason or a typed form keeps what those give it (`units.py`).
"""

from __future__ import annotations

import re

_WHO = r"\b(?:i|we)(?:'d|'ll| would| will| should| must| also| really| probably| first| still)*"
DELIBERATE = re.compile(
    _WHO + r" (?:(?:also |really |first |probably )?(?:need|want|have|like|try|aim|expect)"
    r" to )?(?:also |really |carefully |first )?"
    r"(?:consider|think (?:about|through|carefully|hard)|understand|keep in mind|"
    r"bear in mind|be (?:careful|thoughtful|mindful|aware|cautious)|explore|look into|weigh|"
    r"figure out|take into account|factor in|reflect on|stay up to date)\b",
    re.IGNORECASE,
)


def undeliberated(text: str) -> str:
    """The text with its clauses of weighing and of mere possibility taken out, for the
    decision cue to read what is left: "we'd need to consider the regulations" leaves nothing
    decided; "we could rank by recency, but I'd rank by severity" keeps "I'd rank"."""
    return DELIBERATE.sub(" ", text)
