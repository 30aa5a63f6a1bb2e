"""Markers that a named concept is *applied*: a reason, a decision, a number or threshold, an
action a result would trigger; and the words that dismiss a concept named right after them."""

from __future__ import annotations

import re

REASON = re.compile(
    r"\b(because|since|so that|which means|"
    # an option weighed, its cost after "but": "the coach differentiates most, but it's harder
    # to build" argues as "because" does; a pro and a con with nothing chosen is a medium's move
    r", but (?:it|it's|they|there|the|that|this)|that means|otherwise|that way|given that|"
    r"as long as|in order to|to avoid|the reason|due to|so we (?:can|don't|know)|"
    r"so (?:it|they|people|users)|that's why|costs? (?:far |much |way |a lot )?(?:more|less)|"
    r"matters? (?:more|most)|"
    r"more than|instead of|rather than|unless|"
    # the plain-English "rather than": "I work on the feedback and not on the usage"
    r"(?:i|we)(?:'d| would| will)? (?:\w+ ){1,2}(?:on |in |to )?(?:the )?[\w-]+ (?:and not|, not) "
    r"(?:on|in|to|the)|"
    # a side, then its grounds after a colon: "missing beats invented: a gap costs seconds"
    r"(?:beats?|over|before) [^:;.?!]{1,30}: \w+|"
    # a pick or a refusal, then its grounds after a colon: "Primary care first: most volume",
    # "Not removing free generation: it's how people find the paid plan"
    # The same terse pick opened by its verb or its people: "Focus on daily readers: they pay
    # subscriptions", "For busy parents shopping weekly: biggest baskets".
    r"(?:\bfirst|^\s*(?:[-*\u2022]\s*)?(?:so,? )?(?:focus|target|start|begin|pick|prioriti[sz]e|"
    r"design for|go after|for)\b[^:;.?!]{3,80}): (?:by far )?(?:the )?(?:most|biggest|largest|"
    r"highest|cheapest|lowest|fewest|least|several)\b|"
    r"(?:^\s*(?:[-*\u2022]\s*)?(?:not|never|only|(?:so,? )?(?:focus|target|start|begin|pick|"
    r"prioriti[sz]e|design for|go after))\b|\b(?:i'd|i would|we'd)\b)"
    # (not a question after the colon: "I'd define success on two levels: is it right, ...")
    r"[^:;.?!]{0,80}: (?!(?:is|are|does|do|did|can|will|would|should|how|what|which|whether)\b)"
    r"(?:(?:[\w'-]+ ){0,5}?(?:is|are|it's|they're|that's|costs?|pays?|loses?|"
    r"hurts?|ends?|matters?|drives?|saves?)|(?:they|it|that|those) [a-z]+)\b|"
    # a consequence drawn mid-sentence: "it has no screen, so you never discover the skill"
    r"(?<=\w[,;] )so (?!that\b|much\b|far\b|many\b|on\b|i\b|if\b|um\b|uh\b|like\b|yeah\b|ok\b|okay\b)[a-z']+)\b",
    re.IGNORECASE,
)
DECISION = re.compile(  # a commitment: "I'd...", "the north star is...", "Guardrails: ..."
    # a condition, then the call it triggers with its "we'd" dropped, as notes and ~90-word
    # answers make it: "If refills rise, roll out to all stores"
    r"\b(?:if|unless|once)\b[^.;:?!]{3,80},\s*(?:then\s+)?(?:roll (?:it |this )?(?:out|back)|launch|"
    r"ship|expand|stop|kill|scale|switch|pause|revert|wait|keep|drop)\b|"
    # the same rule as a saying: "No gain, no scale."
    r"^\s*(?:[-*\u2022]\s*)?no [\w-]+(?: [\w-]+)?,\s*no [\w-]+\b|"
    r"\b(i'd|i would|i will|i'll|we'd|we would|we should|we'll|we will|let's|i'm going to|"
    r"i want to|i think we|we need to|i recommend|my (?:recommendation|choice|pick|bet|call)|"
    r"i'd recommend|i'd go|my (?:north star|metric|plan|answer)|i'd pick|i pick|i choose|"
    r"i (?:would|will) (?:start|ship|run|use|pick|choose|measure|build)|"
    r"(?:first|then|next|finally),? (?:i|we)\b|ship|launch|kill|stop|start with|start by|"
    r"i prefer|i favou?r|i think we should|i'd say|only (?:if|when|after|while)|"
    # a result tied to what it triggers: "no half-level gain means fix the feedback"
    r"means (?:we |i )?(?:should )?(?:fix|stop|build|switch|drop|work on|tighten|widen|pull|"
    r"keep|revert|roll back)|(?:that's|that is) the (?:signal|sign|trigger)|"
    # a pick stated without a verb: "Reminders first.", "Grading first:"
    r"^\s*(?:[-*\u2022]\s*)?[\w' -]{2,30} (?:first|next|second|third|last)(?=[.:;,!]|\s*$)|"
    r"\b[\w-]+ first\s*[;,]\s*then\b|"
    # the terse pick of who it is for: "For busy parents shopping weekly: biggest baskets..."
    r"^\s*(?:[-*\u2022]\s*)?for [^:.;,]{3,50}:\s+\w+|(?:would|could) change my mind|(?:north star|metric|goal|success|plan|bet|"
    r"choice|recommendation|(?:first|second|third|next|last|final) step|assumption|trade-?off|segment|focus|target|measure|"
    r"guardrails?|counter-?metrics?) (?:is|are|would be|will be)|labell?ed:|"
    r"(?:i|we) (?!think|guess|believe|mean|feel|know|hope|wonder|was|were|am|are|have|had|"
    r"just|really|kind|sort|probably|maybe|also|"
    # what the speaker does as a user is an anecdote, not a commitment: "I open it and I see..."
    r"see|saw|open|opened|get|got|felt|noticed|love|hate|watched|tried|remember)[a-z']+|(?:can|may|must|will|should) never|must|(?:goes|go) (?:always |only )?to (?:a|an|the) "
    r"(?:person|human|adjuster|reviewer|specialist|agent|teacher|doctor|clinician)|"
    r"(?:should|must|needs? to) (?:go|stay|"
    r"rise|drop|fall|be|move|hold))\b|^\s*for (?:validation|testing|measurement|metrics|"
    r"success|the (?:test|experiment|rollout)),|"
    # an imperative opening a spoken or typed step: "Check the retrain first", "Roll back half"
    r"^\s*(?:[-*\u2022]\s*)?(?:\d+[.)]\s*)?(?:then|first|next|finally|so|and|after that),?\s*"
    r"(?:check|rule out|segment|split|compare|roll back|ship|run|test|measure|look at|start|pick|"
    r"focus|launch|add|cut|track|ask|build|buy|price|charge|limit|cap|stop|keep|use|route|show|"
    r"hide|ground|train|label|sample|hold out|hold back|monitor|watch|log|define|set|target|"
    r"prioriti[sz]e|rank|pilot|offer|require|escalate|default|gate|block|refund|let|report|audit|"
    r"pair|assign|randomi[sz]e|break out|cache|trim|weight)\b|"
    r"^\s*(?:[-*\u2022]\s*)?(?:\d+[.)]\s*)?(?:check|rule out|segment|split|compare|roll back|"
    r"ship|run|test|measure|look at|start|pick|focus|launch|add|cut|track|ask|build|buy|price|"
    r"charge|limit|cap|stop|keep|use|route|show|hide|ground|train|label|sample|hold out|hold back|"
    r"monitor|watch|log|define|set|target|prioriti[sz]e|rank|pilot|offer|require|escalate|"
    r"default|gate|block|refund|let|report|audit|pair|assign|randomi[sz]e|break out|cache|trim|"
    r"weight)\b|^\s*(?:[-*\u2022]\s*)?[a-z][\w /'-]{1,30}:\s+\S",
    re.IGNORECASE,
)
_WORD_NUMBER = (r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
                r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|dozen)")
