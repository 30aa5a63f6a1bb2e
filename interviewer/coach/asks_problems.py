"""Problems a prompt can state beyond speed, cost and new users, and the decision a prompt can ask.

A neighbour's answer about the same product reuses the product's words but never works on the
problem the prompt states: how to grow adoption of an internal search tool, when customers worry
about its wrong answers and about people seeing documents they should not; how to make photo
memories more engaging, when people are turning them off. Each problem here has two patterns,
as in `asks_bank.py`: the words that *state* it in a prompt, and the broader words of an answer
that *works on* it (any angle counts: the rubric judges how well).

A decision question ("Should it launch by then?", "whether to keep the feature", "Would you
switch?") asks for a call: launch or wait, keep or roll back, switch or not, with the condition
that would change it. A design or a metrics plan, however good, that never makes one answers the
neighbouring question ("how would you build it", "how would you measure it").
"""

from __future__ import annotations

import re
from dataclasses import dataclass


def _c(cues: str) -> re.Pattern[str]:
    return re.compile(cues, re.IGNORECASE)


@dataclass(frozen=True)
class Problem:
    """A problem a prompt can state, and the words of an answer that works on it."""

    name: str
    stated: re.Pattern[str]
    """In the prompt: the problem is stated."""
    worked: re.Pattern[str]
    """In the outline and the answer: someone works on it."""
    at_least: int = 1
    """Sentences of the answer that must work on it. Two where a neighbour's answer names the
    problem once in passing as a guardrail ("notification opt-outs as a guardrail")."""


# Stated as a complaint about what the AI says: wrong, inaccurate, made up, missing something.
QUALITY = Problem(
    "wrong-answers",
    _c(r"\b(wrong answers?|inaccura\w*|incorrect|hallucinat\w*|made[- ]up|makes? (?:things|"
       r"facts) up|leave out|leaves out|left out|miss(?:es|ing)? (?:\w+ )?warnings?)\b"),
    _c(r"\b(wrong|accura\w*|inaccura\w*|incorrect|errors?|mistakes?|hallucinat\w*|ground\w*|"
       r"cit(?:e|es|ed|ing|ations?)|abstain\w*|(?:doesn't|don't|does not) know|"
       r"verif\w*|fact\w*|unsupported|supported by|evidence|confiden\w*|stale|made[- ]up|"
       r"omi(?:t|ts|tted|ssions?)|leav\w* out|left out|miss\w*|check\w*)\b"))

# Someone sees what they should not: permissions, leaks, private data reaching the wrong person.
ACCESS = Problem(
    "access",
    _c(r"\b(seeing (?:\w+ ){0,2}(?:documents|files|data|records|messages) (?:they|he|she|"
       r"you) (?:shouldn't|should not)|permissions?|unauthori[sz]ed|confidential|"
       # a leak of something private, not "a leaking tap"
       r"(?:data|information|privacy|security) leak\w*|leak\w* (?:\w+ ){0,2}(?:data|information|"
       r"documents|files|records|messages|details|secrets|prompts?))\b"),
    _c(r"\b(permissions?|access|leak\w*|acls?|restricted|confidential|privacy|private|"
       r"secur\w*|red[- ]team\w*|audit\w*|(?:shouldn't|should not|cannot|can't|may not) "
       r"see|authori[sz]\w*|sensitive)\b"))

# A safety problem in what the AI leaves out or says: allergies, doses, dangerous advice.
SAFETY = Problem(
    "safety",
    _c(r"\b(allerg\w*|dangerous|unsafe|harmful|injur\w*|overdose|doses?)\b"),
    _c(r"\b(allerg\w*|danger\w*|unsafe|safe\w*|harm\w*|injur\w*|hospital|doses?|"
       r"warnings?|risk\w*|clinician\w*|emergenc\w*|nuts?|gluten|shellfish)\b"))

# Users switching the AI off, or finding it creepy: a trust problem that usage can hide.
OPT_OUT = Problem(
    "opt-out",
    _c(r"\b(turn(?:s|ed|ing)? (?:\w+ ){0,3}off|opt(?:s|ed|ing)?[- ]?outs?|disabl\w*)\b"),
    _c(r"\b(opt(?:s|ed|ing)?[- ]?outs?|turn\w* (?:\w+ ){0,3}off|disabl\w*|creep\w*|"
       r"painful|sensitive|upset\w*|hid(?:e|es|ing)|controls?|switch(?:es)? off)\b"),
    at_least=2)

# Exposure concentrated on a few, or unfair to a group: who the ranking leaves out.
FAIRNESS = Problem(
    "fairness",
    _c(r"\b(unfair\w*|bias(?:ed)?|discriminat\w*|small set of|gets? almost all|"
       r"concentrat\w*|stereotyp\w*|under-?represent\w*)\b"),
    _c(r"\b(fair\w*|bias\w*|exposure|concentrat\w*|divers\w*|long[- ]tail|spread\w*|share of|"
       r"gini|boost\w*|under-?exposed|popular\w*|rich[- ]get|represent\w*|gender\w*|explor\w*|"
       r"groups?|parity|quotas?|cap(?:s|ped|ping)?|discriminat\w*|stereotyp\w*)\b"),
    at_least=2)
