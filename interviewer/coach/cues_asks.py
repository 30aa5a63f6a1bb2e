"""What a kind of question asks the candidate to *do*, and the words that show an answer doing it.

An answer to a neighbouring question about the same product (how to measure the assistant, when
asked to design it; how to grow a feature, when asked what must be in place before launching it)
shares the product's words and can be polished; what it lacks is the move this question asks
for. The moves are kept broad on purpose: a cue here only has to show the answer *attempted*
the ask, not that it did it well (the rubric judges that).
"""

from __future__ import annotations

import re

from interviewer.coach.cues_concepts import FAMILIES
from interviewer.coach.cues_markers import NUMBER
from interviewer.coach.cues_payback import PAYBACK_ASK, PAYBACK_BROAD, PAYBACK_IN_WORDS


def _c(cues: str) -> re.Pattern[str]:
    return re.compile(cues, re.IGNORECASE)


_PRODUCT_ACTS = (
    r"shows?|answers?|suggests?|asks?|tells?|reads?|lists?|lets?|gives?|offers?|sends?|reminds?|"
    r"detects?|identif\w*|builds?|plans?|creates?|generates?|drafts?|summari[sz]\w*|finds?|pulls?|"
    r"recogni[sz]\w*|warns?|flags?|guides?|walks?|speaks?|says?|works?|syncs?|learns?|remembers?|"
    r"books?|orders?|picks?|handles?|replies|routes?|fills?|checks?|explains?|proposes?|"
    r"translates?|captures?|records?|notifies|surfaces?|highlights?|adapts?|opens?|pops? up"
)

_GO_WIDER = (
    r"(?:roll\w*[ -]?out|launch\w*|expand\w*|go(?:es|ing)? (?:live|beyond|wide|to (?:every|all|more))|"
    r"turn\w* (?:it |them )?on|on by default|default[- ]on|mov\w* (?:on|up|to the next|from "
    r"(?:step|stage|phase))|every (?:site|customer|home|region|store)|all (?:sites|customers|homes|"
    r"regions|stores)|fleet|beyond (?:the |a )?pilot|next (?:site|region|market|wave|stage)|"
    # where the product replaces people's own work, relying on it is going wider: "staff rely on
    # it only if its counts agree with theirs", "switch over once a month matches"
    r"rel(?:y|ies|ied|ying) on (?:it|them|the (?:model|tool|system|ai))|switch\w* over)")
_ONLY_IF = r"(?:when|once|if|only|until|unless|after|before|as long as|provided)"
_THRESHOLD = (r"(?:\b(?:above|below|under|over|at least|at most|fewer than|less than|more than|"
              r"no more than|within)\s+(?:\S+\s+)?(?:\d|(?:one|two|three|four|five|ten|twenty|"
              r"fifty|a hundred|a thousand)\b)|\d\s*(?:%|percent)|\b\d+ (?:in|out of) \d)")
"""A figure set as a bar: a comparator on a number, a share, or a rate ("1 in 500")."""

