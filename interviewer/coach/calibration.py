"""A coach measured like a model: graded answers in, agreement figures out.

The bundled set (interviewer/data/calibration/) has a dev split, which the offline coach was
tuned on, and a held-out test split, which it never was. `interviewer calibrate` prints the same
figures for any set and either coach, so a user can measure their own LLM as a judge.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from interviewer.banks import Question, QuestionBank
from interviewer.coach.base import AnsweredQuestion, Coach
from interviewer.tomlcompat import tomllib

GAMING_KINDS = frozenset({"keywords", "recitation", "off-question", "off-topic", "injection"})
FORM_KINDS = frozenset({"bullets", "short", "spoken", "non-native"})
BUNDLED_SPLITS = ("dev", "test")
PAIR_GAP = 1.0
"""Reference grades this far apart (or more) must be ordered the same way by the coach."""


class CalibrationError(ValueError):
    """A calibration set that cannot be used, naming the file and the entry."""


@dataclass(frozen=True)
class GradedAnswer:
    label: str
    question: Question = field(repr=False)
    kind: str
    grade: float
    text: str = field(repr=False)
    """Kept out of repr, like `why`: a failing test must not print a held-out answer."""
    why: str = field(default="", repr=False)
    twin_of: str = ""


@dataclass
class Scored:
    answer: GradedAnswer
    score: float


@dataclass
class Figures:
    """What `calibrate` reports for one set."""

    name: str
    answers: int
    questions: int
    spearman: float
    mae: float
    pairs_ordered: int
    pairs_total: int
    max_gaming: float | None
    max_gaming_label: str
    max_form_gap: float | None
    max_form_gap_label: str
    misordered: list[str] = field(default_factory=list)
    rows: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def bundled_set(split: str) -> tuple[str, str]:
    """(name, TOML text) of a bundled split."""
    if split not in BUNDLED_SPLITS:
        raise CalibrationError(f"unknown split '{split}' (bundled: {', '.join(BUNDLED_SPLITS)})")
    res = resources.files("interviewer").joinpath(f"data/calibration/{split}.toml")
    return f"bundled {split} split", res.read_text(encoding="utf-8")


def read_set_file(path: Path) -> tuple[str, str]:
    try:
        return str(path), path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CalibrationError(f"{path}: no such calibration set") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CalibrationError(f"{path}: cannot be read: {exc}") from None


def parse_set(name: str, text: str, bank: QuestionBank) -> list[GradedAnswer]:
    """Graded answers, each with its question (a bank id or an ad-hoc [[questions]] entry)."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CalibrationError(f"{name}: TOML syntax error: {exc}") from None
    adhoc: dict[str, Question] = {}
    for i, q in enumerate(raw.get("questions", [])):
        qid, prompt = q.get("id"), q.get("prompt")
        if not isinstance(qid, str) or not isinstance(prompt, str) or not prompt.strip():
            raise CalibrationError(f"{name}: questions[{i}] needs a string 'id' and 'prompt'")
        base = Question.adhoc(prompt.strip())
        adhoc[qid] = Question(id=qid, track=base.track, difficulty=base.difficulty,
                              prompt=base.prompt, dimensions=base.dimensions, probes={},
                              outline=(), kind=base.kind)
    answers = raw.get("answers")
    if not isinstance(answers, list) or not answers:
        raise CalibrationError(f"{name}: needs at least one [[answers]] table")
    out: list[GradedAnswer] = []
    for i, a in enumerate(answers):
        label = a.get("label") if isinstance(a.get("label"), str) else f"answers[{i}]"
        qid = a.get("question_id")
        if qid in adhoc:
            question = adhoc[qid]
        else:
            try:
                question = bank.by_id(str(qid))
            except KeyError:
                raise CalibrationError(f"{name}: answer '{label}': field 'question_id': "
                                       f"no question '{qid}' in the banks or the set") from None
        grade = a.get("grade")
        if not isinstance(grade, (int, float)) or not 1 <= grade <= 5:
            raise CalibrationError(f"{name}: answer '{label}': field 'grade': "
                                   "must be a number from 1 to 5")
        body = a.get("text")
        if not isinstance(body, str) or not body.strip():
            raise CalibrationError(f"{name}: answer '{label}': field 'text': must be non-empty")
        out.append(GradedAnswer(label, question, str(a.get("kind", "")), float(grade),
                                body.strip(), str(a.get("why", "")), str(a.get("twin_of", ""))))
    return out


