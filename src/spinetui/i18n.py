"""UI text in the reader's language: Python's gettext over the committed catalogs.

Textual-free and Rich-free. Catalogs are ``locale/<lang>/LC_MESSAGES/spinetui.po`` beside
this module, with the compiled ``.mo`` committed too, so an install needs no build step;
``scripts/update_catalogs.py`` extracts, updates and compiles them (Babel, a dev tool
only: at run time this is the standard library's ``gettext``). docs/translating.md
says how to translate.

Marking text in code::

    from spinetui.i18n import _, ngettext, N_

    _("Added to your questions.")
    _("There is already a file at {path}.").format(path=path)
    ngettext("{count} not answered yet.", "{count} not answered yet.", n).format(count=n)
    LABEL = N_("Fast relief")   # a constant: marked now, translated with _(LABEL) at use

Placeholders are named ``{fields}`` filled with ``str.format`` *after* translation
(never ``%`` with untrusted text, never Textual markup in a msgid), so a translator can
move them. The module-level ``_``/``ngettext`` follow ``set_language`` at call time,
so text built on each draw switches when the reader switches language.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Protocol, overload

DOMAIN = "spinetui"
#: Where the catalogs live: ``LOCALE_DIR/<lang>/LC_MESSAGES/spinetui.mo``.
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DEFAULT_LANGUAGE = "en"
#: The languages the app speaks, English (the source text) first.
LANGUAGES: tuple[str, ...] = ("en", "es")
#: Each language's name in that language (what a chooser shows).
LANGUAGE_NAMES: dict[str, str] = {"en": "English", "es": "Español"}

#: The environment variables that name the locale, most specific first (POSIX order).
LOCALE_VARIABLES: tuple[str, ...] = ("LC_ALL", "LC_MESSAGES", "LANG")


class Translator(Protocol):
    def gettext(self, message: str, /) -> str: ...
    def ngettext(self, singular: str, plural: str, n: int, /) -> str: ...


class _AsWritten:
    """The text as written (English), as gettext's NullTranslations gives it: a reader
    in English never needs the gettext module, so it is not imported for them."""

    def gettext(self, message: str, /) -> str:
        return message

    def ngettext(self, singular: str, plural: str, n: int, /) -> str:
        return singular if n == 1 else plural


_lock = threading.Lock()
_cache: dict[str, Translator] = {}
_current: Translator = _AsWritten()
_current_language = DEFAULT_LANGUAGE


def translator(lang: str) -> Translator:
    """The catalog for ``lang`` (one of ``LANGUAGES``): English, or a language whose
    catalog is missing, is the text as written."""
    with _lock:
        found = _cache.get(lang)
        if found is None:
            if lang == DEFAULT_LANGUAGE or lang not in LANGUAGES:
                found = _AsWritten()
            else:
                import gettext as _gettext

                found = _gettext.translation(
                    DOMAIN, localedir=str(LOCALE_DIR), languages=[lang], fallback=True
                )
            _cache[lang] = found
        return found


def set_language(lang: str) -> str:
    """Make ``lang`` the language ``_``/``ngettext`` answer in (unknown: English).
    Returns the language now in use."""
    global _current, _current_language
    if lang not in LANGUAGES:
        lang = DEFAULT_LANGUAGE
    chosen = translator(lang)
    with _lock:  # both together, so a reader never sees one language's name and the other's text
        _current, _current_language = chosen, lang
    return lang


def get_language() -> str:
    return _current_language


def _(message: str) -> str:
    """``message`` in the current language (the English text when there is none)."""
    return _current.gettext(message)


def gettext(message: str) -> str:
    return _current.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for ``n``, in the current language."""
    return _current.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark ``message`` for the catalog without translating it (for constants defined
    at import time; translate them with ``_(CONSTANT)`` where they are shown)."""
    return message


class Translated:
    """A read-only attribute giving the marked English held in another attribute in the
    current language: ``label = Translated("label_msgid")`` on a class whose
    ``label_msgid`` holds ``N_("Fast relief")``."""

    __slots__ = ("_msgid_attribute",)

    def __init__(self, msgid_attribute: str) -> None:
        self._msgid_attribute = msgid_attribute

    @overload
    def __get__(self, obj: None, owner: type | None = None) -> Translated: ...
    @overload
    def __get__(self, obj: object, owner: type | None = None) -> str: ...
    def __get__(self, obj: object, owner: type | None = None) -> str | Translated:
        if obj is None:
            return self
        return _(getattr(obj, self._msgid_attribute))


def translated_constants(module: str, texts: Mapping[str, str]) -> Callable[[str], str]:
    """A module's ``__getattr__`` (PEP 562) giving each of ``texts`` (name: marked
    English) in the current language, so that a constant made at import time answers
    in the language of the moment: ``__getattr__ = translated_constants(__name__, _TEXTS)``."""

    def __getattr__(name: str) -> str:
        if name in texts:
            return _(texts[name])
        raise AttributeError(f"module {module!r} has no attribute {name!r}")

    return __getattr__


# ----------------------------------------------------------------- choosing
_SEPARATORS = re.compile(r"[_.@\-]")


def language_of(value: str | None) -> str | None:
    """The supported language a locale or language name means, else None:
    ``es_MX.UTF-8`` -> ``es``, ``ES`` -> ``es``, ``en_US`` -> ``en``, ``C`` -> None."""
    if not value:
        return None
    code = _SEPARATORS.split(value.strip(), maxsplit=1)[0].casefold()
    return code if code in LANGUAGES else None


def locale_language(environ: Mapping[str, str]) -> str | None:
    """The supported language the environment's locale asks for, else None.

    As GNU gettext reads it: the locale is the first set one of LC_ALL, LC_MESSAGES,
    LANG; when it is set and not C/POSIX, LANGUAGE (a colon-separated list of
    preferences) comes first. A locale we do not speak is not an error: English.
    """
    locale = next((environ.get(v, "") for v in LOCALE_VARIABLES if environ.get(v)), "")
    if locale.split(".")[0] in ("C", "POSIX"):
        return None  # the "no locale" locale: GNU gettext ignores LANGUAGE too
    for preference in (environ.get("LANGUAGE") or "").split(":"):
        found = language_of(preference)
        if found is not None:
            return found
    return language_of(locale)


def _shown(value: str) -> str:
    """A value the user gave, safe to quote in a message: printable, short."""
    text = "".join(ch if ch.isprintable() else "?" for ch in value.strip())
    return text if len(text) <= 24 else text[:23] + "…"


def _choice(value: str, where: str) -> tuple[str, str | None]:
    found = language_of(value)
    if found is not None:
        return found, None
    known = ", ".join(f"{code} ({LANGUAGE_NAMES[code]})" for code in LANGUAGES)
    problem = _(
        'Unknown language "{value}" in {where}: spinetui speaks {known}. Showing English.'
    ).format(value=_shown(value), where=where, known=known)
    return DEFAULT_LANGUAGE, problem


def choose_language(
    cli_lang: str | None,
    config_lang: str | None,
    environ: Mapping[str, str],
    kiosk: bool,
    config_where: str | None = None,
) -> tuple[str, str | None]:
    """The language to start in, and a sentence about a problem (or None).

    ``--lang`` first, then the config's ``language``, then (personal mode only) the
    locale; a kiosk ignores the locale of whoever started it and shows the configured
    language or English. An unknown value says so and falls back to English.
    ``config_where``: where the config's value is written ("FILE, line N"), for that.
    """
    if cli_lang is not None and cli_lang.strip():
        return _choice(cli_lang, "--lang")
    if config_lang is not None and config_lang.strip():
        return _choice(config_lang, config_where or _("the config file's language setting"))
    if not kiosk:
        found = locale_language(environ)
        if found is not None:
            return found, None
    return DEFAULT_LANGUAGE, None
