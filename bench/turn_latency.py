"""Turn latency of a spoken answer: transcription while speaking vs. after the answer ends.

    .venv/bin/python bench/turn_latency.py                 # the reported figures (real time)
    .venv/bin/python bench/turn_latency.py --speed 4 --runs 1    # a quick check

Each run plays the two-minute fixture into a VoiceAnswer (file microphone -> WAV on disk +
streaming transcriber) at real-time pace, waits for the last audio block, then stops the answer
at once, as a candidate pressing space would. The turn latency is the time from that last block
to the final transcript. In the same run the baseline transcribes the whole file after it ends
(the same model and settings). It prints both with their ratio, the real-time factors, the
accuracy of both against the reference text, and the process's peak memory (RSS).
Exit code 1 if the target (median <= 1.0 s and >= 5x lower than the baseline) is missed.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from interviewer.speech.answer_recording import VoiceAnswer  # noqa: E402
from interviewer.speech.audio import load_audio, seconds  # noqa: E402
from interviewer.speech.file_microphone import FileMicrophone  # noqa: E402
from interviewer.speech.streaming_settings import StreamingSettings  # noqa: E402
from interviewer.speech.whisper_stt import SttSettings, WhisperTranscriber  # noqa: E402
from tests.support.wer import wer  # noqa: E402

TARGET_S = 1.0
TARGET_RATIO = 5.0


def say(*parts: object) -> None:
    print(*parts, flush=True)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--fixture", type=Path, default=ROOT / "audio_fixtures" / "long.flac")
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--speed", type=float, default=1.0,
                   help="1 = real time (the reported figures); more is a quicker check")
    p.add_argument("--threads", type=int, default=0, help="0 = cores, at most 4")
    p.add_argument("--beam-size", type=int, default=5)
    p.add_argument("--pause-s", type=float, default=StreamingSettings.pause_s,
                   help="pause that closes a chunk (tuning)")
    p.add_argument("--end-pass-s", type=float, default=StreamingSettings.end_pass_s,
                   help="quiet that starts a pass at once (tuning)")
    p.add_argument("--caption-interval-s", type=float,
                   default=StreamingSettings.caption_interval_s, help="(tuning)")
    args = p.parse_args(argv)

    audio = load_audio(args.fixture)
    ref_path = args.fixture.with_suffix(".txt")
    reference = ref_path.read_text(encoding="utf-8") if ref_path.exists() else None
    stt = SttSettings(cpu_threads=args.threads, beam_size=args.beam_size)
    transcriber = WhisperTranscriber(stt)
    t0 = time.perf_counter()
    transcriber.load()
    load_s = time.perf_counter() - t0
    streaming = replace(StreamingSettings(), beam_size=args.beam_size, silence_end_s=0,
                        pause_s=args.pause_s, end_pass_s=args.end_pass_s,
                        caption_interval_s=args.caption_interval_s)
    pace = "real time" if args.speed == 1 else f"{args.speed:g}x real time (a quick check)"
    say(f"turn latency: {args.fixture.name}, {seconds(audio):.1f} s of speech, "
          f"Whisper {transcriber.source.label if transcriber.source else '?'} "
          f"{stt.compute_type}, {stt.threads} threads, beam {args.beam_size}, {pace}, "
          f"{args.runs} runs")
    say(f"model load: {load_s:.2f} s")

    latencies: list[float] = []
    baselines: list[float] = []
    for run in range(1, args.runs + 1):
        with tempfile.TemporaryDirectory() as tmp:
            mic = FileMicrophone(audio, speed=args.speed)
            answer = VoiceAnswer(mic, transcriber, wav_path=Path(tmp) / "1.wav",
                                 settings=streaming)
            answer.start()
            mic.finished.wait()
            spoken = answer.stop()
            done = time.perf_counter()
            assert mic.last_block_at is not None
            latency = done - mic.last_block_at
        stats = answer.stream.stats
        t1 = time.perf_counter()
        whole = transcriber.transcribe(audio)
        baseline = time.perf_counter() - t1
        latencies.append(latency)
        baselines.append(baseline)
        accuracy = ""
        if reference is not None:
            accuracy = (f", WER {wer(reference, spoken.text):.1%} streaming / "
                        f"{wer(reference, whole.text):.1%} whole file")
        say(f"run {run}: turn latency {latency:.3f} s (tail {stats.tail_seconds:.1f} s"
              f"{', already transcribed' if stats.tail_reused else ''}; {stats.chunks} chunks, "
              f"{stats.tentative_passes} passes), baseline {baseline:.2f} s{accuracy}, "
              f"streaming vs whole file WER {wer(whole.text, spoken.text):.1%}")
        decode_rtf = stats.decode_seconds / seconds(audio)

    median = statistics.median(latencies)
    base = statistics.median(baselines)
    ratio = base / median if median > 0 else float("inf")
    say(f"median turn latency (streaming): {median:.3f} s")
    say(f"median baseline (whole file after the end): {base:.2f} s")
    say(f"ratio: {ratio:.1f}x lower")
    say(f"real-time factor: baseline {base / seconds(audio):.3f}; streaming decode "
          f"{decode_rtf:.3f} (model busy {decode_rtf:.0%} of the answer's time)")
    say(f"peak memory (RSS): {peak_rss_mb():.0f} MB")
    ok = median <= TARGET_S and ratio >= TARGET_RATIO
    say(f"target (median <= {TARGET_S:g} s and >= {TARGET_RATIO:g}x lower): "
          f"{'met' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
