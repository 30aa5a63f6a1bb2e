"""A prompt that states its trade-off names both sides; an answer that weighs it names the other.

"Leadership wants AI highlight reels within five minutes of the final whistle, instead of the
editors' reels an hour later. What trade-offs would you weigh?" sets the AI reel against the
editors' one. A polished answer about personalising the reels per fan makes a call and tests it,
for another question about the same reels: it never mentions the editors or the hour, the side
the prompt set against the feature. An interviewer notices that the trade-off asked was never
weighed. An answer that picks either side, or a mix, names the other side's words.

Read narrowly: only a typed prompt that asks about trade-offs and states the alternative in the
same sentence as "instead of", "rather than" or ", or"; only the alternative's own subject words
(not said on the feature's side of the sentence); any one of them said anywhere is enough. On the
dev split (893 answers) two prompts state their trade-off so; it fires on one off-question answer
and on none of the other eleven answers to them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from interviewer.banks import Question
from interviewer.coach.relevance import subject_terms
from interviewer.coach.text import split_sentences

_TRADE_OFF_ASK = re.compile(r"\btrade-?offs?\b", re.IGNORECASE)
_OTHER_SIDE = re.compile(r"\b(?:instead of|rather than)\s+|,\s+or\s+", re.IGNORECASE)


def other_side(prompt: str) -> set[str]:
    """The subject words of the alternative a trade-off prompt sets against its feature, that
    the feature's side of the sentence does not say (empty: no stated alternative)."""
    if not _TRADE_OFF_ASK.search(prompt):
        return set()
    for sentence in split_sentences(prompt):
        m = _OTHER_SIDE.search(sentence.text)
        if m is None:
            continue
        feature = set(subject_terms(sentence.text[: m.start()]))
        return set(subject_terms(sentence.text[m.end():])) - feature
    return set()


def never_weighs_the_other_side(question: Question, sentences: Sequence[str]) -> bool:
    """The typed prompt states the side set against its feature; the answer never names it."""
    if question.outline:
        return False
    side = other_side(question.prompt)
    return bool(side) and bool(sentences) and not side & set(subject_terms(" ".join(sentences)))
