"""Text Whisper makes up on trailing silence or noise, learnt from video subtitles: "Thank you
very much for watching, see you in the next video. Bye bye!", packed into the last fraction of
a second after the real words. Such a segment is dropped, never the candidate's words."""

from __future__ import annotations

import re

MAX_WORDS_PER_S = 10.0
"""Fast speech is 4-5 words a second; a segment far above it was not spoken."""
MIN_WORDS_FOR_RATE = 4

_OUTRO = re.compile(
    r"thanks?( you)?( (very|so) much)? for (watching|listening|viewing)"
    r"|(see you|i'll see you|we'll see you)( all)? (in the next (video|one|episode)|next time)"
    r"|(please |don't forget to )?(like and )?subscribe( to (my|the|our) channel)?"
)
_FILLER = re.compile(r"\b(and|bye|bye-bye|goodbye|thank you|thanks|everyone|guys|again)\b")


def made_up(text: str, start: float, end: float) -> bool:
    """Whether a decoded segment is a subtitle outro or a burst of words no one can say in the
    time it spans (rather than the candidate's speech)."""
    words = re.findall(r"[a-z0-9']+", text.lower())
    if len(words) >= MIN_WORDS_FOR_RATE and len(words) > MAX_WORDS_PER_S * max(end - start,
                                                                               0.0):
        return True
    plain = " ".join(words)
    if not _OUTRO.search(plain):
        return False
    rest = _FILLER.sub(" ", _OUTRO.sub(" ", plain))
    return not rest.strip()
