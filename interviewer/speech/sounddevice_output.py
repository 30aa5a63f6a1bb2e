"""The real speaker: a callback `sounddevice.OutputStream` on the device the settings name."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from interviewer.speech.audio_output import BLOCK_SECONDS, AudioOutput, FillFn, OutputStream
from interviewer.speech.devices import Device, find_device, sounddevice_module
from interviewer.speech.errors import AudioUnavailable, OutputDeviceUnavailable, first_line

log = logging.getLogger(__name__)

LATENCY_SECONDS = 0.15
"""The device buffer asked for. PortAudio's 'low' and 'high' (a few ms to ~35 ms through
ALSA's PulseAudio plugin) underflowed, dropping speech, on 2 busy cores; a stop does not wait
for this buffer (the stream is aborted)."""


def _sounddevice() -> Any:
    try:
        return sounddevice_module("audio output")
    except AudioUnavailable as exc:
        raise OutputDeviceUnavailable(str(exc)) from None


class _SoundDeviceStream:
    def __init__(self, stream: Any, sd: Any, where: str) -> None:
        self._stream = stream
        self._sd = sd
        self._where = where

    def start(self) -> None:
        try:
            self._stream.start()
        except self._sd.PortAudioError as exc:
            raise OutputDeviceUnavailable(
                f"cannot play sound on {self._where}: {first_line(exc)}") from None

    def abort(self) -> None:
        try:
            self._stream.abort()
        except self._sd.PortAudioError:
            log.debug("abort failed", exc_info=True)

    def close(self) -> None:
        try:
            self._stream.close()
        except self._sd.PortAudioError:
            log.debug("close failed", exc_info=True)


class SoundDeviceOutput(AudioOutput):
    """The real speaker: a callback `sounddevice.OutputStream` on the chosen device."""

    name = "sounddevice"

    def __init__(self, device: str | int | None = None, *, block_seconds: float = BLOCK_SECONDS,
                 latency: str | float = LATENCY_SECONDS) -> None:
        self.device = device.strip() if isinstance(device, str) else device
        """As the setting names it: '' or None = the default, digits = an index, else a name."""
        self.block_seconds = block_seconds
        self.latency = latency
        self.underflows = 0
        """Blocks the device asked for too late (the process starved of CPU): a diagnostic."""
        self._rates: dict[int, int] = {}
        """Synthesised rate -> the rate played at, found once: the check opens the device
        (6-60 ms through PulseAudio on 2 busy cores, before every utterance's first sound)."""

    @property
    def where(self) -> str:
        return "the default output device" if self.device in (None, "") else f"'{self.device}'"

    def info(self) -> Device:
        """The device played on (raises OutputDeviceUnavailable when there is none)."""
        try:
            return find_device(self.device, "output")
        except AudioUnavailable as exc:
            raise OutputDeviceUnavailable(str(exc)) from None

    def check(self) -> None:
        self.info()

    def sample_rate_for(self, sample_rate: int) -> int:
        known = self._rates.get(sample_rate)
        if known is not None:
            return known
        sd = _sounddevice()
        device = self.info()
        try:
            sd.check_output_settings(device=device.index, samplerate=sample_rate, channels=1,
                                     dtype="float32")
            rate = sample_rate
        except (ValueError, sd.PortAudioError):
            rate = int(device.default_samplerate)
        self._rates[sample_rate] = rate
        return rate

    def open(self, sample_rate: int, fill: FillFn, finished: Callable[[], None]) -> OutputStream:
        sd = _sounddevice()

        def callback(outdata: Any, frames: int, time_info: Any, status: Any) -> None:
            if status.output_underflow:
                self.underflows += 1
            try:
                more = fill(outdata[:, 0])
            except Exception:
                outdata.fill(0)
                raise sd.CallbackAbort from None
            if not more:
                raise sd.CallbackStop

        device = self.info()
        try:
            stream = sd.OutputStream(
                samplerate=sample_rate, blocksize=max(64, int(sample_rate * self.block_seconds)),
                device=device.index, channels=1, dtype="float32", latency=self.latency,
                callback=callback, finished_callback=finished)
        except (ValueError, sd.PortAudioError) as exc:
            self._rates.clear()  # the device changed, maybe: checked again next time
            raise OutputDeviceUnavailable(
                f"cannot play sound on {self.where}: {first_line(exc)}") from None
        return _SoundDeviceStream(stream, sd, self.where)
