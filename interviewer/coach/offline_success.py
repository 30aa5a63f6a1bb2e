"""Success judged on an offline number, with nothing to compare against in use.

"Success would be a good AUC on a holdout set", "if the new model has a higher MRR on the public
benchmark, that shows it's better", "if the forecast's error is under ten percent, the forecast
is good": the answer says whom it serves (so it is not model-first, `model_first.py`), but what
it calls success is a test set's number, and nothing in it compares people who get the product
with people who do not (an A/B test, a control group, a holdout of customers, interleaving,
shadow mode). An interviewer hears "measures the model, not whether anyone is helped" and grades
it below the bar, as a model-first answer. An answer that opens on the model ("I'd use gradient
boosting or a neural network trained on all the data") says so with a target on the number ("I'd
aim for over 90% accuracy"); inside product reasoning the same target is one step of a plan.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from interviewer.coach.model_first import TECHNIQUE
from interviewer.coach.units import Unit

OFFLINE_NUMBER = re.compile(
    r"\b(?:accuracy|bleu|rouge|pass@\w+|benchmarks?|leaderboard|f1|auc|ndcg|mrr|"
    r"recall (?:at|@)|precision (?:at|@)|hit rate|held[- ]out (?:set|data)|test set|holdout set|"
    r"perplexity|"
    r"mape|rmse|backtest\w*|offline (?:metrics?|results?|numbers?|scores?))\b",
    re.IGNORECASE)
CALLED_SUCCESS = re.compile(
    r"\b(?:success (?:is|would be|means)|(?:shows?|proves?|means|confirms?) (?:that )?(?:it's|"
    r"it is|the \w+ is|it) (?:better|working|good|useful)|(?:forecast|model|it) is good|"
    r"(?:would be|is) a (?:strong|good) model|that shows|is better|i'd benchmark|"
    # success named as the number, or the number said to make the product better: "I'd measure
    # success with word error rate and accuracy on a benchmark", "then it makes the game better"
    r"(?:measur|judg|defin)\w* success (?:with|by|on|as)|makes? (?:the \w+|it) better|"
    # readiness called on the number: "if it gets above 95%, I'd say it's ready to launch"
    r"(?:it's|it is|is) ready|ready to (?:launch|ship|go live))\b",
    re.IGNORECASE)
AIMED = re.compile(
    # the target set on the number itself: "I'd aim for over 90% accuracy", "target an AUC of 0.9"
    r"\b(?:aim|target|goal)\w* (?:is |would be |of |for |at )?(?:an? |the )?(?:over |above |"
    r"at least |around |about )?(?:\d+|accuracy|auc|f1|precision|recall)\b",
    re.IGNORECASE)
IN_USE = re.compile(
    r"\b(?:a ?/ ?b|a b test|ab test|randomi[sz]\w*|control (?:group|arm)s?|treatment|"
    r"experiment\w*|split test|switchback|pilot\w*|"
    # run beside the way the work is done now, on the same cases: a shadow run in other words
    r"in parallel with|side[- ]by[- ]side (?:with|against)|"
    r"(?:holdout|held[- ]out) (?:group|of (?:\w+ )?"
    r"(?:users|customers|patients|stores|clinics|teams))|interleav\w*|shadow|"
    # a holdout that reads what the product changed: "A holdout tells me if it adds bookings"
    r"(?:a|the) holdout (?:tells?|shows?|would (?:tell|show)|will (?:tell|show))|"
    r"(?:who|that) (?:don't|do not|didn't|did not) (?:get|see|receive)|"
    r"(?:who|that) (?:gets?|got|receives?) no)\b",
    re.IGNORECASE)


def judged_offline(units_: Sequence[Unit]) -> bool:
    """Some sentence calls an offline number success, or the next one does ("I'd measure
    accuracy on a test set. If it gets above 95%, it's ready"), or an answer that opens on the model
aims at one; no sentence compares in use."""
    texts = [u.piece.text for u in units_]
    called = (CALLED_SUCCESS, AIMED) if texts and TECHNIQUE.search(texts[0]) else (CALLED_SUCCESS,)
    return (any(OFFLINE_NUMBER.search(t)
                and any(p.search(c) for c in texts[i:i + 2] for p in called)
                for i, t in enumerate(texts))
            and not any(IN_USE.search(t) for t in texts))
