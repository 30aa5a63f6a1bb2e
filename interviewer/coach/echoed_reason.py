"""A reason made only of the question's own words argues nothing.

"Guardrails for the booking agent should balance autonomy with safety, so travelers stay in
control of their flights and hotels": the "so" clause hands the prompt's nouns back (travelers,
flights, hotels) with doctrine ("stay in control"). An interviewer hears a reason when it brings
something the question did not say: a mechanism, a cost, a number, a user's behaviour ("because
a wrong nonrefundable fare costs more trust than a hundred saved taps"). A reason clause that
hands back the prompt's own nouns and adds only the rubric's doctrine (`recital.py`), with no
number, does not count as a reason; a short one that names nothing of the prompt ("because they
need the decisions") is left alone. Nor does a reason that only calls the thing important
("because routing is the core of the whole experience", "because reliability is key for an
airline"): it says the choice matters, not why this one.
"""

from __future__ import annotations

import re

from interviewer.coach.cues_markers import NUMBER, REASON
from interviewer.coach.padding import talk_only
from interviewer.coach.recital import DOCTRINE_STEMS
from interviewer.coach.relevance import subject_terms

ECHOED = 2
"""Prompt terms a reason must hand back to be an echo: one ("because people trust numbers in a
spreadsheet", "I work on the feedback and not on the usage") is a reason about the product."""


IMPORTANCE = re.compile(
    r"\b(?:core|foundation|heart|key|critical|crucial|essential|central|fundamental|backbone|"
    r"what matters|matters (?:most|so much)|most important|really important|so important|"
    r"valuable|makes sense|headline)\b",
    re.IGNORECASE)
"""Words that call a thing important without saying why."""


def argues(text: str, prompt_stems: frozenset[str]) -> bool:
    """The text gives a reason, and what follows the reason's marker says something of its own."""
    m = REASON.search(text)
    if m is None:
        return False
    if not prompt_stems:
        return True  # nothing to compare with: every reason stands
    grounds = text[m.start():]
    if NUMBER.search(grounds):
        return True
    known = prompt_stems | DOCTRINE_STEMS
    clause = re.split(r"[:;,(]", grounds, maxsplit=1)[0]  # "since it's the headline feature: ..."
    if IMPORTANCE.search(text) and (talk_only(subject_terms(text), known)
                                    or talk_only(subject_terms(clause), known)):
        return False  # "X is the foundation of everything, so it comes first": nothing but X
    terms = subject_terms(grounds)
    echoes = len({t for t in terms if t in prompt_stems}) >= ECHOED  # the prompt's nouns back...
    return not echoes or any(t not in prompt_stems and t not in DOCTRINE_STEMS  # ...and only them
                             for t in terms)
