"""How soon the interviewer starts speaking: text ready -> first audio frame, over every bank
question and every follow-up probe, against a baseline that synthesises the whole text first.

    .venv/bin/python bench/tts_latency.py            (make bench: on the virtual audio server)

"First audio" is the moment the first samples are handed to the output device (PortAudio's
callback), measured from `Speaker.speak()`: the first sentence's synthesis plus opening and
starting the stream. The device's own output latency comes on top and depends on the hardware.
Target: under 300 ms with espeak-ng here.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import metadata

from interviewer.banks import load_banks
from interviewer.speech.playback import (
    AudioOutput,
    NullOutput,
    OutputDeviceUnavailable,
    SoundDeviceOutput,
    Speaker,
)
from interviewer.speech.tts import Pyttsx3Synthesizer, SpeechError, split_sentences

TARGET_MS = 300.0


@dataclass
class Sample:
    first_audio: float  # speak() -> first samples handed to the device
    first_sentence: float  # speak() -> first sentence synthesised
    synthesized: float  # speak() -> every sentence synthesised
    spoken: float  # seconds of speech


def pct(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def row(label: str, values: Sequence[float], unit: float = 1000.0, fmt: str = "{:7.0f} ms") -> str:
    cells = [fmt.format(v * unit) for v in
             (statistics.median(values), pct(values, 0.9), max(values))]
    return f"  {label:<44}{cells[0]:>12}{cells[1]:>12}{cells[2]:>12}"


def measure(speaker: Speaker, texts: Sequence[str]) -> list[Sample]:
    out: list[Sample] = []
    for text in texts:
        utt = speaker.speak(text)
        if not utt.wait_first_audio(30) or not utt.wait_synthesized(30):
            raise SystemExit(f"no audio within 30 s for: {text}")
        if utt.error is not None:
            raise SystemExit(f"speech failed: {utt.error}")
        speaker.stop()  # the rest would only take the bench minutes of real-time playback
        utt.wait(10)
        start = utt.time_of("start")
        first = utt.time_of("first-audio")
        sentence = next(e.at for e in utt.events if e.kind == "sentence")
        done = utt.time_of("synthesized")
        assert start is not None and first is not None and done is not None
        out.append(Sample(first - start, sentence - start, done - start, utt.clip().seconds))
    return out


def make_output(device: str | None) -> tuple[AudioOutput, str]:
    out = SoundDeviceOutput(device)
    try:
        info = out.info()
    except OutputDeviceUnavailable as exc:
        return NullOutput(), f"no output device ({exc}): a real-time null output instead"
    return out, f"sounddevice -> '{info['name']}'"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--device", default=os.environ.get("INTERVIEWER_OUTPUT_DEVICE") or None,
                        help="output device (default: the system default)")
    parser.add_argument("--limit", type=int, default=0, help="only the first N questions")
    args = parser.parse_args(argv)

    bank = load_banks()
    questions = [q.prompt for q in bank.questions][: args.limit or None]
    follow_ups = [p for q in bank.questions for probes in q.probes.values() for p in probes]
    follow_ups = follow_ups[: (args.limit * 6) or None]

    cold = time.perf_counter()
    synth = Pyttsx3Synthesizer()
    try:
        synth.check()
        synth.warm_up()
    except SpeechError as exc:
        print(f"tts_latency: {exc}", file=sys.stderr)
        return 2
    cold = time.perf_counter() - cold
    output, where = make_output(args.device)

    def speaker(split: Callable[[str], list[str]]) -> Speaker:
        return Speaker(synth, output, split=split)

    streamed = measure(speaker(split_sentences), questions)
    streamed_follow = measure(speaker(split_sentences), follow_ups)
    whole_first = measure(speaker(lambda t: [" ".join(t.split())]), questions)

    try:
        version = metadata.version("pyttsx3")
    except metadata.PackageNotFoundError:
        version = "?"
    n_sent = [len(split_sentences(t)) for t in questions]
    print(f"TTS latency: pyttsx3 {version} ({synth.voice_in_use()}, "
          f"{synth.rate} wpm), {where}, {os.cpu_count()} CPU cores")
    print(f"  {len(questions)} bank questions ({statistics.median(n_sent):.0f} sentences, "
          f"{statistics.median(s.spoken for s in streamed):.1f} s of speech at the median; "
          f"max {max(n_sent)} sentences), {len(follow_ups)} follow-up probes; engine start + "
          f"warm-up {cold * 1000:.0f} ms (once per session)")
    print(f"  {'':<44}{'median':>12}{'p90':>12}{'max':>12}")
    print(row("follow-up ready -> first audio frame", [s.first_audio for s in streamed_follow]))
    print(row("question ready -> first audio frame", [s.first_audio for s in streamed]))
    print(row("  of which: first sentence synthesised", [s.first_sentence for s in streamed]))
    print(row("  of which: stream opened and started",
              [s.first_audio - s.first_sentence for s in streamed]))
    print(row("whole question synthesised (while it plays)", [s.synthesized for s in streamed]))
    print(row("baseline: whole question, then play", [s.first_audio for s in whole_first]))
    base = statistics.median(s.first_audio for s in whole_first)
    ours = statistics.median(s.first_audio for s in streamed)
    print(f"  baseline / sentence-streamed, median first audio: {base / ours:.2f}x")
    worst = max(s.first_audio for s in streamed + streamed_follow) * 1000
    verdict = "met" if worst < TARGET_MS else "MISSED"
    print(f"  target: first audio under {TARGET_MS:.0f} ms: {verdict} (worst {worst:.0f} ms)")
    return 0 if worst < TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
