"""What word timestamps cost a pass: the same tail decoded with and without them, side by side.

    .venv/bin/python bench/word_timestamps_cost.py [--runs 5]

The end of a hands-free answer waits for the pass over its last sentence, and the turn judge
reads that pass's last-word probabilities, which come with the word timestamps. Whether to
time words in the passes or after the answer (`StreamingSettings.words_later`) depends on what
they cost here: tails of 3, 8 and 15 s of strong.flac (plus the transcriber's own 0.5 s pad),
decoded by the bundled tiny.en (beam 5), with and without timestamps interleaved run by run so
that load falls on both alike. Prints medians and the ratio.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from interviewer.speech.audio import SAMPLE_RATE, load_audio  # noqa: E402
from interviewer.speech.whisper_stt import WhisperTranscriber  # noqa: E402

TAILS_S = (3.0, 8.0, 15.0)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--runs", type=int, default=5)
    args = p.parse_args()
    audio = load_audio(ROOT / "audio_fixtures" / "strong.flac")
    whisper = WhisperTranscriber()
    whisper.load()
    whisper.transcribe(audio[: 3 * SAMPLE_RATE])  # warm-up, not counted
    print(f"word timestamps: cost of a pass (2 cores, load {os.getloadavg()[0]:.1f})")
    print(f"{'tail':>6} {'without':>9} {'with':>9} {'with/without':>13}")
    for tail in TAILS_S:
        clip = audio[: int(tail * SAMPLE_RATE)]
        took: dict[bool, list[float]] = {False: [], True: []}
        for _ in range(args.runs):
            for words in (False, True):
                start = time.perf_counter()
                whisper.transcribe(clip, word_timestamps=words)
                took[words].append(time.perf_counter() - start)
        without, with_ = (statistics.median(took[w]) for w in (False, True))
        print(f"{tail:5.0f}s {without:8.3f}s {with_:8.3f}s {with_ / without:12.2f}x")
    print(f"(median of {args.runs} runs each; load at the end {os.getloadavg()[0]:.1f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
