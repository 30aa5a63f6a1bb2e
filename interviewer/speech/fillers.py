"""Filler words and preamble in a timed transcript: the rules, written down.

Pure functions over the word tokens Whisper gives (`"So,"`, `"that's"`, `"question."`): no audio,
no Textual. Whisper punctuates what it hears, and the rules lean on that punctuation, because a
discourse "like" or "you know" is the one set off by commas. When a use is ambiguous the rules
do **not** count it: a candidate is better served by a count that misses a filler than by one
that calls a real word a filler.

Sentences start at the first word, after a word ending in `.`, `?` or `!`, and after a silence
of `SENTENCE_GAP_S`; "first in a sentence" below allows fillers before it ("Um, so, ...").
Clauses are sentences cut again at commas, colons and semicolons.

What counts as a filler (each instance counts once, a phrase of two words too):

- **Hesitation sounds**, always: um, umm, uh, uhh, uhm, er, err, erm, hmm, mm.
- **basically**, always (it almost never carries meaning in an answer); **kinda**, **sorta**.
- **actually, literally, honestly, obviously** only when set off: first in a sentence, or with
  a comma just before or after ("Actually, ..."; "the users, honestly, ..."). "what users
  actually do" is not a filler.
- **like** only when it cannot be the verb or the preposition: followed by a comma or ending a
  sentence ("and, like, the ..."), doubled ("like like"), or right after another filler ("um
  like"); and never after a word that takes "like" as a verb or preposition (I'd, would, we,
  looks, seems, sounds, feel, something, things, more, just, ...: "I'd like to", "looks like",
  "something like five"), unless a comma parts them ("new users, like, everywhere").
  "segments, like new users" (meaning *such as*) is not counted.
- **you know** when followed by a comma or ending a sentence ("You know, the metric ...";
  "..., you know?"), not after do/did/if/as/what/that/how ("do you know", "as you know,");
  and the whole phrase **you know what I mean**.
- **I mean** when followed by a comma or ending a sentence ("I mean, ..."), not after what/if.
- **kind of / sort of** as hedges, i.e. not after a determiner or a quantifier ("what kind
  of users", "this sort of model", "any kind of ...") nor before "thing(s)".
- **so** as the first word of a sentence ("So, the first thing ..."; "So my goal is ..."),
  except "so that", "so far", "so much", "so many", "so long".
- **well** first in a sentence and followed by a comma ("Well, ...").

Preamble (for the time to the first point): a clause is preamble when, once its fillers and
acknowledgement words (okay, alright, sure, right, yeah, yes, well, great, cool, interesting,
I see ...) are taken out, it is empty or one of the stock openers: "that's a (really) great /
good / interesting / tough question", "good one", "thanks for the question", "let me think
(about that) (for a moment)", "let me see", "give me a second", "let me take a moment (to
think)", "let me gather my thoughts", "how would I approach this".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

SENTENCE_GAP_S = 2.0
"""A silence this long between two words starts a new sentence even without punctuation."""

HESITATIONS = frozenset(("um", "umm", "uh", "uhh", "uhm", "er", "err", "erm", "hmm", "hm",
                         "mm", "mmm"))
ALWAYS = frozenset(("basically", "kinda", "sorta"))
SET_OFF = frozenset(("actually", "literally", "honestly", "obviously"))
LIKE_TAKERS = frozenset((
    # subjects and contractions that make "like" the verb: "I'd like", "users like"
    "i", "you", "we", "they", "he", "she", "who", "people", "users", "customers", "someone",
    "anyone", "everyone", "nobody", "i'd", "you'd", "we'd", "they'd", "he'd", "she'd", "who'd",
    "it'd", "that'd", "would", "could", "should", "might", "will", "may", "do", "does", "did",
    "don't", "doesn't", "didn't", "not", "to", "really", "also", "still",
    # verbs and words that take "like" as a preposition: "looks like", "something like"
    "look", "looks", "looked", "looking", "seem", "seems", "seemed", "sound", "sounds",
    "sounded", "feel", "feels", "felt", "feeling", "act", "acts", "something", "anything",
    "nothing", "everything", "things", "stuff", "more", "much", "most", "less", "exactly",
    "just", "unlike", "likely",
))
YOU_KNOW_OPENERS = frozenset(("do", "did", "don't", "didn't", "if", "as", "when", "whether",
                              "what", "that", "how", "now", "since", "unless", "would"))
I_MEAN_OPENERS = frozenset(("what", "if", "do", "did", "that"))
HEDGE_BLOCKERS = frozenset((
    "a", "an", "the", "this", "that", "these", "those", "what", "which", "whatever", "any",
    "some", "every", "each", "one", "same", "other", "another", "different", "all", "no",
    "many", "several", "various", "its", "their", "our", "my", "your", "his", "her", "right",
    "wrong", "new", "main", "first", "second", "only", "particular", "certain", "specific",
))
YOU_KNOW_WHAT_I_MEAN = ["you", "know", "what", "i", "mean"]
SO_NOT_FILLER_NEXT = frozenset(("that", "far", "much", "many", "long"))

ACKNOWLEDGEMENTS = frozenset(("okay", "ok", "alright", "sure", "right", "yeah", "yes", "yep",
                              "well", "so", "great", "cool", "interesting", "hmm", "oh", "ah",
                              "alrighty"))
_ADJ = r"(?:(?:really|very|such|great|good|interesting|tough|hard|fair|excellent|fantastic|" \
       r"nice|fun|big|difficult|tricky|lovely|cool) )*"
PREAMBLE_PATTERNS = tuple(re.compile(p) for p in (
    rf"^(?:(?:that's|that is|what|it's|it is|this is|such) )?(?:(?:a|an) )?{_ADJ}"
    r"(?:question|one)$",
    r"^(?:thanks|thank you)(?: (?:so much|very much))?(?: for (?:the|that|this|asking)"
    r"(?: question)?)?$",
    r"^all right$",
    r"^i see$",
    r"^let me (?:think|see|pause|reflect|start|begin)(?: (?:about|on) (?:that|this|it))?"
    r"(?: for (?:a|one) (?:second|sec|moment|minute|bit))?(?: here)?$",
    r"^(?:let me |give me |i need |i'll need |i'll take |let me take |i'd like )"
    r"(?:a|one|just a) (?:quick )?(?:second|sec|moment|minute|bit)(?: to think)?"
    r"(?: (?:about|on) (?:that|this|it))?$",
    r"^let me (?:gather|collect|organize|organise) my thoughts$",
    r"^(?:so )?how (?:would|do|should|will) i (?:approach|think about|tackle) "
    r"(?:this|that|it)$",
))


@dataclass(frozen=True)
class Token:
    """One spoken word, normalised, with what the punctuation after it says."""

    index: int
    """Its position in the transcript's word list."""
    norm: str
    """Lower case, curly quotes straightened, surrounding punctuation removed."""
    start: float
    end: float
    comma_after: bool
    sentence_end: bool
    sentence_start: bool


