"""What a bank question asks the answer to deliver, read from its prompt and its outline.

A polished answer to a neighbouring question about the same product reuses the product's words,
so word overlap and static word vectors put it as close to the question as an on-question answer
(`relevance_meaning.py`). What an interviewer checks instead is whether the answer works on what
was asked:

- **The problem the prompt states.** "Users say it feels slow", "GPU costs are growing faster
  than paid subscriptions", "new users leave in their first week", suggestions "as people type":
  whatever its kind (improve and prioritize included), the question asks the answer to deal with
  that problem. A problem counts as asked only when the prompt states it AND the question's
  outline (what its answer is expected to cover) works on it, so a word the prompt uses in
  passing asks nothing. An answer that never touches it (better answers when asked for faster
  ones, long-time listeners when asked about new ones, an answer box when asked about
  suggestions as people type) answers the neighbour.
- **The deliverable of the kind.** A success-metrics question asks for a measure: something
  counted, a rate, a share, a time. An answer that says how to build the feature and names a
  guardrail or "errors" in passing has not defined one.

The cues are broad on purpose: an answer only has to *work on* the ask, however well; the rubric
judges how well. A sentence that restates the prompt's problem does not count as working on it.
Typed questions (no outline) read their asks from `cues_asks.py` instead.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from interviewer.banks import Question
from interviewer.coach.asks_problems import (
    DECISION,
    NEW_PROBLEMS,
    PICK,
    PICK_ASK,
    Problem,
    decision_asks,
)
from interviewer.coach.options_named import names_no_option
from interviewer.coach.proposal import names_proposal
from interviewer.coach.relevance import subject_terms
from interviewer.coach.tradeoff_sides import never_weighs_the_other_side


def _c(cues: str) -> re.Pattern[str]:
    return re.compile(cues, re.IGNORECASE)


_GROUPS = (r"users?|listeners?|customers?|hosts?|members?|sign[- ]?ups|drivers?|sellers?|"
           r"shoppers?|learners?|students?|players?|subscribers?|accounts?|merchants?|"
           r"developers?|patients?|riders?|buyers?|visitors?|teams?|employees?|markets?|"
           r"countr(?:y|ies)|cities|regions?")
_SUPPLY = r"listings?|creators?|stores?|restaurants?"
"""A marketplace's newcomers are also what they offer: "new listings" work on "new hosts"."""

# "Wait" and "spend" state no problem: "launch now, or wait?" is a decision, an "AI spending
# coach" a product. They still count as working on speed or cost in an answer.
PROBLEMS: tuple[Problem, ...] = (
    # Speed: the wait the user feels, or a product that must keep up with typing.
    Problem("speed",
            _c(r"\b(slow\w*|latency|lag\w*|takes? (?:about |around |over |up to )?\w+ seconds|"
               r"as (?:people|users|they|you) type|real[- ]time|instant\w*)\b"),
            # "quickly" alone is how soon, not how fast: "it pays for itself quickly"
            _c(r"\b(latenc\w*|slow\w*|fast\w*|speed\w*|quick(?!ly)\w*|ms|milliseconds?|seconds|"
               r"(?:a|one|per|half a|under a|within a) second|"
               r"wait\w*|stream\w*|cach\w*|precomput\w*|time to first|keep(?:s|ing)? up|"
               r"instant\w*|real[- ]time|p50|p9[059]|parallel\w*|as (?:people|users|they|you) "
               r"type|keystrokes?|autocomplet\w*)\b")),
    # Cost: the spend the prompt says is out of line.
    Problem("cost",
            _c(r"\b(costs?|costly|expensive|gpus?|margins?|compute bills?)\b"),
            _c(r"\b(costs?|costly|cheap\w*|expensive|spend\w*|gpus?|margins?|budget\w*|"
               r"credits?|caps?|capped|limits?|quotas?|dollars?|cents?|compute|serving|"
               r"per (?:generation|request|query|image|call|task|message|answer))\b|\$\d")),
    # New users: the people the product knows nothing about yet.
    Problem("new-users",
            _c(r"\b(new (?:" + _GROUPS + r")|first (?:week|day|session|month)|knows? nothing|"
               r"no history|cold[- ]start)\b"),
            _c(r"\b(new (?:" + _GROUPS + "|" + _SUPPLY + r")|newcomers?|"
               r"first (?:week|day|days|session|sessions|month|visit|listen\w*|few)|onboard\w*|"
               r"sign[- ]?(?:up|ups|ed up)|no history|"
               r"cold[- ]start|day (?:one|1|seven|7)|week[- ]one|just (?:joined|signed)|"
               r"brand[- ]new|without (?:any )?history)\b")),
)

