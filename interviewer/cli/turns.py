"""`interviewer turns FILE`: where would a spoken answer in this file have ended itself?

The file is replayed through the same pipeline as the microphone (`turn_replay`), followed by
silence as a microphone would go on recording, faster than real time. The transcriber is told
what the live app tells it (as `hotwords`): the glossary, and the question with `--question` (the
app always gives the glossary); the hint changes what Whisper hears, what a decode costs and so
when the turn ends. `--no-hint` tells it nothing, to see that difference. Standard output carries
only the result; a problem is one line on standard error and exit code 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path

from interviewer.cli.command import Context, UsageError


def arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--fixed-silence", type=float, metavar="SECONDS",
                   help="end on this much silence only, without the end-of-turn detector")
    hint = p.add_mutually_exclusive_group()
    hint.add_argument("--question", metavar="TEXT",
                      help="the question the answer replies to: the transcriber gets the hint "
                           "the app gives it (the question and the glossary); without it, the "
                           "glossary alone")
    hint.add_argument("--no-hint", action="store_true",
                      help="give the transcriber no hint at all (the app always gives one)")


def run(ctx: Context) -> int:
    import numpy as np

    from interviewer.speech.answer_recording import primed
    from interviewer.speech.audio import SAMPLE_RATE, load_audio
    from interviewer.speech.factory import load_transcriber, make_transcriber
    from interviewer.speech.streaming_settings import StreamingSettings
    from interviewer.speech.turn import TurnDetector, load_detector
    from interviewer.speech.turn_replay import replay

    args, settings = ctx.args, ctx.settings
    audio = load_audio(args.file)  # before the models: a bad file fails fast
    stream = StreamingSettings.from_settings(settings)
    turn: TurnDetector | None = None
    if args.fixed_silence is not None:
        if not 0 < args.fixed_silence <= 60:
            raise UsageError("--fixed-silence must be between 0 and 60 seconds")
        stream = replace(stream, silence_end_s=args.fixed_silence)
    else:
        turn, notice = load_detector()
        if notice:
            print(f"interviewer: {notice}", file=sys.stderr)
    transcriber = make_transcriber(settings)
    load_transcriber(transcriber)
    tail = np.zeros(int((stream.silence_end_s + 1.0) * SAMPLE_RATE), np.float32)
    hinted = transcriber if args.no_hint else primed(transcriber, args.question or "")
    result = replay(np.concatenate((audio, tail)), hinted, turn, stream)
    payload = {**result.to_dict(), "duration_s": round(len(audio) / SAMPLE_RATE, 3),
               "file": str(args.file)}
    if args.format == "json":
        sys.stdout.write(json.dumps(payload, ensure_ascii=False) + "\n")
        return 0
    print(f"{args.file}: {payload['duration_s']:.2f} s, speech ends at "
          f"{result.speech_end_s:.2f} s")
    for end in result.ends:
        why = "heard finished" if end.reason == "turn" else "longest wait passed"
        detail = f"; {end.detail}" if end.detail else ""
        print(f"  answer ends at {end.at_s:.2f} s ({end.at_s - end.speech_end_s:.2f} s after "
              f"speech at {end.speech_end_s:.2f} s: {why}{detail})")
    if not result.ends:
        print("  no speech heard: the answer would not end by itself")
    return 0

