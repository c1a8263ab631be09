"""The SURE check, tool: links from articles, the kiosk forgetting every answer, and no
screen ever recommending a treatment."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console
from rich.text import Text
from textual.widgets import Static

from spinetui.components.article.article_view import ArticleView
from spinetui.components.compare.cell_detail import BIGGER, SMALLER, icon_array_text
from spinetui.components.compare.comparison_screen import ComparisonScreen, MattersButton
from spinetui.components.compare.grid import ComparisonGrid
from spinetui.components.decide.choices import ChoiceButton, ChoiceRow
from spinetui.components.decide.sure_screen import SureScreen
from spinetui.components.decide.what_matters import WhatMattersScreen
from spinetui.components.help_screen import HelpScreen
from spinetui.components.kiosk.attract_screen import AttractScreen
from spinetui.components.reader.reader_screen import ReaderScreen
from spinetui.decide.factors import FACTORS
from spinetui.decide.sure import SURE_ITEMS
from spinetui.kiosk.policy import KioskPolicy
from tests.conftest import SHARED, in_ci
from tests.functional.test_decide_compare import DECIDE_GUIDE, TABLE_ORDER, decide_app, row_ids
from tests.functional.test_kiosk import go_idle, start_reading, use_fake_clock

SIZE = (120, 40)


def button(row: ChoiceRow, label: str) -> ChoiceButton:
    return next(b for b in row.query(ChoiceButton) if b.label == label)


async def open_link(app, pilot, href_value: str, *, click: bool) -> None:
    """Follow the link with this target value in the open article, by tap or by keys."""
    view = app.screen.query_one(ArticleView)
    targets = [t for t in view.layout_now.targets() if t.kind != "term"]
    target = next(t for t in targets if t.value == href_value)
    if click:
        region = view.content_region
        x = region.x + view._margin + target.x0 + 1 - view.region.x
        y = region.y + target.y - view.region.y
        await pilot.click(ArticleView, offset=(x, y))
    else:
        view.focus()
        await pilot.press(*["l"] * (targets.index(target) + 1), "enter")
    await pilot.pause()


# ------------------------------------------------------------------ tool: links
async def test_the_questions_article_opens_what_matters_by_keys_and_sure_by_a_tap():
    app = decide_app(start_article="questions")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await open_link(app, pilot, "what-matters", click=False)
        assert isinstance(app.screen, WhatMattersScreen)
        # From an article, the summary sets every option side by side.
        assert [t.id for t in app.screen.treatments] == ["esi", "prp", "stem-cells"]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        await open_link(app, pilot, "sure", click=True)
        assert isinstance(app.screen, SureScreen)


# ------------------------------------------------------------------ SURE
async def test_sure_by_keys_each_no_says_what_to_do_next():
    app = decide_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.action_sure_check()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SureScreen)
        assert "You have not answered the questions yet." in screen.result
        await pilot.press("y", "n", "n", "y")  # each answer goes on to the next question
        await pilot.pause()
        assert app.decision.sure == {
            "sure": True,
            "understand": False,
            "values": False,
            "support": True,
        }
        result = " ".join(screen.result.split())
        assert "You said yes to 2 of 4 questions." in result
        assert "Do you know the good and bad points of each choice?" in result
        assert "Read the comparison (press c)" in result
        assert "Ask your doctor about the risks of each choice." in result
        assert 'Use "What matters to you"' in result
        # Items answered yes give no advice.
        assert "You do not have to choose today" not in result
        assert "Ask your doctor or nurse to go through" not in result
        # ← and → pick the answer to the left (yes) and right (no); 0 takes it back.
        await pilot.press("up", "up", "left")
        await pilot.pause()
        assert app.decision.sure["understand"] is True
        await pilot.press("0")
        await pilot.pause()
        assert "understand" not in app.decision.sure
        assert "1 not answered yet." in screen.result
        # Closed and opened again: the answers are still there for this visit.
        await pilot.press("escape")
        await pilot.pause()
        app.action_sure_check()
        await pilot.pause()
        again = app.screen
        assert again.query_one("#choice-values", ChoiceRow).answer == "No"
        assert again.query_one("#choice-sure", ChoiceRow).answer == "Yes"


async def test_sure_by_taps_and_all_yes():
    app = decide_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.action_sure_check()
        await pilot.pause()
        screen = app.screen
        for item in SURE_ITEMS:
            row = screen.query_one(f"#choice-{item.id}", ChoiceRow)
            row.scroll_visible(animate=False)
            await pilot.pause()
            await pilot.click(button(row, "No"))
            await pilot.pause()
        assert app.decision.sure == {item.id: False for item in SURE_ITEMS}
        result = " ".join(screen.result.split())
        for item in SURE_ITEMS:
            assert " ".join(item.if_no.split()) in result
        for item in SURE_ITEMS:
            row = screen.query_one(f"#choice-{item.id}", ChoiceRow)
            row.scroll_visible(animate=False)
            await pilot.pause()
            await pilot.click(button(row, "Yes"))
            await pilot.pause()
        assert "You said yes to all four." in screen.result
        # From the SURE check, a tap opens What matters to you.
        screen.query_one("#open-matters").scroll_visible(animate=False)
        await pilot.pause()
        await pilot.click("#open-matters")
        await pilot.pause()
        assert isinstance(app.screen, WhatMattersScreen)


async def test_the_palette_opens_the_sure_check():
    app = decide_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"are you sure")
        await app.workers.wait_for_complete()
        await pilot.pause(0.1)
        await app.workers.wait_for_complete()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SureScreen)


# ------------------------------------------------------------------ kiosk reset
async def test_the_kiosk_idle_reset_forgets_what_matters_and_sure_answers():
    policy = KioskPolicy(enabled=True, attract_seconds=600.0, idle_seconds=90, notice_seconds=15)
    app = decide_app(kiosk=policy)
    async with app.run_test(size=SIZE) as pilot:
        await start_reading(app, pilot)
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        await pilot.press("down", "down", "down", "down", "3")  # cost: a lot
        await pilot.press("enter")
        await pilot.pause()
        assert row_ids(app.screen)[0] == "typical-cost"
        app.action_sure_check()
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert app.decision.matters and app.decision.sure
        clock = use_fake_clock(app)
        await go_idle(app, pilot, clock, 106)
        assert isinstance(app.screen, AttractScreen)
        assert app.decision.is_empty
        # The next visitor sees the table in its own order, unmarked, and no answers.
        await pilot.press("space")
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ComparisonScreen)
        assert row_ids(screen) == TABLE_ORDER
        assert screen.grid.marks == {}
        await pilot.press("w")
        await pilot.pause()
        assert all(row.value is None for row in app.screen.query(ChoiceRow))
        assert "[x]" not in " ".join(str(b.render()) for b in app.screen.query(ChoiceButton))
        await pilot.press("escape")
        await pilot.pause()
        app.action_sure_check()
        await pilot.pause()
        assert "You have not answered the questions yet." in app.screen.result


# ------------------------------------------------------------ no recommendation
#: Words that would tell a reader which treatment to pick or rank the options.
RECOMMENDING = re.compile(
    r"\b(best|recommend\w*|should (choose|pick|have|get|go for)|better choice|right choice|"
    r"top choice|first choice|winner|we suggest|ranked|ranking|score[sd]? highest)\b",
    re.IGNORECASE,
)


def screen_text(screen) -> str:
    """Every word a screen holds: its text widgets and, for the comparison, every row."""
    parts: list[str] = []
    console = Console(width=200, file=io.StringIO(), record=True)
    for widget in screen.query(Static):
        content = widget.content
        if isinstance(content, str | Text):
            parts.append(str(content))
        else:  # a Rich renderable, such as the help screen's table of keys
            console.print(content)
            parts.append(console.export_text())
    for grid in screen.query(ComparisonGrid):
        parts.extend(grid._ensure_layout().text_lines())
    return "\n".join(parts)


async def test_no_decision_screen_recommends_or_ranks_a_treatment():
    app = decide_app()
    seen: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        # Every answer given, at every level, then every screen the tools touch.
        for level in (1, 2, 3):
            app.decision.matters.update({f.id: level for f in FACTORS})
            await pilot.press("c")
            await pilot.pause()
            compare = app.screen
            for attribute in compare.grid.attributes:
                for treatment in compare.grid.treatments:
                    compare.grid.select_ids(attribute.id, treatment.id)
                    await pilot.pause()
                    seen.append(compare.detail.text)
            seen.append(screen_text(compare))
            await pilot.press("w")
            await pilot.pause()
            seen.append(screen_text(app.screen))
            await pilot.press("escape", "escape")
            await pilot.pause()
        for yes in (True, False):
            app.decision.sure.update({item.id: yes for item in SURE_ITEMS})
            app.action_sure_check()
            await pilot.pause()
            seen.append(screen_text(app.screen))
            await pilot.press("escape")
            await pilot.pause()
        app.action_help()
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        seen.append(screen_text(app.screen))
    text = "\n".join(seen)
    # Every screen was seen, with its summary, results and cell details.
    for words in (
        "How the options differ on what matters to you",
        "All the options shown say the same",
        "Steroid shot: Relief faded",
        "matters to you a lot",
        "You said yes to all four.",
        "Ask your doctor or nurse",
        "About 54 in 100 people",
        "Say what matters to you",
    ):
        assert words in " ".join(text.split()), words
    found = sorted({m.group(0) for m in RECOMMENDING.finditer(text)})
    assert not found, found


def test_the_fixture_guide_is_clean():
    """The fixture these tests read has no problems (its tool: links are known)."""
    from spinetui.model import load_guide

    assert load_guide(DECIDE_GUIDE).problems == []


# ------------------------------------------------------------------ console glyphs
CONSOLE_TOOL = SHARED / "tools" / "console_glyphs.py"
CONSOLE_FONTS = [
    Path("/usr/share/consolefonts") / f"{name}.psf.gz"
    for name in ("Uni2-Fixed16", "Lat15-Fixed16", "Uni2-Terminus16")
]


async def test_the_decision_screens_draw_only_what_console_fonts_hold(tmp_path):
    """The kiosk runs on TERM=linux: every character the tools draw must be in its fonts."""
    missing = [p for p in (CONSOLE_TOOL, *CONSOLE_FONTS) if not p.exists()]
    if missing:
        reason = f"needs {missing[0]} (../shared/tools and Debian's console-setup-linux)"
        if in_ci():
            pytest.fail(reason)
        pytest.skip(reason)
    app = decide_app()
    seen: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.decision.matters.update({f.id: 3 for f in FACTORS})
        app.decision.sure.update({item.id: False for item in SURE_ITEMS})
        for open_tool in (app.action_what_matters, app.action_sure_check):
            open_tool()
            await pilot.pause()
            seen.append(screen_text(app.screen))
            seen.extend(
                b.binding.key_display or b.binding.key for b in app.screen.active_bindings.values()
            )
            await pilot.press("escape")
            await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        compare = app.screen
        # What this work draws in the comparison: the numbers, the marks, the arrays
        # (the evidence badges belong to the comparison itself).
        grid = compare.grid
        seen.extend(str(grid._label_parts(a)) for a in grid.attributes)
        for attribute in grid.attributes:
            for treatment in grid.treatments:
                seen.extend(t for t, _style in grid._cell_parts(attribute.id, treatment.id)[2:])
        for outcome in app.guide.outcomes.values():
            seen.append(icon_array_text(outcome, 76).plain)
            seen.append(icon_array_text(outcome, 30).plain)
        seen.append(str(compare.query_one(MattersButton).render()))
        seen.extend([BIGGER, SMALLER])
    capture = tmp_path / "capture.txt"
    capture.write_text("\n".join(seen), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(CONSOLE_TOOL), str(capture), *map(str, CONSOLE_FONTS)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout


async def test_q_closes_the_tools_and_keeps_the_answers():
    app = decide_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        await pilot.press("2")
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ComparisonScreen)
        assert app.decision.matters == {"fast-relief": 2}
        app.action_sure_check()
        await pilot.pause()
        await pilot.press("y", "q")
        await pilot.pause()
        assert isinstance(app.screen, ComparisonScreen)
        assert app.decision.sure == {"sure": True}
        assert app.is_running


async def test_help_from_the_tools_starts_with_their_keys():
    app = decide_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for open_tool, title in (
            (app.action_what_matters, "What matters to you"),
            (app.action_sure_check, "Are you sure? (the SURE check)"),
        ):
            open_tool()
            await pilot.pause()
            await pilot.press("question_mark")
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            text = screen_text(app.screen)
            text = text[text.index("never pick one for you") :]  # the table, after the intro
            # Its own keys come before every other section's.
            assert text.index(title) < text.index("Reading an article")
            assert text.index(title) < text.index("Comparing treatments")
            await pilot.press("escape", "escape")
            await pilot.pause()
