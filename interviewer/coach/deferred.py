"""A choice asked for and handed back: "any of them could work, depending on the team".

"What would you build first?" asks for a pick and its reason. An answer can lay out three good
options with their pros and cons, and then say that any of them could work depending on the
team's resources: it has surveyed the options, not chosen. The ordinal words of its list ("a
second option is...") read as an order, so the ask gate saw a ranking; an interviewer hears the
choice handed back. An answer that defers in so many words and never picks in its own voice is
held at the bar: it may have weighed the options well (a bank question's grader gave such an
answer 3), but the choice asked is what lifts an answer past it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from interviewer.banks import Question
from interviewer.rubric import MAX_SCORE

DEFERRED_CAP = 3.0

CHOICE_ASK = re.compile(
    r"\b(?:(?:build|do|ship|tackle|fix|launch) first|where would you start|what comes first|"
    r"prioriti[sz]e|which (?:\w+ )?(?:do|would|should) (?:you|we) (?:build|pick|choose|do|fund))\b",
    re.IGNORECASE)
_DEFERS = re.compile(
    r"\b(?:any (?:of (?:them|these|those|the \w+)|one|option) (?:could|would|can|might) "
    r"(?:work|be fine|do)|(?:it|that|the choice|the answer|this) (?:really |all )?depends|"
    r"depending on (?:the|your|our|their) (?:team|company|resources|context|situation|"
    r"strategy|goals?|budget|priorities|capacity)|no (?:one )?right answer|"
    r"(?:up|left) to the team|(?:the )?(?:team|company|business) (?:should|can|will) "
    r"(?:decide|choose|pick))\b",
    re.IGNORECASE)
OWN_PICK = re.compile(
    r"\b(?:i|we)(?:'d| would| will|'ll)?(?: still| probably| definitely| clearly)? (?:start "
    r"with|begin with|build|pick|choose|go with|bet on|lead with|prioriti[sz]e|recommend|"
    r"ship|put)\b|\bmy (?:pick|choice|first|bet|recommendation)\b|\b(?:comes?|goes?) first\b|"
    r"^\s*(?:[-*\u2022]\s*)?(?:first|start with|build first)\s*[:,-]",
    re.IGNORECASE)


def defers_the_choice(question: Question, sentences: Sequence[str]) -> bool:
    """The prompt asks what comes first; the answer hands the choice back and picks nothing."""
    return (bool(CHOICE_ASK.search(question.prompt))
            and any(_DEFERS.search(s) for s in sentences)
            and not any(OWN_PICK.search(s) for s in sentences))


def choice_cap(question: Question, sentences: Sequence[str]) -> float:
    """The highest overall an answer may reach given how it treats the choice asked."""
    return DEFERRED_CAP if defers_the_choice(question, sentences) else float(MAX_SCORE)
