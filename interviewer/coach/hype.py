"""Praise of an option is not a reason for it.

Two places read the same vocabulary (one list of praise words, one of fashion):
- a reason clause that only praises the option: "I'd do the guide first because it's the most
  impressive", "since it goes well with the guide", "it's what people expect from AI now". It
  says nothing about a user, a cost, a risk or a number; an interviewer hears a preference, so
  such a clause neither makes the sentence argued (`argued.py`) nor gives it a reason
  (`units.py`);
- the first pick of a "what would you build first?" answer, justified by hype: "I'd start with
  the AI descriptions because generative AI is what everyone is talking about, and it would be
  great for press". It has a reason in form and none in substance: a candidate who chose by the
  headlines. Such an answer is held at 2, whatever its order looks like. Read narrowly: only a
  prompt that asks what comes first, only the answer's first pick in its own voice, only when
  the reason names hype and nothing set it aside ("not because it's trendy, but because ...").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from interviewer.banks import Question
from interviewer.coach.cues_markers import NUMBER, REASON
from interviewer.coach.deferred import CHOICE_ASK, OWN_PICK, choice_cap
from interviewer.coach.unsettled import vague_bar
from interviewer.rubric import MAX_SCORE

HYPE_CAP = 2.0

# Words that praise an option without saying what it does for anyone.
_PRAISE = (r"(?:impressive|innovative|exciting|cool|coolest|modern|trendy|cutting[- ]edge|"
           r"state[- ]of[- ]the[- ]art|advanced|futuristic|flashy|shiny|sexy|newest|latest|fun|"
           r"wow|magical|hot|hottest|buzz\w*|the future)")
# What the market, the press or competitors are said to want.
_FASHION = (r"what every(?:one|body) (?:is|'s) (?:talking about|doing|excited about)|"
            r"(?:the )?hype\w*|trend(?:y|ing)|buzz(?:y|word)?|(?:great|good|nice) for (?:the )?"
            r"(?:press|pr|headlines|investors|the board|our image)|press|investors?|"
            r"(?:make|get|grab)\w* (?:us )?(?:the )?headlines|"
            r"(?:competitors|every(?:one|body)(?: else)?) (?:has|have|is doing|are doing|already)"
            r"(?: it| one)?")

HYPE = re.compile(
    r"^\W*(?:because|since|as|so)?\s*(?:it|this|that|they|these|it's|that's|this's|they're)?\s*"
    r"(?:'s|is|are|would be|will be|feels?|looks?|seems?)?\s*(?:the |a |so |really |very |just )*"
    rf"(?:(?:most|more|very|really|super|so) )?{_PRAISE}\b|"
    r"^\W*(?:because|since|as)\s+(?:it|that|this)\s+(?:goes|fits|works) (?:well|nicely) with\b|"
    r"\bwhat (?:people|users|everyone|customers) expects? (?:from|of) (?:ai|an ai|tech)\b|"
    r"\beveryone (?:else )?is doing it\b",
    re.IGNORECASE,
)
_HYPED = re.compile(
    rf"\b(?:{_FASHION}|(?:looks?|sounds?|feels?|it's|it is|is) {_PRAISE}|cutting[- ]edge)\b",
    re.IGNORECASE)
_PICK_REASON = re.compile(r"\b(?:because|since|as it's|as it is|so that|given that)\b",
                          re.IGNORECASE)
_SET_ASIDE = re.compile(r"\b(?:not|n't|never)\b[^.;]{0,20}$", re.IGNORECASE)


def hype_reason(text: str) -> bool:
    """Every reason the sentence gives is praise of the option, all the way to its end."""
    found = False
    for m in REASON.finditer(text):
        found = True
        rest = text[m.start():]
        parts = [p for p in re.split(r"[:;,(]|\band\b", rest) if p.strip(" .!?")]
        if NUMBER.search(rest) or not all(HYPE.search(p) for p in parts):
            return False  # "...the most innovative and could open new markets": a reason too
    return found


def unfounded(text: str) -> bool:
    """A call whose only grounds are praise of the option or a bar with nothing in it: "I'd do
    the guide first because it's the most impressive", "if engagement is good we keep going"."""
    return hype_reason(text) or vague_bar(text)


def hyped_pick(sentence: str) -> bool:
    """A pick whose reason clause names hype and nothing set it aside."""
    reason = _PICK_REASON.search(sentence)
    if reason is None or not OWN_PICK.search(sentence[: reason.start()]):
        return False
    because = sentence[reason.start():]
    m = _HYPED.search(because)
    return m is not None and not _SET_ASIDE.search(sentence[: reason.start() + m.start()])


def hype_cap(question: Question, sentences: Sequence[str]) -> float:
    """The highest overall for an answer whose first pick rests on hype."""
    if not CHOICE_ASK.search(question.prompt):
        return float(MAX_SCORE)
    first = next((s for s in sentences if OWN_PICK.search(s)), None)
    return HYPE_CAP if first is not None and hyped_pick(first) else float(MAX_SCORE)


def call_cap(question: Question, sentences: Sequence[str]) -> float:
    """The highest overall given how the answer makes the call asked: handed back (3) or made
    on hype (2)."""
    return min(choice_cap(question, sentences), hype_cap(question, sentences))
