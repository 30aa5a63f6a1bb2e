"""An answer cut into units (sentences, or clauses of a long spoken run), and what each one shows.

A unit is *applied* when it is about this question's subject and commits to something (a
reason, a number or threshold, a decision); buzzword runs and narrated steps of answering
apply nothing. `analysis.py` scores dimensions from these units.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from interviewer.banks import Question
from interviewer.coach.background import retells_history
from interviewer.coach.cues_asks import MOVES, PROMPT_ASKS, PROMPT_CONSTRAINTS
from interviewer.coach.cues_concepts import FAMILIES
from interviewer.coach.cues_markers import DECISION, NUMBER
from interviewer.coach.cues_style import GENERIC, MODEL_TALK, NARRATION, PLAN_OF_ANSWER
from interviewer.coach.cues_vocabulary import GENERIC_WORDS, ORG_WORDS, PROCESS_WORDS
from interviewer.coach.deliberation import undeliberated
from interviewer.coach.echoed_reason import argues
from interviewer.coach.hype import hype_reason, unfounded
from interviewer.coach.padding import claim_terms, is_filler, own_terms, repeats
from interviewer.coach.rated_option import is_rating, rates_option
from interviewer.coach.recital import hollow, padded_number, specifics, tied_number
from interviewer.coach.relevance import subject_terms
from interviewer.coach.spoken_run import spoken_run
from interviewer.coach.text import Sentence, stem, words
from interviewer.coach.unsettled import fence_sitting, settled_part

NARRATION_NEW_WORDS = 1
"""A narrated step naming more than this many specifics of its own is a real step."""


@dataclass(frozen=True)
class Unit:
    """A sentence, or a clause of a long spoken run, with what it shows."""

    piece: Sentence
    subject: int
    """Terms of the question's subject it uses."""
    reason: bool
    number: bool
    decision: bool
    generic: bool
    model_terms: int

    buzzwords: bool = False
    """A run of rubric terms ("north star, guardrails, A/B test, RICE..."), a chain of them in a
    sentence, a concept named with nothing of this question's own, or a target with no anchor
    ("improve it by 10%"): names, no claims (`recital.py`)."""
    sentence: int = -1
    """Which sentence of the answer a clause was cut from (-1: the unit is a whole sentence)."""
    narration: bool = False
    """A step of answering narrated ("then I'd define the metrics") with nothing of its own:
    it can structure an answer (communication), it applies nothing."""
    restated: bool = False
    """The question handed back in its own words (`padding.py`): neither a claim nor a signpost."""
    says_own: bool = True
    """It names something beyond the prompt's words and talk about answering (`padding`)."""
    terms: frozenset[str] = frozenset()
    """What it is about (`padding.claim_terms`): a later unit about nothing else repeats it."""

    @property
    def committed(self) -> bool:
        if self.buzzwords or self.narration:
            return False
        return self.reason or self.number or self.decision or self.piece.bullet


LONG_RUN = 8
"""A list of this many short items, most not about this product, is a run of names whatever
its words: the lexicon need not know "SUTVA" or "accountability" to see a list."""


CLAIM_WORDS = 4
CLAIMS_IN_A_RUN = 2


def _is_buzzword_run(text: str, subject_stems: frozenset[str]) -> bool:
    """Four or more short comma-separated items, most of them the rubric's own terms and none
    of this product's ("guardrails: latency, returns, ad revenue" is a list of real claims)."""
    body = text.split(":", 1)[-1] if text.count(":") == 1 else text
    items = [i.strip(" .;-") for i in re.split(r",|;|\band\b|\bor\b", body) if i.strip(" .;-")]
    if len(items) < 4 or sum(len(i.split()) for i in items) / len(items) > 4:
        return False
    if len(items) >= LONG_RUN and sum(len(i.split()) for i in items) / len(items) <= 3:
        own = sum(1 for i in items if any(t in subject_stems for t in subject_terms(i)))
        # Groups of names that each lead into a claim about the product assign, not list:
        # "politics, crime and courts get an editor first; sports and weather publish alone".
        # A figure inside a run is a restated prompt figure or a target, not an assignment.
        claims = sum(1 for i in items if len(i.split()) >= CLAIM_WORDS
                     and not any(c.isdigit() for c in i)
                     and any(t in subject_stems for t in subject_terms(i)))
        if own < len(items) / 2 and claims < CLAIMS_IN_A_RUN:
            return True
    rubric = sum(1 for i in items if not any(t in subject_stems for t in subject_terms(i))
                 and not is_rating(i)  # "low effort" rates an option; "effort" names a word
                 and (any(f.pattern.search(i) for f in FAMILIES)
                      or all(w in GENERIC_WORDS for w in words(i))))
    return rubric / len(items) >= 0.6


