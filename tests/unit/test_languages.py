"""Language trees (content/<lang>/): loading with the shared bibliography and English
fallbacks, what a tree lacks, numbers that differ, anchors, INFLESZ in spinetui check."""

from __future__ import annotations

import io
import re
import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spinetui.check import run_check
from spinetui.model import Severity, bundled_content_dir, load_guide
from spinetui.model.languages import (
    FALLBACK_NOTICES,
    Fallback,
    available_languages,
    cell_id,
    load_language,
    missing_pieces,
)
from spinetui.model.same_numbers import number_mismatches, numbers
from tests.fixtures.content_builder import article, build

EN_BODY = """\
# Heading one

About 54 in 100 people felt better after 3 months ([Source A](source:src-a)).

## What can go wrong

Harms are rare: about 1 in 10,000.
"""

ES_BODY = """\
# Encabezado uno {#heading-one}

Cerca de 54 de cada 100 personas se sintieron mejor después de 3 meses
([Fuente A](source:src-a)).

## Qué puede salir mal {#what-can-go-wrong}

Los daños son raros: cerca de 1 en 10,000.
"""

EN_GLOSSARY = """\
- id: nerve
  term: nerve
  definition: A cord that carries messages, about 2 mm wide.
- id: disc
  term: disc
  definition: A soft cushion between two bones.
"""

ES_GLOSSARY = """\
- id: nerve
  term: nervio
  definition: Un cordón que lleva mensajes, de unos 2 mm de ancho.
- id: disc
  term: disco
  definition: Un cojín blando entre dos huesos.
"""

EN_COMPARISON = """\
treatments:
  - id: one
    name: Treatment one
    article: one
attributes:
  - id: cost
    label: Cost
  - id: relief
    label: Relief at 3 months
cells:
  cost:
    one:
      text: About $574 a shot.
      sources: [src-a]
  relief:
    one:
      text: 54 in 100 felt better.
      sources: [src-a]
"""

ES_COMPARISON = """\
treatments:
  - id: one
    name: Tratamiento uno
    article: one
attributes:
  - id: cost
    label: Costo
  - id: relief
    label: Alivio a los 3 meses
cells:
  cost:
    one:
      text: Cerca de $574 por inyección.
      sources: [src-a]
  relief:
    one:
      text: 54 de cada 100 se sintieron mejor.
      sources: [src-a]
"""

EN_OUTCOMES = """\
- id: one-relief
  option: one
  kind: benefit
  measure: had at least half of their pain go away
  who: adults with sciatica
  time: 1 month after the shot
  per: 100
  group: a steroid shot
  count: 54
  compared_with: a shot of salt water
  comparison_count: 19
  sources: [src-a]
"""

ES_OUTCOMES = """\
- id: one-relief
  option: one
  kind: benefit
  measure: tuvieron al menos la mitad menos de dolor
  who: adultos con ciática
  time: 1 mes después de la inyección
  per: 100
  group: una inyección de esteroides
  count: 54
  compared_with: una inyección de agua con sal
  comparison_count: 19
  sources: [src-a]
"""

ES_GUIDE = """\
title: Guía construida
version: "t-1"
reviewed: 2026-11-20
sections:
  - id: start
    title: Empiece aquí
  - id: treatments
    title: Tratamientos
"""


def en_article(body: str = EN_BODY) -> str:
    return article("one", title="Article one, 3 steps", summary="A summary of 2 ideas.", body=body)


def es_article(body: str = ES_BODY, title: str = "Artículo uno, 3 pasos") -> str:
    return article("one", title=title, summary="Un resumen de 2 ideas.", body=body)


def en_two() -> str:
    return article("two", title="Article two", order="2", body="# Two\n\nWords here.\n")


def tree(
    tmp_path: Path,
    *,
    es_articles: dict[str, str | bytes] | None = None,
    es_glossary: str | None = ES_GLOSSARY,
    es_comparison: str | None = ES_COMPARISON,
    es_outcomes: str | None = ES_OUTCOMES,
) -> Path:
    """An English folder with a complete Spanish tree in es/, unless told otherwise."""
    root = build(
        tmp_path / "content",
        glossary=EN_GLOSSARY,
        comparison=EN_COMPARISON,
        outcomes=EN_OUTCOMES,
        articles={"one.md": en_article(), "two.md": en_two()},
    )
    if es_articles is None:
        es_articles = {
            "one.md": es_article(),
            "two.md": article(
                "two", title="Artículo dos", order="2", body="# Dos {#two}\n\nPalabras.\n"
            ),
        }
    build(
        root / "es",
        guide=ES_GUIDE,
        sources=None,
        glossary=es_glossary,
        comparison=es_comparison,
        outcomes=es_outcomes,
        articles=es_articles,
    )
    return root


