"""`interviewer transcribe` and `interviewer devices`, and the audio half of `score --audio`.

Standard output carries only the result (text or one JSON object); problems are one line on
standard error and exit code 2 (`main` says them).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from interviewer.cli.command import Context, setting_flag
from interviewer.speech.devices import Device, find_input
from interviewer.speech.errors import AudioUnavailable

if TYPE_CHECKING:
    from interviewer.config import Settings
    from interviewer.speech.stt import Transcript


def transcribe_arguments(tr: argparse.ArgumentParser) -> None:
    tr.add_argument("file", type=Path, metavar="FILE")
    tr.add_argument("--format", choices=("text", "json"), default="text",
                    help="plain text, or JSON with segments and word timestamps")
    setting_flag(tr, "--model", setting="stt_model", metavar="MODEL",
                 help="speech model: a local CTranslate2 folder or a name "
                      "(default: stt_model, else the bundled tiny.en)")
    setting_flag(tr, "--beam-size", setting="stt_beam_size", metavar="BEAM_SIZE",
                 help="1 (fastest) to 10")


def devices_arguments(dev: argparse.ArgumentParser) -> None:
    dev.add_argument("--format", choices=("text", "json"), default="text")


def transcribe_file(path: Path, settings: Settings) -> Transcript:
    """Decode and transcribe a file with the configured model or speech server (blocking); a
    server that fails is said in one line on stderr, and the local model transcribes instead.

    Raises AudioFileError (unreadable file) or ModelLoadError (no model)."""
    from interviewer.speech.audio import load_audio
    from interviewer.speech.factory import make_transcriber
    from interviewer.speech.wavfile import truncated_wav

    audio = load_audio(path)  # before the model: a bad file fails fast
    cut = truncated_wav(path)
    if cut is not None:
        print(f"interviewer: {path}: the recording is truncated ({cut[1]:.1f} s of the "
              f"{cut[0]:.1f} s its header announces): transcribing what is there",
              file=sys.stderr)
    transcriber = make_transcriber(settings)
    try:
        transcript = transcriber.transcribe(audio)
    finally:
        close = getattr(transcriber, "close", None)
        if callable(close):
            close()
    notice = getattr(transcriber, "notice", "")  # a speech server failed: the local model did it
    if notice:
        print(f"interviewer: {notice}", file=sys.stderr)
    return transcript


def delivery_of(transcript: Transcript) -> dict[str, Any] | None:
    """`score --audio`'s `"delivery"` figures, from the transcript's word timestamps."""
    from interviewer.speech.delivery import from_words

    words = transcript.words
    return from_words(words).to_dict() if words else None


def delivery_markdown(delivery: dict[str, Any]) -> str:
    """The delivery figures as a Markdown section, each with its target band."""
    from interviewer.report.session_view import figures_text
    from interviewer.speech.delivery_bands import DELIVERY_BANDS

    bands = {b.label: b.text for b in DELIVERY_BANDS}
    numbers = {k: float(v) for k, v in delivery.items()
               if isinstance(v, (int, float)) and not isinstance(v, bool)}
    lines = [f"- {label}: {value}" + (f" (target: {bands[label]})" if label in bands else "")
             for label, value in figures_text(numbers)]
    return "\n## Delivery\n\n" + "\n".join(lines) + "\n"


def transcribe(ctx: Context) -> int:
    args, settings = ctx.args, ctx.settings
    transcript = transcribe_file(args.file, settings)
    if args.format == "json":
        payload = {"file": str(args.file), **transcript.to_dict()}
        sys.stdout.write(json.dumps(payload, ensure_ascii=False) + "\n")
    elif transcript.text:
        sys.stdout.write(transcript.text + "\n")
    else:
        print(f"interviewer: no speech heard in {args.file}", file=sys.stderr)
    return 0


def devices(ctx: Context) -> int:
    from interviewer.speech.devices import list_devices

    args, settings = ctx.args, ctx.settings
    devices = list_devices()
    in_use: Device | None
    try:
        in_use = find_input(settings.input_device, devices)
    except AudioUnavailable:
        in_use = None
    if args.format == "json":
        payload: dict[str, Any] = {
            "devices": [d.to_dict() for d in devices],
            "input_device": settings.input_device,
            "output_device": settings.output_device,
            "input_in_use": in_use.index if in_use else None,
        }
        sys.stdout.write(json.dumps(payload) + "\n")
        return 0
    for title, kind in (("Microphones (inputs)", "inputs"), ("Speakers (outputs)", "outputs")):
        print(f"{title}:")
        shown = [d for d in devices if getattr(d, kind) > 0]
        for d in shown:
            default = d.default_input if kind == "inputs" else d.default_output
            notes = ["default"] if default else []
            if kind == "inputs" and in_use is not None and d.index == in_use.index:
                notes.append("in use")
            mark = "*" if default else " "
            extra = f"  ({', '.join(notes)})" if notes else ""
            print(f"  {mark} {d.index:>3}  {d.name}  [{d.hostapi}, {getattr(d, kind)} ch]{extra}")
        if not shown:
            print("    (none found)")
    if settings.input_device and in_use is None:
        print(f"The configured microphone '{settings.input_device}' was not found.")
    print("Choose with input-device / output-device in the config file, or "
          "INTERVIEWER_INPUT_DEVICE / INTERVIEWER_OUTPUT_DEVICE.")
    return 0

