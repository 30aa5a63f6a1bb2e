"""A typed question's ground: what a strong answer to any product question works through.

A bank question's outline lists what its strong answer covers, and an answer that works through
most of it is floored at 4-4.5 (`ground.py`). A typed (ad-hoc) question has no outline, so
strong answers to it were left to the rubric's cues, whose lexicon misses a compact or hedged
answer ("I'd build crop-disease diagnosis first ... if agreement is under 70% after the first
season, I'd stop"): on the dev split strong typed answers and their twins scored 0.2-0.6 under
their grades on average (bank ones 0.0-0.1), single ones up to 1.2 under. The ground here is
read from the prompt and from what an interviewer expects of every product answer, each point
tested on the answer's committed sentences only (no buzzword run, narrated step or generic
advice):

- **subject**: the sentences are about what the prompt asks (two in five of its own terms), so a
  polished plan for a neighbouring question about the same product covers nothing;
- **call**: where the prompt asks for one (should it, which would you choose, what first), a
  call is made;
- **measure**: a measure with a number or bar (a rate, a share, a time, a count) of the product
  in use: "precision and recall above 80% on a backtest" is the model's test set, not whether
  anyone is helped (`offline_success.py`);
- **risk**: what could go wrong, or the guardrail that limits it;
- **rule**: a condition that changes the call ("if agreement is under 70%, I'd stop"), in notes
  too ("under 40% acceptance, rework", "<40% -> back to the map", "Gate: overrides under 10%");
- **why**: reasons, in two sentences or more (a clause drawn with "so" from the one before it
  gives its reason: "setbacks can freeze pipes, so hard limits of 10-30 C").

A medium answer lists measures without a bar, options without a call, or ideas without
reasons: it misses two points or more and gets no floor.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from interviewer.banks import Question
from interviewer.coach.argued import CONDITION, TELEGRAPHIC_CALL, argued_commitments
from interviewer.coach.asks_bank import GUARDRAILS, MEASURE, RISKS, asks_decision, asks_pick
from interviewer.coach.asks_problems import DECISION, PICK
from interviewer.coach.consequence import consequences
from interviewer.coach.cues_markers import NUMBER
from interviewer.coach.launch_bar import states_bar
from interviewer.coach.offline_success import OFFLINE_NUMBER
from interviewer.coach.relevance import (
    DENSE_NUMBERS,
    MIN_PROMPT_TERMS,
    WORDS_PER_PROMPT_TERM,
    subject_terms,
)
from interviewer.coach.terse import labelled
from interviewer.coach.text import stem, words
from interviewer.coach.time_span import without_spans
from interviewer.coach.units import Unit, question_asks
from interviewer.coach.unsettled import vague_bar
from interviewer.coach.vague_condition import without_questions

SUBJECT_SHARE = 0.4
"""Share of the prompt's own terms the committed sentences must use (of what an answer of its
length could use, as `relevance.py` reads a dense short answer). On the dev split a polished
answer measuring a camera's alerts, asked whether face recognition should be on by default,
used 0.20; strong answers to typed questions that lacked a floor, 0.47 or more."""
REASONS = 2
SHORT_WORDS = 140
"""A ~90-word answer (this many words or fewer) makes each point once: one reason is its "why",
and three committed sentences may carry all of it (`ground.SHORT_APPLIED`). Written "short"
twins run to 100-130 words (a strong answer's 350 cut by two thirds)."""
ASKS_A_CALL = frozenset({"first-choice"})
# A measure with a bar, beyond `asks_bank.MEASURE`'s words: "two per thousand articles", "70%".
BAR = re.compile(r"\bper (?:hundred|thousand|million|100|1,?000)\b|%|\bpercent\b", re.IGNORECASE)
# A bar as notes write it, a sign and a quantity: ">= 1/5 of visitors", "< 2 per shift".
SIGNED_BAR = re.compile(r"(?:[<>]=?|\u2264|\u2265)\s*\$?\d")
_BAR_WORDS = "under|below|above|over|less than|more than|fewer than|at least|at most"
"""A bar's words, as `RULE` reads them twice: after "when" (with the verbs a bar is crossed by)
and before the call a bar triggers in notes. One list, so the two readings cannot drift."""
# A rule that changes the call, mid-sentence too: "a category moves to review if corrections pass
# two per thousand" (`argued.CONDITION` reads a rule that opens its clause).
RULE = re.compile(
    r"\b(?:if|unless|once|until)\b|"
    # "when" with the bar that trips it: "when a user dismisses more than ten alerts a week"
    rf"\bwhen(?:ever)?\b[^.;,]{{0,60}}?(?:[<>]=?\s*\$?\d|\b(?:{_BAR_WORDS}|exceeds?|pass(?:es)?|"
    r"cross(?:es)?)\s+(?:\$?\d|one|two|three|four|five|six|seven|eight|nine|ten|twenty|half|"
    r"a (?:third|quarter|fifth|tenth)))|"
    # the same rule in notes, a bar then what it triggers: "under 40% acceptance, rework",
    # "<40% acceptance -> back to the map"
    rf"(?:[<>]=?\s*\$?\d|\b(?:{_BAR_WORDS})\s+\$?\d)[^.;]{{0,60}}?"
    r"(?:->|=>|\u2192|[,:]\s*(?:then\s+)?(?:(?:we|i)(?:'d)?\s+)?"
    r"(?:rework|stop|pause|ship|launch|expand|narrow|roll|turn|switch|keep|kill|go|revert|hold|"
    r"wait|drop|pull|fall back|back to)\b)|"
    # an outcome, a colon, then the call it triggers, as notes write "if ..., then ...":
    # "Refills go up: roll out to all stores", "No gain in the pilot: we don't scale"
    r"^\s*(?:[-*\u2022]\s*)?[^:;.]{0,80}\b(?:rises?|go(?:es)? (?:up|down)|falls?|drops?|fails?|"
    r"beats?|miss(?:es)?|clear(?:s|ed)|finds?|shows?|improves?|stays?|exceeds?|pass(?:es)?|"
    r"(?:no|any) (?:gain|lift|change|rise))\b[^:;.]{0,50}:\s*(?:then\s+)?(?:(?:we|i)(?:'d)?\s+)?"
    r"(?:don't |do not |not )?(?:rework|stop|pause|ship|launch|expand|narrow|roll|switch|kill|"
    r"revert|hold|wait|drop|pull|fall back|back to|scale)\b|"
    # the rule as a saying: "No gain, no scale.", "No consent, no upload."
    r"^\s*(?:[-*\u2022]\s*)?no [\w-]+(?: [\w-]+)?,\s*no [\w-]+|"
    # an outcome, an arrow, then what it triggers: "rate up but retention flat -> rework"
    r"(?:->|=>|\u2192)[^.;]{0,60}?\b(?:rework|stop|pause|ship|launch|expand|narrow|roll|"
    r"turn (?:it )?off|switch|kill|revert|hold|wait|drop|pull|fall back|back to|don't|do not)\b|"
    # a test's bar, as notes set it: "A/B by client: primary is fill rate, target +2 points"
    r"\b(?:target|bar)\s*(?:of\s*)?[:=]?\s*[+-]\s?\d|"
    # or the gate under its label, with its bars: "Gate: overrides within two hours under 10%"
    r"^\s*(?:[-*\u2022]\s*)?(?:\*\*|#+\s*)?(?:gates?|go bar|go/no[- ]go|launch bar|ship bar|"
    r"stop (?:if|when)|ready when|go (?:if|when)|"
    # the call under its own label, what triggers it after the colon: "Stop: overrides > half",
    # "Go territory-wide: restoration time -15%", "Roll back: complaints over 2%"
    r"(?:go|stop|no[- ]go|kill|pause|roll ?back|expand|roll ?out)(?:[ -][\w-]+){0,3})(?:\*\*)?\s*:",
    re.IGNORECASE)


def asks_a_call(question: Question) -> bool:
    """The prompt asks for a call: launch or not, which option, what first."""
    return (asks_decision(question) or asks_pick(question)
            or bool(ASKS_A_CALL & set(question_asks(question))))


def is_short(units_: Sequence[Unit]) -> bool:
    return sum(len(words(u.piece.text)) for u in units_) <= SHORT_WORDS


# The words every typed prompt frames its ask with, not its subject: "What could go wrong with
# it, and how would you decide it's ready to roll out across the whole territory?" asks about
# feeders and crews, not about wrongness, readiness or wholeness.
_FRAME = frozenset(stem(w) for w in (
    "wants", "wrong", "ready", "define", "considering", "weigh", "roll", "take", "side", "built",
    "instead", "look", "tie", "hold", "adding", "across", "whole", "likely"))


def _subject(question: Question, texts: Sequence[str]) -> bool:
    prompt = set(subject_terms(question.prompt)) - _FRAME
    said = {t for text in texts for t in subject_terms(text)}
    body = " ".join(texts)
    could_use = float(len(prompt))
    if len(NUMBER.findall(body)) >= DENSE_NUMBERS:
        could_use = max(MIN_PROMPT_TERMS, len(words(body)) / WORDS_PER_PROMPT_TERM)
    return bool(prompt) and len(prompt & said) >= SUBJECT_SHARE * min(len(prompt), could_use)


def typed_points(question: Question, units_: Sequence[Unit],
                 texts: Sequence[str]) -> dict[str, bool]:
    """Which points of a typed question's ground the committed sentences `texts` (of `units_`)
    work on. Reasons are the units' own (`units.Unit.reason`: an echo of the prompt argues
    nothing) and calls argued from what was just said ("So I'd split by risk")."""
    prompt = frozenset(subject_terms(question.prompt))
    committed = set(texts)
    reasons = sum(1 for i, u in enumerate(units_)
                  if (u.reason or _drawn(units_, i)) and u.piece.text in committed)
    points = {
        "subject": _subject(question, texts),
        # a measure's number is its bar or its count, not how long it runs (`time_span.py`)
        "measure": any((MEASURE.search(t) or BAR.search(t)) and NUMBER.search(without_spans(t))
                       and not OFFLINE_NUMBER.search(t) for t in texts),
        "risk": any(names_risk(t, prompt) for t in texts),
        # "If these numbers look good, I'd expand" moves on with no criterion: no rule
        "rule": any(_rule(t) for t in texts)
        or any(states_bar(t) for t in _read_whole(units_, texts)),  # "Ready when: ... 95%"
        # a consequence drawn from a condition argues too: "once X, you get Y" (`consequence.py`)
        "why": reasons + argued_commitments(units_) + consequences(units_)
        >= (1 if is_short(units_) else REASONS),
    }
    if asks_a_call(question):
        points["call"] = any(_calls(t) or PICK.search(t) for t in texts)
    return points


def _rule(text: str) -> bool:
    """A condition that changes the call and names a criterion; an "if" that asks ("to decide if
    it's ready, I'd look at the error") sets none (`vague_condition.py`)."""
    t = without_questions(text)
    return bool((CONDITION.search(t) or RULE.search(t)) and not vague_bar(t)
                and (NUMBER.search(t) or SIGNED_BAR.search(t) or _calls(t)))


# "Once that's confirmed", "if it is confirmed": a finding checked, not a step that confirms.
_CHECKED = re.compile(r"\b(?:is|are|was|were|been|be|'s|once|if|when)\s+$", re.IGNORECASE)


def names_risk(text: str, prompt: frozenset[str]) -> bool:
    """The sentence names a way it goes wrong, or a guardrail that limits it. A guardrail word
    that is the product itself ("alerts" of a camera that alerts drivers: "it triggers an alert")
    limits nothing, nor does a finding "confirmed" ("once that's confirmed, roll it out"). The
    risk words ("wrong", "fail") count even as the prompt's own: "what could go wrong?" asks for
    them."""
    if RISKS.search(text):
        return True
    for m in GUARDRAILS.finditer(text):
        own = set(subject_terms(m.group(0)))
        if own and own <= prompt:
            continue
        if m.group(0).lower().startswith("confirm") and _CHECKED.search(text[:m.start()]):
            continue
        return True
    return False


def _calls(text: str) -> bool:
    """A call made, in full ("I'd kill it") or telegraphic, as a ~90-word or bulleted answer
    makes it ("so kill it and keep the quiz", "Build a guided quiz")."""
    return bool(DECISION.search(text) or TELEGRAPHIC_CALL.search(text))


_SO = re.compile(r"^\s*(?:and\s+)?(?:so|hence|therefore|which is why|that's why)\b"
                 r"(?!\s+(?:far|much|many|on|um|uh|like|yeah|okay|basically)\b)", re.IGNORECASE)


def _drawn(units_: Sequence[Unit], i: int) -> bool:
    """A clause drawn from the one before it in the same sentence ("setbacks can freeze pipes,
    so hard limits of 10-30 C"): that clause is its reason."""
    u = units_[i]
    return (i > 0 and u.sentence >= 0 and units_[i - 1].sentence == u.sentence
            and bool(_SO.search(u.piece.text)))


def _read_whole(units_: Sequence[Unit], texts: Sequence[str]) -> list[str]:
    """The committed units as a reader takes them: a clause with the rest of its sentence, an
    item with its header (`terse.labelled`)."""
    out: list[str] = []
    sentences: dict[int, list[str]] = {}
    committed = set(texts)
    for u, text in zip(units_, labelled(units_), strict=True):
        if u.piece.text not in committed:
            continue
        out.append(text)
        if u.sentence >= 0:
            sentences.setdefault(u.sentence, []).append(u.piece.text)
    return out + [" ".join(parts) for parts in sentences.values()]


ASKED_POINT = {"metrics": "measure", "estimate": "measure", "readiness": "rule",
               "experiment": "rule", "autonomy": "rule", "first-choice": "call", "side": "call",
               "diagnose": "why"}
"""The point of the ground each ask of the prompt is about: "How would you define success?"
is answered by a measure, "...decide it's ready?" by a rule."""


def spares_only_the_aside(question: Question, units_: Sequence[Unit], texts: Sequence[str],
                          points: Mapping[str, bool] | None = None) -> bool:
    """All of the ground but one point, and that one neither the subject nor what the prompt
    asks for: a ~90-word answer to "how would you define success?" that sets its measures with
    bars, its guardrail and its reasons has answered it without a rule for what stops it.
    `points`: `typed_points` of the same texts, when the caller has them already."""
    points = typed_points(question, units_, texts) if points is None else points
    missed = [name for name, made in points.items() if not made]
    asked = {ASKED_POINT.get(a, "") for a in question_asks(question)}
    return len(missed) == 1 and missed[0] != "subject" and missed[0] not in asked


def typed_covered(question: Question, units_: Sequence[Unit], texts: Sequence[str],
                  points: Mapping[str, bool] | None = None) -> float:
    """0-1: the share of the typed ground's points the committed sentences work on."""
    points = typed_points(question, units_, texts) if points is None else points
    return sum(points.values()) / len(points)
