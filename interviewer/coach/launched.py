"""Asked how a feature that has launched is doing, the answer plans its launch instead.

"It has launched; how would you know it is succeeding?" asks for a success measure of a live
product. A polished answer to the neighbouring question ("is it ready to launch?") lays out what
could go wrong and a launch gate: the bar before it goes in front of users, the launch held or
widened only if the bar holds. Its figures are a gate's, not a live product's measures, so the
metric cues count it as making the move asked. An interviewer hears at once that the candidate
answers a question about a launch that has already happened.

Read narrowly: only a prompt that says the feature has launched (is live, was rolled out), and
only an answer that speaks of its launch as still to come in `AT_LEAST` sentences or more ("before
this goes in front of paying users", "the launch gate", "we'd hold the launch", "launch broadly
only if"). A measure compared "before and after launch" looks back at a launch that happened, so
it does not count. Nor does a prompt that itself asks about a launch still to come ("rolled out to
10% of users; should we launch it to everyone?", "keep it and extend it?"): there planning the
launch is the answer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

AT_LEAST = 2
"""Sentences that plan the launch as to come: one may be an aside ("unlike a launch gate...")."""

_I = re.IGNORECASE
_LAUNCHED = re.compile(
    r"\b(?:has|have|had|just|recently|already)\s+(?:been\s+)?(?:launched|shipped|rolled out|"
    r"gone live|released)\b|\bis (?:now )?live\b|\b(?:launched|rolled out) (?:an?|the|its|our)\b",
    _I)
_TO_COME = re.compile(
    r"\bbefore (?:this|it|we|the \w+) (?:goes|go|launch\w*|ships?|rolls? out|is released)\b|"
    r"\b(?:before|ahead of) (?:the |a |any )?(?:launch|release|go-live)\b(?![^.;]{0,40}\bafter\b)|"
    r"\blaunch (?:gate|bar|criteria|checklist|decision)\b|"
    r"\b(?:hold|delay|block|postpone|stop) (?:the |a |its )?launch\b|"
    r"\blaunch (?:it )?(?:broadly|widely|more widely|to everyone|generally)\b|"
    r"\b(?:ready|readiness) (?:to|for) (?:launch|ship|go live)\b", _I)

# The prompt asks about a launch still to come: a wider rollout, a call to keep or extend.
_ASKS_A_LAUNCH = re.compile(
    r"\b(?:launch(?:ing)?|roll(?:ing)? (?:it |this |them )?out|ship(?:ping)?|extend|expand|scale|"
    r"keep|ready|go live|everyone|all (?:users|customers|stores|shops|regions)|more widely|"
    r"wider|broad(?:ly|er))\b", _I)


def launch_to_come(prompt: str, texts: Sequence[str]) -> bool:
    """The prompt says the feature has launched and the answer plans that launch as to come."""
    launched = _LAUNCHED.search(prompt)
    if not launched or _ASKS_A_LAUNCH.search(prompt[:launched.start()] + prompt[launched.end():]):
        return False
    return sum(1 for t in texts if _TO_COME.search(t)) >= AT_LEAST
