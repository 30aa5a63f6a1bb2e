"""The sound devices PortAudio sees, and the one way a setting (`input-device`, `output-device`,
a flag) names one: '' = the default, digits = an index, else part of a device's name.

`sounddevice` is imported here only: without the PortAudio library it fails to load, and that
is one line ("... sudo apt-get install libportaudio2"), never a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from interviewer.speech.errors import AudioUnavailable, first_line
from interviewer.speech.quiet_alsa import quiet_alsa

Kind = Literal["input", "output"]
_NOUN = {"input": "microphone", "output": "speaker"}
_NONE = {"input": "no microphone: no audio input device was found",
         "output": "no audio output device (no sound card or sound server was found)"}


def sounddevice_module(what: str = "microphone") -> Any:
    """Import sounddevice, or raise AudioUnavailable ("no <what>: ...") without PortAudio."""
    quiet_alsa()
    try:
        import sounddevice
    except OSError as exc:  # sounddevice imports, then fails to load the PortAudio library
        raise AudioUnavailable(
            f"no {what}: the PortAudio library is missing ({first_line(exc)}); "
            "on Debian/Ubuntu: sudo apt-get install libportaudio2") from None
    return sounddevice


@dataclass(frozen=True)
class Device:
    index: int
    name: str
    hostapi: str
    inputs: int
    outputs: int
    default_samplerate: float
    default_input: bool = False
    default_output: bool = False

    def channels(self, kind: Kind) -> int:
        return self.inputs if kind == "input" else self.outputs

    def to_dict(self) -> dict[str, Any]:
        return {"index": self.index, "name": self.name, "hostapi": self.hostapi,
                "inputs": self.inputs, "outputs": self.outputs,
                "default_samplerate": self.default_samplerate,
                "default_input": self.default_input, "default_output": self.default_output}


def list_devices(what: str = "microphone") -> list[Device]:
    """Every PortAudio device, inputs and outputs, with the defaults marked."""
    sd = sounddevice_module(what)
    try:
        raw = sd.query_devices()
        apis = sd.query_hostapis()
        default_in, default_out = sd.default.device
    except sd.PortAudioError as exc:
        raise AudioUnavailable(f"cannot list audio devices: {first_line(exc)}") from None
    out = []
    for d in raw:
        index = int(d["index"])
        out.append(Device(
            index=index, name=str(d["name"]), hostapi=str(apis[d["hostapi"]]["name"]),
            inputs=int(d["max_input_channels"]), outputs=int(d["max_output_channels"]),
            default_samplerate=float(d["default_samplerate"]),
            default_input=index == default_in, default_output=index == default_out,
        ))
    return out


def find_device(spec: str | int | None, kind: Kind,
                devices: list[Device] | None = None) -> Device:
    """The device a setting names: ''/None = the default (else the first), digits = an index,
    else the first whose name contains `spec` (case-insensitive). Raises AudioUnavailable."""
    noun = _NOUN[kind]
    devices = list_devices("microphone" if kind == "input" else "audio output") \
        if devices is None else devices
    ports = [d for d in devices if d.channels(kind) > 0]
    if not ports:
        raise AudioUnavailable(_NONE[kind])
    value = spec.strip() if isinstance(spec, str) else spec
    if value is None or value == "":
        return next((d for d in ports
                     if (d.default_input if kind == "input" else d.default_output)), ports[0])
    if isinstance(value, int) or value.isdigit():
        index = int(value)
        for d in ports:
            if d.index == index:
                return d
        raise AudioUnavailable(f"no {noun} with index {index} (see `interviewer devices`)")
    for d in ports:
        if value.lower() in d.name.lower():
            return d
    raise AudioUnavailable(f"no {noun} named '{value}' (see `interviewer devices`)")


def find_input(spec: str | int | None = None, devices: list[Device] | None = None) -> Device:
    """The microphone a setting names (see `find_device`)."""
    return find_device(spec, "input", devices)


def find_output(spec: str | int | None, devices: list[Device] | None = None) -> Device | None:
    """The speaker a setting names; None for '' (the default, whatever it is)."""
    if spec is None or (isinstance(spec, str) and not spec.strip()):
        return None
    return find_device(spec, "output", devices)
