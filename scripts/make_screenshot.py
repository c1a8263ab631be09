"""Export the README's screenshot: the ESI article in the bundled guide, as SVG.

Usage: python scripts/make_screenshot.py [OUT.svg]
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from spinetui.app import SpineApp
from spinetui.model import bundled_content_dir, load_guide
from spinetui.services import Services


async def main(out: Path) -> None:
    app = SpineApp(Services(load_guide(bundled_content_dir())), start_article="esi")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("pagedown")
        await pilot.pause()
        out.write_text(app.export_screenshot(title="spinetui"))
    print(f"wrote {out}")


if __name__ == "__main__":
    target = (
        Path(sys.argv[1])
        if len(sys.argv) > 1
        else Path(__file__).resolve().parents[1] / "docs" / "screenshot.svg"
    )
    asyncio.run(main(target))
