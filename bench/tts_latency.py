"""The interviewer's voices side by side, in one run: Piper (the neural voice, the default where
installed) and pyttsx3 (espeak-ng on Linux). For each: how soon it starts speaking (text ready ->
first audio frame, over every bank question and follow-up probe, against a baseline that
synthesises the whole text first) and how intelligible it is (every bank question spoken, then
transcribed by the bundled Whisper model: the word error rate).

    .venv/bin/python bench/tts_latency.py                 (make bench: on the virtual audio server)
    .venv/bin/python bench/tts_latency.py --limit 8       (a quick subset)
    .venv/bin/python bench/tts_latency.py --probe-step 1  (every follow-up probe, not a third)

"First audio" is the moment the first samples are handed to the output device (PortAudio's
callback), measured from `Speaker.speak()`: the first piece's synthesis plus opening and starting
the stream. The device's own output latency comes on top and depends on the hardware.
Targets, for the default voice: a follow-up's first audio within 300 ms (median), a mean word
error rate of 0.07 or less.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the tests/support package

from interviewer.banks import load_banks  # noqa: E402
from interviewer.config import Settings  # noqa: E402
from interviewer.speech.audio import SAMPLE_RATE  # noqa: E402
from interviewer.speech.audio_output import AudioOutput  # noqa: E402
from interviewer.speech.errors import OutputDeviceUnavailable, SpeechError  # noqa: E402
from interviewer.speech.factory import choose_engine, make_synthesizer  # noqa: E402
from interviewer.speech.null_output import NullOutput  # noqa: E402
from interviewer.speech.sounddevice_output import SoundDeviceOutput  # noqa: E402
from interviewer.speech.speaker import Speaker  # noqa: E402
from interviewer.speech.synthesizer import Synthesizer  # noqa: E402
from interviewer.speech.utterance import Utterance  # noqa: E402
from interviewer.speech.whisper_stt import WhisperTranscriber  # noqa: E402
from tests.support.wer import wer  # noqa: E402

FOLLOW_UP_TARGET_MS = 300.0
WER_TARGET = 0.07
ENGINES = ("pyttsx3", "piper")


@dataclass
class Sample:
    first_audio: float  # speak() -> first samples handed to the device
    first_piece: float  # speak() -> first piece synthesised
    synthesized: float  # speak() -> every piece synthesised
    spoken: float  # seconds of speech
    gap: float = 0.0  # silence inside the speech: a piece not ready when the one before ended


def speech_gap(utt: Utterance, first_audio: float) -> float:
    """Seconds the voice would fall silent mid-speech, from when each piece was ready and how
    long the pieces before it play (playing from `first_audio`, with no other hold-up)."""
    ready = {e.index: e.at for e in utt.events if e.kind == "sentence"}
    clips = utt.clips()
    gap, end = 0.0, first_audio + (clips[0].seconds if clips else 0.0)
    for i, clip in enumerate(clips[1:], start=1):
        start = max(ready.get(i, end), end)
        gap += start - end
        end = start + clip.seconds
    return gap


@dataclass
class Result:
    engine: str
    label: str
    cold: float
    rss_added_mb: float
    follow_ups: list[Sample]
    questions: list[Sample]
    whole_first: list[Sample]
    long_lead: list[Sample] = field(default_factory=list)
    """Piper's follow-ups with the earlier, longer first piece (the baseline of the short one)."""
    first_piece_cpu: list[float] = field(default_factory=list)
    wers: list[float] = field(default_factory=list)
    worst: tuple[float, str, str] = (0.0, "", "")


