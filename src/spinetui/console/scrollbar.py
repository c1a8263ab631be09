"""Scrollbars for the console: whole cells only.

Textual draws a scrollbar thumb's ends with one-eighth blocks (▁▂▃▅▆▇, ▉▊▋▍▎▏) for a
smoother look; the console fonts have none of them. Textual lets an app choose the class
that draws scrollbars (`ScrollBar.renderer`); this one draws the thumb as whole
reversed cells when the running app draws for the console, and exactly as Textual does
otherwise, so installing it changes nothing for other apps in the same process.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual.scrollbar import ScrollBar, ScrollBarRender

from spinetui.console import drawing_for_console


class WholeCellScrollBarRender(ScrollBarRender):
    # A blank "end glyph" tells Textual to draw no partial cell at the thumb's ends.
    VERTICAL_BARS: ClassVar[list[str]] = [" "] * 8
    HORIZONTAL_BARS: ClassVar[list[str]] = [" "] * 8


class ConsoleAwareScrollBarRender(ScrollBarRender):
    @classmethod
    def render_bar(cls, *args: Any, **kwargs: Any) -> Any:
        renderer = WholeCellScrollBarRender if drawing_for_console() else ScrollBarRender
        return renderer.render_bar(*args, **kwargs)


def install() -> None:
    ScrollBar.renderer = ConsoleAwareScrollBarRender