"""Two sentences: a neighbour's answer (new hosts' pricing, asked how to change the ranking)
names the popular listings once, as the cause it then leaves alone."""

# People leaving for a substitute: asking a chat assistant instead of searching, a rival app.
SUBSTITUTE = Problem(
    "substitute",
    _c(r"\b(instead of (?:search|us|our|brows|shopp|call|visit|book)\w*|"
       r"(?:switch|mov|defect|leav)\w* (?:to|for) (?:an? |the )?(?:rival|competitor|chat)\w*)\b"),
    _c(r"\b(chat\w*|assistants?|competitor\w*|rivals?|switch\w* (?:to|from|over)|moving|moved|"
       r"mov(?:e|es) (?:to|away|over)|shift\w*|substitut\w*|cannibali[sz]\w*|defect\w*|"
       r"los(?:e|es|ing) (?:users|queries|share|people|customers)|share of (?:queries|searches|"
       r"users|time)|habits?|instead)\b"))

# Abuse of the product: spam, scams, fake accounts or listings, harassment.
ABUSE = Problem(
    "abuse",
    _c(r"\b(spam\w*|scams?|scammers?|fake (?:\w+ )?(?:accounts?|listings?|reviews?|profiles?)|"
       r"harass\w*|abus\w*)\b"),
    _c(r"\b(spam\w*|scam\w*|fraud\w*|fake\w*|harass\w*|abus\w*|bad actors?|block\w*|"
       r"detect\w*|flag\w*|reports?|reported|ban\w*|verif\w*|remov\w*|classifier\w*|"
       r"takedowns?|trust and safety)\b"))

# A number that fell: the answer must work on the fall (why, where, since when). A number that
# did not move ("grades haven't improved") is left to the diagnose move: its answers say "move".
DECLINE = Problem(
    "decline",
    _c(r"\b(fallen|fell|dropped|declin(?:ed|ing))\b"),
    _c(r"\b(drop\w*|fell|fall\w*|fallen|declin\w*|decay\w*|flat|lost|los(?:e|ing)|churn\w*|"
       r"stopp?\w*|wear\w* off|novelty|fatigue|why|caus\w*|explain\w*|went down|go(?:es)? down|"
       r"(?:haven't|hasn't|didn't|did not|not) (?:improv\w*|mov\w*|help\w*))\b"),
    at_least=2)

NEW_PROBLEMS: tuple[Problem, ...] = (QUALITY, ACCESS, SAFETY, OPT_OUT, FAIRNESS, ABUSE, DECLINE,
                                     SUBSTITUTE)
"""Stated problems beyond speed, cost and new users, for bank and typed questions alike."""

# A prompt that asks for a call, not for a plan: launch or wait, keep or not, switch or not.
# "Which would you ship first?" asks for a pick among options (`PICK_ASK`), not a yes or no.
DECISION_ASK = _c(
    r"\b(should (?:it|we|you|they|the \w+|this \w+) (?!\w+ (?:it|the \w+) (?:to|for)\b)|"
    r"whether to|(?<!which )(?<!what )(?<!which one )"
    r"would you (?:switch|launch|ship|keep|make that bet|do it|build it)|"
    r"launch (?:now|by then|before)|or wait)\b")
_TELLS_WHETHER = _c(r"\b(?:tells?|telling|advis\w*|helps?|helping|lets?|shows?|showing|warns?|"
                    r"reminds?|guides?)\s+(?:\w+\s+){0,3}whether to\b")
"""What the product does, not what is asked: a checker "that tells pet owners whether to book an
urgent visit" puts no call to the candidate."""


def decision_asks(prompt: str) -> list[re.Match[str]]:
    """The places the prompt asks the candidate for a call (`DECISION_ASK`), leaving out a
    "whether to" that describes what the product tells its users."""
    told = [m.span() for m in _TELLS_WHETHER.finditer(prompt)]
    return [m for m in DECISION_ASK.finditer(prompt)
            if not any(a <= m.start() < b for a, b in told)]

