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
    """.split()
)
