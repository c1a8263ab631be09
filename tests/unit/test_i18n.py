"""UI text in gettext catalogs: choosing the language, the catalogs complete and compiled,
and the decision tools' text switching language at run time."""

from __future__ import annotations

import gettext
import importlib.util
import io
import re
import string
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from hypothesis import given
from hypothesis import strategies as st

from spinetui import i18n
from spinetui.decide import factors, questions, sure, take_home
from spinetui.i18n import LANGUAGES, choose_language, language_of, locale_language

ROOT = Path(__file__).resolve().parents[2]
PO = i18n.LOCALE_DIR / "es" / "LC_MESSAGES" / "spinetui.po"
MO = PO.with_suffix(".mo")


def _script():
    spec = importlib.util.spec_from_file_location(
        "update_catalogs", ROOT / "scripts" / "update_catalogs.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def spanish():
    i18n.set_language("es")
    yield
    i18n.set_language("en")


@pytest.fixture(scope="module")
def catalog():
    with PO.open("rb") as handle:
        return read_po(handle, locale="es", domain="spinetui")


# ------------------------------------------------------------- choosing
def test_lang_option_beats_config_and_locale():
    env = {"LANG": "en_US.UTF-8"}
    assert choose_language("es", "en", env, kiosk=False) == ("es", None)
    assert choose_language("en", "es", {"LANG": "es_MX.UTF-8"}, kiosk=False) == ("en", None)


def test_config_beats_locale():
    assert choose_language(None, "es", {"LANG": "en_US.UTF-8"}, kiosk=False) == ("es", None)
    assert choose_language(None, "en", {"LANG": "es_MX.UTF-8"}, kiosk=False) == ("en", None)


@pytest.mark.parametrize(
    "env, expected",
    [
        ({"LANG": "es_MX.UTF-8"}, "es"),
        ({"LANG": "es_ES@euro"}, "es"),
        ({"LANG": "es-419"}, "es"),
        ({"LANG": "ES"}, "es"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "fr_FR.UTF-8"}, "en"),  # a language we do not speak: English, quietly
        ({}, "en"),
        ({"LANG": "en_US.UTF-8", "LC_ALL": "es_US.UTF-8"}, "es"),  # LC_ALL first
        ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "es_US.UTF-8"}, "es"),
        ({"LC_ALL": "en_US.UTF-8", "LC_MESSAGES": "es_US.UTF-8"}, "en"),
        ({"LANG": "fr_FR.UTF-8", "LANGUAGE": "fr:es:en"}, "es"),  # first we speak
        ({"LANG": "es_MX.UTF-8", "LANGUAGE": "en"}, "en"),  # LANGUAGE leads, as in gettext
        ({"LANG": "C", "LANGUAGE": "es"}, "en"),  # C locale: gettext ignores LANGUAGE
        ({"LANG": "C.UTF-8", "LANGUAGE": "es"}, "en"),
    ],
)
def test_personal_mode_follows_the_locale(env, expected):
    assert choose_language(None, None, env, kiosk=False) == (expected, None)


def test_kiosk_ignores_the_locale():
    env = {"LANG": "es_MX.UTF-8", "LANGUAGE": "es"}
    assert choose_language(None, None, env, kiosk=True) == ("en", None)
    assert choose_language(None, "es", {"LANG": "en_US.UTF-8"}, kiosk=True) == ("es", None)
    assert choose_language("es", None, {}, kiosk=True) == ("es", None)


@pytest.mark.parametrize("where, args", [("--lang", ("fr", None)), ("config", (None, "klingon"))])
def test_unknown_language_says_so_and_shows_english(where, args):
    lang, problem = choose_language(*args, {"LANG": "es_MX.UTF-8"}, kiosk=False)
    assert lang == "en"
    assert problem is not None
    value = args[0] or args[1]
    assert f'"{value}"' in problem and where in problem
    assert "es (Español)" in problem and "en (English)" in problem and "English" in problem


def test_blank_choices_count_as_not_given():
    assert choose_language("  ", "", {"LANG": "es_MX"}, kiosk=False) == ("es", None)


