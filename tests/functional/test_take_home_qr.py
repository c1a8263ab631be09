"""The kiosk's QR code, read back from the screen's cells by a real decoder (zbarimg),
and a kiosk session that takes the list home while nothing may be written."""

from __future__ import annotations

import builtins
import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from rich.color import Color

from spinetui.components.decide.take_home import QRCodeScreen
from spinetui.decide.take_home import MAX_QR_BYTES, MAX_QR_VERSION, qr_version
from spinetui.kiosk.policy import KioskPolicy
from tests.conftest import FIXTURES, in_ci
from tests.functional.helpers import make_app

GUIDE = FIXTURES / "questions-guide"
QUESTIONS = [
    "What is causing my pain?",
    "How likely is the shot to help me, out of 100 people like me?",
    "What are the risks, and how rare are the serious ones?",
    "What will it cost me, and will my insurance pay?",
]


def zbarimg() -> str:
    found = shutil.which("zbarimg")
    if found is None:
        if in_ci():
            pytest.fail("zbarimg is required in CI (.ci/run installs zbar-tools)")
        pytest.skip("zbarimg is not installed (Debian package zbar-tools)")
    return found


def kiosk_app(console: bool = False):
    """The kiosk; `console`: drawn for the Linux console, as with TERM=linux."""
    policy = KioskPolicy(enabled=True, attract_seconds=600.0)
    return make_app(GUIDE, kiosk=policy, console=console)


async def open_code(app, pilot, ticks: int) -> QRCodeScreen:
    await pilot.pause()
    await pilot.press("space")  # wake the start screen
    await pilot.pause()
    for _ in range(ticks):
        await pilot.press("l", "space")
    await pilot.press("m", "t")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, QRCodeScreen)
    return screen


# ---------------------------------------------------------- screen to image
def _light(color: Color | None, default: bool) -> bool:
    if color is None or color.is_default:
        return default
    r, g, b = color.get_truecolor()
    return 0.299 * r + 0.587 * g + 0.114 * b > 128


def screen_pixels(app) -> list[list[bool]]:
    """The whole screen as pixels, True for light: each cell one pixel wide and two
    high (its upper and lower half), from the characters and colours of its cells."""
    strips = app.screen._compositor.render_strips()
    rows: list[list[bool]] = []
    for strip in strips:
        top: list[bool] = []
        bottom: list[bool] = []
        for segment in strip:
            style = segment.style
            fg = _light(style.color if style else None, True)
            bg = _light(style.bgcolor if style else None, False)
            if style is not None and style.reverse:
                fg, bg = bg, fg
            for char in segment.text:
                if char == "▀":
                    top.append(fg)
                    bottom.append(bg)
                elif char == "▄":
                    top.append(bg)
                    bottom.append(fg)
                elif char == "█":
                    top.append(fg)
                    bottom.append(fg)
                else:  # text or space: the cell's background (text is noise here)
                    top.append(bg)
                    bottom.append(bg)
        rows += [top, bottom]
    return rows


def write_pgm(pixels: list[list[bool]], path: Path, scale: int = 4) -> None:
    """A binary PGM (Netpbm greyscale): simple enough to write by hand."""
    height = len(pixels) * scale
    width = max(len(row) for row in pixels) * scale
    body = bytearray()
    for row in pixels:
        line = bytearray()
        for light in row:
            line += bytes([255 if light else 0]) * scale
        line += bytes([0]) * (width - len(line))
        body += bytes(line) * scale
    path.write_bytes(b"P5\n%d %d\n255\n" % (width, height) + bytes(body))


