"""Question banks: TOML files of product-sense questions, validated with messages a user can act on.

A malformed bank must never surface as a traceback: every problem becomes one `BankError`
naming the file, the question id (when known) and the field. The loader refuses a bank only for
structural problems (the app could not use it); `validate_paths` also checks the content rules
a good question meets (outline and probe counts), so an author sees every problem at once.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from interviewer.adhoc import adhoc_dimensions
from interviewer.bank_errors import BankError, Problems
from interviewer.rubric import dimension_ids, question_kinds
from interviewer.tomlcompat import tomllib

DIFFICULTIES = ("easy", "medium", "hard")
MIXED = "mixed"
ANY_KIND = "any"
REQUIRED_FIELDS = (
    "id", "track", "difficulty", "kind", "prompt", "dimensions", "probes", "outline",
)
OUTLINE_POINTS = (4, 7)
"""How many points an outline holds: fewer is not an answer's shape, more is not a summary."""
OUTLINE_POINT_CHARS = 120
"""One line of an outline, as the scorecard shows it."""
PROBES_PER_DIMENSION = 2
"""Follow-ups the coach can choose from for each stressed dimension, so it need not repeat."""


@dataclass(frozen=True)
class Question:
    id: str
    track: str
    difficulty: str
    prompt: str
    dimensions: tuple[str, ...]
    probes: dict[str, tuple[str, ...]]
    outline: tuple[str, ...]
    source: str = ""
    kind: str = "improve"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "track": self.track,
            "difficulty": self.difficulty,
            "kind": self.kind,
            "prompt": self.prompt,
            "dimensions": list(self.dimensions),
            "probes": {k: list(v) for k, v in self.probes.items()},
            "outline": list(self.outline),
        }

    def summary(self) -> dict[str, Any]:
        """What `interviewer banks --format json` lists for each question."""
        return {"id": self.id, "track": self.track, "kind": self.kind,
                "difficulty": self.difficulty, "dimensions": list(self.dimensions),
                "prompt": self.prompt}

    @classmethod
    def adhoc(cls, prompt: str) -> Question:
        """A question typed on the command line: it stresses what its own words ask for."""
        return cls(id="adhoc", track="adhoc", difficulty="medium", prompt=prompt,
                   dimensions=adhoc_dimensions(prompt), probes={}, outline=())


@dataclass
class QuestionBank:
    questions: list[Question] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    """Things the user should hear once, e.g. their bank replacing bundled questions."""

    def tracks(self) -> list[str]:
        return sorted({q.track for q in self.questions})

    def kinds(self) -> list[str]:
        """The kinds this bank has questions of, in the rubric's order."""
        present = {q.kind for q in self.questions}
        return [k for k in question_kinds() if k in present]

    def by_id(self, question_id: str) -> Question:
        for q in self.questions:
            if q.id == question_id:
                return q
        raise KeyError(question_id)

    def matching(self, track: str = MIXED, kind: str = ANY_KIND) -> list[Question]:
        return [q for q in self.questions
                if (track == MIXED or q.track == track) and (kind == ANY_KIND or q.kind == kind)]

    def pick(self, track: str, count: int, rng: random.Random | None = None,
             kind: str = ANY_KIND) -> list[Question]:
        """Questions for one interview: from one track, or spread over tracks for 'mixed';
        of one kind, or of any. KeyError when nothing matches."""
        rng = rng or random.Random()
        pool = self.matching(track, kind)
        if not pool:
            raise KeyError(track if kind == ANY_KIND else f"{track}/{kind}")
        if track != MIXED:
            return rng.sample(pool, min(count, len(pool)))
        by_track: dict[str, list[Question]] = {}
        for q in pool:
            by_track.setdefault(q.track, []).append(q)
        order = list(by_track)
        rng.shuffle(order)
        for qs in by_track.values():
            rng.shuffle(qs)
        picked: list[Question] = []
        while len(picked) < min(count, len(pool)):
            for t in order:
                if by_track[t] and len(picked) < count:
                    picked.append(by_track[t].pop())
        return picked


_ACRONYMS = {"ai": "AI", "ml": "ML", "genai": "GenAI", "llm": "LLM", "llms": "LLMs",
             "rag": "RAG", "api": "API", "apis": "APIs", "ux": "UX", "ui": "UI", "b2b": "B2B",
             "nlp": "NLP", "ab": "A/B"}


_TITLES = {"genai-quality-cost": "GenAI quality and cost",
           "personalization-privacy": "Personalization and privacy"}
"""Slugs whose words alone lose their sense ("GenAI quality cost")."""


