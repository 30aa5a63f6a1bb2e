"""What the scorecard says beyond numbers: advice, strengths, what a strong answer adds.

Advice is about *this* answer to *this* question: it comes from the question's own outline when
one of its points serves the dimension and the answer left it out, and never asks for what the
answer already applied. Dimensions scored 4 or more get no advice; they get a strength.
"""

from __future__ import annotations

from collections.abc import Sequence

from interviewer.coach.analysis import DEPTH_FAMILIES, Reading
from interviewer.coach.argued import argued_commitments, decisive
from interviewer.coach.cues_concepts import DIMENSION_FAMILIES, FAMILY_BY_NAME, Family
from interviewer.coach.ground import covers
from interviewer.coach.text import stem, words
from interviewer.rubric import STRENGTH_BAR, dimension
from interviewer.scorecard import weighted_overall

_COMMUNICATION_ADVICE = {
    "signposting": "Give the answer a visible shape: say the two or three parts up front, "
                   "or number them as you go.",
    "summary": "Close with a one-sentence recommendation that answers the question asked.",
    "concise": "Say less, with more substance: one concrete point per sentence.",
}


def _said(reading: Reading) -> set[str]:
    return {stem(w) for s in reading.sentences for w in words(s.text)}


def strong_answer_adds(reading: Reading) -> list[str]:
    """Outline points the answer did not touch, from the question's own outline."""
    said = _said(reading)
    return [p for p in reading.question.outline if not covers(p, said)]


def _outline_point(reading: Reading, dim_id: str) -> str | None:
    """An outline point that serves this dimension and that the answer left out."""
    said = _said(reading)
    for point in reading.question.outline:
        if covers(point, said):
            continue
        if any(f.pattern.search(point) for f in DIMENSION_FAMILIES.get(dim_id, ())):
            return point
    return None


def _family_advice(readings: Sequence[Reading], dim_id: str) -> Family | None:
    applied = {n for r in readings for n in r.dimensions[dim_id].applied}
    mentioned = {n for r in readings for n in r.dimensions[dim_id].mentioned} - applied
    fams = [f for f in DIMENSION_FAMILIES.get(dim_id, ()) if f.name not in applied]
    if not fams:
        return None
    if applied:  # depth first: the answer has the basics of this dimension
        depth = [f for f in fams if f.name in DEPTH_FAMILIES.get(dim_id, ())]
        if depth:
            return depth[0]
    named = [f for f in fams if f.name in mentioned]
    return (named or fams)[0]


def advice_for(readings: Sequence[Reading], dim_id: str, score: float) -> str:
    if score >= STRENGTH_BAR:
        return ""
    if all(r.empty for r in readings):
        return "Give an answer: even a rough structure can be scored and improved."
    if all(r.off_topic for r in readings):
        return "Answer the question asked: restate it, then work through it."
    if dim_id == "framing" and any(r.model_heavy for r in readings):
        return "Start from the user and their problem before the model; accuracy comes later."
    if dim_id == "communication":
        comm = [r.dimensions["communication"] for r in readings]
        if not any("signposting" in c.applied for c in comm):
            return _COMMUNICATION_ADVICE["signposting"]
        if not any("summary" in c.applied for c in comm):
            return _COMMUNICATION_ADVICE["summary"]
        return _COMMUNICATION_ADVICE["concise"]
    recited = [r for r in readings if r.dimensions[dim_id].mentioned
               and not r.dimensions[dim_id].applied]
    for r in readings:
        point = _outline_point(r, dim_id)
        if point:
            lead = "Apply it to this question: " if r in recited else "A strong answer adds: "
            return lead + point[0].lower() + point[1:] if lead.endswith(": ") else point
    fam = _family_advice(readings, dim_id)
    if fam is None:
        return ""
    if recited and fam.name in {n for r in recited for n in r.dimensions[dim_id].mentioned}:
        return f"You named it; now apply it to this product with a number or a reason. {fam.advice}"
    return fam.advice


def strengths_for(readings: Sequence[Reading]) -> list[str]:
    """Every dimension that scored 4 or more on some question, with what earned it."""
    out = []
    several = len(readings) > 1
    for dim_id in [d for d in DIMENSION_FAMILIES] + ["communication"]:
        best = max(readings, key=lambda r: r.dimensions[dim_id].score)
        top = best.dimensions[dim_id]
        if top.score < STRENGTH_BAR or best.off_topic:
            continue
        labels = [FAMILY_BY_NAME[n].label for n in top.applied if n in FAMILY_BY_NAME]
        if dim_id == "communication":
            labels = [{"signposting": "structured the answer", "summary": "closed with a "
                       "recommendation"}.get(n, n) for n in top.applied] or ["clear and concise"]
        where = f" on {best.question.id}" if several else ""
        out.append(f"{dimension(dim_id).name} ({top.score:g}/5{where}): "
                   f"{', '.join(labels[:4])}.")
    out.extend(_decisive_strength(r, several) for r in readings if _is_decisive(r))
    return out


def _is_decisive(r: Reading) -> bool:
    """The overall's floor for calls argued with their reasons (`argued.settle`) lifts it past
    the dimensions' mean: the scorecard says why, so the two never seem to disagree."""
    if r.empty or r.off_topic or r.drifting or r.recitation or r.misses_the_ask:
        return False
    rubric = weighted_overall({d: s.score for d, s in r.dimensions.items()},
                              r.question.dimensions)
    met = sum(1 for d, s in r.dimensions.items() if d != "communication" and s.score >= 3)
    return decisive(r.units, r.applied_sentences, rubric, met)


def _decisive_strength(r: Reading, several: bool) -> str:
    where = f" on {r.question.id}" if several else ""
    return (f"Decisions{where}: {argued_commitments(r.units)} calls made and argued with their "
            "reasons, few hedges; that counts in the overall beyond the dimensions above.")