def keyword_run(text: str, subject_stems: frozenset[str]) -> bool:
    """A whole sentence that runs eight or more short names together is a run of names, whatever
    numbers sit in it: "Quote volume up 100%, booked loads flat: funnel analysis, quote-to-book
    rate, north star, ..., A/B test with 95% confidence, ROI" restates the prompt's figure and
    lists the rest. Cut into clauses, each piece carries a number and looks like a claim."""
    items = [i for i in re.split(r",(?!\d)|;|\band\b|\bor\b", text) if i.strip(" .;:-")]
    counted = sum(1 for i in items if any(c.isdigit() for c in i))  # an estimate's steps
    return spoken_run(text) or (len(items) >= LONG_RUN and counted <= len(items) / 4
                                and _is_buzzword_run(text, subject_stems))


_PROCESS_STEMS = frozenset(stem(w) for w in PROCESS_WORDS | ORG_WORDS)
_CHOICE = re.compile(r"^\s*(?:so,? )?(?:i|we)(?:'d| would| will)? (?:(?:choose|pick|select|"
                     r"recommend|go with|bet on) (?!the (?:one|option)s? )|"
                     # what ships first, named: "I'd ship a shared inbox first"
                     r"(?:ship|build|launch|start with) (?!(?:it|this|that|them) )(?:[\w-]+ ){1,5}"
                     r"first\b)", re.IGNORECASE)


def _narrated(text: str, prompt_stems: frozenset[str]) -> bool:
    """A step of answering announced in the first person that adds nothing of its own: no
    number, and at most one specific the question did not already say."""
    if not (NARRATION.search(text) or PLAN_OF_ANSWER.search(text)) or tied_number(text):
        return False
    if _CHOICE.search(text) and any(t in prompt_stems for t in subject_terms(text)):
        return False  # picking one of the options the question names is the decision itself
    new = {t for t in subject_terms(text) if t not in prompt_stems and t not in _PROCESS_STEMS}
    return len(new) <= NARRATION_NEW_WORDS


# Note-taking shorthand, as typed notes write what prose spells out: "b/c" is "because", an
# arrow between two thoughts is "so", ">>" is "far more than", "w/" is "with".
_SHORTHAND = (
    (re.compile(r"(?<!\w)b/c(?!\w)|(?<!\w)bc(?= )", re.IGNORECASE), "because"),
    (re.compile(r"\s*(?:->|=>|\u2192)\s*"), ", so "),
    (re.compile(r"\s*>>\s*"), " far more than "),
    (re.compile(r"(?<!\w)w/o(?!\w)", re.IGNORECASE), "without"),
    (re.compile(r"(?<!\w)w/(?=\s)", re.IGNORECASE), "with"),
)


def spelled_out(text: str) -> str:
    """The text with note-taking shorthand written out, for the cues (quotes stay verbatim)."""
    for pattern, words_ in _SHORTHAND:
        text = pattern.sub(words_, text)
    return text


def make_unit(piece: Sentence, subject_stems: frozenset[str],
              prompt_stems: frozenset[str] = frozenset(), sentence: int = -1,
              recited: bool = False, restated: bool = False) -> Unit:
    """`recited`: the sentence it was cut from chains rubric concepts (`recital.recites`);
    `restated`: it hands the question back (`padding.restates_question`)."""
    text = piece.text
    # A number counts when it is a threshold or quantity, or sits beside something of this
    # question's own; "improve engagement by 10%" alone is padding.
    number = tied_number(text) or (bool(NUMBER.search(text))
                                   and bool(specifics(text, prompt_stems)))
    return Unit(
        piece=piece,
        subject=sum(1 for t in set(subject_terms(text)) if t in subject_stems),
        reason=argues(spelled_out(text), prompt_stems) and not hype_reason(text),  # "coolest"
        number=number,
        # "We need to find the right balance there": no side, no call (`unsettled.py`)
        decision=bool(DECISION.search(undeliberated(spelled_out(settled_part(text)))))
        or (rates_option(text) and not fence_sitting(text)),
        generic=bool(GENERIC.search(text)),
        # Model words the question itself uses ("open-weight models") are its subject here.
        model_terms=sum(1 for m in MODEL_TALK.finditer(text)
                        if not set(subject_terms(m.group(0))) & prompt_stems),
        buzzwords=recited or restated or padded_number(text, prompt_stems)
        or hollow(text, prompt_stems) or (
            not tied_number(text) and _is_buzzword_run(text, subject_stems))
        or retells_history(text),  # the industry's story, not the candidate's reasoning
        narration=_narrated(text, prompt_stems) or is_filler(text),  # thanks, praise: filler
        sentence=sentence,
        restated=restated,
        terms=claim_terms(text),
        says_own=bool(own_terms(text, prompt_stems)) or not prompt_stems,
    )


