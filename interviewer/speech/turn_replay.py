"""An audio file replayed through the answer pipeline as if it were being spoken, faster than
real time but with the pipeline's real costs: where would the answer have ended?

The streaming transcriber runs in the caller's thread. A simulated clock follows the audio: a
block "arrives" when it has been spoken, and each step of the transcriber (VAD, a Whisper pass,
the end-of-turn model) takes the time it really takes here, during which later blocks queue up
exactly as they would behind a busy worker. So an end is reported at the moment it would have
been decided live, on this machine, without waiting through the file's silences.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from interviewer.speech.answer_end import TurnEnd
from interviewer.speech.audio import SAMPLE_RATE, Audio
from interviewer.speech.streaming import StreamingTranscriber
from interviewer.speech.streaming_settings import StreamingSettings
from interviewer.speech.stt import Transcriber
from interviewer.speech.turn import TurnDetector, Verdict
from interviewer.speech.vad import SpeechDetector

BLOCK_S = 0.1
"""The microphone's block (microphone.BLOCK_SECONDS)."""


@dataclass(frozen=True)
class ReplayedEnd:
    at_s: float
    """When the end was decided (seconds into the file, compute time included)."""
    heard_s: float
    """Audio heard when it was decided."""
    speech_end_s: float
    reason: str
    detail: str
    """The detector's verdict: its probability and why, for the reader."""


@dataclass(frozen=True)
class Replay:
    duration_s: float
    speech_end_s: float
    """End of the last speech in the file (VAD)."""
    ends: tuple[ReplayedEnd, ...]
    text: str
    verdicts: tuple[tuple[float, Verdict], ...] = ()
    """Every verdict of the detector, with the audio heard when it was given (a benchmark
    reads which pause each was given in)."""

    def to_dict(self) -> dict[str, object]:
        return {
            "duration_s": round(self.duration_s, 3),
            "speech_end_s": round(self.speech_end_s, 3),
            "turn_ends": [round(e.at_s, 3) for e in self.ends],
            "ends": [{"at_s": round(e.at_s, 3), "speech_end_s": e.speech_end_s,
                      "reason": e.reason, "detail": e.detail} for e in self.ends],
            "text": self.text,
        }


def _detail(end: TurnEnd) -> str:
    v = end.verdict
    if v is None:
        return ""
    p = f"model {v.probability:.2f}" if v.probability is not None else ""
    return "; ".join(x for x in (p, v.reason or "words finished") if x)


def replay(audio: Audio, transcriber: Transcriber, turn: TurnDetector | None,
           settings: StreamingSettings | None = None, *, once: bool = False,
           timer: Callable[[], float] = time.perf_counter) -> Replay:
    """Every place the answer would have ended itself (`once=False`: keeps listening after
    each end, as if the next answer followed). `timer` measures each step's compute (a
    benchmark may credit a cached decode with the time it took when it was made)."""
    stream = StreamingTranscriber(transcriber, settings, turn=turn, once=once,
                                  clock=lambda: now)
    block = int(BLOCK_S * SAMPLE_RATE)
    n_blocks = -(-len(audio) // block)
    now = 0.0  # the simulated clock
    fed = 0
    seen = 0
    ends: list[ReplayedEnd] = []
    while fed < n_blocks:
        arrived = min(n_blocks, max(fed + 1, int(now / BLOCK_S + 1e-9)))
        now = max(now, arrived * BLOCK_S)
        for i in range(fed, arrived):
            stream.push(audio[i * block:(i + 1) * block])
        fed = arrived
        t0 = timer()
        stream.step()
        now += timer() - t0
        for end in stream.turn_ends[seen:]:
            ends.append(ReplayedEnd(round(now, 3), end.at_s, end.speech_end_s, end.reason,
                                    _detail(end)))
            if once:
                break
        seen = len(stream.turn_ends)
        if once and ends:
            break
    vad = SpeechDetector(stream.settings.vad_threshold)
    vad.feed(audio)
    spans = vad.spans()
    speech_end = spans[-1].end_sample / SAMPLE_RATE if spans else 0.0
    return Replay(len(audio) / SAMPLE_RATE, speech_end, tuple(ends), stream.caption.text,
                  tuple(stream.verdicts))
