"""How far below the bar an answer the coach reads as off the question belongs.

An answer about nothing of this question scores 1 when it is thin or about another product in
name only. Two kinds an interviewer grades 1.5-2 instead: a polished answer to another question
(most of its sentences commit to something: numbers, a test, a rule), which shows the candidate
can reason, and a recitation of frameworks in full sentences, off the question only because it
names nothing of any product ("To know whether any AI feature pays for itself, compare its costs
with its benefits..."): the same recitation with the product's name in it is capped at 1.5
(`analysis.RECITATION_CAP`), and naming nothing is not worse than naming the product. A list of
names (keywords, 20-60 words) stays at 1. On the dev split these floors moved 34 answers graded
1.5-2 up from 1 to 1.5, and 10 graded 1 (off-question, recitation, a 69-word keyword list) to 1.5.
"""

from __future__ import annotations

from interviewer.coach.relevance import Relevance

POLISHED_SHARE = 0.8
"""Applied share (`analysis.Reading.applied_share`) of a polished answer to another question."""
RECITED_WORDS = 60
"""A generic answer this long is sentences, not a keyword list."""


def engaged_elsewhere(relevance: Relevance, applied_share: float, words: int) -> bool:
    """Reasoned well on another question (or kept to a neighbouring task it announced), or
    recited in sentences about no product at all."""
    generic = not (relevance.another_product or relevance.another_question)
    # An opening that names a neighbouring task of this product and an answer that keeps to it
    # (`agenda.py`) is a case made, however few of its sentences the rubric reads as applied.
    return (applied_share >= POLISHED_SHARE or bool(relevance.agenda)
            or (generic and words >= RECITED_WORDS))