def decode(app, tmp_path: Path) -> str:
    image = tmp_path / "screen.pgm"
    write_pgm(screen_pixels(app), image)
    result = subprocess.run(
        [zbarimg(), "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(image)],
        capture_output=True,
        timeout=30,
    )
    assert result.returncode == 0, f"zbarimg found no code: {result.stderr.decode()!r}"
    return result.stdout.decode("utf-8").removesuffix("\n")


# ---------------------------------------------------------------- decoding
@pytest.mark.parametrize("term", ["xterm-256color", "linux"])
async def test_the_qr_code_on_screen_decodes_to_exactly_the_questions(tmp_path, monkeypatch, term):
    zbarimg()
    monkeypatch.setenv("TERM", term)
    app = kiosk_app(console=term == "linux")
    size = (120, 40) if term != "linux" else (200, 64)
    async with app.run_test(size=size) as pilot:
        screen = await open_code(app, pilot, ticks=4)
        code = screen.query_one("#qr-code")
        assert code.full == (term == "linux")
        text = decode(app, tmp_path)
    assert text == "My questions:\n" + "\n".join(f"{n}. {q}" for n, q in enumerate(QUESTIONS, 1))
    assert screen.payload.left_out == ""
    assert len(text.encode()) <= MAX_QR_BYTES and qr_version(text) <= MAX_QR_VERSION


async def test_on_the_linux_console_the_code_uses_only_full_blocks(monkeypatch):
    monkeypatch.setenv("TERM", "linux")
    app = kiosk_app(console=True)
    async with app.run_test(size=(200, 64)) as pilot:
        screen = await open_code(app, pilot, ticks=1)
        code = screen.query_one("#qr-code")
        drawn = {ch for y in range(code.size.height) for ch in code.render_line(y).text}
        # Full blocks and spaces only: the console's fonts lack ▀ and ▄.
        assert drawn == {"█", " "}
        assert code.size.width == 2 * len(code.matrix[0])  # two columns per module


async def test_a_list_too_long_for_a_small_screen_is_shortened_and_says_so(tmp_path):
    zbarimg()
    app = kiosk_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_code(app, pilot, ticks=4)
        payload = screen.payload
        assert 0 < payload.shown < 4
        about = str(screen.query_one("#qr-about").render())
        assert "The list is too long for one code" in about
        assert f"questions {payload.shown + 1}-4 are not in it" in about
        assert "Press p to see the whole list" in about
        text = decode(app, tmp_path)
    expected = [f"{n}. {q}" for n, q in enumerate(QUESTIONS, 1)][: payload.shown]
    assert text == "My questions:\n" + "\n".join(expected)


async def test_a_screen_too_small_for_any_code_shows_the_photo_layout():
    app = kiosk_app()
    async with app.run_test(size=(60, 16)) as pilot:
        screen = await open_code(app, pilot, ticks=1)
        assert screen.payload is None
        assert screen.has_class("-photo")
        assert "too small for a QR code" in str(screen.query_one("#qr-about").render())


# ------------------------------------------------------------------ privacy
def files_under(folder: Path) -> set[Path]:
    return set(folder.rglob("*"))


def read_only_view(monkeypatch) -> list[str]:
    """Make every way of writing a file or a folder fail; returns the attempts made."""
    attempts: list[str] = []
    real_open, real_os_open = builtins.open, os.open

    def guarded_open(file, mode="r", *args, **kwargs):
        if any(flag in mode for flag in "wax+"):
            attempts.append(f"open({file!r}, {mode!r})")
            raise PermissionError(30, "Read-only file system", str(file))
        return real_open(file, mode, *args, **kwargs)

    def guarded_os_open(path, flags, *args, **kwargs):
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC):
            attempts.append(f"os.open({path!r})")
            raise PermissionError(30, "Read-only file system", str(path))
        return real_os_open(path, flags, *args, **kwargs)

    def refuse(name):
        def refused(path, *args, **kwargs):
            attempts.append(f"{name}({path!r})")
            raise PermissionError(30, "Read-only file system", str(path))

        return refused

    monkeypatch.setattr(builtins, "open", guarded_open)
    monkeypatch.setattr(io, "open", guarded_open)
    monkeypatch.setattr(os, "open", guarded_os_open)
    monkeypatch.setattr(os, "mkdir", refuse("os.mkdir"))
    monkeypatch.setattr(os, "makedirs", refuse("os.makedirs"))
    return attempts


async def test_the_read_only_view_catches_a_save_and_the_reader_is_told(monkeypatch):
    """The guard below is real: a personal session's save is caught, and said plainly."""
    from textual.widgets import Input

    app = make_app(GUIDE)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("l", "space", "m", "t")
        await pilot.pause()
        target = Path(os.environ["HOME"]) / "list.md"
        app.screen.query_one(Input).value = str(target)
        attempts = read_only_view(monkeypatch)
        await pilot.press("enter")
        await pilot.pause()
        message = str(app.screen.query_one("#save-message").render())
        monkeypatch.undo()
    assert attempts and not target.exists()
    assert message == f"Could not save to {target}: you are not allowed to write there."


async def test_taking_it_home_in_kiosk_mode_writes_nothing(tmp_path, monkeypatch):
    """An empty HOME, and a read-only view of the file system: any attempt to open a
    file for writing or make a folder fails the test."""
    home = Path(os.environ["HOME"])
    assert not any(home.iterdir())
    workdir = tmp_path / "cwd"
    workdir.mkdir()
    monkeypatch.chdir(workdir)
    app = kiosk_app()
    async with app.run_test(size=(120, 40)) as pilot:
        attempts = read_only_view(monkeypatch)
        screen = await open_code(app, pilot, ticks=2)
        await pilot.press("p", "p", "escape")  # photo layout, back to the code, back
        await pilot.press("a", *"typed?", "enter", "t", "escape", "x", "escape")
        await pilot.pause()
        assert screen.payload is not None
        await app.kiosk_session.start_over()
        await pilot.pause()
        monkeypatch.undo()
    assert attempts == []
    assert files_under(home) == set() and files_under(workdir) == set()
    assert app.questions.ticked() == []


# ------------------------------------------------------------ console glyphs
def console_glyph_tool() -> tuple[Path, list[Path]]:
    """The shared glyph checker and the console fonts (tests/console_fonts.py)."""
    from tests.console_fonts import console_fonts, glyph_checker

    return glyph_checker(), console_fonts()


@pytest.mark.parametrize("kiosk", [True, False], ids=["kiosk", "personal"])
async def test_on_the_linux_console_these_screens_draw_only_glyphs_its_fonts_have(
    tmp_path, monkeypatch, kiosk
):
    import sys

    tool, fonts = console_glyph_tool()
    monkeypatch.setenv("TERM", "linux")
    app = kiosk_app(console=True) if kiosk else make_app(GUIDE, console=True)
    captured: list[str] = []

    def capture() -> None:
        strips = app.screen._compositor.render_strips()
        captured.extend(strip.text for strip in strips)

    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        # What these screens draw themselves, not what the console filter makes of it.
        app.console_filter.glyphs = False
        if kiosk:
            await pilot.press("space")
        await pilot.press("l", "space", "m")
        await pilot.pause()
        capture()
        await pilot.press("t")
        await pilot.pause()
        capture()
        if kiosk:
            await pilot.press("p")
            await pilot.pause()
            capture()
    capture_file = tmp_path / "capture.txt"
    capture_file.write_text("\n".join(captured), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(tool), str(capture_file), *map(str, fonts)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout


async def test_the_code_is_planned_again_when_the_screen_changes_size(tmp_path):
    zbarimg()
    app = kiosk_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_code(app, pilot, ticks=4)
        assert screen.payload.shown == 4
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert 0 < screen.payload.shown < 4
        text = decode(app, tmp_path)
    assert text == screen.payload.text
