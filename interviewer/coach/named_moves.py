"""A sentence that names several instances of the move asked is more than one mention of it.

"It fails when the answer is wrong or outdated, when its sources don't support it, and for
shopping, where people want links" makes the critique's move three times in one sentence; "the
error between predicted and actual arrival, and how often it is late by five minutes" defines
success twice. The ask gate (`analysis.Reading.misses_the_ask`) counted sentences, so a medium
answer that packs its causes, failures or options into one list read as never making the move
and was held at 2, where an interviewer gives it about 3. Such a sentence counts twice when it
names distinct cues of the move and things of this question's own (not the prompt's nouns put
into a framework). Only moves whose cues name instances (failures, causes, measures) are
counted so: "our strategic options, such as building, partnering or buying" is one plan.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from interviewer.coach.cues_markers import NEGATION
from interviewer.coach.recital import specifics
from interviewer.coach.units import Unit

PER_SENTENCE = 2
"""At most this many instances of a move from one sentence: a list is not a whole answer."""
OWN_SPECIFICS = 5
"""Terms of the question's own (beyond its prompt and the rubric) a listing sentence needs: a
spoken aside ("then i'd also check if calls went down a bit") has four, all of them filler."""


LISTABLE = frozenset({"critique", "diagnose", "metrics", "experiment", "rollout"})
"""Moves whose cues name instances (a failure, a cause, a measure, a stage of a test or a rollout:
"Test: a month in shadow mode against moderator decisions, then A/B by article" tests twice).
Strategy's, design's and a launch's cues are verbs any plan uses (build, partner, ship): several
of them are one plan."""


def _distinct(move: re.Pattern[str], text: str) -> set[str]:
    """The move's cues in the text, a phrase split by the pattern ("A/B test") counted once, a
    cue set aside ("we don't need a test") not at all."""
    cues: set[str] = set()
    end = -2
    for m in move.finditer(text):
        if m.start() > end + 1 and not NEGATION.search(text[: m.start()]):
            cues.add(m.group(0).lower())
        end = m.end()
    return cues


def move_instances(move: re.Pattern[str], said: Sequence[Unit], prompt_stems: frozenset[str],
                   ask: str) -> int:
    """Sentences that make the move `ask`; one naming several distinct cues of it, with
    specifics of its own, counts as up to two (`LISTABLE` moves only)."""
    found = 0
    for u in said:
        if not move.search(u.piece.text):
            continue
        cues = _distinct(move, u.piece.text)
        listing = (ask in LISTABLE and len(cues) > 1 and not u.generic
                   and len(specifics(u.piece.text, prompt_stems)) >= OWN_SPECIFICS)
        found += min(PER_SENTENCE, len(cues)) if listing else 1
    return found
