"""Word error rate, with the text normalisation that makes two transcripts comparable.

Normalising: lower case, punctuation dropped, hyphens and slashes split words, numbers and
percentages written out as spoken ("10%" -> "ten percent", "2.5" -> "two point five").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_SCALES = ((1_000_000_000, "billion"), (1_000_000, "million"), (1000, "thousand"))
_ORDINAL_SUFFIX = re.compile(r"^(\d+)(st|nd|rd|th)$")
_SPELLINGS = {"ok": "okay", "alright": "all right", "labelled": "labeled", "labelling": "labeling",
              "modelling": "modeling", "cancelled": "canceled", "favour": "favor",
              "behaviour": "behavior", "colour": "color", "prioritise": "prioritize",
              "organisation": "organization", "optimise": "optimize"}
_COMPOUNDS = {("off", "line"): "offline", ("on", "line"): "online",
              ("guard", "rails"): "guardrails", ("guard", "rail"): "guardrail",
              ("play", "list"): "playlist", ("play", "lists"): "playlists",
              ("road", "map"): "roadmap"}
"""Words Whisper writes either joined or split; both sides are joined before comparing."""


def _below_thousand(n: int) -> list[str]:
    out: list[str] = []
    if n >= 100:
        out += [_ONES[n // 100], "hundred"]
        n %= 100
    if n >= 20:
        out.append(_TENS[n // 10])
        n %= 10
        if n:
            out.append(_ONES[n])
    elif n or not out:
        out.append(_ONES[n])
    return out


def number_words(n: int) -> list[str]:
    """42 -> ['forty', 'two']; 1500 -> ['one', 'thousand', 'five', 'hundred']."""
    if n == 0:
        return ["zero"]
    out: list[str] = []
    for scale, name in _SCALES:
        if n >= scale:
            out += [*_below_thousand(n // scale), name]
            n %= scale
    if n:
        out += _below_thousand(n)
    return out


_ORDINALS = {"one": "first", "two": "second", "three": "third", "five": "fifth",
             "eight": "eighth", "nine": "ninth", "twelve": "twelfth"}


def ordinal_words(n: int) -> list[str]:
    """3 -> ['third']; 21 -> ['twenty', 'first']."""
    out = number_words(n)
    last = out[-1]
    if last in _ORDINALS:
        out[-1] = _ORDINALS[last]
    elif last.endswith("y"):
        out[-1] = last[:-1] + "ieth"
    else:
        out[-1] = last + "th"
    return out


def _spell_number(token: str) -> list[str]:
    token = token.replace(",", "")
    if "." in token:
        whole, _, frac = token.partition(".")
        return [*number_words(int(whole or "0")), "point", *(_ONES[int(d)] for d in frac)]
    return number_words(int(token))


def normalize(text: str) -> list[str]:
    """Lower-cased words, punctuation gone, numbers as spoken."""
    text = text.lower().replace("%", " percent ").replace("&", " and ")
    text = re.sub(r"(?<=\d),(?=\d{3})", "", text)
    text = re.sub(r"[-/–—]", " ", text)
    text = re.sub(r"(\d)(?!(?:st|nd|rd|th)\b)([a-z])", r"\1 \2", text)
    words: list[str] = []
    for raw in re.findall(r"[a-z0-9.']+", text):
        token = raw.strip(".'")
        if not token:
            continue
        m = _ORDINAL_SUFFIX.match(token)
        if m:
            words += ordinal_words(int(m.group(1)))
        elif re.fullmatch(r"\d+(\.\d+)?", token):
            words += _spell_number(token)
        elif re.fullmatch(r"\d[\d.]*", token):
            for part in token.split("."):
                if part:
                    words += _spell_number(part)
        else:
            token = token.replace(".", "").replace("'", "")
            words += _SPELLINGS.get(token, token).split()
    return _join_compounds(words)


def _join_compounds(words: list[str]) -> list[str]:
    out: list[str] = []
    for w in words:
        if out and (out[-1], w) in _COMPOUNDS:
            out[-1] = _COMPOUNDS[(out[-1], w)]
        else:
            out.append(w)
    return out


def edit_distance(ref: Sequence[str], hyp: Sequence[str]) -> int:
    """Levenshtein distance over words (substitutions, insertions, deletions)."""
    prev = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        cur = [i]
        for j, h in enumerate(hyp, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (r != h)))
        prev = cur
    return prev[-1]


def wer(reference: str, hypothesis: str) -> float:
    """Word error rate of `hypothesis` against `reference`, after normalising both."""
    ref, hyp = normalize(reference), normalize(hypothesis)
    if not ref:
        return 0.0 if not hyp else 1.0
    return edit_distance(ref, hyp) / len(ref)
