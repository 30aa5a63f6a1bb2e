"""Where a text is cut into the pieces a neural voice synthesises one at a time (Piper, and a
speech server): the first piece short, so the first sound comes after a short synthesis while
the rest is synthesised as it plays; long sentences cut at a comma. Prefix-stable, so a text
that grows (a streamed follow-up) keeps the cuts already spoken."""

from __future__ import annotations

from interviewer.speech.sentences import split_sentences

LEAD_WORDS = (3, 8)
"""The opening piece of a text: this many words, cut at a comma or before a joining word."""
SHORT_LEAD_WORDS = (3, 6)
"""Without a comma in LEAD_WORDS, the lead is cut this short (synthesised in ~50 ms rather than
100-350 ms): before a joining word or a preposition, or after a question's subject ('What
would you | do...')."""
LONG_WORDS = (8, 20)
"""Later sentences are cut at a comma after this many words (a shorter piece also needs less
memory: Piper's working memory grows with the length of what it synthesises)."""
REST_MIN_WORDS = 3
_JOINING = frozenset((
    "whether", "if", "when", "while", "because", "since", "so", "and", "or", "but", "that",
    "which", "who", "without", "before", "after", "than", "unless", "until",
    "where", "how", "what", "why", "instead", "rather",
))
_PREPOSITIONS = frozenset((
    "in", "on", "at", "for", "from", "with", "about", "over", "into", "by", "between",
    "against", "across", "within", "through", "during", "without", "per", "to",
))
_AUXILIARIES = frozenset((
    "would", "should", "could", "will", "can", "do", "does", "did", "is", "are", "was", "were",
    "might", "must", "shall", "have", "has",
))
_ASKING = frozenset((
    "what", "how", "why", "which", "who", "whom", "when", "where", "whose",
    *_AUXILIARIES,
))
"""A sentence opening with one of these is a question: its short lead sounds natural. A
statement's opening noun phrase alone ('A mail app | with...') was heard worse by the
transcriber (mean WER over the bank questions 0.054 against 0.044), so it keeps LEAD_WORDS."""
_SUBJECTS = frozenset(("you", "we", "they", "i", "it", "he", "she", "users", "people"))


def _complete(sentence: str) -> bool:
    return sentence.rstrip("\"')]”’").endswith((".", "!", "?", "…"))


def _cut(sentence: str, low: int, high: int, joining: bool) -> tuple[str, str] | None:
    """Where to cut a sentence after `low`..`high` words, leaving REST_MIN_WORDS or more: at
    the earliest comma (semicolon, colon) in that window, else (when `joining`) before the
    earliest joining word ('whether', 'and'...). Only once the window is all there (or the
    sentence is complete), so that text still arriving never moves a cut already made."""
    words = sentence.split(" ")
    if len(words) < high + REST_MIN_WORDS and not _complete(sentence):
        return None
    window = range(low, min(high, len(words) - REST_MIN_WORDS) + 1)
    for n in window:
        if words[n - 1].endswith((",", ";", ":")):
            return " ".join(words[:n]), " ".join(words[n:])
    for n in window if joining else ():
        if words[n].lower().strip("\"'“‘(") in _JOINING:
            return " ".join(words[:n]), " ".join(words[n:])
    return None


def _short_lead(sentence: str) -> tuple[str, str] | None:
    """A short natural opening: at a comma (LEAD_WORDS), else (SHORT_LEAD_WORDS) before a
    joining word or a preposition, or after a question's auxiliary and subject ('How would
    you | know...'). Decided only once the window is all there, like `_cut`."""
    words = sentence.split(" ")
    low, high = SHORT_LEAD_WORDS
    if len(words) < LEAD_WORDS[1] + REST_MIN_WORDS and not _complete(sentence):
        return None
    last = len(words) - REST_MIN_WORDS
    for n in range(LEAD_WORDS[0], min(LEAD_WORDS[1], last) + 1):  # a comma: the natural pause
        if words[n - 1].endswith((",", ";", ":")):
            return " ".join(words[:n]), " ".join(words[n:])
    bare = [w.lower().strip("\"'“”‘’(),;:") for w in words]
    if bare[0] not in _ASKING:
        return None
    window = range(low, min(high, last) + 1)
    for n in window:
        if bare[n] in _JOINING or bare[n] in _PREPOSITIONS:
            return " ".join(words[:n]), " ".join(words[n:])
    for n in window:
        if bare[n - 1] in _SUBJECTS and bare[n - 2] in _AUXILIARIES:
            return " ".join(words[:n]), " ".join(words[n:])
    return None


def piper_pieces(text: str, *, short_lead: bool = True) -> list[str]:
    """Sentences, cut finer where it helps a neural voice: the first sentence's opening words
    are a piece of their own ('How would you know | whether ...'), so the first sound comes
    after a short synthesis while the rest is synthesised as it plays, and a long sentence
    is cut at a comma. Prefix-stable: text that grows (a streamed follow-up) keeps its cuts.
    `short_lead=False`: the earlier, longer lead (LEAD_WORDS only), the bench's baseline."""
    pieces: list[str] = []
    for i, sentence in enumerate(split_sentences(text)):
        rest = sentence
        if i == 0:
            lead = ((_short_lead(rest) if short_lead else None)
                    or _cut(rest, LEAD_WORDS[0], LEAD_WORDS[1], joining=True))
            if lead is not None:
                pieces.append(lead[0])
                rest = lead[1]
        while (cut := _cut(rest, *LONG_WORDS, joining=False)) is not None:
            pieces.append(cut[0])
            rest = cut[1]
        pieces.append(rest)
    return pieces
