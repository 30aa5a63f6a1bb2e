"""What a terse form says that prose spreads over more words: one reading for every form.

A ~90-word answer, a typed list under headers and prose make the same points; the terse forms
just pack them: a clause after a semicolon is a sentence, a header labels the items under it,
and "I'd rather be slow than cut people off, since..." names the tension it takes a side on.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from interviewer.coach.cues_concepts import Family
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
    return u.piece.bullet and not u.piece.text.lstrip().startswith(_LIST_MARK)


def names_both_sides(u: Unit) -> bool:
    """A side taken between two named sides, with its reason: the tension and the side at
    once, as prose says in two sentences ("The trade-off is A against B. I'd take A, since")."""
    return u.reason and bool(_TWO_SIDES.search(u.piece.text))


def short_and_dense(units_: Sequence[Unit]) -> bool:
    """Eight sentences or fewer, three quantities or more, two in three of them committing: a
    ~90-word answer names its subject once and spends the rest on specifics, so a share of
    sentences repeating the question's words says less about it than about a long one."""
    return (0 < len(units_) <= SHORT_ANSWER_UNITS
            and sum(1 for u in units_ if u.number) >= DENSE_NUMBERS
            and sum(1 for u in units_ if u.committed) >= DENSE_SHARE * len(units_))


_MARKUP = re.compile(r"^[\s#*_>]+|[\s*_:]+$")
_ITEM_MARK = re.compile(r"^\s*(?:[-*\u2022\u2013]|\d+[.)])\s*")


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
