"""Text that grows while it is spoken (an LLM follow-up as it streams): complete sentences are
handed to the speaker as they arrive."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING

from interviewer.speech.clip import Clip
from interviewer.speech.utterance import Utterance

if TYPE_CHECKING:
    from interviewer.speech.speaker import Speaker

Source = Iterator[tuple[str, Clip]]
FEED_IDLE_TIMEOUT_S = 60.0
"""A feed that gets neither more text nor finish() for this long is taken as finished."""


class TextFeed:
    """Text that grows while it is spoken. Made by `Speaker.speak_feed()`; thread-safe.

    `update()` takes the whole text so far (what the coach's text callback passes). When an
    update does not continue what was already taken for speech (the coach started over, or
    another coach took over), the current utterance is stopped and a new one starts from the
    new text: `utterance` then names the new one (and the speaker's callbacks say so).
    """

    def __init__(self, speaker: Speaker) -> None:
        self._speaker = speaker
        self._cond = threading.Condition()
        self._text = ""
        self._final = False
        self._taken = ""
        self._generation = 0
        self.utterance: Utterance | None = None

    @property
    def text(self) -> str:
        return self._text

    def update(self, text_so_far: str) -> None:
        text = " ".join(text_so_far.split())
        with self._cond:
            if self._final or text == self._text:
                return
            restart = bool(self._taken) and not text.startswith(self._taken)
            self._text = text
            self._cond.notify_all()
        if restart:
            self._speaker._start_feed(self)

    def finish(self, text: str | None = None) -> None:
        """No more text is coming (`text`: the final text, if it differs from the last one)."""
        if text is not None:
            self.update(text)
        with self._cond:
            self._final = True
            self._cond.notify_all()

    def _sentences(self, utt: Utterance, generation: int) -> Source:
        """The source of one utterance: complete sentences as they arrive, synthesised."""
        done = 0
        synth = self._speaker  # its synthesize(): a piece made ahead (`Speaker.prepare`) is used
        while True:
            with self._cond:
                while True:
                    if self._generation != generation:
                        return  # started over: a newer utterance speaks the new text
                    sentences = self._speaker.split(self._text)
                    final = self._final
                    ready = sentences if final else sentences[:-1]
                    if len(ready) > done or final:
                        break
                    if not self._cond.wait(FEED_IDLE_TIMEOUT_S):
                        self._final = final = True
                        ready = sentences
                        break
                batch = ready[done:]
                self._taken = " ".join(ready)
                utt.text = self._text
            for sentence in batch:
                yield sentence, synth.synthesize(sentence)
                done += 1
            if final:
                return
