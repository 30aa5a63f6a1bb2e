"""How long something runs is not how good it must be: "after a few months", "for six weeks".

A span of time sets when a result is read, not what result is enough. "If these numbers look
good after a few months, I'd expand" names a pilot's length and still no criterion for moving
on; "a few months" matched the number cue, so the sentence read as a rule with a bar and a
measure with a number. An interviewer hears the criterion still missing. The span is set aside
before a vague verdict or a measure looks for its number; a bar on time itself ("replies within
two hours", "under five minutes") is not a span and stays.
"""

from __future__ import annotations

import re

_COUNT = (r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|a few|few|several|"
          r"a couple of|a couple|\d+(?:-\d+)?)")
SPAN = re.compile(
    r"\b(?:after|for|over|during|following|across|in the (?:first|next|last))\s+(?:the )?"
    r"(?:(?:first|next|last)\s+)?" + _COUNT + r"?\s*(?:days?|weeks?|months?|quarters?|years?|"
    r"semesters?|seasons?)\b",
    re.IGNORECASE)


def without_spans(text: str) -> str:
    """The text with spans of time ("after a few months", "for six weeks") taken out."""
    return SPAN.sub(" ", text)