# "send the SMS few days before": plain English drops the article of "a few"; "every few
# months", "the first few weeks" are a cadence or a vague span, as before.
_BARE_FEW = r"(?<!first )(?<!every )(?<!last )(?<!next )(?<!the )(?<!very )(?<!a )few"
NUMBER = re.compile(
    r"(\d[\d,.]*\s?(?:%|percent|ms|milliseconds?|seconds?|s\b|minutes?|hours?|days?|weeks?|"
    r"months?|x\b|times|dollars?|euros?|pounds?|cents?|k\b|users?|points?|bps|basis points)|"
    r"[$\u20ac\u00a3]\s?\d|"
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|thirty|forty|fifty|"
    r"sixty|seventy|eighty|ninety|a hundred|half a|a few|" + _BARE_FEW + r")[- ](?:percent|point|weeks?|days?|"
    r"months?|seconds?|milliseconds?|hundred|thousand|million|dollars?|euros?|pounds?|cents?|"
    r"times)|"
    r"\b(?:under|below|above|over|at least|at most|more than|less than|within)\s+"
    r"(?:\$?\d|one|two|three|four|five|ten|twenty|a (?:few|hundred|second)|" + _BARE_FEW + r"|point \w+|"
    # a share as the bar: "if crews confirm under half", "at least a third of them"
    r"half\b|an? (?:third|quarter|fifth|tenth)\b)|"
    # quantities as people say them: "about thirty", "a forty-file diff", "half an hour a day",
    # "for a month", "at least a fifth" ("half the users get it" is a split, not a bar)
    r"\b(?:about|around|roughly|maybe|nearly|almost) " + _WORD_NUMBER + r"\b|"
    # a count as the bar: "sign if three or more buses are saved", "5 or fewer errors"
    r"\b(?:\d[\d,.]*|one|" + _WORD_NUMBER + r") or (?:more|fewer|less)\b|"
    # ("a two-sided market", "a one-off", "a two-way door" name a kind, not a quantity)
    r"\b" + _WORD_NUMBER + r"-(?!" + _WORD_NUMBER + r"\b|(?:sided|way|off|stop|size|fits)\b)"
    r"[a-z]+|\b\d[\d,.]*-[a-z]{3,}|"
    r"\b(?:half an?|for a|an?) (?:hour|day|week|month|quarter|year)s?\b(?! or)|"
    r"\b(?:a|one|two) (?:third|quarter|fifth|tenth)s?\b(?! (?:of the way|party|parties))|"
    # a count of things large enough to be specific: "fifty feedback samples", "200 calls"
    r"\b(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand) "
    r"(?!percent\b)[a-z]{3,}|\b\d{2,}[\d,]* (?!percent\b)[a-z]{3,})",
    re.IGNORECASE,
)
# Words that dismiss a concept named right after them ("I don't think we need an A/B test").
NEGATION = re.compile(
    r"(?:\b(?:don't|do not|no need|not|never|without|skip\w*|won't|wouldn't|isn't|no)\b[^,;]{0,30}|"
    # "rather than an A/B test" sets the concept aside; "forty markets instead of a million
    # sellers costs power" sets the sellers aside, not the power calculation
    r"\b(?:instead of|rather than|avoid)\b[^,;]{0,16})$",
    re.IGNORECASE,
)
NEGATABLE = frozenset({"ab-test", "offline-eval", "rollout", "monitoring", "north-star",
                       "guardrails", "decision-rule"})
