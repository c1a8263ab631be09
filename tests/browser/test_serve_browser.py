"""`spinetui serve` in headless Chromium: the page works offline, reads and restarts."""

from __future__ import annotations

import re
from contextlib import asynccontextmanager

import pytest

from tests.browser.served import CHROMIUM, CHROMIUM_ARGS, PageScreen, Served, require_browser
from tests.conftest import FIXTURES

pytestmark = pytest.mark.browser

VIEWPORT = {"width": 1200, "height": 800}
URL = re.compile(r"""(?:https?|wss?)://[^\s"'<>)]+""")


@asynccontextmanager
async def browser():
    playwright = require_browser()
    async with playwright.async_playwright() as driver:
        chromium = await driver.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            await chromium.close()


async def open_page(chromium, served: Served):
    page = await chromium.new_page(viewport=VIEWPORT)
    screen = PageScreen(page)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    await page.goto(served.url)
    return page, screen, requests


async def test_the_browser_shows_the_start_screen_and_keys_open_an_article():
    with Served() as served:
        async with browser() as chromium:
            page, screen, requests = await open_page(chromium, served)
            await screen.wait_for("Tap or press any key to start")
            await screen.wait_for("First article")
            await page.locator(".xterm-helper-textarea").focus()
            await page.keyboard.press("Enter")
            await screen.wait_for("Welcome to the first article")
            await page.keyboard.press("]")
            await screen.wait_for("Second article opening words")
            # Everything the page loaded came from the server itself.
            assert requests
            assert all(url.startswith(served.url) for url in requests), requests


async def test_quit_keys_in_the_browser_leave_the_kiosk_running():
    with Served() as served:
        async with browser() as chromium:
            page, screen, _ = await open_page(chromium, served)
            await screen.wait_for("Tap or press any key to start")
            await page.locator(".xterm-helper-textarea").focus()
            await page.keyboard.press("Enter")
            await screen.wait_for("Welcome to the first article")
            for key in ("Control+q", "Control+c", "q", "Escape"):
                await page.keyboard.press(key)
            await page.keyboard.press("]")
            await screen.wait_for("Second article opening words")
            assert screen.sockets == 1  # the same session all along


async def test_a_session_that_ends_starts_again_without_a_restart_button():
    with Served("--no-kiosk") as served:
        async with browser() as chromium:
            page, screen, _ = await open_page(chromium, served)
            await screen.wait_for("Welcome to the first article")
            await page.locator(".xterm-helper-textarea").focus()
            await page.keyboard.press("q")  # quits, outside kiosk mode
            # The page reloads by itself and a new session draws the guide again.
            await screen.wait_for_session(2)
            await screen.wait_for("Welcome to the first article")
            assert await page.get_by_text("Restart").count() == 0


async def test_the_kiosk_page_opens_no_other_pages():
    with Served() as served:
        async with browser() as chromium:
            page, screen, _ = await open_page(chromium, served)
            await screen.wait_for("Tap or press any key to start")
            opened = await page.evaluate("window.open('https://example.org/') === null")
            assert opened is True
            assert len(page.context.pages) == 1


async def test_extra_visitors_get_an_all_screens_busy_page():
    with Served("--max-sessions", "1") as served:
        async with browser() as chromium:
            _, screen, _ = await open_page(chromium, served)
            await screen.wait_for("Tap or press any key to start")
            status, body = served.get()
            assert status == 503
            assert "All screens are busy" in body
            second = await chromium.new_page(viewport=VIEWPORT)
            await second.goto(served.url)
            assert "All screens are busy" in await second.inner_text("body")


def test_the_page_and_its_script_and_style_sheet_name_no_other_host():
    require_browser()
    with Served() as served:
        status, page = served.get()
        assert status == 200
        assert URL.findall(page) == []
        assets = re.findall(r'(?:href|src)="(static/[^"]+)"', page)
        assert any(a.endswith(".js") for a in assets) and any(a.endswith(".css") for a in assets)
        for asset in assets:
            status, text = served.get(asset) if not asset.endswith(".ttf") else (200, "")
            assert status == 200, asset
            # Licence comments name their projects' web pages; nothing loads those.
            code = re.sub(r"/\*.*?\*/", "", text, flags=re.DOTALL)
            assert URL.findall(code) == [], asset


async def test_the_decision_tools_work_in_the_browser():
    """What matters to you and the SURE check by keys in a served kiosk tab."""
    with Served(content=FIXTURES / "decide-guide") as served:
        async with browser() as chromium:
            page, screen, _ = await open_page(chromium, served)
            await screen.wait_for("Tap or press any key to start")
            await page.locator(".xterm-helper-textarea").focus()
            await page.keyboard.press("Enter")
            await screen.wait_for("This guide tests the decision tools")
            await page.keyboard.press("c")
            await screen.wait_for("w: What matters")
            await page.keyboard.press("w")
            await screen.wait_for("How much does each of these matter to you?")
            await page.keyboard.press("3")  # fast relief: a lot
            await screen.wait_for("[x] A lot")
            await page.keyboard.press("Enter")
            await screen.wait_for("(* 1 row)")  # the comparison, one row marked
