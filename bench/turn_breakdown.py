"""Where the hands-free turn's time goes, from the last word to the follow-up's first audio, in
parts that load on a shared machine stretches little: the audio timeline of the end of the
answer (replayed as if compute took no time: the VAD's lag after the last word, the quiet at
which the last pass starts, the quiet at which the judges end the turn) and the CPU each
computing part costs here, measured one at a time (the last Whisper pass, the Smart Turn model,
the coach's follow-up, Piper's first piece).

    .venv/bin/python bench/turn_breakdown.py [--repeat 3] [--compare]

The live hand-offs (microphone blocks, the final tail, the UI's messages, opening the output)
are in `bench/handsfree_latency.py --trace`. Wall time is printed beside CPU time: on a quiet
machine they agree; their ratio shows what the load took. `--compare`: the last pass timed
also as it was before, the window after the last word encoded for the probe (`silent_windows`),
alternated with the app's, pass by pass.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "audio_fixtures"))

from turn_fixtures import cases  # noqa: E402

from interviewer.banks import load_banks  # noqa: E402
from interviewer.coach.base import AnsweredQuestion  # noqa: E402
from interviewer.coach.offline import OfflineCoach  # noqa: E402
from interviewer.config import Settings  # noqa: E402
from interviewer.speech.answer_recording import primed  # noqa: E402
from interviewer.speech.audio import SAMPLE_RATE, Audio  # noqa: E402
from interviewer.speech.factory import make_synthesizer  # noqa: E402
from interviewer.speech.streaming import RECENT, StreamingTranscriber  # noqa: E402
from interviewer.speech.streaming_settings import StreamingSettings  # noqa: E402
from interviewer.speech.stt import Transcriber, Transcript, Wrapped  # noqa: E402
from interviewer.speech.turn import load_detector  # noqa: E402
from interviewer.speech.whisper_stt import WhisperTranscriber  # noqa: E402

ANSWERS = ("complete-02", "complete-04", "complete-10", "complete-12", "complete-20")
QUESTION = "strategy-startup-vs-bundled-copilot"
BLOCK = int(0.1 * SAMPLE_RATE)


class Timed(Wrapped):
    """Notes each decode: audio heard when it began (s), its length (s), CPU and wall (s)."""

    def __init__(self, inner: Transcriber) -> None:
        self.inner = inner
        self.heard = 0.0
        self.decodes: list[tuple[float, float, float, float]] = []

    def transcribe(self, audio: Audio, **kw: Any) -> Transcript:
        cpu, wall = time.process_time(), time.perf_counter()
        out = self.inner.transcribe(audio, **kw)
        self.decodes.append((self.heard, len(audio) / SAMPLE_RATE,
                             time.process_time() - cpu, time.perf_counter() - wall))
        return out


def timed(fn: Any) -> tuple[Any, float, float]:
    cpu, wall = time.process_time(), time.perf_counter()
    out = fn()
    return out, time.process_time() - cpu, time.perf_counter() - wall


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--repeat", type=int, default=3, help="CPU timings: best of N")
    p.add_argument("--compare", action="store_true",
                   help="the last pass also with the window after the last word encoded")
    args = p.parse_args()
    whisper = WhisperTranscriber()
    whisper.load()
    question = load_banks().by_id(QUESTION)
    hinted = Timed(primed(whisper, question.prompt))
    turn, notice = load_detector()
    assert turn is not None and turn.model is not None, notice
    judge = turn.model
    synth, notice = make_synthesizer(Settings(), engine="piper")
    assert not notice, notice
    synth.warm_up()
    coach = OfflineCoach()
    print(f"turn breakdown: {len(ANSWERS)} answers, {os.cpu_count()} cores, load "
          f"{os.getloadavg()[0]:.1f}; CPU/wall seconds, best of {args.repeat}")
    rows: dict[str, list[float]] = {}
    for case in cases(names=ANSWERS):
        hinted.decodes.clear()
        stream = StreamingTranscriber(hinted, StreamingSettings(silence_end_s=8.0), turn=turn)
        for i in range(0, len(case.audio), BLOCK):
            stream.push(case.audio[i:i + BLOCK])
            hinted.heard = stream.seconds
            stream.step()
            if stream.turn_ends:
                break
        end = stream.turn_ends[0]
        text = stream.finish().text
        last = [d for d in hinted.decodes if d[0] > case.last_word_s]
        at, seconds = (last[0][0], last[0][1]) if last else (0.0, 0.0)
        audio = case.audio[int((at - seconds) * SAMPLE_RATE):int(at * SAMPLE_RATE)]
        model, rest_s = whisper._model, whisper._model.rest_s
        best, before = (9e9, 9e9), (9e9, 9e9)
        for _ in range(args.repeat):
            best = min(best, timed(lambda a=audio: hinted.inner.transcribe(
                a, word_timestamps=True))[1:])
            if args.compare:
                model.rest_s = 0.0  # the code before: encoded, then probed
                before = min(before, timed(lambda a=audio: hinted.inner.transcribe(
                    a, word_timestamps=True))[1:])
                model.rest_s = rest_s
        heard = int(end.at_s * SAMPLE_RATE)
        recent = case.audio[max(0, heard - RECENT):heard]
        model = min(timed(lambda r=recent: judge.probability(r))[1:] for _ in range(args.repeat))
        item = AnsweredQuestion(question, [text])
        follow = coach.preview_follow_up(item)
        coach_t = min(timed(lambda i=item: coach.preview_follow_up(i))[1:]
                      for _ in range(args.repeat))
        first = synth.split_text(follow.text)[0] if follow else "Why?"
        piper_t = min(timed(lambda f=first: synth.synthesize(f))[1:] for _ in range(args.repeat))
        part = {
            "vad lag (audio)": end.speech_end_s - case.last_word_s,
            "last pass starts, quiet (audio)": at - end.speech_end_s,
            "last pass audio": seconds,
            "last pass cpu": best[0], "last pass wall": best[1],
            **({"last pass cpu, before": before[0], "last pass wall, before": before[1]}
               if args.compare else {}),
            "verdict, quiet (audio)": end.at_s - end.speech_end_s,
            "model cpu": model[0], "model wall": model[1],
            "coach cpu": coach_t[0], "coach wall": coach_t[1],
            "piper first piece cpu": piper_t[0], "piper first piece wall": piper_t[1],
        }
        print(f"  {case.name}: " + ", ".join(f"{k} {v:.3f}" for k, v in part.items())
              + f"; first piece {first[:40]!r}")
        for k, v in part.items():
            rows.setdefault(k, []).append(v)
    print("median over the answers:")
    for k, values in rows.items():
        print(f"  {k:<34} {statistics.median(values):.3f} s "
              f"({min(values):.3f}-{max(values):.3f})")
    print(f"load at the end {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
