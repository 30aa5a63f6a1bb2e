"""The question's own ground: how much of what a strong answer to it covers, this answer works on.

An interviewer grades a bank question against what its strong answer covers (its outline: the
users and the goal, the plan, the measures, the risk, the call). An answer that works through
most of those points, each in a sentence that commits to something (a reason, a number, a
choice), is strong even where the rubric's lexicon misses its words: a hedged but deep answer
("I'd probably use a stepped-wedge rollout"), one with no digits ("one or two alerts per nurse
per shift"), one typed as bullets under headers. The rubric's per-dimension cues and the
no-number cap (`argued.py`) held such answers at 3.0-3.8 where an interviewer gives 4.5.

What counts: only applied sentences (not a bare list of buzzwords, a narrated plan of the answer
or generic advice), and only answers no gate has set aside (off-question, drifting, recited,
missing the ask, model-first): a list of the outline's words covers nothing, because no
sentence of it commits. A point is covered when half of its key terms are said, the same test
the scorecard uses for "what a strong answer adds", so the floor and that list never disagree.
Typed questions have no outline: their ground is read from the prompt and from what every
product answer works through (`typed_ground.py`), and the floor asks for all of it but one
point (4) or all of it (4.5), since those points are broader than an outline's.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from interviewer.banks import Question
from interviewer.coach.argued import hedged
from interviewer.coach.model_first import model_first
from interviewer.coach.relevance import subject_terms
from interviewer.coach.restated_plan import restates_outline
from interviewer.coach.text import stem, words
from interviewer.coach.typed_ground import is_short, spares_only_the_aside, typed_covered
from interviewer.coach.units import Unit, is_applied
from interviewer.rubric import HIRE_BAR

POINT_COVERED = 0.5
"""Share of an outline point's key terms an answer must say to have touched it."""
KEY_WORD_LETTERS = 5
"""Longer words of an outline point are its key terms too (with its subject terms)."""
HALF_OF_IT = 0.5
"""Outline share (3 of 6 points, 3 of 5) worked on: past the bar, more than one instance (4).
On the dev split no medium answer that passes the gates went past 1 in 3."""
MOST_OF_IT = 0.66
"""Outline share (4 of 6, 4 of 5, 5 of 7) worked on: what an interviewer gives 4.5."""
MADE_THE_MOVE = 0.8
"""Outline share (5 of 6, 4 of 5, 6 of 7) worked on: the question's ask is made, in any words."""
HALF_FLOOR = 4.0
MOST_FLOOR = 4.5
TYPED_MOST = 0.8
"""A typed question's ground (5 or 6 broad points) worked through but for one point: 4."""
TYPED_ALL = 1.0
"""All of it: 4.5."""
MIN_APPLIED = 5
"""Applied sentences the answer needs besides: a point each is not depth in one line apiece."""
SHORT_APPLIED = 3
"""A ~90-word answer to a typed question packs its points into three sentences or so."""
DEEP_APPLIED = 12
"""Committed sentences past which an answer that works through half its ground (all of a typed
question's but one point) has argued it in depth: a dozen sentences each with its own reason,
number or call is how a strong answer makes its case in its own words, whichever one point the
detectors miss (on the dev split 33 of 41 such answers were graded 4.5-5, held at 4-4.4)."""

TYPED_DEVELOPED_APPLIED = 6
"""Committed sentences a developed answer (past `typed_ground.SHORT_WORDS`) to a typed question
needs for its floor. A typed question's ground is five or six broad points: a developed answer
that touches them in five committed sentences has made one instance of each, the bar, and spent
the rest of its words on talk. On the dev split the floored developed answers with five were
three mediums graded 3-3.5 (floored to 4-4.5), with six two mediums; the strong ones had seven
or more, but a spoken or non-native twin of a seven-sentence answer reads as six, so six keeps
its floor (`tests/test_form_invariance.py`)."""


WORDS_PER_HEDGE = 100
"""An answer with a hedge (could, might, maybe, probably, it depends...) in every this many
words or fewer has not committed to the ground it names. On the dev split the answers floored
for all of it but one point split cleanly: mediums one hedge in 45-90 words, strong answers and
their twins one in 175 or more."""


def hedging(units_: Sequence[Unit]) -> bool:
    """Hedged throughout: the floor for *most* of the ground rescues an answer whose firm calls
    the rubric's lexicon misses, not one that names the ground and keeps its options open
    ("we could start with...", "it might be worth...")."""
    n = sum(len(words(u.piece.text)) for u in units_)
    return hedged(units_) * WORDS_PER_HEDGE >= n


def covers(point: str, said: set[str]) -> bool:
    """Half the point's key terms (its subject terms, its longer words) are among `said`
    (stems)."""
    key = set(subject_terms(point)) | {stem(w) for w in words(point)
                                       if len(w) >= KEY_WORD_LETTERS}
    return bool(key) and len(key & said) / len(key) >= POINT_COVERED


