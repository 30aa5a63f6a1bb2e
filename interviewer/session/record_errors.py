"""A session.json that does not validate, said as one line a person can act on ("question 1,
exchange 2: 'answer' should be text"), from pydantic's first error."""

from __future__ import annotations

from pydantic_core import ErrorDetails

_TYPE_WORDS = {"string_type": "text", "int_type": "a number", "float_type": "a number",
               "bool_type": "true or false", "list_type": "a list", "dict_type": "a table",
               "model_type": "a table", "model_attributes_type": "a table"}
_TAGS = ("str", "int", "float", "bool", "dict", "list", "none")


def _is_tag(part: str) -> bool:
    """A union member's name in an error's location (`str`, `AudioFile`), not a key."""
    return part in _TAGS or part[:1].isupper() or "[" in part or "-" in part


def error_line(error: ErrorDetails) -> str:
    """One pydantic error as a line a person can act on ("question 1, exchange 2: ...")."""
    loc = list(error["loc"])
    where: list[str] = []
    keys: list[str] = []
    i = 0
    while i < len(loc):
        part, nxt = loc[i], loc[i + 1] if i + 1 < len(loc) else None
        if isinstance(part, str) and isinstance(nxt, int):
            where.append(f"{part.removesuffix('s')} {nxt + 1}")  # question 1, exchange 2
            i += 2
            continue
        if part == "question" and where and not keys and nxt is not None:
            i += 1  # the recorded question's own fields: "question 1: 'id' is missing"
            continue
        if isinstance(part, str) and not _is_tag(part):
            keys.append(part)
        i += 1
    key = ".".join(keys)
    kind = error["type"]
    if kind in _TYPE_WORDS and not key and where:
        return f"session.json: {', '.join(where)} is not {_TYPE_WORDS[kind]}"
    if kind == "missing":
        what = f"'{key}' is missing"
    elif kind in _TYPE_WORDS:
        what = f"'{key}' should be {_TYPE_WORDS[kind]}"
    elif kind == "literal_error":
        what = f"unknown {key} '{error['input']}'"
    elif kind == "too_short":
        what = f"'{key}' is empty"
    elif kind == "value_error":
        what = str(error["msg"]).removeprefix("Value error, ")
        if what.startswith("exchange "):
            head, _, what = what.partition(": ")
            where.append(head)
    else:
        what = f"'{key}': {error['msg']}" if key else str(error["msg"])
    return f"session.json: {', '.join(where)}: {what}" if where else f"session.json: {what}"
