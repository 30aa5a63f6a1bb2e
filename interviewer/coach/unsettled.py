"""Sentences that sound like a call and settle nothing: a bar with no bar in it, a balance
with no side.

"If the results look good, we roll it out" has the shape of a decision rule, yet names neither
what is measured nor how good is good enough; "we need to find the right balance" names a
tension and declines to take a side. An interviewer hears both as the call still to be made, so
neither counts as an argued call (`argued.py`) nor as a commitment (`units.py`).
"""

from __future__ import annotations

import re

from interviewer.coach.cues_markers import NUMBER
from interviewer.coach.recital import tied_number
from interviewer.coach.time_span import without_spans
from interviewer.coach.vague_condition import vague_condition

_LOOSE_RESULT = (
    r"(?:the |our |all |its |those |these |all (?:the |these |those |of (?:the |these ))?)?"
    r"(?:results?|it|things|everything|numbers|pilot|test|data|feedback|outcomes?|this|that|"
    # the measures just listed, taken together: "if these metrics look good", "if all three are"
    r"metrics|measures|signals|three|four|them|they)"
)
VAGUE_BAR = re.compile(
    # the condition's subject is the result in general, its verdict a word of approval
    r"\bif " + _LOOSE_RESULT + r"(?: \w+)? (?:looks?|goes|go|seems?|is|are|turns? out|"
    r"comes? back|works? out)(?: \w+)? (?:good|well|fine|ok|okay|positive|promising|great|"
    r"successful|better|right)\b|"
    r"\bif (?:it|that|this|the pilot|the test)(?: all)? works\b|\bif successful\b|"
    # the definition of worth it, said as its test: "if the benefits outweigh the costs"
    r"\bif (?:the )?(?:benefits?|upsides?|pros|value|gains?)(?: \w+)? (?:outweighs?|exceeds?|"
    r"justify|justifies) (?:the )?(?:costs?|risks?|downsides?|cons|price)\b|"
    r"\bif (?:it's|it is|it turns out) worth it\b|"
    # engagement in general, going up: no measure of this product's own and no line
    r"\bif (?:the )?(?:engagement|usage|clicks?|activity)(?: \w+)? (?:goes|go|is|are|looks?) "
    r"(?:up|high|higher|good|better|well)\b|"
    r"\bif (?:people|users|customers|residents|everyone) (?:like|likes|are happy with) it\b|"
    r"\bsee how (?:it|things|that) (?:goes|go|works|turns out)\b",
    re.IGNORECASE,
)
BALANCE = re.compile(
    r"\b(?:find|strike|get|keep|reach|found)(?:ing)? (?:the |a )?(?:right |good |healthy |"
    r"sweet |fair )?(?:balance|middle ground|sweet spot)\b|"
    r"\bit'?s (?:all )?(?:a |about )?(?:balance|balancing act|trade-?off)\b|"
    r"\bbalance (?:them|both|the two|it)\b",
    re.IGNORECASE,
)
SIDE = re.compile(r"\b(?:rather|prefer|favou?r|side|lean|over|than|first|above|before|by|"
                  r"such as|like a|for example|via|through)\b", re.IGNORECASE)
"""A balance stated with the side it leans to, or how it is struck, is a call after all."""


_CALL_STARTS = re.compile(
    # where the condition ends and its call begins: ", I'd roll it out", " we ship", "; then"
    r"[;.?!]|(?:,\s*|\s+)(?=(?:then|(?:i|we)(?:'d|'ll| would| will)?|roll|ship|expand|launch|"
    r"scale|keep|add|go live)\b)", re.IGNORECASE)


def vague_bar(text: str) -> bool:
    """A condition that names no measure and no threshold: "if the results look good". Its bar
    is read in the condition's own clause: "If all three are positive, roll out fifty buildings
    at a time" sizes the next step, not the result that earns it; nor is how long the pilot
    runs ("after a few months") a threshold (`time_span.py`)."""
    for m in VAGUE_BAR.finditer(text):
        end = _CALL_STARTS.search(text, m.end())
        clause = without_spans(text[m.start():end.start() if end else len(text)])
        if not (tied_number(clause) or NUMBER.search(clause)):
            return True
    return vague_condition(text)


_CLAUSES = re.compile(r"[;,]\s*(?:and|but|so|then)\b|;|\bbut\b", re.IGNORECASE)


def fence_sitting(text: str) -> bool:
    """"We need to find the right balance there": a tension left open, no side taken."""
    return (bool(BALANCE.search(text)) and not tied_number(text)
            and not SIDE.search(text))


def settled_part(text: str) -> str:
    """The text without its clauses that sit on the fence: "I'd find a balance between the two,
    and I'd run an A/B test on it" still commits to the test."""
    return " ".join(c for c in _CLAUSES.split(text) if not fence_sitting(c))
