"""The Textual app: wires the screens to the engine; the screens do the showing.

Backends (bank, coach, store) come in through the constructor, so tests and the CLI pass
the same kinds of objects; `seed` and `clock` make question order and the timer repeatable.
"""

from __future__ import annotations

import asyncio
import random
import threading
import time
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from textual import work
from textual.binding import Binding
from textual.message import Message
from textual.timer import Timer

from interviewer.banks import MIXED, Question, QuestionBank, track_title
from interviewer.coach.base import Coach
from interviewer.config import Settings
from interviewer.session.engine import InterviewEngine
from interviewer.session.store import SessionStore
from interviewer.speech.errors import AudioUnavailable, SpeechError
from interviewer.ui.confirm import ConfirmScreen
from interviewer.ui.detached import Abandoned, call_detached, join_detached
from interviewer.ui.farewell import Farewell
from interviewer.ui.home import HomeScreen, InterviewChoice
from interviewer.ui.interview import InterviewScreen
from interviewer.ui.mic_check import MicCheckScreen
from interviewer.ui.scorecard_screen import ScorecardScreen
from interviewer.ui.self_review import SelfReviewApp
from interviewer.ui.voice import VoiceInterviewScreen
from interviewer.ui.voice_kit import VoiceKit
from interviewer.ui.widgets import sentence

SHUTDOWN_WAIT_S = 3.0
"""At exit, the longest wait, in all, for the work still running: a coach call, a transcript,
a model load (`detached.py`), recordings and speakers winding down (`VoiceKit.in_background`)."""


