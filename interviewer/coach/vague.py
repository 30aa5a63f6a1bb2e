"""A commitment with nothing in it: the weak answer's sentences that sound applied.

"I would make sure we have tested it thoroughly and that the quality is good enough", "We would
look at metrics like usage and satisfaction to see if farmers like it", "We can keep improving
the model based on feedback": each has a verb of decision ("I would", "we should") or a reason's
marker, and names the product, so it reads as applied. An interviewer hears nothing to probe:
no bar, no design, no choice between options, nothing that fits this product and not any other.
What such a sentence adds beyond the prompt's words is only the vocabulary of wishing a product
well (accurate, fast, easy, tested, feedback, improve, satisfied, keep monitoring), which every
answer to every question can say. A sentence that commits with a number, or says two or more
things of its own beyond that vocabulary, is left to the other rules; so is a typed item, whose
terseness is its form, not its emptiness.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from interviewer.coach.padding import restates_question
from interviewer.coach.recital import specifics
from interviewer.coach.text import stem
from interviewer.coach.units import Unit, is_applied

_WISHES = """
accurate accurately accuracy correct correctly right reliable reliably easy easier simple simply
fast faster quick quickly smooth intuitive friendly helpful useful useless effective efficient
efficiently proactive thorough thoroughly careful carefully good better best great enough fine
works working worked well properly tested test tests testing release released releasing
feedback improve improves improved improving improvement improvements iterate monitor
monitoring keep keeping comfortable happy happier satisfied satisfy unsatisfied like likes
liked love loves enjoy enjoys positive negative mostly generally high quality version versions
future later eventually more less even further expand expanding grow growing add adding
give giving see seeing look looking find finding mean means meaning follow follows combination
various variety wide range sure make making real actual actually latest newest modern advanced
similar technology technologies potential promising exciting innovative trend trends hype
competitor competitors behind fall falling catch compete competitive advancing progress
engage engaging engagement usage used use uses using value valuable happy delight delighted
everyone everybody people person start starting started begin beginning get getting gets got
take taking able possible day lot lots thing things time times
obvious obviously inaccurate unhelpful timely respect respected sustainable eye account
depend depends depending driven data-driven research gather gathering rush rushing careful
mind strength strengths towards toward overall view views other others index over-indexing
learn learning learned wrap move moving involve involves involved deal dimension dimensions
single feel feels example examples ultimately
"""
# The last lines are idioms of the same talk: "keep an eye on cost", "take it all into account",
# "a data-driven decision", "it depends on our users", "I would not want to rush it".
_WISH_STEMS = frozenset(stem(w) for w in _WISHES.split())
OWN_SPECIFICS = 0
"""Things of its own beyond the prompt and the vocabulary of wishes a committed sentence may name
and still commit to nothing: one ("feedback from teachers") is a wish with an audience."""


PICK_WORDS = 4
_CHOSEN = re.compile(r"\b(?:without|instead of|rather than|unless|only (?:if|when|after)|"
                     r"before (?!(?:we |it )?(?:launch|release|go|ship|roll|scal))|"
                     r"choose|chose|pick|go with|bet on|first\s*[.:;,!]?$|"
                     r"(?:start|begin) (?:with|by) (?:who|which|whom))", re.IGNORECASE)
"""One thing set against another, or one of the prompt's options picked ("I'd choose the
grading", "without needing to call", "fix it in the prompt before retraining"): a choice. So is
where the answer starts: "Let me start with who gets hurt by a delay" splits the users."""


def vague(units_: Sequence[Unit], i: int, prompt_stems: frozenset[str]) -> bool:
    """Committed by a verb or a marker only: no number, not a typed item, no choice, and nothing
    of its own beyond the prompt's words and the wishes every product gets."""
    u = units_[i]
    text = u.piece.text
    if u.number or u.piece.bullet or len(text.split()) <= PICK_WORDS or _CHOSEN.search(text):
        return False
    if u.sentence >= 0 and any(v.number for v in units_ if v.sentence == u.sentence
                               and v.piece.answer_index == u.piece.answer_index):
        return False  # a clause of a spoken run whose bar sits in the next clause
    if restates_question(text, prompt_stems):
        return True  # "...and the question is which metric I'd hold the team to": a clause
    own = {t for t in specifics(text, prompt_stems) if t not in _WISH_STEMS}
    return len(own) <= OWN_SPECIFICS


def applied_count(units_: Sequence[Unit], prompt_stems: frozenset[str]) -> int:
    """Units applied (`units.is_applied`) and not vague: the sentences that count as reasoning."""
    return sum(1 for i in range(len(units_))
               if is_applied(units_, i) and not vague(units_, i, prompt_stems))
