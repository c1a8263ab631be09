"""Runs kiosk mode inside the app: watches input, asks "Still reading?", starts over,
and opens the admin PIN prompt on the admin chord.

The app hands every input event to `observe` before Textual handles it, so the idle
clock sees keys, mouse and touch wherever they go, and a key or tap that wakes the
start screen or answers the notice does nothing else.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events

from spinetui.components.kiosk.attract_screen import AttractScreen
from spinetui.components.kiosk.idle_notice import StillReadingNotice
from spinetui.components.kiosk.pin_prompt import PinPrompt
from spinetui.keymap import ADMIN_EXIT_CHORD
from spinetui.kiosk.idle import IdleWatch, Phase
from spinetui.kiosk.pin import PinThrottle

if TYPE_CHECKING:
    from spinetui.app import SpineApp

# How often the idle clock is checked. Short enough that the countdown reads smoothly.
TICK_SECONDS = 0.25

# Input that wakes the start screen or answers the notice (a mouse moving over the
# start screen does not: it is not someone starting to read).
PRESSES = (events.Key, events.MouseDown, events.MouseScrollDown, events.MouseScrollUp)


class KeyChord:
    """Recognises keys pressed one after the other, e.g. ctrl+k then ctrl+x."""

    def __init__(self, keys: tuple[str, ...]) -> None:
        self.keys = keys
        self._matched = 0

    def feed(self, key: str) -> bool:
        """Note a key; True when it completes the chord."""
        if key == self.keys[self._matched]:
            self._matched += 1
        else:
            self._matched = 1 if key == self.keys[0] else 0
        if self._matched == len(self.keys):
            self._matched = 0
            return True
        return False


class KioskSession:
    def __init__(self, app: SpineApp, watch: IdleWatch | None = None) -> None:
        policy = app.kiosk
        assert policy is not None
        self.app = app
        self.policy = policy
        self.watch = watch or IdleWatch(policy.idle_seconds, policy.notice_seconds)
        # Wrong PIN tries are remembered for the life of the process, across prompts
        # and idle resets: that is what makes guessing slow.
        self.throttle = PinThrottle()
        self._chord = KeyChord(ADMIN_EXIT_CHORD)
        self._swallow_mouse_up = False
        self._starting_over = False

    # --------------------------------------------------------------- start-up
    def start(self) -> None:
        """Begin on the start screen, and start the idle clock."""
        self.app.push_screen(self._attract_screen())
        self.watch.touch()
        self.app.set_interval(TICK_SECONDS, self.tick, name="kiosk idle clock")
        if not self.app.is_headless:
            self._shield_signals()

    def _shield_signals(self) -> None:
        # Only on a real terminal: Textual's Linux driver installs a SIGTSTP handler that
        # suspends the app, and it is installed by now. The web driver handles its own.
        try:
            from textual.drivers.linux_driver import LinuxDriver
        except ImportError:  # Windows
            return
        if isinstance(self.app._driver, LinuxDriver):
            from spinetui.kiosk.signals import shield_signals

            shield_signals(self.app)

    def _attract_screen(self) -> AttractScreen:
        return AttractScreen(
            self.app.guide, cycle_seconds=self.policy.attract_seconds, pointer=self.app.has_pointer
        )

    # ------------------------------------------------------------------ input
    def observe(self, event: events.InputEvent) -> bool:
        """See an input event first; True when it was used up here."""
        if isinstance(event, events.MouseUp) and self._swallow_mouse_up:
            self._swallow_mouse_up = False
            return True
        self.watch.touch()
        if isinstance(event, events.Key) and self._chord.feed(event.key):
            self.open_admin_prompt()
            return True
        screen = self.app.screen
        if isinstance(screen, AttractScreen | StillReadingNotice):
            if isinstance(event, PRESSES):
                # The press only wakes the screen; its release must not click
                # whatever is revealed underneath.
                self._swallow_mouse_up = isinstance(event, events.MouseDown)
                action = language = None
                if isinstance(screen, AttractScreen) and isinstance(event, events.MouseDown):
                    # A tap on one of the start screen's main choices opens it too; a
                    # tap on a language starts the visit in it.
                    choice = screen.choice_at(event.screen_x, event.screen_y)
                    action = screen.action_for(choice) if choice else None
                    language = screen.language_for(choice)
                elif isinstance(screen, AttractScreen) and isinstance(event, events.Key):
                    language = screen.language_for(key=event.key)  # ← English, → Español
                self.app.pop_screen()
                if language is not None and language != self.app.language:
                    self.app.call_later(self.app.switch_language, language)
                if action is not None:
                    self.app.call_later(self.app.run_action, action)
                return True
            # Nothing behind these screens reacts to hovering.
            return isinstance(event, events.MouseEvent)
        return False

    def open_admin_prompt(self) -> None:
        if not isinstance(self.app.screen, PinPrompt):
            self.app.push_screen(
                PinPrompt(self.policy.pin_hash, self.throttle, served=self.policy.served)
            )

    # ------------------------------------------------------------------- idle
    @property
    def notice(self) -> StillReadingNotice | None:
        screen = self.app.screen
        return screen if isinstance(screen, StillReadingNotice) else None

    async def tick(self) -> None:
        """Check the idle clock: show, update or close the notice, or start over."""
        if self._starting_over or not self.app.is_running:
            # Textual marks the app as not running, then closes its screens, and only
            # then stops the app's timers: a tick in between must neither open a
            # screen on a closing app nor ask for one (there may be none left).
            return
        if isinstance(self.app.screen, AttractScreen):
            # Nobody is reading; nothing to start over.
            self.watch.touch()
            return
        phase = self.watch.phase()
        notice = self.notice
        if phase is Phase.ACTIVE:
            if notice is not None:
                self.app.pop_screen()
        elif phase is Phase.NOTICE:
            if notice is None:
                await self.app.push_screen(StillReadingNotice(self.watch.notice_remaining()))
            else:
                notice.show_remaining(self.watch.notice_remaining())
        else:
            await self.start_over()

    async def start_over(self) -> None:
        """Forget this visitor and go back to the start screen."""
        self._starting_over = True
        try:
            await self.app.reset_session()
            await self.app.push_screen(self._attract_screen())
            self.watch.touch()
        finally:
            self._starting_over = False
