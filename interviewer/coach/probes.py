"""Follow-ups that listen: push on what the candidate said, never ask for what they gave.

The weakest stressed dimension is probed, quoting the sentence that motivates the probe. A
recited or listed answer is asked for one concrete instance; an answer to another question is
brought back; a strong answer gets one harder probe that stress-tests its own decision. No
probe's text is asked twice in a session, and none presupposes content the answer lacks.
"""

from __future__ import annotations

import re

from interviewer.coach.analysis import Reading
from interviewer.coach.ask_missed import THIN
from interviewer.coach.base import AnsweredQuestion
from interviewer.coach.cues_concepts import FAMILY_BY_NAME
from interviewer.coach.cues_style import PLAN_OF_ANSWER
from interviewer.coach.probe_given import asks_again, given
from interviewer.coach.relevance import subject_terms
from interviewer.coach.text import shorten, without_fillers
from interviewer.coach.units import Unit
from interviewer.rubric import STRENGTH_BAR

_LEADS = ("You said", "You mentioned", "Earlier you said")

# Direct, neutral probes for questions with no bank probe for a dimension (ad-hoc questions).
GENERIC_PROBES: dict[str, tuple[str, ...]] = {
    "framing": (
        "Who exactly would use this first, and what problem does it solve for them?",
        "Which group of users would you design for first, and why them?",
        "What problem are those people trying to solve today, and how do they solve it now?",
    ),
    "metrics": (
        "What single number would tell you this is working, and what would you watch so it "
        "doesn't backfire?",
        "If this succeeded, which metric would move first, and what guardrail would you set "
        "beside it?",
        "What would you compare that number against, so you know the change caused it?",
    ),
    "trade-offs": (
        "What would you give up to get this, and which side of that trade-off would you take?",
        "Where do quality, cost and speed pull against each other here, and which would you "
        "protect?",
        "What would make you change that call later?",
    ),
    "prioritization": (
        "If you could ship only one piece in the first month, which one, and what waits?",
        "How would you order the work, and by what criterion?",
        "What would you deliberately not build, and why?",
    ),
    "experimentation": (
        "How would you test this before it reaches everyone, and what result would make you "
        "stop?",
        "What experiment would convince you, and how long would it run?",
        "What result would make you roll it back after launch?",
    ),
    "business-impact": (
        "How does this pay off for the business, through revenue, retention or cost? And is AI "
        "the right tool at all?",
        "Roughly what would this be worth to the business, and what would a simpler fix "
        "without AI achieve?",
        "What does it cost to run per user, and does the value cover it?",
    ),
    "communication": (
        "Could you sum up your recommendation in two sentences?",
        "If an executive had thirty seconds, what would you tell them?",
        "What is the one decision you would ask for, and why now?",
    ),
}

# Harder probes for a strong answer: each stress-tests one kind of decision the answer made.
STRESS_TESTS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("experimentation", "decision-rule", (
        "Suppose the main metric clears that bar but a guardrail moves the wrong way at the same "
        "time. Do you still ship, and who do you have to convince?",
        "What if the result is flat after the full test period? Do you ship, extend or stop?",
    )),
    ("trade-offs", "side-taken", (
        "What evidence would make you switch to the other side of that trade-off?",
        "Who inside the company would push back on that call, and what would you tell them?",
    )),
    ("prioritization", "first-step", (
        "Say that first step shows no lift after a month. What do you do next?",
        "What would you need to see from that first step before you invest in the next one?",
    )),
    ("metrics", "north-star", (
        "How could a team push that number up without users being better off, and how would you "
        "catch it?",
        "That number moves slowly. What would you watch in the first two weeks instead?",
    )),
    ("framing", "focus", (
        "What do you lose by not serving the other users first, and when would you expand?",
    )),
    ("business-impact", "cost", (
        "If the cost came in at twice your estimate, would this still be worth doing?",
    )),
    ("business-impact", "right-tool", (
        "Say the simpler fix gets you most of the way. What would justify the AI version anyway?",
    )),
    # Last, for a strong answer none of the decisions above fits: its own guardrail, its test.
    ("metrics", "guardrails", (
        "Say the main number rises while that guardrail slips a little. Where is the line at "
        "which you stop?",
    )),
    ("experimentation", "ab-test", (
        "What if the test wins overall but loses for the users you care about most? Do you "
        "still ship?",
    )),
)
RECITED = ("That names the idea. What would it be for this product, concretely: one number, "
           "one threshold or one decision you'd make?")
THIN_UNITS = 3
"""Clauses of an answer short enough that its one try at the ask is the answer."""
BACK_TO_QUESTION = "Let's come back to the question that was asked: {prompt}"


