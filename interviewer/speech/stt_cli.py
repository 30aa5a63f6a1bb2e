"""`interviewer transcribe` and `interviewer devices`, and the audio half of `score --audio`.

Kept out of cli.py so that the command line only wires them in (`add_parsers`, `run`).
Standard output carries only the result (text or one JSON object); problems are one line on
standard error and exit code 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from interviewer.speech.audio import AudioFileError
from interviewer.speech.capture import AudioUnavailable, Device, find_input
from interviewer.speech.stt import ModelLoadError

if TYPE_CHECKING:
    from interviewer.config import Settings
    from interviewer.speech.stt import Transcript

COMMANDS = ("transcribe", "devices")
EXIT_USAGE = 2
SPEECH_ERRORS = (AudioFileError, ModelLoadError, AudioUnavailable)
"""What a speech command reports as one line and exit code 2."""


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    tr = sub.add_parser("transcribe", help="transcribe an audio file (wav, flac, mp3, m4a...)")
    tr.add_argument("file", type=Path, metavar="FILE")
    tr.add_argument("--format", choices=("text", "json"), default="text",
                    help="plain text, or JSON with segments and word timestamps")
    tr.add_argument("--model", help="speech model: a local CTranslate2 folder or a name "
                                    "(default: stt_model, else the bundled tiny.en)")
    tr.add_argument("--beam-size", type=int, help="1 (fastest) to 10")
    dev = sub.add_parser("devices", help="list microphones and speakers (* = the default)")
    dev.add_argument("--format", choices=("text", "json"), default="text")


def transcribe_file(path: Path, settings: Settings, *, model: str | None = None,
                    beam_size: int | None = None) -> Transcript:
    """Decode and transcribe a file with the configured model (blocking).

    Raises AudioFileError (unreadable file) or ModelLoadError (no model)."""
    from dataclasses import replace

    from interviewer.speech.audio import load_audio
    from interviewer.speech.stt import SttSettings, WhisperTranscriber
    from interviewer.speech.wavfile import truncated_wav

    audio = load_audio(path)  # before the model: a bad file fails fast
    cut = truncated_wav(path)
    if cut is not None:
        print(f"interviewer: {path}: the recording is truncated ({cut[1]:.1f} s of the "
              f"{cut[0]:.1f} s its header announces): transcribing what is there",
              file=sys.stderr)
    stt = SttSettings.from_settings(settings)
    if model is not None:
        stt = replace(stt, model=model)
    if beam_size is not None:
        if not 1 <= beam_size <= 10:
            raise ModelLoadError("--beam-size must be between 1 and 10")
        stt = replace(stt, beam_size=beam_size)
    return WhisperTranscriber(stt).transcribe(audio)


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


def _transcribe(args: argparse.Namespace, settings: Settings) -> int:
    transcript = transcribe_file(args.file, settings, model=args.model,
                                 beam_size=args.beam_size)
    if args.format == "json":
        payload = {"file": str(args.file), **transcript.to_dict()}
        sys.stdout.write(json.dumps(payload, ensure_ascii=False) + "\n")
    elif transcript.text:
        sys.stdout.write(transcript.text + "\n")
    else:
        print(f"interviewer: no speech heard in {args.file}", file=sys.stderr)
    return 0


def _devices(args: argparse.Namespace, settings: Settings) -> int:
    from interviewer.speech.capture import list_devices

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


def run(args: argparse.Namespace, settings: Settings) -> int:
    """Run `transcribe` or `devices`; a problem is one line on stderr and exit code 2."""
    try:
        if args.command == "transcribe":
            return _transcribe(args, settings)
        return _devices(args, settings)
    except SPEECH_ERRORS as exc:
        print(f"interviewer: {exc}", file=sys.stderr)
        return EXIT_USAGE