MOVES: dict[str, re.Pattern[str]] = {
    # Design: what the product does for its user, and how they meet it.
    "design": _c(
        r"\b((?:it|the (?:assistant|app|feature|tool|agent|bot|system|product|experience|model|"
        r"coach|helper)) (?:would |could |will |can |should |then |also |just )?(?:" + _PRODUCT_ACTS
        + r"))\b|\b(screens?|buttons?|tap\w*|swip\w*|notifications?|voice|camera|photos?|chat|"
        r"cards?|widgets?|onboarding|(?:user )?flow|interface|ui|home screen|tabs?|templates?|"
        r"step[- ]by[- ]step|offline|hands[- ]free|one[- ]click|in[- ]app|on screen|spoken|"
        r"by voice|settings|inbox|calendar|dashboard|what (?:i'd|we'd|i would) build|features?|"
        r"listens?|highlight\w*|transcrib\w*|displays?|alerts?|drafts?|reminders?|"
        r"(?:i'd|we'd|i would|we would|we could|i could) (?:build|make|add|design|create|put|give|"
        r"let|show|offer|"
        r"start with|keep))\b|\b(?:they|users?|you|people|customers?|"
        r"the user|parents|he|she) (?:can|could|would|will|just) (?:ask|see|tap|say|point|get|"
        r"choose|pick|edit|confirm|upload|snap|scan|type|speak|talk|open|review|approve|undo)\b"),
    # Critique: a judgement of an existing product, with why.
    "critique": _c(
        r"\b(works?(?: well)?|fails?|failing|good at|bad at|great at|excellent|frustrat\w*|"
        r"annoying|breaks?|broken|confus\w*|embarrass\w*|useless|helpful|reliable|unreliable|"
        r"misses|wrong|mistakes?|limits?|weak\w*|strengths?|the problem is|what i'd change|"
        # what it is good for and how it goes wrong, in plain words: "it helps with...", "stale"
        r"helps?|saves?|outdated|out of date|stale|"
        r"i'd change|change i'd make|why (?:people|users|they|so many)|people (?:stop|learn|give up|"
        r"don't|never)|gave up|doesn't|does not|can't|cannot)\b"),
    # Responsible AI: the harm, who it falls on, and what prevents it.
    "responsible-ai": _c(
        r"\b(misuse|abuse\w*|harm\w*|scams?|fraud\w*|impersonat\w*|consent|safety|unsafe|safe|"
        r"bias\w*|fair\w*|discriminat\w*|privacy|watermark\w*|block\w*|refus\w*|red[- ]team\w*|"
        r"incidents?|report\w*|vulnerable|minors?|teens?|children|dangerous|liabilit\w*|legal|"
        r"regulat\w*|deepfakes?|misinformation|verif\w*|trace\w*|protect\w*|risks?|worst case|"
        r"stereotyp\w*|represent\w*|guardrails?|kill switch|pause|opt[- ]out|appeal\w*|"
        # fairness is weighed in who is shown and how often: "no job above 70% one gender"
        r"divers\w*|gender\w*|skew\w*|over-?correct\w*|inclusi\w*|belongs?|"
        # security harms are harms: an agent tricked, hijacked or leaking what it can read
        r"attack\w*|malicious|trick\w*|hijack\w*|inject\w*|leak\w*|steal\w*|phish\w*)\b"),
    # ML system design: what the system predicts, from what, and how it is served.
    "ml-system-design": _c(
        r"\b(predict\w*|models?|scor\w*|rank\w*|candidates?|features?|labels?|train\w*|serv\w*|"
        r"pipeline|retriev\w*|objective|optimi[sz]\w*|latency|cach\w*|index\w*|classifier|"
        r"threshold|budget|real[- ]time|batch\w*|embedding\w*|signals?|probabilit\w*|stages?|"
        r"stream\w*|components?|architecture|services?|api|queues?|stores?|database|encoder|"
        r"decoder|recogni\w*|synthes\w*|ground\w*|p50|p9[059]|ms|throughput|fallback|cascade|"
        r"offline|online)\b"),
    # Experiment design: units, arms, power, what is compared.
    "experiment": _c(
        r"\b(tests?|experiment\w*|randomi[sz]\w*|control|treatment|holdouts?|split|switchbacks?|"
        r"clusters?|power|sample\w*|significan\w*|a ?/ ?b|a b|ab test|interleav\w*|compare\w*|"
        r"baseline|bias\w*|interference|spillover|confound\w*|arms?|units?|duration|weeks|"
        r"detect\w*|noise|variance|regions?|markets?|geo\w*)\b"),
    # Data strategy: where labels come from, what biases them, how to fix it.
    "data-strategy": _c(
        r"\b(labels?|labell?\w*|data|training|samples?|sampl\w*|annotat\w*|raters?|ground truth|"
        r"bias\w*|holdouts?|sources?|collect\w*|logs?|logged|feedback|weight\w*|synthetic|vendors?|"
        r"reviewers?|review|outcomes?|disputes?|examples?|coverage|drift|fresh\w*)\b"),
    # Metrics: what number says it works.
    "metrics": _c(
        r"\b(metrics?|measur\w*|rate|per (?:user|session|week|day|request|ticket|query)|"
        r"retention|conversion|guardrails?|north[- ]star|success|track\w*|share of|"
        # a percent of a price ("five percent off", "a ten percent discount") prices the offer
        r"percent\w*(?!\s+(?:off|discounts?|surcharges?|cheaper|rebates?|markups?|lower premiums?))|"
        r"how (?:many|often|fast|long)|precision|recall|accuracy|false (?:positive|"
        r"negative|decline)s?|chargebacks?|errors?|catch\w*|count|number of|average|median|"
        r"p\d\d|time to|minutes|hours|cost per|baseline)\b"),
    "estimate": NUMBER,
    "diagnose": _c(
        r"\b(caus\w*|why|drop\w*|fell|fall\w*|declin\w*|investigat\w*|rul(?:e|ing) out|root|"
        r"what changed|broke|regress\w*|split (?:the drop|the decline)|hypothes\w*|"
        r"check (?:if|whether|for|first)|roll(?:ed)? back|likel(?:y|iest)|mechanism|"
        r"go(?:es)? (?:down|from)|went (?:down|from)|(?:are|is|were|was) down\b|(?:this|that|it) (?:usually )?means|"
        # a diagnosis follows a chain and finds where it breaks, against a baseline
        r"funnel|baseline|breaks?|my bet|i'd bet|split (?:it |the \w+ )?by|explains? (?:it|that|this|why)|"
        r"(?:could|might|may) (?:also )?be (?:that|because)|"
        # a gap rather than a drop ("great ratings, no better retention") is diagnosed by naming
        # the candidate explanations: who chose the feature, a novelty that wears off
        r"going on|self[- ]select\w*|selection bias|novelty|contradict\w*|confound\w*|"
        r"matched|my (?:first )?guess|i(?:'d)? guess|i suspect|"
        r"(?:two|three|four) (?:possible )?(?:things|explanations|reasons|causes)|"
        # whether it works ("is it working?") is judged against what would have happened without
        # it: a holdout, the months before launch, a verdict with the numbers behind it
        r"holdouts?|(?:against|vs\.?|versus|compared (?:with|to)) (?:the )?(?:holdout|same "
        r"(?:months|weeks|period)|before|last year)|"
        r"before (?:the |it )?launch\w*|counterfactual|(?:it's|it is) working (?:if|when|unless)|"
        r"not (?:yet )?working)\b"),
    # Prioritising: options put in an order, a first one chosen.
    "first-choice": _c(
        # "in their first ninety days", "the next week" say when, not what comes first
        r"\b((?:first|second|third|next)(?!\s+(?:few\s+|couple\s+(?:of\s+)?)?(?:[\w-]+\s+)?"
        r"(?:days?|weeks?|months?|quarters?|years?|hours?|minutes?|time|visits?|sessions?)\b)|"
        r"later|after that|rank\w*|priorit\w*|"
        # a first version scoped to one thing: "I'd ship flights only"
        r"(?:ship|launch|build|start)\w* (?:with )?(?:[\w-]+ ){1,3}only|"
        r"start with|begin with|come[s]? (?:first|second|next|later)|ahead of|"
        # an order by a criterion: "fix whatever has the most complaints first, and work down
        # the list", "in order of severity"
        r"work (?:down|through) (?:the|that|this) list|in order of|top of the list|"
        # the rest of an order after a list comma: "adaptive levels go first, then read-aloud,
        # then stories" ("if it works, then we ship" is a condition, not an order)
        r"(?<=, )then (?!(?:we|i|you|they|it|that|this|there|the (?:team|model|user)s?)\b)(?=[a-z])|"
        r"(?:goes|go|comes?|do(?:es)?|ships?) (?:\w+ )?last|"
        # an order said with what waits: "the forecast before automated routing", "autonomy
        # can wait" ("Before we build it, ..." is a time, not an order)
        r"only once|(?:can|could|should|will|both|they|those|the rest|others) (?:all )?wait|"
        r"not yet|for now|(?:(?<=\w )|(?<=, )|(?<=^)|(?<=^- ))before (?!(?:we|i|you|they|it|anyone|"
        r"users?|launch\w*|going|that|then)\b)[a-z]+)\b"),
    # What an AI may do on its own: the line it must not cross, and who takes over beyond it.
    "autonomy": _c(
        r"\b(only (?:if|when|for|under|below|up to)|never|always|on its own|alone|by itself|"
        r"automatic\w*|auto[- ]?\w+|escalat\w*|hand\w* (?:off|over|it|to)|go(?:es)? to (?:a|an|the) "
        r"(?:human|person|adjuster|agent|reviewer|specialist|manager|teacher|clinician|doctor)|"
        r"humans?|(?:a|the) person|approv\w*|den(?:y|ies|ial)|refus\w*|threshold|limit|caps?|"
        r"up to|under \$?\d|allowed|may not|must not|can't|cannot)\b"),
    "strategy": _c(
        r"\b(advantage|moat|competit\w*|differentiat\w*|defensib\w*|build|buy|partner\w*|"
        r"position\w*|bet|commoditi[sz]\w*|switching costs?|lock(?:ed)?[- ]?in|strateg\w*|"
        r"switch\w*|stay|move (?:to|off|away)|vendors?|in[- ]house|depend\w*|wait|respond|"
        r"compete|enter|platform|ecosystem|acquir\w*|own (?:the|our)|route|routing|"
        # where to stand apart: a niche served better, the tools it plugs into, a free tier
        r"niches?|speciali[sz]\w*|integrat\w*|free tier)\b"),
    # A rollout: in stages, on a part first, against a comparison, with a way back.
    "rollout": _c(
        r"\b(pilot\w*|stag(?:e|es|ed|ing)|phas(?:e|es|ed)|ramp\w*|canary|shadow|a (?:few|handful|"
        r"couple)|subset|one (?:region|market|city|hotel|store|site|team)|(?:\d+|one|five|ten) ?"
        r"(?:%|percent)|region by region|expand\w*|widen\w*|holdouts?|control|compar\w*|a ?/ ?b|"
        r"a b test|randomi[sz]\w*|roll(?:ing)? (?:it )?back|rollback|kill switch|override\w*|"
        r"(?:stop|pause|revert)\w* (?:if|when|unless))\b"),
    # A side taken: the trade-off family's own cue, or the side said as such ("My side: high
    # precision", "I come down on recall"), or typed as a label: "Rider over driver on walking:".
    "side": _c(r"\b(?:my (?:side|call|choice|pick|vote)|(?<!would )(?<!do )(?<!should )(?:i|i'd|i would|we|we'd) come down "
               r"(?:on|firmly|hard)|i'd land on|i land on|i'd go with|i'd optimi[sz]e for|"
               r"i'd bias (?:toward|to)\w*|[a-z][\w-]* over [a-z][\w-]*(?: [\w-]+){0,3}:|"
               # "I'd go for precision"; a note's label naming the call: "Lean: precision"
               r"(?:i|i'd|i would|we|we'd|we would) go for (?!it\b|a (?:pilot|test)\b)[a-z]|"
               r"(?<!\w )(?:lean|leaning|my take|verdict|call|pick|side|choice|recommendation|"
               r"bottom line)\s*(?::|->|\u2192|=>|\u2014)\s*[a-z])|"
               # notes take the side against what they set aside: "Optimise 90-day revenue, not
               # this week's sign-ups", "personalise timing only, never price", "own data only,
               # no bought lists" ("not only", "not yet" set nothing aside)
               r"(?:(?<=[\w)]),\s*(?:not|never|rather than|instead of)\s+(?!(?:only|just|sure|yet|always|"
               r"enough|necessarily|really|quite|too|much|many|all|every)\b)[a-z]|"
               r"\bonly(?:\s*\([^)]{0,80}\))?,\s*no\s+[a-z])|"
               # a pair named, then one side of it picked: "Speed vs accuracy -> speed"
               r"\b(?P<one>[\w-]+) (?:vs\.?|versus|against|or) (?P<two>[\w-]+)\b[^.;?]{0,40}?"
               r"(?:->|\u2192|=>|:)\s*(?:(?P=one)|(?P=two))\b|"
               # "rather X than Y" said without "I'd"; "prioritise X over Y", "take X over Y"
               r"\brather\b [^.;?]{2,60}\bthan\b|"
               # a side as a rule or as the cost accepted: "I'd let it route the routine ones,
               # and always put danger in front of a person", "I'd accept a smaller vocabulary"
               r"\b(?:i'd|i would|we'd|we would)\b[^.;?]{0,100}?\b(?:always|never)\b|"
               r"\b(?:i'd|i would|we'd|we would) (?:happily |gladly |rather )?(?:accept|pay|trade|"
               r"give up|sacrifice|live with|tolerate)\b|\b(?:favou?r|prefer|prioriti[sz]e|pick|choose|take|"
               r"optimi[sz]e for|go with|value)\w* [\w-]+(?: [\w-]+){0,2} over (?!time\b|the (?:next|"
               r"last|past|course)\b|\d)[a-z]|"
               + next(f.pattern.pattern for f in FAMILIES if f.name == "side-taken")),
    "launch-decision": _c(
        r"\b(launch\w*|ship\w*|wait|hold|go|no[- ]go|delay\w*|gate\w*|ready|require\w*|bar|"
        r"threshold|pilot|stag\w*|roll\w*|pause|block\w*|limit\w*|first version|v1|test\w*|"
        r"experiment\w*|a ?/ ?b|worth|pays? (?:for )?(?:itself|off)|decid\w*|measur\w*|"
        r"guardrails?|kill|stop|go(?:es|ing)? live)\b"),
    # Readiness: the bar it must clear before it goes wider, or the go-wider step with its
    # condition ("expand to the next site only if mispicks stay under 1 in 1,000").
    "readiness": _c(
        r"\b(?:ready|readiness|go[/ -]no[- ]go|gates?|gating|criteria|criterion|exit bar|"
        r"(?:the|my|our) bar|sign[- ]off|(?:has|have|must|needs?) to hold|must hold)\b|"
        rf"\b{_GO_WIDER}\b[^.;]{{0,80}}\b{_ONLY_IF}\b|\b{_ONLY_IF}\b[^.;]{{0,80}}\b{_GO_WIDER}\b|"
        # the bar as a required figure: "require that reviewers overturn fewer than 1 in 100"
        r"\b(?:requir\w*|insist\w* on)\b[^.;]{0,80}\b(?:fewer|less|under|below|at least|at most|"
        r"no more|more than|above|within)\b[^.;]{0,30}\d|"
        # the bar in any words: a condition or a requirement on a threshold figure ("not for real
        # until it catches 95% of them", "it has to catch at least 19 in 20", "once misses stay
        # below 1 in 500"), whatever is gated by it
        rf"\b(?:until|once|only (?:when|if|after|once)|unless|as soon as|has to|have to|must|"
        rf"needs? to)\b[^.;]{{0,100}}?{_THRESHOLD}"),
}

