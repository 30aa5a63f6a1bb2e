"""A launch bar stated: the figures that gate the call, in the forms notes and prose give them.

"Ready when the forecast covers need on 95% of shifts", "Bar: publish rate +10%", "ship at +3
points with no rise in flags", "auto-approve only at 99% audited precision", "any unsafe reply
pauses it": each says in advance what result ships the product and what stops it, which is the
decision rule an interviewer asks for, without the "if ..., then ..." the rule cues listen for.
On the dev split strong answers stated their bar this way in one of three typed answers that
the rule went unread in (held at experimentation 1-3 and a typed ground short of its "rule").

A bar is credited only with its figure: in its own clause, in the clauses that follow it in the
same sentence ("I'd call it ready when, on sites it never saw, | it catches 95% of..."), or in
the items under it when it is a header ("Ready when" over bulleted bars). "The bar is high"
sets nothing. A pilot's size ("roll out at 5% of traffic") is a step, not a bar: a call at a
figure counts only when the figure is signed or "only at" it ("expand at -15% failures").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from interviewer.coach.cues_markers import NUMBER

if TYPE_CHECKING:  # units reads the cue families, which read `STATED` from here
    from interviewer.coach.units import Unit

STATED = (
    # readiness defined: "call it ready when", "it's ready once", "ready for the whole grid means"
    # (with what it is ready at: a header "Ready when" alone labels its items, it states nothing)
    # A readiness set on the model's score alone ("ready when it's 95% accurate") is its test
    # set's number, not a launch bar (`offline_success.py`).
    r"ready\b[^.;?!]{0,40}?\b(?:when|once|means|only (?:when|once|if|after))"
    r"(?=(?:\s*\([^)]*\))?[,:]?\s*\w)(?![^.;?!]*\b(?:accura\w*|auc|f1|benchmarks?)\b)|"
    # the bar under its label, its figure after the colon: "Bar: +3 pts", "Bars (asymmetric):
    # under-triage < 1%", "The bar to roll out: +2 points", "with a bar of under 1 in 500"
    r"bars?\b[^.;:?!\d]{0,25}:\s*[^.;?!]{0,60}?\d|"
    r"bars? (?:would be|is|of|at|set at)\b[^.;?!]{0,50}?\d|"
    # a call at a signed figure, or only at one: "ship at +3 points", "roll out only at >= 20%"
    r"(?:ship|launch|roll(?:ing)? (?:it )?out|expand|go (?:wide|live)|scale(?: up)?|widen|"
    r"automate|auto-[a-z]+|move on)\b[^.;:?!]{0,30}?(?:\bat\s*(?:[<>]=?|\u2265|\+|-)\s*|"
    r"\bonly at\b[^.;?!\d]{0,12})\d+|"
    # zero tolerance: one bad case triggers the call, "any unsafe reply sent pauses it"
    r"(?:any|a single) [^.;:?!]{1,40}? (?:pauses?|stops?|pulls?|kills?|halts?|reverts?|"
    r"rolls? (?:it |us )?back|is a stop-ship|means (?:a )?(?:pause|stop|rollback))\b"
)
"""Word-bounded alternation, added to the decision-rule family in plain words (`cues_plain`)."""
STATED_RE = re.compile(r"\b(?:" + STATED + r")\b", re.IGNORECASE)

FOLLOWING_CLAUSES = 2
"""Clauses after a bar's own, in the same sentence, that may carry its figures."""


def figures_follow(units_: Sequence[Unit], i: int) -> bool:
    """A clause cut from a long sentence whose figures are in the clauses right after it: "I'd
    call it ready when, on sites it never saw | it catches 95% of bare heads | ..."."""
    u = units_[i]
    if u.sentence < 0:
        return False
    after = units_[i + 1:i + 1 + FOLLOWING_CLAUSES]
    return any(v.sentence == u.sentence and v.number for v in after)


def states_bar(text: str) -> bool:
    """A bar stated with its figure in the same text (a whole sentence, or an item read with
    its header)."""
    return bool(STATED_RE.search(text)) and bool(NUMBER.search(text))
