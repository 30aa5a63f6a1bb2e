"""The mic check (m on the home screen): pick the input, watch a live level meter, and be told
plainly when the input is silent: the commonest silent failure (a muted or wrong microphone).

The device picked is remembered in the config file (`input-device`).
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Select, Static

from interviewer.config import Settings, save_setting
from interviewer.speech.capture import AudioUnavailable, MicCheck, Microphone, list_devices
from interviewer.ui.widgets import sentence

SILENT = ("Silent: nothing is coming in. Is the microphone muted, unplugged, or another "
          "input the right one?")
HEARD = "Sound is coming in: the microphone works."
METER_WIDTH = 40


class MicCheckScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape", "dismiss_check", "Close"),
                Binding("m", "dismiss_check", "Close", show=False)]

    def __init__(self, settings: Settings, make_mic: Callable[[str], Microphone],
                 *, remember: bool = True) -> None:
        super().__init__()
        self.settings = settings
        self.make_mic = make_mic
        self.remember = remember
        """Write the device picked to the config file."""
        self.check: MicCheck | None = None
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        options: list[tuple[str, str]] = [("Default input", "")]
        with suppress(AudioUnavailable):
            options += [(d.name, d.name) for d in list_devices() if d.inputs > 0]
        current = self.settings.input_device
        if current and current not in {v for _, v in options}:
            options.append((current, current))
        with Vertical(id="mic-check"):
            yield Static("Mic check: say something", id="mic-title")
            yield Select(options, value=current, allow_blank=False, compact=True, id="mic-device")
            yield Static("", id="mic-meter", markup=False)
            yield Static("", id="mic-verdict", markup=False)
            yield Static("esc closes · the input picked is remembered", id="mic-hint")

    def on_mount(self) -> None:
        self.open(self.settings.input_device)
        self._timer = self.set_interval(0.1, self.refresh_meter)

    def open(self, device: str) -> None:
        self.close_check()
        verdict = self.query_one("#mic-verdict", Static)
        try:
            check = MicCheck(self.make_mic(device))
            check.start()
        except AudioUnavailable as exc:
            verdict.update(sentence(f"No microphone: {exc}"))
            verdict.set_class(True, "-silent")
            return
        self.check = check
        verdict.update("Listening...")
        verdict.set_class(False, "-silent")

    def refresh_meter(self) -> None:
        if self.check is None:
            return
        level = self.check.poll()
        self.query_one("#mic-meter", Static).update(
            f"{level.bar(METER_WIDTH)} {level.dbfs:6.1f} dB")
        verdict = self.query_one("#mic-verdict", Static)
        if level.silent:
            verdict.update(SILENT)
        elif level.seconds > 0 and level.peak_dbfs >= self.check.meter.detector.floor_dbfs:
            verdict.update(HEARD)
        verdict.set_class(level.silent, "-silent")

    def on_select_changed(self, event: Select.Changed) -> None:
        device = str(event.value)
        if device == self.settings.input_device:
            return
        self.settings.input_device = device
        if self.remember:
            with suppress(OSError):
                save_setting("input_device", device)
        self.open(device)

    def close_check(self) -> None:
        check, self.check = self.check, None
        if check is not None:
            with suppress(Exception):
                check.stop()

    def on_unmount(self) -> None:
        self.close_check()

    def action_dismiss_check(self) -> None:
        self.close_check()
        self.dismiss(None)
