"""Reading one question's answers against the rubric: which concepts appear, and where.

Kept apart from the coach so follow-ups and scorecards are judged by exactly the same reading.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from interviewer.banks import Question
from interviewer.coach.signals import DIMENSION_FAMILIES, MODEL_TALK, STOPWORDS, Family
from interviewer.coach.text import Sentence, is_injection, split_sentences, words
from interviewer.rubric import MAX_SCORE, MIN_SCORE, dimension_ids

# Distinct topical words an answer must share with the question to count as answering it,
# and the share of the smaller vocabulary (question's or answer's) they must make up.
ON_TOPIC_MIN = 2
ON_TOPIC_COVERAGE = 0.1
# Words per distinct concept beyond which an answer reads as a ramble, and below which as concise.
RAMBLE_WORDS_PER_CONCEPT = 38
CONCISE_WORDS_PER_CONCEPT = 12
# Distinct product-sense concepts that make a short answer on-topic whatever its nouns.
SUBSTANTIVE_CONCEPTS = 3


@dataclass
class DimensionReading:
    id: str
    score: int
    hits: dict[str, list[Sentence]] = field(default_factory=dict)
    missing: list[Family] = field(default_factory=list)


@dataclass
class Reading:
    question: Question
    sentences: list[Sentence]
    injected: list[Sentence]
    topical_overlap: int
    topical_coverage: float
    model_mentions: int
    model_heavy: bool
    rambling: bool
    concise: bool
    substantive: bool
    """Dense with product-sense concepts, even if it never names the question's nouns."""
    dimensions: dict[str, DimensionReading]

    @property
    def off_topic(self) -> bool:
        """Talks past the question; an answer that dives into models is weak, not off-topic."""
        low = self.topical_overlap < ON_TOPIC_MIN or self.topical_coverage < ON_TOPIC_COVERAGE
        return low and self.model_mentions < 2 and not self.substantive

    @property
    def empty(self) -> bool:
        return not self.sentences

    def overall(self) -> float:
        """Stressed dimensions count double: they are what the question is about."""
        total = weight = 0.0
        for dim_id, reading in self.dimensions.items():
            w = 2.0 if dim_id in self.question.dimensions else 1.0
            total += w * reading.score
            weight += w
        return round(total / weight, 1)


def _stem(word: str) -> str:
    for suffix in ("ations", "ation", "ings", "ing", "ies", "ers", "er", "es", "ed", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def topic_words(question: Question) -> set[str]:
    text = question.prompt + " " + " ".join(question.outline)
    return {_stem(w) for w in words(text) if w not in STOPWORDS and len(w) > 2 and not w.isdigit()}


def _score_from_concepts(weighted: float) -> int:
    """0 concepts -> 1, one -> 2, two -> 3, three -> 4, four or more -> 5."""
    return int(max(MIN_SCORE, min(MAX_SCORE, 1 + int(weighted + 0.001))))


# Concepts a candidate can name only to dismiss ("I don't think we need an A/B test").
NEGATABLE = frozenset({"ab-test", "offline-eval", "rollout", "monitoring", "north-star"})
_NEGATION = re.compile(
    r"\b(?:don't|do not|no need|not|never|without|skip\w*|won't|wouldn't|isn't|no|instead of)\b"
    r"[^,;]{0,30}$",
    re.IGNORECASE,
)


def _mentions(fam: Family, sentence: Sentence) -> bool:
    for m in fam.pattern.finditer(sentence.text):
        if fam.name not in NEGATABLE or not _NEGATION.search(sentence.text[: m.start()]):
            return True
    return False


def _read_dimension(dim_id: str, sentences: Sequence[Sentence]) -> DimensionReading:
    hits: dict[str, list[Sentence]] = {}
    missing: list[Family] = []
    for fam in DIMENSION_FAMILIES.get(dim_id, ()):
        found = [s for s in sentences if _mentions(fam, s)]
        if found:
            hits[fam.name] = found
        else:
            missing.append(fam)
    if dim_id == "trade-offs" and set(hits) == {"side-taken"}:
        # Preferring something is not a trade-off until a tension is named.
        missing.insert(0, next(f for f in DIMENSION_FAMILIES[dim_id] if f.name == "side-taken"))
        hits.clear()
    weighted = sum(f.weight for f in DIMENSION_FAMILIES.get(dim_id, ()) if f.name in hits)
    return DimensionReading(dim_id, _score_from_concepts(weighted), hits, missing)


def read_answers(question: Question, answers: Sequence[str]) -> Reading:
    all_sentences = [s for i, a in enumerate(answers) for s in split_sentences(a, i)]
    injected = [s for s in all_sentences if is_injection(s.text)]
    sentences = [s for s in all_sentences if not is_injection(s.text)]
    body = " ".join(s.text for s in sentences)
    answer_words = words(body)
    topic = topic_words(question)
    said = {_stem(w) for w in answer_words if w not in STOPWORDS and len(w) > 2}
    overlap = len(topic & said)
    coverage = overlap / max(1, min(len(topic), len(said)))
    dims = {d: _read_dimension(d, sentences) for d in dimension_ids()}

    model_mentions = len(MODEL_TALK.findall(body))
    product_concepts = sum(len(r.hits) for d, r in dims.items() if d != "communication")
    model_heavy = model_mentions >= 6 and model_mentions > 1.5 * product_concepts
    per_concept = len(answer_words) / max(product_concepts, 1)
    rambling = per_concept > RAMBLE_WORDS_PER_CONCEPT
    concise = per_concept < CONCISE_WORDS_PER_CONCEPT
    substantive = product_concepts >= SUBSTANTIVE_CONCEPTS and not rambling

    reading = Reading(question, sentences, injected, overlap, coverage, model_mentions,
                      model_heavy, rambling, concise, substantive, dims)
    _adjust(reading)
    return reading


def _adjust(reading: Reading) -> None:
    """Judgements that need the whole answer, not one dimension's cues."""
    dims = reading.dimensions
    comm = dims["communication"]
    base = 1 + len(comm.hits)  # signposting and summary
    if not reading.off_topic and not reading.empty:
        base += 1  # it answers the question asked
    if reading.rambling or reading.model_heavy:
        base -= 1
    elif reading.concise:
        base += 1
    comm.score = int(max(MIN_SCORE, min(MAX_SCORE, base)))
    if reading.model_heavy:
        # Jumping to models and accuracy is the textbook weak framing.
        dims["framing"].score = min(dims["framing"].score, 2)
    if reading.empty or reading.off_topic:
        for r in dims.values():
            r.score = MIN_SCORE

