"""Padding: an answer carried by emphasis rather than content.

"This is a really great question... at the end of the day success means users really love it...
engagement is really the key metric... more engagement means more value, and more value means
more success": an interviewer hears the same thin point said louder, and grades it 1.5-2 however
long it runs and however confident its calls ("I would say engagement"). The sign is how often
the answer leans on emphasis and filler praise: on the dev split, 0-0.4 such phrases per hundred
words in strong answers and their twins (spoken transcripts included, at most 0.7), at most 1.3
in medium ones, and 1.2-5 in padded ones; with three of them or more, 1.2 per hundred words
separated padded and weak answers (graded 1-2) from every other kind. The phrases are those of
emphasis, not of any subject: "critical customers" and "essential services" name things.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from interviewer.coach.text import words
from interviewer.coach.units import Unit

EMPHASIS = re.compile(
    r"\b(?:really|truly|at the end of the day|of course|definitely|ultimately|"
    r"(?:super|very|so|most|really) important|key (?:metric|thing|point|question)|crucial|"
    r"fundamental\w*|the foundation|holistic\w*|(?:great|important|good|interesting) question)\b",
    re.IGNORECASE)
PER_HUNDRED_WORDS = 1.2
AT_LEAST = 3
PADDED_CAP = 2.0
"""As far below the bar as an answer that drifts off the question (`analysis.DRIFT_CAP`)."""


def padded(units_: Sequence[Unit]) -> bool:
    """The answer leans on emphasis and filler praise often enough to be padding."""
    texts = [u.piece.text for u in units_]
    hits = sum(len(EMPHASIS.findall(t)) for t in texts)
    n = sum(len(words(t)) for t in texts)
    return hits >= AT_LEAST and 100 * hits >= PER_HUNDRED_WORDS * n
