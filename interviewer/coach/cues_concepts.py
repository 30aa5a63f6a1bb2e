"""Rubric concepts the offline coach listens for: per dimension, cue families, praise and advice.

A cue only says a concept was named. Naming earns nothing by itself: `analysis.py` credits a
concept when the sentence that names it is about this question's subject and commits to
something (a reason, a number or threshold, a decision; `cues_markers.py`). Cues include spoken
forms ("a b test"), avoid incidental words ("log in"); plain-word forms are in `cues_plain.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from interviewer.coach.cues_markers import SIDE_HEADING, TYPED_BAR, bar_then_call
from interviewer.coach.cues_plain import PLAIN


@dataclass(frozen=True)
class Family:
    dimension: str
    name: str
    pattern: re.Pattern[str]
    label: str
    """How the concept is praised in a scorecard's strengths."""
    advice: str
    """What to add when this concept is missing (used when the question has no outline point)."""


def _f(dimension: str, name: str, cues: str, label: str, advice: str) -> Family:
    plain = f"|\\b(?:{PLAIN[name]})\\b" if name in PLAIN else ""  # `cues_plain.py`
    return Family(dimension, name, re.compile(cues + plain, re.IGNORECASE), label, advice)


_BAR = (r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|"
        r"thirty|forty|fifty|sixty|seventy|eighty|ninety|ninety-\w+|a hundred)")
_NUM = (r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|"
        r"thirty|forty|fifty|a hundred|half a|a few|several)")

# Plain English for "rather than": "I work on the feedback and not on the usage".
_NOT_THE_OTHER = (r"\b(?:i|we)(?:'d| would| will)? (?:\w+ ){1,2}(?:on |in |to )?(?:the )?[\w-]+ "
                  r"(?:and not|, not) (?:on |in |to |the )")