def check(root: Path) -> tuple[int, str]:
    out = io.StringIO()
    code = run_check(root, out=out)
    return code, out.getvalue()


def test_a_complete_tree_loads_with_the_shared_bibliography_and_nothing_falls_back(tmp_path):
    root = tree(tmp_path)
    assert available_languages(root) == ["en", "es"]
    es = load_language(root, "es")
    assert [str(p) for p in es.guide.problems] == []
    assert es.fallbacks == ()
    assert set(es.guide.sources) == {"src-a"}
    assert es.guide.articles["one"].title == "Artículo uno, 3 pasos"
    assert es.guide.sections[0].title == "Empiece aquí"
    assert missing_pieces(es.english, es.own) == []
    assert number_mismatches(es.english, es.own) == []
    code, text = check(root)
    assert code == 0, text
    assert "Spanish (es/):" in text
    assert "nothing missing against the English; every number as in the English" in text
    assert text.rstrip().endswith("All 2 languages: 4 articles, 0 errors, 0 warnings")


def test_only_two_letter_folders_with_a_guide_are_languages(tmp_path):
    root = tree(tmp_path)
    (root / "fr").mkdir()  # no guide.yaml
    (root / "deu").mkdir()
    (root / "deu" / "guide.yaml").write_text("title: x\n")
    (root / "en").mkdir()
    (root / "en" / "guide.yaml").write_text("title: x\n")
    assert available_languages(root) == ["en", "es"]
    assert available_languages(tmp_path / "nowhere") == ["en"]
    with pytest.raises(ValueError):
        load_language(root, "../x")


def test_a_language_folder_linked_from_outside_is_not_read(tmp_path):
    root = build(tmp_path / "content")
    outside = build(tmp_path / "elsewhere", guide=ES_GUIDE, sources=None)
    (root / "es").symlink_to(outside, target_is_directory=True)
    assert available_languages(root) == ["en"]
    (root / "inside").mkdir()
    build(root / "inside", guide=ES_GUIDE, sources=None)
    (root / "fr").symlink_to(root / "inside", target_is_directory=True)
    assert available_languages(root) == ["en", "fr"]


def test_english_is_its_own_language_with_nothing_falling_back(tmp_path):
    root = tree(tmp_path)
    en = load_language(root, "en")
    assert en.guide is en.english is en.own
    assert en.fallbacks == () and en.notice == ""
    assert en.guide.articles["one"].title == "Article one, 3 steps"


def test_a_missing_article_cell_term_and_dataset_fall_back_to_english_and_are_reported(tmp_path):
    comparison = ES_COMPARISON.replace(
        "  relief:\n    one:\n      text: 54 de cada 100 se sintieron mejor.\n      sources: [src-a]\n",
        "",
    )
    root = tree(
        tmp_path,
        es_articles={"one.md": es_article(ES_BODY + "\nVea [el artículo dos](two).\n")},
        es_glossary=ES_GLOSSARY.split("- id: disc")[0],
        es_comparison=comparison,
        es_outcomes=None,
    )
    es = load_language(root, "es")
    assert set(es.fallbacks) == {
        Fallback("article", "two"),
        Fallback("cell", cell_id("relief", "one")),
        Fallback("term", "disc"),
        Fallback("outcome", "one-relief"),
    }
    assert es.falls_back("article", "two") and not es.falls_back("article", "one")
    assert es.notice == FALLBACK_NOTICES["es"]
    assert es.notice == "Esta parte aún no está en español; se muestra en inglés."
    # The English pieces are there, in English; the Spanish ones in Spanish.
    assert es.guide.articles["two"].title == "Article two"
    assert es.guide.articles["two"].path == "../articles/two.md"
    assert es.guide.comparison.cell("relief", "one").text == "54 in 100 felt better."
    assert es.guide.comparison.cell("cost", "one").text == "Cerca de $574 por inyección."
    assert es.guide.glossary["disc"].definition == "A soft cushion between two bones."
    assert es.guide.outcomes["one-relief"].measure == "had at least half of their pain go away"
    assert [a.id for a in es.guide.articles_in("start")] == ["one", "two"]

    code, text = check(root)
    lines = text.splitlines()
    assert (
        "es/articles/two.md: warning: article 'two' has no Spanish version; the English is shown"
        in lines
    )
    assert (
        "es/comparison.yaml: warning: cell (row/option) 'relief/one' has no Spanish version; the English is shown"
        in lines
    )
    assert (
        "es/glossary.yaml: warning: glossary term 'disc' has no Spanish version; the English is shown"
        in lines
    )
    assert (
        "es/outcomes.yaml: warning: outcome dataset 'one-relief' has no Spanish version; the English is shown"
        in lines
    )
    assert (
        "Spanish: 1 article, 0 errors, 4 warnings; 4 pieces missing or extra against the English"
        in text
    )
    assert code == 0