def _ranks(values: Sequence[float]) -> list[float]:
    """Average ranks, so ties count as Spearman's rho requires."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return ranks


def spearman(xs: Sequence[float], ys: Sequence[float]) -> float:
    rx, ry = _ranks(xs), _ranks(ys)
    n = len(xs)
    mx, my = sum(rx) / n, sum(ry) / n
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    var = (sum((a - mx) ** 2 for a in rx) * sum((b - my) ** 2 for b in ry)) ** 0.5
    return cov / var if var else 0.0


def score_all(coach: Coach, answers: Sequence[GradedAnswer],
              on_progress: Callable[[int, int], None] | None = None) -> list[Scored]:
    out = []
    for i, a in enumerate(answers):
        card = coach.score([AnsweredQuestion(a.question, [a.text])])
        out.append(Scored(a, card.overall))
        if on_progress is not None:
            on_progress(i + 1, len(answers))
    return out


def figures(name: str, scored: Sequence[Scored]) -> Figures:
    grades = [s.answer.grade for s in scored]
    scores = [s.score for s in scored]
    ordered = total = 0
    misordered = []
    for a, b in itertools.permutations(scored, 2):
        if a.answer.question.id != b.answer.question.id:
            continue
        if a.answer.grade >= b.answer.grade + PAIR_GAP:
            total += 1
            if a.score > b.score:
                ordered += 1
            else:
                misordered.append(f"{a.answer.label} ({a.score:g}) <= "
                                  f"{b.answer.label} ({b.score:g})")
    gaming = [s for s in scored if s.answer.kind in GAMING_KINDS]
    worst_gaming = max(gaming, key=lambda s: s.score, default=None)
    by_label = {s.answer.label: s for s in scored}
    gaps = [(abs(s.score - by_label[s.answer.twin_of].score), s) for s in scored
            if s.answer.kind in FORM_KINDS and s.answer.twin_of in by_label]
    worst_gap = max(gaps, key=lambda g: g[0], default=None)
    return Figures(
        name=name,
        answers=len(scored),
        questions=len({s.answer.question.id for s in scored}),
        spearman=round(spearman(scores, grades), 3),
        mae=round(sum(abs(s - g) for s, g in zip(scores, grades, strict=True)) / len(scored), 3),
        pairs_ordered=ordered,
        pairs_total=total,
        max_gaming=worst_gaming.score if worst_gaming else None,
        max_gaming_label=worst_gaming.answer.label if worst_gaming else "",
        max_form_gap=round(worst_gap[0], 2) if worst_gap else None,
        max_form_gap_label=worst_gap[1].answer.label if worst_gap else "",
        misordered=misordered,
        rows=[{"label": s.answer.label, "question_id": s.answer.question.id,
               "kind": s.answer.kind, "grade": s.answer.grade, "score": s.score}
              for s in scored],
    )


def figures_text(f: Figures, verbose: bool = False) -> str:
    gaming = ("none in the set" if f.max_gaming is None
              else f"{f.max_gaming:g} ({f.max_gaming_label})")
    gap = ("no twins in the set" if f.max_form_gap is None
           else f"{f.max_form_gap:g} ({f.max_form_gap_label})")
    lines = [
        f"{f.name}: {f.answers} answers over {f.questions} questions",
        f"  Spearman rho           {f.spearman:.3f}",
        f"  mean absolute error    {f.mae:.2f}",
        f"  same-question pairs    {f.pairs_ordered} of {f.pairs_total} ordered right "
        f"(graded {PAIR_GAP:g}+ apart)",
        f"  highest gaming score   {gaming}",
        f"  largest form gap       {gap}",
    ]
    if verbose:
        lines += [f"  misordered: {m}" for m in f.misordered]
        lines += [f"  {r['label']:<40} {r['kind']:<12} grade {r['grade']:.1f}  "
                  f"coach {r['score']:.1f}" for r in f.rows]
    return "\n".join(lines) + "\n"