FAMILIES: tuple[Family, ...] = (
    # -- framing ---------------------------------------------------------------------------
    _f("framing", "segments",
       r"\b(segments?|personas?\b|cohorts?|new users?|power users?|casual|heavy (?:users?|viewers?|"
       r"listeners?|buyers?)|light users?|first[- ]time|returning|enterprise|small business(?:es)?|"
       r"smb|long[- ]tail|(?:two|three|four|several|different) (?:kinds|types|groups|sets) of|"
       r"(?:users|people|customers|shoppers|viewers|listeners|students|developers|teams|parents|"
       r"drivers|riders|sellers|buyers|hosts|members|agents|managers) who\b|"
       # the user and the buyer told apart: "the adult child who buys it", "institutions pay"
       r"who (?:pays|buys|uses|decides)|the (?:buyer|payer|decision[- ]maker)s?\b|"
       # who pays, said plainly: "agents pay us", "schools pay for it"
       r"[a-z]+s pay (?:us|for (?:it|this|the (?:product|service|subscription|tool))|the bill)\b|"
       r"(?:aren't|are not|isn't|is not) the (?:customer|buyer|payer|user)s?\b|"
       r"(?:report|measure|track|treat|handle|analy[sz]e|look at)\b[^.;]{0,40}\bseparately|"
       r"(?:two|three) (?:people|groups|parties|sides) matter)",
       "split users into segments", "Split the users into segments and pick one, with a reason."),
    _f("framing", "problem",
       r"\b(problem|(?:two|three|four|several) (?:\w+ )?problems|pain ?points?|frustrat\w*|struggl\w*|jobs? to be done|"
       r"(?:their|the user's|the customer's|the) pain (?:is|here)|(?:customers|users|people|"
       r"they) (?:hate|complain about)|"
       r"(?:can't|cannot|don't|do not|fail to) (?:find|get|tell|trust|reach)|"
       r"what (?:they|users|people|customers) (?:actually )?(?:want|need|are trying)|"
       r"rul(?:e|ing) out|instrumentation|logging change\w*|seasonality|"
       r"why (?:users|people|they|customers)|root cause|the real issue|underlying|"
       r"why (?:does|do|did|is|are) (?:\w+ ){0,4}(?:stop|drop|fall|stall|fail|churn|leave|quit)\w*|"
       r"(?:they|people|users|customers) (?:stop|give up|quit) (?:trying|using|asking)|"
       r"(?:they|users|people) (?:want|need) to|"
       # what can go wrong, ranked by how bad it is for the user
       r"worst (?:realistic )?(?:case|thing|harm|outcome)|(?:risks|harms),? worst first)\b",
       "stated the user's problem", "State the user's problem in their terms before any fix."),
    _f("framing", "assumptions",
       r"\b(assum\w*|clarif\w*|i'd (?:first )?(?:want to|like to) (?:understand|know|ask|check)|"
       r"(?:first|before) (?:i'd|i would|we should) (?:ask|check|understand|dig)|"
       r"(?:i'd |i would )?first,? (?:check|confirm|verify) (?:that|whether|if|the)|"
       r"what (?:do we|does the business) mean by|the goal (?:here )?is|i'd check first|"
       r"i'll take (?:it|that) (?:that|as)|my understanding is|step back|let me make sure|"
       r"let me build (?:it|this) up|back of the envelope|let's say|say (?:a|we|each|about)|"
       r"call it (?:about|around|roughly)?|"
       # the goal stated in plain words: "the question is which bet makes schools renew"
       r"the (?:[a-z]+ )?question (?:here )?is|what matters (?:here |most )?is|"
       r"(?:be |is |are )?judged by|comes down to|how (?:the|this|our) (?:service|business|company|"
       r"app|platform|product) (?:makes|earns) (?:its )?money)\b",
       "stated assumptions and the goal", "Open with the goal and one or two assumptions."),
    _f("framing", "focus",
       # "I'd start with the biggest model" picks a model, not a focus
       r"\b((?:i'd|i would|we should|let's|i will|i'll|we'd|i want to|i|we) (?:focus|"
       r"(?:start|begin)(?!\w* (?:with|by|from) (?:\w+ ){0,4}(?:models?|llms?|gpus?|"
       r"transformers?|architecture)\b)|"
       r"concentrate|target|zero in|design|optimi[sz]e|go after|prioriti[sz]e)\w*|"
       r"(?:focus|target|start) (?:on|with) (?:the )?\w+ (?:users|customers|people|segment|"
       r"queries|viewers|shoppers|teams|developers)|the (?:main|core|primary|target) "
       r"(?:user|segment|audience|persona)s? (?:is|are|would be)|my target (?:is|would be))\b|"
       # the terse pick: "Focus: small claims", "Users: night-shift nurses", "So target size
       # bracketers", "Start with existing clients", "Primary care first: most volume, low risk"
       r"^\s*(?:[-*\u2022]\s*)?(?:focus|target|segment|who it's for|users?|audience)\s*:|"
       r"^\s*(?:[-*\u2022]\s*)?(?:so,? )?(?:focus|target|concentrate|zero in|go after|design for|"
       r"(?:start|begin) (?:with|on) (?!(?:\w+ ){0,4}(?:models?|llms?|gpus?|architecture)\b))\b|"
       r"^\s*(?:[-*\u2022]\s*)?[\w' -]{3,40}:\s+(?:by far )?(?:the )?(?:most|biggest|"
       r"largest|highest|mostly|heaviest)\b|^\s*(?!(?:i|we|i'd|we'd|let's)\b)(?:[\w-]+ )?[\w-]+ first:\s|"
       r"^\s*for [^:.;]{0,40}\b(?:users|customers|parents|people|shoppers|students|teachers|"
       r"families|teams|reps|managers|claimants|owners|buyers|sellers|developers|patients)\b"
       r"[^:.;]{0,30}:",
       "picked a focus with a reason", "Pick one segment or problem to focus on, and say why."),
    # -- metrics ---------------------------------------------------------------------------
    _f("metrics", "north-star",
       r"\b(north[- ]?star|success metric|primary metric|key metric|main metric|headline metric|"
       r"measure success|define success|success (?:looks like|would be|means|is)|"
       r"(?:the )?(?:one )?metric (?:i'd|i would|we'd|to) (?:use|pick|watch|track|move|optimi[sz]e)|"
       r"top[- ]line metric|goal metric|overall evaluation criterion|oec|i'd measure|"
       r"i would measure|we'd measure|measured by|the number (?:i'd|i would) watch|"
       r"(?:it's|it is|it'd be|it would be) working (?:if|when)|it works (?:if|when)|"
       r"we'll know it works|call it a success|the measure of success|^\s*(?:(?:[-*]|\d+[.)])\s*)?"
       r"(?:measure|track)\b|(?:^|(?<=^- )|(?<=^\* ))success(?: metric)?\s*:)",
       "named a success metric", "Name one success metric that ties user value to the business."),
    _f("metrics", "concrete",
       r"\b(conversion|retention|churn|click[- ]?through|ctr|watch time|minutes (?:watched|per)|"
       r"time spent|completion rate|resolution rate|resolved|deflection|csat|nps|"
       r"revenue per|add[- ]to[- ]cart|acceptance rate|accept(?:ed)? rate|adoption|"
       r"daily active|weekly active|monthly active|dau|wau|mau|sessions? per|"
       r"per (?:active )?(?:user|session|query|search|week|day|member|ticket|request|shopper|"
       r"customer|buyer|visitor|household|order|basket)|per (?:1,?000|100|10,?000|thousand|"
       r"hundred) [a-z]+|redemption rate|average (?:basket|order) (?:size|value)|"
       r"repeat (?:usage|visits?|purchases?|orders?)|return rate|success rate|zero[- ]results?|"
       r"reformulation|time to (?:\w+)|handle time|abandon\w*|how (?:fast|quickly|long|often)\b|"
       r"what percent(?:age)? of|the percentage of|(?:share|fraction|rate) "
       r"of (?:\w+ ){0,3}(?:that|which|who|sent|kept|accepted|resolved|completed)|"
       r"opt[- ]in rate|false (?:positive|negative|decline) rate|"
       r"(?:kept|accepted|sent) (?:without|with little) edit\w*|edit rate|"
       r"(?:orders|purchases|bookings|workouts|replies|messages) per|(?:listening|watch|viewing|"
       r"reading|usage|session|charting|handling) (?:hours|minutes|time)|(?:hours|minutes) "
       r"(?:of|per) \w+|"
       # a rate stated as the bar it must clear: "no occupation above seventy percent one gender"
       r"(?:above|below|under|over|at least|at most|more than|less than|within|no more than) "
       # (a "%" ends no word: the cue ends on the number before it), typed "<10%" too
       + _BAR + r"(?:[- ]?percent|(?=[- ]?%))|" + TYPED_BAR + r"(?= ?%)|"
       # counts of deliberate actions: "saves per listener", "replays within a week"
       r"saves|replays|re-?listens|playlist adds|skips|uploads|repeat (?:listens|plays|views)|"
       r"(?:as|is|be) the (?:floor|ceiling|bar|minimum|maximum|threshold))\b",
       "used concrete metrics", "Use concrete metrics (a rate or a count per user), not 'engagement'."),
    _f("metrics", "guardrails",
       r"\b(guardrails?|counter[- ]?metrics?|latency|p9[059]|p ?ninety[- ]?(?:five|nine)|"
       r"response time|cost per|complaints?|hallucinat\w*|error rate|unsubscrib\w*|opt[- ]outs?|"
       r"(?<!can )(?<!always )turn(?:ing|ed)? (?:it )?off|"  # users do; not "we can always..."
       r"escalation rate|reports? of|refunds?|(?:make sure|ensure|check) (?:that )?(?:\w+ ){0,4}"
       r"(?:doesn't|does not|don't|isn't|won't) (?:drop|fall|rise|go up|get worse|hurt|regress)|"
       r"without hurting|doesn't (?:hurt|regress)|regressions?|"
       r"no (?:rise|increase|drop|fall|regression) in|(?:stays?|holds?|held|kept) flat)\b",
       "set guardrails", "Add guardrail metrics (latency, cost, complaints or trust) beside the goal."),
    _f("metrics", "leading-lagging",
       r"\b(leading|lagging|(?:long|short)[- ]term(?! (?:vision|strateg\w*|plans?|goals?))|"
       r"proxy|proxies|input metrics?|on day one|weeks later|months later|"
       r"early (?:signal|indicator)s?|downstream|(?:30|60|90|thirty|sixty|ninety)[- ]day)\b",
       "separated leading from lagging indicators",
       "Separate a leading indicator you can move in weeks from the lagging outcome it predicts."),
    _f("metrics", "measurement",
       r"\b(baseline|instrument\w*|dashboards?|logg(?:ed|ing) (?:every|each|which|what|when|the)|"
       r"(?:break|broken|split|slice[sd]?|segment(?:ed)?|cut) (?:it |them |this |the drop )?"
       r"(?:down )?by|per segment|"
       # a measure split by group ("city by city" is a rollout, not a cut of the metric)
       r"(?:per|(?<!city )(?<!market )(?<!country )(?<!region )by) (?:group|segment|cohort|"
       r"country|language|city|region|market|device)\b|"
       r"sampled (?:human )?review|sample (?:of|a few)|measure (?:it|them|this|that) (?:by|with|as|"
       r"through|against))\b",
       "said how it is measured", "Say how each metric is measured and against what baseline."),
    # -- trade-offs ------------------------------------------------------------------------
    _f("trade-offs", "tension",
       r"\b(trade[- ]?offs?|tension|at the expense of|balanc\w* (?:between|against)|"
       # not a measure's comparison ("error vs true litres") nor a risk dismissed ("risk is low")
       r"(?:versus|vs\b)(?!\.? (?:the )?(?:non-\w+|control|baseline|true|actual|ground truth|"
       r"holdout|last (?:year|month|week))\b)|on the other hand|the downside|in exchange|"
       r"the (?:risk|catch|cost) (?:is|there|here)(?! (?:very |quite |pretty )?(?:low|small|"
       r"minimal|negligible|tiny|limited|zero|none)\b)|competing|give up|the (?:price|catch) "
       r"(?:is|we pay)|what we (?:lose|give up)|"
       r"(?:quality|accuracy|coverage|cost|latency|speed|privacy|trust|helpfulness|relevance|"
       r"freshness|reach|precision|recall|control|automation|personali[sz]ation) against|"
       # a price paid, not a cost to examine: "look at the cost of the cameras" weighs nothing
       r"sacrific\w*|(?<!look )(?<!looking )(?<!looked )at the cost of|costs? (?:us )?some|"
       # a price accepted for a gain names both sides: "accept higher payouts for payment in a day"
       r"accept\w* (?:a |some )?(?:slightly |a little |somewhat )?(?:higher|lower|more|less|fewer|"
       r"worse|bigger|smaller|slower|longer) [^.;]{1,40}\b(?:for|in exchange for|to get)\b|"
       r"(?:more|less|fewer) \w+ (?:means|costs|hurts) (?:more|less|fewer|some)|"
       # costs compared, a side taken by weight: "trust and GDPR cost more than a few points"
       r"(?:costs?|hurts?) (?:us )?(?:far |much |a lot )?(?:more|less) than|outweigh\w*|"
       r"(?:but|and) that (?:means|costs|hurts)|"
       # a gain set against its price in one breath: "cheaper, but we'd take on the serving"
       r"(?:but|though|although|whereas)\b[^.;]{0,60}\b(?:costs?|lose|losing|risks?|locked|"
       r"lock-?in|pay|slower|harder|take on|give up|worse|fewer|less (?:accurate|reliable)))\b",
       "named the tension", "Name the tension explicitly, e.g. quality against latency and cost."),
    _f("trade-offs", "quality-cost",
       r"\b((?:accuracy|quality|relevance|bigger model|larger model|better model|precision)\b[^.]{0,80}"
       r"\b(?:latency|cost|speed|slower|expensive|compute|gpu)|(?:latency|cost|speed)\b[^.]{0,80}"
       r"\b(?:accuracy|quality|relevance)|smaller (?:model|models)|distill\w*|cach\w*|"
       r"cheaper model|rout(?:e|ing) (?:\w+ ){0,3}(?:to|between)|costs? (?:\w+ ){0,3}"
       # two costs set side by side; a unit price converted ("$5 per million tokens, so five
       # cents each") is arithmetic, not a trade-off
       r"(?:dollars?|cents?|pennies|penny)\b|dollars?,? (?:and |while |whereas |but )?(?:an?|the|each|one) "
       r"\w+ (?:costs? )?(?:\w+ )?(?:cents?|pennies)|"
       # "twenty five dollars of their time against eighty cents of ours"
       r"(?:dollars?|cents?|pennies)\b[^.;]{0,30}\b(?:against|versus|vs\.?|compared (?:to|with)) "
       r"(?:\w+ ){0,3}(?:dollars?|cents?|pennies))",
       "weighed quality against latency and cost",
       "Weigh answer quality against latency and cost per request, and say which you'd protect."),
    _f("trade-offs", "privacy-control",
       r"\b(privacy|private|personal data|consent|on[- ]device|data retention|anonymi[sz]\w*|"
       r"human[- ]in[- ]the[- ]loop|human review|hand(?:off|over|s? (?:it )?(?:off|over)) to "
       r"(?:a )?(?:human|person|agent)|escalat\w* to|user control|override|opt[- ]in|"
       r"transparen\w*|explainab\w*|creepy|forget)\b",
       "weighed privacy or user control",
       "Weigh personalization against privacy, or automation against user control."),
    _f("trade-offs", "explore-exploit",
       r"\b(explor\w*|exploit\w*|freshness|novelty|diversity|serendipity|popularity bias|"
       r"filter bubble|short[- ]term (?:clicks|engagement)|clickbait|reliab\w*|"
       r"precision (?:over|versus|vs\.?|against) (?:recall|coverage|reach)|"
       r"(?:recall|coverage|reach) (?:over|versus|vs\.?|against) precision|false positives?|"
       r"false negatives?|false declines?|missed (?:fraud|harm|\w+)|over[- ]?block\w*)\b",
       "weighed relevance against exploration or reliability",
       "Weigh short-term relevance against exploration, or precision against recall."),
    _f("trade-offs", "side-taken",
       r"\b((?:i'd|i would|we'd|we would|i will|i'll|we should|i) (?:rather|lean|favou?r|prefer|"
       r"choose|pick|accept|take|protect|err|sacrifice|trade|give up|go with|side with)\w*|"
       r"rather than|(?:worth|pays for) (?:it|itself|the)|i'm (?:willing|ok|okay|fine) (?:to|with)|"
       r"err on the side|better to|(?:i|we) can live with|acceptable (?:if|as long)|"
       r"even (?:if|though) (?:it|that|this|we) (?:means?|costs?|lose|loses|gives?)|"
       r"even at (?:some|a|the|any) (?:[\w-]+ ){0,2}cost|" + _NOT_THE_OTHER + "|"
       r"(?:i'd|i would|we'd|we would) (?:lose|let go of) [^.;]{3,60}\bbut keep|"
       # a cost named, then accepted: "I'd lose maybe half the volume and accept that, because..."
       r"(?:lose|losing|give up|giving up|pay|paying|sacrifice|cost|costs) [^.;]{3,60}"
       r"\b(?:and|but) (?:i'd |i |we'd |we )?accept (?:that|it|this)|"
       r"\b(?!time\b)\w+ over (?!time\b)\w+,? because|(?:more|less) important than|"
       r"(?:is|are|feels) (?:far |much )?(?:worse|better|cheaper|costlier) than|"
       r"\w+ beats \w+|\w+ (?:comes?|go(?:es)?) (?:before|ahead of) \w+)\b|" + SIDE_HEADING,
       "took a side", "Take a side on the trade-off and give the reason."),
    # -- prioritization --------------------------------------------------------------------
    _f("prioritization", "options",
       r"\b(options?|alternatives?|a few (?:ideas|approaches|levers|bets)|candidates|"
       r"(?:two|three|four|several) (?:ideas|approaches|levers|bets|things|candidates|options|"
       r"directions|features|hypotheses|fixes|changes)|could (?:either|also)|"
       r"another (?:idea|approach|lever|option|fix)|(?:option|idea|bet) (?:one|two|three|a|b)\b|"
       r"(?:first|second|third) (?:option|idea|bet|lever))",
       "laid out options", "Lay out two or three distinct options before choosing one."),
    _f("prioritization", "criteria",
       r"\b(impact|effort|reach(?!\s+(?:\d|out\b|(?:a|an|the|our|their|its|every|all|full|"
       r"more|most)\b))|confidence|rice\b|ice score|feasib\w*|"  # not "to reach 100%"
       r"(?:engineering|build) (?:cost|time|effort)|time to (?:build|ship|value)|"
       r"(?:lower|less|more|higher) risk\w*|riskier|dependenc\w*|strategic fit|payoff|"
       r"return on|cheap\w*|easiest|low[- ]effort|high[- ]effort|quick to (?:build|ship)|hard to build|reuses?|"
       r"(?:weeks|months) (?:of work|to build)|"
       r"(?:harder|easier|slower|faster|quicker|hardest|easiest|simple|simpler) to (?:build|ship|"
       r"prove|measure|get right|do|test|validate|sell|make)|(?:costs?|risks?) little|"
       r"low[- ](?:risk|harm|stakes)|(?:faster|slower) (?:evidence|to evidence))\b",
       "used explicit criteria", "Rank the options by an explicit criterion (impact against effort)."),
    _f("prioritization", "ranking",
       r"\b(rank(?:ed|ing)? (?:them|these|the (?:options|ideas|bets)|by)|prioriti[sz]\w*|highest (?:impact|priority|value)|most (?:impact|important|"
       r"valuable|promising)|biggest (?:lever|impact|win|bang)|quick wins?|low[- ]hanging|"
       r"(?:first|second|third|top|last) priority|ahead of|matters most|"
       r"(?:would|can|should|will) wait|comes? (?:first|second|next|later)|hold (?:it |that )?back|"
       r"park\b|defer\w*|before (?:the|we) (?:rest|others)|(?:check|look at|fix|try|test) "
       r"(?:\w+ ){0,2}first|(?:do|ship|build) (?:\w+ ){0,3}"
       r"(?:first|next|last)\b|(?:comes?|goes|go) (?:before|after)|"
       r"^\s*(?:[-*]\s*)?[\w' -]{2,30} first(?=[.:;,]))\b",
       "ranked the options", "Say the order: which option comes first, and which waits."),
    _f("prioritization", "first-step",
       r"\b(first step|start (?:with|by)|mvp|minimum viable|pilot|v1|version one|"
       r"ship first|first version|phase (?:one|1)|in the first (?:week|month|quarter|few)|"
       r"first (?:thing|move) (?:i'd|i would|we'd)|roadmap|fast follow)\b",
       "chose a first step", "Choose the first step (an MVP or a pilot) and what follows it."),
    # -- experimentation -------------------------------------------------------------------
    _f("experimentation", "ab-test",
       r"\b(a ?/ ?b(?: tests?| testing| experiment)?|a[- ]b (?:test\w*|experiment)|ab test\w*|"
       r"a slash b|split[- ]test\w*|(?:an?|the|this|our|online|live|controlled|randomi[sz]ed|"
       r"proper|real) experiment|experiments|randomi[sz]\w*|control (?:group|arm)|"
       r"treatment (?:group|arm)|holdouts?|hold(?:ing)?[- ]out|"
       # a terse split: "pilot it in half the classes", "A/B on half the family segment"
       r"(?:pilot|test|a ?/ ?b|try|trie|compar|launch|roll)\w*[^.;]{0,60}\bhalf (?:of )?the "
       r"(?:\w+ ){0,2}(?:classes|teams|schools|users|customers|"
       r"stores|regions|markets|segment|accounts|reps|clinics|drivers|sellers|members)|"
       # the split named first ("half the teams first and compare"), a random split said plainly
       r"half (?:of )?the (?:\w+ ){0,2}(?:classes|teams|schools|users|customers|stores|regions|"
       r"markets|accounts|reps|clinics|drivers|sellers|members|branches)\b[^.;]{0,60}"
       r"\b(?:compar\w*|against|versus|vs\b)|random(?:ly)? (?:split|assign\w*|allocat\w*)|"
       r"split (?:\w+ ){0,3}(?:at random|randomly)|"
       r"hold(?:ing)? back "
       + _NUM + r" ?(?:%|percent)|interleav\w*|difference[- ]in[- ]differences?|switchback)\b",
       "planned an A/B test", "Validate online with an A/B test (treatment against a holdout)."),
    _f("experimentation", "offline-eval",
       r"\b(offline (?:eval\w*|test\w*|metrics?|replay)|backtest\w*|golden (?:set|dataset)|"
       r"eval(?:uation)? set|test set|labell?ed (?:set|data|examples|queries)|human (?:eval\w*|"
       r"raters?|review\w*|label\w*|grad\w*)|raters?|annotat\w*|replay|historical (?:data|logs)|"
       r"llm[- ]as[- ]a[- ]judge|shadow\w*|side[- ]by[- ]side|"
       # a product's defences tested before users meet it: a red team, a suite of attacks
       r"red[- ]team\w*|adversarial (?:tests?|testing|suites?|prompts?)|(?:suite|set) of "
       r"(?:\w+ ){0,4}attacks|penetration test\w*|pen[- ]test\w*)\b",
       "evaluated offline first", "Evaluate offline first (a labelled set or raters) before users."),
    _f("experimentation", "rollout",
       r"\b(staged|gradual\w*|ramp\w*|roll(?:ing)? ?(?:it )?out (?:to|in|slowly|gradually)|"
       r"canary|beta|dogfood\w*|internal (?:users|test\w*|pilot)|feature flag|"
       + _NUM + r" ?(?:%|percent) of (?:the )?(?:users|traffic|customers|teams|queries|sessions|"
       r"people|accounts|stores|members|searches|tickets|requests|repos\w*|listeners|viewers)|"
       r"small (?:opt[- ]in )?(?:slice|share|percentage|group|cohort)|limited (?:launch|release)|"
       r"employees first|then employees)\b",
       "staged the rollout", "Roll out in stages (a small share first, then ramp)."),
    _f("experimentation", "monitoring",
       r"\b(monitor\w*|alert\w*|watch (?:for|the)|drift|post[- ]launch|keep an eye|"
       r"track (?:it |them )?over time)\b",
       "planned monitoring", "Monitor after launch, with alerts on the guardrails."),
    _f("experimentation", "decision-rule",
       r"\b(statistic\w*|significan\w*|confidence interval|sample size|power(?:ed)?\b|"
       r"minimum detectable|kill (?:it|criteria|switch)|roll (?:it )?back|rollback|"
       r"stop (?:the|it)|"
       # the call and its condition, either way round: "ship if", "don't scale if"
       r"(?:(?:don't|do not|never|won't) )?(?:ship|launch|keep|expand|stop|kill|pull|pause|"
       r"revert|go|scale|switch|roll out) (?:it |them |this |that |the \w+ )?"
       r"(?:if|only if|when|unless)|"
       r"success criteria|decision (?:rule|criteria)|"
       r"if (?:it|we see|we saw|the|\w+)\b[^.]{0,60}\b(?:drops?|falls?|rises?|increases?|"
       r"decreases?|doesn't|does not|don't|worse|better|moves?|goes up|goes down|below|above|"
       r"slips?|degrades?|worsens?|regress\w*|climbs?|jumps?|exceeds?|pass(?:es)?|stalls?|"
       # as people say it: "if retention goes up", "if the errors come down", "if it's up"
       r"go(?:es)? (?:up|down)|comes? (?:up|down)|gets? (?:worse|better)|(?:is|are|'s) "
       r"(?:up|down)\b)|"
       + bar_then_call(_BAR[:-1] + r"|point [a-z]+)") + r"|"  # "under point eight"
       r"\d+ ?(?:-|to) ?\d+ ?(?:%|percent),? (?:we |i'd )?(?:expand|narrow|stop|pause|keep)\w*|"
       r"would change my mind|go/no[- ]go|threshold|"
       # a terse rule: "no half-level gain means fix the feedback", "under one in five means..."
       r"(?:no|under|over|above|below|fewer|more) [^.;:]{1,60}\bmeans (?:we |i )?(?:should )?"
       r"(?:fix|stop|build|switch|drop|go|work on|tighten|widen|pull|keep|revert|roll back)|"
       # a measure moving that triggers the call: "rising opt-outs mean people felt tricked, so stop"
       r"(?:rising|falling|dropping|climbing|growing|higher|lower) [^.;:]{1,60}\bmeans?\b[^.;]{0,50}"
       r"\b(?:stop|roll back|revert|pull it|kill it|pause)\b|(?:that's|that is|is|be) (?:the|our|my) "
       r"(?:signal|sign|trigger|cue) (?:to|that|for)|(?:for|over|run (?:it )?(?:for )?(?:at least )?) "
       + _NUM + r"(?: to " + _NUM +
       r")? (?:weeks|days|months)|novelty (?:effect|wears))\b",
       "said what result would change the decision",
       "Say in advance what result ships it and what result stops it."),
    # -- business impact -------------------------------------------------------------------
    _f("business-impact", "revenue",
       r"\b(revenue|monetiz\w*|subscriptions?|subscribers? (?:pay|revenue)|lifetime value|ltv|gmv|"
       r"arpu|sales\b|upsell\w*|pricing|paid (?:plan|tier|users)|renewals?|"
       r"willing(?:ness)? to pay|bookings|basket (?:size|value)s?|average order value|"
       r"(?:biggest|largest|bigger|larger) (?:baskets|orders|spenders)|aov|take rate|ad revenue|gross margin|"
       r"profit margin|charge|per seat|price (?:per|it|at)|pricing|overage|list price)\b",
       "tied it to revenue", "Tie the feature to revenue: subscriptions, conversion or ARPU."),
    _f("business-impact", "retention",
       r"\b((?<!data )(?<!zero )retention(?! polic\w*| period| window)|retain\w*|churn\w*|loyalty|"
       r"come back|stickiness)\b",
       "tied it to retention", "Connect the user benefit to retention or churn."),
    _f("business-impact", "cost",
       r"\b(cost savings?|sav(?:e|es|ing) (?:us |you |them |customers |people )?"
       r"(?:\$?\d|money|costs?|" + _NUM + r")|"
       # the money it saves as the product's promise: "a product sold on savings"
       r"(?:sold|pitched|marketed|bought) on (?:its |the |energy )?savings|"
       r"support costs?|cost to serve|serving costs?|compute costs?|inference costs?|gpu (?:costs?|"
       r"spend|bill|hours)|margins? (?:on|of|per|drop\w*|shrink\w*)|unit economics|cost per (?:ticket|contact|query|request|user|"
       r"image|call|chat|summary|meeting|conversation)|headcount|operational cost|roi\b|"
       r"return on investment|budget|(?:call|chat|ticket|contact)s? costs?|payback|"
       r"(?:the|our|a|gross|thin|thinner) margins?|"
       r"(?:dollars?|euros?|pounds?|cents?|\$\s?\d[\d,.]*\s?(?:k|m|million|billion)?) (?:a|per) "
       r"(?:month|year|day|request|task|user|seat|query|call|case|ticket))\b",
       "sized the cost", "Size the cost side: cost per request, cost saved, the margin it leaves."),
    _f("business-impact", "risk",
       r"\b(brand|reputation\w*|legal|liabilit\w*|regulat\w*|compliance|gdpr|lawsuits?|"
       r"pr (?:risk|incident)|trust and safety|abuse|fraud|misinformation|harmful|harms?|"
       r"minors?|teens?|teenagers?|children|vulnerable|self-harm|misuse|fairness|bias(?:ed)?|"
       r"discriminat\w*|unsafe|(?:lose|loses|losing|lost|costs?|hurts?|damages?|destroys?|erodes?) "
       r"(?:\w+ ){0,2}trust)\b",
       "weighed business risk", "Weigh the business risk: brand, legal or regulatory exposure."),
    _f("business-impact", "right-tool",
       r"\b(right tool|(?:do we|does it|do they) (?:even |really )?need (?:ai|ml|an? llm|a model|"
       r"generative)|(?:is|isn't) (?:a model|ai|ml|an llm|generative ai) (?:even |really )?"
       r"(?:the|needed|necessary|required|worth)|simpler (?:approach|solution|heuristic|baseline|"
       r"rules?|fix|option)|rules?[- ]based|heuristics?|without (?:ai|ml|a model|an llm)|"
       r"non[- ](?:ai|ml) (?:baseline|fix|option)|build (?:vs\.?|versus|or) buy|off[- ]the[- ]shelf|"
       # "a data fix, not a model"
       r"(?:fix|problem|change|rule|process),? not (?:a |an )?(?:new |bigger |better )?"
       r"(?:model|ai|ml|llm)\b|"
       r"rules? first|rules? for (?:the )?\w+|(?:rules|heuristics|a lookup) (?:handle|cover)|"
       r"(?:cheaper|simpler|classic|traditional|plain) (?:fix|option|alternative|approach|solution|"
       r"ranking|search|filters?|faq)|(?:better|improv\w*) (?:filters|faq|search|synonyms|"
       r"templates))\b",
       "asked whether AI is the right tool", "Ask whether AI is the right tool at all."),
    _f("business-impact", "business-link",
       r"\b(business (?:goal|outcome|value|impact|metric|case)|bottom line|company goal|"
       r"competitive|competitors?|market share|growth|acquisition|the business|profit\w*|"
       r"moat|advantage|differentiat\w*|defensib\w*|commoditi[sz]\w*|lock-?in|switching costs?|"
       r"(?:worth|valuable) (?:to|for) (?:the|us)|rivals?|"
       # habits and data that compound for whoever is first: a competitive position in plain words
       r"(?:form|forms|build|builds|formed) (?:a |their )?habits?|"
       # why customers pick this product over the alternative: "trust is why people choose us"
       r"why (?:people|customers|users|riders|buyers|members|they) (?:choose|pick|pay|stay with|"
       r"come to|switch to) us)\b",
       "linked it to the business", "Say which business outcome this moves, and roughly how much."),
)

DIMENSION_FAMILIES: dict[str, tuple[Family, ...]] = {}
for _fam in FAMILIES:
    DIMENSION_FAMILIES.setdefault(_fam.dimension, ())
    DIMENSION_FAMILIES[_fam.dimension] += (_fam,)
FAMILY_BY_NAME = {f.name: f for f in FAMILIES}
