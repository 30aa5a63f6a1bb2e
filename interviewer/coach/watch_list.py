"""A plan to watch a list of things is not a call: "I'd track revenue, churn and upsell".

An argued call (`argued.py`) is a decision in the speaker's own voice with its reason. "I'd
track revenue impact, churn reduction and upsell, since the feature strengthens our position"
has the voice and a reason, yet decides nothing: it names what to look at, as every answer to
every question can, and the reason is for looking at all. An interviewer hears a scorecard, not
a call; a polished medium that listed its layers this way read as decisive and was floored at 4
(graded 2.5). One thing watched, with what it is for, is still a call ("I'd measure views in
the first hour and, more important, whether fans stay subscribed, since..."): only a run of
short names after a verb of looking is set aside.
"""

from __future__ import annotations

import re

LOOKING = re.compile(r"(?:track|monitor|measure|watch|look|check|review|report|survey|count)"
                     r"\w*(?: at| on| for)?$", re.IGNORECASE)
"""The verb a call ends on (the call's match in `argued.FIRM`): one of looking, not of doing."""
_OBJECT_END = re.compile(r"[.;:?!]|\b(?:since|because|so|to|which|as|for|in order)\b",
                         re.IGNORECASE)
_ITEMS = re.compile(r",|\band\b|\bor\b", re.IGNORECASE)
LISTED_ITEMS = 3
ITEM_WORDS = 5
"""Three or more items of five words or fewer: names, not one thing described."""


def lists(rest: str) -> bool:
    """What follows the verb, up to its reason, is a run of short names."""
    end = _OBJECT_END.search(rest)
    items = [i.split() for i in _ITEMS.split(rest[: end.start() if end else len(rest)])]
    items = [i for i in items if i]
    return len(items) >= LISTED_ITEMS and all(len(i) <= ITEM_WORDS for i in items)


def watches_a_list(call: str, rest: str) -> bool:
    """`call`: the words of the call ("I'd track"); `rest`: the sentence after them."""
    return bool(LOOKING.search(call)) and lists(rest)
