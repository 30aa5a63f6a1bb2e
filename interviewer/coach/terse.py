"""What a terse form says that prose spreads over more words: one reading for every form.

A ~90-word answer, a typed list under headers and prose make the same points; the terse forms
just pack them: a clause after a semicolon is a sentence, a header labels the items under it,
and "I'd rather be slow than cut people off, since..." names the tension it takes a side on.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from interviewer.coach.cues_concepts import DIMENSION_FAMILIES, Family
from interviewer.coach.units import SHORT_ANSWER_UNITS, Unit

_LIST_MARK = ("-", "*", "\u2022")
DENSE_NUMBERS = 3
DENSE_SHARE = 2 / 3
"""A short answer with this many quantities, and this share of its sentences committing, says
what it is about in its specifics, not in repeated words of the question."""
# A side taken *between two named sides*: "slow rather than cut off", "trust over reach",
# "accept higher payouts for payment in a day", "even at some completion cost".
_TWO_SIDES = re.compile(
    r"\b(?:rather than|than|over|instead of|in exchange for|against|versus|vs\.?|even at "
    r"(?:some|a|the|any) (?:[\w-]+ ){0,2}cost)\b|\b(?:accept\w*|trade\w*|give up|sacrific\w*) "
    r"[^.;:]{3,60}\bfor\b",
    re.IGNORECASE,
)


def clause_of(fam: Family, u: Unit) -> int:
    """Which semicolon-separated clause of the unit names the family: a typed clause after a
    semicolon is a sentence of its own ("Measure minutes per message; guardrails: an audit")."""
    m = fam.pattern.search(u.piece.text)
    return u.piece.text.count(";", 0, m.start()) if m else 0


def is_header(u: Unit) -> bool:
    """A typed header line ("Build first", "What it may do alone"): it labels its items."""
    text = u.piece.text.lstrip()
    # "**Ready when**" is a bold header, not an item marked with "*"
    return u.piece.bullet and (text.startswith("**") or not text.startswith(_LIST_MARK))


# A sentence that draws its consequence from the one before: "So I'd rather be second than first
# on a public failure" takes its side for the reason just given.
_CONSEQUENCE = re.compile(r"^\s*(?:[-*\u2022]\s*)?(?:(?:um|uh|okay|ok|and),?\s+)*(?:so|that's why|"
                          r"which is why|therefore|hence|for that reason)\b", re.IGNORECASE)


# A side followed by a colon and what it spares or costs: "I'd favour precision for removal:
# deleting a real review looks like censorship" gives its reason as a typed sentence gives it.
_COLON_REASON = re.compile(r"^[^:;]{0,100}:\s*[^:;]*\b(?:is|are|was|looks?|means?|costs?|hurts?|"
                           r"carr(?:y|ies)|risks?|loses?|breaks?|makes?|feels?|leads?|gets?|"
                           r"would|will|can|could)\b", re.IGNORECASE)


# A call drawn with "So" from what came before; "so in short" sums up, it draws nothing.
_DRAWN = re.compile(r"^\s*(?:[-*\u2022]\s*)?so\b(?!,? (?:in (?:short|summary|sum|conclusion)|to "
                    r"(?:summari[sz]e|sum up|conclude|recap)|overall|basically|the question)\b)",
                    re.IGNORECASE)


def drawn_sides(units_: Sequence[Unit], found: Sequence[int],
                names: Callable[[Family, str], bool]) -> list[int]:
    """The sides taken, and the calls drawn with "So" from a tension weighed in the three
    sentences before them: "Review costs hours and ten editors. But a mistranslated quote
    damages the brand. So I'd split by risk: ..." takes a side for the reasons just given, as
    "I'd favour accuracy on risky stories, because..." does in one sentence. `names`: whether
    a text names a family (the tension, quality against cost...), as the rubric reads it."""
    tensions = [f for f in DIMENSION_FAMILIES["trade-offs"] if f.name != "side-taken"]
    drawn = [i for i, u in enumerate(units_)  # a sentence's "So"; a spoken run's is a filler
             if u.sentence < 0 and u.decision and _DRAWN.match(u.piece.text)
             and any(names(f, v.piece.text) for f in tensions for v in units_[max(0, i - 3):i])]
    return sorted(set(found) | set(drawn))


def sides_taken(units_: Sequence[Unit], taken: Sequence[Unit]) -> int:
    """Trade-off instances in a side taken alone: one when it carries its reason, in its own
    words or, between two named sides, as the consequence ("so...") of a reason said just
    before ("so I'll take 600 million" after a number is an estimate, not a side); two when it also
    names both sides, as prose says in two sentences ("The trade-off is A against B. I'd take
    A, since..."); none for a bare preference."""
    at = {id(u): i for i, u in enumerate(units_)}
    def reasoned(u: Unit) -> bool:
        i = at.get(id(u), 0)
        before = units_[i - 1] if i > 0 else None
        return u.reason or bool(_COLON_REASON.match(u.piece.text)) or bool(
            _CONSEQUENCE.match(u.piece.text) and _TWO_SIDES.search(u.piece.text)
            and before is not None and (before.reason or before.number))
    def both_named(u: Unit) -> bool:
        """The two sides in its own words, or in the sentence just before it."""
        i = at.get(id(u), 0)
        return bool(_TWO_SIDES.search(u.piece.text)) or (
            i > 0 and bool(_TWO_SIDES.search(units_[i - 1].piece.text)))
    sided = [u for u in taken if reasoned(u)]
    if not sided:
        return 0
    return 2 if any(both_named(u) for u in sided) else 1


def short_and_dense(units_: Sequence[Unit]) -> bool:
    """Eight sentences or fewer, three quantities or more, two in three of them committing: a
    ~90-word answer names its subject once and spends the rest on specifics, so a share of
    sentences repeating the question's words says less about it than about a long one."""
    return (0 < len(units_) <= SHORT_ANSWER_UNITS
            and sum(1 for u in units_ if u.number) >= DENSE_NUMBERS
            and sum(1 for u in units_ if u.committed) >= DENSE_SHARE * len(units_))


_MARKUP = re.compile(r"^[\s#*_>]+|[\s*_:]+$")
_ITEM_MARK = re.compile(r"^\s*(?:[-\u2022\u2013]|\*(?!\*)|\d+[.)])\s*")  # "**" opens bold


def labelled(units_: Sequence[Unit]) -> list[str]:
    """Each unit's text as a reader takes it: a typed item under a header carries the header, as
    the prose form carries it before a colon ("Guardrails\\n- refunds wrongly granted" says
    what "Guardrails: refunds wrongly granted" says). A header labels the typed lines below it,
    up to the next header or the first line of prose."""
    out: list[str] = []
    label = ""
    for u in units_:
        text = u.piece.text
        if is_header(u) and not _ITEM_MARK.match(text):
            label = _MARKUP.sub("", text)
            out.append(text)
        elif label and u.piece.bullet:
            out.append(f"{label}: {_ITEM_MARK.sub('', text, count=1)}")
        else:
            label = ""
            out.append(text)
    return out


def headed(units_: Sequence[Unit], names: Callable[[str], bool]) -> list[int]:
    """The units that name a concept, in their own words or under a header that names it."""
    return [i for i, (u, t) in enumerate(zip(units_, labelled(units_), strict=True))
            if names(u.piece.text) or (t != u.piece.text and names(t))]


_WHY_HEADER = re.compile(r"^(?:why|reasons?|because|rationale)\b", re.IGNORECASE)


def headed_reasons(units_: Sequence[Unit]) -> list[Unit]:
    """Items typed under a "Why" header are reasons, as prose gives them with "because": "Why
    disease first\\n- The decision it informs happens this week" argues the pick the way
    "disease first, because the decision happens this week" does."""
    out = []
    for u, text in zip(units_, labelled(units_), strict=True):
        label = text.split(":", 1)[0] if text != u.piece.text else ""
        if (label and _WHY_HEADER.match(label) and not (u.buzzwords or u.narration)
                and not u.reason):
            u = replace(u, reason=True)
        out.append(u)
    return out