def pct(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def rss_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def measure(speaker: Speaker, texts: Sequence[str]) -> list[Sample]:
    return [measure_one(speaker, text) for text in texts]


def measure_one(speaker: Speaker, text: str) -> Sample:
    utt = speaker.speak(text)
    if not utt.wait_first_audio(60) or not utt.wait_synthesized(60):
        raise SystemExit(f"no audio within 60 s for: {text}")
    if utt.error is not None:
        raise SystemExit(f"speech failed: {utt.error}")
    speaker.stop()  # the rest would only take the bench minutes of real-time playback
    utt.wait(10)
    start = utt.time_of("start")
    first = utt.time_of("first-audio")
    piece = next(e.at for e in utt.events if e.kind == "sentence")
    done = utt.time_of("synthesized")
    assert start is not None and first is not None and done is not None
    return Sample(first - start, piece - start, done - start, utt.clip().seconds,
                  speech_gap(utt, first))


def make_output(device: str | None) -> tuple[AudioOutput, str]:
    out = SoundDeviceOutput(device)
    try:
        info = out.info()
    except OutputDeviceUnavailable as exc:
        return NullOutput(), f"no output device ({exc}): a real-time null output instead"
    return out, f"sounddevice -> '{info.name}'"


def engine_label(engine: str, synth: Synthesizer) -> str:
    package = "piper-tts" if engine == "piper" else "pyttsx3"
    try:
        version = metadata.version(package)
    except metadata.PackageNotFoundError:
        version = "?"
    return f"{engine} {version} ({synth.voice_in_use()})"


def run_engine(engine: str, questions: Sequence[str], follow_ups: Sequence[str],
               output: AudioOutput, transcriber: WhisperTranscriber | None) -> Result:
    before = rss_mb()
    cold = time.perf_counter()
    synth, notice = make_synthesizer(Settings(), engine=engine)
    if notice or synth.name != engine:
        raise SystemExit(f"tts_latency: {engine}: {notice}")
    try:
        synth.check()
        synth.warm_up()
    except SpeechError as exc:
        raise SystemExit(f"tts_latency: {engine}: {exc}") from None
    cold = time.perf_counter() - cold

    def speaker(split: Callable[[str], list[str]] | None = None) -> Speaker:
        return Speaker(synth, output, split=split)

    follow: list[Sample] = []
    long_lead: list[Sample] = []
    if engine == "piper":  # interleaved with its baseline, so both meet the same load
        from interviewer.speech.pieces import piper_pieces

        ours, theirs = speaker(), speaker(lambda t: piper_pieces(t, short_lead=False))
        for text in follow_ups:
            follow.append(measure_one(ours, text))
            long_lead.append(measure_one(theirs, text))
    else:
        follow = measure(speaker(), follow_ups)
    result = Result(engine, engine_label(engine, synth), cold, 0.0, follow,
                    measure(speaker(), questions),
                    measure(speaker(lambda t: [" ".join(t.split())]), questions), long_lead)
    for text in follow_ups:  # CPU time, which the machine's other load does not inflate
        piece = synth.split_text(text)[0]
        cpu = time.process_time()
        synth.synthesize(piece)
        result.first_piece_cpu.append(time.process_time() - cpu)
    if transcriber is not None:
        for text in questions:
            clip = synth.synthesize_text(text).resampled(SAMPLE_RATE)
            heard = transcriber.transcribe(clip.as_float32()).text
            result.wers.append(wer(text, heard))
            if result.wers[-1] > result.worst[0]:
                result.worst = (result.wers[-1], text, heard)
    result.rss_added_mb = rss_mb() - before
    return result


def ms(values: Sequence[float], q: float = 0.5) -> float:
    return (statistics.median(values) if q == 0.5 else pct(values, q)) * 1000


def report(results: Sequence[Result], default: str, n_questions: int, n_follow: int,
           where: str) -> int:
    print(f"TTS voices side by side: {n_questions} bank questions, {n_follow} follow-up probes; "
          f"{where}; {os.cpu_count()} CPU cores; default voice here: {default}")
    for r in results:
        print(f"  {r.engine:<8} = {r.label}")
    names = [r.engine for r in results]
    head = "".join(f"{n:>12}" for n in names)
    ratio = len(results) == 2
    print(f"  {'':<48}{head}{'ratio' if ratio else '':>10}")

    def line(label: str, values: list[float], fmt: str = "{:9.0f} ms") -> None:
        cells = "".join(f"{fmt.format(v):>12}" for v in values)
        extra = f"{values[1] / values[0]:9.1f}x" if ratio and values[0] > 0 else ""
        print(f"  {label:<48}{cells}{extra:>10}")

    line("follow-up ready -> first audio, median", [ms([s.first_audio for s in r.follow_ups])
                                                   for r in results])
    line("  p90", [ms([s.first_audio for s in r.follow_ups], 0.9) for r in results])
    line("  max", [max(s.first_audio for s in r.follow_ups) * 1000 for r in results])
    longer = [r for r in results if r.long_lead]
    for r in longer:
        long_first = [s.first_audio for s in r.long_lead]
        short_first = [s.first_audio for s in r.follow_ups]
        print(f"  {r.engine}, baseline: the earlier, longer first piece (3-8 words): follow-up "
              f"first audio median {ms(long_first):.0f} ms (p90 {ms(long_first, 0.9):.0f} ms), "
              f"{ms(long_first) / ms(short_first):.2f}x the short one's; silent gap mid-speech "
              f"in {100 * sum(s.gap > 0.02 for s in r.long_lead) / len(long_first):.1f} % "
              f"(short: {100 * sum(s.gap > 0.02 for s in r.follow_ups) / len(short_first):.1f} %)")
    line("  its first piece: CPU time of the synthesis", [ms(r.first_piece_cpu)
                                                         for r in results])
    line("question ready -> first audio, median", [ms([s.first_audio for s in r.questions])
                                                  for r in results])
    line("  p90", [ms([s.first_audio for s in r.questions], 0.9) for r in results])
    line("  of which: first piece synthesised", [ms([s.first_piece for s in r.questions])
                                                 for r in results])
    for label, kind in (("follow-ups", "follow_ups"), ("questions", "questions")):
        line(f"{label} with a silent gap mid-speech (%)",
             [100 * sum(s.gap > 0.02 for s in getattr(r, kind)) / len(getattr(r, kind))
              for r in results], "{:9.1f} %")
        line("  gap's length where there is one, median",
             [ms([s.gap for s in getattr(r, kind) if s.gap > 0.02] or [0.0]) for r in results])
    line("whole question synthesised (while it plays)", [ms([s.synthesized for s in r.questions])
                                                         for r in results])
    line("baseline: whole question, then play", [ms([s.first_audio for s in r.whole_first])
                                                 for r in results])
    line("engine load + warm-up (once per session)", [r.cold * 1000 for r in results])
    line("memory added by the engine (RSS)", [r.rss_added_mb for r in results], "{:9.0f} MB")
    if all(r.wers for r in results):
        line(f"mean word error rate, {len(results[0].wers)} questions",
             [statistics.mean(r.wers) for r in results], "{:12.3f}")
        line("  worst question", [max(r.wers) for r in results], "{:12.3f}")
        for r in results:
            print(f"  {r.engine} worst: said \"{r.worst[1]}\"\n{'':<{len(r.engine) + 10}}"
                  f"heard \"{r.worst[2].strip()}\"")
    for r in results:
        base = statistics.median(s.first_audio for s in r.whole_first)
        ours = statistics.median(s.first_audio for s in r.questions)
        print(f"  {r.engine}: baseline / streamed, median question first audio: "
              f"{base / ours:.2f}x")

    verdicts = []
    for r in results:
        if r.engine != default:
            continue
        follow = ms([s.first_audio for s in r.follow_ups])
        verdicts.append(follow <= FOLLOW_UP_TARGET_MS)
        print(f"  target ({default}): follow-up first audio <= {FOLLOW_UP_TARGET_MS:.0f} ms "
              f"median: {'met' if verdicts[-1] else 'MISSED'} ({follow:.0f} ms)")
        if r.wers:
            mean = statistics.mean(r.wers)
            verdicts.append(mean <= WER_TARGET)
            print(f"  target ({default}): mean WER <= {WER_TARGET}: "
                  f"{'met' if verdicts[-1] else 'MISSED'} ({mean:.3f})")
    return 0 if all(verdicts) else 1


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--device", default=os.environ.get("INTERVIEWER_OUTPUT_DEVICE") or None,
                        help="output device (default: the system default)")
    parser.add_argument("--limit", type=int, default=0,
                        help="only the first N questions (and 3N follow-ups)")
    parser.add_argument("--probe-step", type=int, default=3,
                        help="every Nth follow-up probe (default 3: a third of them; 1: all)")
    parser.add_argument("--engines", default=",".join(ENGINES),
                        help="comma-separated: piper, pyttsx3 (default: both)")
    parser.add_argument("--no-wer", action="store_true", help="skip the intelligibility pass")
    args = parser.parse_args(argv)

    bank = load_banks()
    questions = [q.prompt for q in bank.questions][: args.limit or None]
    follow_ups = [p for q in bank.questions for probes in q.probes.values() for p in probes]
    follow_ups = follow_ups[::max(1, args.probe_step)][: (args.limit * 3) or None]
    engines = [e.strip() for e in args.engines.split(",") if e.strip()]
    default, _ = choose_engine("auto", "")
    output, where = make_output(args.device)
    transcriber = None
    if not args.no_wer:
        transcriber = WhisperTranscriber()
        transcriber.load()
    results = [run_engine(e, questions, follow_ups, output, transcriber) for e in engines]
    return report(results, default, len(questions), len(follow_ups), where)


if __name__ == "__main__":
    sys.exit(main())
