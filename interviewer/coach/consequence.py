"""A consequence drawn from a condition is a reason, though it names no "because".

Strong candidates often argue a risk by what follows from it: "Once sellers notice small claims
pay in minutes, you get edited invoices", "If the night shift stops reading the drafts, every
error goes out". That is the why of the risk, in plain words; the reason cues (`cues_markers.
REASON`) wait for "because", "so" or "which means", and a non-native or plain speaker may use
none. Counted only where it says something of its own about the question's subject, and only
where the main clause states what happens, not the candidate's own call ("If it works, we'd
expand" is a rule, read as one elsewhere) nor a question.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from interviewer.coach.units import Unit

CONSEQUENCE = re.compile(
    r"^\s*(?:[-*\u2022]\s*)?(?:\d+[.)]\s*)?(?:and\s+)?(?:if|once|when|whenever|after)\b"
    r"[^,;:?!]{8,120},\s*(?!(?:then\s+)?(?:i|we|let's|let us)\b)(?!(?:then\s+)?(?:i'd|we'd|i'll|"
    r"we'll|i'm|we're)\b)[^?]{12,}$",
    re.IGNORECASE)


def drawn_consequence(u: Unit) -> bool:
    """The unit states what follows from a condition about the question's subject."""
    return (bool(u.subject) and u.says_own and not (u.generic or u.narration or u.buzzwords)
            and not u.decision and bool(CONSEQUENCE.search(u.piece.text)))


def consequences(units_: Sequence[Unit]) -> int:
    return sum(1 for u in units_ if drawn_consequence(u))
