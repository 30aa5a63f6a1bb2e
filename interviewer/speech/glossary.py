"""What the transcriber is told to expect: the question being answered and the terms of
product and ML interviews, which a small Whisper model otherwise hears as everyday words
("A B test" as "a flashy test", "churn" as "turn").

Given to faster-whisper as `hotwords` (a prompt before each window, in every pass): it biases
spelling and vocabulary, it does not add words that were not said.
"""

from __future__ import annotations

GLOSSARY = (
    "A/B test, click-through rate, CTR, conversion, p95 latency, north star metric, "
    "guardrail metrics, churn, retention, holdout, cohort, DAU, MAU, NPS, funnel, "
    "RAG, retrieval, LLM, hallucination, embeddings, fine-tuning, precision, recall, "
    "personalization, ranking, cold start, opt-in, rollout, KPI, ROI"
)
"""Product and ML terms, spelled as the coach and a reader expect them."""

MAX_QUESTION_CHARS = 400
"""Whisper's prompt holds about 220 tokens: the glossary plus a question of this length."""


def transcription_hint(question: str = "", glossary: str = GLOSSARY) -> str:
    """The text given to the transcriber before the answer: the question, then the terms."""
    question = " ".join(question.split())[:MAX_QUESTION_CHARS]
    return " ".join(part for part in (question, f"Terms: {glossary}." if glossary else "")
                    if part)
