"""Themes, mixed into the app class: Ctrl+T's next theme, and what a change redraws.

A change of theme restyles the open articles and comparison widgets in the new colours
and, for a personal reader only, remembers the choice in the settings file (a kiosk
writes nothing). On the Linux text console there is one theme: its 16 colours.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from spinetui.components.article.article_view import ArticleView
from spinetui.i18n import _
from spinetui.themes import next_theme, palette_for, render_styles

if TYPE_CHECKING:
    from spinetui.render.styles import RenderStyles


class ThemeSwitch:
    def _styles_for_theme(self) -> RenderStyles:
        app: Any = self
        if app.console_mode:
            from spinetui.console.theme import CONSOLE_RENDER_STYLES

            return CONSOLE_RENDER_STYLES
        return render_styles(palette_for(app.theme))

    def action_next_theme(self) -> None:
        app: Any = self
        if app.console_mode:
            # Its colours are the console's 16, chosen for contrast there.
            app.notify(_("The text console has one set of colours."), timeout=2)
            return
        app.theme = next_theme(app.theme)
        app.notify(
            _("Theme: {theme}. Press Ctrl+T for the next one.").format(theme=app.theme),
            timeout=2,
        )

    def _theme_changed(self, theme: object) -> None:
        """Redraw the open articles in the new colours, where the reader is in them,
        and remember the choice (a personal reader only: a kiosk writes nothing)."""
        app: Any = self
        if app.services.restyle(self._styles_for_theme()):
            for screen in app.screen_stack:
                for view in screen.query(ArticleView):
                    if view.article_id in app.guide.articles:
                        view.restyle(app.document_for(view.article_id))
        for screen in app.screen_stack:
            for widget in screen.query("ComparisonGrid, CellDetail"):
                widget.restyle()
        if not app.kiosk_mode and not app.console_mode and app.settings_path is not None:
            try:
                from spinetui.themes import save_theme

                save_theme(app.settings_path, app.theme)
            except OSError as error:
                app.notify(
                    _("The theme could not be remembered: {error}").format(error=error),
                    severity="warning",
                    markup=False,
                )
