"""An outline point handed back as a plan is not worked through.

A bank question's outline is what its strong answer covers. "I'd size the drop in click-through
and conversion. I'd consider contextual targeting, consented first-party data and modeled
conversions. I'd rank them by revenue recovered against effort." names every point of it and
works none: nothing is sized, nothing ranked, no reason given. An interviewer hears a checklist
and gives it about 3; counted by the ground floor (`ground.py`), it scored 4.5. A plan step
counts towards the floor only when it gives a reason or a number, or says enough of its own
(the market it sizes, the example that shows a failure) beyond the outline's and the prompt's
words. Step shapes other than the first-person plan ("Categorization goes first", "One,
content the agent reads is data") are left alone: they state a choice or a claim.
"""

from __future__ import annotations

import re

from interviewer.banks import Question
from interviewer.coach.relevance import subject_terms
from interviewer.coach.text import stem, words
from interviewer.coach.units import Unit

PLAN_STEP = re.compile(
    r"^\s*(?:[-*\u2022]\s*)?(?:(?:first|second|third|fourth|fifth|then|next|finally|lastly|and|"
    r"also|so),?\s+)*(?:i|we)(?:'d| would| will|'ll| should| need to| want to)\s+"
    r"(?:also\s+|then\s+|first\s+)?(?:consider|look|size|track|measure|validate|rank|evaluate|set|note|keep|check|"
    r"split|apply|multiply|sanity|take|estimate|think|explore|assess|analy[sz]e|review|identify|"
    r"define|pick an order|confirm|run|watch|change|compare|monitor|weigh|list)\b",
    re.IGNORECASE,
)
"""A step of the answer's own plan, in the conditional ("I'd consider", "then we'd measure");
"I take the speaker in my kitchen" is a fact, not a plan."""
OWN_TERMS = 2
"""Terms beyond the outline's and the prompt's a plan step may add and still only restate them:
"I'd keep in mind that...", "I'd note that..." add the verb's own words, nothing else."""
PLAN_WORDS = frozenset(stem(w) for w in [
    "consider", "note", "keep", "mind", "look", "first", "second", "third", "fourth", "fifth",
    "final", "finally", "then", "next", "also", "may", "take"])


def question_stems(question: Question) -> frozenset[str]:
    text = " ".join((question.prompt, *question.outline))
    return frozenset(subject_terms(text)) | frozenset(stem(w) for w in words(text))


def restates_outline(u: Unit, question: Question) -> bool:
    """A plan step with no reason and no number that says (almost) nothing the question's
    outline and prompt do not already say."""
    if not question.outline or u.reason or u.number or not PLAN_STEP.search(u.piece.text):
        return False
    known = question_stems(question)
    own = {t for t in subject_terms(u.piece.text) if t not in known and t not in PLAN_WORDS}
    return len(own) <= OWN_TERMS

