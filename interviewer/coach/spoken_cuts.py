"""What a clause of a spoken run keeps of the clause after it: the reason the cut left there.

A transcript has few full stops, so a long run is cut into clauses (`text.units`), and one cut
falls before every "so" and "because". Typed, "Valentine's Day is our busiest week, so launching
then gets the most usage" is one sentence with its consequence, read as argued; transcribed,
"so valentine's day is the busiest week of the year for us | so launching then gets the most
usage" leaves the claim without its reason and the reason without its claim. The cut is ours,
not the speaker's: a clause followed, in the same run, by one that opens with a reason's marker
is read with it, as the typed sentence is (`echoed_reason.argues`, so a reason that only hands
the prompt back still argues nothing).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from interviewer.coach.echoed_reason import argues
from interviewer.coach.hype import hype_reason
from interviewer.coach.units import Unit

_OPENS_A_REASON = re.compile(
    r"^\s*(?:(?:um+|uh+|and|you know),?\s+)*(?:so|because|since|which means|that means|"
    r"so that|that way|otherwise)\b(?!\s+(?:far|much|many|um|uh|like|yeah|okay|ok|basically)\b)",
    re.IGNORECASE)


def reasons_across_cuts(units_: Sequence[Unit], prompt_stems: frozenset[str],
                        answers: Sequence[str]) -> list[Unit]:
    """Each clause of a spoken run, reasoned when the next clause of the same run opens with a
    reason's marker, with no punctuation between them (where the writer put a comma, the cut is
    theirs: typed prose is read as typed), and the two, read as one sentence, argue something of
    their own."""
    out = list(units_)
    for i, u in enumerate(units_[:-1]):
        nxt = units_[i + 1]
        if (u.reason or u.sentence < 0 or nxt.sentence != u.sentence
                or u.buzzwords or u.narration or nxt.buzzwords or nxt.narration
                or not _OPENS_A_REASON.match(nxt.piece.text)
                or _PUNCTUATED.search(_between(u, nxt, answers))):
            continue
        joined = f"{u.piece.text}, {nxt.piece.text.lstrip()}"
        if argues(joined, prompt_stems) and not hype_reason(joined):
            out[i] = replace(u, reason=True)
    return out


_PUNCTUATED = re.compile(r"[,;:.!?\n]")


def _between(u: Unit, nxt: Unit, answers: Sequence[str]) -> str:
    """What the answer says between two clauses: the cut's punctuation, if any."""
    text = answers[u.piece.answer_index] if u.piece.answer_index < len(answers) else ""
    return text[u.piece.start + len(u.piece.text):nxt.piece.start]
