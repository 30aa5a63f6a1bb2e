"""The LLM scorecard reply: its JSON schema, tolerant parsing, validation and checks.

Whatever the model sends, what comes out has the offline coach's `Scorecard` shape: dimension
names from the rubric, scores clamped to 1-5, overalls computed here (never taken from the
model), and evidence that is a verbatim span of the candidate's answers, the rest dropped and
counted.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from interviewer.coach.base import AnsweredQuestion
from interviewer.coach.text import clause_around, is_injection
from interviewer.rubric import (
    MAX_SCORE,
    MIN_SCORE,
    STRENGTH_BAR,
    clamp_score,
    dimension,
    dimension_ids,
)
from interviewer.scorecard import (
    DimensionScore,
    QuestionScore,
    Scorecard,
    dimension_weight,
    weighted_overall,
)

EVIDENCE_PER_DIMENSION = 2
MAX_LINES = 5
MAX_LINE_CHARS = 400
_FENCE = re.compile(r"^\s*```[a-zA-Z0-9_-]*\s*\n?|\n?\s*```\s*$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_QUOTE_EDGES = "\"'“”‘’«»`"


class ReplyProblem(ValueError):
    """The reply cannot be used as is; `kind` is 'empty', 'malformed' or 'schema'."""

    def __init__(self, kind: str, detail: str) -> None:
        super().__init__(detail)
        self.kind = kind
        self.detail = detail


# -- the schema sent as structured output ---------------------------------------------------
def response_formats(labels: Sequence[str]) -> list[dict[str, Any]]:
    """Structured output first, then JSON mode; a server that refuses both gets plain text."""
    strings = {"type": "array", "items": {"type": "string"}}
    score = {"type": "integer", "enum": list(range(MIN_SCORE, MAX_SCORE + 1))}
    ids = list(dimension_ids())
    schema = {
        "type": "object",
        "additionalProperties": False,
        "required": ["questions", "dimensions", "strengths", "gaps"],
        "properties": {
            "questions": {"type": "array", "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["question_id", "scores", "strong_answer_adds"],
                "properties": {
                    "question_id": {"type": "string", "enum": list(labels)},
                    "scores": {"type": "object", "additionalProperties": False, "required": ids,
                               "properties": {d: score for d in ids}},
                    "strong_answer_adds": strings,
                },
            }},
            "dimensions": {"type": "array", "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["id", "evidence", "advice"],
                "properties": {
                    "id": {"type": "string", "enum": ids},
                    "evidence": strings,
                    "advice": {"type": "string"},
                },
            }},
            "strengths": strings,
            "gaps": strings,
        },
    }
    return [
        {"type": "json_schema",
         "json_schema": {"name": "product_sense_scorecard", "strict": True, "schema": schema}},
        {"type": "json_object"},
    ]


# -- validation -----------------------------------------------------------------------------
def _dim_key(key: str) -> str:
    """'Trade_offs' or 'business impact' as the rubric's ids spell them."""
    return re.sub(r"[\s_]+", "-", key.strip().lower())


def _text(value: Any) -> str:
    return _CONTROL.sub("", str(value)).strip()[:MAX_LINE_CHARS]


class _Question(BaseModel):
    model_config = ConfigDict(extra="ignore")
    question_id: str
    scores: dict[str, float]
    strong_answer_adds: list[str] = Field(default_factory=list)

    @field_validator("scores")
    @classmethod
    def _finite(cls, v: dict[str, float]) -> dict[str, float]:
        out = {}
        for key, score in v.items():
            if not math.isfinite(score):
                raise ValueError(f"score for '{key}' is not a number")
            out[_dim_key(key)] = score
        return out

    @field_validator("strong_answer_adds", mode="before")
    @classmethod
    def _listify(cls, v: Any) -> Any:
        return [v] if isinstance(v, str) else v


class _Dimension(BaseModel):
    model_config = ConfigDict(extra="ignore")
    id: str
    evidence: list[str] = Field(default_factory=list)
    advice: str = ""

    @field_validator("evidence", mode="before")
    @classmethod
    def _listify(cls, v: Any) -> Any:
        return [v] if isinstance(v, str) else v


class LLMScorecard(BaseModel):
    model_config = ConfigDict(extra="ignore")
    questions: list[_Question]
    dimensions: list[_Dimension] = Field(default_factory=list)
    strengths: list[str] = Field(default_factory=list)
    gaps: list[str] = Field(default_factory=list)


def extract_json(text: str) -> dict[str, Any]:
    """The outermost JSON object in a reply: code fences stripped, prose around it ignored."""
    if not text.strip():
        raise ReplyProblem("empty", "the reply was empty")
    body = _FENCE.sub("", text.strip())
    decoder = json.JSONDecoder()
    first_error = ""
    for match in re.finditer(r"\{", body):
        try:
            value, _ = decoder.raw_decode(body, match.start())
        except json.JSONDecodeError as exc:
            first_error = first_error or f"{exc.msg} at character {exc.pos}"
            continue
        if isinstance(value, dict):
            return value
    raise ReplyProblem("malformed", first_error or "no JSON object in the reply")


