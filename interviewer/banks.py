"""Question banks: TOML files of product-sense questions, validated with messages a user can act on.

A malformed bank must never surface as a traceback: every problem becomes one `BankError`
naming the file, the question id (when known) and the field.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from interviewer.rubric import dimension_ids
from interviewer.tomlcompat import tomllib

DIFFICULTIES = ("easy", "medium", "hard")
MIXED = "mixed"
REQUIRED_FIELDS = ("id", "track", "difficulty", "prompt", "dimensions", "probes", "outline")


class BankError(ValueError):
    """A question bank that cannot be used, with where and why."""

    def __init__(self, path: Path | str, message: str, question_id: str | None = None,
                 field_name: str | None = None) -> None:
        self.path = str(path)
        self.question_id = question_id
        self.field_name = field_name
        where = [self.path]
        if question_id:
            where.append(f"question '{question_id}'")
        if field_name:
            where.append(f"field '{field_name}'")
        super().__init__(f"{': '.join(where)}: {message}")


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

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "track": self.track,
            "difficulty": self.difficulty,
            "prompt": self.prompt,
            "dimensions": list(self.dimensions),
            "probes": {k: list(v) for k, v in self.probes.items()},
            "outline": list(self.outline),
        }

    @classmethod
    def adhoc(cls, prompt: str) -> Question:
        """A question typed on the command line: it stresses every dimension."""
        dims = dimension_ids()
        return cls(id="adhoc", track="adhoc", difficulty="medium", prompt=prompt,
                   dimensions=dims, probes={}, outline=())


@dataclass
class QuestionBank:
    questions: list[Question] = field(default_factory=list)

    def tracks(self) -> list[str]:
        return sorted({q.track for q in self.questions})

    def by_id(self, question_id: str) -> Question:
        for q in self.questions:
            if q.id == question_id:
                return q
        raise KeyError(question_id)

    def pick(self, track: str, count: int, rng: random.Random | None = None) -> list[Question]:
        """Questions for one interview: from one track, or spread over tracks for 'mixed'."""
        rng = rng or random.Random()
        pool = [q for q in self.questions if track == MIXED or q.track == track]
        if not pool:
            raise KeyError(track)
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


_ACRONYMS = {"ai": "AI", "ml": "ML", "genai": "GenAI", "llm": "LLM", "llms": "LLMs"}
_TITLES = {"genai-quality-cost": "GenAI quality and cost",
           "personalization-privacy": "Personalization and privacy"}
"""Slugs whose words alone lose their sense ("GenAI quality cost")."""


def track_title(track: str) -> str:
    """A slug as people read it: "ai-search" -> "AI search"."""
    if track in _TITLES:
        return _TITLES[track]
    words = track.replace("-", " ").split()
    if not words:
        return track
    words[0] = words[0].capitalize()
    return " ".join(_ACRONYMS.get(w.lower(), w) for w in words)


def bundled_bank_dir() -> Path:
    """The repository's `question_banks/` (the package is installed editable by `make`)."""
    return Path(__file__).resolve().parent.parent / "question_banks"


def _text(path: Path, qid: str | None, name: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise BankError(path, "must be a non-empty string", qid, name)
    return value.strip()


def _str_list(path: Path, qid: str, name: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value:
        raise BankError(path, "must be a non-empty list of strings", qid, name)
    out = []
    for i, item in enumerate(value):
        out.append(_text(path, qid, f"{name}[{i}]", item))
    return tuple(out)


def _parse_question(path: Path, index: int, raw: Any) -> Question:
    if not isinstance(raw, dict):
        raise BankError(path, "each [[questions]] entry must be a table", None,
                        f"questions[{index}]")
    qid = raw.get("id") if isinstance(raw.get("id"), str) else None
    label = qid or f"#{index + 1}"
    for name in REQUIRED_FIELDS:
        if name not in raw:
            raise BankError(path, "is missing", label, name)
    unknown = sorted(set(raw) - set(REQUIRED_FIELDS))
    if unknown:
        raise BankError(path, f"unknown field (expected one of {', '.join(REQUIRED_FIELDS)})",
                        label, unknown[0])
    qid = _text(path, label, "id", raw["id"])
    known = dimension_ids()
    dims = _str_list(path, qid, "dimensions", raw["dimensions"])
    for d in dims:
        if d not in known:
            raise BankError(path, f"unknown dimension '{d}' (known: {', '.join(known)})",
                            qid, "dimensions")
    difficulty = _text(path, qid, "difficulty", raw["difficulty"])
    if difficulty not in DIFFICULTIES:
        raise BankError(path, f"'{difficulty}' is not one of {', '.join(DIFFICULTIES)}",
                        qid, "difficulty")
    probes_raw = raw["probes"]
    if not isinstance(probes_raw, dict) or not probes_raw:
        raise BankError(path, "must be a table of rubric dimension = probe(s)", qid, "probes")
    probes: dict[str, tuple[str, ...]] = {}
    for dim, value in probes_raw.items():
        if dim not in known:
            raise BankError(path, f"unknown dimension '{dim}' (known: {', '.join(known)})",
                            qid, f"probes.{dim}")
        probes[dim] = _str_list(path, qid, f"probes.{dim}", value)
    return Question(
        id=qid,
        track=_text(path, qid, "track", raw["track"]),
        difficulty=difficulty,
        prompt=_text(path, qid, "prompt", raw["prompt"]),
        dimensions=dims,
        probes=probes,
        outline=_str_list(path, qid, "outline", raw["outline"]),
        source=str(path),
    )


def load_bank_file(path: Path) -> list[Question]:
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise BankError(path, f"TOML syntax error: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BankError(path, f"cannot be read: {exc}") from None
    questions = raw.get("questions")
    if not isinstance(questions, list) or not questions:
        raise BankError(path, "needs at least one [[questions]] table", None, "questions")
    parsed = [_parse_question(path, i, q) for i, q in enumerate(questions)]
    seen: set[str] = set()
    for q in parsed:
        if q.id in seen:
            raise BankError(path, "duplicate id within this file", q.id, "id")
        seen.add(q.id)
    return parsed


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


def load_banks(extra: Sequence[Path] = (), include_bundled: bool = True) -> QuestionBank:
    """The bundled banks plus the user's, refusing an id defined twice anywhere."""
    dirs = ([bundled_bank_dir()] if include_bundled else []) + list(extra)
    bank = QuestionBank()
    where: dict[str, str] = {}
    for f in bank_files(dirs):
        for q in load_bank_file(f):
            if q.id in where:
                raise BankError(f, f"duplicate id, already defined in {where[q.id]}", q.id, "id")
            where[q.id] = str(f)
            bank.questions.append(q)
    return bank
