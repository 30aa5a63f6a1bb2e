"""Barge-in for the voice screen: with `barge-in = true` (headphones), the microphone listens
while the prompt is read, and speaking stops the voice and starts the answer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from interviewer.ui.voice_helpers import open_listener

if TYPE_CHECKING:
    from textual.message import Message

    from interviewer.config import Settings
    from interviewer.speech.answer_recording import VoiceAnswer
    from interviewer.speech.barge_in import BargeIn
    from interviewer.speech.microphone import Microphone
    from interviewer.speech.speaker import Speaker
    from interviewer.ui.voice_kit import VoiceKit


class ListensForAnswer:
    """Mixed into `VoiceInterviewScreen` (before `InterviewScreen`), whose parts it uses."""

    if TYPE_CHECKING:
        settings: Settings
        kit: VoiceKit
        mic: Microphone
        speaker: Speaker | None
        recording: VoiceAnswer | None
        barge_in: BargeIn | None
        busy: bool

        def _post(self, message: Message) -> None: ...
        def set_status(self, text: str, *, error: bool = False, notice: bool = False) -> None: ...
        def action_answer(self) -> None: ...
        def barged_in_message(self) -> Message: ...

    def _listen_for_answer(self) -> None:
        """With `barge-in`, open the microphone while the prompt is read: speech stops the
        voice and starts the answer (`BargeIn`); without it the microphone stays closed, so
        a voice from speakers is never taken for an answer."""
        if not self.settings.barge_in or self.barge_in is not None or not self.kit.ready \
                or self.recording is not None or self.busy:
            return
        self.barge_in = open_listener(self.mic, self._heard,
                                      lambda line: self.set_status(line, notice=True))

    def _heard(self) -> None:
        """The listener's thread: silence the voice at once, then start the answer."""
        if self.speaker is not None:
            self.speaker.stop()
        self._post(self.barged_in_message())

    def on_voice_interview_screen_barged_in(self) -> None:
        if self.barge_in is not None and self.recording is None:
            self.action_answer()

    def _stop_listening(self, *, wait: bool = True) -> None:
        """Close the listener's microphone; `wait`: now (the next prompt reopens the same
        microphone, which must not be closed under it), else in the background."""
        listener, self.barge_in = self.barge_in, None
        if listener is not None and wait:
            listener.stop()
        elif listener is not None:
            self.kit.in_background(listener.stop, "stop-listening")