# A call made: a side taken, or the condition that decides it. Broad on purpose: a medium answer
# may only say "I'd launch in two markets first".
DECISION = _c(
    r"\b(my (?:call|recommendation|decision|answer|bet|pick|choice|vote|instinct|gut)|"
    # a call on a setting, or named as the call: "I'd make it opt-in", "off is the right call"
    r"(?:i|we)(?:'d| would| will)(?: probably| still| only)? (?:make|leave|set|turn) (?:it|this|"
    r"that|them)\b[^.;]{0,20}\b(?:opt[- ]in|opt[- ]out|optional|by default|off|on)\b|"
    r"(?:is|be) the right (?:call|decision|choice|default)|"
    r"(?:i|we)(?:'d| would| will| should)?(?: not| still| only| probably)? (?:recommend|launch|"
    r"ship|switch|keep|wait|hold|delay|postpone|roll (?:it |this )?(?:out|back)|kill|go with|"
    r"say yes|say no|go ahead|proceed|make (?:that|the) bet|skip|drop (?:it|the)|stay|pick|choose|"
    r"lean\w* (?:to|toward|towards)|go for|opt for|take (?:it|that|this)|pilot (?:it|this)|"
    r"extend|expand|hold off)|"
    # a verdict on each part of the proposal: "Keep it, yes; roll it out everywhere, not yet"
    r"(?:keep|launch|ship|switch|build|buy|renew|adopt|extend|expand|roll (?:it |this )?out)\w* "
    r"(?:[\w-]+ ){0,3}[\w-]+,? (?:yes|no)\b|(?:[,;:]|\u2014)\s*not yet\b|"
    # a pricing call: "I'd give a basic version for free", "I'd make it free over the last year"
    r"(?:i|we)(?:'d| would) (?:give|make|put|offer|charge|keep)\b[^.;]{0,40}\b(?:free|paid|"
    r"premium|plan|tier)\b|"
    r"(?:we|i|you|it) should(?:n't| not)? (?:build|launch|ship|switch|keep|wait|go ahead|do|roll "
    r"out|make) (?:it|this|that|now|them)|"
    r"(?:launch|ship|switch|keep|roll (?:it |this )?(?:out|back)|wait|go|proceed|extend|expand|"
    r"scale|pilot)(?:ing|ed)? (?:[\w-]+ ){0,4}(?:only )?(?:if|when|unless|once|until|at|after)|"
    # "not yet" is the call, the opening of a verdict: "Not yet, but likely after a wider
    # trial", "I'd say not company-wide yet"
    r"(?:^\s*|(?:i'd|i would|we'd|we would) say )(?:no|not)\b,? (?:[\w-]+ ){0,3}yet\b|"
    # a typed bullet's call, in the imperative: "build that first", "pilot it in two regions"
    r"(?:^|[-*\u2022:;,]\s*)(?:build|launch|ship|pilot|start with) (?:it|that|this|\w+ \w+) "
    r"first|"
    # the call typed as notes give it, its "I'd" dropped: "- Lean towards building it", "Both
    # bars cleared by week 5: launch to half of users", "Reports rise: wait for spring"
    r"(?:(?<=^)|(?<=^- )|(?<=^\* )|(?<=^\u2022 )|(?<=[:;] ))(?:then |so )?(?:launch|ship|wait|"
    r"delay|postpone|hold off|lean\w* (?:to|toward|towards)|expand|roll (?:it |this )?(?:out|"
    r"back)|kill|go ahead|proceed)\b(?!,)|"
    r"(?:if|unless)\b[^.;]{0,80}, (?:then )?(?:(?:we|i)(?:'d| would| will| should)? )?(?:move|"
    r"switch|launch|ship|keep|roll|go|stop|wait|expand|extend|kill|pause)|"
    r"go[/ -]no[- ]go|(?:not )?worth (?:\w+ )?(?:it|switching|launching|keeping|the|considering)|"
    r"(?:yes|no), (?:but|if|with|because|i|we|launch|ship|keep|switch)|"
    # the call under its label, as typed notes give it: "Decision: yes, narrow", "Verdict: no"
    r"(?:decision|verdict|call)(?:\*\*)?\s*:\s*(?:\*\*)?(?:yes|no|go|ship|launch|build|wait|"
    r"don't|not)\b|"
    r"(?:don't|do not|wouldn't|would not) (?:launch|ship|switch|keep|wait|extend|scale|expand|"
    r"build))\b")

# A prompt that asks to pick one of its options ("can staff one", "one of two AI bets",
# "which do you build first"): the deliverable is the pick, with its reason.
PICK_ASK = _c(
    r"\b(which (?:\w+ )?(?:do|would|should) (?:you|we) (?:build|pick|choose|do|fund|staff|"
    r"back|ship|launch)|(?:can|could) (?:only )?(?:build|staff|fund|afford|do) (?:only )?one\b|"
    r"one of (?:two|three|the)|how (?:do|would) you (?:pick|choose))\b")
PICK = _c(
    r"\b(my (?:pick|choice|call|bet|recommendation|first)|(?:i|we)(?:'d| would| will| should)?"
    r"(?: still| probably| clearly)? (?:pick|choose|go with|bet on|back|fund|staff|start with|"
    r"prioriti[sz]e|recommend|lead with|put)\b|"
    # a rule that picks per case: "I'd split by risk: courts get an editor, sports go alone"
    r"(?:i|we)(?:'d| would| will)? (?:split|decide|choose) (?:it |them |this |each \w+ )?"
    r"(?:by|per) (?:the )?\w+|(?:comes?|goes?) first|first (?:pick|choice|bet|"
    r"priority)|(?:over|ahead of|rather than|instead of|before) (?:the )?\w+|wins?\b|"
    r"(?:is|would be) (?:my|the) (?:first|top|best) (?:pick|choice|priority|bet)|"
    # the pick under its label, as notes and speech give it: "Ship first: recommendations",
    # "First ship: ...", "so ship first is recommendations"
    r"(?:ship|build|launch|do)(?:ping|ing)? first(?:\*\*)?\s*(?::|is\b|would be\b)|"
    r"first (?:ship|build|launch|pick)(?:\*\*)?\s*(?::|is\b|would be\b))")
