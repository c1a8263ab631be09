"""The Textual application: opens the screens, handing each the services it needs.

This is the one module that imports screens: screens and widgets ask to go somewhere
by posting a message (``spinetui.components.navigation``) and the app opens it.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App
from textual.screen import Screen

from spinetui.components.crash_guard import CrashGuard
from spinetui.components.kiosk.guard import KioskGuard
from spinetui.components.language_switch import LanguageSwitch
from spinetui.components.navigation import (
    OpenArticle,
    OpenBeside,
    OpenComparison,
    OpenSideBySide,
    OpenTool,
    ShowTerm,
)
from spinetui.components.reader.reader_screen import ReaderScreen
from spinetui.components.textual_fixes import apply as apply_textual_fixes
from spinetui.components.theme_switch import ThemeSwitch
from spinetui.components.user_keys import UserKeys
from spinetui.config_path import DEFAULT_THEME
from spinetui.i18n import _, ngettext
from spinetui.keymap import GLOBAL_KEYS, bindings
from spinetui.services import Services
from spinetui.themes import PALETTES, palette_for, render_styles, textual_theme

apply_textual_fixes()

if TYPE_CHECKING:
    from textual.command import Provider

    from spinetui.decide.questions import QuestionList
    from spinetui.decide.state import DecisionState
    from spinetui.kiosk.policy import KioskPolicy
    from spinetui.model import Guide
    from spinetui.render import MarkdownDocument
    from spinetui.render.styles import RenderStyles


def _jump_to_provider() -> type[Provider]:
    # Imported when the palette opens, not at start-up.
    from spinetui.components.palette import JumpToProvider

    return JumpToProvider


#: ``tool:`` link id -> the App action that opens it (ids: ``spinetui.decide.TOOL_IDS``).
TOOL_ACTIONS: dict[str, str] = {"what-matters": "what_matters", "sure": "sure_check"}


class SpineApp(CrashGuard, KioskGuard, UserKeys, LanguageSwitch, ThemeSwitch, App[None]):
    # styles/console.tcss is read by spinetui.console.setup.use_console, in console mode
    # only: its rules match nothing elsewhere, and parsing them was part of every start.
    CSS_PATH = ["styles/app.tcss"]
    TITLE = "spinetui"
    BINDINGS = bindings(GLOBAL_KEYS)
    COMMANDS = App.COMMANDS | {_jump_to_provider}

    def __init__(
        self,
        services: Services,
        *,
        start_article: str | None = None,
        kiosk: KioskPolicy | None = None,
        theme: str = DEFAULT_THEME,
        settings_path: Path | None = None,
        console: bool = False,
        pointer: bool | None = None,
        notices: tuple[str, ...] = (),
    ) -> None:
        """`services`: the guide and what is built from it, handed on to the screens
        (in its language, which an idle reset comes back to); `theme`: the one to start
        with (the config file's); `settings_path`: where a personal reader's theme
        choice is remembered (None: nowhere); `notices`: problems with the settings to
        tell at start-up (never in kiosk mode)."""
        super().__init__()
        self._remember_language(services)  # the UI catalog too
        self._start_notices = notices
        # Only spinetui's own themes, each checked for contrast (tests/unit/test_themes.py).
        for palette in PALETTES.values():
            self.register_theme(textual_theme(palette))
        self._start_theme = palette_for(theme).name
        self.theme = self._start_theme
        # Setting the theme queued a refresh_css, which would parse the whole style
        # sheet again before the first paint. Nothing is styled yet: the style sheet is
        # given this theme's variables now instead, and that one refresh is skipped
        # (see refresh_css) unless the theme has changed again by then.
        self.stylesheet.set_variables(self.get_css_variables())
        self._css_current_for: str | None = self.theme
        for name in list(self.available_themes):
            if name not in PALETTES:
                self.unregister_theme(name)
        self.settings_path = settings_path
        self.services = services
        services.restyle(render_styles(palette_for(self.theme)))
        self.kiosk = kiosk  # None or a disabled policy: a personal session
        # Draw only what the Linux console's fonts and 16 colours can show (set in
        # on_mount: not in a browser, whatever TERM the server was started with).
        self._console_wanted = console
        self.console_mode = False
        # Is there a mouse or touch screen? Not on the kernel's text console, which
        # spinetui cannot read a mouse from; the wording of the kiosk screens follows.
        self._pointer = pointer
        self.start_article = start_article
        self.title = services.guide.title

    def refresh_css(self, animate: bool = True) -> None:
        start_theme, self._css_current_for = self._css_current_for, None
        if start_theme is not None and start_theme == self.theme:
            return  # queued by __init__'s theme, whose variables the style sheet has
        super().refresh_css(animate)

    # The services' parts the app's own code (and the tests) read most.
    @property
    def guide(self) -> Guide:
        return self.services.guide

    @property
    def questions(self) -> QuestionList:
        return self.services.questions

    @property
    def decision(self) -> DecisionState:
        return self.services.decision

    @property
    def render_styles(self) -> RenderStyles:
        return self.services.styles

    def document_for(self, article_id: str) -> MarkdownDocument:
        return self.services.document_for(article_id)

    @property
    def has_pointer(self) -> bool:
        if self._pointer is not None:
            return self._pointer
        return self.is_web or os.environ.get("TERM", "") != "linux"

    def get_default_screen(self) -> Screen:
        """The first screen, at the bottom of the stack: a reader.

        Textual's own default is a blank screen, which would be composed, styled and
        resumed under the reader for nothing before the first paint (~12 ms of a
        ~400 ms start). Called once, when the app composes, before ``on_mount``.
        """
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        if self._console_wanted and not self.is_web:
            from spinetui.console.setup import use_console

            self.console_filter = use_console(self)
            # The console theme is the one to come back to after an idle reset, and
            # articles carry the console's marks ([links], ‹words›).
            self._start_theme = self.theme
            self.services.restyle(self._styles_for_theme())
        # The config file's [keys], before the first screen draws its footer.
        self.apply_user_keys(self.settings_path, announce=not self.kiosk_mode)
        reader = self._new_reader()
        # As push_screen would: switch_screen (the idle reset, a change of language)
        # drops the screen's newest result callback, and Textual 8.2 gives a default
        # screen none, so switching it away would fail (IndexError).
        reader._push_result_callback(self, None)
        return reader

    def on_mount(self) -> None:
        if self.kiosk_mode:
            self.start_kiosk()  # its signals include SIGTERM
        else:
            self._end_on_sigterm()
        if not self.kiosk_mode:
            for notice in self._start_notices:
                self.notify(notice, severity="warning", timeout=8, markup=False)
        if not self.services.is_complete:
            self.call_after_refresh(self._complete_guide)
        else:
            self._announce_problems()
        # The first article's parse, for the next start (a personal reader's, on a miss).
        self.call_after_refresh(self.services.keep_start_parse)

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
        problems asks ``services.completed_guide()``, which waits for it.
        """

        def announce(_guide: Guide) -> None:
            # RuntimeError: the app closed while the checks ran.
            with contextlib.suppress(RuntimeError):
                self.call_from_thread(self._announce_problems)

        self.services.complete_in_background(announce)

    def _announce_problems(self) -> None:
        """Tell staff at start-up that the content has problems (never a kiosk visitor)."""
        count = len(self.guide.problems)
        if count and not self.kiosk_mode:
            self.notify(
                ngettext(
                    "The content files have {count} problem. Press ! to see it.",
                    "The content files have {count} problems. Press ! to see them.",
                    count,
                ).format(count=count),
                severity="warning",
                timeout=6,
            )

    async def reset_session(self) -> None:
        """Start over for the next visitor (kiosk idle reset).

        Every screen is closed and a fresh ReaderScreen takes their place, so what a
        visitor did (history, search and find text, scroll positions, comparison
        choices) goes with the screens that held it, and the decision answers the
        screens share (``services.decision``, ``services.questions``) are cleared.
        Otherwise the services keep only content: the guide, the parsed-document cache
        and the search index.
        """
        # Nothing is painted until the fresh reader is in: the first reader, at the
        # bottom of the stack, would show the last visitor's article in between.
        with self.batch_update():
            while len(self.screen_stack) > 1:
                await self.pop_screen()
            self.clear_notifications()
            # What-matters and SURE answers, ticked and typed questions (and so the QR
            # code of them).
            self.services.forget_visitor()
            await self.back_to_default_language()  # the kiosk's language, not the visitor's
            self._clipboard = ""  # text a visitor copied (Textual keeps it on the App)
            if self.theme != self._start_theme:
                self.theme = self._start_theme  # the config's theme, not the last visitor's
            # In the place of the first reader, which goes with what was read in it.
            await self.switch_screen(self._new_reader())

    # -------------------------------------------------------------- screens
    # The screens below are imported when first opened, not at start-up
    # (ProblemsScreen brings in Textual's DataTable).
    def _new_reader(self, article_id: str | None = None) -> ReaderScreen:
        return ReaderScreen(self.services, start_article=article_id or self.start_article)

    def _reader(self) -> ReaderScreen | None:
        """The reader lowest in the stack (the one a visitor started in)."""
        return next((s for s in self.screen_stack if isinstance(s, ReaderScreen)), None)

    def _reader_on_top(self) -> ReaderScreen | None:
        """Close whatever is over the top reader (search, glossary, pop-ups); return it."""
        reader = next((s for s in reversed(self.screen_stack) if isinstance(s, ReaderScreen)), None)
        if reader is None:
            return None
        while self.screen is not reader:
            self.pop_screen()
        return reader

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

            # Every problem: waits for the checks if still running. As `spinetui check`
            # lists them: the cause first, each saying what to do.
            self.push_screen(ProblemsScreen(for_readers(self.services.completed_guide())))

    def _comparison_screen(self) -> Screen[None]:
        from spinetui.components.compare.comparison_screen import ComparisonScreen

        self.services.completed_guide()  # cell details name the articles' headings
        return ComparisonScreen(self.services, keeper=self._reader())

    def action_compare(self) -> None:
        # Imported here: the comparison is not needed to draw the first screen.
        from spinetui.components.compare.comparison_screen import ComparisonScreen

        if not isinstance(self.screen, ComparisonScreen):
            self.push_screen(self._comparison_screen())

    async def action_my_questions(self) -> None:
        from spinetui.components.decide.my_questions import MyQuestionsScreen

        if any(isinstance(screen, MyQuestionsScreen) for screen in self.screen_stack):
            # Already open under the code or the save box: go back to it, not a second.
            while not isinstance(self.screen, MyQuestionsScreen):
                await self.pop_screen()
            return
        await self.push_screen(MyQuestionsScreen(self.services))

    # ------------------------------------------------------- decision tools
    def action_what_matters(self) -> None:
        """What matters to you, setting side by side the comparison's columns when it
        is open below (else every option in the guide)."""
        from spinetui.components.compare.comparison_screen import ComparisonScreen
        from spinetui.components.decide.what_matters import WhatMattersScreen

        if isinstance(self.screen, WhatMattersScreen):
            return
        chosen = self.screen.choice.chosen if isinstance(self.screen, ComparisonScreen) else None
        self.push_screen(
            WhatMattersScreen(self.services, list(chosen) if chosen is not None else None)
        )

    def action_sure_check(self) -> None:
        from spinetui.components.decide.sure_screen import SureScreen

        if not isinstance(self.screen, SureScreen):
            self.push_screen(SureScreen(self.services))

    def open_tool(self, tool_id: str) -> None:
        """Open the decision tool a ``tool:`` link names."""
        action = TOOL_ACTIONS.get(tool_id)
        if action is None:
            self.notify(
                _("This guide has no tool called {tool!r}.").format(tool=tool_id),
                severity="warning",
                markup=False,
            )
            return
        getattr(self, f"action_{action}")()

    def show_term(self, term_id: str) -> None:
        """A glossary term's card over the current screen, with a link to read more."""
        from spinetui.components.find.term_screen import TermScreen

        self.push_screen(TermScreen(self.services, term_id))

    # ------------------------------------------------------- finding things
    async def action_search(self) -> None:
        from spinetui.components.find.search_screen import SearchScreen

        if not isinstance(self.screen, SearchScreen):
            # Awaited, so that keys typed straight after s already reach the search box.
            await self.push_screen(SearchScreen(self.services, keeper=self._reader()))

    async def action_glossary(self) -> None:
        from spinetui.components.find.glossary_screen import GlossaryScreen

        if not isinstance(self.screen, GlossaryScreen):
            await self.push_screen(GlossaryScreen(self.services))

    # ----------------------------------------------------------- navigation
    # What screens and widgets ask for (spinetui.components.navigation).
    def on_open_tool(self, message: OpenTool) -> None:
        self.open_tool(message.tool_id)

    def on_show_term(self, message: ShowTerm) -> None:
        self.show_term(message.term_id)

    def on_open_article(self, message: OpenArticle) -> None:
        """Close the screens above the reader and open the article there.

        The reader is the screen the visitor came from, so its history (and Back)
        still works afterwards.
        """
        article_id, anchor = message.article_id, message.anchor
        reader = self._reader_on_top()
        if reader is None:  # no screens left: the app is closing (a reader is the first)
            return
        if reader.open_article(article_id, anchor):
            if message.from_comparison:
                reader.came_from_comparison()  # so that b goes back to the comparison
            if message.words:
                reader.mark_words(message.words)
        reader.article_view.focus()

    def on_open_comparison(self, message: OpenComparison) -> None:
        from spinetui.components.compare.comparison_screen import ComparisonScreen

        attribute_id, treatment_id = message.attribute_id, message.treatment_id
        screen = next(
            (s for s in reversed(self.screen_stack) if isinstance(s, ComparisonScreen)), None
        )
        if screen is not None:
            while self.screen is not screen:
                self.pop_screen()
            if attribute_id is not None or treatment_id is not None:
                screen.grid.select_ids(attribute_id, treatment_id)
            screen.grid.focus()
            return
        self._reader_on_top()
        opened = self._comparison_screen()
        assert isinstance(opened, ComparisonScreen)

        async def open_and_select() -> None:
            await self.push_screen(opened)
            if attribute_id is not None or treatment_id is not None:
                opened.grid.select_ids(attribute_id, treatment_id)

        self.call_later(open_and_select)

    def on_open_side_by_side(self, message: OpenSideBySide) -> None:
        from spinetui.components.compare.side_by_side import SideBySideScreen

        self.push_screen(
            SideBySideScreen(self.services, message.left, message.right, anchor=message.anchor)
        )

    def on_open_beside(self, message: OpenBeside) -> None:
        """From the reader: choose an article to read beside this one, then open both."""
        from spinetui.components.compare.article_picker import ArticlePicker
        from spinetui.components.compare.side_by_side import next_treatment_article

        article_id, anchor = message.article_id, message.anchor
        guide = self.guide
        if article_id is None or article_id not in guide.articles:
            self.notify(
                _("Open an article first, then press v to read another beside it."), timeout=3
            )
            return
        if len(guide.articles) < 2:
            self.notify(_("This guide has only one article."), timeout=3)
            return

        def picked(other_id: str | None) -> None:
            if other_id is not None:
                self.on_open_side_by_side(OpenSideBySide(article_id, other_id, anchor))

        self.push_screen(
            ArticlePicker(
                guide,
                _("Read beside this article"),
                leave_out=article_id,
                suggest=next_treatment_article(guide, article_id),
            ),
            picked,
        )
