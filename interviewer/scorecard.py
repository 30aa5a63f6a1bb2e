"""The scorecard's shape, shared by both coaches, the session file and the reports."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

NON_STRESSED_WEIGHT = 0.5
NON_STRESSED_BAR = 3.0
"""A dimension the question does not stress counts, at half weight, only when the answer
addressed it (met the bar): a metrics question is not marked down for skipping prioritization."""


def dimension_weight(dim_id: str, score: float, stressed: Sequence[str]) -> float:
    if dim_id in stressed:
        return 1.0
    return NON_STRESSED_WEIGHT if score >= NON_STRESSED_BAR else 0.0


def weighted_overall(scores: Mapping[str, float], stressed: Sequence[str]) -> float:
    """One question's overall, the same rule for both coaches."""
    total = weight = 0.0
    for dim_id, score in scores.items():
        w = dimension_weight(dim_id, score, stressed)
        total += w * score
        weight += w
    return total / weight if weight else min(scores.values(), default=1.0)


@dataclass
class DimensionScore:
    id: str
    name: str
    score: float
    evidence: list[str] = field(default_factory=list)
    advice: str = ""
    counted: bool = True
    """False when no question stressed this dimension and no answer addressed it: shown for
    completeness, not part of the overall, and nothing to advise."""


@dataclass
class QuestionScore:
    """One question's own overall, so a session can show which answer was weakest."""

    question_id: str
    overall: float
    strong_answer_adds: list[str] = field(default_factory=list)


@dataclass
class Scorecard:
    overall: float
    coach: str
    dimensions: list[DimensionScore]
    strengths: list[str] = field(default_factory=list)
    gaps: list[str] = field(default_factory=list)
    strong_answer_adds: list[str] = field(default_factory=list)
    questions: list[QuestionScore] = field(default_factory=list)
    dropped_quotes: int = 0
    """Evidence quotes a coach offered that were not verbatim spans of the answers, dropped."""
    unanswered: list[str] = field(default_factory=list)
    """Ids of the session's questions left with no answer: each counts as UNANSWERED_SCORE."""

    @property
    def unanswered_note(self) -> str:
        """Said beside the overall when questions went unanswered; '' otherwise."""
        if not self.unanswered:
            return ""
        total = len(self.questions)
        return (f"{total - len(self.unanswered)} of {total} "
                f"question{'s' if total != 1 else ''} answered: "
                f"each unanswered one counts as {UNANSWERED_SCORE:g}")

    def dimension(self, dim_id: str) -> DimensionScore:
        for d in self.dimensions:
            if d.id == dim_id:
                return d
        raise KeyError(dim_id)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_public_json(self) -> dict[str, Any]:
        """The documented `score --format json` shape (extra keys are additive)."""
        return {
            "overall": self.overall,
            "coach": self.coach,
            "dimensions": [asdict(d) for d in self.dimensions],
            "strengths": list(self.strengths),
            "gaps": list(self.gaps),
            "strong_answer_adds": list(self.strong_answer_adds),
        }

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> Scorecard:
        return cls(
            overall=float(raw["overall"]),
            coach=str(raw["coach"]),
            dimensions=[DimensionScore(**d) for d in raw["dimensions"]],
            strengths=list(raw.get("strengths", [])),
            gaps=list(raw.get("gaps", [])),
            strong_answer_adds=list(raw.get("strong_answer_adds", [])),
            questions=[QuestionScore(**q) for q in raw.get("questions", [])],
            dropped_quotes=int(raw.get("dropped_quotes", 0)),
            unanswered=[str(q) for q in raw.get("unanswered", [])],
        )


UNANSWERED_SCORE = 1.0
"""What a question skipped or left blank counts for in a session's overall: the lowest level,
as in a real interview. The dimension scores stay those of the answers given."""


def count_unanswered(card: Scorecard, question_ids: list[str],
                     unanswered: set[str]) -> Scorecard:
    """The session's scorecard with its unanswered questions counted in the overall (the mean
    of every question's overall, in the session's order)."""
    if not unanswered:
        return card
    given = {q.question_id: q for q in card.questions if q.question_id not in unanswered}
    answered = [qid for qid in question_ids if qid not in unanswered]
    if len(given) < len(answered):  # a coach with no per-question overalls
        given = {qid: QuestionScore(qid, card.overall) for qid in answered}
    questions = [given.get(qid) or QuestionScore(qid, UNANSWERED_SCORE, ["Not answered."])
                 for qid in question_ids]
    card.questions = questions
    card.overall = round(sum(q.overall for q in questions) / len(questions), 1)
    card.unanswered = [qid for qid in question_ids if qid in unanswered]
    return card