# How many sentences must make the move (an estimate is made of numbers).
AT_LEAST = {"estimate": 3, "diagnose": 2, "side": 1, "readiness": 1}
COUNT_CUES = frozenset({"first-choice"})
"""Moves counted by their distinct cues, not sentences: "Build the sizing first; content second"
ranks in one sentence what a long answer spreads over three, and an order names two places."""
DEFAULT_AT_LEAST = 2

# An ad-hoc question has no kind of its own beyond "improve": its prompt says what it asks.
PROMPT_ASKS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # "Estimate..." or "...estimate...?" asks for one; "A home insurer wants to estimate claim
    # payouts from photos." says what the product does (the ask is in the question after it).
    # "How many...?" asks for a number; "a model that forecasts how many nurses each ward needs."
    # says what the product does.
    ("estimate", _c(r"(?:^|[.!?]\s+)estimate\b|\bestimate\b(?=[^.!?]*\?)|"
                    r"\b(?:how many|how much)\b(?=[^.!?]*\?)")),
    ("design", _c(r"^\s*design\b|\bdesign (?:an?|the)\b")),
    # "How would you know it is better?" asks what would show it: a measure, against a baseline.
    ("metrics", _c(r"\b(measure|metrics?|success|know (?:if |whether )?it(?:'s| is)? (?:work\w*|"
                   r"better))\b")),
    ("experiment", _c(r"\b(a/?b test|experiment|test it)\b")),
    # "...and why?" asks for the reason behind a choice, not for a diagnosis.
    ("diagnose", _c(r"(?<!and )\bwhy\b(?!\s*\?)|\b(what happened|dropped|fell|declined|"
                    r"(?:what's|what is|what could be) going on|figure out what|(?:haven't|hasn't|"
                    r"have not|has not|isn't|is not|aren't|stopped) (?:improv\w*|work\w*|help\w*))\b")),
    # "What would you build first?": a choice of what comes first, among options, with its reason.
    ("first-choice", _c(r"\b(prioriti[sz]e|(?:build|do|ship|tackle|fix|launch) first|"
                      r"where would you start|what comes first)\b")),
    ("critique", _c(r"\b(critique|what works|what doesn't)\b")),
    # "...and which side would you come down on?" asks for a side, not a survey of both.
    ("side", _c(r"\b(which side|come down on|where (?:would|do) you (?:land|stand))\b")),
    ("rollout", _c(r"\bhow (?:would|will|should|do) you roll (?:it |this |them )?out\b")),
    # "...how would you decide it's ready to roll out?" asks for the bar, not for a labelling
    # plan or a model's accuracy ("ready within five minutes" says when, and asks nothing).
    ("readiness", _c(r"\b(?:decide|know|tell|judge|say|call|consider|deem|declare)\b[^?.]{0,25}"
                     r"\bready\b")),
    ("autonomy", _c(r"\b(?:do|decide|handle|approve|fast-track|act|pay|send|run)\w* "
                    r"[^?.]{0,40}\b(?:on its own|by itself|automatically|without (?:a )?(?:human|"
                    r"person|review\w*))\b|\b(?:may|can|should) (?:it )?(?:do|decide|handle|"
                    r"approve|fast-track|act) (?:\w+ ){0,2}on its own\b")),
)

