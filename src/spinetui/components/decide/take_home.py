"""Taking the list home: a save box (personal mode) or a QR code on screen (kiosk).

Kiosk mode writes nothing: the QR code holds the list as plain text (no web address,
nothing sent or stored) for a phone's camera, and a "photo" layout shows the list in
large, spaced text to photograph. On the Linux console (TERM=linux) the code is drawn
in full blocks, two columns per module, the only block its fonts are sure to hold;
elsewhere half blocks put two modules in each cell.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.geometry import Size
from textual.screen import Screen
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Button, Input, Static

from spinetui.components.dialog import DialogScreen
from spinetui.components.footer import SpineFooter
from spinetui.decide import take_home
from spinetui.decide.take_home import Payload, Summary
from spinetui.i18n import _
from spinetui.keymap import TAKE_HOME_KEYS

if TYPE_CHECKING:
    from spinetui.app import SpineApp

# Pure black and white (not ANSI names, which a theme may remap): what a camera needs.
CONSOLE = Style(color="#ffffff", bgcolor="#000000")
HALF_TOP = "▀"
FULL = "█"
# The text column beside the code needs at least this many cells.
TEXT_MIN = 28


def full_blocks(app: object) -> bool:
    """Linux console: full blocks, two columns per module (its fonts lack half blocks).

    The app's console mode (TERM=linux, --console, or the config; never in a browser)."""
    return bool(getattr(app, "console_mode", False))


