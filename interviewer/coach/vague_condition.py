"""A condition whose criterion is a verdict on the whole: "if the beta goes well, we expand".

A decision rule is a condition someone could check: a number or a signed bar ("under 40%",
">= 1/5"), a named measure that moves or is compared ("if refunds rise above the control",
"unless complaints go up"), or a counted event ("any unsafe reply pauses it"). "If the beta goes
well", "once users are happy", "if the numbers look good", "if it works", "if people like it"
have the same shape and name no criterion: an interviewer hears the call still to be made.

The condition is read as a subject and a predicate, not matched as a phrase. It is vague when
its predicate is a verdict (a linking verb with an evaluative complement, "goes well", "is
positive", "feels right"; an outcome verb with nothing measured, "works", "pans out", "takes
off", "makes sense"; an attitude of the people who use it, "users like it", "drivers trust the
alerts"; or the whole moving with no measure named, "if things improve") and nothing in the
condition names a criterion.
"""

from __future__ import annotations

import re

from interviewer.coach.cues_markers import NUMBER
from interviewer.coach.recital import tied_number
from interviewer.coach.time_span import without_spans

_OPENER = (r"(?:if|unless|once|when|whenever|as long as|as soon as|provided(?: that)?|"
           r"assuming(?: that)?)\b")
LEADS = re.compile(r"(?:^|[,;:(]|\b(?:and|so|then|but|only)\b)\s*(?:then\s+)?" + _OPENER,
                   re.IGNORECASE)
"""A condition that opens its sentence or clause: "If it goes well, we expand"; not a question
("to decide if it's ready") nor a concession ("even if people like the preview")."""
TRAILS = re.compile(
    r"\b(?:expand|ship|scale|launch|roll(?:ing)? (?:it )?out|keep|go|move|widen|extend|open|"
    r"continue|grow|add|invest)(?:\s+[\w'-]+){0,4}?\s+" + _OPENER, re.IGNORECASE)
"""A condition after the call it gates: "we expand it once users are happy"."""
_SUBJECT = r"(?:i|we|you)(?:'d|'ll| would| will| can| could| should)?"
CALL = re.compile(
    # where a leading condition ends and its call begins: ", I'd roll it out", " we ship"
    r"(?:,\s*|\s+)(?:then\s+)?" + _SUBJECT + r"\b|,\s*(?:then\s+)?(?:roll|ship|expand|launch|scale|"
    r"keep|add|go|move|make|open|turn|extend|push|stop|pause|drop)\b|\s(?:->|=>)|\u2192|:\s",
    re.IGNORECASE)
_STOP = re.compile(r"[;.?!]")
_GOES_ON = re.compile(
    # a comma that goes on defining the condition: "If it looks good, meaning returns under 4%"
    r",\s*(?:meaning|i\.?e\.?|e\.?g\.?|that is|say|such as|like|with|for example|defined as|"
    r"and|or|both|plus)\b", re.IGNORECASE)
_LINK = (r"(?:is|are|was|were|'s|be|been|looks?|seems?|goes|go|went|turns? out|proves?|comes? back|"
         r"feels?|sounds?|works? out|pans? out|holds? up|stays?|remains?|gets?|performs?|does|do|"
         r"responds?|reacts?|lands?|reads?)")
_INTENSIFIER = (r"(?:\s+(?:really|pretty|very|all|quite|reasonably|mostly|generally|broadly|"
                r"clearly|sufficiently|fairly|overall|so|too|more or less|basically))*")
_VERDICT = (r"(?:good|well|fine|ok|okay|positive|positively|promising|great|successful|a success|"
            r"right|strong|solid|encouraging|healthy|happy|satisfied|pleased|comfortable|"
            r"acceptable|reasonable|decent|better|smooth(?:ly)?|nicely|as (?:expected|planned|"
            r"hoped)|(?:according )?to plan|worth it|worthwhile|ready|favou?rable|valuable|useful|"
            r"helpful|effective|on track|in (?:good|great) shape|a hit|a win)")
EVALUATIVE = re.compile(
    r"\b" + _LINK + _INTENSIFIER + r"\s+" + _VERDICT + r"\b(?! than\b)"
    # the verdict ends its predicate: "get better prices" names a thing, not a verdict
    r"(?=\s*(?:$|[,;:.]|\w+ing\b|(?:and|or|but|for|to|in|with|on|at|enough|so far)\b))",
    re.IGNORECASE)
"""A linking verb and a verdict: "goes well", "is positive", "looks really promising"."""
OUTCOME = re.compile(
    r"\b(?:works?|worked|succeeds?|succeeded|takes? off|catch(?:es)? on|clicks?|sticks?|pays? off|"
    r"makes? sense|adds? value|delivers?|resonates?|helps?|is working|are working)"
    r"(?:\s+(?:out|well|for (?:us|them|users|people|everyone|customers|the \w+)))?\s*,?\s*$",
    re.IGNORECASE)
