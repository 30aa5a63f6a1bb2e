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
            return cls(make_transcriber(settings), lambda: make_microphone(settings))
        return cls(make_transcriber(settings), lambda: make_microphone(settings), speaker,
                   voice=voice)

    @property
    def ready(self) -> bool:
        return self.state == "ready"

    def load(self) -> None:
        """Load the speech model, then the voice (seconds; blocking: call it from a thread
        worker). A voice that cannot load is left to the speaker's check to report."""
        from interviewer.speech.stt import ModelLoadError

        self.state = "loading"
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
        self.state = "ready"
        if self.voice is not None:
            from interviewer.speech.tts import SpeechError

            with suppress(SpeechError):
                self.voice.synthesizer.warm_up()
