"""Argued commitments: decisions the candidate makes in their own voice, each with its reason.

An interviewer gives 4-5 to an answer that commits to specific calls and says why ("I'd hold
the sent-mail learning until there is consent, because reading a mailbox is what loses trust"),
whether or not it quotes a number: a critique, a strategy call, a launch judgement or a design
choice is argued in words. A medium answer names the same things without committing ("we could
add a tone setting", "it would depend", "I'd investigate each of these"). `analysis.py` uses the
count so an answer without numbers is not held at the bar when its calls are made and argued.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from interviewer.coach.bare_list import NAMES_ONLY_CAP, names_only
from interviewer.coach.cues_markers import CALL_HEADING, REASON
from interviewer.coach.emphasis import PADDED_CAP, padded
from interviewer.coach.hype import hype_reason
from interviewer.coach.model_first import MODEL_FIRST_CAP, model_first
from interviewer.coach.offline_success import judged_offline
from interviewer.coach.units import Unit, anchored
from interviewer.coach.unsettled import vague_bar
from interviewer.coach.watch_list import watches_a_list

VAGUE_WORDS = 30
VAGUE_CAP = 3.0
"""An answer this long without one number, threshold or quantity is held at the bar, unless it
is decisive: its calls are made and argued in words."""
DECISIVE_CALLS = 3
DEVELOPED_CALLS = 2
DEVELOPED_APPLIED = 6
"""Two argued calls are decisive in an answer that commits in this many sentences."""
DECISIVE_RUBRIC = 2.5
"""A decisive answer still shows some of the rubric: three confident calls on the wrong things
("I'd ship it anyway because the offline numbers are strong") are not a strong answer."""
DECISIVE_DIMENSIONS = 2
"""...and on more than one of its dimensions: confident calls that all land on one ("growth is
what matters", "they are the best brand") argue nothing about the rest of the question."""
DECISIVE_FLOOR = 4.0

# The telegraphic call of a ~90-word or bulleted answer, its "I'd" dropped: "Build a guided
# quiz plus one free-text box", "so kill it and keep the quiz", "- Start with existing clients"
_TELEGRAPHIC = (
    r"(?:^\s*(?:[-*\u2022]\s*)?|;\s*|\b(?:so|then),?\s+)(?:build|ship|launch|pilot|start|kill|"
    r"keep|drop|stop|confirm|test|run|cap|limit|gate|roll|route|block|hold|cut|add|price|charge|"
    r"target|require|measure|track|sample|audit|escalate|pause|skip|focus|prioriti[sz]e|rank|"
    r"pick|choose|delay|expand|automate|default|switch|turn|replay)\s+(?:a|an|the|it|this|that|"
    r"them|one|only|our|with|on|to|by|first|now|in|out|back)\b")
TELEGRAPHIC_CALL = re.compile(_TELEGRAPHIC, re.IGNORECASE)

FIRM = re.compile(
    # the speaker's own call, not a deferral or a wish: "I'd ship", "we won't", "I'd not fight"
    r"\b(?:i|we)(?:'d| would|'ll| will)(?: not|n't)?\s+(?!(?:also |then |first |probably |maybe |"
    r"perhaps |possibly |just )*(?:consider|want|like|love|discuss|investigate|explore|look into|"
    r"think|try|need|say|guess|imagine|suggest|be |check with|talk|ask (?:around|the team)|"
    r"have to|hope|wait and see|see (?:if|what|how)|decide|figure|probably|maybe|perhaps|"
    r"possibly)\b)[a-z]+|\b(?:i|we) (?:won't|wouldn't)\s+[a-z]+|"
    r"\bi'm going to\s+(?!(?:consider|think|look into|explore|investigate)\b)[a-z]+|"
    # plain present tense, as non-native and spoken answers commit: "If it is the retrain, I
    # roll back for half", "we ship the rollback", "I check the deploy log first"
    r"(?:^|[,;:.!?]\s*|\b(?:so|then|and|but|first|now|instead|here)\s+)(?:i|we) "
    r"(?:don't |do not |never |only |first |then |also )?(?:check|split|segment|"
    r"compare|roll|ship|launch|pick|choose|keep|drop|stop|start|focus|build|test|run|use|route|"
    r"block|hold|cut|add|move|price|charge|target|set|accept|prefer|favou?r|delay|wait|watch|"
    r"track|sample|retrain|pull|limit|cap|refuse|require|ask|measure|go|switch|turn|give|put|"
    r"send|let|sell|narrow|widen|trim|default|label|audit|escalate|gate|pause|revert|skip|"
    r"fight|match|compete|bet|recommend)\b|"
    + _TELEGRAPHIC + r"|" + CALL_HEADING + r"|"
    r"\bmy (?:recommendation|decision|call|bet|answer)(?: is)?\s*[:,-]|"
    r"^\s*(?:[-*\u2022]\s*)?(?:decision|recommendation)\s*:",
    re.IGNORECASE,
)
HEDGE = re.compile(
    r"\b(?:could|might|maybe|perhaps|possibly|probably|it depends|depending on|depend on|"
    r"would want to|should consider|some options?|several|a few things|not sure)\b",
    re.IGNORECASE,
)
CONDITION = re.compile(
    # a rule in words: "If sales teams churn like everyone else, ...", "until there is consent"
    r"(?:^\s*(?:so,? |and |then,? |but )?if\b|[,;]\s*(?:and |but |then )?if\b|\bunless\b|"
    r"\bonly (?:if|when|after|once)\b|"
    r"\buntil\b|\bas soon as\b|\bthe point where\b|\beven if\b|"
    # a side taken against its alternative: "I'd rather wrongly give adults the teen mode than
    # miss teens"
    r"\brather\b[^.;?!]{3,120}\bthan\b)",
    re.IGNORECASE,
)
DRAWN = re.compile(r"^\s*(?:so|that's why|that leads to|which is why|hence|therefore)\b|"
                   r"[,;]\s*(?:and )?so,? (?:i|we)(?:'d| would|'ll| will)\b", re.IGNORECASE)
"""A call drawn from the sentence before it ("So I'd go deep for sales teams") carries its
reason there."""


CLAUSE_END = re.compile(r"[,;:.!?]|\b(?:and|or|but|because|since|whereas|while)\b",
                        re.IGNORECASE)


def firm(text: str) -> bool:
    """A decision in the speaker's own voice, not hedged in its own clause: a spoken run may
    list what "it could do" and then commit ("or it could show a range and i'd go with it")."""
    for m in FIRM.finditer(text):
        if watches_a_list(m.group(0), text[m.end():]):
            continue  # "I'd track revenue, churn and upsell": a scorecard, not a call
        start = max((b.end() for b in CLAUSE_END.finditer(text, 0, m.start())), default=0)
        after = CLAUSE_END.search(text, m.end())
        if not HEDGE.search(text[start:after.start() if after else len(text)]):
            return True
    return False


COLON_GROUNDS = 3
_LISTED = re.compile(r"\d|%|\b(?:metrics?|measur\w*|rates?|track\w*|kpis?|guardrails?|steps?|"
                     r"options?|things|ways|areas|phases?)\b", re.IGNORECASE)
"""A call, a colon, then its grounds is how notes say "because"; a colon that opens a list of
measures or steps ("I'd track three things: ...") gives no reason."""
_SPELLED_OUT = re.compile(
    r"\b(?:thing|things|levels?|parts?|pieces?|stages?|layers?|ways?|areas?|phases?|steps?|"
    r"options?)\b[^:]{0,15}$|\b(?:two|three|four|five|several|a few)\s+\w+\s*$", re.IGNORECASE)
"""A call that names a placeholder ("the most impactful thing first", "on two levels"): the
colon says what it is, not why."""


def argued_at(units_: Sequence[Unit], i: int) -> bool:
    """Unit i commits to a call and gives its reason: in the clause, in the next clause of the
    same sentence, as a condition that triggers it, or drawn from what was just said."""
    u = units_[i]
    if u.buzzwords or u.narration or u.generic or not firm(u.piece.text):
        return False
    text = u.piece.text
    drawn = DRAWN.search(text)  # "So I'd..." draws on the sentence before it: not the first
    # "If the results look good, we roll it out": a rule with no measure and no bar in it
    condition = bool(CONDITION.search(text)) and not vague_bar(text)
    reason = bool(REASON.search(text)) and not hype_reason(text)  # "since it's the coolest"
    if reason or condition or (drawn and (i > 0 or drawn.start())):
        return True
    head, colon, grounds = text.partition(":")
    if colon and firm(head) and len(grounds.split()) >= COLON_GROUNDS and not (
            _LISTED.search(grounds) or _SPELLED_OUT.search(head)):
        return True  # "I'd ship invite suggestions: biggest effect on unfilled jobs, reversible"
    nxt = units_[i + 1] if i + 1 < len(units_) else None
    return (nxt is not None and u.sentence >= 0 and nxt.sentence == u.sentence
            and bool(REASON.search(nxt.piece.text)))


def argued_commitments(units_: Sequence[Unit]) -> int:
    """How many of the answer's sentences (or clauses) about this question are argued calls. A
    spoken run that opens by counting options ("three things it could do... and i'd go with the
    range because...") still makes its call."""
    return sum(1 for i in range(len(units_)) if argued_at(units_, i) and anchored(units_, i))


def hedged(units_: Sequence[Unit]) -> int:
    return sum(1 for u in units_ if HEDGE.search(u.piece.text))


def decisive(units_: Sequence[Unit], applied: int, rubric: float, met: int) -> bool:
    """Makes its calls and argues them, hedging less than half as often as it argues: what an
    interviewer scores 4-5, numbers or not. `applied`: sentences that commit to something;
    `met`: rubric dimensions (not communication) at the bar or above."""
    calls = argued_commitments(units_)
    return (rubric >= DECISIVE_RUBRIC and not model_first(units_) and met >= DECISIVE_DIMENSIONS
            and 2 * hedged(units_) <= calls
            and (calls >= DECISIVE_CALLS
                 or (calls >= DEVELOPED_CALLS and applied >= DEVELOPED_APPLIED)))


def settle(score: float, rubric: float, units_: Sequence[Unit], counts: tuple[int, int, int],
           gated: bool) -> float:
    """The last word on an overall: a long answer with no number is held at the bar unless it
    is decisive, and a decisive answer is past it (4: more than one instance, with depth).
    Only 4: a floor of 4.5 for more calls lifted prose past its typed-bullet twin.
    A model-first answer is below the bar however argued (`model_first.py`).
    `counts`: words, committed sentences, rubric dimensions met. `gated`: off-question,
    drifting, recited or missing the ask: capped already, never lifted here."""
    words, applied, met = counts
    if names_only(units_):  # headers over bullets that name concepts and claim nothing
        return min(score, NAMES_ONLY_CAP)
    if model_first(units_) or judged_offline(units_):  # success read off a test set alone
        return min(score, MODEL_FIRST_CAP)
    if padded(units_):  # the same thin point said louder
        return min(score, PADDED_CAP)
    if gated or not decisive(units_, applied, rubric, met):
        if words >= VAGUE_WORDS and not any(u.number for u in units_):
            score = min(score, VAGUE_CAP)
        return score
    return max(score, DECISIVE_FLOOR)
