"""Hands-free turn latency, end to end: the last spoken word of an answer -> the first audio
frame of the follow-up on the speaker, with no key pressed, in the TUI.

    eval "$(scripts/virtual-audio.sh start)"; .venv/bin/python bench/handsfree_latency.py

The app runs in-process (Pilot) with its real parts: the answer is spoken in real time into
the PulseAudio virtual microphone, recorded by sounddevice, transcribed while spoken; the
answer ends by itself; the offline coach asks a follow-up, spoken by pyttsx3 into the virtual
speaker. Measured per run: from the moment the answer's last word was written into the
microphone (its position in the audio, on the writer's clock) to the follow-up's first samples
handed to the output device. Side by side in one run: the end-of-turn detector (longest wait
8 s) and a fixed 4 s silence (the previous default). Exit code 1 if the detector's median is
above 1.3 s.

The arms alternate answer by answer in a balanced order (A B, then B A, ...), so neither is
always the one run first while the machine's load drifts; the load (1- and 5-minute averages)
is printed at the start, after every run and at the end. `--against DIR`: this checkout's
detector against another checkout's (a detached worktree of main, say), each run a child
process of this script measuring that code alone (`--code DIR --alone`), answer by answer in the
same balanced order.

`--compare`: the detector with faster-whisper's own model (every window decoded, the silence
after the last word included) against the app's, instead of the fixed silence;
`--ahead-compare`: the detector without the follow-up got ready during the pause (the code
before it) against the app's; `--rest-compare`: the detector with the window after the last
word encoded for the silence probe (the code before `silent_windows.REST_S`) against the
app's. `--only NAME
... --repeat N`: those fixtures; `--trace`: each turn's events around its last word
(bench/turn_trace.py's hooks: blocks in, passes, commits, verdicts, decodes, synthesis).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, TypeVar

ROOT = Path(__file__).resolve().parents[1]
# --code DIR: the interviewer measured is that checkout's (a child run of --against)
CODE = Path(sys.argv[sys.argv.index("--code") + 1]).resolve() if "--code" in sys.argv else ROOT
sys.path.insert(0, str(ROOT / "audio_fixtures"))
sys.path.insert(0, str(CODE))

import turn_trace  # noqa: E402  (bench/, beside this file)
from turn_fixtures import TurnCase, cases  # noqa: E402

from interviewer.banks import load_banks  # noqa: E402
from interviewer.coach.offline import OfflineCoach  # noqa: E402
from interviewer.config import Settings  # noqa: E402
from interviewer.session.store import SessionStore  # noqa: E402
from interviewer.speech.audio import SAMPLE_RATE  # noqa: E402
from interviewer.speech.factory import open_speaker  # noqa: E402
from interviewer.speech.sounddevice_microphone import SoundDeviceMicrophone  # noqa: E402
from interviewer.speech.whisper_stt import SttSettings, WhisperTranscriber  # noqa: E402
from interviewer.ui import voice as voice_screen  # noqa: E402
from interviewer.ui import voice_helpers  # noqa: E402
from interviewer.ui.app import InterviewerApp  # noqa: E402
from interviewer.ui.voice import VoiceInterviewScreen  # noqa: E402
from interviewer.ui.voice_kit import VoiceKit  # noqa: E402
from tests.support.virtmic import feed_fifo  # noqa: E402
from tests.support.waiting import WaitTimeout, pilot_until  # noqa: E402

T = TypeVar("T")

TARGET_S = 1.3
ANSWERS = ("complete-02", "complete-04", "complete-10", "complete-12", "complete-20",
           "complete-06", "complete-16")
LATENCY = re.compile(r"last word -> follow-up audio ([0-9.]+) s")
HAND_OFF = re.compile(r"hand-off: verdict -> first audio ([0-9.]+) s")


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"{one:.1f}/{five:.1f}"


def balanced(ways: list[T], run: int) -> list[T]:
    """The arms in the order of run `run`: as given, then reversed, and so on (A B, B A, ...)."""
    return ways if run % 2 == 0 else ways[::-1]


def say(*parts: object) -> None:
    print(*parts, flush=True)


async def until(pilot: Any, condition: Any, timeout: float) -> None:
    try:
        await pilot_until(pilot, condition, timeout=timeout)
    except WaitTimeout as exc:
        raise SystemExit(f"handsfree_latency: {exc}") from None


async def one_run(whisper: WhisperTranscriber, fifo: str, case: TurnCase, *, detector: bool,
                  home: Path, trace: bool = False, ahead: bool = True) -> tuple[float, str]:
    silence_end_s = 8.0 if detector else 4.0
    settings = Settings(home=home, questions=1, mode="voice", silence_end_s=silence_end_s,
                        turn_model=detector)

    def mic() -> SoundDeviceMicrophone:
        m = SoundDeviceMicrophone()
        m.check()
        return m

    kit = VoiceKit(whisper, mic, lambda: open_speaker(settings), use_turn_model=detector)
    app = InterviewerApp(settings, load_banks(), OfflineCoach(), SessionStore(home), voice=kit,
                         seed=1)
    # --ahead-compare: the screen built without the follow-up got ready ahead (the code before)
    voice_screen.follow_up_ahead = voice_helpers.follow_up_ahead if ahead else _no_ahead
    audio = case.audio[: int((case.last_word_s + silence_end_s + 2.0) * SAMPLE_RATE)]
    async with app.run_test(size=(100, 34)) as pilot:
        await until(pilot, lambda: kit.ready, 120)
        await pilot.press("enter")  # the microphone and the speaker open in a worker
        await until(pilot, lambda: isinstance(app.screen, VoiceInterviewScreen), 60)
        screen = app.screen
        assert isinstance(screen, VoiceInterviewScreen)
        await until(pilot, lambda: screen.utterance is not None, 30)
        question = screen.utterance
        await pilot.press("space")  # stops the question being read, starts the answer
        await until(pilot, lambda: screen.recording is not None, 10)
        started = time.monotonic()
        writer = feed_fifo(fifo, audio, speed=1.0)
        last_word = started + case.last_word_s
        try:
            await until(pilot, lambda: screen.utterance is not question
                        and screen.utterance is not None
                        and screen.utterance.time_of("first-audio") is not None, 60)
        except SystemExit:
            prompt = screen.engine.prompt
            say(f"  stuck: recording={screen.recording is not None} "
                f"transcribing={screen.transcribing} busy={screen.busy} "
                f"prompt={prompt.kind if prompt else None} "
                f"utterance={screen.utterance.state if screen.utterance else None} "
                f"caption={screen.draft_text()[-60:]!r}")
            raise
        follow_up = screen.utterance
        assert follow_up is not None
        first_audio = follow_up.time_of("first-audio")
        assert first_audio is not None
        answer = screen.engine.record.questions[0].exchanges[0].answer
        writer.join(30)
        await pilot.press("ctrl+q")
    if trace:
        say(f"    trace of {case.name}, timed from its last word (written at +0.000):")
        for line in turn_trace.timeline(last_word, first_audio, last_word - 1.0):
            say("      " + line)
        verdict = turn_trace.verdict_time(last_word - 1.0)
        if verdict is not None:
            say(f"    hand-off: verdict -> first audio {first_audio - verdict:.3f} s")
    turn_trace.clear()
    return first_audio - last_word, str(answer)


def _no_ahead(*_: Any) -> None:
    return None


async def run(args: argparse.Namespace, fifo: str) -> int:
    whisper = WhisperTranscriber()
    whisper.load()
    by_name = {c.name: c for c in cases("complete")}
    chosen = ([by_name[n] for n in args.only] if args.only
              else [by_name[n] for n in ANSWERS[: args.runs]])
    # (label, transcriber, detector): the detector against a fixed 4 s silence, or with
    # --compare the detector with faster-whisper's own model (every window decoded) against
    # the app's (silent windows after the speech skipped), interleaved answer by answer
    # ... or with --ahead-compare the detector without the follow-up got ready ahead against it
    ways: list[tuple[str, WhisperTranscriber, bool]] = [("detector", whisper, True)]
    if args.compare:
        before = WhisperTranscriber(SttSettings(skip_silent_windows=False))
        before.load()
        ways.insert(0, ("before", before, True))
    elif args.ahead_compare:
        ways.insert(0, ("no ahead", whisper, True))
    elif args.rest_compare:
        before = WhisperTranscriber()
        before.load()
        before._model.rest_s = 0.0  # every later window encoded, then probed
        ways.insert(0, ("rest enc", before, True))
    elif not args.alone:
        ways.append(("fixed 4 s", whisper, False))
    say(f"hands-free turn latency: {len(chosen)} spoken answers x {len(ways)} ways, real time, "
        f"{os.cpu_count()} cores, load (1/5 min) at the start {load()}, code {CODE}")
    results: dict[str, list[float]] = {label: [] for label, _, _ in ways}
    for run, case in enumerate(chosen):
        for label, transcriber, detector in balanced(ways, run):
            with tempfile.TemporaryDirectory() as tmp:
                latency, answer = await one_run(transcriber, fifo, case, detector=detector,
                                                home=Path(tmp), trace=args.trace,
                                                ahead=label != "no ahead")
            results[label].append(latency)
            say(f"  {case.name} {label:<9} last word -> follow-up audio {latency:.2f} s "
                f"(load {load()}; heard: ...{answer[-40:]!r})")
    if args.alone:
        return 0
    for label, values in results.items():
        name = {"detector": "detector (longest wait 8 s)", "fixed 4 s": "fixed 4 s silence",
                "before": "detector, every window decoded",
                "no ahead": "detector, nothing got ready ahead",
                "rest enc": "detector, the rest encoded"}[label]
        say(f"median, {name + ':':<32} {statistics.median(values):.2f} s "
            f"(range {min(values):.2f}-{max(values):.2f})")
    det = statistics.median(results["detector"])
    other = ("before" if args.compare else "no ahead" if args.ahead_compare
             else "rest enc" if args.rest_compare else "fixed 4 s")
    say(f"ratio: {statistics.median(results[other]) / det:.1f}x sooner than {other}; load at "
        f"the end {load()}")
    ok = det <= TARGET_S
    say(f"target (detector median <= {TARGET_S:g} s): {'met' if ok else 'MISSED'}")
    return 0 if ok else 1


def against(args: argparse.Namespace, base: Path) -> int:
    """This checkout's detector against `base`'s, each run a child process (`--code --alone`),
    answer by answer in the balanced order; the medians side by side."""
    names = list(args.only) or list(ANSWERS[: args.runs])
    ways = [("base", base), ("this", ROOT)]
    say(f"hands-free turn latency, {base} (base) against {ROOT} (this): {len(names)} answers, "
        f"{os.cpu_count()} cores, load (1/5 min) at the start {load()}")
    results: dict[str, list[float]] = {"base": [], "this": []}
    hand_offs: dict[str, list[float]] = {"base": [], "this": []}
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    for run, name in enumerate(names):
        for label, code in balanced(ways, run):
            out = subprocess.run([sys.executable, __file__, "--only", name, "--alone", "--code",
                                  str(code), *(["--trace"] if args.trace else [])],
                                 capture_output=True, text=True, env=env, cwd=code, timeout=600)
            found, hand_off = LATENCY.search(out.stdout), HAND_OFF.search(out.stdout)
            if found is None:
                say(out.stdout[-2000:] + out.stderr[-2000:])
                raise SystemExit(f"handsfree_latency: no latency from the {label} run of {name}")
            results[label].append(float(found.group(1)))
            if args.trace:  # the child's timeline, as it printed it
                say("\n".join(line for line in out.stdout.splitlines() if line.startswith("    ")))
            if hand_off is not None:
                hand_offs[label].append(float(hand_off.group(1)))
            say(f"  {name} {label:<4} last word -> follow-up audio {found.group(1)} s"
                + (f", verdict -> first audio {hand_off.group(1)} s" if hand_off else "")
                + f" (load {load()})")
    for label, values in results.items():
        say(f"median, {label}: {statistics.median(values):.2f} s "
            f"(range {min(values):.2f}-{max(values):.2f})")
        if hand_offs[label]:
            say(f"  verdict -> first audio (--trace): {statistics.median(hand_offs[label]):.3f} s"
                f" (range {min(hand_offs[label]):.3f}-{max(hand_offs[label]):.3f})")
    this, before = statistics.median(results["this"]), statistics.median(results["base"])
    say(f"this - base: {this - before:+.2f} s; load at the end {load()}")
    ok = this <= TARGET_S
    say(f"target (detector median <= {TARGET_S:g} s): {'met' if ok else 'MISSED'}")
    return 0 if ok else 1


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--runs", type=int, default=3, help=f"answers (at most {len(ANSWERS)})")
    p.add_argument("--only", nargs="+", default=(), metavar="NAME",
                   help="these fixtures instead (complete-10 ...), each --repeat times")
    p.add_argument("--repeat", type=int, default=1)
    p.add_argument("--compare", action="store_true",
                   help="the detector with faster-whisper's own model (every window decoded) "
                        "against the app's, instead of against a fixed 4 s silence")
    p.add_argument("--ahead-compare", action="store_true",
                   help="the detector without the follow-up got ready during the pause (its "
                        "first piece synthesised ahead) against the app's, answer by answer")
    p.add_argument("--rest-compare", action="store_true",
                   help="the detector with the window after the last word encoded (the code "
                        "before) against the app's, answer by answer")
    p.add_argument("--alone", action="store_true",
                   help="the detector only (no fixed-silence arm); what --against runs")
    p.add_argument("--against", metavar="DIR", type=Path,
                   help="this checkout's detector against DIR's (e.g. a worktree of main), "
                        "run by run in child processes")
    p.add_argument("--code", metavar="DIR", help="measure the interviewer in DIR (a checkout)")
    p.add_argument("--trace", action="store_true",
                   help="print each turn's events around its last word (bench/turn_trace.py)")
    args = p.parse_args()
    args.only = [n for n in args.only for _ in range(args.repeat)]
    if args.trace:
        turn_trace.install()
    fifo = os.environ.get("INTERVIEWER_VIRTMIC_FIFO")
    if not fifo or not Path(fifo).exists():
        print('handsfree_latency: start the virtual microphone: eval "$(scripts/virtual-audio.sh '
              'start)"', file=sys.stderr)
        return 2
    if args.against is not None:
        return against(args, args.against.resolve())
    return asyncio.run(run(args, fifo))


if __name__ == "__main__":
    raise SystemExit(main())