def _anchored(units_: Sequence[Unit], i: int) -> bool:
    """About this question: its own words, or a committed clause close to ones that are."""
    u = units_[i]
    if u.subject:
        return not (u.generic and u.subject < 2)
    if u.generic or u.model_terms:
        return False  # model talk does not borrow the product's subject from its neighbours
    if _same_run_as_subject(units_, i) or _terse_and_on_subject(units_, i):
        return True
    if not (u.reason or u.number):
        # "A chat companion addresses loneliness. | I'd rate it high impact": a decision about
        # "it" right after the sentence that named the subject is about that subject.
        return u.decision and _refers_back(units_, i, reach=1)
    near = [units_[j] for j in range(i - 1, i + 2) if j != i and 0 <= j < len(units_)
            and units_[j].piece.answer_index == u.piece.answer_index]
    return any(n.subject and not n.generic for n in near) or _refers_back(units_, i)


SHORT_ANSWER_UNITS = 8
"""An answer this short that keeps naming the subject is about it throughout."""
TERSE_NUMBERS = 2
LIST_ITEMS = 6
HEADER_WORDS = 3
LIST_SHARE = 0.3
"""In a long typed list, this share of its items naming the subject with a commitment makes it
dense: items under a header carry the header's subject as a short answer's sentences do."""


def _terse_and_on_subject(units_: Sequence[Unit], i: int) -> bool:
    """In ninety words nobody repeats the product's name in every sentence: in a short answer
    whose sentences mostly name the subject, the others ("Swaps next", "Shadow a month, then
    10% in one region") go on about it too, as they would in the long twin."""
    own = [v for v in units_ if v.piece.answer_index == units_[i].piece.answer_index]
    if len(own) > SHORT_ANSWER_UNITS:
        # A typed list under headers is terse the same way, item by item, however long the list:
        # "- Focus: weekday commuters, most rides" goes on about the bikes of the items around it.
        items = [v for v in own if v.piece.bullet and len(v.piece.text.split()) > HEADER_WORDS]
        if not units_[i].piece.bullet or len(items) < LIST_ITEMS:
            return False
        own = items
    # Only where the answer is dense with specifics: a short vague answer earns no such reading.
    on_subject = sum(1 for v in own if v.subject and not v.generic and v.committed)
    return ((2 * on_subject >= len(own) if len(own) <= SHORT_ANSWER_UNITS
             else LIST_SHARE * len(own) <= on_subject)
            and sum(1 for v in own if v.number) >= TERSE_NUMBERS)


def _same_run_as_subject(units_: Sequence[Unit], i: int) -> bool:
    """A clause cut from a long spoken run goes on about what the clause before it in the same
    sentence named: the cut is ours, not the speaker's ("so i'd rather be second on breadth
    than | first on a public failure")."""
    u = units_[i]
    if u.sentence < 0 or i == 0:
        return False
    before = units_[i - 1]
    return before.sentence == u.sentence and bool(before.subject) and not before.generic


BACK_REFERENCE_REACH = 3
_BACK_REFERENCE = re.compile(r"\b(?:it|its|it's|itself)\b", re.IGNORECASE)


def _refers_back(units_: Sequence[Unit], i: int, reach: int = 0) -> bool:
    """A committed sentence about "it" shortly after one that named the subject judges that
    subject ("I have a smart speaker... | it often doesn't understand me, so I gave up")."""
    u = units_[i]
    if not _BACK_REFERENCE.search(u.piece.text):
        return False
    before = [units_[j] for j in range(max(0, i - (reach or BACK_REFERENCE_REACH)), i)
              if units_[j].piece.answer_index == u.piece.answer_index]
    return any(n.subject and not n.generic for n in before)


