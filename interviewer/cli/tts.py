"""`interviewer speak` and `interviewer voices`: the interviewer's voice, headless."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from interviewer.cli.command import INTERRUPTED, Context, UsageError, setting_flag, tell
from interviewer.speech.errors import SpeechError
from interviewer.speech.factory import make_synthesizer
from interviewer.speech.piper_tts import BUNDLED_VOICE, INSTALL_HINT, is_voice_file, piper_missing
from interviewer.speech.remote_backends import DEFAULT_VOICE
from interviewer.speech.synthesizer import RATE_RANGE, Synthesizer, VoiceInfo

if TYPE_CHECKING:
    from interviewer.config import Settings


def speak_arguments(speak: argparse.ArgumentParser) -> None:
    speak.add_argument("text", metavar="TEXT", help="what to say ('-' reads standard input)")
    speak.add_argument("--output", "-o", type=Path, metavar="FILE.wav",
                       help="write a WAV file instead of playing it ('-' for standard output)")
    setting_flag(speak, "--engine", setting="tts_engine", choices=("piper", "pyttsx3", "openai"),
                 help="the speech engine (default: tts-engine in the config, or auto)")
    setting_flag(speak, "--voice", setting="tts_voice", metavar="VOICE",
                 help="a voice id or name from `interviewer voices`, or a "
                      "Piper voice file (/path/to/voice.onnx)")
    setting_flag(speak, "--rate", setting="tts_rate", metavar="RATE",
                 help=f"words per minute ({RATE_RANGE[0]}-{RATE_RANGE[1]})")
    setting_flag(speak, "--volume", setting="tts_volume", metavar="VOLUME",
                 help="from 0.0 to 1.0")


def _synthesizer(args: argparse.Namespace, settings: Settings) -> Synthesizer:
    """The synthesizer the settings and flags choose; a fallback's notice goes to stderr."""
    try:
        synth, notice = make_synthesizer(
            settings, engine=getattr(args, "engine", None), voice=getattr(args, "voice", None),
            rate=getattr(args, "rate", None), volume=getattr(args, "volume", None),
            progress=tell)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    if notice:
        tell(notice)
    return synth


def _text(args: argparse.Namespace) -> str:
    text: str = sys.stdin.read() if args.text == "-" else args.text
    if not any(ch.isalnum() for ch in text):
        raise UsageError("there is nothing to say in TEXT")
    return " ".join(text.split())


def speak(ctx: Context) -> int:
    args, settings = ctx.args, ctx.settings
    text = _text(args)
    synth = _synthesizer(args, settings)
    if args.output is None:
        return _play(synth, text, settings)
    synth.check()
    synth.warm_up()
    try:
        clip = synth.synthesize_text(text)
    finally:
        synth.close()
    notice = getattr(synth, "notice", "")  # a voice server failed: the local voice spoke
    if notice:
        tell(notice)
    data = clip.to_wav_bytes()
    if str(args.output) == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return 0
    try:
        args.output.write_bytes(data)
    except OSError as exc:
        raise UsageError(f"{args.output}: cannot write it: {exc.strerror or exc}") from None
    print(f"interviewer: wrote {args.output} ({clip.seconds:.1f} s of speech)", file=sys.stderr)
    return 0


def _play(synth: Synthesizer, text: str, settings: Settings) -> int:
    from interviewer.speech.factory import make_output, open_speaker

    output = make_output(settings)
    output.check()  # before loading a voice that would have nowhere to speak
    speaker = open_speaker(settings, synthesizer=synth, output=output)
    utt = speaker.speak(text)
    try:
        utt.wait()
    except KeyboardInterrupt:
        speaker.stop()
        utt.wait(2.0)
        return INTERRUPTED
    finally:
        speaker.close()
    notice = getattr(synth, "notice", "")
    if notice:
        tell(notice)
    if utt.error is not None:
        raise utt.error
    return 0


def _engine_voices(engine: str, settings: Settings) -> tuple[list[VoiceInfo], str]:
    """One engine's voices, or why it has none ('' when it has)."""
    piper_voice = is_voice_file(settings.tts_voice) or settings.tts_voice == BUNDLED_VOICE
    mine = piper_voice == (engine == "piper") and settings.tts_engine != "openai"
    voice = settings.tts_voice if mine else ""  # with a server, tts-voice is the server's
    synth, _ = make_synthesizer(settings, engine=engine, voice=voice)
    if synth.name != engine:
        return [], f"{piper_missing() or 'not available'}; {INSTALL_HINT}"
    try:
        synth.check()
        return synth.list_voices(), ""
    except SpeechError as exc:
        return [], str(exc)


def voices(ctx: Context) -> int:
    args, settings = ctx.args, ctx.settings
    chosen = _synthesizer(args, settings)
    chosen.check()
    in_use = chosen.voice_in_use()
    total = 0
    if settings.tts_engine == "openai":  # the server lists its own voices, not this command
        print(f"* {'openai':<8} {settings.tts_voice or DEFAULT_VOICE:<28} "
              f"{settings.tts_model} at {settings.tts_base_url or 'api.openai.com'}")
        total += 1
    for engine in ("piper", "pyttsx3"):
        voices, why = _engine_voices(engine, settings)
        if why:
            print(f"  {engine:<8} (no voices: {why})")
        for v in voices:
            mark = "*" if engine == chosen.name and v.id == in_use else " "
            langs = ",".join(v.languages)
            print(f"{mark} {engine:<8} {v.id:<28} {v.name:<32} {langs:<8} "
                  f"{v.gender or ''}".rstrip())
        total += len(voices)
    print(f"{total} voices; choose with tts-engine (piper, pyttsx3, openai) and tts-voice in the "
          "config file (a Piper voice: the path of its .onnx file), INTERVIEWER_TTS_ENGINE and "
          "INTERVIEWER_TTS_VOICE, or `speak --engine/--voice`")
    return 0

