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
                   speaker if settings.speak else None)

    @property
    def ready(self) -> bool:
        return self.state == "ready"

    def load(self) -> None:
        """Load the speech model (seconds; blocking: call it from a thread worker)."""
        from interviewer.speech.stt import ModelLoadError

        self.state = "loading"
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

            self.turn, self.turn_notice = load_detector()
        self.state = "ready"
