"""The Textual application: holds the loaded guide and opens the screens."""

from __future__ import annotations

import contextlib
import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App
from textual.cache import LRUCache

from spinetui.components.crash_guard import CrashGuard
from spinetui.components.kiosk.guard import KioskGuard
from spinetui.components.reader.article_view import ArticleView
from spinetui.components.reader.reader_screen import ReaderScreen
from spinetui.components.textual_fixes import apply as apply_textual_fixes
from spinetui.components.user_keys import UserKeys
from spinetui.config_path import DEFAULT_THEME
from spinetui.decide.questions import QuestionList
from spinetui.decide.state import DecisionState
from spinetui.keymap import GLOBAL_KEYS, bindings
from spinetui.model import Guide
from spinetui.render import MarkdownDocument, TermMatcher
from spinetui.themes import PALETTES, next_theme, palette_for, render_styles, textual_theme

apply_textual_fixes()

if TYPE_CHECKING:
    from textual.command import Provider

    from spinetui.kiosk.policy import KioskPolicy
    from spinetui.render.styles import RenderStyles
    from spinetui.search import SearchIndex


def _jump_to_provider() -> type[Provider]:
    # Imported when the palette opens, not at start-up.
    from spinetui.components.palette import JumpToProvider

    return JumpToProvider


#: ``tool:`` link id -> the App action that opens it (ids: ``spinetui.decide.TOOL_IDS``).
TOOL_ACTIONS: dict[str, str] = {"what-matters": "what_matters", "sure": "sure_check"}


