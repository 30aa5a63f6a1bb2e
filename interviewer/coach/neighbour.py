"""An answer to a neighbouring question about the same product: its move, counted fairly.

The neighbour's cues are words (a price, a package, a charge), and the prompt's own product can
use the same words in another sense: a doorbell's "package alerts" are deliveries, not a pricing
package. A word the prompt itself uses names the product, so it never counts as the neighbour's
move; otherwise an answer about the prompt's own feature read as answering the neighbour.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from interviewer.coach.cues_asks import MOVES, NEIGHBOUR_AT_LEAST, NEIGHBOUR_MOVES
from interviewer.coach.text import stem
from interviewer.coach.units import Unit


def _prompt_stems(prompt: str) -> frozenset[str]:
    return frozenset(stem(w) for w in re.findall(r"[a-z]+", prompt.lower()))


def _makes(move: re.Pattern[str], text: str, own: frozenset[str]) -> bool:
    """The sentence makes the neighbour's move with a word that is not the prompt's own."""
    return any(not (len(m.group(0).split()) == 1 and stem(m.group(0).lower()) in own)
               for m in move.finditer(text))


def answers_neighbour(said: Sequence[Unit], asks: Sequence[str], prompt: str) -> bool:
    """More of the answer makes a neighbouring question's move (pricing it) than any move this
    prompt asks for, and the prompt never raised that neighbour: it answers the neighbour."""
    asked = max(sum(1 for u in said if MOVES[a].search(u.piece.text)) for a in asks)
    own = _prompt_stems(prompt)
    return any(not raised.search(prompt)
               and (n := sum(1 for u in said if _makes(move, u.piece.text, own)))
               >= NEIGHBOUR_AT_LEAST and n > asked
               for _, raised, move in NEIGHBOUR_MOVES)
