"""Model-first answers: confident calls about a model or a technique, and nothing about whom it
serves.

The rubric's weakest framing is "jumps straight to a model or a feature; no user, no problem, no
assumptions". An interviewer marks such an answer down however specific and argued it sounds
(a fine-tuned 70B, a two-tower network, retrieval over everything, "99% accuracy"): its calls
are about the model, and its only measure of success is one an offline test set gives. The same
model choice inside product reasoning (who it is for, what they would keep, what it costs
against what it earns) is depth, and an answer that names any person it serves or any product
or business outcome is not read as model-first here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from interviewer.coach.units import Unit

MODEL_FIRST_CAP = 2.0
"""A model-first answer is below the bar whatever its dimension cues found, as far below as an
answer that drifts off the question (`analysis.DRIFT_CAP`): interviewers grade it 1.5-2."""
MODEL_SHARE = 0.5
MODEL_UNITS = 2
"""At least this many sentences, and this share of them, are about the model or technique."""

TECHNIQUE = re.compile(
    r"\b(?:models?|transformers?|llms?|language models?|neural|networks?|deep learning|"
    r"fine[- ]?tun\w*|pre-?train\w*|train(?:ed|ing)?|distil\w*|quanti[sz]\w*|lora|adapters?|"
    r"parameters?|billion|gpus?|embed\w*|encoders?|vectors?|retriev\w*|rag|rerank\w*|"
    r"cross-encoder|two[- ]tower|contrastive|architectures?|layers?|tokens?|context window|"
    r"inference|serv(?:e|es|ing)|mixed precision|mixture[- ]of[- ]experts|prompts?|few-shot|"
    r"datasets?|benchmarks?|leaderboard|accuracy)\b",
    re.IGNORECASE,
)
OFFLINE_MEASURE = re.compile(
    # success read off a test set: accuracy, a benchmark or an offline ranking metric
    r"\b(?:accura(?:cy|te)|bleu|rouge|pass (?:at|@) ?(?:one|1|k)|pass@\w+|benchmarks?|"
    r"leaderboard|f1|auc|ndcg|mrr|recall (?:at|@)|precision (?:at|@)|hit rate|exact[- ]match|"
    r"held[- ]out|test set|perplexity|offline (?:metrics?|results?|numbers?|scores?|gains?)|"
    r"(?:fluency|quality) score)\b",
    re.IGNORECASE,
)
SERVED = re.compile(
    # a person the product serves, or an outcome the product or the business shows
    r"\b(?:users?|customers?|buyers?|sellers?|shoppers?|developers?|people|person|someone|"
    r"patients?|students?|learners?|teachers?|drivers?|riders?|passengers?|readers?|"
    r"listeners?|viewers?|members?|subscribers?|advertisers?|merchants?|clinicians?|nurses?|"
    r"doctors?|employees?|families|parents?|travell?ers?|guests?|hosts?|creators?|owners?|"
    r"clients?|callers?|visitors?|fans?|players?|tenants?|renters?|agents? (?:want|need|save|"
    r"edit|spend|publish)|retention|revenue|conversion|churn|engagement|adoption|purchases?|"
    r"bookings?|orders?|satisfaction|complaints?|refunds?|trust|time saved|"
    r"time (?:to|spent) (?:publish|complete|resolve|book|buy|find|answer|first)\w*|"
    r"click[- ]through|ctr|daily active|monthly active|sessions?|margin|profit|"
    r"cost per (?:user|customer|order|ticket|task|contact|seat))\b",
    re.IGNORECASE,
)
TRAINING = re.compile(r"\b(?:train\w*|logs?|labels?|labell?ed|learns?)\b", re.IGNORECASE)
"""People named as training data ("trained on purchase logs", "learns from what people bought")
are the model's inputs, not whom it serves."""


def model_first(units_: Sequence[Unit]) -> bool:
    """Most of the answer is about the model or technique, its success is an offline number,
    and no sentence names a person it serves or a product or business outcome."""
    texts = [u.piece.text for u in units_]
    technical = sum(1 for t in texts if TECHNIQUE.search(t))
    return (technical >= MODEL_UNITS and technical >= MODEL_SHARE * len(texts)
            and any(OFFLINE_MEASURE.search(t) for t in texts)
            and not any(SERVED.search(t) and not TRAINING.search(t) for t in texts))
