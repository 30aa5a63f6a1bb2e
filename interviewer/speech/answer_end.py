"""When a spoken answer ends itself: with an end-of-turn detector (`turn.py`), when after a short
pause both the audio model and the words so far say the candidate has finished; in any case
after `silence_end_s` of silence following speech (the longest wait).

Driven by `StreamingTranscriber`'s worker after every look at the audio; positions are absolute
sample indices on the answer's timeline.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from interviewer.speech.audio import SAMPLE_RATE, Audio
from interviewer.speech.reread import REREAD_S
from interviewer.speech.turn import unfinished_reason

if TYPE_CHECKING:
    from interviewer.speech.turn import Heard, TurnDetector, Verdict

WORDS_QUIET_S = 0.15
"""Quiet after speech before its words go to `AnswerEnd.on_words` (the streaming pass over the
last words starts at the same quiet): a pause, not a gap between two words."""


@dataclass(frozen=True)
class TurnEnd:
    """Where an answer ended itself, on the audio's timeline."""

    at_s: float
    """Audio heard when the end was decided."""
    speech_end_s: float
    """End of the last speech before it (VAD)."""
    reason: str
    """'turn' (the detector: finished) or 'silence' (the longest wait passed)."""
    verdict: Verdict | None = None


class AnswerEnd:
    """Decides, pause by pause, whether the answer has ended; calls `on_end()` when it has."""

    def __init__(self, silence_end_s: float, turn: TurnDetector | None, *, once: bool = True,
                 on_end: Callable[[], None] | None = None,
                 on_words: Callable[[str], None] | None = None) -> None:
        self.silence_end_s = silence_end_s
        self.turn = turn
        self.once = once
        """False: after an end, listen for the next one (`interviewer turns` on a file)."""
        self.on_end = on_end
        self.on_words = on_words
        """Called once per pause with the words up to its start, when they read finished: the
        answer may end on them, so what follows it can be got ready (nothing may be said yet:
        the judges have not decided, and the candidate may go on)."""
        self._told = -1  # the speech end whose pause's words were passed to on_words
        self.turn_ends: list[TurnEnd] = []
        self.verdicts: list[tuple[float, Verdict]] = []
        """Every verdict of the detector, with the audio heard when it was given."""
        self.fired = False
        self._judged: tuple[int, Verdict, str] | None = None  # (speech end, verdict, words)
        self._reread_at = -1  # the speech end whose pause's last chunk was read again
        self._stale = False  # ... and its words not compared yet
        self._rearm_after = -1  # once=False: speech must go on past this sample to end again
        self._resumed = False
        """The candidate went on after a pause the judges held: they pause mid-answer."""

    def check(self, *, total: int, speech_end: int, heard_upto: int, recent: Audio,
              words: Callable[[], tuple[str, Heard]],
              reread: Callable[[Audio, int, int], None] | None = None) -> None:
        """End the answer if the detector says it is finished, or the longest wait passed.

        `total`: audio heard; `speech_end`: end of the last speech; `heard_upto`: where the
        words are known up to; `recent`: the last seconds of audio; `words()`: the words so far,
        and the last of them with Whisper's probabilities; `reread(recent, total,
        speech_end)`: read the last chunk again (`reread.py`), once in a pause the words alone
        keep open.
        """
        if self.fired or speech_end <= self._rearm_after:
            return
        quiet = total - speech_end
        if self.turn is not None:
            if reread is not None and self._reread_due(quiet, speech_end):
                reread(recent, total, speech_end)
                self._reread_at, self._stale = speech_end, True
            if self.on_words is not None and quiet >= WORDS_QUIET_S * SAMPLE_RATE \
                    and heard_upto >= speech_end \
                    and self._told != speech_end and self._reread_at != speech_end:
                self._tell(speech_end, words)  # before the judges: the model takes a while
            verdict = self._verdict(quiet, total, speech_end, heard_upto, recent, words)
            # The verdict is on all the audio heard (the worker drains its queue first): end at
            # once, not on the next block (up to 0.1 s more of dead air).
            if verdict is not None and verdict.wait_s is not None \
                    and quiet >= verdict.wait_s * SAMPLE_RATE:
                self._fire("turn", verdict, total, speech_end)
                return
        if self.silence_end_s and quiet >= self.silence_end_s * SAMPLE_RATE:
            self._fire("silence", self._judged[1] if self._judged else None, total, speech_end)

    def _verdict(self, quiet: int, total: int, speech_end: int, heard_upto: int, recent: Audio,
                 words: Callable[[], tuple[str, Heard]]) -> Verdict | None:
        """The judges' verdict on the current pause (asked once the words up to its start are
        transcribed, and again while the model asks for it); None before that."""
        assert self.turn is not None
        held = False
        if self._judged is not None and self._judged[0] == speech_end:
            judged, read = self._judged[1], self._judged[2]
            if self._stale:  # the last chunk was read again: asked again if its words changed
                self._stale = False
                text, heard = words()
                if text != read:
                    return self._ask(total, speech_end, recent, text, heard, held)
            again = judged.ask_again_s
            if again is None or quiet < again * SAMPLE_RATE:
                return judged
            held = judged.model_held
        elif self._judged is not None and not self._judged[1].complete:
            self._resumed = True  # speech went on after the last pause judged unfinished
        first = self.turn.resumed_pause_s if self._resumed else self.turn.pause_s
        if quiet < first * SAMPLE_RATE or heard_upto < speech_end:
            return None
        return self._ask(total, speech_end, recent, *words(), held)

    def _ask(self, total: int, speech_end: int, recent: Audio, text: str, heard: Heard,
             held: bool) -> Verdict:
        assert self.turn is not None
        quiet = (total - speech_end) / SAMPLE_RATE
        verdict = self.turn.judge(recent, text, quiet, heard, held=held)
        self._judged = (speech_end, verdict, text)
        self.verdicts.append((total / SAMPLE_RATE, verdict))
        return verdict

    def _tell(self, speech_end: int, words: Callable[[], tuple[str, Heard]]) -> None:
        """The pause's words to `on_words`, once, if the words judge reads them finished."""
        self._told = speech_end
        text, heard = words()
        if text.strip() and not unfinished_reason(text, heard) and self.on_words is not None:
            with contextlib.suppress(Exception):  # a guess's failure must not end the answer
                self.on_words(text)

    def _reread_due(self, quiet: int, speech_end: int) -> bool:
        """The words alone keep this pause open, as first read, and it has gone on `REREAD_S`:
        time to read its last chunk again (once per pause; not a re-ask on a timer: the judge
        is asked again only if the words changed)."""
        if self._judged is None or self._judged[0] != speech_end \
                or self._reread_at == speech_end:
            return False
        return self._judged[1].words_held and quiet >= REREAD_S * SAMPLE_RATE

    def _fire(self, reason: str, verdict: Verdict | None, total: int, speech_end: int) -> None:
        self.turn_ends.append(TurnEnd(round(total / SAMPLE_RATE, 3),
                                      round(speech_end / SAMPLE_RATE, 3), reason, verdict))
        if self.once:
            self.fired = True
        else:  # listen for the next answer in the same audio
            self._rearm_after = speech_end
            self._resumed = False
        if self.on_end is not None:
            with contextlib.suppress(Exception):
                self.on_end()
