"""Peak memory of a whole voice interview, in-process: the Textual app driven by Pilot, the real
tiny.en model and the interviewer's voice (loaded by the app's worker), the real microphone path
recording the virtual microphone, and the voice speaking into NullOutput at real time. Then, with
`--sweep`, every bank question spoken by the same voice, as a long session would: Piper's
onnxruntime must not keep growing with what it has synthesised.

    eval "$(scripts/virtual-audio.sh start)"
    .venv/bin/python bench/voice_memory.py                  # the two-minute answer, 2x speed
    .venv/bin/python bench/voice_memory.py --sweep          # ...then all 54 questions spoken
    .venv/bin/python bench/voice_memory.py --engine pyttsx3 --fixture weak.wav --speed 4
    .venv/bin/python bench/voice_memory.py --words-later off  # the words timed while spoken

Prints the voice, the answer's length, its transcript's first words, the process's peak RSS and
the CPU seconds the interview took.
Exit code 1 if the peak is 700 MB or more.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import os
import resource
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from interviewer.banks import load_banks  # noqa: E402
from interviewer.coach.offline import OfflineCoach  # noqa: E402
from interviewer.config import Settings  # noqa: E402
from interviewer.session.store import SessionStore  # noqa: E402
from interviewer.speech.audio import SAMPLE_RATE, load_audio  # noqa: E402
from interviewer.speech.factory import ChosenVoice  # noqa: E402
from interviewer.speech.null_output import NullOutput  # noqa: E402
from interviewer.speech.sounddevice_microphone import SoundDeviceMicrophone  # noqa: E402
from interviewer.speech.speaker import Speaker  # noqa: E402
from interviewer.speech.streaming_settings import StreamingSettings  # noqa: E402
from interviewer.speech.whisper_stt import WhisperTranscriber  # noqa: E402
from interviewer.ui.app import InterviewerApp  # noqa: E402
from interviewer.ui.scorecard_screen import ScorecardScreen  # noqa: E402
from interviewer.ui.voice import VoiceInterviewScreen  # noqa: E402
from interviewer.ui.voice_kit import VoiceKit  # noqa: E402
from tests.support.virtmic import feed_fifo  # noqa: E402
from tests.support.waiting import Deadline, WaitTimeout, pilot_until  # noqa: E402

TARGET_MB = 700


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def peak_rss_mb() -> float:
    """This process's peak RSS. VmHWM where there is /proc: ru_maxrss survives exec, so a
    process started by a big one (pytest holding the model) would report its parent's size."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def cpu_seconds() -> float:
    """User + system CPU of this process so far (every thread: Whisper, Piper, the UI)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


async def until(pilot: Any, condition: Any, timeout: float) -> None:
    try:
        await pilot_until(pilot, condition, timeout=timeout)
    except WaitTimeout as exc:
        raise SystemExit(f"voice_memory: {exc}") from None


async def interview(settings: Settings, voice: ChosenVoice, fifo: str, audio: np.ndarray,
                    speed: float) -> tuple[str, str]:
    def mic() -> SoundDeviceMicrophone:
        m = SoundDeviceMicrophone()
        m.check()
        return m

    home = settings.home
    kit = VoiceKit(WhisperTranscriber(), mic, lambda: Speaker(voice.synthesizer, NullOutput()),
                   voice=voice)
    app = InterviewerApp(settings, load_banks(),
                         OfflineCoach(), SessionStore(home), voice=kit, seed=1)
    async with app.run_test(size=(100, 34)) as pilot:
        await until(pilot, lambda: kit.ready, 120)
        await pilot.press("enter")  # the microphone and the speaker open in a worker
        await until(pilot, lambda: isinstance(app.screen, VoiceInterviewScreen), 60)
        screen = app.screen
        assert isinstance(screen, VoiceInterviewScreen)
        await until(pilot, lambda: screen.utterance is not None, 30)
        await pilot.press("space")
        writer = feed_fifo(fifo, audio, speed=speed)
        await until(pilot, lambda: not writer.is_alive(), 600)
        await pilot.pause(1.0)
        if screen.recording is not None:  # else it ended itself, at a pause the detector heard
            await pilot.press("space")    # as the end: space would start another answer
        else:
            print("(the answer ended itself at a pause, before the recording's end)")
        deadline = Deadline(600, "the scorecard")
        while not isinstance(app.screen, ScorecardScreen):
            deadline.check()
            if not screen.busy and not screen.transcribing and screen.engine.prompt is not None:
                await pilot.press("ctrl+n")  # skip the follow-ups (and an answer to one)
            await pilot.pause(0.05)
        record = screen.engine.record
    turn = "loaded" if kit.turn is not None else f"none ({kit.turn_notice or 'not loaded'})"
    return record.questions[0].exchanges[0].answer, turn


def sweep(voice: ChosenVoice) -> int:
    """Every bank question spoken: synthesised whole, its playback (real time, into a null
    output) cut short once it has started, as when the candidate starts answering."""
    speaker = Speaker(voice.synthesizer, NullOutput())
    questions = [q.prompt for q in load_banks().questions]
    for text in questions:
        utt = speaker.speak(text)
        utt.wait_first_audio(120)
        speaker.stop()
        if not utt.wait(120) or utt.error is not None:
            raise SystemExit(f"voice_memory: speech failed: {utt.error}")
    speaker.close()
    return len(questions)


def force_words_later(on: bool) -> None:
    """The voice screen's answers decoded with `words_later` on or off (the default aside)."""
    made: Callable[..., StreamingSettings] = \
        StreamingSettings.from_settings.__func__  # type: ignore[attr-defined]

    def from_settings(cls: type[StreamingSettings], settings: Any) -> StreamingSettings:
        return dataclasses.replace(made(cls, settings), words_later=on)

    StreamingSettings.from_settings = classmethod(  # type: ignore[method-assign,assignment]
        from_settings)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fixture", default="long.flac", help="a file in audio_fixtures/")
    parser.add_argument("--speed", type=float, default=2.0, help="times real time")
    parser.add_argument("--engine", choices=("auto", "piper", "pyttsx3"), default="auto",
                        help="the voice (default: auto, Piper where installed)")
    parser.add_argument("--sweep", action="store_true",
                        help="then speak every bank question with the same voice")
    parser.add_argument("--words-later", choices=("default", "on", "off"), default="default",
                        help="StreamingSettings.words_later for the answer (default: its default)")
    args = parser.parse_args()
    if args.words_later != "default":
        force_words_later(args.words_later == "on")
    fifo = os.environ.get("INTERVIEWER_VIRTMIC_FIFO")
    if not fifo or not Path(fifo).exists():
        print('voice_memory: start the virtual microphone: eval "$(scripts/virtual-audio.sh '
              'start)"', file=sys.stderr)
        return 2
    speech = load_audio(ROOT / "audio_fixtures" / args.fixture)
    audio = np.concatenate((speech, np.zeros(SAMPLE_RATE, np.float32)))
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["INTERVIEWER_CONFIG"] = str(Path(tmp) / "config.toml")
        settings = Settings(home=Path(tmp) / "home", questions=1, mode="voice",
                            tts_engine=args.engine)
        voice = ChosenVoice(settings)
        words_later = StreamingSettings.from_settings(settings).words_later
        cpu_before = cpu_seconds()
        text, turn = asyncio.run(interview(settings, voice, fifo, audio, args.speed))
        cpu = cpu_seconds() - cpu_before
        peak = peak_rss_mb()
        swept = sweep(voice) if args.sweep else 0
    synth = voice.synthesizer
    notice = f"; {voice.notice}" if voice.notice else ""
    print(f"voice: {synth.name} ({synth.voice_in_use()}){notice}; end-of-turn model: {turn}")
    print(f"answer: {len(speech) / SAMPLE_RATE:.0f} s of {args.fixture} at {args.speed:g}x, "
          f"words_later {'on' if words_later else 'off'}; "
          f"transcript: {' '.join(text.split()[:8])}...")
    print(f"peak memory (RSS) of the voice interview: {peak:.0f} MB (target < {TARGET_MB} MB)")
    print(f"CPU of the voice interview (model loads included): {cpu:.1f} s")
    if swept:
        peak = peak_rss_mb()
        print(f"then {swept} bank questions spoken by the same voice: peak {peak:.0f} MB, "
              f"{rss_mb():.0f} MB at the end")
    return 0 if peak < TARGET_MB else 1


if __name__ == "__main__":
    sys.exit(main())
