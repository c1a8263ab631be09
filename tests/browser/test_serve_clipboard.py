"""The kiosk page in headless Chromium: nothing reaches the browser's clipboard
(issue 14, finding 1)."""

from __future__ import annotations

import pytest

from tests.browser.served import Served
from tests.browser.test_serve_browser import browser, open_page

pytestmark = pytest.mark.browser

# A copy (or cut) as the browser fires it when someone copies a selection; xterm.js
# would put the selected text into its clipboardData.
COPY = """(type) => {
    const data = new DataTransfer();
    const event = new ClipboardEvent(type, {clipboardData: data, bubbles: true, cancelable: true});
    document.querySelector(".xterm-helper-textarea").dispatchEvent(event);
    return {prevented: event.defaultPrevented, text: data.getData("text/plain")};
}"""
# What textual.js's clipboard addon calls with text the app sends (OSC 52).
WRITE = """async () => {
    let wrote = false;
    const real = Object.getPrototypeOf(navigator.clipboard).writeText;
    Object.getPrototypeOf(navigator.clipboard).writeText = async () => { wrote = true; };
    try { await navigator.clipboard.writeText("text a visitor copied"); }
    finally { Object.getPrototypeOf(navigator.clipboard).writeText = real; }
    return wrote;
}"""


@pytest.mark.parametrize("kiosk", [True, False])
async def test_the_kiosk_page_copies_nothing_to_the_browser_clipboard(kiosk):
    args = () if kiosk else ("--no-kiosk",)
    with Served(*args) as served:
        async with browser() as chromium:
            page, screen, _ = await open_page(chromium, served)
            await screen.wait_for("Press any key or tap to start" if kiosk else "First article")
            for kind in ("copy", "cut"):
                outcome = await page.evaluate(COPY, kind)
                assert outcome["prevented"] is kiosk
                assert outcome["text"] == ""
            # In kiosk mode the page's own writeText answers, so the browser's never runs.
            assert await page.evaluate(WRITE) is (not kiosk)
