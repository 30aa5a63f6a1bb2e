"""The offline coach: rubric signals, no network, no key; the default and the safety net."""

from __future__ import annotations

from collections.abc import Sequence

from interviewer.banks import Question
from interviewer.coach import relevance_meaning
from interviewer.coach.advice import advice_for, strengths_for, strong_answer_adds
from interviewer.coach.analysis import Reading, read_answers
from interviewer.coach.base import MAX_FOLLOW_UPS, AnsweredQuestion, FollowUp
from interviewer.coach.probes import ProbePicker
from interviewer.coach.text import shorten, without_fillers
from interviewer.coach.units import Unit
from interviewer.rubric import HIRE_BAR, dimension, dimension_ids
from interviewer.scorecard import DimensionScore, QuestionScore, Scorecard

EVIDENCE_PER_DIMENSION = 2


class OfflineCoach:
    name = "offline"

    def __init__(self) -> None:
        self._probes = ProbePicker()
        relevance_meaning.warm_up()  # ready before the first answer ends

    # -- follow-ups ------------------------------------------------------------------------
    def follow_up(self, item: AnsweredQuestion) -> FollowUp | None:
        return self._follow_up(item, self._probes)

    def preview_follow_up(self, item: AnsweredQuestion) -> FollowUp | None:
        """The follow-up `follow_up(item)` would give now, the coach left as it was (what was
        asked is not noted): a guess made while the answer may still go on."""
        picker = ProbePicker()
        picker.asked = set(self._probes.asked)
        return self._follow_up(item, picker)

    def _follow_up(self, item: AnsweredQuestion, probes: ProbePicker) -> FollowUp | None:
        if len(item.follow_ups) >= MAX_FOLLOW_UPS or not item.answers or not item.answers[-1]:
            return None
        reading = read_answers(item.question, item.answers)
        if reading.empty:
            return None
        picked = probes.pick(reading, item)
        if picked is None:
            return None
        text, dim = picked
        return FollowUp(text, dim, self.name)

    # -- scorecard -------------------------------------------------------------------------
    def score(self, items: Sequence[AnsweredQuestion]) -> Scorecard:
        readings = [read_answers(it.question, it.answers) for it in items]
        if not readings:
            raise ValueError("nothing to score")
        dims: list[DimensionScore] = []
        for dim_id in dimension_ids():
            weighed = [r for r in readings if r.weight(dim_id) > 0] or readings
            score = round(sum(r.dimensions[dim_id].score for r in weighed) / len(weighed), 1)
            counted = _counts(readings, dim_id)
            dims.append(DimensionScore(
                id=dim_id,
                name=dimension(dim_id).name,
                score=score,
                evidence=evidence(readings, dim_id) if score > 2 else [],
                advice=advice_for(readings, dim_id, score) if counted else "",
                counted=counted,
            ))
        question_scores = [
            QuestionScore(r.question.id, r.overall(), strong_answer_adds(r)) for r in readings
        ]
        overall = round(sum(q.overall for q in question_scores) / len(question_scores), 1)
        flagged = [" ".join(quote_text(s.text).split()) for r in readings for s in r.injected]
        adds: list[str] = []
        for qs in question_scores:
            adds.extend(a for a in qs.strong_answer_adds if a not in adds)
        return Scorecard(
            overall=overall,
            coach=self.name,
            dimensions=dims,
            strengths=strengths_for(readings),
            gaps=[f"{d.name} ({d.score:g}/5): {d.advice}"
                  for d in sorted(dims, key=lambda d: d.score)
                  if d.score < HIRE_BAR and d.advice and _counts(readings, d.id)]
            + ([f'Text addressed to the grader was set aside and earned nothing: "{flagged[0]}"'
                + (f" (and {len(flagged) - 1} more)" if len(flagged) > 1 else "")]
               if flagged else []),
            strong_answer_adds=adds,
            questions=question_scores,
        )


def _counts(readings: Sequence[Reading], dim_id: str) -> bool:
    return any(r.weight(dim_id) > 0 for r in readings)


def quote_text(text: str, max_words: int = 20) -> str:
    return shorten(without_fillers(text), max_words)


def quote(unit: Unit, max_words: int = 32) -> str:
    """A verbatim span: the sentence or clause, leading fillers dropped, cut where a clause ends."""
    return shorten(without_fillers(unit.piece.text), max_words)


def evidence(readings: Sequence[Reading], dim_id: str) -> list[str]:
    """Verbatim sentences that apply the most distinct concepts of this dimension."""
    carried: dict[tuple[int, int, int], tuple[int, Unit]] = {}
    for qi, r in enumerate(readings):
        if r.off_topic:
            continue
        for units in r.dimensions[dim_id].applied.values():
            for u in units:
                key = (qi, u.piece.answer_index, u.piece.start)
                carried[key] = (carried.get(key, (0, u))[0] + 1, u)
    ranked = sorted(carried.items(), key=lambda kv: (-kv[1][0], kv[0]))
    quotes: list[str] = []
    for _, (_, u) in ranked:
        q = quote(u)
        if q not in quotes:
            quotes.append(q)
        if len(quotes) == EVIDENCE_PER_DIMENSION:
            break
    return quotes


def score_answer(question: Question, answer: str) -> Scorecard:
    """Headless scoring of one answer."""
    return OfflineCoach().score([AnsweredQuestion(question, [answer])])