def test_pieces_only_the_spanish_has_are_reported(tmp_path):
    root = tree(tmp_path)
    extra = article(
        "three", title="Artículo tres", order="3", body="# Tres {#three}\n\nPalabras.\n"
    )
    (root / "es" / "articles" / "three.md").write_text(extra)
    es = load_language(root, "es")
    found = [str(p) for p in missing_pieces(es.english, es.own)]
    assert found == [
        "articles/three.md: warning: article 'three' is not in the English guide; "
        "remove it or add it to the English"
    ]


def test_a_number_that_differs_is_reported_with_its_place(tmp_path):
    body = ES_BODY.replace("después de 3 meses", "después de 4 meses")
    outcomes = ES_OUTCOMES.replace("count: 54", "count: 45")
    root = tree(
        tmp_path,
        es_articles={
            "one.md": es_article(body, title="Artículo uno, 3 pasos"),
            "two.md": article("two", title="Artículo dos", order="2", body="# Dos {#two}\n"),
        },
        es_outcomes=outcomes,
        es_comparison=ES_COMPARISON.replace("$574", "$547"),
    )
    code, text = check(root)
    lines = text.splitlines()
    # The body starts on line 11 of the file; the changed number is on its line 3.
    assert (
        "es/articles/one.md:13: warning: the article text: numbers differ from the English "
        "(articles/one.md): here 4 (line 13) not in the English; "
        "the English has 3 (line 13) not here"
    ) in lines, text
    assert (
        "es/comparison.yaml:12: warning: cell cost/one: numbers differ from the English "
        "(comparison.yaml:12): here 547 (line 12) not in the English; the English has 574 not here"
    ) in lines, text
    assert (
        "es/outcomes.yaml:1: warning: outcome dataset 'one-relief' has count 45, but the "
        "English (outcomes.yaml:1) has 54; they must be the same"
    ) in lines, text
    assert "2 texts with numbers unlike the English" not in text  # 3: body, cell, count
    assert "3 texts with numbers unlike the English" in text
    assert code == 0


def test_numbers_in_link_targets_and_anchors_do_not_count_but_a_wrapped_100_does():
    assert numbers("see [Ghahreman](source:ghahreman-2010) {#in-2014}") == []
    assert numbers("about 54 of\n100) people") == ["100", "54"]
    assert numbers("1 in 10,000") == ["000", "1", "10"]


def test_headings_whose_anchors_differ_are_reported(tmp_path):
    body = ES_BODY.replace("{#what-can-go-wrong}", "{#que-puede-salir-mal}")
    root = tree(
        tmp_path,
        es_articles={
            "one.md": es_article(body),
            "two.md": article("two", title="Artículo dos", order="2", body="# Dos\n"),
        },
    )
    es = load_language(root, "es")
    found = [str(p) for p in missing_pieces(es.english, es.own)]
    assert (
        "articles/one.md:16: warning: heading 2 has anchor '#que-puede-salir-mal' (level 2), "
        "but the English heading there (articles/one.md:15) has '#what-can-go-wrong' (level 2); "
        "end the heading with {#what-can-go-wrong}"
    ) in found
    # "# Dos" has the anchor 'dos', not the English 'two'.
    assert any(
        p.startswith("articles/two.md:11: warning: heading 1 has anchor '#dos'") for p in found
    )


def test_bad_yaml_in_the_language_tree_names_the_real_file_and_the_rest_loads(tmp_path):
    root = tree(tmp_path, es_glossary="- id: nerve\n  term: [unclosed\n")
    code, text = check(root)
    assert re.search(r"^es/glossary\.yaml:\d+: .*not valid YAML", text, re.M), text
    es = load_language(root, "es")
    assert es.guide.articles["one"].title == "Artículo uno, 3 pasos"
    assert es.guide.comparison.cell("cost", "one").text == "Cerca de $574 por inyección."
    assert es.falls_back("term", "nerve")
    assert es.guide.glossary["nerve"].term == "nerve"
    assert code == 1


def test_the_shared_bibliography_problems_name_the_real_file_once(tmp_path):
    root = tree(tmp_path)
    (root / "sources.yaml").write_text("- id: src-a\n  title: [broken\n")
    es = load_language(root, "es")
    assert any(p.file == "../sources.yaml" for p in es.own.problems)
    code, text = check(root)
    assert re.search(r"^sources\.yaml:\d+: .*not valid YAML", text, re.M)
    assert "es/sources.yaml" not in text and "es/../sources.yaml" not in text
    assert code == 1