# ------------------------------------------------------------------- saving
class SaveScreen(DialogScreen[Path | None]):
    """Where to save: a path prefilled with the default; never replaces a file unasked."""

    BINDINGS = [k.binding() for k in TAKE_HOME_KEYS if k.action in ("close",)]

    DEFAULT_CSS = """
    SaveScreen > Vertical {
        width: 76;
    }
    SaveScreen #save-message { margin: 1 0 0 0; }
    SaveScreen Horizontal { height: auto; margin: 1 0 0 0; }
    SaveScreen Horizontal Button { margin: 0 2 0 0; }
    /* Console-safe borders (see MyQuestionsScreen). */
    SaveScreen Input { border: solid $primary; }
    SaveScreen Input:focus { border: solid $accent; }
    """

    app: SpineApp

    def __init__(self, summary: Summary) -> None:
        super().__init__()
        self.summary = summary
        self._confirm: Path | None = None  # a file is there: Enter again replaces it

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            # Border titles are markup: these are the app's own words, never content.
            box.border_title = _("Save My questions")
            box.border_subtitle = _("Esc to close")
            yield Static(
                Text(
                    _(
                        "Save to this file (a name ending .md saves Markdown, .txt plain text). "
                        "Change it if you like, then press Enter."
                    )
                )
            )
            yield Input(str(take_home.default_path()), id="save-path")
            with Horizontal():
                yield Button(_("Markdown (.md)"), id="save-md", compact=True)
                yield Button(_("Plain text (.txt)"), id="save-txt", compact=True)
            yield Static(id="save-message")
            with Horizontal():
                yield Button(_("Save (Enter)"), id="save-go", variant="primary", compact=True)
                yield Button(_("Cancel (Esc)"), id="save-cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @property
    def path_input(self) -> Input:
        return self.query_one("#save-path", Input)

    def _say(self, message: str) -> None:
        self.query_one("#save-message", Static).update(Text(message))

    @on(Input.Changed, "#save-path")
    def _changed(self, event: Input.Changed) -> None:
        # Another name: the warning about the old one no longer holds.
        if self._confirm is not None and take_home.resolve(event.value) != self._confirm:
            self._confirm = None
            self._say("")
            self.query_one("#save-go", Button).label = _("Save (Enter)")

    def _suffix(self, suffix: str) -> None:
        typed = self.path_input.value.strip() or str(take_home.default_path())
        self.path_input.value = str(Path(typed).with_suffix(suffix))

    @on(Button.Pressed, "#save-md")
    def _markdown(self) -> None:
        self._suffix(".md")

    @on(Button.Pressed, "#save-txt")
    def _text(self) -> None:
        self._suffix(".txt")

    @on(Input.Submitted, "#save-path")
    @on(Button.Pressed, "#save-go")
    def action_save(self) -> None:
        if self.app.kiosk is not None and not self.app.kiosk.writes_files:
            self.dismiss(None)  # never reached from the kiosk's screens; checked anyway
            return
        typed = self.path_input.value
        if not typed.strip():
            self._say(_("Type where to save it first."))
            return
        path = take_home.resolve(typed)
        replace = self._confirm == path
        try:
            saved = take_home.save(self.summary, path, replace=replace)
        except FileExistsError:
            self._confirm = path
            self._say(
                _(
                    "There is already a file at {path}. Press Enter again (or Replace) to "
                    "replace it, or change the name."
                ).format(path=path)
            )
            # Translators: the button's word must match "(or Replace)" in the message above.
            self.query_one("#save-go", Button).label = _("Replace (Enter)")
            return
        except (OSError, ValueError) as error:
            self._say(take_home.describe_error(error, path))
            return
        self.app.notify(
            _("Saved your questions to {path}").format(path=saved), timeout=12, markup=False
        )
        self.dismiss(saved)

    @on(Button.Pressed, "#save-cancel")
    def action_close(self) -> None:
        self.dismiss(None)


# ------------------------------------------------------------------ QR code
class QRCode(Widget):
    """The code's modules as cells: half blocks (two modules a cell, one above the
    other), or on the Linux console two full-block columns per module."""

    DEFAULT_CSS = "QRCode { width: auto; height: auto; }"

    def __init__(self, matrix: list[list[bool]], full: bool, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.matrix = matrix
        self.full = full

    def get_content_width(self, container: Size, viewport: Size) -> int:
        width = len(self.matrix[0]) if self.matrix else 0
        return width * 2 if self.full else width

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        rows = len(self.matrix)
        return rows if self.full else (rows + 1) // 2

    def render_line(self, y: int) -> Strip:
        matrix = self.matrix
        if self.full:
            if y >= len(matrix):
                return Strip.blank(self.size.width)
            # The console has no bright backgrounds (white is grey there) and makes
            # every glyph readable against its background: so light modules are bright
            # white full blocks on black, and dark modules are black spaces.
            return Strip([Segment("  " if dark else FULL * 2, CONSOLE) for dark in matrix[y]])
        top_y, bottom_y = 2 * y, 2 * y + 1
        if top_y >= len(matrix):
            return Strip.blank(self.size.width)
        top = matrix[top_y]
        # An odd last row: the lower half is quiet zone (light).
        bottom = matrix[bottom_y] if bottom_y < len(matrix) else [False] * len(top)
        segments = []
        for t, b in zip(top, bottom, strict=True):
            fg = "#000000" if t else "#ffffff"
            bg = "#000000" if b else "#ffffff"
            segments.append(Segment(HALF_TOP, Style(color=fg, bgcolor=bg)))
        return Strip(segments)


def plan_code(summary: Summary, width: int, height: int, full: bool) -> tuple[Payload, int] | None:
    """The payload and quiet zone that fit a code into width x height cells, or None.

    A quiet zone of 4 modules (the standard's), unless 2 lets more questions in.
    """
    modules_wide = width // 2 if full else width
    modules_high = height if full else height * 2
    room = min(modules_wide, modules_high)
    best: tuple[Payload, int] | None = None
    for border in (4, 2):
        version = take_home.max_version_for(room - 2 * border)
        if version < 1:
            continue
        payload = take_home.qr_payload(summary, version)
        if payload.shown == 0:
            continue  # not even one question fits
        if best is None or (payload.shown, not payload.cut) > (best[0].shown, not best[0].cut):
            best = (payload, border)
    return best


def photo_text(summary: Summary) -> Text:
    """The list in large, spaced text: a photo of the screen is easy to read later."""
    text = Text()
    text.append(_("Take a photo of this screen with your phone.") + "\n\n", style="italic")
    text.append(f"{take_home.TITLE.upper()}\n\n", style="bold")
    for n, question in enumerate(summary.all_questions, 1):
        text.append(f"{n}.  ", style="bold")
        text.append(f"{question}\n\n")
    text.append(_("What matters to me").upper() + "\n", style="bold")
    text.append("\n".join(summary.matters or [take_home.NOT_ANSWERED]) + "\n\n")
    text.append(_("Am I ready to decide? (SURE check)").upper() + "\n", style="bold")
    text.append("\n".join(summary.sure or [take_home.NOT_ANSWERED]) + "\n")
    return text


class QRCodeScreen(Screen[None]):
    """Kiosk: the list as a QR code, or (p) as large text to photograph. Writes nothing."""

    BINDINGS = [k.binding() for k in TAKE_HOME_KEYS if k.action in ("photo", "close")]

    DEFAULT_CSS = """
    QRCodeScreen { layout: vertical; }
    QRCodeScreen #qr-title { text-style: bold; padding: 0 1; background: $panel; }
    QRCodeScreen #qr-body { height: 1fr; }
    QRCodeScreen #qr-code-box { width: auto; height: auto; padding: 0 1; }
    QRCodeScreen #qr-side { width: 1fr; height: 1fr; padding: 0 1; }
    QRCodeScreen #qr-buttons { height: auto; margin: 1 0 0 0; }
    QRCodeScreen #qr-buttons Button { margin: 0 2 0 0; }
    QRCodeScreen #qr-photo { height: 1fr; padding: 1 4; display: none; }
    QRCodeScreen.-photo #qr-photo { display: block; }
    QRCodeScreen.-photo #qr-body { display: none; }
    """

    def __init__(self, summary: Summary) -> None:
        super().__init__()
        self.summary = summary
        self.payload: Payload | None = None
        self._planned_for: tuple[int, int] | None = None

    def compose(self) -> ComposeResult:
        yield Static(Text(_("Take your questions home")), id="qr-title")
        with Horizontal(id="qr-body"):
            yield Vertical(id="qr-code-box")
            with VerticalScroll(id="qr-side"):
                yield Static(id="qr-about")
                with Horizontal(id="qr-buttons"):
                    yield Button(_("Photo layout (p)"), id="qr-photo-button", compact=True)
                    yield Button(_("Back (Esc)"), id="qr-close", compact=True)
        with VerticalScroll(id="qr-photo"):
            yield Static(photo_text(self.summary), id="qr-photo-text")
            yield Button(_("Show the QR code (p)"), id="qr-code-button", compact=True)
        yield SpineFooter()

    async def on_mount(self) -> None:
        # Nothing may lie over the code: a notice on top of it stops a camera reading it.
        self.app.clear_notifications()
        await self._draw()

    def on_screen_resume(self) -> None:
        self.app.clear_notifications()

    async def on_resize(self, event: events.Resize) -> None:
        await self._draw()

    async def _draw(self) -> None:
        size = self.app.size
        if self._planned_for == (size.width, size.height):
            return
        self._planned_for = (size.width, size.height)
        full = full_blocks(self.app)
        # Room for the code: the screen less the title and footer, and a text column.
        height = max(0, size.height - 2)
        width = max(0, size.width - TEXT_MIN - 2)
        plan = plan_code(self.summary, width, height, full)
        box = self.query_one("#qr-code-box", Vertical)
        await box.remove_children()
        about = Text()
        if plan is None:
            self.payload = None
            about.append(_("This screen is too small for a QR code.") + " ", style="bold")
            about.append(_("Press p for the list in large text, and take a photo of it."))
            self.query_one("#qr-about", Static).update(about)
            self.add_class("-photo")
            return
        payload, border = plan
        self.payload = payload
        matrix = take_home.qr_matrix(payload.text, border)
        await box.mount(QRCode(matrix, full, id="qr-code"))
        about.append(_("Point your phone's camera at the code.") + "\n", style="bold")
        about.append(
            _("It holds the list as plain text: no web address, nothing is sent or stored.")
            + "\n\n"
        )
        if payload.left_out:
            about.append(payload.left_out + "\n", style="bold")
            about.append(
                _("Press p to see the whole list in large text, and take a photo.") + "\n\n"
            )
        else:
            about.append(_("Or press p for the list in large text, to take a photo of.") + "\n\n")
        about.append(_("In the code:") + "\n", style="bold")
        about.append(payload.text.split("\n", 1)[1] if "\n" in payload.text else "")
        self.query_one("#qr-about", Static).update(about)

    def action_photo(self) -> None:
        if self.payload is None:
            return  # too small for a code: the photo layout is all there is
        self.toggle_class("-photo")

    @on(Button.Pressed, "#qr-photo-button")
    @on(Button.Pressed, "#qr-code-button")
    def _photo_pressed(self) -> None:
        self.action_photo()

    @on(Button.Pressed, "#qr-close")
    def action_close(self) -> None:
        self.dismiss(None)
