"""Word timestamps after the answer, off the turn's critical path.

Word timestamps cost a Whisper decode about as much again as the words themselves (0.4 s of
0.8 s for a sentence on 2 loaded cores), and the pass over the last sentence is what the end of
the answer waits for. So the streaming passes decode words only; a chunk made final from such
a pass is noted here with its audio, and `fill` decodes it again with word timestamps once the
follow-up is being spoken. Same audio, model and prompt: the same words, now timed; a chunk
whose words came out differently keeps its first segments (the text the coach heard never
changes), so its delivery figures go without those words.
"""

from __future__ import annotations

import queue
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass

from interviewer.speech.audio import SAMPLE_RATE, Audio
from interviewer.speech.model_turns import TURNS
from interviewer.speech.stt import Segment, Transcriber, Transcript, join_text

_WORD = re.compile(r"[a-z0-9']+")


@dataclass(frozen=True)
class Wordless:
    """A final chunk transcribed without word timestamps."""

    start: int
    """Absolute sample of `audio[0]` on the answer's timeline."""
    audio: Audio
    first: int
    """Index of its first segment among the answer's segments."""
    segments: tuple[Segment, ...]


def _words(segments: Sequence[Segment]) -> list[str]:
    return _WORD.findall(join_text(segments).lower())


class LateWords:
    """The wordless chunks of one answer, and the decode that times their words."""

    def __init__(self) -> None:
        self.chunks: list[Wordless] = []
        self._asked: queue.SimpleQueue[queue.SimpleQueue[Transcript | BaseException]] = \
            queue.SimpleQueue()
        self._serving = False
        self._lock = threading.Lock()

    @property
    def pending(self) -> bool:
        return bool(self.chunks)

    def note(self, first: int, segments: Sequence[Segment], audio: Audio, start: int) -> None:
        """Segments about to join the answer at index `first`, decoded from `audio` (which
        starts at absolute sample `start`); kept only when some of them have no words."""
        if any(s.text and not s.words for s in segments):
            self.chunks.append(Wordless(start, audio.copy(), first, tuple(segments)))

    def expect(self) -> None:
        """The worker will `serve`: said before it signals that it is done, so an `ask` made
        the moment the answer's transcript is out waits for the worker's thread instead of
        decoding on its own (a new thread's CTranslate2 buffers: ~80 MB more at the peak)."""
        with self._lock:
            self._serving = bool(self.chunks)

    def serve(self, transcriber: Transcriber, transcript: Transcript, beam_size: int | None,
              timeout: float = 30.0) -> None:
        """Wait (up to `timeout`) for `ask`, and `fill` here: on the thread that made the
        passes, whose model buffers are warm (CTranslate2 keeps them per thread: decoding on a
        new thread grew a voice interview's peak memory by ~80 MB)."""
        if not self.chunks:
            return
        with self._lock:
            self._serving = True
        try:
            reply = self._asked.get(timeout=timeout)
        except queue.Empty:
            with self._lock:
                self._serving = False
                if self._asked.empty():
                    return
            reply = self._asked.get()
        try:
            reply.put(self.fill(transcriber, transcript, beam_size))
        except BaseException as exc:  # surfaced to the asker
            reply.put(exc)
        with self._lock:
            self._serving = False

    def ask(self, transcriber: Transcriber, transcript: Transcript,
            beam_size: int | None = None) -> Transcript:
        """`fill`, done by the serving thread while it waits, else in this one."""
        with self._lock:
            serving = self._serving and bool(self.chunks)
            if serving:
                reply: queue.SimpleQueue[Transcript | BaseException] = queue.SimpleQueue()
                self._asked.put(reply)
        if not serving:
            return self.fill(transcriber, transcript, beam_size)
        result = reply.get()
        if isinstance(result, BaseException):
            raise result
        return result

    def fill(self, transcriber: Transcriber, transcript: Transcript,
             beam_size: int | None = None) -> Transcript:
        """`transcript` (the answer's, as `note` saw it built) with each wordless chunk decoded
        again with word timestamps. Blocking: up to a second per chunk on 2 cores."""
        if not self.chunks:
            return transcript
        out = list(transcript.segments)
        for chunk in reversed(self.chunks):  # from the end: earlier indices stay valid
            n = len(chunk.segments)
            if tuple(out[chunk.first:chunk.first + n]) != tuple(
                    s.shifted(chunk.start / SAMPLE_RATE) for s in chunk.segments):
                continue  # not the answer it was noted in
            with TURNS.late():  # never beside a synthesis: their peaks would add up
                again = transcriber.transcribe(chunk.audio, beam_size=beam_size,
                                               word_timestamps=True)
            if _words(again.segments) != _words(chunk.segments) or \
                    not all(s.words for s in again.segments):
                continue
            out[chunk.first:chunk.first + n] = [s.shifted(chunk.start / SAMPLE_RATE)
                                                 for s in again.segments]
        self.chunks.clear()
        return Transcript(tuple(out), transcript.duration, transcript.language)
