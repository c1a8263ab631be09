"""Extract the UI text from the code, update each language's catalog, compile it.

    .venv/bin/python scripts/update_catalogs.py           # extract, update, compile
    .venv/bin/python scripts/update_catalogs.py --check   # exit 1 if anything is stale

The same as ``pybabel extract -F babel.cfg`` + ``pybabel update`` + ``pybabel compile``,
through Babel's API so it needs no shell and writes the same bytes every time (no dates
in the headers), which lets a test compare the committed ``.mo`` with a fresh compile.
Translations already in a ``.po`` are kept; a msgid that changed comes back *fuzzy*
(a guess from the old one) and a new one empty: the tests fail until a translator
fills them in (docs/translating.md).
"""

from __future__ import annotations

import argparse
import io
import sys
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "src" / "spinetui"
LOCALE_DIR = SOURCE / "locale"
DOMAIN = "spinetui"
#: The languages with a catalog (English is the source text, so it has none).
CATALOG_LANGUAGES = ("es",)
#: Comments starting with this, just above a marked string, go to the translators.
COMMENT_TAGS = ("Translators:",)
METHOD_MAP = [("**.py", "python")]
KEYWORDS = {**DEFAULT_KEYWORDS, "N_": None}
WIDTH = 88
FIXED_DATE = datetime(2026, 12, 1, tzinfo=UTC)


def extract() -> Catalog:
    """Every marked string in src/spinetui, with where it is and translators' comments."""
    template = Catalog(project="spinetui", domain=DOMAIN, fuzzy=False)
    for filename, lineno, message, comments, context in extract_from_dir(
        str(SOURCE),
        METHOD_MAP,
        keywords=KEYWORDS,
        comment_tags=COMMENT_TAGS,
        strip_comment_tags=True,
    ):
        location = (f"src/spinetui/{filename}", lineno)
        template.add(message, None, [location], auto_comments=comments, context=context)
    return template


def po_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def _read(path: Path, lang: str) -> Catalog:
    if not path.exists():
        catalog = Catalog(locale=lang, project="spinetui", domain=DOMAIN, fuzzy=False)
        _fixed_header(catalog)
        return catalog
    with path.open("rb") as handle:
        return read_po(handle, locale=lang, domain=DOMAIN)


def po_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=WIDTH, omit_header=False, sort_output=False, ignore_obsolete=True)
    return out.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    """The compiled catalog (fuzzy entries left out, as gettext would ignore them)."""
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def _fixed_header(catalog: Catalog) -> None:
    # No dates and no tool version in the header: the same .po gives the same bytes.
    catalog.creation_date = FIXED_DATE
    catalog.revision_date = FIXED_DATE
    catalog.version = "1"
    catalog.header_comment = (
        f"# {catalog.locale_identifier} UI text for spinetui (docs/translating.md).\n"
        "# Made by scripts/update_catalogs.py; edit the msgstr lines only."
    )
    catalog.msgid_bugs_address = ""
    catalog.copyright_holder = "the spinetui authors"
    catalog.last_translator = "spinetui translators"
    catalog.language_team = "spinetui translators"


def updated(lang: str, template: Catalog) -> Catalog:
    catalog = _read(po_path(lang), lang)
    catalog.update(template, no_fuzzy_matching=False, update_header_comment=False)
    catalog.obsolete.clear()  # a msgid no longer in the code goes (git keeps the history)
    _fixed_header(catalog)
    return catalog


def compiled(lang: str) -> bytes:
    """The .mo for the committed .po of ``lang`` (what the test compares)."""
    return mo_bytes(_read(po_path(lang), lang))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; fail if stale")
    args = parser.parse_args(argv)
    template = extract()
    stale = []
    for lang in CATALOG_LANGUAGES:
        catalog = updated(lang, template)
        po, mo = po_path(lang), po_path(lang).with_suffix(".mo")
        new_po = po_bytes(catalog)
        new_mo = mo_bytes(read_po(io.BytesIO(new_po), locale=lang, domain=DOMAIN))
        for path, data in ((po, new_po), (mo, new_mo)):
            if path.exists() and path.read_bytes() == data:
                continue
            stale.append(path)
            if not args.check:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
        missing = [m.id for m in catalog if m.id and (not m.string or m.fuzzy)]
        print(f"{lang}: {len(catalog)} messages, {len(missing)} to translate or check")
    if args.check and stale:
        print("stale:", ", ".join(str(p.relative_to(ROOT)) for p in stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
