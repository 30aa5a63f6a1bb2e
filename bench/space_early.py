"""Space pressed soon after the last word: the stop -> final transcript wait, pass by pass.

    .venv/bin/python bench/space_early.py               # the reported figures (real time)
    .venv/bin/python bench/space_early.py --runs 1 --offsets 0.15

Each case plays the last ~10 s of a fixture (from the start of a sentence) into a
StreamingTranscriber at real-time pace, cut `offset` seconds after the last speech (Silero),
and stops it the moment the last block arrives, as a candidate pressing space `offset` s after
the last word would. It times stop -> final transcript and logs every decode, so it can say
whether a pass over the open tail was running when stop came, and whether that pass was waited
for. The baseline, in the same run: a fresh decode of the same open tail (what stop would cost if
it had no pass to reuse), timed right after each case; the ratios are printed.
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import sys
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from interviewer.speech.audio import SAMPLE_RATE, Audio, load_audio  # noqa: E402
from interviewer.speech.file_microphone import FileMicrophone  # noqa: E402
from interviewer.speech.streaming import StreamingTranscriber  # noqa: E402
from interviewer.speech.streaming_settings import StreamingSettings  # noqa: E402
from interviewer.speech.stt import Transcript, Wrapped  # noqa: E402
from interviewer.speech.vad import SpeechDetector  # noqa: E402
from interviewer.speech.whisper_stt import SttSettings, WhisperTranscriber  # noqa: E402

FIXTURES = ("weak.wav", "medium.flac", "strong.flac", "jfk.flac")


def say(*parts: object) -> None:
    print(*parts, flush=True)


@dataclass
class Logged(Wrapped):
    """The model with a log of its decodes: (start, end, seconds of audio) in perf_counter."""

    inner: WhisperTranscriber
    calls: list[tuple[float, float, float]] = field(default_factory=list)
    running: bool = False

    def transcribe(self, audio: Audio, *, beam_size: int | None = None,
                   word_timestamps: bool = False) -> Transcript:
        t0 = time.perf_counter()
        self.running = True
        try:
            return self.inner.transcribe(audio, beam_size=beam_size,
                                         word_timestamps=word_timestamps)
        finally:
            self.running = False
            self.calls.append((t0, time.perf_counter(), len(audio) / SAMPLE_RATE))


def clip(audio: Audio, seconds: float) -> tuple[Audio, int]:
    """The last `seconds` or more of `audio` from a speech start, and where its speech ends."""
    det = SpeechDetector()
    det.feed(audio)
    spans = det.spans(0, 0.3)
    end = spans[-1].end_sample
    starts = [sp.start_sample for sp in spans if end - sp.start_sample >= seconds * SAMPLE_RATE]
    begin = max(0, (starts[-1] if starts else 0) - int(0.3 * SAMPLE_RATE))
    return audio[begin:], end - begin


@dataclass
class Case:
    latency: float
    in_flight: bool  # a decode was running when stop came
    reused: bool  # the tail's pass stood as final: nothing decoded after the stop
    after: int  # decodes started after the stop
    fresh: float  # a decode of the same open tail, timed after the case (the baseline)
    text: str


def run(model: Logged, audio: Audio, speech_end: int, offset: float,
        settings: StreamingSettings) -> Case:
    cut = audio[: speech_end + int(offset * SAMPLE_RATE)]
    mic = FileMicrophone(cut, speed=1.0)
    stream = StreamingTranscriber(model, settings).start()
    model.calls.clear()
    mic.start(stream.feed)
    mic.finished.wait()
    pressed = time.perf_counter()
    transcript = stream.stop()
    latency = time.perf_counter() - pressed
    assert mic.last_block_at is not None
    calls = list(model.calls)
    in_flight = any(a < pressed < b for a, b, _ in calls)
    after = sum(a >= pressed for a, _, _ in calls)
    tail = cut[len(cut) - int(stream.stats.tail_seconds * SAMPLE_RATE):]
    t0 = time.perf_counter()
    model.inner.transcribe(tail, beam_size=settings.beam_size, word_timestamps=True)
    fresh = time.perf_counter() - t0
    return Case(latency + (pressed - mic.last_block_at), in_flight, stream.stats.tail_reused,
                after, fresh, transcript.text)


def split_before_last_words(audio: Audio) -> tuple[Audio, Audio] | None:
    """Up to 0.25 s into the last pause (>= 0.25 s) before the last <= 6 s of speech, and the
    rest up to 0.1 s after the last word (as tests/test_stop_during_pass.py)."""
    det = SpeechDetector()
    det.feed(audio)
    spans = det.spans(0, 0.1)
    gaps = [a.end_sample for a, b in itertools.pairwise(spans)
            if b.start_sample - a.end_sample >= 0.25 * SAMPLE_RATE
            and spans[-1].end_sample - b.start_sample <= 6 * SAMPLE_RATE]
    if not gaps:
        return None
    cut = gaps[-1] + int(0.25 * SAMPLE_RATE)
    return audio[:cut], audio[cut: spans[-1].end_sample + int(0.1 * SAMPLE_RATE)]


def during_pass(model: Logged, first: Audio, rest: Audio, settings: StreamingSettings) -> float:
    """`first` at real time; once the pass in its closing pause runs, the last words arrive at
    once and stop() with them: stop -> final transcript, in seconds."""
    mic = FileMicrophone(first, speed=1.0)
    stream = StreamingTranscriber(model, settings).start()
    mic.start(stream.feed)
    mic.finished.wait()
    deadline = time.perf_counter() + 2.0
    while not model.running and time.perf_counter() < deadline:
        time.sleep(0.002)
    for i in range(0, len(rest), 1600):
        stream.feed(rest[i:i + 1600])
    pressed = time.perf_counter()
    stream.stop()
    return time.perf_counter() - pressed


def forced(model: Logged, fixtures: list[Path], runs: int) -> None:
    say("\nstop during a pass that missed the last words (they arrive at once with the stop): "
        f"before (decode the whole open tail again) vs now (only the words after the pass); "
        f"load {os.getloadavg()[0]:.2f}")
    base = replace(StreamingSettings(), silence_end_s=0)
    old, new = replace(base, tail_after_pass=False), base
    olds: list[float] = []
    news: list[float] = []
    for path in fixtures:
        split = split_before_last_words(clip(load_audio(path), 10.0)[0])
        if split is None:
            continue
        for r in range(runs):
            order = [(olds, old), (news, new)] if r % 2 == 0 else [(news, new), (olds, old)]
            for out, settings in order:
                out.append(during_pass(model, *split, settings))
            say(f"  {path.name} ({len(split[1]) / SAMPLE_RATE:.1f} s of last words): "
                f"before {olds[-1]:.3f} s, now {news[-1]:.3f} s")
    o, n = statistics.median(olds), statistics.median(news)
    say(f"| stop during a pass that missed the last words | before {o:.3f} s ({max(olds):.2f}) "
        f"| now {n:.3f} s ({max(news):.2f}) | {o / n:.2f}x lower | load "
        f"{os.getloadavg()[0]:.2f} |")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--runs", type=int, default=2)
    p.add_argument("--offsets", type=float, nargs="+", default=[0.0, 0.15, 0.3, 0.6])
    p.add_argument("--clip-s", type=float, default=10.0)
    p.add_argument("--fixtures", nargs="+", default=list(FIXTURES))
    p.add_argument("--only-forced", action="store_true")
    args = p.parse_args(argv)

    model = Logged(WhisperTranscriber(SttSettings()))
    model.load()
    settings = replace(StreamingSettings(), silence_end_s=0)
    say(f"space early: {', '.join(args.fixtures)}, last {args.clip_s:g} s each, real time, "
        f"offsets {args.offsets} s, {args.runs} runs; load {os.getloadavg()[0]:.2f}")
    paths = [ROOT / "audio_fixtures" / n if (ROOT / "audio_fixtures" / n).exists()
             else ROOT.parent / "shared" / "real-speech" / n for n in args.fixtures]
    forced(model, paths, args.runs)
    if args.only_forced:
        return 0
    rows: dict[float, list[Case]] = {o: [] for o in args.offsets}
    for path in paths:
        name = path.name
        audio, speech_end = clip(load_audio(path), args.clip_s)
        for offset in args.offsets:
            for _ in range(args.runs):
                c = run(model, audio, speech_end, offset, settings)
                rows[offset].append(c)
                say(f"  {name} +{offset:.2f} s: stop -> final {c.latency:.3f} s, a fresh decode "
                    f"of that tail {c.fresh:.3f} s; {'a pass was running, ' if c.in_flight else ''}"
                    f"{'its result reused' if c.reused else f'{c.after} decode(s) after stop'}"
                    f"; ends {c.text[-40:]!r}")
    say(f"\nstop -> final transcript, median (max) over {len(args.fixtures)} fixtures x "
        f"{args.runs} runs; load {os.getloadavg()[0]:.2f}")
    say("| space after the last word | stop -> final | a fresh decode of the same tail | ratio "
        "| stops during a pass | of those, pass wasted (decoded again) |")
    say("|---|---|---|---|---|---|")
    for offset, cases in rows.items():
        lat = [c.latency for c in cases]
        fresh = [c.fresh for c in cases]
        flight = [c for c in cases if c.in_flight]
        wasted = sum(c.after > 0 for c in flight)
        say(f"| {offset:.2f} s | {statistics.median(lat):.3f} s ({max(lat):.2f}) | "
            f"{statistics.median(fresh):.3f} s ({max(fresh):.2f}) | "
            f"{statistics.median(fresh) / statistics.median(lat):.2f}x | "
            f"{len(flight)} of {len(cases)} | {wasted} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
