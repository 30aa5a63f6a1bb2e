"""The interview answered aloud: the prompt is read out, space starts and stops the answer, a
live caption shows what was heard, and the answer ends itself after a stretch of silence.

The same screen as the typed interview, with the answer box replaced by a caption panel.
Speech runs on other threads (the microphone's, the transcriber's, the speaker's): their
callbacks only post Messages. `VoiceAnswer.stop()` blocks until the transcript is final, so
it runs in a thread worker, never in a callback.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Static

from interviewer.config import Settings
from interviewer.session.engine import InterviewEngine, Prompt
from interviewer.speech.answer_recording import SpokenAnswer, VoiceAnswer, primed
from interviewer.speech.barge_in import BargeIn
from interviewer.speech.errors import AudioUnavailable, SpeechError
from interviewer.speech.level_meter import Level
from interviewer.speech.microphone import Microphone
from interviewer.speech.remote_backends import backends_since, ledger_mark, ledger_of
from interviewer.speech.speaker import Speaker
from interviewer.speech.streaming_report import Caption
from interviewer.speech.streaming_settings import StreamingSettings
from interviewer.speech.text_feed import TextFeed
from interviewer.speech.utterance import Utterance
from interviewer.ui.detached import Abandoned, call_detached
from interviewer.ui.interview import InterviewScreen
from interviewer.ui.voice_helpers import add_words_later, follow_up_ahead, keep_spoken_prompt
from interviewer.ui.voice_kit import VoiceKit
from interviewer.ui.voice_listen import ListensForAnswer
from interviewer.ui.widgets import sentence

IDLE_HINT = "Press space to answer; space again ends it, or it ends itself when you finish."
BARGE_IN_HINT = ("Start speaking to answer (the question stops), or press space; it ends "
                 "itself when you finish.")
SILENT_INPUT = ("Nothing was heard: the microphone stayed silent. Is it muted, or is another "
                "input the right one? (m on the home screen checks it.)")


class VoiceInterviewScreen(ListensForAnswer, InterviewScreen):
    BINDINGS = [
        Binding("space", "answer", "Answer / stop"),
        Binding("r", "repeat", "Repeat question"),
        Binding("s", "skip_speech", "Skip speech"),
        Binding("ctrl+s", "submit", "Retry scoring", show=False),
    ]

    @dataclass
    class CaptionChanged(Message):
        caption: Caption

    @dataclass
    class LevelChanged(Message):
        level: Level

    class BargedIn(Message):
        """The candidate started speaking while listening for it (`barge-in`)."""

    def barged_in_message(self) -> Message:
        return self.BargedIn()

    class SilenceEnded(Message):
        """The answer ended itself (the candidate finished, or `silence_end_s` passed)."""

    @dataclass
    class Transcribed(Message):
        """The final transcript; `prompt`: the one it answers, already handed to the engine
        (the follow-up comes as `Advanced`)."""

        spoken: SpokenAnswer | None
        error: str = ""
        prompt: Prompt | None = None

    @dataclass
    class SpeechFailed(Message):
        error: str

    @dataclass
    class ServerFailed(Message):
        """A speech server failed and this machine took over (one line, said once)."""

        notice: str

    def __init__(self, engine: InterviewEngine, clock: Callable[[], float], *,
                 kit: VoiceKit, mic: Microphone, settings: Settings,
                 speaker: Speaker | None = None) -> None:
        super().__init__(engine, clock)
        self.kit = kit
        self.mic = mic
        self.settings = settings
        self.speaker = speaker
        self.recording: VoiceAnswer | None = None
        self.transcribing = False
        self.utterance: Utterance | None = None
        self.barge_in: BargeIn | None = None
        """Listening for the candidate to start answering (`barge-in = true`), else None."""
        self._spoken_prompts: dict[int, int] = {}
        """Utterance number -> prompt number (`engine.exchange_number`) for prompts/<n>.wav."""
        self._speech_notice_shown = False
        self._feed: TextFeed | None = None
        """A follow-up being spoken while the coach still writes it (an LLM coach streaming)."""
        self._feed_lock = threading.Lock()
        self._ahead = follow_up_ahead(engine, kit, speaker)  # the follow-up ready sooner
        engine.on_follow_up_early = self._speak_follow_up  # shown once on disk; heard at once
        if speaker is not None:
            speaker.on_end = self._spoken
            speaker.on_error = self._speech_error
        self._voice_mark = ledger_mark(speaker.synthesizer if speaker is not None else None)
        self._answer_mark = 0
        for part in (kit.transcriber, speaker.synthesizer if speaker is not None else None):
            ledger = ledger_of(part)
            if ledger is not None:
                ledger.on_notice = lambda notice: self._post(self.ServerFailed(notice))

    # -- layout ----------------------------------------------------------------------------
    def compose_answer(self) -> ComposeResult:
        with Vertical(id="voice-answer") as panel:
            panel.border_title = "Your answer"
            panel.border_subtitle = "space answer/stop · r repeat · s skip speech · ctrl+n skip"
            yield Static("", id="caption")
            yield Static("", id="meter", markup=False)

    def ready_for_answer(self, prompt: Prompt) -> None:
        self.clear_answer()
        self.say(prompt.text, self._prompt_number())
        self._listen_for_answer()

    def lock_answer(self, busy: bool) -> None:
        self.query_one("#voice-answer").set_class(busy, "-busy")

    def clear_answer(self) -> None:
        hint = BARGE_IN_HINT if self.settings.barge_in else IDLE_HINT
        self.query_one("#caption", Static).update(Text(hint, style="dim"))
        self.query_one("#meter", Static).update("")
        self.query_one("#voice-answer").remove_class("-recording")

    def draft_text(self) -> str:
        return self.recording.caption.text.strip() if self.recording is not None else ""

    def draft_on_quit(self) -> str:
        return " The answer you are giving now has not been submitted and will be lost."

    def keep_draft(self) -> None:
        """A spoken answer has no typed draft: its recording is what `resume` finds."""

    # -- speaking the prompt -----------------------------------------------------------------
    def _prompt_number(self) -> int:
        """The prompt's number in the whole session, the same across a resume (the engine's),
        noted in the session as the prompt's audio (prompts/<n>.wav) when it is spoken."""
        if self.speaker is not None and self.speaker.available:
            self.engine.prompt_audio_path()
        return self.engine.exchange_number

    def say(self, text: str, number: int) -> None:
        with self._feed_lock:
            feed, self._feed = self._feed, None
        if self.speaker is None or not self.speaker.available:
            return
        if feed is not None:  # already being spoken as it streamed in: the rest of it
            feed.finish(text)
            if feed.utterance is not None:
                self.utterance = feed.utterance
                self._spoken_prompts[feed.utterance.number] = number
                return
        utt = self.speaker.speak(text)
        self.utterance = utt
        self._spoken_prompts[utt.number] = number

    def _speak_follow_up(self, text: str) -> None:
        """The engine's `on_follow_up_early` (a worker thread): spoken from its first sentence
        while the coach still writes the rest and the answer is written (shown once saved)."""
        if self.speaker is None or not self.speaker.available or not text.strip():
            return
        with self._feed_lock:
            if self._feed is None:
                self._feed = self.speaker.speak_feed()
            self._feed.update(text)

    def start_scoring(self) -> None:
        self._silence_feed()
        super().start_scoring()

    def _silence_feed(self) -> None:
        """A follow-up being spoken as it streamed in, stopped (no prompt follows it)."""
        with self._feed_lock:
            feed, self._feed = self._feed, None
        if feed is not None and self.speaker is not None:
            feed.finish()
            self.speaker.stop()

    def _spoken(self, utt: Utterance) -> None:
        """The speaker's on_end (its own thread): keep the prompt as prompts/<n>.wav, and who
        spoke it when a voice server is configured."""
        number = self._spoken_prompts.get(utt.number)
        if number is not None and self.speaker is not None:
            self._voice_mark = keep_spoken_prompt(self.engine, self.speaker, utt, number,
                                                  self._voice_mark)

    def _speech_error(self, utt: Utterance, exc: SpeechError) -> None:
        with suppress(RuntimeError):
            self.post_message(self.SpeechFailed(str(exc)))

    def on_voice_interview_screen_server_failed(self, message: ServerFailed) -> None:
        self.notify(sentence(message.notice), title="Speech", severity="warning", timeout=10,
                    markup=False)

    def on_voice_interview_screen_speech_failed(self, message: SpeechFailed) -> None:
        if not self._speech_notice_shown:
            self._speech_notice_shown = True
            self.notify(sentence(f"Questions are not read aloud: {message.error}"),
                        title="Speech", severity="warning", timeout=8, markup=False)

    def action_repeat(self) -> None:
        prompt = self.engine.prompt
        if prompt is None or self.busy or self.recording is not None:
            return
        self.say(prompt.text, self._prompt_number())

    def action_skip_speech(self) -> None:
        if self.speaker is not None:
            self.speaker.stop()

    # -- recording the answer ----------------------------------------------------------------
    def action_answer(self) -> None:
        if self.busy or self.transcribing or self.engine.prompt is None:
            return
        if self.recording is not None:
            self.end_answer()
            return
        if self.kit.state == "failed":
            self.set_status(sentence(f"The speech model failed to load ({self.kit.error}): "
                                     "answers cannot be recorded. ctrl+n skips, esc quits"),
                            error=True)
            return
        if not self.kit.ready:
            self.set_status("The speech model is still loading: one moment...", notice=True)
            return
        self.action_skip_speech()
        self._answer_mark = ledger_mark(self.kit.transcriber)
        # Listening already (barge-in): the same open microphone, with what was just said.
        mic, self.barge_in = self.barge_in or self.mic, None
        answer = VoiceAnswer(mic, primed(self.kit.transcriber, self.engine.prompt.text),
                             wav_path=self.engine.answer_audio_path(),
                             settings=StreamingSettings.from_settings(self.settings),
                             on_caption=lambda c: self._post(self.CaptionChanged(c)),
                             on_level=lambda lv: self._post(self.LevelChanged(lv)),
                             turn=self.kit.turn, on_words=self._ahead)
        answer.on_silence_end = lambda: self._ended_itself(answer)
        try:
            answer.start()
        except AudioUnavailable as exc:
            self.set_status(sentence(f"Cannot record: {exc}"), error=True)
            return
        self.recording = answer
        self.set_status("")
        self.query_one("#voice-answer").add_class("-recording")
        self.query_one("#caption", Static).update(Text("Listening...", style="dim"))

    def _post(self, message: Message) -> None:
        with suppress(RuntimeError):  # the app is closing
            self.post_message(message)

    def on_voice_interview_screen_caption_changed(self, message: CaptionChanged) -> None:
        if self.recording is None and not self.transcribing:
            return
        cap = message.caption
        text = Text(cap.committed)
        if cap.tentative:
            text.append((" " if cap.committed else "") + cap.tentative, style="dim")
        self.query_one("#caption", Static).update(text if text.plain else "Listening...")

    def on_voice_interview_screen_level_changed(self, message: LevelChanged) -> None:
        if self.recording is None:
            return
        level = message.level
        note = "  silent: is the microphone muted?" if level.silent else ""
        self.query_one("#meter", Static).update(f"mic {level.bar(30)} {level.dbfs:6.1f} dB{note}")

    def _ended_itself(self, answer: VoiceAnswer) -> None:
        """The streaming worker's verdict: the final transcript begins now, on its own thread
        (`stop_soon`), while the event loop gets to `SilenceEnded`."""
        answer.stop_soon()
        self._post(self.SilenceEnded())

    def on_voice_interview_screen_silence_ended(self) -> None:
        if self.recording is not None:
            self.end_answer()

    def end_answer(self) -> None:
        answer, self.recording = self.recording, None
        if answer is None:
            return
        self.transcribing = True
        self.query_one("#voice-answer").remove_class("-recording")
        self.query_one("#meter", Static).update("")
        self.set_status("Finishing the transcript...")
        self._stop_answer(answer)

    @work(thread=True, exclusive=True, exit_on_error=False, group="voice")
    def _stop_answer(self, answer: VoiceAnswer) -> None:
        """The final transcript, then the answer handed to the engine from this thread: the
        screen shows it meanwhile (`Transcribed`), and the follow-up's voice does not wait for
        two more trips through a busy event loop (up to 0.16 s at load 7)."""
        try:  # quitting: the pass goes on, and the app's exit waits for it (bounded)
            spoken = call_detached(answer.stop, name="final-transcript")
        except Abandoned:
            return  # the recording is in the session: `resume` transcribes it
        except Exception as exc:
            self._post(self.Transcribed(None, str(exc)))
            return
        prompt = self.engine.prompt
        if prompt is None or self.leaving.is_set():  # leaving: `resume` transcribes it
            return
        text = spoken.text.strip()
        extra = spoken.submit_kwargs()
        backend = backends_since(self.kit.transcriber, self._answer_mark)
        if backend is not None:
            extra["transcript_backend"] = backend
        if spoken.with_words is not None and text:
            add_words_later(self.engine, self.kit, self.utterance, lambda: self.utterance,
                            spoken.with_words)
        self._post(self.Transcribed(spoken, prompt=prompt))
        self.submit_now(text, not text, extra)

    def on_voice_interview_screen_transcribed(self, message: Transcribed) -> None:
        self.transcribing = False
        self.set_status("")
        spoken = message.spoken
        if spoken is None or message.prompt is None:
            self.set_status(sentence(f"The answer could not be transcribed: {message.error}"),
                            error=True)
            self.clear_answer()
            return
        if spoken.silent_input:
            self.notify(SILENT_INPUT, title="Microphone", severity="warning", timeout=10,
                        markup=False)
        text = spoken.text.strip()
        self.show_answer(message.prompt, text, skipped=not text)

    def on_interview_screen_failed(self, message: InterviewScreen.Failed) -> None:
        """Saving the answer failed: a follow-up already being spoken goes silent (the typed
        screen's handler, called after this one, says what failed)."""
        self._silence_feed()

    # -- keys of the typed interview ---------------------------------------------------------
    def action_submit(self) -> None:
        if self.scoring_failed:
            self.start_scoring()

    def action_skip(self) -> None:
        if self.transcribing:
            return
        if self.recording is not None:
            self.recording.mic.stop()  # now: the next prompt may reopen it (barge-in)
            self._cancel_answer(self.recording)
            self.recording = None
            self.clear_answer()
        self.action_skip_speech()
        if not self.busy:
            self._stop_listening()
        super().action_skip()

    def _cancel_answer(self, answer: VoiceAnswer) -> None:
        """Abandon a recording (waits for the transcriber to wind down: not on the UI)."""
        self.kit.in_background(answer.cancel, "cancel-answer")

    def on_unmount(self) -> None:
        """Nothing waits here: the recording and the speaker wind down in the background
        (the app joins them, bounded, at exit)."""
        super().on_unmount()
        recording, self.recording = self.recording, None
        if recording is not None:
            self._cancel_answer(recording)
        self._stop_listening(wait=False)
        speaker = self.speaker
        if speaker is not None:
            speaker.stop()  # silent at once; the threads wind down in the background
            self.kit.in_background(lambda: speaker.close(timeout=1.0), "close-speaker")