@dataclass(frozen=True)
class Filler:
    phrase: str
    """The rule's name for it: 'um', 'like', 'you know', 'kind of', 'so', ..."""
    start: float
    indices: tuple[int, ...]
    """Positions of its words in the transcript's word list."""


_EDGE = re.compile(r"^[^\w']+|[^\w']+$")


def normalise(word: str) -> str:
    """'So,' -> 'so'; '“That’s' -> "that's"; '...' -> ''."""
    text = word.strip().lower().replace("\u2019", "'").replace("\u2018", "'")
    return _EDGE.sub("", text).strip("'")


def is_word(word: str) -> bool:
    """Whisper sometimes gives punctuation alone ('-', '...'): that is not a word."""
    return any(ch.isalnum() for ch in word)


def tokens(words: Iterable[tuple[float, float, str]]) -> list[Token]:
    """Timed words (start, end, text) as Tokens; punctuation-only entries are dropped."""
    out: list[Token] = []
    prev_end: float | None = None
    ended = True
    for index, (start, end, text) in enumerate(words):
        if not is_word(text):
            if out and text.strip()[:1] in ".?!":
                ended = True
            continue
        raw = text.strip()
        gap = start - prev_end if prev_end is not None else 0.0
        out.append(Token(index, normalise(raw), start, end,
                         comma_after=raw.endswith((",", ";", ":", "—", "-")),
                         sentence_end=raw.rstrip("\"')”’").endswith((".", "?", "!", "…")),
                         sentence_start=ended or gap >= SENTENCE_GAP_S))
        ended = out[-1].sentence_end
        prev_end = end
    return out