class ProbePicker:
    """Chooses the next probe; remembers what was asked so no probe text repeats in a session."""

    def __init__(self) -> None:
        self.asked: set[str] = set()

    def _fresh(self, options: tuple[str, ...] | list[str], item: AnsweredQuestion,
               gave: set[str] | None = None) -> str | None:
        """The first option not asked in this session, nor asking for what `gave` holds."""
        for p in options:
            if p not in self.asked and not any(p in f.text for f in item.follow_ups) \
                    and not asks_again(p, gave or set()):
                return p
        return None

    def _take(self, probe: str) -> str:
        self.asked.add(probe)
        return probe

    def pick(self, reading: Reading, item: AnsweredQuestion) -> tuple[str, str] | None:
        q = item.question
        n = len(item.follow_ups)
        latest = [u for u in reading.units if u.piece.answer_index == len(item.answers) - 1]
        if reading.recitation and n == 0 and not reading.off_topic:
            mention = _first_mention(reading)
            lead = f'{_LEADS[0]} "{_quote(mention)}". ' if mention else ""
            return lead + self._take(RECITED), _mention_dim(reading) or q.dimensions[0]
        sent_back = any(f.text.startswith(BACK_TO_QUESTION[:20]) for f in item.follow_ups)
        # A short answer that made the move asked, only too thinly, is pushed on, not sent
        # back; a long one that made it once in passing was about something else.
        thin = reading.ask_missed == THIN and len(reading.units) <= THIN_UNITS
        elsewhere = reading.off_topic or reading.drifting or (reading.misses_the_ask and not thin)
        if elsewhere and not sent_back:
            asked_dims = [f.dimension for f in item.follow_ups]
            dim = next((d for d in q.dimensions if d not in asked_dims), q.dimensions[0])
            opener = self._fresh([*q.probes.get(dim, ()), *GENERIC_PROBES[dim]], item)
            back = BACK_TO_QUESTION.format(prompt=q.prompt)
            return f"{back} {self._take(opener) if opener else ''}".strip(), dim
        probed = [f.dimension for f in item.follow_ups]
        weak = [d for d in q.dimensions if reading.dimensions[d].score < STRENGTH_BAR]
        weak.sort(key=lambda d: (d in probed, reading.dimensions[d].score, q.dimensions.index(d)))
        gave = given(reading, latest)
        for dim in weak:
            if dim in probed:
                continue  # the candidate has just answered it: push somewhere else
            probe = self._fresh([*q.probes.get(dim, ()), *GENERIC_PROBES[dim]], item, gave)
            if probe is None:
                continue
            anchor = _echoed(probe, latest) or _motivating(reading, dim, latest)
            lead = f'{_LEADS[n % len(_LEADS)]} "{_quote(anchor)}". ' if anchor else ""
            return lead + self._take(probe), dim
        if n == 0:  # strong, or every probe of its weak dimensions would ask for what it gave
            return self._stress_test(reading, item)
        return None

    def _stress_test(self, reading: Reading, item: AnsweredQuestion) -> tuple[str, str] | None:
        stressed = reading.question.dimensions
        ordered = sorted(STRESS_TESTS, key=lambda t: t[0] not in stressed)
        for dim, family, probes in ordered:
            units = reading.dimensions[dim].applied.get(family)
            probe = self._fresh(probes, item) if units else None
            if not units or probe is None:
                continue
            fam = FAMILY_BY_NAME[family]
            decided = [u for u in units if u.decision or u.reason] or units
            unit = min(decided, key=lambda u: len(u.piece.text.split()))
            return f'You said "{_quote(unit, fam.pattern)}". {self._take(probe)}', dim
        return None


def _quote(unit: Unit, cue: re.Pattern[str] | None = None, max_words: int = 22) -> str:
    """The clause that carries the cue (or the sentence's opening), verbatim, fillers dropped;
    its own double quotes become single ones, so the probe's quotation marks stay a pair."""
    text = without_fillers(unit.piece.text)
    m = cue.search(text) if cue is not None else None
    if m is not None and len(text.split()) > max_words:
        begin = max(text.rfind(sep, 0, m.start()) for sep in (", ", "; ", ": ", ". "))
        begin = 0 if begin < 0 else begin + 2
        piece = without_fillers(text[begin:])
        if len(piece.split()) >= 5:
            text = piece
    quoted = shorten(text, max_words).rstrip(".!?,;: ")
    return quoted.replace('"', "'").replace("\u201c", "\u2018").replace("\u201d", "\u2019")


def _first_mention(reading: Reading) -> Unit | None:
    for d in reading.question.dimensions:
        for units in reading.dimensions[d].mentioned.values():
            return units[0]
    for dr in reading.dimensions.values():
        for units in dr.mentioned.values():
            return units[0]
    return None


def _mention_dim(reading: Reading) -> str | None:
    for d in reading.question.dimensions:
        if reading.dimensions[d].mentioned:
            return d
    return None


def _echoed(probe: str, latest: list[Unit]) -> Unit | None:
    """The candidate's sentence that the probe's own words pick up ("...cost clicks..." after
    "I'd rather lose some clicks than trust"), so quote and question read as one thought."""
    asked = set(subject_terms(probe))
    best = max(latest, key=lambda u: len(asked & set(subject_terms(u.piece.text))), default=None)
    if best is None or not asked & set(subject_terms(best.piece.text)):
        return None
    return best


def _motivating(reading: Reading, dim: str, latest: list[Unit]) -> Unit | None:
    """The sentence that makes this probe natural: a mention of the dimension, else the
    latest answer's opening claim."""
    said = [u for u in latest if not announces_plan(u.piece.text)]
    for units in reading.dimensions[dim].mentioned.values():
        for u in units:
            if u in said:
                return u
    # No sentence touched this dimension: quote the answer's opening claim, the thing the probe
    # pushes on, rather than a sentence about something else.
    pool = [u for u in said if u.subject and u.committed and len(u.piece.text.split()) >= 5]
    return pool[0] if pool else (said[0] if said else None)


_ORDER_OF_ANSWER = re.compile(
    r"\b(?:i'll|i will|let me|we'll)\s+(?:do|cover|start with|begin with|take|go through|"
    r"walk through|talk about)\b[^.?!]*\b(?:then|next|after that|and finally)\b", re.IGNORECASE)


def announces_plan(text: str) -> bool:
    """The sentence says what the answer will cover ("so I'll do the money, then how to measure
    it"): quoted back, it would push on the answer's order, not on a claim."""
    return bool(PLAN_OF_ANSWER.search(text) or _ORDER_OF_ANSWER.search(text))
