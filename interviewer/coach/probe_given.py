"""What an answer already gave, as a follow-up sees it: a probe that asks for it again would
tell the candidate they were not heard ("Who exactly would use this first?" after "Busy
parents would use it, because planning dinners is a chore")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from interviewer.coach.analysis import Reading
from interviewer.coach.units import Unit

WHO = "who"
"""The answer says who would use it, in any words (a family of its own: the rubric's segment
and focus cues need a split or a pick, and plain "nurses would use it" is neither)."""

_PEOPLE = (r"(?:users?|people|customers?|clients?|owners?|parents?|teams?|staff|workers?|"
           r"drivers?|riders?|students?|teachers?|nurses?|doctors?|patients?|sellers?|buyers?|"
           r"shoppers?|readers?|viewers?|listeners?|members?|travell?ers?|guests?|managers?|"
           r"agents?|developers?|engineers?|admins?|operators?|families|kids|players?|fans?|"
           r"tenants?|landlords?|hosts?|creators?|merchants?|businesses|employees?|"
           r"reviewers?|analysts?|dispatchers?|rangers?|planners?)")
_NAMES_USERS = re.compile(
    rf"\b{_PEOPLE}(?: (?:who|that) [^.;:]{{0,50}})? (?:would|will|could|might|already|mostly|"
    r"mainly|really) "
    r"(?:use|love|want|need|rely on|benefit)|"
    rf"\b(?:built|designed|meant|made|aimed|mostly|mainly|primarily) (?:for|at) "
    rf"(?:[\w-]+ ){{0,3}}{_PEOPLE}\b|"
    rf"\b(?:our|the|its|main|core|target|first) (?:[\w-]+ ){{0,2}}{_PEOPLE} (?:are|is|would be)\b|"
    rf"\b(?:start|begin|launch|pilot) (?:with|for) (?:the )?(?:[\w-]+ ){{0,3}}{_PEOPLE}\b",
    re.IGNORECASE)

# The user's problem in plain words ("planning dinners is a chore"): the rubric's problem cue
# wants it named or argued, but a follow-up asking for it again would not have listened.
_STATES_PROBLEM = re.compile(
    r"\b(?:is|are|feels?|gets?) (?:such |a real |a |an )?(?:chore|pain|hassle|nightmare|"
    r"headache|slog|mess|tedious|annoying|stressful|confusing|slow|exhausting)\b|"
    r"\b(?:takes?|taking|spends?|spending|wastes?|wasting|loses?|losing) (?:them |us |people )?"
    r"(?:too long|ages|forever|(?:an|one|two|three|several|\d+) (?:\w+ )?(?:minutes?|hours?|days?)|"
    r"time|money)\b|"
    r"\b(?:tired of|fed up with|sick of|hate|dread|give up on|keep forgetting|forget to|"
    r"miss out)\b|"
    r"\b(?:today|right now|currently|at the moment),? (?:they|people|users|customers|\w+s) "
    r"(?:have to|must|need to|rely on|use|do it|just|still)\b",
    re.IGNORECASE)

# What each generic probe asks for: skipped when the answer gave any of it already.
PROBE_ASKS: dict[str, frozenset[str]] = {
    "Who exactly would use this first, and what problem does it solve for them?":
        frozenset({WHO, "segments", "focus"}),
    "Which group of users would you design for first, and why them?":
        frozenset({WHO, "focus"}),
    "What problem are those people trying to solve today, and how do they solve it now?":
        frozenset({"problem"}),
    "What single number would tell you this is working, and what would you watch so it "
    "doesn't backfire?": frozenset({"north-star"}),
    "What would you give up to get this, and which side of that trade-off would you take?":
        frozenset({"side-taken"}),
    "If you could ship only one piece in the first month, which one, and what waits?":
        frozenset({"first-step"}),
    "How would you order the work, and by what criterion?": frozenset({"ranking"}),
    "What experiment would convince you, and how long would it run?": frozenset({"ab-test"}),
}


def given(reading: Reading, latest: Sequence[Unit]) -> set[str]:
    """Families the answer applied or mentioned, WHO when it names its users, and the problem
    when it states one in plain words."""
    out = {name for d in reading.dimensions.values()
           for name in (*d.applied, *d.mentioned)}
    if any(_NAMES_USERS.search(u.piece.text) for u in latest):
        out.add(WHO)
    if any(_STATES_PROBLEM.search(u.piece.text) for u in latest):
        out.add("problem")
    return out


def asks_again(probe: str, gave: set[str]) -> bool:
    return bool(PROBE_ASKS.get(probe, frozenset()) & gave)
