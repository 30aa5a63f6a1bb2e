"""Where a text is cut into sentences, each synthesised on its own so speech can start with the
first while the rest is still being synthesised."""

from __future__ import annotations

import re

_BOUNDARY = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+")
_ABBREVIATIONS = frozenset((
    "e.g", "i.e", "etc", "vs", "mr", "mrs", "ms", "dr", "prof", "inc", "ltd", "co", "st", "no",
    "approx", "fig", "cf", "al", "jr", "sr", "u.s",
))


def split_sentences(text: str) -> list[str]:
    """Sentences to synthesise one at a time; abbreviations (e.g., vs.) do not end a sentence."""
    text = " ".join(text.split())
    out: list[str] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        head = text[start:m.end()].strip()
        if text[m.start() - 1] == ".":
            last = head.rstrip("\"'”’)]").rstrip(".").rsplit(" ", 1)[-1].lower().lstrip("(\"'")
            if last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha()):
                continue
        following = text[m.end():m.end() + 1]
        if following.islower():
            continue
        out.append(head)
        start = m.end()
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return out


def speakable(text: str) -> bool:
    return any(ch.isalnum() for ch in text)
