"""The speech parts of a voice interview, passed into the app (harlequin's adapter pattern):
the transcriber (loaded once, in a worker, while the home screen is in use), the microphone
and the speaker. Tests pass real parts or fakes at these boundaries; nothing here is Textual.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from interviewer.config import Settings
    from interviewer.speech.capture import Microphone
    from interviewer.speech.playback import Speaker
    from interviewer.speech.stt import Transcriber
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

        def speaker() -> Speaker:
            from interviewer.speech.playback import open_speaker

            return open_speaker(settings)

        return cls(make_transcriber(settings), lambda: make_microphone(settings),
                   speaker if settings.speak else None, use_turn_model=settings.turn_model)

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
        """Load the speech model (seconds; blocking: call it from a thread worker)."""
        from interviewer.speech.stt import ModelLoadError

        self.state, self.stage = "loading", "the speech model"
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