# Neighbouring questions about the same product that a polished answer slips into: how to
# price it, when the prompt never asked. An answer that spends more sentences on such a move than
# on the one the prompt asks (and several) answers the neighbour.
NEIGHBOUR_MOVES: tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...] = (
    ("pricing", _c(r"\b(pric\w*|charg\w*|free|paid|pay|monetis\w*|monetiz\w*|plans?|tiers?|"
                   r"subscri\w*|revenue)\b"),
     # a price charged ("charge $5 a month", "charging users for it"), not a damage billed to
     # a driver or a battery charged
     _c(r"\b(pric\w*|charg(?:e|es|ing) (?:for (?:it|the|access|premium|each|every|use|usage)|per\b|"
        r"\$|\d|a (?:fee|premium|subscription|monthly|flat)|extra|more|less|users?|customers?|"
        r"subscribers?|businesses|merchants?|sellers?|advertisers?|brands?)|free|per[- ]seat|seats?|add[- ]ons?|tiers?|packag\w*|bundl\w*|"
        r"paywall\w*|upsell\w*|willingness to pay|attach rate|upgrade\w*|subscription price|"
        r"\$\d+ (?:a|per) (?:month|seat|user))\b")),
    # How to build it, when asked how to tell it works: indexing, serving, an architecture.
    ("build", _c(r"\b(build\w*|design\w*|architect\w*|implement\w*|pipeline|infrastructure|"
                 r"system)\b"),
     _c(r"\b(index\w*|chunk\w*|embed\w*|retriev\w*|re-?rank\w*|(?:cross-)?encoders?|"
        r"serv(?:e|es|ing|er|ers)|shard\w*|cach\w*|pipelines?|architecture|deploy\w*|"
        r"vector (?:db|database|store|index)|nearest[- ]neighbou?rs?|microservices?|gpus?)\b")),
)
NEIGHBOUR_AT_LEAST = 3