def anchored(units_: Sequence[Unit], i: int) -> bool:
    """About this question (`argued.py`: a call argued about it, whatever else the run holds)."""
    return _anchored(units_, i)


def is_applied(units_: Sequence[Unit], i: int) -> bool:
    if PLAN_OF_ANSWER.search(units_[i].piece.text) or units_[i].narration:
        return False  # "I'll cover users, metrics, then rollout" is structure, not substance
    if _repeated(units_, i) or not _says_something(units_[i]):
        return False  # said before, or the prompt handed back: "I would test it thoroughly"
    if unfounded(units_[i].piece.text) and not units_[i].number:
        return False  # a call resting on praise or on "if it looks good" (`hype`, `unsettled`)
    return _anchored(units_, i) and (units_[i].committed or _continues_commitment(units_, i)
                                     or _enumerated(units_[i]))


PICK_WORDS = 4


def _says_something(u: Unit) -> bool:
    """Something beyond the prompt's words, a number, or a pick among the prompt's options
    ("I'd choose the automated grading", "Reminders first."; a typed item is terse that way)."""
    return (u.says_own or u.number or u.piece.bullet or bool(_CHOICE.search(u.piece.text))
            or len(u.piece.text.split()) <= PICK_WORDS)


def _repeated(units_: Sequence[Unit], i: int) -> bool:
    """A claim said again adds no depth ("To sum up, I'd ship routing first because it is the
    core"); a number is its own content ("ship at 60%" restates no earlier bar)."""
    u = units_[i]
    return not u.number and repeats(u.terms, (v.terms for v in units_[:i] if v.committed
                                            and v.piece.answer_index == u.piece.answer_index))


_ORDINAL_ITEM = re.compile(r"^\s*(?:one|two|three|four|five|first|second|third|fourth|fifth)"
                           r"\s*[,:)-]\s*\w", re.IGNORECASE)


def _enumerated(u: Unit) -> bool:
    """"One, content it reads is data... Two, least privilege per task..." is a bulleted list
    said aloud: each item is as committed as a bullet is, when it says something of its own."""
    return (bool(_ORDINAL_ITEM.match(u.piece.text)) and not (u.buzzwords or u.narration
                                                             or u.generic))


def heads_items(units_: Sequence[Unit], i: int) -> bool:
    """A sentence that announces what follows ("Two things could go wrong.") and is followed by
    its first item ("First, the model misses..."): a spoken header, labelling the move its items
    make, as a typed header does."""
    return i + 1 < len(units_) and _enumerated(units_[i + 1])


def _continues_commitment(units_: Sequence[Unit], i: int) -> bool:
    """A clause of a long spoken or typed run carries on the commitment of the clause before it
    in the same sentence ("so I'd only push uses that earn, | such as a music subscription")."""
    u = units_[i]
    if u.sentence < 0 or i == 0 or u.buzzwords or u.generic:
        return False
    before = units_[i - 1]
    return before.sentence == u.sentence and before.committed


def question_asks(question: Question) -> tuple[str, ...]:
    """The moves this question asks for: its kind's, or for an ad-hoc question its prompt's."""
    asked = tuple(name for name, pattern in PROMPT_ASKS if pattern.search(question.prompt))
    if question.kind in MOVES:  # the prompt may ask a second thing ("...and how would you
        return (question.kind, *(a for a in asked if a != question.kind))  # measure it?")
    if question.outline:  # a bank question of a broad kind (improve, prioritize): no gate
        return ()
    return asked


def primary_ask(question: Question) -> str:
    """A typed question's main ask, the one its prompt makes first ("How would you decide which
    claims it may fast-track, and how would you measure it?": deciding). Bank questions: none,
    their kind's move is the gate and any ask made is enough."""
    if question.kind in MOVES or question.outline:
        return ""
    found = [(m.start(), name) for name, pattern in PROMPT_ASKS
             if (m := pattern.search(question.prompt))]
    return min(found)[1] if len(found) > 1 else ""


def question_constraints(question: Question) -> tuple[re.Pattern[str], ...]:
    """What the prompt's own constraints require every answer to touch, whatever its kind."""
    return tuple(answer for prompt, answer in PROMPT_CONSTRAINTS
                 if prompt.search(question.prompt))
