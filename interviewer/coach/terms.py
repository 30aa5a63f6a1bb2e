"""The words that can carry a subject: kept apart so the relevance checks and the modules they
call (`announced.py`) read the same terms without importing each other."""

from __future__ import annotations

from interviewer.coach.cues_vocabulary import GENERIC_WORDS
from interviewer.coach.text import stem, words


def subject_terms(text: str) -> list[str]:
    """Stems of the words that can carry a subject: not the rubric's, not function words."""
    out = []
    for w in words(text):
        w = w.strip("'%-/").removesuffix("'s")  # "the user's needs": the user
        if len(w) <= 2 or w in GENERIC_WORDS:
            continue
        # A number joined to its noun ("a 40,000-employee company") keeps the noun; a number,
        # a unit or a code ("90-day", "p90") names no subject.
        for part in w.split("-"):
            if len(part) > 2 and part not in GENERIC_WORDS and not any(c.isdigit() for c in part):
                out.append(stem(part))
    return out