def applied_texts(units_: Sequence[Unit]) -> list[str]:
    """The sentences (or clauses) that commit to something in the candidate's own reasoning."""
    return [u.piece.text for i, u in enumerate(units_) if is_applied(units_, i) and _own(u)]


def _own(u: Unit) -> bool:
    return not (u.buzzwords or u.narration or u.generic)


def committed_texts(units_: Sequence[Unit], question: Question | None = None) -> list[str]:
    """The applied sentences, whole: a sentence that commits covers every item it lists ("Before
    launch I'd require: content it reads is data; least privilege per task; a daily spending
    limit"), though only its first clauses read as committed on their own. With the `question`,
    a plan step that only hands its outline back ("I'd rank them by revenue against effort")
    works nothing through (`restated_plan.py`)."""
    applied = [i for i, u in enumerate(units_) if is_applied(units_, i) and _own(u)
               and not (question is not None and restates_outline(u, question))]
    runs = {units_[i].sentence for i in applied if units_[i].sentence >= 0}
    return [u.piece.text for i, u in enumerate(units_)
            if i in applied or (u.sentence >= 0 and u.sentence in runs and _own(u))]


def ground_covered(question: Question, units_: Sequence[Unit],
                   points: Mapping[str, bool] | None = None) -> float:
    """0-1: the share of the question's outline points its applied sentences work on (a typed
    question's: of its ground's points, `typed_ground.py`; `points`, when the reading has them)."""
    if not question.outline:
        texts = committed_texts(units_, question) if points is None else []
        return typed_covered(question, units_, texts, points)
    said = {stem(w) for text in committed_texts(units_, question) for w in words(text)}
    return sum(covers(p, said) for p in question.outline) / len(question.outline)


def works_through(question: Question, units_: Sequence[Unit], share: float = MADE_THE_MOVE) -> bool:
    """Most of the outline (by default nearly all of it), worked on in applied sentences, in
    five applied sentences or more. Nearly all of it: the answer has made the move the
    question asks (diagnosed the fall, estimated the number), whatever its words for it. A
    ~90-word answer packs "novelty, not decline" into one clause where the move's cues are
    counted in sentences. Bank questions only: a typed question's ground is broad (a measure,
    a risk, a rule...), and a polished answer to its neighbour works through it too."""
    return (bool(question.outline) and len(applied_texts(units_)) >= MIN_APPLIED
            and ground_covered(question, units_) >= share)


def ground_floor(question: Question, units_: Sequence[Unit], before: float, settled: float,
                 gated: bool, points: Mapping[str, bool] | None = None) -> float:
    """The settled overall, raised to 4 when the answer works through half the question's
    outline in applied sentences, and to 4.5 when it works through two thirds of it. Never
    lowers a score. Never lifts one a gate has set aside, nor one a cap put below the bar
    (`before`: the overall before `argued.settle`; its model-first cap, or any other that judges
    the whole answer weak, is final): only the no-number cap, which holds at the bar, is lifted.
    `points`: the typed ground's points (`typed_ground.typed_points`), read once per answer."""
    capped_below_bar = settled < min(before, HIRE_BAR)
    if gated or capped_below_bar or model_first(units_):
        return settled
    share = ground_covered(question, units_, points)  # once: works_through would compute it again
    half, most = (HALF_OF_IT, MOST_OF_IT) if question.outline else (TYPED_MOST, TYPED_ALL)
    applied = len(applied_texts(units_))
    if (not question.outline and is_short(units_) and share >= TYPED_ALL
            and applied >= SHORT_APPLIED):
        # A ~90-word answer makes each point once: all of the ground, one sentence a point, is
        # past the bar with more than one instance (4). Packed into as many committed sentences
        # as a developed answer needs (`MIN_APPLIED`), it is that answer's depth in notes (4.5):
        # on the dev split such short twins sat 0.5-1 under their graded prose twins. Short of
        # all of it, it is read as a longer answer is (all but one point in five committed
        # sentences: 4), not set aside for its length.
        return max(settled, MOST_FLOOR if applied >= MIN_APPLIED else HALF_FLOOR)
    if (not question.outline and is_short(units_) and applied >= SHORT_APPLIED
            and not hedging(units_)
            and spares_only_the_aside(question, units_, committed_texts(units_, question)
                                      if points is None else [], points)):
        # ...and all of it but one point the prompt did not ask for, one sentence a point, is
        # past the bar as a longer answer's all-but-one is (4): on the dev split such ~90-word
        # answers sat 0.3-1.2 under their grades, held at the rubric's one instance a dimension.
        return max(settled, HALF_FLOOR)
    if share < half or applied < MIN_APPLIED:
        return settled
    if not question.outline and not is_short(units_) and applied < TYPED_DEVELOPED_APPLIED:
        return settled
    if share < most and hedging(units_):  # all of it is worked through, hedged or not
        return settled
    deep = share >= most or applied >= DEEP_APPLIED
    return max(settled, MOST_FLOOR if deep else HALF_FLOOR)