def _stop(t: Token) -> bool:
    """A pause in the sentence after this word: a comma, or the sentence's end."""
    return t.comma_after or t.sentence_end


def _before_thing(t: Token | None) -> bool:
    """'that kind of thing': the noun, not a hedge."""
    return t is not None and t.norm in ("thing", "things")


def find_fillers(toks: Sequence[Token]) -> list[Filler]:
    """Every filler in order, by the rules in this module's docstring."""
    found: list[Filler] = []
    used: set[int] = set()
    n = len(toks)

    def at(i: int) -> Token | None:
        return toks[i] if 0 <= i < n else None

    def add(phrase: str, *positions: int) -> None:
        found.append(Filler(phrase, toks[positions[0]].start,
                            tuple(toks[p].index for p in positions)))
        used.update(positions)

    opening = False
    for i, t in enumerate(toks):
        # First in its sentence, or preceded in it only by fillers ("Um, so, ...").
        opening = t.sentence_start or (opening and (i - 1) in used)
        if i in used:
            continue
        prev, nxt = at(i - 1), at(i + 1)
        before = prev.norm if prev is not None and not t.sentence_start else ""
        set_off = opening or t.comma_after or (prev is not None and prev.comma_after)
        w = t.norm
        # A comma between them breaks "users like" / "I'd like": "users, like, ..."
        taken = before in LIKE_TAKERS and not (prev is not None and prev.comma_after)
        if w in HESITATIONS or w in ALWAYS or (w in SET_OFF and set_off):
            add(w, i)
        elif w == "like" and not taken and (_stop(t) or before == "like" or (i - 1) in used):
            add("like", i)
        elif w == "you" and [x.norm for x in toks[i:i + 5]] == YOU_KNOW_WHAT_I_MEAN and not any(
                _stop(x) for x in toks[i:i + 4]):
            add("you know what I mean", *range(i, i + 5))
        elif (w == "you" and nxt is not None and nxt.norm == "know" and not _stop(t)
              and _stop(nxt) and before not in YOU_KNOW_OPENERS):
            add("you know", i, i + 1)
        elif (w == "i" and nxt is not None and nxt.norm == "mean" and not _stop(t)
              and _stop(nxt) and before not in I_MEAN_OPENERS):
            add("I mean", i, i + 1)
        elif (w in ("kind", "sort") and nxt is not None and nxt.norm == "of" and not _stop(t)
              and before not in HEDGE_BLOCKERS and not _before_thing(at(i + 2))):
            add(f"{w} of", i, i + 1)
        elif w == "so" and opening and (
                nxt is None or _stop(t) or nxt.norm not in SO_NOT_FILLER_NEXT):
            add("so", i)
        elif w == "well" and opening and t.comma_after:
            add("well", i)
    return found


def clauses(toks: Sequence[Token]) -> list[list[Token]]:
    """Tokens cut at sentence starts and after commas (the units preamble is judged in)."""
    out: list[list[Token]] = []
    for t in toks:
        if not out or t.sentence_start or _stop(out[-1][-1]):
            out.append([])
        out[-1].append(t)
    return out


def is_preamble(words: Sequence[str]) -> bool:
    """Normalised words of a clause with its fillers taken out: stock opener, or nothing?"""
    kept = [w for w in words if w not in ACKNOWLEDGEMENTS]
    if not kept:
        return True
    text = " ".join(kept)
    return any(p.match(text) for p in PREAMBLE_PATTERNS) or any(
        p.match(" ".join(words)) for p in PREAMBLE_PATTERNS)


def first_point(toks: Sequence[Token], fillers: Sequence[Filler]) -> Token | None:
    """The first word of substance: in the first clause that is neither filler nor preamble,
    its first word that is not a filler. None when every clause is preamble."""
    filler_words = {i for f in fillers for i in f.indices}
    for clause in clauses(toks):
        kept = [t for t in clause if t.index not in filler_words]
        if kept and not is_preamble([t.norm for t in kept]):
            lead = next((t for t in kept if t.norm not in ACKNOWLEDGEMENTS), kept[0])
            return lead
    return None
