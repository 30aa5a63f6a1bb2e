"""History told as background: what others did, dated in the past.

"It really started with the airlines after deregulation in 1978, when American Airlines developed
yield management... credited with hundreds of millions in revenue" carries a number, a reason and
the question's words, so it reads as applied; but it is the industry's story, not the
candidate's reasoning about this product. An interviewer hears padding. A sentence dated in the
past (a year before 2020, a decade, "decades ago") that plans nothing in the first person names
no claim of the candidate's own. So does the state of the art told as background: "Modern models
can detect this with over 99% accuracy, so the technology is mature" credits models in general
with a figure nobody measured on this product; it decides nothing about it.
"""

from __future__ import annotations

import re

_DATED = re.compile(
    r"\b(?:in|since|after|before|until|around|by|from) (?:the )?(?:(?:early|mid|late)[- ])?"
    r"(?:1[89]\d\d|20[01]\d)s?\b|"
    r"\b(?:the )?(?:early |mid |late )?(?:nineteen[- ])?(?:fifties|sixties|seventies|eighties|"
    r"nineties|two[- ]thousands)\b|"
    r"\b(?:decades|centuries) ago\b|\bhas a long (?:and \w+ )?history\b",
    re.IGNORECASE)
_STATE_OF_ART = re.compile(
    r"\b(?:modern|today's|the latest|state[- ]of[- ]the[- ]art) (?:[\w-]+ )?(?:models|"
    r"llms|algorithms|ai) (?:can|are|do|reach|achieve|get|hit|spot|detect)\b", re.IGNORECASE)
_OWN_PLAN = re.compile(r"\b(?:i|we)(?:'d|'ll| would| will| should| can)\b", re.IGNORECASE)


def retells_history(text: str) -> bool:
    """Dated in the past, or the state of the art, with no plan of the candidate's own in it."""
    return bool(_DATED.search(text) or _STATE_OF_ART.search(text)) and not _OWN_PLAN.search(text)