def test_a_long_or_odd_value_is_quoted_safely():
    _lang, problem = choose_language("x" * 200 + "\x1b[31m", None, {}, kiosk=False)
    assert problem is not None and problem.isprintable() and len(problem) < 200


_LOCALES = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        ["es_MX.UTF-8", "C", "POSIX", "C.UTF-8", "", "es", "es-419", "en_US@euro", ":::", "es:"]
    ),
)


@given(
    st.dictionaries(st.sampled_from(["LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"]), _LOCALES),
    st.booleans(),
)
def test_odd_locale_values_never_raise(env, kiosk):
    lang, problem = choose_language(None, None, env, kiosk)
    assert lang in LANGUAGES and problem is None
    assert locale_language(env) in (None, *LANGUAGES)


@given(st.one_of(st.none(), st.text(max_size=30)), st.one_of(st.none(), st.text(max_size=30)))
def test_odd_choices_never_raise(cli, config):
    lang, problem = choose_language(cli, config, {}, kiosk=False)
    assert lang in LANGUAGES
    given_value = cli if cli and cli.strip() else config if config and config.strip() else None
    assert (problem is None) == (given_value is None or language_of(given_value) is not None)
    assert problem is None or problem.isprintable()


# ------------------------------------------------------------- catalogs
def test_every_marked_string_has_a_spanish_translation(catalog):
    extracted = _script().extract()
    wanted = {m.id for m in extracted if m.id}
    assert len(wanted) > 50  # the decision tools' texts at least
    have = {m.id: m for m in catalog if m.id}
    missing = sorted(str(i) for i in wanted if i not in have)
    assert not missing, f"run scripts/update_catalogs.py and translate: {missing}"
    empty = [str(i) for i in wanted if not all(_forms(have[i].string))]
    fuzzy = [str(i) for i in wanted if have[i].fuzzy]
    assert not empty, f"no Spanish yet for: {empty}"
    assert not fuzzy, f"fuzzy (a guess to check, then remove the fuzzy flag): {fuzzy}"
    stale = sorted(str(i) for i in set(have) - wanted)
    assert not stale, f"in the catalog but not in the code (run the script): {stale}"


def _forms(value: str | tuple[str, ...]) -> tuple[str, ...]:
    return value if isinstance(value, tuple) else (value,)


def _fields(text: str) -> set[str]:
    return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name is not None}


def test_every_translation_keeps_the_placeholders(catalog):
    checked = 0
    for message in catalog:
        if not message.id:
            continue
        wanted = set().union(*(_fields(t) for t in _forms(message.id)))
        for text in _forms(message.string):
            # parse() raises on a stray brace; an added or lost {field} crashes or drops text.
            assert _fields(text) == wanted, (message.id, text)
            checked += 1
    assert checked > 50


def test_committed_mo_is_the_compiled_po(catalog):
    """The .mo the app reads is the .po as it stands (run scripts/update_catalogs.py)."""
    fresh = io.BytesIO()
    write_mo(fresh, catalog, use_fuzzy=False)
    fresh.seek(0)
    with MO.open("rb") as handle:
        committed = gettext.GNUTranslations(handle)
    compiled = gettext.GNUTranslations(fresh)
    # The header names the Babel version that wrote it: compare every translation but that.
    translations = [{k: v for k, v in t._catalog.items() if k != ""} for t in (committed, compiled)]
    assert translations[0] == translations[1]
    assert len(translations[0]) > 50
    for n in (0, 1, 2, 4, 1_000_000):
        assert committed.plural(n) == compiled.plural(n)


def test_the_package_finds_the_spanish_catalog():
    assert isinstance(i18n.translator("es"), gettext.GNUTranslations)
    # English, and a language with no catalog, are the text as written: what gettext's
    # NullTranslations gives, without importing gettext for an English reader.
    null = gettext.NullTranslations()
    for lang in ("en", "xx"):
        as_written = i18n.translator(lang)
        assert not isinstance(as_written, gettext.GNUTranslations)
        assert as_written.gettext("Quit") == null.gettext("Quit") == "Quit"
        for n in (0, 1, 2, 5):
            assert as_written.ngettext("{n} row", "{n} rows", n) == null.ngettext(
                "{n} row", "{n} rows", n
            )