WORKED_AT_LEAST = 1
"""Sentences that must work on a stated problem. One is enough: a medium answer may give the
problem one clear sentence ("suggestions while typing need to be really fast"); a neighbour's
answer never touches it."""
RESTATES = 0.6
RESTATES_TERMS = 4
"""A sentence of at least 4 subject terms, 60% of them the prompt's own, restates it (a short
one, "so about two hundred GPUs", uses the prompt's word to work on it)."""

# A success-metrics question delivers a measure: a count, rate, share or time, or a measure named
# as the metric. A guardrail or "errors" named in passing is not one.
MEASURE = _c(
    r"\b(metrics?|measur\w*|success|north[- ]star|kpis?|share of|\w+ rate|rate of|"
    r"retention|retained|conversion|churn|how (?:many|often|much|long|fast)|number of|"
    r"count(?:s|ed|ing)? (?:of|the|how)|per (?:user|developer|session|week|day|month|request|"
    r"query|ticket|visitor|customer|order|task|repository|team)|percent(?:age)? of|time (?:to|"
    r"from|spent|saved)|hours? saved|minutes? (?:per|saved)|track\w*|kept|dwell|nps|csat)\b")
DELIVERABLES: dict[str, re.Pattern[str]] = {"metrics": MEASURE}
"""A kind's deliverable: at least one sentence must make it."""

# Guardrails asked for by name ("what guardrails would you put in place"): one sentence must name
# something that limits, confirms, logs, reverses or watches what the product does. A neighbour's
# answer (how to rank the itineraries, asked what to ship and with which guardrails) names none.
# "What could go wrong?" asked outright: one sentence must name a way it goes wrong (a risk, a
# failure, an attack, a harm). Launch gates and targets with no harm named answer another question.
RISK_ASK = _c(r"\bwhat (?:could|might|can|would) go wrong\b|\bwhat (?:are )?the (?:main )?risks\b")
RISKS = _c(
    r"\b(risk\w*|wrong\w*|mistak\w*|errors?|erroneous|fail\w*|harm\w*|attack\w*|inject\w*|"
    r"leak\w*|fraud\w*|abus\w*|misus\w*|trick\w*|hijack\w*|steal\w*|stolen|theft\w*|thie(?:f|ves)|scam\w*|"
    r"unauthori[sz]\w*|exploit\w*|breach\w*|worst|danger\w*|malicious|phish\w*|"
    r"accident\w*|unintended|unwanted|misfir\w*)\b")
GUARDRAIL_ASK = _c(r"\bwhat (?:guardrails|safeguards|protections|controls|limits)\b")
GUARDRAILS = _c(
    r"\b(guardrails?|safeguards?|limits?|caps?|capped|ceilings?|confirm\w*|approv\w*|"
    r"consent\w*|undo\w*|revers\w*|refund\w*|cancel\w*|audit\w*|logs?|logged|block\w*|"
    r"restrict\w*|permissions?|thresholds?|kill switch|roll(?:s|ed)? ?back|human review\w*|"
    r"escalat\w*|monitor\w*|alert\w*|never|only (?:if|when|after|under))\b")


def stated_problems(question: Question) -> tuple[Problem, ...]:
    """The problems this question asks the answer to work on. A bank question's: stated in its
    prompt, worked on in its outline. A typed question (no outline) states only the problems of
    `asks_problems.py`, whose prompt cues are narrow ("inaccurate", "turning it off")."""
    if not question.outline:
        return tuple(p for p in NEW_PROBLEMS if p.stated.search(question.prompt))
    outline = " ".join(question.outline)
    return tuple(p for p in (*PROBLEMS, *NEW_PROBLEMS)
                 if p.stated.search(question.prompt) and p.worked.search(outline))


_DEFENDED = re.compile(r"\s*defensible\b", re.IGNORECASE)
# A yes-or-no call asked outright ("Would you switch?", "Do you launch now, or wait?"), not
# "What would you ship first?" (a pick) nor "How should you respond?" (a plan).
_YES_NO = re.compile(r"(?:^|[.?!]\s+)(?:would|do|will) you\b", re.IGNORECASE)