def parse_scorecard(text: str, labels: Sequence[str]) -> LLMScorecard:
    raw = extract_json(text)
    try:
        card = LLMScorecard.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "the object"
        raise ReplyProblem("schema", f"{where}: {first['msg']}") from None
    ids = set(dimension_ids())
    if len(card.questions) != len(labels):
        raise ReplyProblem("schema", f"expected {len(labels)} entries in 'questions', "
                                     f"got {len(card.questions)}")
    got = [q.question_id.strip().lower() for q in card.questions]
    if sorted(got) == sorted(labels):
        card.questions.sort(key=lambda q: labels.index(q.question_id.strip().lower()))
    # Otherwise the model renamed the ids: its entries are taken in the order asked.
    for q in card.questions:
        missing = ids - set(q.scores)
        if missing:
            raise ReplyProblem("schema", f"question '{q.question_id}' has no score for "
                                         f"{', '.join(sorted(missing))}")
    return card


# -- checking quotes ------------------------------------------------------------------------
def _find_span(quote: str, answers: Sequence[str]) -> str | None:
    """The exact text of the answers that `quote` matches, whitespace aside; None if none."""
    core = quote.strip().strip(_QUOTE_EDGES).strip()
    core = re.sub(r"^(?:\.\.\.|…)\s*|\s*(?:\.\.\.|…)$", "", core).strip()
    tokens = core.split()
    if not tokens or not re.search(r"\w", core):
        return None
    pattern = re.compile(r"\s+".join(re.escape(t) for t in tokens))
    for answer in answers:
        m = pattern.search(answer)
        if m:
            return m.group(0)
    return None


def assemble(card: LLMScorecard, items: Sequence[AnsweredQuestion], coach: str) -> Scorecard:
    """The `Scorecard`: scores clamped, overalls computed, evidence verified."""
    ordered = card.questions  # parse_scorecard put them in the order of `labels`
    answers = [a for it in items for a in it.answers if a.strip()]
    per_dim: dict[str, _Dimension] = {}
    for d in card.dimensions:
        per_dim.setdefault(_dim_key(d.id), d)

    dropped = 0
    dims: list[DimensionScore] = []
    for dim_id in dimension_ids():
        scores = [clamp_score(q.scores[dim_id]) for q in ordered]
        mean = round(sum(scores) / len(scores), 1)
        evidence: list[str] = []
        reply = per_dim.get(dim_id)
        for quote in (reply.evidence if reply else []):
            span = _find_span(quote, answers)
            if span is None or is_injection(span):
                dropped += 1
                continue
            span = clause_around(span, answers)
            if span not in evidence and len(evidence) < EVIDENCE_PER_DIMENSION:
                evidence.append(span)
        advice = _text(reply.advice) if reply else ""
        if mean >= STRENGTH_BAR:
            advice = ""  # nothing to fix on a dimension scored 4 or more
        elif not advice:
            advice = f"Aim for this: {dimension(dim_id).level_5}"
        counted = any(dimension_weight(dim_id, sc, it.question.dimensions) > 0
                      for sc, it in zip(scores, items, strict=True))
        dims.append(DimensionScore(
            id=dim_id, name=dimension(dim_id).name, score=mean,
            evidence=evidence if mean > 2 else [], advice=advice if counted else "",
            counted=counted,
        ))

    questions: list[QuestionScore] = []
    for item, reply_q in zip(items, ordered, strict=True):
        q_scores = {d: clamp_score(reply_q.scores[d]) for d in dimension_ids()}
        q_overall = round(weighted_overall(q_scores, item.question.dimensions), 1)
        adds = _lines(reply_q.strong_answer_adds)
        questions.append(QuestionScore(item.question.id, q_overall, adds))
    overall = round(sum(q.overall for q in questions) / len(questions), 1)
    adds_all: list[str] = []
    for q in questions:
        adds_all.extend(a for a in q.strong_answer_adds if a not in adds_all)
    strengths = _lines(card.strengths)
    for dim in dims:  # every dimension scored 4 or more is named, whatever the model wrote
        if dim.score >= STRENGTH_BAR and not any(dim.name.lower() in x.lower() for x in strengths):
            strengths.append(f"{dim.name} ({dim.score:g}/5)")
    return Scorecard(
        overall=overall, coach=coach, dimensions=dims,
        strengths=strengths, gaps=_lines(card.gaps),
        strong_answer_adds=adds_all, questions=questions, dropped_quotes=dropped,
    )


def _lines(values: Sequence[Any]) -> list[str]:
    out: list[str] = []
    for v in values:
        t = _text(v)
        if t and t not in out:
            out.append(t)
        if len(out) == MAX_LINES:
            break
    return out