class InterviewerApp(SelfReviewApp):
    CSS_PATH = "styles.tcss"
    TITLE = "interviewer"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [Binding("ctrl+q", "quit", "Quit", show=False)]

    def __init__(self, settings: Settings, bank: QuestionBank, coach: Coach,
                 store: SessionStore, text_only: bool = False, seed: int | None = None,
                 clock: Callable[[], float] = time.monotonic,
                 notice: str | None = None, resume: Path | None = None,
                 voice: VoiceKit | None = None) -> None:
        super().__init__()
        self.resume = resume
        """An unfinished session folder to continue (`interviewer resume`), typed."""
        self.settings = settings
        self.bank = bank
        self.coach = coach
        self.store = store
        self.text_only = text_only
        self.rng = random.Random(seed)
        self.clock = clock
        self.notice = notice
        """Why the coach is not the one asked for (from `make_coach`), shown on the home screen."""
        self.choice = InterviewChoice(settings.track, settings.questions,
                                      settings.minutes_per_answer, settings.mode, settings.kind)
        self.engine: InterviewEngine | None = None
        self.voice = voice
        """The speech parts; built from the settings when voice is first wanted."""
        self._loading_since = 0.0
        self._load_ticker: Timer | None = None
        self._voice_notice_shown = False
        self._voice_lock = threading.Lock()
        self._opening_voice = False
        self._choosing_mode = False
        """mode = auto is being decided (`_choose_mode`); the voice kit is being made."""
        self._start_when_chosen: InterviewChoice | None = None
        self._startup_begun = False
        """The mode check or the model load has been started (`on_home_screen_painted`)."""

    class SpeechModelLoaded(Message):
        """The speech model finished loading (or failed: `voice.state` says which)."""

    @dataclass
    class ModeChosen(Message):
        """mode = auto, decided in a worker: why voice cannot be had ('' = it can)."""

        why: str

    @dataclass
    class VoicePartsOpened(Message):
        """The microphone and the speaker of a voice interview, opened in a worker; `mic` is
        None (and `why` says why) when there is no microphone: the interview runs in text."""

        choice: InterviewChoice
        questions: list[Question]
        track: str
        replace: bool
        mic: Any = None
        why: str = ""
        speaker: Any = None
        speech_error: str = ""
        voice_notice: str = ""

    def on_mount(self) -> None:
        for line in self.bank.notices:  # e.g. the user's bank replacing bundled questions
            self.notify(sentence(line), title="Question banks", timeout=8, markup=False)
        if self.resume is not None:
            error = self.resume_session(self.resume, replace=False)
            if error:
                self.exit(return_code=2, message=error)
            elif self.notice:
                self.notify(sentence(self.notice), title="Coach", severity="warning", timeout=8,
                            markup=False)
            return
        if self.text_only:
            if self.notice:  # no home screen to show it on
                self.notify(sentence(self.notice), title="Coach", severity="warning", timeout=8,
                            markup=False)
            self.start_interview(self.choice, replace=False)
        else:
            self._choosing_mode = self.choice.mode == "auto"
            self.push_screen(self.home_screen())

    def on_home_screen_painted(self) -> None:
        """The home screen is up: only now the mode is checked (auto) or the model loaded
        (voice), once. Begun at mount, their imports (sounddevice, the speech stack) held the
        GIL while the screen was composed: it painted 0.1-0.2 s later than in text mode
        (bench/startup_stall.py)."""
        if self._startup_begun:
            return
        self._startup_begun = True
        if self._choosing_mode:
            self._choose_mode()
        elif self.choice.mode == "voice":
            self.load_speech_model()

    @work(thread=True, exclusive=True, exit_on_error=False, group="choose-mode")
    def _choose_mode(self) -> None:
        """mode = auto, decided off the event loop: building the kit imports the speech stack
        and `unavailable()` lists the devices (a PortAudio query, 0.04-0.43 s seen), which
        froze the home screen as it opened."""
        def why() -> str:
            try:
                return self.voice_kit().unavailable()
            except Exception as exc:  # a broken install: said, and the interview is typed
                return f"{type(exc).__name__}: {exc}"

        with suppress(Abandoned):
            self.post_message(self.ModeChosen(call_detached(why)))

    def on_interviewer_app_mode_chosen(self, message: ModeChosen) -> None:
        """Voice when a microphone and the speech model are there, else text; one line says
        which and why. A mode the candidate picked meanwhile stands."""
        self._choosing_mode = False
        if self.choice.mode == "auto":
            mode = "text" if message.why else "voice"
            self.choice = replace(self.choice, mode=mode)
            if message.why:
                self.notify(sentence(f"Answering in text: {message.why}"), title="Mode",
                            timeout=10, markup=False)
            else:
                self.notify("Answering by voice: a microphone and the speech model are here "
                            "(Answer by: Typing switches to text).", title="Mode", timeout=8,
                            markup=False)
            if (home := self._home()) is not None:
                home.set_mode(mode)
        if self.choice.mode == "voice":
            self.load_speech_model()
        self._show_voice_status()
        waiting, self._start_when_chosen = self._start_when_chosen, None
        if waiting is not None:  # enter was pressed while the check ran
            self.start_interview(replace(waiting, mode=self.choice.mode))

    def home_screen(self) -> HomeScreen:
        return HomeScreen(self.bank.tracks(), self.choice, self.coach.name, self.notice,
                          resume_offer=self.resume_offer(), voice_status=self.voice_status(),
                          kinds=self.bank.kinds())

    # -- the speech model: loads in a worker while the home screen is in use ----------------
    def voice_kit(self) -> VoiceKit:
        """The one kit of this app, made on first use (from the event loop or a worker)."""
        with self._voice_lock:
            if self.voice is None:
                self.voice = VoiceKit.from_settings(self.settings)
            return self.voice

    def load_speech_model(self) -> None:
        kit = self.voice_kit()
        if kit.begin_loading():
            self._loading_since = time.monotonic()
            self._load_speech_model(kit)
            self._show_voice_status()
            self._load_ticker = self.set_interval(0.5, self._show_voice_status)

    @work(thread=True, exclusive=True, exit_on_error=False, group="speech-model")
    def _load_speech_model(self, kit: VoiceKit) -> None:
        with suppress(Abandoned):  # quitting: the load goes on, bounded by the exit's wait
            with suppress(Exception):  # the kit keeps the reason
                call_detached(kit.load, name="speech-model-load")
            self.post_message(self.SpeechModelLoaded())

    def on_interviewer_app_speech_model_loaded(self) -> None:
        if self._load_ticker is not None:
            self._load_ticker.stop()
            self._load_ticker = None
        self._show_voice_status()
        notice = self.voice.take_turn_notice() if self.voice is not None else ""
        if notice:
            self.notify(sentence(notice), title="Turn-taking", severity="warning", timeout=10,
                        markup=False)

    def voice_status(self) -> str:
        if self._choosing_mode:
            return "Checking for a microphone and the speech model…"
        state = self.voice.state if self.voice is not None else "idle"
        if state == "failed":
            assert self.voice is not None
            return sentence(f"The speech model failed to load ({self.voice.error}): "
                            "interviews run in text")
        if state == "loading":
            assert self.voice is not None
            waited = time.monotonic() - self._loading_since
            what = self.voice.stage or "the speech model"
            if self.voice.voice is not None and what == "the speech model":
                what = "the speech model and voice"  # Piper: a second or two more
            return f"Loading {what}… {waited:.0f} s"
        return {"ready": "Speech model ready"}.get(state, "")

    def _home(self) -> HomeScreen | None:
        """The home screen when it is the one shown (none while the app is closing)."""
        top = self.screen_stack[-1] if self.screen_stack else None
        return top if isinstance(top, HomeScreen) else None

    def _show_voice_status(self) -> None:
        if (home := self._home()) is not None:
            home.set_voice_status(self.voice_status())

    def on_home_screen_mode_changed(self, message: HomeScreen.ModeChanged) -> None:
        if self.choice.mode == "auto" and message.mode != "auto":
            self.choice = replace(self.choice, mode=message.mode)  # picked during the check
        if message.mode == "voice" and not self._choosing_mode:  # else once it is chosen
            self.load_speech_model()

    def start_interview(self, choice: InterviewChoice, *, replace: bool = True) -> None:
        """Pick the questions and open the interview (in text when voice cannot be had)."""
        if choice.mode == "auto" and self._choosing_mode:  # starts once it is decided
            self._start_when_chosen = choice
            return
        track = choice.track if choice.track in self.bank.tracks() else MIXED
        if track != choice.track:
            self.notify(f"No questions for track '{choice.track}': asking a mixed set instead.",
                        severity="warning")
        try:
            questions = self.bank.pick(track, choice.questions, self.rng, kind=choice.kind)
        except KeyError:
            if self.bank.matching(track) and isinstance(self.screen, HomeScreen):
                where = "any track" if track == MIXED else f"the {track_title(track)} track"
                self.notify(f"No {track_title(choice.kind)} questions in {where}: pick another "
                            "kind or track.", severity="warning", markup=False)
                return
            self.exit(return_code=2, message="No questions found: check the question banks.")
            return
        self.choice = choice
        wants_voice = choice.mode == "voice" and not self.text_only  # --text never speaks
        if wants_voice:
            kit = self.voice_kit()
            if kit.state != "failed":
                if not self._opening_voice:  # a second enter meanwhile starts nothing more
                    self._opening_voice = True
                    self._open_voice_parts(kit, choice, questions, track, replace)
                return
            self._text_instead(f"the speech model failed to load ({kit.error})")
        self._open_interview(choice, questions, track, None, replace=replace)

    def _open_interview(self, choice: InterviewChoice, questions: list[Question], track: str,
                        voice: dict[str, Any] | None, *, replace: bool) -> None:
        self.engine = InterviewEngine(questions, self.coach, store=self.store, track=track,
                                      kind=choice.kind, mode="voice" if voice else "text",
                                      minutes_per_answer=choice.minutes, clock=self.clock,
                                      keep_audio=self.settings.keep_audio)
        screen = (InterviewScreen(self.engine, self.clock) if voice is None
                  else VoiceInterviewScreen(self.engine, self.clock, settings=self.settings,
                                            **voice))
        if replace:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def on_home_screen_start(self, message: HomeScreen.Start) -> None:
        self.start_interview(message.choice)

    def on_interview_screen_finished(self, message: InterviewScreen.Finished) -> None:
        if isinstance(self.screen, ConfirmScreen):  # "Quit?" asked as the scorecard came:
            self.pop_screen()  # the scorecard answers it (q quits from there)
        titles = {q.id: q.prompt for q in message.engine.questions}
        self.switch_screen(ScorecardScreen(message.scorecard, message.engine.folder, titles,
                                           notice=message.notice))

    def on_interview_screen_quit_confirmed(self) -> None:
        self.exit(message=self.farewell())

    async def action_quit(self) -> None:
        self.exit(message=self.farewell())

    def farewell(self) -> Farewell | None:
        """Printed after the screen is restored, so the session folder is easy to find."""
        if self.engine is None or self.engine.folder is None:
            return None
        return Farewell(self.engine)

    def on_scorecard_screen_new_interview(self) -> None:
        self.switch_screen(self.home_screen())

    # -- voice: the parts of a voice interview, or one notice and text ----------------------
    @work(thread=True, exclusive=True, exit_on_error=False, group="voice-parts")
    def _open_voice_parts(self, kit: VoiceKit, choice: InterviewChoice,
                          questions: list[Question], track: str, replace: bool) -> None:
        """The microphone and the speaker, off the event loop: listing devices is a PortAudio
        query, and a speaker starts the speech engine (seconds on a slow machine)."""
        with suppress(Abandoned):
            self.post_message(call_detached(
                lambda: self._voice_parts(kit, self.VoicePartsOpened(choice, questions, track,
                                                                     replace)),
                name="voice-parts"))

    @staticmethod
    def _voice_parts(kit: VoiceKit, opened: VoicePartsOpened) -> VoicePartsOpened:
        try:
            opened.mic = kit.make_mic()
        except AudioUnavailable as exc:
            opened.why = str(exc)
            return opened
        if kit.make_speaker is not None:
            try:
                opened.speaker = kit.make_speaker()
            except (SpeechError, ValueError) as exc:
                opened.speech_error = str(exc)
            if kit.voice is not None:
                with suppress(ValueError):
                    opened.voice_notice = kit.voice.notice
        return opened

    def on_interviewer_app_voice_parts_opened(self, message: VoicePartsOpened) -> None:
        """The interview in voice, or (no microphone: one notice) in text."""
        self._opening_voice = False
        voice: dict[str, Any] | None = None
        if message.mic is None:
            self._text_instead(message.why)
        else:
            self.load_speech_model()
            if message.speech_error:
                self.notify(sentence(f"Questions are shown, not read aloud: "
                                     f"{message.speech_error}"),
                            title="Speech", severity="warning", timeout=8, markup=False)
            if message.voice_notice and not self._voice_notice_shown:
                self._voice_notice_shown = True  # the fallback to pyttsx3: said once
                self.notify(sentence(message.voice_notice), title="Voice", severity="warning",
                            timeout=10, markup=False)
            voice = {"kit": self.voice_kit(), "mic": message.mic, "speaker": message.speaker}
        self._open_interview(message.choice, message.questions, message.track, voice,
                             replace=message.replace)

    async def on_unmount(self) -> None:
        """At exit: every worker is cancelled, and the work still running (a coach call, a
        final transcription pass, a model load, recordings and speakers winding down) is
        waited for, SHUTDOWN_WAIT_S at most in all, off the event loop."""
        self.workers.cancel_all()
        deadline = time.monotonic() + SHUTDOWN_WAIT_S
        if self.voice is not None:
            await asyncio.to_thread(self.voice.join_background, SHUTDOWN_WAIT_S)
        await asyncio.to_thread(join_detached, max(0.0, deadline - time.monotonic()))

    def _text_instead(self, why: str) -> None:
        self.notify(sentence(f"Voice answers are off: {why}. This interview runs in text"),
                    title="Voice", severity="warning", timeout=10, markup=False)

    def action_mic_check(self) -> None:
        """The mic check screen (it lists and opens devices in its own workers)."""
        from interviewer.speech.factory import make_microphone

        self.push_screen(MicCheckScreen(self.settings,
                                        lambda device: make_microphone(self.settings, device)))
