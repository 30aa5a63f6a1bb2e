"""Whether an answer to "is it worth the cost?" weighs its cost in small: the cost sized in
figures, and the call on the spend held to what a test will show.

The payback constraint (`cues_asks.PROMPT_CONSTRAINTS`) asks two sentences that set the cost
against something or hold the call to evidence. A plain medium answer does it in two halves
that no one sentence joins: "the cost, it's about six or seven hundred K in the first year" and,
later, "pilot it, and if people use it and buy from it, expand, and if not, don't". An
interviewer hears both sides of the ledger there. So does one who hears the loss today sized in
money in one sentence ("it loses 3% of that: $360k") and the system's cost in another ("$15-20k
a year"): the arithmetic is done. A price called cheap with an unconditional yes, or a cost sized
beside a guardrail's rollback or a claim with no figure, still sets nothing against it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from interviewer.coach.cues_markers import NUMBER
from interviewer.coach.cues_payback import BENEFIT_NAMED, COST_NAMED, HELD_CALL, MONEY

_COST = re.compile(COST_NAMED, re.IGNORECASE)
_HELD = re.compile(HELD_CALL, re.IGNORECASE)
_MONEY = re.compile(MONEY, re.IGNORECASE)
_LOSS = re.compile(BENEFIT_NAMED + r"|\blos(?:e|es|ing)\b|\bleak\w*", re.IGNORECASE)
_FIGURE = re.compile(r"\d|\b(?:hundreds?|thousands?|millions?|billions?|k)\b", re.IGNORECASE)
"""A figure as people say it: "42,000 up front", "six or seven hundred K"."""


def sized_and_held(sentences: Sequence[str]) -> bool:
    """The answer sizes the cost (the cost named with a figure) in one sentence and, in another,
    holds the call on the spend to what is observed or sizes what is lost or saved in money."""
    held = [i for i, s in enumerate(sentences) if _HELD.search(s) or _sized_gain(s)]
    sized = [i for i, s in enumerate(sentences)
             if _COST.search(s) and (NUMBER.search(s) or _FIGURE.search(s))]
    return any(i != j for i in held for j in sized)


def _sized_gain(sentence: str) -> bool:
    """What it saves or what is lost today, in money ("it loses 3% of that: $360k a year"): the
    other side of the ledger, sized, against which a sized cost is weighed."""
    return bool(_MONEY.search(sentence) and _LOSS.search(sentence))
