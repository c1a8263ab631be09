"""What SpineApp does differently in kiosk mode, mixed into the app class.

Textual's defaults are switched off one by one: Ctrl+Q (a priority binding to quit),
Ctrl+C (tells you how to quit), suspend, screenshots, the palette's system commands
(Quit, Screenshot, Theme, Keys), opening links in a browser, and delivering files.
Refused actions fail `check_action`, which also hides their keys from the footer; the
methods are overridden too, for callers that don't go through a binding.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import SystemCommand
from textual.screen import Screen

if TYPE_CHECKING:
    from spinetui.components.kiosk.session import KioskSession
    from spinetui.kiosk.policy import KioskPolicy


class KioskGuard:
    """Mixin for the App. Expects `self.kiosk: KioskPolicy | None`."""

    kiosk: KioskPolicy | None
    kiosk_session: KioskSession | None = None
    _return_code: int | None  # App's: the exit status
    _clipboard: str

    @property
    def kiosk_mode(self) -> bool:
        return self.kiosk is not None and self.kiosk.enabled

    def start_kiosk(self) -> None:
        """Called once the app is mounted, in kiosk mode only."""
        from spinetui.components.kiosk.session import KioskSession

        self.kiosk_session = KioskSession(self)  # type: ignore[arg-type]
        self.kiosk_session.start()

    # ------------------------------------------------------------ refusals
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.kiosk is not None and self.kiosk.refuses(action):
            return False
        return super().check_action(action, parameters)  # type: ignore[misc]

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        if self.kiosk_mode:
            return
        yield from super().get_system_commands(screen)  # type: ignore[misc]

    async def action_quit(self) -> None:
        if not self.kiosk_mode:
            await super().action_quit()  # type: ignore[misc]

    def action_help_quit(self) -> None:
        if not self.kiosk_mode:
            super().action_help_quit()  # type: ignore[misc]

    def action_suspend_process(self) -> None:
        if not self.kiosk_mode:
            super().action_suspend_process()  # type: ignore[misc]

    def open_url(self, url: str, *, new_tab: bool = True) -> None:
        if not self.kiosk_mode:
            super().open_url(url, new_tab=new_tab)  # type: ignore[misc]

    def copy_to_clipboard(self, text: str) -> None:
        # Textual sends copied text to the terminal's clipboard (OSC 52; in a browser,
        # textual-serve's page hands it to the browser's clipboard), where it outlives
        # the visitor. A kiosk keeps it inside the app only (Ctrl+V in a text box still
        # pastes it), and the idle reset forgets it.
        if not self.kiosk_mode:
            super().copy_to_clipboard(text)  # type: ignore[misc]
            return
        self._clipboard = text

    def save_screenshot(self, *args: Any, **kwargs: Any) -> str:
        if self.kiosk_mode:
            raise PermissionError("kiosk mode writes no files")
        return super().save_screenshot(*args, **kwargs)  # type: ignore[misc]

    def deliver_screenshot(self, *args: Any, **kwargs: Any) -> str | None:
        if self.kiosk_mode:
            return None
        return super().deliver_screenshot(*args, **kwargs)  # type: ignore[misc]

    def deliver_text(self, *args: Any, **kwargs: Any) -> str | None:
        if self.kiosk_mode:
            return None
        return super().deliver_text(*args, **kwargs)  # type: ignore[misc]

    def deliver_binary(self, *args: Any, **kwargs: Any) -> str | None:
        if self.kiosk_mode:
            return None
        return super().deliver_binary(*args, **kwargs)  # type: ignore[misc]

    # ------------------------------------------------------------- failures
    # Textual's answer to a failure it cannot recover from is a traceback with local
    # variables, printed on the terminal as the app exits: on a kiosk that is the
    # visitor's screen. In kiosk mode the app says one plain line instead (the crash
    # guard has already tried starting over; the service manager starts a new one).
    def _fatal_error(self) -> None:
        if not self.kiosk_mode:
            super()._fatal_error()  # type: ignore[misc]
            return
        self._exit_plainly()

    def panic(self, *renderables: Any) -> None:
        if not self.kiosk_mode:
            super().panic(*renderables)  # type: ignore[misc]
            return
        self._exit_plainly()

    #: True once the app is ending after a failure; the command line then prints
    #: KIOSK_FAILURE_MESSAGE after the terminal is restored (printed any earlier, the
    #: driver's last writes can leave it on the alternate screen, which is then wiped).
    failed: bool = False

    def _exit_plainly(self) -> None:
        self.failed = True
        self._return_code = 1
        self._close_messages_no_wait()  # type: ignore[attr-defined]

    # ---------------------------------------------------------------- input
    async def on_event(self, event: events.Event) -> None:
        session = self.kiosk_session
        if (
            session is not None
            and isinstance(event, events.InputEvent)
            and not event.is_forwarded
            and session.observe(event)
        ):
            return
        await super().on_event(event)  # type: ignore[misc]
