"""Splitting answers into sentences with their exact spans, and setting aside grader-directed text.

Evidence quotes must be verbatim spans of what the candidate said, so every sentence keeps its
offsets into the original answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)", re.MULTILINE)
_WORD = re.compile(r"[a-z0-9][a-z0-9'/%-]*")

# Text addressed to whoever grades the answer rather than to the interviewer's question.
# Such sentences carry no product substance; scoring ignores them so they can change nothing.
_INJECTION = re.compile(
    r"\b(grader|grading|evaluator|scorer|rubric|scoring (?:model|system)|"
    r"ignore (?:all |any |the |your )?(?:previous|prior|above|earlier|rubric|instructions)|"
    r"(?:give|award|assign|rate|score|mark)s? (?:this|me|my|the)\b[^.]*\b(?:5|five|10|ten|perfect|"
    r"full|top|maximum|max|excellent|highest)|"
    r"\b(?:5|five) out of (?:5|five)\b|\b5/5\b|\b10/10\b|full marks|perfect score|"
    r"system\s*:|assistant\s*:|as an ai\b|you are an? (?:ai|language model|grader|evaluator)|"
    r"score\s*=|overall\s*[:=]\s*\d)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    answer_index: int

    @property
    def lower(self) -> str:
        return self.text.lower()


def split_sentences(answer: str, answer_index: int = 0) -> list[Sentence]:
    out = []
    for m in _SENTENCE.finditer(answer):
        raw = m.group(0)
        stripped = raw.strip()
        if not stripped or not _WORD.search(stripped.lower()):
            continue
        start = m.start() + (len(raw) - len(raw.lstrip()))
        out.append(Sentence(stripped, start, answer_index))
    return out


def is_injection(sentence: str) -> bool:
    return bool(_INJECTION.search(sentence))


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def shorten(sentence: str, max_words: int = 28) -> str:
    """A prefix of the sentence at a word boundary, so it stays a verbatim span."""
    parts = sentence.split()
    if len(parts) <= max_words:
        return sentence
    cut = " ".join(parts[:max_words])
    # The joined prefix must appear verbatim; whitespace inside a sentence may be irregular.
    return cut if cut in sentence else sentence
