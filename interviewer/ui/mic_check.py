"""The mic check (m on the home screen): pick the input, watch a live level meter, and be told
plainly when the input is silent: the commonest silent failure (a muted or wrong microphone).

The device picked is remembered in the config file (`input-device`). Devices are listed and
opened in thread workers (PortAudio queries), never on the event loop.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Select, Static

from interviewer.config import Settings, save_setting
from interviewer.speech.devices import list_devices
from interviewer.speech.errors import AudioUnavailable
from interviewer.speech.level_meter import MicCheck
from interviewer.speech.microphone import Microphone
from interviewer.ui.widgets import sentence

SILENT = ("Silent: nothing is coming in. Is the microphone muted, unplugged, or another "
          "input the right one?")
HEARD = "Sound is coming in: the microphone works."
METER_WIDTH = 40


class MicCheckScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape", "dismiss_check", "Close"),
                Binding("m", "dismiss_check", "Close", show=False)]

    @dataclass
    class DevicesListed(Message):
        names: list[str]

    @dataclass
    class Opened(Message):
        """A microphone opened (or not: `error`) for the check numbered `generation`."""

        generation: int
        error: str = ""

    def __init__(self, settings: Settings, make_mic: Callable[[str], Microphone],
                 *, remember: bool = True) -> None:
        super().__init__()
        self.settings = settings
        self.make_mic = make_mic
        self.remember = remember
        """Write the device picked to the config file."""
        self.check: MicCheck | None = None
        self._timer: Timer | None = None
        self._lock = threading.Lock()
        self._generation = 0
        """Counts the devices opened: a worker's late result for an older one is closed."""
        self._closing = False

    def _options(self, names: list[str]) -> list[tuple[str, str]]:
        options: list[tuple[str, str]] = [("Default input", "")]
        options += [(name, name) for name in names]
        current = self.settings.input_device
        if current and current not in {v for _, v in options}:
            options.append((current, current))
        return options

    def compose(self) -> ComposeResult:
        with Vertical(id="mic-check"):
            yield Static("Mic check: say something", id="mic-title")
            yield Select(self._options([]), value=self.settings.input_device,
                         allow_blank=False, compact=True, id="mic-device")
            yield Static("", id="mic-meter", markup=False)
            yield Static("", id="mic-verdict", markup=False)
            yield Static("esc closes · the input picked is remembered", id="mic-hint")

    def on_mount(self) -> None:
        self._list_devices()
        self.open(self.settings.input_device)
        self._timer = self.set_interval(0.1, self.refresh_meter)

    @work(thread=True, exclusive=True, exit_on_error=False, group="mic-devices")
    def _list_devices(self) -> None:
        names: list[str] = []
        with suppress(AudioUnavailable):
            names = [d.name for d in list_devices() if d.inputs > 0]
        self._post(self.DevicesListed(names))

    def on_mic_check_screen_devices_listed(self, message: DevicesListed) -> None:
        select: Select[str] = self.query_one("#mic-device", Select)
        with select.prevent(Select.Changed):  # the same choice, among more options
            select.set_options(self._options(message.names))
            select.value = self.settings.input_device

    def open(self, device: str) -> None:
        """Close the check under way and open `device` in a worker."""
        self.close_check()
        with self._lock:
            self._generation += 1
            generation = self._generation
        self._open(device, generation)

    @work(thread=True, exit_on_error=False, group="mic-open")
    def _open(self, device: str, generation: int) -> None:
        try:
            check = MicCheck(self.make_mic(device))
            check.start()
        except AudioUnavailable as exc:
            self._post(self.Opened(generation, str(exc)))
            return
        with self._lock:
            stale = self._closing or generation != self._generation
            if not stale:
                self.check = check
        if stale:  # closed, or another device picked, meanwhile
            with suppress(Exception):
                check.stop()
            return
        self._post(self.Opened(generation))

    def _post(self, message: Message) -> None:
        with suppress(RuntimeError):  # the app is closing
            self.post_message(message)

    def on_mic_check_screen_opened(self, message: Opened) -> None:
        if message.generation != self._generation:
            return
        verdict = self.query_one("#mic-verdict", Static)
        if message.error:
            verdict.update(sentence(f"No microphone: {message.error}"))
            verdict.set_class(True, "-silent")
            return
        verdict.update("Listening...")
        verdict.set_class(False, "-silent")

    def refresh_meter(self) -> None:
        check = self.check
        if check is None:
            return
        level = check.poll()
        self.query_one("#mic-meter", Static).update(
            f"{level.bar(METER_WIDTH)} {level.dbfs:6.1f} dB")
        verdict = self.query_one("#mic-verdict", Static)
        if level.silent:
            verdict.update(SILENT)
        elif level.seconds > 0 and level.peak_dbfs >= check.meter.detector.floor_dbfs:
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
        with self._lock:
            check, self.check = self.check, None
        if check is not None:
            with suppress(Exception):
                check.stop()

    def on_unmount(self) -> None:
        with self._lock:
            self._closing = True
        self.close_check()

    def action_dismiss_check(self) -> None:
        self.close_check()
        self.dismiss(None)