# A decision rule needs a bar or an action, not "see if it goes up".
ACTION = re.compile(
    r"\b(ship|launch (?:it )?(?:if|only|unless|when)|stop|kill|roll (?:it )?back|rollback|pause|expand|keep|drop it|scale|"
    r"cut (?:it )?back|scale back|pull back|turn (?:it )?off|switch (?:it )?off|revert|limit it|"
    r"go(?:es)? back to|falls? back to|hand (?:it )?back|re-?price|change (?:the|my) price|"
    r"go/no[- ]go|significan\w*|threshold|bar|means (?:we |i )?(?:should )?(?:fix|build|switch|"
    r"work on|tighten|widen))\b",
    re.IGNORECASE,
)
# Sentences that describe practice in general rather than this product: recitation.


def mentions_unnegated(pattern: re.Pattern[str], text: str) -> bool:
    """The pattern is named somewhere not right after a dismissal ("no need for X")."""
    return any(not NEGATION.search(text[: m.start()]) for m in pattern.finditer(text))



TYPED_BAR = r"(?:(?<=[^-=][<>])|(?<=[^-=][<>] )|(?<=^[<>])|(?<=^[<>] ))\d[\d,.]*"
"""A typed comparison ("> 3%", "<20%"): the number just after its sign; an arrow ("->") is none."""


