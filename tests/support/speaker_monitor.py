"""What the virtual speaker of `scripts/virtual-audio.sh` played, recorded from its monitor, and
how loud it was: the proof that sound really goes out."""

from __future__ import annotations

import subprocess
import threading

import numpy as np

from tests.support.waiting import wait_until

MONITOR_RATE = 16000
LOUD = 0.01
"""A 20 ms frame louder than this (RMS) is sound; the idle monitor is far below."""
QUIET_AFTER_S = 1.0
"""Longer than any pause between a synthesised prompt's sentences."""


class MonitorRecording:
    """`parec` on the null sink's monitor: everything the virtual speaker played.

    An idle null sink renders nothing, and its monitor loses the first second or so of what
    starts it; so silence is played alongside (`pacat` of /dev/zero) to keep it running."""

    def __init__(self, source: str) -> None:
        self._silence = subprocess.Popen(
            ["pacat", "--playback", "--raw", "--format=s16le", f"--rate={MONITOR_RATE}",
             "--channels=1", "/dev/zero"], stdout=subprocess.DEVNULL)
        self._proc = subprocess.Popen(
            ["parec", f"--device={source}", "--format=s16le", f"--rate={MONITOR_RATE}",
             "--channels=1", "--latency-msec=20"], stdout=subprocess.PIPE)
        self._chunks: list[bytes] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self._proc.stdout is not None
        while chunk := self._proc.stdout.read(3200):
            self._chunks.append(chunk)

    def received_seconds(self) -> float:
        return sum(len(c) for c in self._chunks) / 2 / MONITOR_RATE

    def wait_running(self, seconds: float = 0.3, timeout: float = 10.0) -> None:
        wait_until(lambda: self.received_seconds() >= seconds,
                   "the monitor of the virtual speaker to record", timeout)

    def wait_quiet_after_sound(self, quiet: float = QUIET_AFTER_S, timeout: float = 15.0) -> None:
        """Until the monitor has heard sound and then `quiet` seconds without any: the null
        sink renders what it buffered (up to a second or so) in real time, after the stream
        has drained into the server."""
        def heard_to_the_end() -> bool:
            levels = frame_rms(self.samples(), MONITOR_RATE // 50)
            loud = np.nonzero(levels > LOUD)[0]
            return bool(len(loud)) and (len(levels) - 1 - loud[-1]) / 50 >= quiet

        wait_until(heard_to_the_end, f"sound on the virtual speaker, then {quiet:g} s of quiet",
                   timeout)

    def samples(self) -> np.ndarray:
        pcm = b"".join(list(self._chunks))
        return np.frombuffer(pcm[: len(pcm) // 2 * 2], dtype="<i2").astype(np.float32) / 32768

    def stop(self) -> np.ndarray:
        self._proc.terminate()
        self._silence.terminate()
        self._proc.wait(10)
        self._silence.wait(10)
        self._reader.join(10)
        return self.samples()


def frame_rms(samples: np.ndarray, frame: int) -> np.ndarray:
    n = len(samples) // frame * frame
    frames = samples[:n].reshape(-1, frame).astype(np.float64)
    levels: np.ndarray = np.sqrt(np.mean(np.square(frames), axis=1))
    return levels


def voiced_span(samples: np.ndarray, rate: int, threshold: float = 0.01) -> float:
    """Seconds from the first to the last 20 ms frame louder than `threshold`."""
    loud = np.nonzero(frame_rms(samples, rate // 50) > threshold)[0]
    return 0.0 if not len(loud) else (loud[-1] - loud[0] + 1) / 50
