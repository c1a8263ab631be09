"""No English left on a Spanish screen: start the app in Spanish on the bundled guide,
walk the main screens with key presses, and check every drawn word against what a
Spanish screen may say.

Allowed: the words of the Spanish catalog's translations, every word of the Spanish
content tree (``content/es/``), the key names, and the proper names the bibliography
holds (authors, journals, organisations: the sources are shared by both languages).
A drawn word outside that, but among the English words (the catalog's msgids and the
English content), is an English leftover; the test lists each with its screen.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from pathlib import Path

import pytest
import yaml
from babel.messages.pofile import read_po
from rich.console import Console

from spinetui import i18n
from spinetui.app import SpineApp
from spinetui.components.compare.comparison_screen import ComparisonScreen
from spinetui.components.decide.my_questions import MyQuestionsScreen
from spinetui.components.decide.sure_screen import SureScreen
from spinetui.components.decide.what_matters import WhatMattersScreen
from spinetui.components.find.glossary_screen import GlossaryScreen
from spinetui.components.find.search_screen import SearchScreen
from spinetui.components.help_screen import HelpScreen
from spinetui.components.problems_screen import ProblemsScreen
from spinetui.components.reader.reader_screen import ReaderScreen
from spinetui.model import bundled_content_dir
from spinetui.services import load_services

SIZE = (120, 40)
CONTENT = bundled_content_dir()
CATALOG = i18n.LOCALE_DIR / "es" / "LC_MESSAGES" / "spinetui.po"

# A word: a run of letters (accents included); digits, punctuation and box glyphs are
# never English.
WORD = re.compile(r"[^\W\d_]+")
# Key names stay the same in every language (docs/translating.md).
KEY_NAMES = {
    "esc", "enter", "ctrl", "shift", "alt", "tab", "space", "pgup", "pgdn", "home", "end",
    "up", "down", "left", "right", "backspace", "del", "ins",
}  # fmt: skip


# Borders, scroll bars and bar charts: dropped before a cited title is looked for, so a
# title wrapped beside a scroll bar is still found.
BOX_GLYPHS = re.compile("[\u2500-\u259f]")
FILE_PATH = re.compile(r"\S*/\S*/\S*")  # two slashes or more: a path, not "y/o"


def words(text: str) -> set[str]:
    return {w.casefold() for w in WORD.findall(text)}


# The keys whose values are text a reader sees; the others hold ids, anchors, source
# lists and levels written in English in every tree (`esi`, `what-can-go-wrong`,
# `moderate`), which must not make English words look Spanish.
TEXT_KEYS = {
    "text", "term", "definition", "aliases", "who", "time", "measure", "note", "label",
    "name", "title", "summary", "group", "compared_with",
}  # fmt: skip
# In an article: `{#anchor}` after a heading and `](target)` after a link's text.
ANCHOR = re.compile(r"\{#[^}]*\}")
LINK_TARGET = re.compile(r"\]\([^)]*\)")
FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)


def _shown_text(value: object, key: str | None = None) -> Iterable[str]:
    """The reader-facing strings inside a YAML value."""
    if isinstance(value, str):
        if key in TEXT_KEYS:
            yield value
    elif isinstance(value, dict):
        for name, item in value.items():
            yield from _shown_text(item, str(name))
    elif isinstance(value, list):
        for item in value:
            yield from _shown_text(item, key)


def _tree_words(folder: Path, skip: Path | None = None) -> set[str]:
    """The words a content tree shows its readers."""
    found: set[str] = set()
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or (skip is not None and skip in path.parents):
            continue
        if path.name == "sources.yaml":
            continue
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".yaml":
            found |= words(" ".join(_shown_text(yaml.safe_load(text))))
        elif path.suffix == ".md":
            front = FRONT_MATTER.match(text)
            if front:
                found |= words(" ".join(_shown_text(yaml.safe_load(front.group(1)))))
                text = text[front.end() :]
            found |= words(LINK_TARGET.sub("]", ANCHOR.sub("", text)))
    return found


PLACEHOLDER = re.compile(r"\{[^{}]*\}")  # `{count}`: filled in, never drawn


def _catalog() -> tuple[set[str], set[str]]:
    """(words of the Spanish translations, words of the English msgids)."""
    with CATALOG.open("rb") as handle:
        catalog = read_po(handle)
    spanish: set[str] = set()
    english: set[str] = set()
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strs = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in ids:
            english |= words(text)
        for text in strs:
            spanish |= words(PLACEHOLDER.sub(" ", text or ""))
    return spanish, english


def _proper_names() -> set[str]:
    """Authors, journals and organisations of the shared bibliography."""
    sources = yaml.safe_load((CONTENT / "sources.yaml").read_text(encoding="utf-8"))
    found: set[str] = set()
    for source in sources:
        for field in ("authors", "journal", "organisation"):
            found |= words(str(source.get(field) or ""))
    return found


def _source_titles() -> list[str]:
    """The bibliography's titles (English papers' own titles, shown where a source is
    cited), longest first, each on one line."""
    sources = yaml.safe_load((CONTENT / "sources.yaml").read_text(encoding="utf-8"))
    titles = {" ".join(str(source["title"]).split()) for source in sources if source.get("title")}
    return sorted(titles, key=len, reverse=True)


@pytest.fixture(scope="module")
def vocabulary() -> tuple[set[str], set[str]]:
    """(allowed on a Spanish screen, English)."""
    catalog_es, catalog_en = _catalog()
    allowed = catalog_es | _tree_words(CONTENT / "es") | _proper_names() | KEY_NAMES
    allowed |= words(" ".join(i18n.LANGUAGE_NAMES.values()))  # "English · Español"
    english = catalog_en | _tree_words(CONTENT, skip=CONTENT / "es")
    return allowed, english


def drawn_text(app: SpineApp, skip_region=None, only_region=None) -> str:
    """Everything drawn now (every layer), as plain text; lines inside ``skip_region``
    (a widget's region) left out; only what is inside ``only_region`` (a pop-up's own
    box, without the screen half hidden under it) if given."""
    update = app.screen._compositor.render_update(
        full=True, screen_stack=app._background_screens, simplify=False
    )
    console = Console(width=app.size.width, height=app.size.height, file=io.StringIO(), record=True)
    console.print(update)
    lines = console.export_text().splitlines()
    if skip_region is not None:
        top, bottom = skip_region.y, skip_region.y + skip_region.height
        lines = [line for y, line in enumerate(lines) if not top <= y < bottom]
    if only_region is not None:
        x, y, width, height = only_region
        lines = [line[x : x + width] for line in lines[y : y + height]]
    return "\n".join(lines)


class Walk:
    """What each screen drew, and the English words found on it."""

    def __init__(self, app: SpineApp, vocabulary: tuple[set[str], set[str]]) -> None:
        self.app = app
        self.allowed, self.english = vocabulary
        self.leftovers: dict[str, list[str]] = {}
        self.texts: dict[str, str] = {}
        self.titles = _source_titles()

    def look(
        self, screen_name: str, skip_region=None, allowed: Iterable[str] = (), only_region=None
    ) -> str:
        """Read the screen; ``allowed``: whole sentences this screen may show in English."""
        text = drawn_text(self.app, skip_region, only_region)
        self.check(screen_name, text, allowed)
        return text

    def check(self, screen_name: str, text: str, allowed: Iterable[str] = ()) -> None:
        self.texts[screen_name] = text
        # A cited paper's title is its name, in the language it was published in.
        flat = " ".join(BOX_GLYPHS.sub(" ", text).split())
        # A file path (the save box's folder) is the reader's own, not the app's words:
        # the test run's temporary HOME would read as English ("test", "home").
        flat = FILE_PATH.sub(" ", flat)
        for title in [*allowed, *self.titles]:
            flat = flat.replace(title, " ")
        left = sorted(w for w in words(flat) if w not in self.allowed and w in self.english)
        if left:
            self.leftovers[screen_name] = left

    def report(self) -> str:
        return "\n".join(
            f"{name}: {', '.join(found)}\n--- drawn:\n{self.texts[name]}\n---"
            for name, found in self.leftovers.items()
        )


def test_the_check_finds_english_and_passes_spanish(vocabulary):
    """The check can fail: an English sentence of the catalog or of the guide is found,
    its Spanish is not, nor a cited paper's English title."""
    walk = Walk(None, vocabulary)  # type: ignore[arg-type]
    walk.check("catalog", "You have not answered the questions yet.")
    walk.check("guide", "Steroid injections near the spine")
    walk.check("spanish", "Todavía no ha contestado las preguntas. Esc Cerrar  F1 Ayuda")
    walk.check(
        "title", "Ver: A Randomized Trial of Epidural Glucocorticoid Injections for Spinal Stenosis"
    )
    assert set(walk.leftovers) == {"catalog", "guide"}
    assert {"answered", "questions"} <= set(walk.leftovers["catalog"])
    assert {"steroid", "injections"} <= set(walk.leftovers["guide"])


