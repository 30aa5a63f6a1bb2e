"""Microphone capture through the real sounddevice/PortAudio path, on the PulseAudio virtual
microphone (scripts/virtual-audio.sh; `make test` starts it), plus the meter and file mic."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import wave
from pathlib import Path

import numpy as np
import pytest

from interviewer.speech.answer_recording import VoiceAnswer
from interviewer.speech.audio import SAMPLE_RATE, load_audio
from interviewer.speech.devices import Device, find_input, list_devices
from interviewer.speech.errors import AudioUnavailable
from interviewer.speech.file_microphone import FileMicrophone
from interviewer.speech.level_meter import Level, LevelMeter, MicCheck
from interviewer.speech.microphone import BlockCallback, Microphone
from interviewer.speech.sounddevice_microphone import SoundDeviceMicrophone
from interviewer.speech.streaming_settings import StreamingSettings
from interviewer.speech.whisper_stt import WhisperTranscriber
from tests.support.audio_files import AUDIO_FIXTURES
from tests.support.virtmic import feed_fifo
from tests.support.waiting import wait_until
from tests.support.wer import wer


def test_the_real_input_stream_records_the_virtual_microphone(
        virtmic_fifo: Path, whisper: WhisperTranscriber, tmp_path: Path) -> None:
    speech = load_audio(AUDIO_FIXTURES / "weak.wav")
    audio = np.concatenate((speech, np.zeros(SAMPLE_RATE, np.float32)))  # flushes the last block
    mic = SoundDeviceMicrophone()  # the default input: the virtual microphone
    answer = VoiceAnswer(mic, whisper, wav_path=tmp_path / "1.wav",
                         settings=StreamingSettings(silence_end_s=0))
    answer.start()
    writer = feed_fifo(virtmic_fifo, audio)
    writer.join(60)
    wait_until(lambda: answer.seconds >= len(speech) / SAMPLE_RATE, "the whole answer recorded")
    spoken = answer.stop()
    assert mic.device is not None and mic.device.inputs > 0
    assert spoken.seconds >= len(speech) / SAMPLE_RATE, "the microphone lost audio"
    error = wer((AUDIO_FIXTURES / "weak.txt").read_text(), spoken.text)
    print(f"WER through the virtual microphone: {error:.1%}")
    assert error < 0.15, spoken.text
    with wave.open(str(tmp_path / "1.wav"), "rb") as w:
        assert w.getnframes() == round(spoken.seconds * SAMPLE_RATE)
    assert (tmp_path / "1.wav").stat().st_mode & 0o777 == 0o600


def test_the_mic_check_meters_the_virtual_microphone(virtmic_fifo: Path) -> None:
    levels: list[Level] = []
    check = MicCheck(SoundDeviceMicrophone("pulse"), levels.append)
    check.start()
    speech = load_audio(AUDIO_FIXTURES / "medium.flac")[: SAMPLE_RATE * 3]
    feed_fifo(virtmic_fifo, speech, speed=1.0).join(30)
    wait_until(lambda: len(levels) >= 20 and max(level.dbfs for level in levels) > -30,
               "the speech metered")
    final = check.stop()
    assert len(levels) >= 20
    assert max(level.dbfs for level in levels) > -30  # speech, clearly above the floor
    assert not final.silent


def test_devices_are_listed_with_the_default_marked(virtmic_fifo: Path) -> None:
    devices = list_devices()
    names = {d.name for d in devices}
    assert {"pulse", "default"} <= names
    default = find_input("", devices)
    assert default.default_input and default.inputs > 0
    assert find_input("PULSE", devices).name == "pulse"
    assert find_input(str(default.index), devices) == default
    with pytest.raises(AudioUnavailable, match="no microphone named 'nope'"):
        find_input("nope", devices)
    with pytest.raises(AudioUnavailable, match="no microphone with index 999"):
        find_input("999", devices)


def test_no_input_device_is_a_clear_error() -> None:
    only_speaker = [Device(0, "hdmi", "ALSA", 0, 2, 48000.0, default_output=True)]
    with pytest.raises(AudioUnavailable, match="no audio input device"):
        find_input("", only_speaker)


def test_without_an_audio_server_there_is_no_microphone(tmp_path: Path) -> None:
    """No sound card and no PulseAudio (a fresh headless machine): one clear error."""
    code = ("from interviewer.speech.factory import make_microphone\n"
            "from interviewer.config import Settings\n"
            "from interviewer.speech.errors import AudioUnavailable\n"
            "try:\n    make_microphone(Settings())\n"
            "except AudioUnavailable as exc:\n    print(exc)\n")
    env = {**os.environ, "XDG_RUNTIME_DIR": str(tmp_path), "PULSE_SERVER": "unix:/nonexistent"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                         timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "no microphone: no audio input device was found"


def test_missing_portaudio_is_a_clear_error(tmp_path: Path) -> None:
    """sounddevice raises OSError at import when libportaudio2 is missing."""
    (tmp_path / "sounddevice.py").write_text("raise OSError('PortAudio library not found')\n")
    code = ("from interviewer.speech.devices import list_devices\n"
            "from interviewer.speech.errors import AudioUnavailable\n"
            "try:\n    list_devices()\n"
            "except AudioUnavailable as exc:\n    print(exc)\n")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                         timeout=60)
    assert out.returncode == 0, out.stderr
    assert "the PortAudio library is missing (PortAudio library not found)" in out.stdout
    assert "libportaudio2" in out.stdout


def test_level_meter_and_silent_input() -> None:
    meter = LevelMeter(silent_after_s=1.0)
    tone = (0.1 * np.sin(np.arange(1600) * 2 * np.pi * 440 / SAMPLE_RATE)).astype(np.float32)
    level = meter.update(tone)
    assert level.dbfs == pytest.approx(-23.0, abs=0.2) and not level.silent
    assert level.bar(20) == "#" * 12 + "-" * 8
    for _ in range(9):
        level = meter.update(np.zeros(1600, np.float32))
    assert level.dbfs == -100.0 and level.peak_dbfs > -30 and not level.silent
    level = meter.update(np.zeros(1600, np.float32))
    assert level.silent  # a whole second below the floor
    assert not meter.update(tone).silent


def test_mic_check_notices_a_device_that_delivers_nothing() -> None:
    now = [0.0]

    class DeadMic(Microphone):
        def start(self, on_block: BlockCallback) -> None:
            pass

        def stop(self) -> None:
            pass

    check = MicCheck(DeadMic(), clock=lambda: now[0])
    check.start()
    assert not check.poll().silent
    now[0] = 3.5
    assert check.poll().silent


def test_file_microphone_paces_at_real_time_or_as_fast_as_possible() -> None:
    audio = np.zeros(SAMPLE_RATE, np.float32)
    for speed, low, high in ((1.0, 0.9, 1.6), (0.0, 0.0, 0.3)):
        blocks: list[np.ndarray] = []
        mic = FileMicrophone(audio, speed=speed)
        t0 = time.perf_counter()
        mic.start(blocks.append)
        assert mic.finished.wait(5)
        assert low <= time.perf_counter() - t0 <= high
        assert len(blocks) == 10 and sum(len(b) for b in blocks) == SAMPLE_RATE
