"""The outline handed back as confident claims, with figures nothing in the answer derives.

A bank question's outline is what its strong answer covers. "Errors cost lawyers time and create
client risk, which is 62 percent of the problem. We will validate with blind grading by lawyers
and a limited rollout, which will confirm a 33 percent improvement." restates two of its points
word for word and dresses them as results. An interviewer asks where 62 percent comes from, hears
no answer in the text, and grades a recitation: no cost is compared, no choice argued, nothing is
the candidate's own. Counted by the ground floor (`ground.py`) it covered the outline and scored
4.5. A plan step that hands a point back honestly ("I'd look at where it fails") is a checklist,
judged by `restated_plan.py`; this is the bluff: most sentences echo an outline point, several of
them carry a figure, and the answer gives (at most) one reason of its own.

A sentence echoes a point when it says half the point's key terms (`ground.covers`) and adds at
most two terms of its own beyond the question's prompt and outline and the rubric's doctrine: a
strong answer says the same points in its own nouns (a lawyer's half hour at $300, M&A drafts,
the kettle nobody reads six paragraphs about).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from interviewer.banks import Question
from interviewer.coach.ground import covers
from interviewer.coach.recital import DOCTRINE_STEMS
from interviewer.coach.relevance import subject_terms
from interviewer.coach.restated_plan import PLAN_WORDS, question_stems
from interviewer.coach.text import stem, words
from interviewer.coach.units import Unit

OWN_TERMS = 2
"""Terms of its own an echoing sentence may add ("which is", "clearly", "the problem")."""
ECHO_SHARE = 0.6
"""Share of the answer's sentences that echo the outline. On the dev split strong answers and
their twins stay at or under 0.5 (concise ~90-word twins come closest); honest checklists reach
1.0 but carry no figures."""
MIN_SENTENCES = 4
FIGURES = 2
"""Echoing sentences carrying a figure: the checklist made to sound measured."""
MAX_REASONS = 1
"""Sentences giving a reason, in the whole answer: a strong answer argues in many."""


def echoes(u: Unit, question: Question, known: frozenset[str]) -> bool:
    """The sentence says an outline point in the outline's words and little of its own."""
    said = {stem(w) for w in words(u.piece.text)}
    own = {t for t in subject_terms(u.piece.text)
           if t not in known and t not in PLAN_WORDS and t not in DOCTRINE_STEMS}
    return len(own) <= OWN_TERMS and any(covers(p, said) for p in question.outline)


def bluffs_outline(question: Question, units_: Sequence[Unit]) -> bool:
    """Most sentences echo the outline, several with a figure, and the answer argues nothing."""
    if not question.outline or len(units_) < MIN_SENTENCES:
        return False
    known = question_stems(question)
    echoing = [u for u in units_ if echoes(u, question, known)]
    return (len(echoing) >= ECHO_SHARE * len(units_)
            and sum(u.number for u in echoing) >= FIGURES
            and sum(u.reason or states_a_rule(u) for u in units_) <= MAX_REASONS)


def states_a_rule(u: Unit) -> bool:
    """A figure as the bar of a condition ("fraud first if over a tenth of churned users cite
    fraud") says what would change the call: the candidate's own argument, as a reason is. The
    bluff's figures are results nothing derives ("which will confirm a 33 percent gain")."""
    return u.number and bool(_CONDITIONAL.search(u.piece.text))


_CONDITIONAL = re.compile(r"\b(?:if|unless|until|only when)\b", re.IGNORECASE)
