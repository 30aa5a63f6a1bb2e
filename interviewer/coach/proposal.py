"""What a typed prompt puts forward, when it asks for a call on "it".

"A news site wants an AI to hold toxic comments for review. Would you launch it?" asks for a call
on *that* AI: holding toxic comments. An answer can make a firm call ("ship if retention rises")
on another feature of the same product (ranking comments for quality) and share the setting's
words ("comments", "news"); what it never names is what the prompt proposes. An interviewer
hears a call on the wrong thing. The proposal is read from the prompt's first sentence: what the
company wants, is considering or has built, or what "an AI that..." does.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from interviewer.coach.relevance import subject_terms

_FIRST = re.compile(r"(?<=[.?!])\s+")
_PROPOSES = re.compile(
    r"\b(?:wants?|plans?|is considering|considering|has (?:built|launched|added)|launched|"
    r"built|added|rolled out)\b\s+(.+)", re.IGNORECASE)
_AN_AI = re.compile(r"\b(?:ai|ml|model|agent)s?\b\s+(?:that|to|which)\s+(.+)", re.IGNORECASE)
MIN_TERMS = 2
"""A proposal of one word ("returns") says too little to tell one feature from another."""
NAMED_ENOUGH = 2
"""Two of its words name a long proposal: "AI answers" and "search" name "put AI-generated
answers at the top of our e-commerce site's search results", whose other words (put, top, site,
results) are its wording, not another feature."""


def proposal_terms(prompt: str) -> frozenset[str]:
    """Stems of what the prompt's first sentence proposes (empty: it proposes nothing)."""
    first = _FIRST.split(prompt.strip(), 1)[0]
    m = _PROPOSES.search(first) or _AN_AI.search(first)
    return frozenset(subject_terms(m.group(1))) if m else frozenset()


def names_proposal(prompt: str, sentences: Sequence[str]) -> bool:
    """The answer names two words of what the prompt proposes, or more than a third of it: a
    call made on it. One shared word of four ("comments" of "hold toxic comments for review")
    is the setting, not the proposal."""
    proposed = proposal_terms(prompt)
    if len(proposed) < MIN_TERMS:
        return True
    said = {t for s in sentences for t in subject_terms(s)}
    named = proposed & said
    return len(named) >= NAMED_ENOUGH or 3 * len(named) > len(proposed)