def track_title(track: str) -> str:
    """A slug as people read it: "ai-search" -> "AI search", "ml-system-design" ->
    "ML system design" (track and kind slugs alike)."""
    if track in _TITLES:
        return _TITLES[track]
    words = track.replace("-", " ").split()
    if not words:
        return track
    words[0] = words[0].capitalize()
    return " ".join(_ACRONYMS.get(w.lower(), w) for w in words)


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def bundled_bank_dir() -> Path:
    """The repository's `question_banks/` (the package is installed editable by `make`)."""
    return Path(__file__).resolve().parent.parent / "question_banks"


def _parse_question(problems: Problems, index: int, raw: Any,
                    advice: Problems | None = None) -> Question | None:
    """The question, or None after adding every structural problem it has to `problems`
    (and, when `advice` is given, every content-rule problem to it)."""
    if not isinstance(raw, dict):
        problems.add("each [[questions]] entry must be a table", None, f"questions[{index}]")
        return None
    before = len(problems.found)
    raw_id = raw.get("id")
    label = raw_id.strip() if isinstance(raw_id, str) and raw_id.strip() else f"#{index + 1}"
    choices = {"difficulty": DIFFICULTIES, "kind": tuple(question_kinds()),
               "dimensions": dimension_ids()}
    for name in REQUIRED_FIELDS:
        if name not in raw:
            hint = f" (one of: {', '.join(choices[name])})" if name in choices else ""
            problems.add(f"is missing{hint}", label, name)
    for name in sorted(set(raw) - set(REQUIRED_FIELDS)):
        problems.add(f"unknown field (expected one of {', '.join(REQUIRED_FIELDS)})", label, name)

    def get(name: str, parse: Any) -> Any:
        return parse(raw[name]) if name in raw else None

    qid = get("id", lambda v: problems.text(label, "id", v))
    known = dimension_ids()
    dims = get("dimensions", lambda v: problems.str_list(label, "dimensions", v))
    for d in dims or ():
        if d not in known:
            problems.add(f"unknown dimension '{d}' (known: {', '.join(known)})", label,
                         "dimensions")
    difficulty = get("difficulty", lambda v: problems.one_of(
        label, "difficulty", v, DIFFICULTIES, "a difficulty"))
    kind = get("kind", lambda v: problems.one_of(
        label, "kind", v, tuple(question_kinds()), "a question kind"))
    track = get("track", lambda v: problems.text(label, "track", v))
    prompt = get("prompt", lambda v: problems.text(label, "prompt", v))
    outline = get("outline", lambda v: problems.str_list(label, "outline", v))
    probes: dict[str, tuple[str, ...]] | None = None
    if "probes" in raw:
        probes_raw = raw["probes"]
        if not isinstance(probes_raw, dict) or not probes_raw:
            problems.add("must be a table of rubric dimension = [probes]", label, "probes")
        else:
            probes = {}
            for dim, value in probes_raw.items():
                if dim not in known:
                    problems.add(f"unknown dimension '{dim}' (known: {', '.join(known)})",
                                 label, f"probes.{dim}")
                listed = problems.str_list(label, f"probes.{dim}", value)
                if listed is not None:
                    probes[dim] = listed
    unusable = len(problems.found) > before
    if advice is not None:
        _content_rules(advice, label, dims, probes, outline)
    if unusable:
        return None
    assert qid and track and difficulty and kind and prompt and dims and outline
    assert probes is not None
    return Question(id=qid, track=track, difficulty=difficulty, prompt=prompt, dimensions=dims,
                    probes=probes, outline=outline, source=str(problems.path), kind=kind)


def _content_rules(advice: Problems, qid: str, dims: tuple[str, ...] | None,
                   probes: dict[str, tuple[str, ...]] | None,
                   outline: tuple[str, ...] | None) -> None:
    """What makes a question good to rehearse with, beyond being usable."""
    low, high = OUTLINE_POINTS
    if outline is not None:
        if not low <= len(outline) <= high:
            advice.add(f"has {plural(len(outline), 'point')}; write {low}-{high} short points "
                       "of what a strong answer covers", qid, "outline")
        for i, point in enumerate(outline):
            if "\n" in point:
                advice.add("must be one line (no line breaks)", qid, f"outline[{i}]")
            elif len(point) > OUTLINE_POINT_CHARS:
                advice.add(f"is {len(point)} characters; keep a point to one line of at most "
                           f"{OUTLINE_POINT_CHARS} (shorten it or split it)", qid, f"outline[{i}]")
    if dims is not None and probes is not None:
        for d in dims:
            n = len(probes.get(d, ()))
            if n < PROBES_PER_DIMENSION and d in dimension_ids():
                advice.add(f"has {plural(n, 'probe')}; a stressed dimension needs at least "
                           f"{PROBES_PER_DIMENSION} (add them under [questions.probes])",
                           qid, f"probes.{d}")


