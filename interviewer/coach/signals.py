"""What the offline coach listens for: per rubric dimension, families of cues that mark a concept.

A dimension's score rises with the number of *distinct* concepts an answer touches, never with
how often or how long it talks, so length alone earns nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Family:
    dimension: str
    name: str
    pattern: re.Pattern[str]
    advice: str
    """What to add when this concept is missing."""
    weight: float = 1.0


def _f(dimension: str, name: str, cues: str, advice: str, weight: float = 1.0) -> Family:
    return Family(dimension, name, re.compile(cues, re.IGNORECASE), advice, weight)


FAMILIES: tuple[Family, ...] = (
    # -- framing ---------------------------------------------------------------------------
    _f("framing", "users",
       r"\b(users?|customers?|viewers?|shoppers?|buyers?|sellers?|listeners?|subscribers?|"
       r"members?|patients?|drivers?|riders?|students?|agents?|creators?|advertisers?|people who|"
       r"developers?|teams?|employees?|readers?|merchants?|travell?ers?)\b",
       "Name who the users are before any solution: which people, in what situation."),
    _f("framing", "segments",
       r"\b(segments?|personas?|cohorts?|new users?|power users?|casual|heavy users?|light users?|"
       r"first[- ]time|returning|enterprise|small business(?:es)?|smb|long[- ]tail|"
       r"(?:two|three|four|several|different) (?:kinds|types|groups) of)\b",
       "Split the users into segments and pick one to focus on, with a reason."),
    _f("framing", "problem",
       r"\b(problem|pain ?points?|frustrat\w*|struggl\w*|jobs? to be done|needs?\b|"
       r"what (?:they|users|customers) (?:want|need|are trying)|why (?:users|people|they)|"
       r"root cause|diagnos\w*|underlying|symptom)",
       "State the user's problem in their terms and diagnose why it happens before proposing a fix."),
    _f("framing", "assumptions",
       r"\b(assum\w*|clarif\w*|i'd (?:first )?(?:want to|like to) (?:understand|know|ask)|"
       r"(?:first|before) (?:i'd|i would|we should) (?:ask|check|understand|dig)|"
       r"what (?:do we|does the business) mean by|what the goal is|goal (?:here )?is|"
       r"before jumping|step back|let me make sure)\b",
       "Open with the goal and one or two stated assumptions so the rest of the answer has a frame."),
    _f("framing", "focus",
       r"\b((?:i'd|i would|we should|let's|i will|i'll) (?:focus|start|prioriti[sz]e)\w* "
       r"(?:on|with)\b[^.]{0,80}\b(?:because|since|as they|given)|focus on [^.]{0,60}because|"
       r"(?:i'd|i would|we should|let's|i will|i'll) (?:focus on|target|zero in on|concentrate on|"
       r"go after|design for))",
       "Pick one segment or problem to focus on and say why it matters most.", weight=1.0),
    # -- metrics ---------------------------------------------------------------------------
    _f("metrics", "north-star",
       r"\b(north[- ]star|success metric|primary metric|key metric|main metric|"
       r"measure success|define success|success (?:looks like|would be|means)|"
       r"one metric|top[- ]line metric|goal metric|overall evaluation criterion|oec)\b",
       "Name one north-star metric that ties user value to the business outcome."),
    _f("metrics", "concrete",
       r"(\b(?:conversion|retention|churn|click[- ]through|ctr|watch time|minutes (?:watched|per)|"
       r"time spent|completion rate|resolution rate|resolved|deflection|csat|nps|"
       r"revenue per|purchases?|add[- ]to[- ]cart|acceptance rate|adoption|"
       r"daily active|weekly active|monthly active|dau|wau|mau|sessions? per|"
       r"per (?:user|session|query|week|day)|repeat (?:usage|visits?|purchases?)|"
       r"return rate|success rate|zero[- ]results?|reformulation|time to (?:\w+)|"
       r"handle time|abandon\w*|saves?\b|shares?\b|edits? (?:kept|accepted)|opt[- ]in rate)\b)",
       "Use concrete metrics (e.g. conversion, retention, resolution rate), not 'engagement'."),
    _f("metrics", "guardrails",
       r"\b(guardrails?|counter[- ]?metrics?|latency|p9[059]|response time|cost per|"
       r"complaints?|hallucination rate|error rate|unsubscribe\w*|opt[- ]outs?|"
       r"escalation rate|trust|safety|make sure (?:we|it) (?:don't|doesn't)|"
       r"not (?:hurt|harm|regress)\w*|without hurting|regressions?)\b",
       "Add guardrail metrics (latency, cost per request, complaints or trust) next to the goal."),
    _f("metrics", "leading-lagging",
       r"\b(leading|lagging|long[- ]term|short[- ]term|proxy|proxies|input metrics?|"
       r"output metrics?|early signal|downstream|(?:30|60|90)[- ]day|week[- ]over[- ]week|"
       r"month[- ]over[- ]month)\b",
       "Separate a leading indicator you can move in weeks from the lagging outcome it predicts."),
    _f("metrics", "measurement",
       r"\b(measur\w*|baseline|instrument\w*|dashboards?|log(?:ging)?|tracked|track (?:it|the|how)|"
       r"break (?:it )?down by|sliced? by|per segment)\b",
       "Say how each metric is measured and against what baseline."),
    # -- trade-offs ------------------------------------------------------------------------
    _f("trade-offs", "tension",
       r"\b(trade[- ]?offs?|tension|at the expense of|balance|versus|vs\.?|"
       r"on the other hand|the downside|the risk (?:is|there)|cost of|comes at|"
       r"in exchange|competing|conflict\w*|tradeoffs?|give up|sacrific\w*|concerns? (?:is|are)|"
       r"downsides?|the catch|at the cost)\b",
       "Name the tension explicitly, e.g. accuracy versus latency and cost."),
    _f("trade-offs", "quality-cost",
       r"\b((?:accuracy|quality|relevance|bigger model|larger model)\b[^.]{0,80}\b"
       r"(?:latency|cost|speed|slower|expensive|compute)|(?:latency|cost|speed)\b[^.]{0,80}\b"
       r"(?:accuracy|quality|relevance)|smaller (?:model|models)|distill\w*|cach\w*|"
       r"cheaper model|route|routing|expensive|costly)",
       "Weigh answer quality against latency and cost per request, and say which you'd protect."),
    _f("trade-offs", "privacy-control",
       r"\b(privacy|personal data|consent|on[- ]device|data retention|anonymi[sz]\w*|"
       r"human[- ]in[- ]the[- ]loop|human review|hand(?:off|over) to (?:a )?human|escalat\w*|"
       r"user control|override|opt[- ]in|transparen\w*|explainab\w*)\b",
       "Consider personalization against privacy, or automation against user control."),
    _f("trade-offs", "explore-exploit",
       r"\b(explor\w*|exploit\w*|freshness|fresh|novelty|diversity|serendipity|popularity bias|"
       r"filter bubble|relevance versus|short[- ]term (?:clicks|engagement)|clickbait|"
       r"innovation|reliab\w*|precision versus recall|false positives?|false negatives?)\b",
       "Weigh short-term relevance against exploration, or precision against recall, for this product."),
    _f("trade-offs", "side-taken",
       r"\b(i'd (?:rather|lean|favou?r|prefer|choose|pick|accept|take|prioriti[sz]e|trade|err)|"
       r"i would (?:rather|lean|favou?r|prefer|choose|pick|accept|take|prioriti[sz]e|err)|"
       r"worth (?:it|the|paying|a)|accept (?:a|some|slightly|higher|lower)|"
       r"i'm (?:willing|ok|okay) (?:to|with)|err on the side|rather than|pays for itself|"
       r"better to|i'd (?:keep|protect|cap|limit|show|use) [^.]{0,50}\b(?:instead|even if|over))\b",
       "Take a side on the trade-off and give the reason, tied to the user and the business."),
    # -- prioritization --------------------------------------------------------------------
    _f("prioritization", "options",
       r"\b(options?|alternatives?|a few (?:ideas|approaches|levers|bets)|"
       r"(?:two|three|four|several) (?:ideas|approaches|levers|bets|things|candidates|options|"
       r"directions|features|hypotheses)|could (?:either|also)|another (?:idea|approach|lever))\b",
       "Lay out two or three distinct options before choosing one."),
    _f("prioritization", "criteria",
       r"\b(impact|effort|reach|confidence|rice|ice score|feasib\w*|"
       r"(?:engineering|build) (?:cost|time)|time to (?:build|ship|value)|"
       r"risk|dependenc\w*|strategic fit|value to|payoff|return on|cheap|cheapest|easiest|"
       r"low[- ]effort|high[- ]effort|quick to (?:build|ship)|hard to build|reuses?)\b",
       "Rank the options by an explicit criterion such as impact against effort."),
    _f("prioritization", "ranking",
       r"\b(rank\w*|prioriti[sz]\w*|highest (?:impact|priority|value)|most (?:impact|important|"
       r"valuable|promising)|biggest (?:lever|impact|win|bang)|quick wins?|low[- ]hanging|"
       r"(?:first|second|third) priority|beats|ahead of|matters most|before (?:the|we) (?:rest|others))\b",
       "Say the order: which option comes first, and which waits."),
    _f("prioritization", "first-step",
       r"\b(first step|start (?:with|by)|mvp|minimum viable|pilot|v1|version one|"
       r"ship first|first version|phase (?:one|1)|in the first (?:week|month|quarter|few)|"
       r"then (?:later|next|expand)|roadmap|iterat\w*|fast follow)\b",
       "Choose the first step (an MVP or pilot) and what follows it."),
    # -- experimentation -------------------------------------------------------------------
    _f("experimentation", "ab-test",
       r"\b(a/?b(?: test\w*)?|ab test\w*|split test\w*|experiment\w*|randomi[sz]\w*|"
       r"control (?:group|arm)|treatment|holdouts?|hold[- ]out|interleav\w*|"
       r"difference[- ]in[- ]differences?|switchback)\b",
       "Validate online with an A/B test (treatment against a control or holdout)."),
    _f("experimentation", "offline-eval",
       r"\b(offline (?:eval\w*|test\w*|metrics?)|backtest\w*|golden (?:set|dataset)|eval(?:uation)? set|"
       r"test set|labell?ed (?:set|data|examples)|human (?:eval\w*|raters?|review\w*|label\w*)|"
       r"raters?|annotat\w*|replay|historical (?:data|logs)|llm[- ]as[- ]a[- ]judge|rubric[- ]based)\b",
       "Evaluate offline first (a labelled set or human raters) before exposing users."),
    _f("experimentation", "rollout",
       r"\b(staged|gradual|ramp\w*|roll ?out|canary|(?:\d+|one|five|ten) ?(?:%|percent)|"
       r"beta|dogfood\w*|internal (?:users|test\w*)|shadow (?:mode|traffic)|feature flag|"
       r"small (?:slice|share|percentage|group)|limited (?:launch|release))\b",
       "Roll out in stages (shadow mode, a small percentage, then ramp) with a feature flag."),
    _f("experimentation", "monitoring",
       r"\b(monitor\w*|alert\w*|watch (?:for|the)|drift|post[- ]launch|keep an eye|"
       r"track (?:it )?over time|regression|dashboards?)\b",
       "Monitor after launch for drift and regressions, with alerts on the guardrails."),
    _f("experimentation", "decision-rule",
       r"\b(statistic\w*|significan\w*|confidence interval|sample size|power\b|minimum detectable|"
       r"kill (?:it|criteria|switch)|roll (?:it )?back|rollback|stop (?:the|it)|"
       r"ship (?:it )?(?:if|only if|when)|success criteria|decision (?:rule|criteria)|"
       r"if (?:it|we see|we saw|the)\b[^.]{0,60}\b(?:drops?|falls?|rises?|increases?|decreases?|"
       r"doesn't|does not|worse|better|moves?)|would change my mind|go/no[- ]go|threshold)\b",
       "Say in advance what result ships it and what result stops or rolls it back."),
    # -- business impact -------------------------------------------------------------------
    _f("business-impact", "revenue",
       r"\b(revenue|monetiz\w*|subscriptions?|lifetime value|ltv|gmv|arpu|sales|"
       r"upsell|pricing|willingness to pay|paid (?:plan|tier|users)|renewals?|bookings|"
       r"conversion|purchases?|buy more|orders?|basket size|average order value|aov)\b",
       "Tie the feature to revenue: subscriptions, conversion or average revenue per user."),
    _f("business-impact", "retention",
       r"\b(retention|retain\w*|churn\w*|loyalty|come back|stickiness|renew\w*)\b",
       "Connect the user benefit to retention or churn, the outcome the business feels."),
    _f("business-impact", "cost",
       r"\b(cost savings?|save (?:money|costs?)|support costs?|cost to serve|compute costs?|"
       r"inference costs?|gpu|margins?|unit economics|cost per (?:ticket|query|request|user|image|call)|"
       r"headcount|operational cost|roi|return on investment|budget)\b",
       "Size the cost side: inference cost per request, support cost saved, the margin it leaves."),
    _f("business-impact", "risk",
       r"\b(brand|reputation\w*|legal|liabilit\w*|regulat\w*|compliance|gdpr|lawsuits?|"
       r"pr (?:risk|incident)|trust and safety|abuse|fraud|misinformation|harm\w*)\b",
       "Weigh the business risk: brand, legal or regulatory exposure if the AI gets it wrong."),
    _f("business-impact", "right-tool",
       r"\b(right tool|do we (?:even )?need (?:ai|ml|an llm|a model)|simpler (?:approach|solution|"
       r"heuristic|baseline|rules?)|rules?[- ]based|heuristics?|without (?:ai|ml|a model)|"
       r"non[- ](?:ai|ml) baseline|not (?:every|all) (?:problem|problems)|build (?:vs|versus|or) buy|"
       r"off[- ]the[- ]shelf|is ai (?:even )?(?:the|needed|necessary)|"
       r"(?:cheaper|simpler|non[- ]ai|non[- ]ml|classic|traditional) (?:fix|option|alternative|"
       r"approach|solution|ranking|search))\b",
       "Ask whether AI is the right tool at all, against a simpler non-ML baseline."),
    _f("business-impact", "business-link",
       r"\b(business (?:goal|outcome|value|impact|metric)|bottom line|company goal|strategic|"
       r"competitive|market share|growth|acquisition|the business)\b",
       "Say which business outcome this moves and roughly by how much."),
    # -- communication ---------------------------------------------------------------------
    _f("communication", "signposting",
       r"\b(i'll (?:cover|walk|go through|structure|talk about|start)|i will (?:cover|walk|structure)|"
       r"(?:three|two|four) (?:parts|steps|things|areas|pieces)|let me (?:structure|break)|"
       r"my (?:approach|plan) (?:is|would be)|first(?:ly)?,|second(?:ly)?,|third(?:ly)?,|"
       r"next,|then,|finally,|lastly)\b",
       "Signpost your structure up front (\"I'll cover users, metrics, then rollout\")."),
    _f("communication", "summary",
       r"\b(to summari[sz]e|in summary|so overall|overall,|to wrap up|in short|"
       r"my recommendation|i'd recommend|i would recommend|bottom line|so to recap|recap|"
       r"net[- ]net|in conclusion|so my answer)\b",
       "Close with a one-sentence summary or recommendation."),
)

DIMENSION_FAMILIES: dict[str, tuple[Family, ...]] = {}
for _fam in FAMILIES:
    DIMENSION_FAMILIES.setdefault(_fam.dimension, ())
    DIMENSION_FAMILIES[_fam.dimension] += (_fam,)

# Model-centric vocabulary: a weak answer "jumps to models and accuracy".
MODEL_TALK = re.compile(
    r"\b(embeddings?|transformers?|architectures?|layers?|hyper ?parameters?|fine[- ]?tun\w*|"
    r"neural|attention|two[- ]tower|xgboost|gradient|loss functions?|auc|bleu|rouge|f1|"
    r"precision|recall|accuracy|training data|retrain\w*|epochs?|parameters|bert|gpt|llama|"
    r"lstm|cnn|collaborative filtering|matrix factori[sz]ation|vectors?|features? engineering|"
    r"feature store|dropout|learning rate|batch size|benchmark|sota|state of the art|weights)\b",
    re.IGNORECASE,
)

# Words too common to show an answer is on the question's topic.
STOPWORDS = frozenset(
    """
    a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers him his how i i'd i'll i'm if in into is it
    it's its itself just let me more most my no nor not now of off on once only or other our
    ours out over own same she should so some such than that that's the their theirs them then
    there these they this those through to too under until up very was we we'd we'll we're were
    what when where which while who whom why will with would you your yours yourself think want
    really going get got make like know well way thing things lot kind sort actually basically
    yeah okay ok um uh say said one two three first second new use using used need needs app
    system improve improving whether decide build team next quarter company work working time
    user users customer customers feature features product products ai model models data change
    changes teams step steps read write writing saved save set show added add per rate test look
    good right better big small week weeks month months day days people run ran start end part
    case much many every etc sure able great
    """.split()
)

# How a matched concept is praised in a scorecard's strengths.
LABELS: dict[str, str] = {
    "users": "named the users", "segments": "split users into segments",
    "problem": "stated the user's problem", "assumptions": "stated assumptions and the goal",
    "focus": "picked a focus with a reason", "north-star": "named a north-star metric",
    "concrete": "used concrete metrics", "guardrails": "set guardrails",
    "leading-lagging": "separated leading from lagging indicators",
    "measurement": "said how it is measured", "tension": "named the tension",
    "quality-cost": "weighed quality against latency and cost",
    "privacy-control": "weighed privacy or user control",
    "explore-exploit": "weighed relevance against exploration or reliability",
    "side-taken": "took a side", "options": "laid out options", "criteria": "used explicit criteria",
    "ranking": "ranked the options", "first-step": "chose a first step",
    "ab-test": "planned an A/B test", "offline-eval": "evaluated offline first",
    "rollout": "staged the rollout", "monitoring": "planned monitoring",
    "decision-rule": "said what result would change the decision",
    "revenue": "tied it to revenue", "retention": "tied it to retention",
    "cost": "sized the cost", "risk": "weighed business risk",
    "right-tool": "asked whether AI is the right tool", "business-link": "linked it to the business",
    "signposting": "signposted the structure", "summary": "closed with a summary",
}

# Questions the coach can ask when a bank question has no probe for a dimension.
TEMPLATE_PROBES: dict[str, str] = {
    "framing": "Before going further: who exactly is the user here, and what problem are we "
               "solving for them?",
    "metrics": "How would you know this worked? What is the one metric you would put on the "
               "dashboard, and what would you guard against?",
    "trade-offs": "What is the main trade-off in what you proposed, and which side would you take?",
    "prioritization": "If you could only do one thing first, what would it be, and why that "
                      "over the others?",
    "experimentation": "How would you test this before rolling it out to everyone, and what "
                       "result would make you stop?",
    "business-impact": "How does this move the business, through revenue, retention or cost? "
                       "And is AI the right tool here at all?",
    "communication": "Could you sum up your recommendation in two sentences?",
}