def asks_decision(question: Question) -> bool:
    """The prompt asks for a call (launch or wait, keep it or not, switch or not); a bank
    question's outline must make one too (in words or, for a yes-or-no question, as its
    "Defensible:" point, the call its strong answer defends), so a "should" said in passing
    asks nothing."""
    if not decision_asks(question.prompt):
        return False
    return (not question.outline or bool(DECISION.search(" ".join(question.outline)))
            or (bool(_YES_NO.search(question.prompt))
                and any(_DEFENDED.match(point) for point in question.outline)))


def decides_what_was_asked(question: Question, sentences: Sequence[str]) -> bool:
    """A typed question's call is about what its prompt puts to a decision ("Should it turn this
    on by default?"): an answer that never names it ("default") decided something else, however
    firmly (a plan to tune the camera's alerts, rolled out if precision rises). Only the clause
    that asks for the call counts, without its verb ("whether to roll it out, and how would you
    know it is working": nothing to name; "should it be free or part of the paid plan": free,
    paid). A bank question's outline says what is decided; its call is checked by the rubric."""
    if question.outline:
        return True
    asked = _called_on(question)
    return not asked or any(asked & set(subject_terms(s)) for s in sentences)


def _called_on(question: Question) -> set[str]:
    """What the clause asking for the call names, its verb and who makes the call aside (empty:
    only "it"). In "Should the forum keep it?" the forum decides; "it" is what is decided, so an
    answer that keeps the pilot has decided, without naming the forum."""
    return {t for m in decision_asks(question.prompt)
            for t in subject_terms(_CLAUSE_END.split(question.prompt[m.start():], 1)[0])
            if t not in _CALL_VERBS and t not in subject_terms(m.group(0))}


_CLAUSE_END = re.compile(r"[,;?.!]|\band\b|\bhow\b", re.IGNORECASE)
_CALL_VERBS = frozenset(subject_terms("launch ship roll keep switch build make turn wait "
                                      "extend expand stop kill do go"))


def asks_pick(question: Question) -> bool:
    """The prompt asks to pick one of its options; a bank question's outline must pick too."""
    if not PICK_ASK.search(question.prompt):
        return False
    return not question.outline or bool(PICK.search(" ".join(question.outline)))


def _restates(text: str, prompt_terms: frozenset[str]) -> bool:
    terms = subject_terms(text)
    return (len(terms) >= RESTATES_TERMS
            and sum(t in prompt_terms for t in terms) >= RESTATES * len(terms))


def unmet_ask(question: Question, sentences: Sequence[str]) -> str:
    """The name of what this question asks that the answer never delivers ("" when it delivers
    everything asked). `sentences`: the answer's own sentences, narrated steps and buzzword runs
    already left out."""
    if not sentences:
        return ""
    deliverable = DELIVERABLES.get(question.kind) if question.outline else None
    if deliverable is not None and not any(deliverable.search(s) for s in sentences):
        return question.kind
    if RISK_ASK.search(question.prompt) and not any(RISKS.search(s) for s in sentences):
        return "risks"
    if GUARDRAIL_ASK.search(question.prompt) and not any(GUARDRAILS.search(s) for s in sentences):
        return "guardrails"
    if asks_decision(question) and not (any(DECISION.search(s) for s in sentences)
                                        and decides_what_was_asked(question, sentences)):
        return "decision"
    if asks_decision(question) and not (question.outline or _called_on(question)) and not (
            names_proposal(question.prompt, sentences)):  # "would you launch it?": the proposal
        return "decision"
    if asks_pick(question) and not any(PICK.search(s) or DECISION.search(s) for s in sentences):
        return "pick"
    if names_no_option(question, sentences):
        return "options"  # what comes first among the options listed: none of them named
    if never_weighs_the_other_side(question, sentences):
        return "other side"  # the alternative the prompt set against its feature, never named
    prompt_terms = frozenset(subject_terms(question.prompt))
    for problem in stated_problems(question):
        on_it = [s for s in sentences
                 if problem.worked.search(s) and not _restates(s, prompt_terms)]
        # where two sentences are asked, one that names two of its levers works on it too
        # ("a capped exploration budget for new listings")
        levers = max((len({m.group(0).lower() for m in problem.worked.finditer(s)})
                      for s in on_it), default=0)
        if len(on_it) < max(WORKED_AT_LEAST, problem.at_least) and levers < problem.at_least:
            return problem.name
    return ""
