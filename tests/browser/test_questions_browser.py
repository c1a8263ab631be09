"""My questions in `spinetui serve` (headless Chromium): a question ticked with keys
and the kiosk's QR code, read back from a screenshot of the page by zbarimg."""

from __future__ import annotations

import asyncio
import shutil
import subprocess
import time

import pytest

from tests.browser.served import PageScreen, Served
from tests.browser.test_serve_browser import browser
from tests.conftest import FIXTURES, in_ci

pytestmark = pytest.mark.browser

GUIDE = FIXTURES / "questions-guide"
QUESTION = "What is causing my pain?"


def zbarimg() -> str:
    found = shutil.which("zbarimg")
    if found is None:
        if in_ci():
            pytest.fail("zbarimg is required in CI (.ci/run installs zbar-tools)")
        pytest.skip("zbarimg is not installed (Debian package zbar-tools)")
    return found


async def test_a_tablet_shows_the_questions_as_a_qr_code_a_phone_can_read(tmp_path):
    decoder = zbarimg()
    with Served(content=GUIDE) as served:
        async with browser() as chromium:
            page = await chromium.new_page(viewport={"width": 1200, "height": 800})
            screen = PageScreen(page)
            await page.goto(served.url)
            await screen.wait_for("any key to start")
            await page.locator(".xterm-helper-textarea").focus()
            await page.keyboard.press("Enter")
            await screen.wait_for("Tick the questions you want to ask")
            await page.keyboard.press("l")
            await page.keyboard.press("Space")
            await screen.wait_for(f"[x] {QUESTION}")
            await page.keyboard.press("m")
            await screen.wait_for(f"[x] 1. {QUESTION}")
            await page.keyboard.press("t")
            await screen.wait_for("Point your phone's camera at the code")
            # The canvas can lag the terminal's text on a busy machine: read the code
            # from a fresh screenshot until it reads, or for at most 20 seconds.
            deadline = time.monotonic() + 20
            while True:
                image = tmp_path / "page.png"
                await page.screenshot(path=str(image))
                result = subprocess.run(
                    [decoder, "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(image)],
                    capture_output=True,
                    timeout=60,
                )
                if result.returncode == 0 or time.monotonic() > deadline:
                    break
                await asyncio.sleep(0.5)
    assert result.returncode == 0, f"zbarimg found no code: {result.stderr.decode()!r}"
    assert result.stdout.decode("utf-8").removesuffix("\n") == f"My questions:\n1. {QUESTION}"
