"""A bank problem with where it is (file, question, field), and the collector that keeps every
problem of a file rather than stopping at the first, so an author sees them all at once."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any


class BankError(ValueError):
    """A question bank that cannot be used, with where and why."""

    def __init__(self, path: Path | str, message: str, question_id: str | None = None,
                 field_name: str | None = None) -> None:
        self.path = str(path)
        self.question_id = question_id
        self.field_name = field_name
        self.message = message
        where = [self.path]
        if question_id:
            where.append(f"question '{question_id}'")
        if field_name:
            where.append(f"field '{field_name}'")
        super().__init__(f"{': '.join(where)}: {message}")


class Problems:
    """Problems found in one file, collected rather than raised, so all are reported."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.found: list[BankError] = []

    def add(self, message: str, qid: str | None = None, name: str | None = None) -> None:
        self.found.append(BankError(self.path, message, qid, name))

    def text(self, qid: str, name: str, value: Any) -> str | None:
        if not isinstance(value, str) or not value.strip():
            self.add("must be a non-empty string", qid, name)
            return None
        return value.strip()

    def str_list(self, qid: str, name: str, value: Any) -> tuple[str, ...] | None:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not value:
            self.add("must be a non-empty list of strings", qid, name)
            return None
        items = [self.text(qid, f"{name}[{i}]", item) for i, item in enumerate(value)]
        return tuple(i for i in items if i is not None) if None not in items else None

    def one_of(self, qid: str, name: str, value: Any, allowed: Sequence[str],
               what: str) -> str | None:
        text = self.text(qid, name, value)
        if text is not None and text not in allowed:
            self.add(f"'{text}' is not {what} (one of: {', '.join(allowed)})", qid, name)
            return None
        return text
