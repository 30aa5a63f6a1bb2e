"""What a setting may hold (text, a switch, a number in a range, one of a few words, a URL, a
key, a folder), each with the one "must be ..." a user reads when a value breaks it.

`config.py` gives every setting one of these; the file, the environment and the flags are all
checked through it, so a rule and its wording exist once.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar
from urllib.parse import urlsplit

from interviewer.secret import Secret

T = TypeVar("T")


class Invalid(ValueError):
    """What a setting allows, said as "must be ..."; config.parse adds where it came from."""


class Rule(Generic[T]):
    """Checks one value as read from TOML (any type), a variable or a flag (text)."""

    echo = True
    """Whether a bad value may be quoted back: never a key, nor a URL (keys hide in them)."""

    def check(self, value: object) -> T:
        raise NotImplementedError


class Text(Rule[str]):
    def check(self, value: object) -> str:
        if not isinstance(value, str):
            raise Invalid("must be text in quotes")
        return value


class Device(Text):
    """A device's name (part of it), or its index, which TOML may give as a number."""

    def check(self, value: object) -> str:
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
        return super().check(value)


class Switch(Rule[bool]):
    def check(self, value: object) -> bool:
        if isinstance(value, bool):
            return value
        text = value.strip().lower() if isinstance(value, str) else ""
        if text in ("1", "true", "yes", "on"):
            return True
        if text in ("0", "false", "no", "off"):
            return False
        raise Invalid("must be true or false")


@dataclass(frozen=True)
class Whole(Rule[int]):
    low: int
    high: int

    def check(self, value: object) -> int:
        return int(_number(value, "a whole number", self.low, self.high, whole=True))


@dataclass(frozen=True)
class Real(Rule[float]):
    low: float
    high: float

    def check(self, value: object) -> float:
        return _number(value, "a number", self.low, self.high, whole=False)


def _number(value: object, what: str, low: float, high: float, *, whole: bool) -> float:
    rule = Invalid(f"must be {what} from {low:g} to {high:g}")
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise rule
    try:
        number = float(value)
    except ValueError:
        raise rule from None
    if (whole and not number.is_integer()) or not low <= number <= high:
        raise rule
    return number


@dataclass(frozen=True)
class Choice(Rule[str]):
    """One of a few words; `words` may be a function when the list is data (question kinds)."""

    words: tuple[str, ...] | Callable[[], tuple[str, ...]]

    def choices(self) -> tuple[str, ...]:
        return self.words() if callable(self.words) else self.words

    def check(self, value: object) -> str:
        choices = self.choices()
        if not isinstance(value, str) or value not in choices:
            raise Invalid(f"must be one of {', '.join(choices)}")
        return value


@dataclass(frozen=True)
class Url(Rule[str]):
    """An http(s) URL with a host, or '': 'not a URL' is said here, not as 'unreachable'."""

    example: str = "http://localhost:11434/v1"
    """Shown in the message: what such a server's URL looks like."""
    echo = False

    def check(self, value: object) -> str:
        text = Text().check(value).strip()
        if not text:
            return ""
        rule = Invalid("is not a URL: it needs http:// or https:// and a host, "
                       f"e.g. {self.example}")
        try:
            parts = urlsplit(text)
            parts.port  # noqa: B018 (raises ValueError on a bad port)
        except ValueError:
            raise rule from None
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise rule
        return text


class Key(Rule[Secret]):
    """An API key: kept in a `Secret`, never echoed."""

    echo = False

    def check(self, value: object) -> Secret:
        return Secret(Text().check(value).strip())


class Folder(Rule[Path]):
    def check(self, value: object) -> Path:
        text = value.strip() if isinstance(value, str) else ""
        if not text:
            raise Invalid("must be a folder path in quotes")
        return Path(text).expanduser()


class Folders(Rule[list[Path]]):
    """A TOML list of paths, or one string of them joined by os.pathsep (a variable)."""

    def check(self, value: object) -> list[Path]:
        items = value if isinstance(value, list) else Text().check(value).split(os.pathsep)
        text = Text()
        return [Path(text.check(v)).expanduser() for v in items if text.check(v)]
