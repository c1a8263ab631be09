"""What kiosk mode refuses, the idle clock, and the environment it cleans."""

from __future__ import annotations

from spinetui.kiosk.config import Config
from spinetui.kiosk.idle import IdleWatch, Phase
from spinetui.kiosk.policy import UNSAFE_ENVIRONMENT, KioskPolicy, scrub_environment


def test_a_kiosk_refuses_quitting_suspending_and_screenshots_and_a_personal_session_does_not():
    kiosk = KioskPolicy(enabled=True)
    for action in ("quit", "help_quit", "suspend_process", "screenshot"):
        assert kiosk.refuses(action)
        assert not KioskPolicy.OFF.refuses(action)
    assert not kiosk.refuses("command_palette")
    assert not kiosk.opens_links and not kiosk.writes_files
    assert KioskPolicy.OFF.opens_links


def test_the_policy_comes_from_the_config():
    config = Config(kiosk=True, idle_seconds=60, notice_seconds=10, pin_hash="h")
    policy = KioskPolicy.from_config(config)
    assert policy == KioskPolicy(True, 60, 10, config.attract_seconds, "h")
    assert policy.has_admin_exit
    assert not KioskPolicy.from_config(config, kiosk=False).enabled


def test_settings_that_write_files_or_allow_signals_are_removed():
    environ = {"TEXTUAL_LOG": "x.log", "TEXTUAL_ALLOW_SIGNALS": "1", "TERM": "xterm"}
    environ["TEXTUAL_DRIVER"] = "textual.drivers.web_driver:WebDriver"
    removed = scrub_environment(environ)
    assert set(removed) == {"TEXTUAL_LOG", "TEXTUAL_ALLOW_SIGNALS"}
    # The web driver and the terminal type are how the app is served: kept.
    assert environ == {"TERM": "xterm", "TEXTUAL_DRIVER": "textual.drivers.web_driver:WebDriver"}
    assert "TEXTUAL_SCREENSHOT" in UNSAFE_ENVIRONMENT


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_the_idle_clock_goes_active_notice_expired_and_input_restarts_it():
    clock = Clock()
    watch = IdleWatch(90, 15, clock)
    assert watch.phase() is Phase.ACTIVE
    clock.now = 89.9
    assert watch.phase() is Phase.ACTIVE
    clock.now = 90
    assert watch.phase() is Phase.NOTICE
    assert watch.notice_remaining() == 15
    clock.now = 100
    assert watch.notice_remaining() == 5
    watch.touch()
    assert watch.phase() is Phase.ACTIVE
    clock.now = 100 + 105
    assert watch.phase() is Phase.EXPIRED
    assert watch.notice_remaining() == 0