@pytest.fixture
def spanish():
    i18n.set_language("es")
    yield
    i18n.set_language("en")


async def test_no_english_on_the_main_spanish_screens(spanish, vocabulary):
    services = load_services(CONTENT, "es", kiosk=False)
    app = SpineApp(services)
    walk = Walk(app, vocabulary)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        walk.look("reader: welcome")

        assert reader.open_article("esi")
        await pilot.pause()
        assert "esteroides" in walk.look("reader: esi")

        await pilot.press("t")  # the contents pane: hidden, shown again
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        reader.contents.focus()
        await pilot.pause()
        walk.look("contents")

        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "Ayuda" in walk.look("help")
        await pilot.press("escape")
        await pilot.pause()

        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"cirugia")
        await pilot.pause(0.3)
        await pilot.pause()
        assert "cirugía" in walk.look("search: cirugia").casefold()
        await pilot.press(*"zzqx")
        await pilot.pause(0.3)
        await pilot.pause()
        walk.look("search: no results")
        await pilot.press("escape")
        await pilot.pause()
        while not isinstance(app.screen, ReaderScreen):
            app.pop_screen()
            await pilot.pause()

        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, GlossaryScreen)
        assert "Glosario" in walk.look("glossary")
        glossary = app.screen
        app.show_term("sciatica")
        await pilot.pause()
        assert app.screen is not glossary
        assert "ciática" in walk.look("term card: sciatica").casefold()
        await pilot.press("escape")
        await pilot.pause()
        while not isinstance(app.screen, ReaderScreen):
            app.pop_screen()
            await pilot.pause()

        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, ComparisonScreen)
        assert "Comparar tratamientos" in walk.look("comparison")
        await pilot.press("e")  # the cell panel, bigger
        await pilot.pause()
        walk.look("comparison: cell panel")
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, WhatMattersScreen)
        assert "Lo que le importa a usted" in walk.look("what matters")
        await pilot.press("escape")
        await pilot.pause()
        comparison = app.screen
        await pilot.press("t")  # choose the treatments
        await pilot.pause()
        # A pop-up: its own box only (the comparison half hidden under it is cut words).
        walk.look("comparison: chooser", only_region=app.screen.children[0].region)
        await pilot.press("escape")
        await pilot.pause()
        if app.screen is comparison:
            await pilot.press("v")  # side by side
            await pilot.pause()
            walk.look("comparison: side by side")
        while not isinstance(app.screen, ReaderScreen):
            app.pop_screen()
            await pilot.pause()

        app.action_sure_check()  # opened by a tool: link in the articles, not a key
        await pilot.pause()
        assert isinstance(app.screen, SureScreen)
        assert "prueba SURE" in walk.look("SURE check")
        await pilot.press("escape")
        await pilot.pause()

        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MyQuestionsScreen)
        assert "Mis preguntas" in walk.look("my questions")
        await pilot.press("t")  # nothing to take home yet: a toast says so
        await pilot.pause()
        walk.look("my questions: nothing to take home")
        await pilot.press("a", *"Cuanto cuesta", "enter")
        await pilot.pause()
        app.screen.action_take_home()  # as t does, wherever the focus went after typing
        await pilot.pause()
        assert app.screen is not reader and not isinstance(app.screen, MyQuestionsScreen)
        walk.look("take home")
        while not isinstance(app.screen, ReaderScreen):
            app.pop_screen()
            await pilot.pause()

        await pilot.press("ctrl+p")  # the palette: go to any article, heading or term
        await pilot.pause()
        await pilot.press(*"espalda")
        await pilot.pause(0.3)
        await pilot.pause()
        walk.look("palette: espalda")
        await pilot.press("escape")
        await pilot.pause()
        while not isinstance(app.screen, ReaderScreen):
            app.pop_screen()
            await pilot.pause()

        await pilot.press("exclamation_mark")
        await pilot.pause()
        assert isinstance(app.screen, ProblemsScreen)
        # The problems themselves are for clinic staff and stay English by design (as
        # `spinetui check` prints them): leave out the list, check the screen around it.
        listing = app.screen.query_one("#problems-list")
        assert "problemas" in walk.look("problems (!)", skip_region=listing.region)
    assert not walk.leftovers, "English on Spanish screens:\n" + walk.report()


async def test_no_english_on_the_spanish_kiosk_start_and_idle_notice(spanish, vocabulary):
    from spinetui.components.kiosk.attract_screen import LANGUAGE_HINTS, AttractScreen
    from spinetui.components.kiosk.idle_notice import StillReadingNotice
    from spinetui.kiosk.policy import KioskPolicy
    from tests.functional.test_kiosk import go_idle, use_fake_clock

    services = load_services(CONTENT, "es", kiosk=True)
    policy = KioskPolicy(enabled=True, attract_seconds=600.0, idle_seconds=90, notice_seconds=15)
    app = SpineApp(services, kiosk=policy)
    walk = Walk(app, vocabulary)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, AttractScreen)
        # The chooser's English line is for English readers, in English by design.
        walk.look("kiosk start screen", allowed=LANGUAGE_HINTS["en"])
        await pilot.press("space")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        walk.look("kiosk reader")
        clock = use_fake_clock(app)
        await go_idle(app, pilot, clock, 91)
        assert isinstance(app.screen, StillReadingNotice)
        assert "¿Sigue leyendo?" in walk.look("kiosk idle notice")
    assert not walk.leftovers, "English on Spanish screens:\n" + walk.report()