def bar_then_call(bar: str) -> str:
    """Cues for a bar, then the call it triggers: "cut-offs above 3% lengthen the wait", "below
    85% agreement after a month, narrow it", typed "p95 > 1.5 s -> shrink the model". An arrow
    counts only before a call: "< 1 s, before text -> shoppers want products" is a reason."""
    return (r"(?:(?:above|below|under|over|past|more than|less than|fewer than|at least) "
            r"(?:like |about |around |roughly |maybe )?" + bar + r"|" + TYPED_BAR
            + r")[- ]?(?:%|percent)?[^.;:]{0,50}?(?:(?:->|=>|\u2192) ?(?:don't|do not|no|not|"
            r"shrink|cut|drop|add|raise|lower|hold|rework|fix|retrain|review|escalate|rollback|"
            r"keep|back)\b|\b(?:expand|narrow|stop|ship|roll (?:it )?back|revert|pause|kill|"
            r"lengthen|shorten|widen|tighten|pull (?:it|back)|scale (?:up|back)|switch|"
            r"turn (?:it )?off|go live|hire|moves? (?:\w+ )?to)\w*|\bdrop (?:it|them|the \w+)\b)")

SIDE_HEADING = (
    # the side as a heading, its terms after the colon: "Latency over precision: a stop map
    # within 200 ms", "Privacy beats precision: no claims data" take the side "I'd favour
    # latency over precision, so..." takes (not a criterion ranked by, not a span of time)
    r"^\s*(?:[-*\u2022]\s*)?(?:(?!by\b)[a-z'-]+ ){0,3}[a-z'-]+ (?:over|beats?) (?!(?:time|the|an?|"
    r"\d+|(?:\w+ )?(?:days?|weeks?|months?|years?|quarters?))\b)(?:[a-z'-]+ ){0,3}[a-z'-]+"
    r"(?: on [a-z' -]{1,30})?:\s")
"""A side taken in a ~90-word answer's or a note's words, its "I'd favour" dropped."""
CALL_HEADING = SIDE_HEADING + (
    # ...or the call set against its alternative: "Suggest, don't move: one tap to accept"
    r"|^\s*(?:[-*\u2022]\s*)?(?:[\w'-]+ ){0,4}[\w'-]+, (?:don't|not|never) (?:[\w'-]+ ){0,4}"
    r"[\w'-]+:\s")
"""A call as a note makes it: the side taken, or the move set against the one it is not."""

PERSON_WORD = re.compile(r"(?:er|or|ist|ant|(?<!m)ent|ee|ian)s?$|^(?:people|persons?|users?|customers?|"
                         r"famil(?:y|ies)|kids?|child(?:ren)?|teams?|staff|members?|folks?|"
                         r"guests?|hosts?|buyers?|sellers?|men|women|everyone)$", re.IGNORECASE)
"""One word that names people ("commuters", "families"): who an answer starts with or plans for
is a segment, not another feature or another move (`agenda.py`, `announced.py`). A word in
-ment is a thing, never a person: the department, the payment, the document."""
