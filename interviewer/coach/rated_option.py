"""An option rated on the ranking's criteria: "Chapters: medium impact, low effort, low risk".

A prioritisation puts each option the prompt lists on its criteria, and in notes or speech the
rating is the claim: "low effort" says this option is cheap to build, as "impact, effort, risk"
alone (a list of the rubric's words) says nothing. Cut at its commas, a rated item read as a run
of rubric names (`units._is_buzzword_run`), so a strong ranking's items applied nothing and the
options they name went uncounted. A level on a criterion is a judgement; two of them in one
sentence place an option, a decision the ranking is made of.
"""

from __future__ import annotations

import re

RATING = re.compile(
    r"\b(?:very |fairly |quite |really )?(?:high|highest|higher|medium|mid|moderate|low|lowest|"
    r"lower|big|bigger|biggest|small|smaller|smallest|huge|large|little|limited|real|no)[- ]"
    r"(?:impact|effort|risk|cost|value|reach|confidence|upside|downside|complexity|lift|payoff)\b",
    re.IGNORECASE)
# An option put in its place without a verb, as speech ranks ("chapters second uh medium
# impact", "and dubbing last it's the most expensive"): typed notes punctuate it ("Reminders
# first.", `cues_markers.DECISION`), a transcript does not.
_NOT_AN_OPTION = (r"(?!(?:and|so|then|the|a|an|my|our|your|their|its|this|that|is|was|be|what|"
                  r"which|who|it|we|i|you|they)\b)")
RANKED = re.compile(
    r"^\s*(?:(?:and|so|then) )?" + _NOT_AN_OPTION + r"[a-z][\w-]{2,30}(?: " + _NOT_AN_OPTION
    + r"[a-z][\w-]{2,30})? (?:first|second|third|fourth|fifth|last)\b(?! (?:one|ones|time|thing|"
    r"things|show|week|day|days|of|in|to|and|or|half|place)\b)", re.IGNORECASE)
RATED_AT_LEAST = 2
"""Ratings in one sentence that place an option ("medium impact, low effort"): one alone may
be said of anything ("a big impact on trust")."""


def is_rating(item: str) -> bool:
    """A list item that is a level on a criterion ("low effort", "high impact on churn")."""
    return bool(RATING.match(item.strip(" .;:-()*")))


def rates_option(text: str) -> bool:
    """The sentence places an option on two criteria or more, or in its rank."""
    return len(RATING.findall(text)) >= RATED_AT_LEAST or bool(RANKED.match(text))