def test_catalog_files_are_not_ignored_by_git():
    for path in (PO, MO):
        ignored = subprocess.run(
            ["git", "check-ignore", "-q", str(path)], cwd=ROOT, capture_output=True
        )
        assert ignored.returncode == 1, f"{path} is git-ignored: it would not be committed"


# ---------------------------------------------------- switching language
def test_decide_texts_switch_language_and_back():
    item = sure.SURE_BY_ID["sure"]
    assert item.question == "Do you feel sure which choice is right for you?"
    i18n.set_language("es")
    try:
        assert i18n.get_language() == "es"
        assert item.question.startswith("¿Se siente seguro")
        assert factors.FACTORS_BY_ID["cost"].label == "Costo"
        assert factors.LEVELS[factors.A_LOT] == "Mucho"
        assert sure.NO_INTRO.startswith('Un "no"')
        assert take_home.TITLE == "Mis preguntas para mi cita"
        assert sure.score_line({"sure": True}) == (
            "Contestó que sí a 1 de 4 preguntas. Faltan 3 por contestar."
        )
    finally:
        i18n.set_language("en")
    assert item.question == "Do you feel sure which choice is right for you?"
    assert factors.LEVELS[factors.A_LOT] == "A lot"
    assert sure.NO_INTRO.startswith('A "no"')
    assert take_home.TITLE == "My questions for my visit"
    assert (
        sure.score_line({"sure": True}) == "You said yes to 1 of 4 questions. 3 not answered yet."
    )


def test_unknown_language_sets_english():
    assert i18n.set_language("fr") == "en"
    assert sure.SURE_ITEMS[0].question.startswith("Do you")


def test_spanish_take_home_file_reads_in_spanish(spanish):
    summary = take_home.summarise(
        questions.QuestionList(), type("D", (), {"matters": {"cost": 3}, "sure": {"sure": False}})
    )
    assert summary.matters == ["Costo: mucho"]
    text = take_home.as_text(summary)
    lines = text.splitlines()
    assert lines[0] == "Mis preguntas para mi cita" and lines[1] == "=" * len(lines[0])
    for n, line in enumerate(lines):
        if line and set(line) == {"-"}:  # each heading underlined to its own length
            assert len(line) == len(lines[n - 1])
    assert "(Todavía no hay preguntas.)" in text
    assert "Está bien no estar seguro todavía" in text
    assert "{" not in text and "}" not in text


def test_spanish_summary_and_messages(spanish):
    assert factors.answer_lines({"fast-relief": 2}) == ["Alivio rápido: un poco"]
    ((kind, note),) = factors.summary_lines(None, [], [], {})
    assert kind == "note" and f'"{factors.LEVELS[factors.A_LITTLE]}"' in note
    assert f'"{factors.LEVELS[factors.A_LOT]}"' in note
    found = questions.QuestionList()
    assert found.add_own("")[1] == "Primero escriba una pregunta."
    assert take_home.describe_error(FileExistsError(), Path("/x/y.md")) == (
        "Ya hay un archivo en /x/y.md."
    )
    assert take_home.Payload("", 2, 3, False).left_out.startswith(
        "La lista es demasiado larga para un solo código: la pregunta 3 no está"
    )


def test_translations_carry_no_markup(catalog):
    for message in catalog:
        for text in _forms(message.string) if message.id else ():
            assert not re.search(r"\[/?[a-z@#$]", text), text


def test_i18n_and_decide_load_without_textual_or_rich():
    code = (
        "import sys, spinetui.i18n, spinetui.decide.sure, spinetui.decide.factors, "
        "spinetui.decide.take_home; "
        "bad = [m for m in sys.modules if m.split('.')[0] in ('textual', 'rich', 'babel')]; "
        "assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
