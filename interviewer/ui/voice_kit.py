"""The speech parts of a voice interview, passed into the app (harlequin's adapter pattern):
the transcriber (loaded once, in a worker, while the home screen is in use), the microphone
and the speaker. Tests pass real parts or fakes at these boundaries; nothing here is Textual.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from interviewer.config import Settings
    from interviewer.speech.capture import Microphone
    from interviewer.speech.playback import Speaker
    from interviewer.speech.stt import Transcriber
    from interviewer.speech.tts_factory import ChosenVoice
    from interviewer.speech.turn import TurnDetector


class LoadableTranscriber(Protocol):
    def load(self) -> None: ...


@dataclass
class VoiceKit:
    transcriber: Transcriber
    """Must also have `load()` (blocking; raises ModelLoadError)."""
    make_mic: Callable[[], Microphone]
    """A checked microphone; raises AudioUnavailable (no PortAudio, no input device)."""
    make_speaker: Callable[[], Speaker] | None = None
    """A checked speaker (raises SpeechError); None: questions are never read aloud."""
    voice: ChosenVoice | None = None
    """The interviewer's voice, loaded by `load()` after the model (Piper takes a second or
    two); its `notice` says why it is not the one asked for."""
    state: str = field(default="idle")
    """'idle', 'loading', 'ready' or 'failed' (the speech model)."""
    error: str = ""
    """Why the model failed to load, one line."""
    turn: TurnDetector | None = None
    """The end-of-turn detector, loaded with the speech model; None: fixed silence."""
    turn_notice: str = ""
    """Why there is no end-of-turn detector (shown once), '' when there is one."""
    use_turn_model: bool = True
    """False: answers end on the fixed silence only (no end-of-turn model is loaded)."""

    @classmethod
    def from_settings(cls, settings: Settings) -> VoiceKit:
        from interviewer.speech.answer import make_microphone, make_transcriber
        from interviewer.speech.tts_factory import ChosenVoice

        voice = ChosenVoice(settings)

        def speaker() -> Speaker:
            from interviewer.speech.playback import open_speaker

            # warmed by load() in its worker; until then the first sentence waits for it
            return open_speaker(settings, synthesizer=voice.synthesizer, warm_up=False)

        if not settings.speak:
            return cls(make_transcriber(settings), lambda: make_microphone(settings),
                       use_turn_model=settings.turn_model)
        return cls(make_transcriber(settings), lambda: make_microphone(settings), speaker,
                   voice=voice, use_turn_model=settings.turn_model)

    @property
    def ready(self) -> bool:
        return self.state == "ready"

    stage: str = ""
    """What is loading now, for the progress line ('the speech model', ...)."""

    def unavailable(self) -> str:
        """Why a voice interview cannot be had here ('' if a microphone and the speech model
        are both there); quick: nothing is loaded or opened."""
        from interviewer.speech.capture import AudioUnavailable
        from interviewer.speech.stt import ModelLoadError

        if self.state == "failed":
            return f"the speech model failed to load ({self.error})"
        try:
            self.make_mic()
        except AudioUnavailable as exc:
            return str(exc)
        check = getattr(self.transcriber, "check", None)
        if check is not None:
            try:
                check()
            except ModelLoadError as exc:
                return str(exc)
        return ""

    def load(self) -> None:
        """Load the speech model, then the voice (seconds; blocking: call it from a thread
        worker). A voice that cannot load is left to the speaker's check to report."""
        from interviewer.speech.stt import ModelLoadError

        self.state, self.stage = "loading", "the speech model"
        if self.voice is not None:
            with suppress(ValueError):
                self.voice.synthesizer  # noqa: B018 - chosen here, off the UI thread
        loader: LoadableTranscriber = self.transcriber  # type: ignore[assignment]
        try:
            loader.load()
        except ModelLoadError as exc:
            self.state, self.error = "failed", str(exc).strip() or "the model could not load"
            raise
        except Exception as exc:  # a broken install: same notice, text mode
            self.state, self.error = "failed", f"{type(exc).__name__}: {exc}"
            raise ModelLoadError(self.error) from exc
        if self.use_turn_model and self.turn is None:
            from interviewer.speech.turn import load_detector

            self.stage = "the end-of-turn model"
            self.turn, self.turn_notice = load_detector()
        self.state, self.stage = "ready", ""
        if self.voice is not None:
            from interviewer.speech.tts import SpeechError

            with suppress(SpeechError):
                self.voice.synthesizer.warm_up()
