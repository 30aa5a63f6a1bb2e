"""Piper's synthesis and the late word-timestamp decode never run at once (their transient
peaks added up to a voice interview's ~700 MB): threads really wait for each other, and a real
Piper synthesis goes through the process's turns."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from interviewer.config import Settings
from interviewer.speech.factory import make_synthesizer
from interviewer.speech.model_turns import TURNS, ModelTurns
from interviewer.speech.piper_tts import PiperSynthesizer


def wait_for(condition: Callable[[], bool], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.005)


def test_late_work_waits_for_a_synthesis_and_a_synthesis_for_late_work() -> None:
    turns = ModelTurns(settle_s=0.05)
    order: list[str] = []
    release = threading.Event()

    def speak() -> None:
        with turns.speaking():
            order.append("speak")
            release.wait(30)
            order.append("spoken")

    def late() -> None:
        with turns.late():
            order.append("late")

    speaker = threading.Thread(target=speak)
    speaker.start()
    wait_for(lambda: order == ["speak"])
    worker = threading.Thread(target=late)
    worker.start()
    worker.join(0.3)
    assert worker.is_alive() and order == ["speak"]  # held off while it synthesises
    release.set()
    speaker.join(30)
    worker.join(30)
    assert order == ["speak", "spoken", "late"]

    order.clear()
    release.clear()

    def late_held() -> None:
        with turns.late():
            order.append("late")
            release.wait(30)
            order.append("late done")

    worker = threading.Thread(target=late_held)
    worker.start()
    wait_for(lambda: order == ["late"])
    speaker = threading.Thread(target=speak)
    speaker.start()
    speaker.join(0.3)
    assert speaker.is_alive() and order == ["late"]  # waits for the decode under way
    release.set()
    worker.join(30)
    speaker.join(30)
    assert order == ["late", "late done", "speak", "spoken"]


def test_syntheses_do_not_wait_for_each_other() -> None:
    turns = ModelTurns()
    inside = threading.Barrier(2, timeout=10)

    def speak() -> None:
        with turns.speaking():
            inside.wait()  # both inside at once, or BrokenBarrierError

    threads = [threading.Thread(target=speak) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert not inside.broken


def test_a_real_piper_synthesis_waits_for_the_late_decode() -> None:
    synth, notice = make_synthesizer(Settings(), engine="piper")
    assert notice == "" and isinstance(synth, PiperSynthesizer), notice  # make test has it
    synth.synthesize("Warm.")
    clips: list[float] = []
    with TURNS.late():
        speaker = threading.Thread(target=lambda: clips.append(
            synth.synthesize("How would you measure it?").seconds))
        speaker.start()
        speaker.join(1.0)
        assert speaker.is_alive() and not clips  # a short sentence, held while late work runs
    speaker.join(60)
    assert clips and clips[0] > 0.5