"""An outcome verb with nothing after it: "if it works", "once it takes off", "if it helps"."""
ATTITUDE = re.compile(
    # one user turning it down is an event that triggers a fallback, not a verdict on the whole
    r"(?<=\w )(?<!\blooks )(?<!\bseems )(?<!\bsounds )(?<!\bfeels )(?<!\bis )(?<!\bare )"
    r"(?<!n't )(?<!\bnot )"
    r"\b(?:like(?=\s+(?:it|this|that|them|the|its|our|using|having)\b)|likes|love|loves|enjoy|"
    r"enjoys|want|wants|embrace|embraces|value|values|"
    r"appreciate|trust|trusts|adopt|adopts|accept|accepts|buy into|are into|get value from|"
    r"see value in|are on board)\b(?:\s+[\w'-]+){0,4}\s*,?\s*$", re.IGNORECASE)
"""The people who use it liking it, whatever it is: "if users like the summaries"."""
LOOSE_SUBJECT = re.compile(
    r"^\s*(?:the |our |all |its |those |these |all (?:the |these |those |of (?:the |these ))?)?"
    r"(?:results?|it|things|everything|numbers|pilot|test|beta|trial|data|feedback|outcomes?|"
    r"this|that|performance|launch|rollout|experiment)\s+"
    r"(?:\w+\s+)?(?:improves?|improved|gets? better|moves? in the right direction|trends? up|"
    r"goes up|go up|picks? up|grows?)\b", re.IGNORECASE)
"""The whole moving, no measure named: "if things improve", "if the numbers go up"."""
CRITERION = re.compile(
    # a comparison or a bar: "above the control", "more than last month", "versus the old flow"
    r"\b(?:than|above|below|under|exceeds?|exceeding|beats?|versus|vs\.?|against|outperforms?|"
    r"compared|relative to|control|baseline|threshold|target|half|twice|third|quarter)\b|"
    r"[<>\u2264\u2265]|\bas \w+ as\b|"
    # a measure moving: "refunds rise", "unless complaints go up", "repeat orders climb"
    r"\b(?:rises?|rising|climbs?|falls?|drops?|goes (?:up|down)|go (?:up|down)|increases?|"
    r"decreases?|doubles?|halves|shrinks?|spikes?|stays? flat|holds? steady|declines?|"
    # or compared without its reference said: "even if completion is a little lower"
    r"lower|higher|fewer|less|more|slower|faster|longer|shorter|cheaper)\b|"
    # a counted event: "any unsafe reply", "no complaints", "nobody opts out", "every driver"
    r"\b(?:any|no|nobody|none|zero|every|each|a single|not one)\b",
    re.IGNORECASE)


def conditions(text: str) -> list[str]:
    """Each condition that gates the speaker's call, its own clause only. A leading condition
    whose sentence goes on to someone else's doing ("If the summary is good, doctors stop
    reading the raw intake") predicts; it sets no bar for a call."""
    out = []
    for m in LEADS.finditer(text):
        stop = _STOP.search(text, m.end())
        limit = stop.start() if stop else len(text)
        call = CALL.search(text, m.end(), limit)
        if call is None:
            continue
        clause = text[m.end():call.start()]
        if all(_GOES_ON.match(clause, c.start()) for c in re.finditer(",", clause)):
            out.append(clause)
    for m in TRAILS.finditer(text):
        end = re.compile(r"[,;.?!:]").search(text, m.end())
        out.append(text[m.end():end.start() if end else len(text)])
    return out


def verdict_only(clause: str) -> bool:
    """The condition's predicate is a verdict on the whole and it names no criterion."""
    clause = without_spans(clause)
    if tied_number(clause) or NUMBER.search(clause) or re.search(r"\d", clause):
        return False
    loose = LOOSE_SUBJECT.search(clause)
    if CRITERION.search(clause) and not loose:
        return False
    return bool(loose or EVALUATIVE.search(clause) or OUTCOME.search(clause)
                or ATTITUDE.search(clause))


def vague_condition(text: str) -> bool:
    """The text sets a condition whose criterion is only a verdict: "once users are happy we
    scale", "if the numbers look solid, we expand", "when the beta goes well"."""
    return any(verdict_only(c) for c in conditions(text))


ASKED_IF = re.compile(
    r"\b(?:decide[ds]?|deciding|see|seeing|check(?:ing)?|know|tell|ask(?:ing)?|test(?:ing)?|"
    r"find out|wonder|figure out|judge|understand|evaluate|assess|learn|unclear|sure)"
    r"(?:\s+(?:it|this|that|them|for \w+|\w+ly))?\s+if\b", re.IGNORECASE)
"""An "if" that asks rather than sets a condition: "to decide if it's ready", "see if it helps"."""


def without_questions(text: str) -> str:
    """The text with its asking "if"s read as "whether": no condition, so no rule."""
    return ASKED_IF.sub(lambda m: m.group(0)[:-2] + "whether", text)