# A constraint the prompt sets on the answer ("...while protecting privacy", "given how sensitive
# that data is", "safe and useful enough to launch"). Unlike the asks above (any one made is
# enough), each constraint must be dealt with: an answer that never does answers the
# neighbouring question without it (how to improve the keyboard's suggestions, privacy ignored),
# however polished. The move's cues are broad, so naming the risk at all is enough.
_SAFETY_ASKED = (r"(?<!trust and )\bsafety(?=\s*(?:[^\w\s]|$)|\s+(?:and|or|of|for|while|in|is|are|"
                 r"at|when|without|concerns?|risks?|issues?)\b)")
"""The word "safety" as what is asked, not as the first word of a name ("safety vests")."""
PROMPT_CONSTRAINTS: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = (
    # Privacy or safety: the data, who could be hurt, and what keeps it from happening.
    # "Safety" asked of the product ("while keeping users' safety in mind"), not naming its domain
    # ("safety vests", "flags safety violations", "you lead trust and safety"): a detector of
    # missing safety gear is asked what could go wrong, not held to a constraint it states.
    (_c(r"\b(privacy|private|sensitive|creepy|safe|safely)\b|" + _SAFETY_ASKED),
     _c(r"\b(privacy|private|sensitive|consent\w*|opt(?:s|ed|ing)?[- ]?(?:in|out)|turn\w* (?:it |"
        r"them |the \w+ )?off|on[- ]device|on (?:the|their|your) (?:phone|device)|never leaves?|"
        r"leav\w* the (?:phone|device)|servers?|upload\w*|encrypt\w*|anonymi[sz]\w*|federated|"
        r"differential|passwords?|delet\w*|safe\w*|harm\w*|hurt\w*|injur\w*|risk\w*|creep\w*|trust\w*|"
        r"permissions?|secur\w*|protect\w*|leak\w*|expos\w*|misuse|danger\w*|clinician\w*|"
        r"escalat\w*|emergenc\w*)\b")),
    # Two points of view asked, one of them the business's: what it earns, keeps or pays.
    (_c(r"\b(?:point of view|perspective|view|side)s?\b[^.?]{0,40}\bthe business(?:'s)?\b|"
        r"\bthe business(?:'s)? (?:point of view|perspective|view|side)\b"),
     _c(r"\b(business\w*|revenue|ads?|advertis\w*|monetiz\w*|monetis\w*|subscri\w*|sales?|"
        r"retention|retain\w*|churn\w*|profit\w*|margins?|earn\w*|paid|pays?|commission\w*|"
        r"time (?:spent|in the app|on (?:the )?(?:app|site))|watch time|engagement|growth|"
        r"lifetime value|ltv|conversion\w*|gmv|company)\b")),
    # Whether it pays for itself: what it adds over what would have happened without it, which
    # only a comparison shows (a holdout that gets no discount, customers who would have stayed
    # anyway), set against what it costs: the break-even, what it costs beside what it saves.
    # Precision on who gets it is not payback: most of them may have stayed regardless.
    (_c(PAYBACK_ASK),
     _c(r"\b(incremental\w*|holdouts?|hold[- ]out|control|randomi[sz]\w*|a ?/ ?b|a b test|uplift|"
        r"counterfactual|anyway|regardless|would (?:have )?(?:stayed|left|churned|bought)|"
        r"without (?:a |an |the |any )?(?:discounts?|offers?|it|treatment|them)|no[- ](?:discount|"
        r"offer)|(?:who|that) (?:didn't|did not|don't|do not) get|treated|untreated|arms?|"
        r"break(?:s|ing)?[- ]?even|roi|return on (?:investment|spend)|pay ?back (?:period|time)|"
        # a baseline, if a confounded one: "the three months before launch and the three after"
        r"before (?:the )?launch\b[^.]{0,40}\bafter|before and after|"
        r"net (?:savings?|benefit|gain|value|margin|of (?:its|the) cost)|"
        # the two arms compared, the cost taken off: "the difference between the groups, minus
        # the extra discount cost"
        r"between (?:the |both |two )*(?:groups|arms|halves|cohorts)|(?:subtract\w*|minus|net of|"
        r"less) (?:\w+ ){0,4}(?:costs?|discounts?)|(?:more|greater|bigger) than (?:what |the )?"
        r"(?:\w+ ){0,3}(?:giv\w* away|costs?|discounts?)|half (?:of )?(?:the )?(?:\w+ ){0,3}"
        r"(?:get|gets|see|sees|receive|receives)\b[^.;]{0,60}\bhalf)\b|"
        # the break-even as a rule: "keep it if the margin gain covers running and build cost"
        r"\b(?:gains?|savings?|benefits?|margin|revenue|lift|uplift|profit)\b[^.;]{0,60}\b(?:covers?|"
        r"exceeds?|outweighs?|beats?|pays? back)\b[^.;]{0,40}\bcosts?\b|"
        # the fee or price as the cost, the saving as a verb: "three fewer vans pays the fee",
        # "cutting two shifts saves 90 thousand, which covers the licence", "if it saves more
        # than 50,000 dollars a year, it's worth it"
        r"\bpays? (?:for )?(?:the|its|a|our|their) (?:\w+ )?(?:fees?|price|licen[cs]es?|"
        r"subscription|bill)\b|\b(?:sav(?:e|es|ed|ing|ings)|gains?|benefits?)\b[^.;]{0,60}\b(?:covers?|"
        r"exceeds?|outweighs?|beats?|pays? (?:back|for)|more than)\b[^.;]{0,40}(?:\b(?:fees?|price|"
        r"licen[cs]es?|subscription)\b|\$ ?\d|\b\d[\d,.]* (?:thousand |million )?(?:dollars|euros|"
        r"pounds)\b)|"
        # the counterfactual as what happened without it: past data replayed through it against
        # what actually ran, the current way it must beat, the year before
        r"\bbacktest\w*|\bre-?run\w* (?:last|past|previous) (?:\w+ )?(?:year|month|quarter|season|"
        r"term)'?s?\b|\b(?:compar\w*|against|beats?|better than|outperforms?)\b[^.;]{0,60}\b(?:what "
        r"(?:\w+ ){0,6}(?:actually|already|currently) (?:\w+ )?(?:ran|run|happened|did|do|does|"
        r"use|uses)\b|(?:with|against|to) the (?:year|month|quarter|season|term) before\b)|"
        # its cost beside what it saves or brings, in one sentence: "the assistant runs $40k a
        # month; a ticket it resolves saves $20", "compare what it costs against its benefits"
        r"^(?=.*\b(?:costs?|costing|spend\w*|licen[cs]es?|inference|runs? (?:about |around )?\$)"
        r")(?=.*\b(?:sav(?:e|es|ed|ing|ings)|deflect\w*|avoid\w*|benefits?|value)\b)|"
        + PAYBACK_IN_WORDS + "|" + PAYBACK_BROAD)),  # the arithmetic, the break-even, a verdict held to evidence
)
CONSTRAINT_AT_LEAST = 2
PAYBACK = next(answer for prompt, answer in PROMPT_CONSTRAINTS if prompt.pattern == PAYBACK_ASK)
"""The payback constraint, which an answer can also meet in two halves (`payback_ledger.py`)."""

