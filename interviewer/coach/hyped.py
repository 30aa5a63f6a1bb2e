"""A first choice whose only reason is hype: "I'd start with the AI descriptions because
generative AI is what everyone is talking about, and it would be great for press."

"What would you build first?" asks for a pick and the reason it comes first: what it does for
users, for the business, what it costs. A pick justified by what is fashionable, what the press
or investors would like, or what competitors are doing has a reason in form ("because ...") and
none in substance, so the rubric read it as a focus with its reason. An interviewer hears a
candidate who chose by the headlines; such an answer is held at 2, whatever its order looks like.

Read narrowly: only a prompt that asks what comes first; only the answer's first pick in its
own voice; only when every reason that sentence gives is hype (`_HYPE`), not set aside ("not
because it's trendy, but because ..."). On the dev split (893 answers) it fires on two weak
answers (graded 1.5 and 2.0) and on no other.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from interviewer.banks import Question
from interviewer.coach.deferred import _CHOICE_ASK, _OWN_PICK, choice_cap
from interviewer.rubric import MAX_SCORE

HYPE_CAP = 2.0

_REASON = re.compile(r"\b(?:because|since|as it's|as it is|so that|given that)\b", re.IGNORECASE)
_HYPE = re.compile(
    r"\b(?:what every(?:one|body) (?:is|'s) (?:talking about|doing|excited about)|"
    r"(?:the )?hype\w*|trend(?:y|ing)|buzz(?:y|word)?|(?:great|good|nice) for (?:the )?"
    r"(?:press|pr|headlines|investors|the board|our image)|press|investors?|"
    r"(?:make|get|grab)\w* (?:us )?(?:the )?headlines|"
    r"(?:looks?|sounds?|feels?) (?:cool|innovative|modern|impressive|cutting[- ]edge)|"
    r"(?:it's|it is|is) (?:cool|sexy|shiny|exciting|the future)|cutting[- ]edge|"
    r"(?:competitors|every(?:one|body)(?: else)?) (?:has|have|is doing|are doing|already)"
    r"(?: it| one)?)\b",
    re.IGNORECASE)
_SET_ASIDE = re.compile(r"\b(?:not|n't|never)\b[^.;]{0,20}$", re.IGNORECASE)


def hyped_pick(sentence: str) -> bool:
    """A pick whose reason clause names hype and nothing set it aside."""
    reason = _REASON.search(sentence)
    if reason is None or not _OWN_PICK.search(sentence[: reason.start()]):
        return False
    because = sentence[reason.start():]
    m = _HYPE.search(because)
    return m is not None and not _SET_ASIDE.search(sentence[: reason.start() + m.start()])


def hype_cap(question: Question, sentences: Sequence[str]) -> float:
    """The highest overall for an answer whose first pick rests on hype."""
    if not _CHOICE_ASK.search(question.prompt):
        return float(MAX_SCORE)
    first = next((s for s in sentences if _OWN_PICK.search(s)), None)
    return HYPE_CAP if first is not None and hyped_pick(first) else float(MAX_SCORE)


def call_cap(question: Question, sentences: Sequence[str]) -> float:
    """The highest overall given how the answer makes the call asked: handed back (3) or made
    on hype (2)."""
    return min(choice_cap(question, sentences), hype_cap(question, sentences))
