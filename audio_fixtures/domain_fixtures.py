"""Sentences full of product and ML terms, spoken by espeak-ng, for the glossary benchmark and
test (generated deterministically at run time; nothing committed as audio).

    .venv/bin/python audio_fixtures/domain_fixtures.py --out DIR     # write them as WAV + JSON

Each sentence is spoken as a candidate would say it ("A B test", "D A U", "p ninety five") and
knows its terms, each with a pattern that accepts the ways a transcript may rightly spell it
("A/B test", "AB test"; "DAU", "daily active users"). Half the sentences end on a term, right
at the end of the audio, where a last word is most easily lost.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_fixtures import RATE, espeak, trim, write_wav

TERMS: dict[str, str] = {
    "A/B test": r"\b(a b|ab) test",
    "click-through rate": r"\bclick ?through rate|\bctr\b",
    "p95 latency": r"\bp ?95\b|\bp ?ninety ?five\b|95th percentile",
    "north star": r"\bnorth ?star",
    "churn": r"\bchurn",
    "holdout": r"\bhold ?out",
    "cohort": r"\bcohort",
    "RAG": r"\brag\b|retrieval augmented",
    "hallucination": r"\bhallucinat",
    "guardrail": r"\bguard ?rail",
    "DAU": r"\bdau\b|\bd a u\b|daily active users",
    "MAU": r"\bmau\b|\bm a u\b|monthly active users",
    "retention": r"\bretention",
    "conversion": r"\bconversion",
    "funnel": r"\bfunnel",
    "embeddings": r"\bembedding",
    "fine-tuning": r"\bfine ?tun",
    "precision": r"\bprecision",
    "recall": r"\brecall",
    "NPS": r"\bnps\b|\bn p s\b|net promoter",
    "LLM": r"\bllms?\b|\bl l m\b|large language model",
    "cold start": r"\bcold ?start",
    "KPI": r"\bkpis?\b|\bk p i\b",
    "ROI": r"\broi\b|\br o i\b|return on investment",
    "personalization": r"\bpersonali[sz]ation",
    "cohorts": r"\bcohorts",
}

SENTENCES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("We would validate the new ranking with an A B test.", ("A/B test",)),
    ("The primary metric is click-through rate on the first result.", ("click-through rate",)),
    ("The guardrail is p ninety five latency under one second.", ("guardrail", "p95 latency")),
    ("Our north star is weekly active users who finish a task.", ("north star",)),
    ("The biggest risk for small sellers is churn.", ("churn",)),
    ("I would keep a five percent holdout for a month.", ("holdout",)),
    ("Each signup cohort is tracked for retention.", ("cohort", "retention")),
    ("The assistant uses RAG over the internal documents.", ("RAG",)),
    ("A single hallucination can cost us the customer's trust.", ("hallucination",)),
    ("We need a guardrail on cost per query.", ("guardrail",)),
    ("D A U went down by three percent last month.", ("DAU",)),
    ("The ratio of D A U to M A U tells us how sticky it is.", ("DAU", "MAU")),
    ("We should run an A B test before we ship the chatbot.", ("A/B test",)),
    ("Conversion dropped at the second step of the funnel.", ("conversion", "funnel")),
    ("We can use embeddings to find similar items.", ("embeddings",)),
    ("Fine-tuning a small model could cut the cost.", ("fine-tuning",)),
    ("For the fraud model, precision matters more than recall.", ("precision", "recall")),
    ("Customer happiness shows up in N P S.", ("NPS",)),
    ("An L L M writes the first draft of the reply.", ("LLM",)),
    ("New users have a cold start problem.", ("cold start",)),
    ("The K P I we report to leadership is revenue per user.", ("KPI",)),
    ("Leadership will ask about the R O I.", ("ROI",)),
    ("Users asked for more personalization.", ("personalization",)),
    ("The holdout group shows no change in churn.", ("holdout", "churn")),
    ("Latency at p ninety five matters more than the average.", ("p95 latency",)),
    ("I would compare cohorts before and after the launch.", ("cohorts",)),
    ("We measure hallucination rate on a labeled set.", ("hallucination",)),
    ("The feature lifts click-through rate but hurts retention.",
     ("click-through rate", "retention")),
    ("Our guardrails are latency, cost, and churn.", ("guardrail", "churn")),
    ("We retrieve the top passages, so it is RAG.", ("RAG",)),
    ("The success metric for the A B test is conversion.", ("A/B test", "conversion")),
    ("Retrieval quality drives the north star.", ("north star",)),
)
VOICES = (("en-us", 165), ("en-gb", 160), ("en-us+f3", 170))


@dataclass(frozen=True)
class DomainCase:
    name: str
    text: str
    terms: tuple[str, ...]
    audio: np.ndarray


def normalize(text: str) -> str:
    """Lower case, punctuation (hyphens and slashes too) to spaces, single spaces."""
    return " ".join(re.sub(r"[^a-z0-9' ]+", " ", text.lower()).split())


def heard(term: str, transcript: str) -> bool:
    return re.search(TERMS[term], normalize(transcript)) is not None


def cases() -> list[DomainCase]:
    out = []
    for i, (text, terms) in enumerate(SENTENCES):
        voice, wpm = VOICES[i % len(VOICES)]
        speech = trim(espeak(text, voice, wpm))
        lead = np.zeros(int(0.3 * RATE), np.float32)
        out.append(DomainCase(f"domain-{i + 1:02d}", text, terms,
                              np.concatenate((lead, speech))))  # ends right at the last word
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--out", type=Path, required=True)
    args = p.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    metas = []
    for case in cases():
        write_wav(args.out / f"{case.name}.wav", case.audio)
        metas.append({"name": case.name, "text": case.text, "terms": list(case.terms)})
    (args.out / "domain_cases.json").write_text(json.dumps(metas, indent=2) + "\n")
    print(f"{len(metas)} sentences in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
