"""A yes/no modal, used before quitting and before throwing away an answer."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class ConfirmScreen(ModalScreen[bool]):
    """Dismisses with True (confirm) or False (cancel).

    `focus_confirm` picks which button enter presses: quitting is safe (the session is kept),
    throwing an answer away is not, so the caller chooses the default.
    """

    BINDINGS = [
        Binding("y", "confirm", "Yes", show=False),
        Binding("n,escape", "cancel", "No", show=False),
        Binding("ctrl+q", "ctrl_q", show=False),
        Binding("left,right", "app.focus_previous", show=False),
    ]

    def __init__(self, message: str, *, confirm: str = "Yes", cancel: str = "No",
                 focus_confirm: bool = True, ctrl_q_confirms: bool = False) -> None:
        super().__init__()
        self.message = message
        self.confirm_label = confirm
        self.cancel_label = cancel
        self.focus_confirm = focus_confirm
        self.ctrl_q_confirms = ctrl_q_confirms

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(self.message, id="message", markup=False)
            with Horizontal(id="buttons"):
                yield Button(f"{self.confirm_label} (y)", id="confirm", variant="primary")
                yield Button(f"{self.cancel_label} (n)", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#confirm" if self.focus_confirm else "#cancel", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "confirm")

    def action_confirm(self) -> None:
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)

    def action_ctrl_q(self) -> None:
        """ctrl+q twice quits; on any other question it only closes the dialog."""
        self.dismiss(self.ctrl_q_confirms)
