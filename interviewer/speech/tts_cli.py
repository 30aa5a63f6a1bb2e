"""`interviewer speak` and `interviewer voices`: the interviewer's voice, headless.

Kept out of cli.py so that the command line only wires them in (`add_parsers`, `run`).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from interviewer.speech.tts import RATE_RANGE, Pyttsx3Synthesizer, SpeechError

if TYPE_CHECKING:
    from interviewer.config import Settings

COMMANDS = ("speak", "voices")
EXIT_USAGE = 2


class _UsageError(Exception):
    pass


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    speak = sub.add_parser(
        "speak", help="say TEXT as the interviewer would, or write it to a WAV file")
    speak.add_argument("text", metavar="TEXT", help="what to say ('-' reads standard input)")
    speak.add_argument("--output", "-o", type=Path, metavar="FILE.wav",
                       help="write a WAV file instead of playing it ('-' for standard output)")
    speak.add_argument("--voice", help="a voice id or name from `interviewer voices`")
    speak.add_argument("--rate", type=int,
                       help=f"words per minute ({RATE_RANGE[0]}-{RATE_RANGE[1]})")
    speak.add_argument("--volume", type=float, help="from 0.0 to 1.0")
    sub.add_parser("voices", help="list the speech engine's voices (the one in use has a *)")


def _synthesizer(args: argparse.Namespace, settings: Settings) -> Pyttsx3Synthesizer:
    voice = getattr(args, "voice", None)
    rate = getattr(args, "rate", None)
    volume = getattr(args, "volume", None)
    try:
        return Pyttsx3Synthesizer(
            settings.tts_voice if voice is None else voice,
            settings.tts_rate if rate is None else rate,
            settings.tts_volume if volume is None else volume,
        )
    except ValueError as exc:
        raise _UsageError(str(exc)) from None


def _text(args: argparse.Namespace) -> str:
    text: str = sys.stdin.read() if args.text == "-" else args.text
    if not any(ch.isalnum() for ch in text):
        raise _UsageError("there is nothing to say in TEXT")
    return " ".join(text.split())


def _speak(args: argparse.Namespace, settings: Settings) -> int:
    text = _text(args)
    synth = _synthesizer(args, settings)
    synth.check()
    if args.output is None:
        return _play(synth, text, settings)
    clip = synth.synthesize_text(text)
    data = clip.to_wav_bytes()
    if str(args.output) == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return 0
    try:
        args.output.write_bytes(data)
    except OSError as exc:
        raise _UsageError(f"{args.output}: cannot write it: {exc.strerror or exc}") from None
    print(f"interviewer: wrote {args.output} ({clip.seconds:.1f} s of speech)", file=sys.stderr)
    return 0


def _play(synth: Pyttsx3Synthesizer, text: str, settings: Settings) -> int:
    from interviewer.speech.playback import SoundDeviceOutput, Speaker

    speaker = Speaker(synth, SoundDeviceOutput(settings.output_device))
    speaker.check()
    utt = speaker.speak(text)
    try:
        utt.wait()
    except KeyboardInterrupt:
        speaker.stop()
        utt.wait(2.0)
        return 130
    finally:
        speaker.close()
    if utt.error is not None:
        raise utt.error
    return 0


def _voices(args: argparse.Namespace, settings: Settings) -> int:
    synth = _synthesizer(args, settings)
    synth.check()
    in_use = synth.voice_in_use()
    voices = synth.list_voices()
    for v in voices:
        mark = "*" if v.id == in_use else " "
        langs = ",".join(v.languages)
        print(f"{mark} {v.id:<28} {v.name:<36} {langs:<10} {v.gender or ''}".rstrip())
    print(f"{len(voices)} voices; choose one with tts_voice in the config file, "
          "INTERVIEWER_TTS_VOICE, or `speak --voice`")
    return 0


def run(args: argparse.Namespace, settings: Settings) -> int:
    """Run `speak` or `voices`; a problem is one line on stderr and exit code 2."""
    try:
        if args.command == "speak":
            return _speak(args, settings)
        return _voices(args, settings)
    except (SpeechError, _UsageError) as exc:
        print(f"interviewer: {exc}", file=sys.stderr)
        return EXIT_USAGE