def _read_file(path: Path, content_rules: bool = False) -> tuple[list[Question], Problems]:
    """The usable questions of a file, and its problems in file order (the content rules'
    too when asked)."""
    problems = Problems(path)
    advice = problems if content_rules else None
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        problems.add(f"TOML syntax error: {exc}")
        return [], problems
    except (OSError, UnicodeDecodeError) as exc:
        problems.add(f"cannot be read: {exc}")
        return [], problems
    entries = raw.get("questions")
    if advice is not None:
        for key in sorted(set(raw) - {"questions"}):
            advice.add("unknown top-level key (a bank holds only [[questions]] tables)",
                       None, key)
    if not isinstance(entries, list) or not entries:
        problems.add("needs at least one [[questions]] table", None, "questions")
        return [], problems
    parsed = [_parse_question(problems, i, q, advice) for i, q in enumerate(entries)]
    questions = [q for q in parsed if q is not None]
    seen: set[str] = set()
    for q in questions:
        if q.id in seen:
            problems.add("duplicate id within this file", q.id, "id")
        seen.add(q.id)
    return questions, problems


def load_bank_file(path: Path) -> list[Question]:
    """The questions of one file; BankError on its first structural problem."""
    questions, problems = _read_file(path)
    if problems.found:
        raise problems.found[0]
    return questions


def bank_files(paths: Iterable[Path]) -> list[Path]:
    files: list[Path] = []
    for p in paths:
        if p.is_dir():
            files.extend(sorted(p.glob("*.toml")))
        elif p.exists():
            files.append(p)
        else:
            raise BankError(p, "does not exist")
    return files


@dataclass
class Validation:
    """What `interviewer banks validate` found in the files it was given."""

    files: int = 0
    questions: int = 0
    problems: list[BankError] = field(default_factory=list)


def validate_paths(paths: Sequence[Path]) -> Validation:
    """Every problem in the given files (structural and content rules), with duplicate ids
    checked among those files only: a copy of a bundled bank validates on its own."""
    result = Validation()
    where: dict[str, Path] = {}
    read: set[Path] = set()
    for p in paths:
        if not p.exists():
            result.problems.append(BankError(p, "does not exist"))
            continue
        files = sorted(p.glob("*.toml")) if p.is_dir() else [p]
        if not files:
            result.problems.append(BankError(p, "holds no .toml files"))
        for f in files:
            if f.resolve() in read:  # given twice (a folder and a file in it): read once
                continue
            read.add(f.resolve())
            questions, problems = _read_file(f, content_rules=True)
            result.files += 1
            result.questions += len(questions)
            result.problems += problems.found
            for q in questions:
                if q.id in where and where[q.id] != f:
                    result.problems.append(BankError(
                        f, f"duplicate id, also defined in {where[q.id]}", q.id, "id"))
                where.setdefault(q.id, f)
    return result


def load_banks(extra: Sequence[Path] = (), include_bundled: bool = True) -> QuestionBank:
    """The bundled banks plus the user's. An id defined twice among the bundled banks, or
    twice among the user's, is refused; a user's question with a bundled id replaces the
    bundled one (so an edited copy of a bundled bank can be used), with one notice."""
    bundled = bank_files([bundled_bank_dir()]) if include_bundled else []
    bundled_paths = {f.resolve() for f in bundled}
    mine = [f for f in bank_files(extra) if f.resolve() not in bundled_paths]
    by_id: dict[str, Question] = {}
    replaced: list[str] = []
    for files, users in ((bundled, False), (mine, True)):
        where: dict[str, Path] = {}
        for f in files:
            for q in load_bank_file(f):
                if q.id in where:
                    raise BankError(f, f"duplicate id, already defined in {where[q.id]}",
                                    q.id, "id")
                where[q.id] = f
                if users and q.id in by_id:
                    replaced.append(q.id)
                by_id[q.id] = q
    bank = QuestionBank(list(by_id.values()))
    if replaced:
        shown = ", ".join(replaced[:5]) + (f" and {len(replaced) - 5} more"
                                            if len(replaced) > 5 else "")
        bank.notices.append(f"your banks replace {plural(len(replaced), 'bundled question')} "
                            f"with the same id: {shown}")
    return bank
