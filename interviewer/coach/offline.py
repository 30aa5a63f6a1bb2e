"""The offline coach: rubric signals, no network, no key; the default and the safety net."""

from __future__ import annotations

import re
from collections.abc import Sequence

from interviewer.banks import Question
from interviewer.coach.analysis import Reading, _stem, read_answers, topic_words
from interviewer.coach.base import MAX_FOLLOW_UPS, AnsweredQuestion, FollowUp
from interviewer.coach.signals import LABELS, TEMPLATE_PROBES
from interviewer.coach.text import Sentence, shorten, words
from interviewer.rubric import HIRE_BAR, dimension, dimension_ids
from interviewer.scorecard import DimensionScore, QuestionScore, Scorecard

EVIDENCE_PER_DIMENSION = 2
OUTLINE_COVERED = 0.5
_LEADS = ("You said", "You mentioned", "Earlier you said")


class OfflineCoach:
    name = "offline"

    # -- follow-ups ------------------------------------------------------------------------
    def follow_up(self, item: AnsweredQuestion) -> FollowUp | None:
        if len(item.follow_ups) >= MAX_FOLLOW_UPS or not item.answers or not item.answers[-1]:
            return None
        reading = read_answers(item.question, item.answers)
        if reading.empty:
            return None
        q = item.question
        weak = [d for d in q.dimensions if reading.dimensions[d].score < HIRE_BAR]
        if not weak:
            return None
        probed = [f.dimension for f in item.follow_ups]
        weak.sort(key=lambda d: (d in probed, reading.dimensions[d].score, q.dimensions.index(d)))
        dim = weak[0]
        asked = {f.text for f in item.follow_ups}
        options = [*q.probes.get(dim, ()), TEMPLATE_PROBES[dim]]
        probe = next((p for p in options if not any(p in a for a in asked)), options[-1])
        return FollowUp(self._in_context(reading, len(item.follow_ups)) + probe, dim, self.name)

    @staticmethod
    def _in_context(reading: Reading, n: int) -> str:
        """Quote a short piece of the latest answer, so the probe shows it listened."""
        latest = max((s.answer_index for s in reading.sentences), default=-1)
        candidates = [s for s in reading.sentences if s.answer_index == latest]
        if not candidates or reading.off_topic:
            return "Let's come back to the question. " if reading.off_topic else ""
        topic = topic_words(reading.question)

        def salience(s: Sentence) -> tuple[int, int]:
            return (len({_stem(w) for w in words(s.text)} & topic), -abs(len(s.text.split()) - 12))

        best = max(candidates, key=salience)
        snippet = _clause(best.text, topic).rstrip(".!?,;: ")
        return f'{_LEADS[n % len(_LEADS)]} "{snippet}". '

    # -- scorecard -------------------------------------------------------------------------
    def score(self, items: Sequence[AnsweredQuestion]) -> Scorecard:
        readings = [read_answers(it.question, it.answers) for it in items]
        if not readings:
            raise ValueError("nothing to score")
        dims: list[DimensionScore] = []
        for dim_id in dimension_ids():
            per_q = [r.dimensions[dim_id] for r in readings]
            score = round(sum(p.score for p in per_q) / len(per_q), 1)
            dims.append(DimensionScore(
                id=dim_id,
                name=dimension(dim_id).name,
                score=score,
                evidence=self._evidence(readings, dim_id),
                advice=self._advice(readings, dim_id, score),
            ))
        question_scores = [
            QuestionScore(r.question.id, r.overall(), self._strong_answer_adds(r)) for r in readings
        ]
        overall = round(sum(q.overall for q in question_scores) / len(question_scores), 1)
        adds: list[str] = []
        for qs in question_scores:
            adds.extend(a for a in qs.strong_answer_adds if a not in adds)
        return Scorecard(
            overall=overall,
            coach=self.name,
            dimensions=dims,
            strengths=self._strengths(readings, dims),
            gaps=self._gaps(readings, dims),
            strong_answer_adds=adds,
            questions=question_scores,
        )

    @staticmethod
    def _evidence(readings: Sequence[Reading], dim_id: str) -> list[str]:
        """Verbatim sentences that carried the most distinct concepts of this dimension."""
        counts: dict[tuple[int, int, int], tuple[int, Sentence]] = {}
        for qi, r in enumerate(readings):
            if r.off_topic:
                continue
            for sentences in r.dimensions[dim_id].hits.values():
                for s in sentences:
                    key = (qi, s.answer_index, s.start)
                    counts[key] = (counts.get(key, (0, s))[0] + 1, s)
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1][0], kv[0]))
        quotes: list[str] = []
        for _, (_, s) in ranked:
            q = shorten(s.text)
            if q not in quotes:
                quotes.append(q)
            if len(quotes) == EVIDENCE_PER_DIMENSION:
                break
        return quotes

    @staticmethod
    def _advice(readings: Sequence[Reading], dim_id: str, score: float) -> str:
        if any(r.empty for r in readings) and all(r.empty for r in readings):
            return "Give an answer: even a rough structure can be scored and improved."
        if all(r.off_topic for r in readings):
            return "Answer the question asked: restate it, then work through it."
        missing: dict[str, str] = {}
        for r in readings:
            for fam in r.dimensions[dim_id].missing:
                missing.setdefault(fam.name, fam.advice)
        if dim_id == "framing" and any(r.model_heavy for r in readings):
            return "Start from the user and their problem before the model; accuracy comes later."
        if dim_id == "communication" and any(r.rambling for r in readings):
            return "Say less, with more structure: signpost three parts, land each in a sentence."
        if missing:
            return next(iter(missing.values()))
        return f"Keep this up: {dimension(dim_id).level_5}"

    @staticmethod
    def _strengths(readings: Sequence[Reading], dims: Sequence[DimensionScore]) -> list[str]:
        out = []
        for d in sorted(dims, key=lambda d: -d.score):
            if d.score < HIRE_BAR + 1:
                continue
            labels: list[str] = []
            for r in readings:
                for name in r.dimensions[d.id].hits:
                    if LABELS[name] not in labels:
                        labels.append(LABELS[name])
            out.append(f"{d.name} ({d.score:g}/5): {', '.join(labels[:4])}.")
        return out

    @staticmethod
    def _gaps(readings: Sequence[Reading], dims: Sequence[DimensionScore]) -> list[str]:
        out = []
        for d in sorted(dims, key=lambda d: d.score):
            if d.score >= HIRE_BAR:
                continue
            out.append(f"{d.name} ({d.score:g}/5): {d.advice}")
        return out

    @staticmethod
    def _strong_answer_adds(reading: Reading) -> list[str]:
        """Outline points the answer did not touch, from the question's own outline."""
        said = {_stem(w) for s in reading.sentences for w in words(s.text)}
        adds = []
        for point in reading.question.outline:
            key = {_stem(w) for w in words(point) if len(w) > 3}
            if not key or len(key & said) / len(key) < OUTLINE_COVERED:
                adds.append(point)
        return adds


_CLAUSE = re.compile(r"[^,;:()\u2014]+")


def _clause(sentence: str, topic: set[str], max_words: int = 14) -> str:
    """The most on-topic clause of a sentence, so a quote ends where a thought ends."""
    clauses = [m.group(0).strip() for m in _CLAUSE.finditer(sentence)]
    clauses = [c for c in clauses if len(c.split()) >= 4] or [sentence]
    best = max(clauses, key=lambda c: (len({_stem(w) for w in words(c)} & topic) > 0,
                                       -abs(len(c.split()) - 9)))
    return shorten(best, max_words)


def score_answer(question: Question, answer: str) -> Scorecard:
    """Headless scoring of one answer."""
    return OfflineCoach().score([AnsweredQuestion(question, [answer])])
