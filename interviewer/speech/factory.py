"""The one place the speech backends are built from the settings: the transcriber, the
voice-activity detector, the synthesizer (the interviewer's voice), the microphone and the
audio output, and the speaker that joins a synthesizer to an output.

Every caller goes through here: the TUI (`ui/voice_kit.py`, the replay and mic-check screens),
the commands (`transcribe`, `speak`, `voices`, `turns`, `devices`) and the recording pipeline.
A backend is one file behind its interface (`stt.Transcriber`, `synthesizer.Synthesizer`,
`microphone.Microphone`, `audio_output.AudioOutput`) plus one entry in `TRANSCRIBERS` or
`SYNTHESIZERS` below, and its settings.

Building is cheap (nothing is loaded or opened, except where a function says "checked"):
`load_transcriber()` and `Synthesizer.warm_up()` do the slow part, in a worker thread.

`tts-engine`:
- `auto` (the default): Piper when `piper-tts` is installed and `tts-voice` is empty, the bundled
  voice's name or a `.onnx` file; pyttsx3 when `tts-voice` names one of its voices (`en-us`...).
- `piper`: Piper (the bundled voice, or the `.onnx` file in `tts-voice`).
- `pyttsx3`: espeak-ng on Linux, the system's voices on macOS and Windows.
- `openai`: an OpenAI-compatible voice server (`tts-base-url`, `tts-model`, `tts-voice`), the
  local engine `auto` picks speaking any piece it fails (`remote_backends`).

`stt-backend = "openai"`: a transcription server (`stt-base-url`, `stt-server-model`), the local
model (`stt-model`) transcribing any piece it fails.

When Piper is wanted but cannot be used (the optional `voice` extra is not installed), pyttsx3
speaks instead and the reason comes back as one notice line, for the caller to show once.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from interviewer.speech.audio_output import AudioOutput
from interviewer.speech.microphone import Microphone
from interviewer.speech.piper_tts import (
    BUNDLED_VOICE,
    INSTALL_HINT,
    PiperSynthesizer,
    bundled_voice_file,
    is_voice_file,
    piper_missing,
)
from interviewer.speech.pyttsx3_tts import Pyttsx3Synthesizer
from interviewer.speech.remote_backends import (
    RemoteSttSettings,
    RemoteTtsSettings,
    remote_synthesizer,
    remote_transcriber,
)
from interviewer.speech.replay import Replayer
from interviewer.speech.sounddevice_microphone import SoundDeviceMicrophone
from interviewer.speech.sounddevice_output import SoundDeviceOutput
from interviewer.speech.speaker import ErrorCallback, Speaker, UtteranceCallback
from interviewer.speech.stt import ModelLoadError, Transcriber
from interviewer.speech.synthesizer import Synthesizer
from interviewer.speech.vad import SpeechDetector
from interviewer.speech.whisper_stt import WhisperSettings, WhisperTranscriber

Progress = Callable[[str], None]


class VoiceSettings(Protocol):
    """The settings a synthesizer is built from."""

    tts_engine: str
    tts_voice: str
    tts_rate: int
    tts_volume: float


class DeviceSettings(Protocol):
    """The devices the settings name: '' = the default, digits = an index, else a name."""

    input_device: str
    output_device: str


class SpeechSettings(WhisperSettings, VoiceSettings, DeviceSettings, RemoteSttSettings,
                     RemoteTtsSettings, Protocol):
    """Everything the factory reads (interviewer.config.Settings has it all). A new backend's
    settings join here, as a protocol declared in its own file."""


# -- the transcriber ----------------------------------------------------------------------------


class TranscriberBuilder(Protocol):
    def __call__(self, settings: SpeechSettings, *, model: str | None = None,
                 beam_size: int | None = None) -> Transcriber: ...


def _remote_transcriber(settings: SpeechSettings, *, model: str | None = None,
                        beam_size: int | None = None) -> Transcriber:
    """The server, the local model (with the command's flags) behind it."""
    local = WhisperTranscriber.from_settings(settings, model=model, beam_size=beam_size)
    return remote_transcriber(settings, local)


TRANSCRIBERS: dict[str, TranscriberBuilder] = {
    "local": WhisperTranscriber.from_settings,
    "openai": _remote_transcriber,
}
"""`stt-backend` -> its builder (`model`, `beam_size`: a command's flags over the settings)."""


def make_transcriber(settings: SpeechSettings, *, model: str | None = None,
                     beam_size: int | None = None) -> Transcriber:
    """The configured transcriber, not loaded yet (`load_transcriber` in a worker does that).
    Raises ModelLoadError for an unknown backend."""
    backend = str(getattr(settings, "stt_backend", "local") or "local")
    build = TRANSCRIBERS.get(backend)
    if build is None:
        raise ModelLoadError(f"unknown stt-backend '{backend}' "
                             f"(one of: {', '.join(TRANSCRIBERS)})")
    return build(settings, model=model, beam_size=beam_size)


def make_vad(threshold: float = 0.5) -> SpeechDetector:
    """The voice-activity detector of one answer (Silero; loaded once per process)."""
    return SpeechDetector(threshold)


def warm_vad() -> None:
    """Load Silero now, so the first answer's first block does not wait for it."""
    from interviewer.speech.silero_vad import silero

    silero()


def load_transcriber(transcriber: Transcriber) -> None:
    """Get listening ready (seconds; blocking: call it in a worker): the model, then the VAD.
    Raises ModelLoadError."""
    transcriber.load()
    warm_vad()


# -- the voice ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class VoiceOptions:
    """What every synthesizer is built from: the settings, with a command's flags over them."""

    voice: str
    rate: int
    volume: float
    progress: Progress | None = None


def _remote_synthesizer(settings: SpeechSettings, options: VoiceOptions) -> Synthesizer:
    """The server speaks with `tts-voice`; the local engine 'auto' picks, in its default voice,
    speaks any piece it fails. The safety net gets ready quietly: the voice the user hears is
    the server's, and a fallback says itself in one line (`FallbackSynthesizer.notice`)."""
    local_engine, _ = choose_engine("auto", "")
    local = SYNTHESIZERS[local_engine](settings, VoiceOptions("", options.rate, options.volume))
    return remote_synthesizer(settings, options.voice, options.rate, options.volume, local)


SynthesizerBuilder = Callable[[SpeechSettings, VoiceOptions], Synthesizer]
SYNTHESIZERS: dict[str, SynthesizerBuilder] = {
    "piper": lambda s, o: PiperSynthesizer(o.voice, o.rate, o.volume, progress=o.progress),
    "pyttsx3": lambda s, o: Pyttsx3Synthesizer(o.voice, o.rate, o.volume),
    "openai": _remote_synthesizer,
}
"""`tts-engine` -> its builder ('auto' chooses between Piper and pyttsx3: `choose_engine`)."""


def _system_voice() -> str:
    return "espeak-ng" if sys.platform.startswith("linux") else "the system voice"


def choose_engine(engine: str, voice: str) -> tuple[str, str]:
    """The engine that will speak and, when it is not the one asked for, why (one line); ''
    when it is."""
    voice = voice.strip()
    if engine in SYNTHESIZERS and engine != "piper":
        return engine, ""
    if engine == "auto" and voice and voice != BUNDLED_VOICE and not is_voice_file(voice):
        return "pyttsx3", ""  # a pyttsx3 voice name: that engine was meant
    why = piper_missing()
    if why is None and not voice and bundled_voice_file() is None:
        why = f"the bundled voice ({BUNDLED_VOICE}) is not installed"
    if why is None:
        return "piper", ""
    return "pyttsx3", (f"the Piper voice is off: {why}; speaking with {_system_voice()} "
                       f"(pyttsx3) instead. To hear Piper: {INSTALL_HINT}")


def make_synthesizer(
    settings: SpeechSettings,
    *,
    engine: str | None = None,
    voice: str | None = None,
    rate: int | None = None,
    volume: float | None = None,
    progress: Progress | None = None,
) -> tuple[Synthesizer, str]:
    """The synthesizer the settings (and any overrides) describe, and a notice ('' if none).

    Cheap: nothing is loaded yet (`warm_up()` does that). Raises ValueError for a rate or
    volume out of range.
    """
    engine = engine or settings.tts_engine or "auto"
    voice = settings.tts_voice if voice is None else voice
    chosen, notice = choose_engine(engine, voice)
    if chosen == "pyttsx3" and notice and (is_voice_file(voice) or voice.strip() == BUNDLED_VOICE):
        voice = ""  # a Piper voice means nothing to pyttsx3: its default voice instead
    options = VoiceOptions(voice, settings.tts_rate if rate is None else rate,
                           settings.tts_volume if volume is None else volume, progress)
    return SYNTHESIZERS[chosen](settings, options), notice


class ChosenVoice:
    """`make_synthesizer`'s choice for a session, made once, on first use: choosing imports
    Piper (about half a second), which belongs in a worker thread, not on a UI's."""

    def __init__(self, settings: SpeechSettings, progress: Progress | None = None) -> None:
        self._settings = settings
        self._progress = progress
        self._lock = threading.Lock()
        self._choice: tuple[Synthesizer, str] | None = None

    def _get(self) -> tuple[Synthesizer, str]:
        with self._lock:
            if self._choice is None:
                self._choice = make_synthesizer(self._settings, progress=self._progress)
            return self._choice

    @property
    def synthesizer(self) -> Synthesizer:
        return self._get()[0]

    @property
    def notice(self) -> str:
        """Why the voice is not the one asked for (one line), or ''."""
        return self._get()[1]


# -- devices and the speaker --------------------------------------------------------------------


def make_microphone(settings: DeviceSettings, device: str | None = None) -> Microphone:
    """The configured microphone (`device` over the setting), checked: raises AudioUnavailable
    (no PortAudio, no input). A PortAudio query: call it off a UI's event loop."""
    mic = SoundDeviceMicrophone(device if device is not None else settings.input_device)
    mic.check()
    return mic


def make_output(settings: DeviceSettings | None) -> AudioOutput:
    """The configured speaker device (None: the default), not opened: its `check()` says
    whether it is there."""
    return SoundDeviceOutput(settings.output_device or None if settings is not None else None)


def make_replayer(settings: DeviceSettings | None, output: AudioOutput | None = None) -> Replayer:
    """The player of recorded answers and prompts, on `output` (default: the configured
    device), not checked."""
    return Replayer(output if output is not None else make_output(settings))


def open_speaker(
    settings: SpeechSettings,
    *,
    synthesizer: Synthesizer | None = None,
    output: AudioOutput | None = None,
    on_start: UtteranceCallback | None = None,
    on_first_audio: UtteranceCallback | None = None,
    on_end: UtteranceCallback | None = None,
    on_error: ErrorCallback | None = None,
    warm_up: bool = True,
) -> Speaker:
    """The speaker the settings describe, with `synthesizer` (default: the one
    `make_synthesizer` chooses) on `output` (default: the configured device), checked (and
    warmed up). Blocking (an engine starts): call it off a UI's event loop.

    Raises SpeechEngineUnavailable, UnknownVoice or OutputDeviceUnavailable (all SpeechError)
    with a one-line message: show it once and carry on in text.
    """
    synth = synthesizer if synthesizer is not None else make_synthesizer(settings)[0]
    speaker = Speaker(synth, output if output is not None else make_output(settings),
                      on_start=on_start, on_first_audio=on_first_audio, on_end=on_end,
                      on_error=on_error)
    speaker.check()
    if warm_up:
        synth.warm_up()
    return speaker
