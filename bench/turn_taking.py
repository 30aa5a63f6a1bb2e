"""Turn-taking: the end-of-turn detector against fixed silences, side by side in one run.

    .venv/bin/python bench/turn_taking.py               # the reported figures
    .venv/bin/python bench/turn_taking.py --limit 4     # a quick check (4 cases per set)

Cases (audio_fixtures/turn_fixtures.py, generated at start): 20 complete answers, 20 answers
with a mid-thought pause of 2-6 s, and the real speech of jfk.flac (a complete answer with
the pauses of an orator). Each is replayed through the answer pipeline as if spoken into the
microphone (interviewer.speech.turn_replay: real VAD, real Whisper passes, the real model,
each step costing what it costs here, faster than real time otherwise), once with the
detector (longest wait 8 s) and once per fixed silence (1, 2 and 4 s, no detector). A Whisper
decode is made once and charged at its measured cost to every configuration that needs it.

For each: the time from the answer's last word to the decided end of the turn (median, p90)
over the complete answers and over the paused ones, and the cut-off rate (the turn ended
before the last word: inside the mid-thought pause, or between sentences). Exit code 1 if
the detector misses its target: median <= 1.0 s and p90 <= 2.0 s after a complete answer,
no cut-offs.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import statistics
import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "audio_fixtures"))

from turn_fixtures import TAIL_S, TurnCase, cases  # noqa: E402

from interviewer.speech.audio import SAMPLE_RATE, Audio, load_audio  # noqa: E402
from interviewer.speech.streaming_settings import StreamingSettings  # noqa: E402
from interviewer.speech.stt import Transcript, Wrapped  # noqa: E402
from interviewer.speech.turn import TurnDetector, load_detector  # noqa: E402
from interviewer.speech.turn_replay import replay  # noqa: E402
from interviewer.speech.vad import SpeechDetector  # noqa: E402
from interviewer.speech.whisper_stt import WhisperTranscriber  # noqa: E402

JFK = ROOT.parent / "shared" / "real-speech" / "jfk.flac"
LONGEST_WAIT_S = 8.0
FIXED = (1.0, 2.0, 4.0)
TARGET_MEDIAN_S, TARGET_P90_S = 1.0, 2.0


def say(*parts: object) -> None:
    print(*parts, flush=True)


def p90(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(np.ceil(0.9 * len(ordered))) - 1)]


def jfk_case() -> TurnCase | None:
    if not JFK.exists():
        return None
    speech = load_audio(JFK)
    vad = SpeechDetector()
    vad.feed(speech)
    last = vad.spans()[-1].end_sample / SAMPLE_RATE  # its last word, by voice activity
    audio = np.concatenate((speech, np.zeros(int(TAIL_S * SAMPLE_RATE), np.float32)))
    return TurnCase("jfk", "complete", "(real speech)", "human", 0, audio, round(last, 3), None)


class CachedTranscriber(Wrapped):
    """The same decode is asked for by every configuration (same audio up to each end):
    made once, and credited on later hits with the time it took then, so every configuration
    pays the same measured compute and the run takes minutes, not an hour."""

    def __init__(self, inner: WhisperTranscriber) -> None:
        self.inner = inner
        self._done: dict[tuple[bytes, int | None, bool | None], tuple[Transcript, float]] = {}
        self.credited = 0.0

    def timer(self) -> float:
        return time.perf_counter() + self.credited

    def transcribe(self, audio: Audio, *, beam_size: int | None = None,
                   word_timestamps: bool | None = None, hint: str | None = None) -> Transcript:
        key = (hashlib.sha1(audio.tobytes()).digest(), beam_size, word_timestamps)
        if key in self._done:
            transcript, cost = self._done[key]
            self.credited += cost
            return transcript
        t0 = time.perf_counter()
        transcript = self.inner.transcribe(audio, beam_size=beam_size,
                                           word_timestamps=word_timestamps)
        self._done[key] = (transcript, time.perf_counter() - t0)
        return transcript


@dataclass
class Outcome:
    latency_s: float | None
    """Last word -> end of turn; None when the turn was cut off before the last word."""
    cut_at_s: float | None
    policy_s: float | None = None
    """The same replayed as if every step of compute took no time: the wait the rule itself
    imposes (None: cut off)."""


def run_case(case: TurnCase, transcriber: CachedTranscriber, turn: TurnDetector | None,
             silence_end_s: float) -> Outcome:
    settings = replace(StreamingSettings(), silence_end_s=silence_end_s)
    ends = []
    for timer in (transcriber.timer, lambda: 0.0):
        result = replay(case.audio, transcriber, turn, settings, once=True, timer=timer)
        if not result.ends:
            raise RuntimeError(f"{case.name}: the turn never ended")
        ends.append(result.ends[0])
    live, rule = ends
    policy = rule.at_s - case.last_word_s if rule.heard_s >= case.last_word_s else None
    if live.heard_s < case.last_word_s:
        return Outcome(None, live.at_s, policy)
    return Outcome(live.at_s - case.last_word_s, None, policy)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--limit", type=int, default=0, help="cases per set (0 = all)")
    p.add_argument("--verbose", action="store_true", help="one line per case")
    args = p.parse_args(argv)

    all_cases = cases()
    complete = [c for c in all_cases if c.kind == "complete"]
    paused = [c for c in all_cases if c.kind == "paused"]
    if args.limit:
        complete, paused = complete[:args.limit], paused[:args.limit]
    jfk = jfk_case()
    if jfk is not None:
        complete.append(jfk)
    whisper = WhisperTranscriber()
    whisper.load()
    transcriber = CachedTranscriber(whisper)
    detector, notice = load_detector()
    if detector is None:
        say(f"no end-of-turn model: {notice}")
        return 1
    say(f"turn-taking: {len(complete)} complete answers ({'incl. jfk.flac' if jfk else ''}), "
        f"{len(paused)} with a 2-6 s mid-thought pause; {os.cpu_count()} cores, load "
        f"{os.getloadavg()[0]:.1f}")
    configs: list[tuple[str, TurnDetector | None, float]] = [
        (f"detector (longest wait {LONGEST_WAIT_S:g} s)", detector, LONGEST_WAIT_S),
        *[(f"fixed {s:g} s silence", None, s) for s in FIXED],
    ]
    rows = []
    t0 = time.perf_counter()
    for label, turn, wait in configs:
        outcomes: dict[str, list[Outcome]] = {"complete": [], "paused": []}
        for case in complete + paused:
            out = run_case(case, transcriber, turn, wait)
            outcomes[case.kind].append(out)
            if args.verbose:
                what = (f"{out.latency_s:.2f} s after the last word" if out.latency_s is not None
                        else f"CUT OFF at {out.cut_at_s:.2f} s")
                what += (f" (rule alone: {out.policy_s:.2f} s)" if out.policy_s is not None
                         else " (rule alone: CUT OFF)")
                say(f"  {label:<28} {case.name:<12} {what}")
        rows.append((label, outcomes))
    say(f"({time.perf_counter() - t0:.0f} s of replays; model {detector.model and 'loaded'})")

    def figures(outs: list[Outcome]) -> tuple[float, float, int]:
        lat = [o.latency_s for o in outs if o.latency_s is not None]
        cut = sum(1 for o in outs if o.latency_s is None)
        return (statistics.median(lat) if lat else float("nan"),
                p90(lat) if lat else float("nan"), cut)

    base_c = figures(rows[0][1]["complete"])
    say("")
    say(f"{'':<30} {'complete answers':^34} | {'mid-thought pauses':^26}")
    say(f"{'end of turn':<30} {'median':>8} {'p90':>7} {'x det.':>7} {'cut off':>9} | "
        f"{'median':>8} {'p90':>7} {'cut off':>9}")
    for label, outcomes in rows:
        mc, pc, cc = figures(outcomes["complete"])
        mp, pp, cp = figures(outcomes["paused"])
        ratio = mc / base_c[0] if base_c[0] else float("nan")
        say(f"{label:<30} {mc:7.2f}s {pc:6.2f}s {ratio:6.1f}x {cc:>4}/{len(complete):<4} | "
            f"{mp:7.2f}s {pp:6.2f}s {cp:>4}/{len(paused):<4}")
    say("(latency: last word -> the turn's end as decided live, compute included; cut off: "
        "ended before the last word)")
    say("")
    say("the rule alone (the same replays as if compute took no time):")
    for label, outcomes in rows:
        pol = [o.policy_s for o in outcomes["complete"] if o.policy_s is not None]
        cut_c = sum(1 for o in outcomes["complete"] if o.policy_s is None)
        cut_p = sum(1 for o in outcomes["paused"] if o.policy_s is None)
        say(f"{label:<30} complete answers: median {statistics.median(pol):.2f} s, "
            f"p90 {p90(pol):.2f} s, cut off {cut_c}/{len(complete)}; "
            f"paused: cut off {cut_p}/{len(paused)}")
    mc, pc, cc = base_c
    cp = figures(rows[0][1]["paused"])[2]
    ok = mc <= TARGET_MEDIAN_S and pc <= TARGET_P90_S and cc == 0 and cp == 0
    say(f"target (detector: median <= {TARGET_MEDIAN_S:g} s, p90 <= {TARGET_P90_S:g} s after "
        f"a complete answer, 0 cut-offs): {'met' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