class SpineApp(CrashGuard, KioskGuard, UserKeys, App[None]):
    CSS_PATH = ["styles/app.tcss", "styles/console.tcss"]
    TITLE = "spinetui"
    BINDINGS = bindings(GLOBAL_KEYS)
    COMMANDS = App.COMMANDS | {_jump_to_provider}

    def __init__(
        self,
        guide: Guide,
        *,
        start_article: str | None = None,
        kiosk: KioskPolicy | None = None,
        theme: str = DEFAULT_THEME,
        settings_path: Path | None = None,
        console: bool = False,
        pointer: bool | None = None,
    ) -> None:
        """`theme`: the one to start with (the config file's); `settings_path`: where a
        personal reader's theme choice is remembered (None: nowhere)."""
        super().__init__()
        # Only spinetui's own themes, each checked for contrast (tests/unit/test_themes.py).
        for palette in PALETTES.values():
            self.register_theme(textual_theme(palette))
        self._start_theme = palette_for(theme).name
        self.theme = self._start_theme
        for name in list(self.available_themes):
            if name not in PALETTES:
                self.unregister_theme(name)
        self.settings_path = settings_path
        self.render_styles = render_styles(palette_for(self.theme))
        self.guide = guide
        self.kiosk = kiosk  # None or a disabled policy: a personal session
        # Draw only what the Linux console's fonts and 16 colours can show (set in
        # on_mount: not in a browser, whatever TERM the server was started with).
        self._console_wanted = console
        self.console_mode = False
        # Is there a mouse or touch screen? Not on the kernel's text console, which
        # spinetui cannot read a mouse from; the wording of the kiosk screens follows.
        self._pointer = pointer
        self.start_article = start_article
        # The questions the reader ticked or typed, shared by every screen that shows
        # them; visitor state, in memory only, cleared by reset_session.
        self.questions = QuestionList()
        self._documents: LRUCache[str, MarkdownDocument] = LRUCache(32)
        self._term_matcher: TermMatcher | None = None
        # Built from the content on first search and kept; nothing a visitor typed.
        self._search_index: SearchIndex | None = None
        self._search_index_lock = threading.Lock()
        # What the reader said in the decision tools (what matters, SURE, questions):
        # the one piece of visitor state on the App, because several screens share it.
        # In memory only; reset_session clears it for the next visitor.
        self.decision = DecisionState()
        self.title = guide.title

    @property
    def has_pointer(self) -> bool:
        if self._pointer is not None:
            return self._pointer
        return self.is_web or os.environ.get("TERM", "") != "linux"

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        if self._console_wanted and not self.is_web:
            from spinetui.console.setup import use_console

            self.console_filter = use_console(self)
            # The console theme is the one to come back to after an idle reset, and
            # articles carry the console's marks ([links], ‹words›).
            self._start_theme = self.theme
            self.render_styles = self._styles_for_theme()
        # The config file's [keys], before the first screen draws its footer.
        self.apply_user_keys(self.settings_path, announce=not self.kiosk_mode)
        self.push_screen(ReaderScreen())
        if self.kiosk_mode:
            self.start_kiosk()  # its signals include SIGTERM
        else:
            self._end_on_sigterm()
        if not self.guide.is_complete:
            self.call_after_refresh(self._complete_guide)
        else:
            self._announce_problems()

    def _end_on_sigterm(self) -> None:
        """On a real terminal, SIGTERM ends the app with the terminal put back (Python's
        default would leave it in the alternate screen with mouse reporting on)."""
        if self.is_headless:
            return
        try:
            from textual.drivers.linux_driver import LinuxDriver
        except ImportError:  # Windows
            return
        if isinstance(self._driver, LinuxDriver):
            import signal

            from spinetui.terminal_signals import end_on_signals

            end_on_signals(self, [signal.SIGTERM])

    def _complete_guide(self) -> None:
        """Scan the articles' bodies (headings, link problems) after the first paint.

        In a thread, so the reader can already scroll; whatever needs headings or
        problems first calls ``guide.complete()``, which waits for this or does it.
        """

        def complete() -> None:
            self.guide.complete()
            # RuntimeError: the app closed while the checks ran.
            with contextlib.suppress(RuntimeError):
                self.call_from_thread(self._announce_problems)

        threading.Thread(target=complete, name="spinetui-checks", daemon=True).start()

    def _announce_problems(self) -> None:
        """Tell staff at start-up that the content has problems (never a kiosk visitor)."""
        count = len(self.guide.problems)
        if count and not self.kiosk_mode:
            self.notify(
                f"The content files have {count} problem{'s' if count != 1 else ''}. "
                "Press ! to see them.",
                severity="warning",
                timeout=6,
            )

    async def reset_session(self) -> None:
        """Start over for the next visitor (kiosk idle reset).

        Every screen is closed and a fresh ReaderScreen takes their place, so what a
        visitor did (history, search and find text, scroll positions, comparison
        choices) goes with the screens that held it, and the decision answers the
        screens share (``self.decision``) are cleared. Otherwise the App keeps only
        content: the guide and the parsed-document cache.
        """
        while len(self.screen_stack) > 1:
            await self.pop_screen()
        self.clear_notifications()
        self.decision.clear()  # what-matters and SURE answers, ticked questions
        self._clipboard = ""  # text a visitor copied (Textual keeps it on the App)
        self.questions.clear()  # ticked and typed questions, and so the QR code of them
        if self.theme != self._start_theme:
            self.theme = self._start_theme  # the config's theme, not the last visitor's
        await self.push_screen(ReaderScreen())

    # ----------------------------------------------------------- documents
    @property
    def term_matcher(self) -> TermMatcher:
        if self._term_matcher is None:
            forms = {form: term.id for term in self.guide.glossary.values() for form in term.forms}
            self._term_matcher = TermMatcher(forms)
        return self._term_matcher

    def document_for(self, article_id: str) -> MarkdownDocument:
        """The parsed article, kept for the next visit (parsing is the costly part)."""
        document = self._documents.get(article_id)
        if document is None:
            article = self.guide.articles[article_id]
            document = MarkdownDocument(
                article.body,
                terms=self.term_matcher,
                styles=self.render_styles,
                outcomes=self.guide.outcomes,
            )
            self._documents[article_id] = document
        return document

    # --------------------------------------------------------------- themes
    def _styles_for_theme(self) -> RenderStyles:
        if self.console_mode:
            from spinetui.console.theme import CONSOLE_RENDER_STYLES

            return CONSOLE_RENDER_STYLES
        return render_styles(palette_for(self.theme))

    def action_next_theme(self) -> None:
        if self.console_mode:
            # Its colours are the console's 16, chosen for contrast there.
            self.notify("The text console has one set of colours.", timeout=2)
            return
        self.theme = next_theme(self.theme)
        self.notify(f"Theme: {self.theme}. Press Ctrl+T for the next one.", timeout=2)

    def _theme_changed(self, theme: object) -> None:
        """Redraw the open articles in the new colours, where the reader is in them,
        and remember the choice (a personal reader only: a kiosk writes nothing)."""
        styles = self._styles_for_theme()
        if styles != self.render_styles:
            self.render_styles = styles
            self._documents.clear()  # laid out in the old colours
            for screen in self.screen_stack:
                for view in screen.query(ArticleView):
                    if view.article_id in self.guide.articles:
                        view.restyle(self.document_for(view.article_id))
        for screen in self.screen_stack:
            for widget in screen.query("ComparisonGrid, CellDetail"):
                widget.restyle()  # type: ignore[attr-defined]
        if not self.kiosk_mode and not self.console_mode and self.settings_path is not None:
            try:
                from spinetui.themes import save_theme

                save_theme(self.settings_path, self.theme)
            except OSError as error:
                self.notify(
                    f"The theme could not be remembered: {error}",
                    severity="warning",
                    markup=False,
                )

    # -------------------------------------------------------------- actions
    # The screens below are imported when first opened, not at start-up
    # (ProblemsScreen brings in Textual's DataTable).
    def action_help(self) -> None:
        from spinetui.components.help_screen import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(opened_from=type(self.screen).__name__))

    def action_problems(self) -> None:
        from spinetui.components.problems_screen import ProblemsScreen

        if self.kiosk_mode:
            return  # for staff, outside kiosk mode (check_action hides the key too)
        if not isinstance(self.screen, ProblemsScreen):
            from spinetui.model.advice import for_readers

            self.guide.complete()  # every problem: waits for the checks if still running
            # As `spinetui check` lists them: the cause first, each saying what to do.
            self.push_screen(ProblemsScreen(for_readers(self.guide)))

    def action_compare(self) -> None:
        # Imported here: the comparison is not needed to draw the first screen.
        from spinetui.components.compare.comparison_screen import ComparisonScreen

        if not isinstance(self.screen, ComparisonScreen):
            self.guide.complete()  # cell details name the articles' headings
            self.push_screen(ComparisonScreen())

    async def action_my_questions(self) -> None:
        from spinetui.components.decide.my_questions import MyQuestionsScreen

        if any(isinstance(screen, MyQuestionsScreen) for screen in self.screen_stack):
            # Already open under the code or the save box: go back to it, not a second.
            while not isinstance(self.screen, MyQuestionsScreen):
                await self.pop_screen()
            return
        await self.push_screen(MyQuestionsScreen())

    # ------------------------------------------------------- decision tools
    def action_what_matters(self) -> None:
        """What matters to you, setting side by side the comparison's columns when it
        is open below (else every option in the guide)."""
        from spinetui.components.compare.comparison_screen import ComparisonScreen
        from spinetui.components.decide.what_matters import WhatMattersScreen

        if isinstance(self.screen, WhatMattersScreen):
            return
        chosen = self.screen.choice.chosen if isinstance(self.screen, ComparisonScreen) else None
        self.push_screen(WhatMattersScreen(list(chosen) if chosen is not None else None))

    def action_sure_check(self) -> None:
        from spinetui.components.decide.sure_screen import SureScreen

        if not isinstance(self.screen, SureScreen):
            self.push_screen(SureScreen())

    def open_tool(self, tool_id: str) -> None:
        """Open the decision tool a ``tool:`` link names."""
        action = TOOL_ACTIONS.get(tool_id)
        if action is None:
            self.notify(
                f"This guide has no tool called {tool_id!r}.", severity="warning", markup=False
            )
            return
        getattr(self, f"action_{action}")()

    def show_term(self, term_id: str) -> None:
        """A glossary term's card over the current screen, with a link to read more."""
        from spinetui.components.find.term_screen import TermScreen

        self.push_screen(TermScreen(term_id))

    # ------------------------------------------------------- finding things
    def search_index(self) -> SearchIndex:
        """The guide's full-text index: built on first use (from any thread), then kept."""
        with self._search_index_lock:
            if self._search_index is None:
                from spinetui.search import SearchIndex

                self.guide.complete()  # the index lists headings
                self._search_index = SearchIndex(self.guide)
            return self._search_index

    async def action_search(self) -> None:
        from spinetui.components.find.search_screen import SearchScreen

        if not isinstance(self.screen, SearchScreen):
            # Awaited, so that keys typed straight after s already reach the search box.
            await self.push_screen(SearchScreen())

    async def action_glossary(self) -> None:
        from spinetui.components.find.glossary_screen import GlossaryScreen

        if not isinstance(self.screen, GlossaryScreen):
            await self.push_screen(GlossaryScreen())
