"""What goes first, said as the decision itself.

"What would you ship first?" is answered by a sentence that opens with the thing shipped: "Ship
tap-to-translate on received messages only", "so i would ship tap to translate...", "For a first
version I'd keep it to...", "Disease diagnosis first: ...". The first-choice move's cues are words
of order (first, then, later), and it needs two of them, so a short or spoken answer that states
its pick once, as the opening of a sentence, and its first version as "v one", read as never
choosing, and the ask gate held it at 2 where an interviewer hears the pick at once.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from interviewer.coach.units import Unit

_LEAD = r"^\W*(?:(?:yeah|yes|ok|okay|so|well|um+|uh+|right|honestly|basically)\b[\s,]*)*"
_SUBJECT = (r"(?:(?:i|we)(?:'d| would| will|'ll| should| must)?"
            r"(?: (?:just|probably|definitely|actually))?\s+)?")

OPENS_WITH_PICK = re.compile(
    _LEAD + r"(?:" + _SUBJECT + r"(?:ship|launch|build|release|start with|begin with)\b"
    # the thing itself follows, not a place or a time ("launch in one region" is a rollout)
    r"(?!\s+(?:it|this|that|them|anything|everything|something|in|on|to|at|by|when|if|once|"
    r"after|before|across|with|for|as|only|small|fast|quickly)\b)(?!\s*[?:,.])"
    # "For a first version I'd ...", "v1: ..."
    r"|(?:for |in )?(?:the |a |our |my )?(?:first (?:version|release|cut|launch)|v ?(?:1|one))\b"
    # "Disease diagnosis first: ...", "Person alerts first, because ..."
    r"|(?:[\w-]+ ){0,4}[\w-]+ first\s*[:,;.\u2014-])",
    re.IGNORECASE)
"""A sentence that opens with the pick: the verb the ask uses, then the thing (not "build it"), or
the first version. "Pick" and "choose" are left out: "I'd pick the dimensions most relevant"
opens a recited framework as easily as a choice."""

FIRST_VERSION = re.compile(r"\b(?:v ?1|v one|version one)\b", re.IGNORECASE)
"""The first version named as such, anywhere: "so v one is an on-device model". An "MVP" is left
out: "start with an MVP and iterate" is the stock line of an answer that picks nothing."""


def pick_cues(said: Sequence[Unit]) -> set[str]:
    """Extra distinct cues of the first-choice move: a sentence opening with the pick, and the
    first version named (each counts once, however often it is said)."""
    cues: set[str] = set()
    for u in said:
        text = u.piece.text
        if OPENS_WITH_PICK.search(text):
            cues.add("<opens with the pick>")
        if FIRST_VERSION.search(text):
            cues.add("<first version>")
    return cues