def test_a_hard_spanish_article_gets_an_inflesz_warning_and_no_english_grades(tmp_path):
    hard = (
        "# Encabezado uno {#heading-one}\n\n"
        + "La administración epidural de corticosteroides particulados proporciona "
        "únicamente beneficios transitorios, estadísticamente significativos aunque "
        "clínicamente irrelevantes, según metaanálisis internacionales contemporáneos, "
        "considerando heterogeneidad metodológica considerable. "
        * 3
        + "\n\n## Qué puede salir mal {#what-can-go-wrong}\n\nCerca de 54 de cada 100, "
        "3 meses, 1 en 10,000.\n"
    )
    root = tree(
        tmp_path,
        es_articles={
            "one.md": es_article(hard),
            "two.md": article("two", title="Artículo dos", order="2", body="# Dos {#two}\n"),
        },
    )
    code, text = check(root)
    spanish = text.split("Spanish (es/):", 1)[1]
    row = re.search(r"^\s+(-?\d+\.\d)\s+(\d+)\s+one\s+Artículo uno", spanish, re.M)
    assert row is not None, text
    assert float(row.group(1)) < 65
    assert re.search(
        r"^es/articles/one\.md: warning: reading ease \(INFLESZ\) -?\d+\.\d is below 65 \(\w[\w ]*\)",
        spanish,
        re.M,
    ), spanish
    assert "reading grade" not in spanish and "SMOG" not in spanish
    assert "Flesch" not in spanish
    assert code == 0
    # textstat's language is back to English for everyone else.
    import textstat

    assert textstat.flesch_reading_ease("The cat sat on the mat.") > 90


def test_a_folder_without_language_trees_prints_exactly_the_english_check(tmp_path):
    root = build(tmp_path / "c")
    code, text = check(root)
    assert "Spanish" not in text and "languages" not in text
    assert text.rstrip().endswith("1 article, 0 errors, 0 warnings")


_GARBAGE = st.one_of(
    st.binary(max_size=200),
    st.text(alphabet=string.printable + "áéíñ{}[]:-#\x00", max_size=200).map(str.encode),
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    guide=_GARBAGE,
    glossary=_GARBAGE,
    comparison=_GARBAGE,
    outcomes=_GARBAGE,
    body=_GARBAGE,
)
def test_a_garbage_language_tree_never_raises(
    tmp_path_factory, guide, glossary, comparison, outcomes, body
):
    root = build(
        tmp_path_factory.mktemp("g") / "content",
        glossary=EN_GLOSSARY,
        comparison=EN_COMPARISON,
        outcomes=EN_OUTCOMES,
        articles={"one.md": en_article()},
    )
    build(
        root / "es",
        guide=guide,
        sources=None,
        glossary=glossary,
        comparison=comparison,
        outcomes=outcomes,
        articles={"one.md": b"---\nid: one\n---\n" + body, "odd.md": body},
    )
    es = load_language(root, "es")
    assert set(es.guide.articles) >= {"one"}
    out = io.StringIO()
    run_check(root, out=out)
    assert "Traceback" not in out.getvalue()
    assert "could not be checked" not in out.getvalue()


# ----------------------------------------------------------------- the bundled guide


@pytest.fixture(scope="module")
def bundled_check() -> tuple[int, str]:
    out = io.StringIO()
    code = run_check(bundled_content_dir(), out=out)
    return code, out.getvalue()


def test_the_bundled_spanish_guide_is_complete_easy_and_has_the_english_numbers(bundled_check):
    code, text = bundled_check
    assert code == 0, text
    assert "es" in available_languages(bundled_content_dir())
    spanish = text.split("\nSpanish (es/):\n", 1)[1]
    summary = re.search(r"^Spanish: (\d+) articles, 0 errors, 0 warnings; (.*)$", spanish, re.M)
    assert summary is not None, spanish
    assert summary.group(2) == "nothing missing against the English; every number as in the English"
    english = load_guide(bundled_content_dir())
    assert int(summary.group(1)) == len(english.articles)
    rows = re.findall(r"^\s+(\d+\.\d)\s+\d+\s+(\S+)\s", spanish, re.M)
    assert {aid for _, aid in rows} == set(english.articles)
    assert all(float(score) >= 65 for score, _ in rows), rows
    assert text.rstrip().endswith(", 0 errors, 0 warnings")


def test_the_bundled_pairs_of_texts_have_the_same_numbers():
    es = load_language(bundled_content_dir(), "es")
    assert es.fallbacks == ()
    assert [str(p) for p in es.own.problems] == []
    assert [str(p) for p in missing_pieces(es.english, es.own)] == []
    assert [str(p) for p in number_mismatches(es.english, es.own)] == []
    assert all(p.severity is Severity.WARNING for p in number_mismatches(es.english, es.own))
