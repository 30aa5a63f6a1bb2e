"""A reason that only praises the option argues nothing for it.

"I'd do the guide first because it's the most impressive", "dubbing second because it's the
most innovative", "since it goes well with the guide", "it's what people expect from AI now":
the clause after "because" calls the choice exciting, new or fashionable, and says nothing about
a user, a cost, a risk or a number. An interviewer hears a preference, not a reason, so such a
clause neither makes the sentence argued (`argued.py`) nor gives it a reason (`units.py`).
"""

from __future__ import annotations

import re

from interviewer.coach.cues_markers import NUMBER, REASON
from interviewer.coach.unsettled import vague_bar

HYPE = re.compile(
    r"^\W*(?:because|since|as|so)?\s*(?:it|this|that|they|these|it's|that's|this's|they're)?\s*"
    r"(?:'s|is|are|would be|will be|feels?|looks?|seems?)?\s*(?:the |a |so |really |very |just )*"
    r"(?:(?:most|more|very|really|super|so) )?(?:impressive|innovative|exciting|cool|coolest|"
    r"modern|trendy|cutting[- ]edge|state[- ]of[- ]the[- ]art|advanced|futuristic|flashy|shiny|"
    r"newest|latest|fun|wow|magical|hot|hottest|buzz\w*)\b|"
    r"^\W*(?:because|since|as)\s+(?:it|that|this)\s+(?:goes|fits|works) (?:well|nicely) with\b|"
    r"\bwhat (?:people|users|everyone|customers) expects? (?:from|of) (?:ai|an ai|tech)\b|"
    r"\beveryone (?:else )?is doing it\b",
    re.IGNORECASE,
)


def hype_reason(text: str) -> bool:
    """Every reason the sentence gives is praise of the option, all the way to its end."""
    found = False
    for m in REASON.finditer(text):
        found = True
        rest = text[m.start():]
        parts = [p for p in re.split(r"[:;,(]|\band\b", rest) if p.strip(" .!?")]
        if NUMBER.search(rest) or not all(HYPE.search(p) for p in parts):
            return False  # "...the most innovative and could open new markets": a reason too
    return found


def unfounded(text: str) -> bool:
    """A call whose only grounds are praise of the option or a bar with nothing in it: "I'd do
    the guide first because it's the most impressive", "if engagement is good we keep going"."""
    return hype_reason(text) or vague_bar(text)
