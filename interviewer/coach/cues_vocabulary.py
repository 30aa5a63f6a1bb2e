"""Words too common, or too much the rubric's own, to show what an answer is about."""

from __future__ import annotations

# Words too common, or too much the rubric's own, to show an answer is about this question.
GENERIC_WORDS = frozenset(
    """
    a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers him his how i i'd i'll i'm if in into is it
    it's its itself just let me more most my no nor not now of off on once only or other our
    ours out over own same she should so some such than that that's the their theirs them then
    there these they this those through to too under until up very was we we'd we'll we're were
    what when where which while who whom why will with would you your yours yourself think want
    really going get got make like know well way thing things lot kind sort actually basically
    yeah okay ok um uh say said one two three four five six seven eight nine ten first second
    third new use using used need needs whether decide build team next quarter company work
    working time user users customer customers feature features product products ai model models
    data change changes teams step steps read write writing set show added add per rate test
    tests testing look good right better big small week weeks month months day days people run
    ran start end part case much many every etc sure able great metric metrics measure
    measuring success successful guardrail guardrails north star segment segments segmenting
    experiment experiments a/b ab holdout rollout launch ship shipping trade off offs tradeoff
    tradeoffs trade-off trade-offs business revenue retention cost costs impact effort value
    option options first-step mvp priority prioritize prioritise rank ranking framework
    frameworks approach would want goal goals problem problems idea ideas percent option
    important key main primary secondary signal signals track tracking dashboard dashboards
    evaluate evaluation offline online quality latency risk risks decision decisions plan
    improve improvement improving increase decrease reduce drop rise high low higher lower
    usage engagement engage engaged app apps platform system systems tool tools solution
    solutions question questions approach approaches because since also maybe
    probably definitely actually overall summary recommend recommendation point points
    train trained training retrain bigger larger smaller faster cheaper accurate accuracy
    precise precision recall transformer transformers neural deep learning llm llms gpt
    algorithm algorithms fine-tune fine-tuning finetune embedding embeddings parameters
    far you're they're we've may might must shall cannot
    put puts putting front
    """.split()
)
"""The last lines: "the story so far" names no subject, nor does a modal ("reels may have lower
quality" hands the prompt's nouns back, it brings nothing of its own), nor a placement ("putting an
assistant in front of the helpdesk": the helpdesk is the subject, not "front")."""

# Abstract words a narrated plan is made of ("identify the sources and the biases in each"):
# they name parts of an answer, never something about this product.
PROCESS_WORDS = frozenset(
    """
    source sources bias biases approach approaches appropriate possible best relevant different
    various specific clear overall based whole potential general current existing proper along
    pros cons criteria criterion scope assumption assumptions stakeholder stakeholders
    hypothesis hypotheses root cause causes result results outcome outcomes feedback pipeline
    framework frameworks structure answer answers part parts area areas aspect aspects factor
    factors step steps way ways journey pain pains point points persona personas job jobs done
    opportunity opportunities insight insights learning learnings finding findings context goal
    goals objective objectives requirement requirements solution solutions option options idea
    ideas design designs method methods process processes strategy strategies plan plans
    iterate iteration improvement improvements consideration considerations matrix leverage
    leading lagging indicator indicators guardrail guardrails label labels labelling labeling
    bias-variance end-to-end primary key core main standard user-level side sides problem
    problems situation situations needs need understanding picture view views metric metrics
    evaluation evaluations monitor monitoring model models measure measures trade-off trade-offs
    harm harms elsewhere proper sufficient statistical significance sample size principle
    principles data training quality launch decision decisions summary recommendation next
    clarify identify define consider think discuss explain brainstorm select choose pick
    establish outline cover evaluate assess analyze analyse review understand explore summarize
    summarise iterate determine list map dig structure frame propose validate monitor compare
    weigh examine investigate state gather collect align begin continue separate describe
    address handle finish close conclude turn affect affects make get walk talk go through
    chosen chose pick appropriate most least well-defined concrete relative relevant properly
    things across along throughout finally first then next after second third fourth fifth
    """.split()
)

# The organisation around a product, not the product: who meets whom and what they file. A plan
# step made of these ("align stakeholders across product, engineering, legal and sales", "run
# discovery with our largest accounts and synthesize the insights", "build a roadmap with clear
# milestones") says how a team works, nothing about the users, the metric or the call.
ORG_WORDS = frozenset(
    """
    stakeholder stakeholders product engineering engineers engineer legal sales marketing
    leadership leaders leader executives executive exec execs team teams everyone everybody
    cross-functional functions function partners partner buy-in buy alignment aligned agree
    agrees agreement roadmap roadmaps milestone milestones discovery insight insights synthesize
    synthesise synthesis statements statement workshop workshops kickoff kick-off sync syncs
    dashboard dashboards deeply deep thoroughly closely pointed direction same whole clear clearly
    success looks like work working brainstorm prioritize prioritise rice framework north star
    """.split()
)

