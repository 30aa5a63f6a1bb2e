"""A string that never shows itself: API keys stay out of reprs, f-strings, logs and files."""

from __future__ import annotations

from typing import Any

MASK = "***"


class Secret:
    """Holds a secret value; only `reveal()` gives it back, at the one place that sends it."""

    __slots__ = ("_value",)

    def __init__(self, value: str = "") -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __bool__(self) -> bool:
        return bool(self._value)

    def __repr__(self) -> str:
        return f"Secret('{MASK}')" if self._value else "Secret('')"

    def __str__(self) -> str:
        return MASK if self._value else ""

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(("Secret", self._value))

    def __reduce__(self) -> Any:
        # Pickling or copying keeps the wrapper (and so the masking), never a bare string.
        return (Secret, (self._value,))


def redact(text: str, *secrets: Secret | str) -> str:
    """`text` with every occurrence of the secrets' values replaced by a mask."""
    for s in secrets:
        value = s.reveal() if isinstance(s, Secret) else s
        if value and len(value) >= 4:
            text = text.replace(value, MASK)
    return text
