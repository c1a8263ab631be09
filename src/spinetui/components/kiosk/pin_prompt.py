"""The admin PIN prompt of a kiosk, opened by the admin chord (see keymap.ADMIN_EXIT_CHORD).

A right PIN closes the app with ADMIN_EXIT_STATUS; a wrong one makes the next try wait
longer (the wait is shown and counts down). Without a configured PIN there is no way
out from the keyboard, and the prompt says how to stop the kiosk instead.
"""

from __future__ import annotations

import math

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from spinetui.components.footer import SpineFooter
from spinetui.i18n import N_, _
from spinetui.keymap import PIN_PROMPT_KEYS, bindings
from spinetui.kiosk.pin import PinThrottle, verify_pin
from spinetui.kiosk.policy import ADMIN_EXIT_STATUS

# Marked here, translated where they are shown. Commands and key names stay as typed.
NO_PIN_MESSAGE = N_(
    "No admin PIN is set, so this kiosk cannot be closed from the keyboard.\n\n"
    "Stop it with the service manager instead (for example: "
    "sudo systemctl stop spinetui-kiosk). To set a PIN: spinetui kiosk set-pin."
)


SERVED_MESSAGE = N_(
    "This guide is served to web browsers, so it has no admin PIN here.\n\n"
    "To stop it, stop spinetui serve on the computer that runs it."
)


class PinPrompt(ModalScreen[None]):
    BINDINGS = bindings(PIN_PROMPT_KEYS)

    DEFAULT_CSS = """
    PinPrompt { align: center middle; }
    PinPrompt > Vertical {
        width: 60; max-width: 100%; height: auto;
        border: round $error; background: $surface; padding: 1 2;
    }
    PinPrompt #pin-status { margin-top: 1; }
    PinPrompt #pin-status.-wrong { color: $error; }
    """

    def __init__(
        self, pin_hash: str | None, throttle: PinThrottle, *, served: bool = False
    ) -> None:
        super().__init__()
        self._pin_hash = None if served else pin_hash
        self._served = served
        self._throttle = throttle
        self._waiting = False

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = _("Close the kiosk")
            if self._served:
                yield Static(Text(_(SERVED_MESSAGE)), id="pin-message")
            elif self._pin_hash is None:
                yield Static(Text(_(NO_PIN_MESSAGE)), id="pin-message")
            else:
                yield Static(Text(_("Admin PIN:")), id="pin-message")
                yield Input(password=True, max_length=128, id="pin-input")
                yield Static(id="pin-status")
        yield SpineFooter()

    def on_mount(self) -> None:
        if self._pin_hash is not None:
            self.query_one(Input).focus()
            self.set_interval(0.5, self._refresh_wait)
            self._refresh_wait()

    @property
    def status_text(self) -> str:
        return str(self.query_one("#pin-status", Static).render())

    def _refresh_wait(self) -> None:
        """Show how long the next try must wait. The box stays open throughout: what
        the admin types during the wait is kept, and Enter tries it once the wait ends
        (disabling the box dropped keys silently and took the focus back mid-typing)."""
        wait = self._throttle.wait_remaining()
        status = self.query_one("#pin-status", Static)
        if wait > 0:
            seconds = math.ceil(wait)
            status.update(
                Text(
                    # Translators: {seconds} is a number; "s" is the unit, seconds.
                    _(
                        "Wrong PIN. Waiting {seconds} s before the next try. "
                        "You can type meanwhile; press Enter when the wait is over."
                    ).format(seconds=seconds)
                )
            )
            status.add_class("-wrong")
            self._waiting = True
        elif self._waiting:
            self._waiting = False
            status.remove_class("-wrong")
            status.update(Text(_("You can try again now: press Enter.")))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.try_pin(event.value)

    def try_pin(self, pin: str) -> bool:
        """Check a PIN; returns True when it closed the app."""
        assert self._pin_hash is not None
        if self._throttle.wait_remaining() > 0:
            # Not tried, not cleared: the PIN stays in the box for when the wait ends.
            self._refresh_wait()
            return False
        field = self.query_one(Input)
        field.value = ""
        if verify_pin(pin, self._pin_hash):
            self._throttle.record_success()
            self.app.exit(
                return_code=ADMIN_EXIT_STATUS, message=_("spinetui: closed with the admin PIN.")
            )
            return True
        self._throttle.record_failure()
        self._refresh_wait()
        return False

    def action_cancel(self) -> None:
        self.dismiss(None)
