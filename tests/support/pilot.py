"""Driving the app with Textual's Pilot: the terminal size of every Pilot test, and the steps of
a voice interview on the virtual microphone."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
from textual.app import App
from textual.content import Content
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Static

from interviewer.ui.app import InterviewerApp
from interviewer.ui.confirm import ConfirmScreen
from interviewer.ui.home import HomeScreen
from interviewer.ui.interview import InterviewScreen
from interviewer.ui.scorecard_screen import ScorecardScreen
from interviewer.ui.voice import VoiceInterviewScreen
from tests.support.virtmic import feed_fifo
from tests.support.waiting import Deadline, pilot_until

SIZE = (100, 34)

S = TypeVar("S", bound=Screen[Any])


def screen_as(app: App[Any], kind: type[S]) -> S:
    """The app's current screen, checked to be a `kind` (so a test reads its state typed)."""
    screen = app.screen
    assert isinstance(screen, kind), f"{type(screen).__name__} on screen, not {kind.__name__}"
    return screen


def content_of(widget: Static) -> Content:
    """What a Static shows when it was given styled `Content` (plain text and spans)."""
    content = widget.content
    assert isinstance(content, Content), type(content)
    return content


def record_of(app: InterviewerApp) -> dict[str, Any]:
    assert app.engine is not None and app.engine.folder is not None
    data: dict[str, Any] = json.loads((app.engine.folder / "session.json").read_text())
    return data


async def open_voice_interview(pilot: Pilot[Any]) -> VoiceInterviewScreen:
    """From the home screen: wait for the speech model, then start (enter)."""
    app = pilot.app
    assert isinstance(app.screen, HomeScreen)
    note = app.screen.query_one("#voice-note", Static)
    await pilot_until(pilot, lambda: str(note.content) == "Speech model ready", timeout=60)
    await pilot.press("enter")  # the microphone and the speaker open in a worker
    await pilot_until(pilot, lambda: isinstance(app.screen, InterviewScreen), timeout=60)
    screen = app.screen
    assert isinstance(screen, VoiceInterviewScreen)
    return screen


async def speak_answer(pilot: Pilot[Any], screen: VoiceInterviewScreen, fifo: Path,
                       audio: np.ndarray) -> threading.Thread:
    """Space, then the audio into the virtual microphone; returns once it is all written and
    the caption shows words (the answer is still being recorded)."""
    await pilot.press("space")
    assert screen.recording is not None
    writer = feed_fifo(fifo, audio, speed=2.0)
    await pilot_until(pilot, lambda: not writer.is_alive(), timeout=90)
    recording = screen.recording
    assert recording is not None
    await pilot_until(pilot, lambda: len(recording.caption.text.split()) > 5, timeout=30)
    return writer


async def finish_interview(pilot: Pilot[Any], screen: VoiceInterviewScreen,
                           timeout: float = 120) -> None:
    """Skip what follow-ups come (ctrl+n) until the scorecard shows."""
    app = pilot.app
    deadline = Deadline(timeout, "the scorecard (follow-ups skipped)")
    while not isinstance(app.screen, ScorecardScreen):
        deadline.check()
        if isinstance(app.screen, InterviewScreen) and not screen.busy \
                and screen.engine.prompt is not None and not screen.transcribing:
            await pilot.press("ctrl+n")
        await pilot.pause(0.05)


async def quit_then_release(pilot: Pilot[Any], screen: InterviewScreen | VoiceInterviewScreen,
                            gate: threading.Event, within_s: float) -> None:
    """Quits (escape, then yes) while a worker is held, and lets it go 0.3 s after the screen
    starts leaving: the reply or pass that lands just after the quit, which the exit must wait
    for."""
    def release_after_the_quit() -> None:
        if screen.leaving.wait(within_s):
            time.sleep(0.3)
            gate.set()

    threading.Thread(target=release_after_the_quit, daemon=True).start()
    await pilot.press("escape")
    assert isinstance(pilot.app.screen, ConfirmScreen)
    await pilot.press("y")
    await pilot.pause()
