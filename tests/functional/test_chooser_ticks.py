"""The chooser's ticks are told apart by more than colour: "[x]" ticked, "[ ]" not."""

from __future__ import annotations

from spinetui.components.compare.chooser import TreatmentChooser
from tests.conftest import FIXTURES
from tests.functional.helpers import make_app


async def test_ticked_and_unticked_treatments_look_different_without_colour():
    app = make_app(FIXTURES / "compare-guide")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TreatmentChooser)
        listing = app.screen.treatment_list
        lines = [listing.render_line(y).text for y in range(listing.option_count)]
        ticked = set(listing.selected)
        for index, line in enumerate(lines):
            value = listing.get_option_at_index(index).value
            assert line.startswith("[x]" if value in ticked else "[ ]"), line
        assert any(line.startswith("[ ]") for line in lines)
        await pilot.press("space")  # untick the first
        await pilot.pause()
        assert listing.render_line(0).text.startswith("[ ]")
