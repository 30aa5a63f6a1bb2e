"""What the question hint costs a decode: the same answers decoded with and without it, paired.

    .venv/bin/python bench/hint_cost.py [--cases 12]

The app tells Whisper the question and the glossary (`answer_recording.primed`, ~100 tokens of
prompt before every window); the replays told it nothing until `turns --question`. Complete
espeak-ng answers of the turn fixtures (to 0.6 s after the last word), each decoded by the
bundled tiny.en with the hint of a bank question and without, in both orders so that load falls
on both alike. Prints the medians and the median of the per-answer ratios.
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
sys.path.insert(0, str(ROOT / "audio_fixtures"))

from turn_fixtures import cases  # noqa: E402

from interviewer.banks import load_banks  # noqa: E402
from interviewer.speech.audio import SAMPLE_RATE  # noqa: E402
from interviewer.speech.glossary import transcription_hint  # noqa: E402
from interviewer.speech.whisper_stt import WhisperTranscriber  # noqa: E402

QUESTION = "strategy-startup-vs-bundled-copilot"


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--cases", type=int, default=12)
    args = p.parse_args()
    whisper = WhisperTranscriber()
    whisper.load()
    hint = transcription_hint(load_banks().by_id(QUESTION).prompt)
    load = os.getloadavg()[0]
    hinted: list[float] = []
    plain: list[float] = []
    ratios: list[float] = []
    for case in cases("complete")[:args.cases]:
        audio = case.audio[: int((case.last_word_s + 0.6) * SAMPLE_RATE)]
        for order in ((hint, ""), ("", hint)):
            took: dict[str, float] = {}
            for h in order:
                t0 = time.perf_counter()
                whisper.transcribe(audio, hint=h)
                took[h] = time.perf_counter() - t0
            hinted.append(took[hint])
            plain.append(took[""])
            ratios.append(took[hint] / took[""])
    print(f"a decode with the hint ({QUESTION} and the glossary) against none: {len(ratios)} "
          f"pairs over {args.cases} answers, 2 orders; 2 cores, load {load:.1f} -> "
          f"{os.getloadavg()[0]:.1f}")
    print(f"  median with the hint {statistics.median(hinted):.2f} s, without "
          f"{statistics.median(plain):.2f} s; per answer with/without: median "
          f"{statistics.median(ratios):.2f}x (range {min(ratios):.2f}-{max(ratios):.2f}x); "
          f"silent windows skipped {whisper.windows_skipped}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