# A prompt that asks why a method misleads ("why might a standard experiment mislead you") asks
# for the mechanism: an answer that names none, or denies there is one, has not answered it,
# however well it runs the standard method. Only a sentence that asks (ends in "?") asks it: "a
# model that predicts which feeders are likely to fail" describes the product, and asks nothing.
PITFALL_ASK = _c(r"\b(?:why (?:might|would|could|does|do|is)|which)\b(?:[^?.!]|\.\d)*\b(?:mislead\w*|"
                 r"fool\w*|go wrong|fail\w*)\b(?:[^?.!]|\.\d)*\?")
PITFALL = _c(
    r"\b(interfer\w*|spill\w*|contaminat\w*|confound\w*|bias\w*|novelty|network effects?|"
    r"leak\w*|cannibali[sz]\w*|compet\w*|steal\w*|equilibri\w*|independen\w*|sutva|"
    r"carry-?over|nois[ey]|mislead\w*|overstat\w*|understat\w*|inflat\w*|proxy|"
    r"(?:could|might|may|doesn't|does not) (?:just )?(?:mean|reflect)|shared|same (?:buyers|"
    r"pool|supply|demand|inventory|market|customers)|autoplay|background|position\w*|"
    r"selection|feedback loops?|not what|rather than what)\b")
