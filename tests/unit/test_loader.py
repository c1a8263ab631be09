"""load_guide: the fixture folders, then each problem kind on its own."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest

from spinetui.model import (
    OTHER_SECTION,
    Guide,
    Problem,
    Severity,
    bundled_content_dir,
    load_guide,
)
from tests.fixtures.content_builder import article, build

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
GOOD = FIXTURES / "good"
BROKEN = FIXTURES / "broken"


def find(guide: Guide, file: str, phrase: str) -> Problem:
    """The one problem about ``file`` whose message contains ``phrase``."""
    found = [p for p in guide.problems if p.file == file and phrase in p.message]
    assert len(found) == 1, f"{file}: {phrase!r} not found once in:\n" + "\n".join(
        map(str, guide.problems)
    )
    return found[0]


# --------------------------------------------------------------------------- good fixture


def test_good_fixture_loads_with_no_problems() -> None:
    guide = load_guide(GOOD)
    assert guide.problems == []
    assert guide.title == "Test guide (good)"
    assert guide.version == "2026.11"
    assert guide.reviewed == dt.date(2026, 11, 20)
    assert guide.home == "welcome"
    assert [s.id for s in guide.sections] == ["start", "treatments"]
    assert [a.id for a in guide.reading_order()] == ["welcome", "esi", "prp"]
    assert set(guide.sources) == {"cochrane-2020", "fda-2014"}
    assert set(guide.glossary) == {"epidural-space", "platelet"}
    assert guide.glossary["epidural-space"].forms == ("epidural space", "epidural")


def test_good_article_fields() -> None:
    esi = load_guide(GOOD).articles["esi"]
    assert esi.title == "Epidural steroid injections"
    assert esi.section == "treatments"
    assert esi.order == 10
    assert esi.reviewed == dt.date(2026, 11, 20)
    assert esi.sources == ("cochrane-2020", "fda-2014")
    assert esi.kind == "treatment"
    assert esi.path == "articles/esi.md"
    assert esi.body_line == 11
    assert esi.body.startswith("\n# Epidural steroid injections\n")
    assert [(h.level, h.text, h.anchor) for h in esi.headings] == [
        (1, "Epidural steroid injections", "epidural-steroid-injections"),
        (2, "What it is", "what-it-is"),
        (2, "Risks and side effects", "risks"),
    ]
    # source_line is 0-based within the body.
    assert esi.body.split("\n")[esi.headings[1].source_line] == "## What it is {#what-it-is}"


def test_good_comparison() -> None:
    table = load_guide(GOOD).comparison
    assert [t.id for t in table.treatments] == ["esi", "prp"]
    assert [a.id for a in table.attributes] == ["what-is-injected", "main-risks"]
    cell = table.cell("what-is-injected", "esi")
    assert cell is not None
    assert cell.sources == ("cochrane-2020",)
    assert cell.evidence == "moderate"
    assert table.cell("what-is-injected", "prp").evidence is None


def test_loading_is_deterministic() -> None:
    assert load_guide(GOOD) == load_guide(GOOD)


# --------------------------------------------------------------------------- broken fixture


@pytest.fixture(scope="module")
def broken() -> Guide:
    return load_guide(BROKEN)


def test_broken_fixture_good_articles_still_load(broken: Guide) -> None:
    assert {"good-one", "good-two", "crlf-bom", "escapes"} <= set(broken.articles)
    one = broken.articles["good-one"]
    assert one.title == "A good article"
    assert one.path == "articles/good-one.md"  # not the duplicate in zz-duplicate.md
    assert "[the other good one](good-two)" in one.body
    assert broken.articles["good-two"].anchors == {"another-good-article", "risks"}


def test_broken_fixture_left_out_articles(broken: Guide) -> None:
    for gone in ("bad-yaml", "missing-title", "latin1", "empty", "bomb"):
        assert gone not in broken.articles
    assert not any(a.path == "articles/zz-duplicate.md" for a in broken.articles.values())


@pytest.mark.parametrize(
    ("file", "line", "phrase", "severity"),
    [
        ("articles/bad-yaml.md", 4, "is not valid YAML", Severity.ERROR),
        ("articles/bad-yaml.md", 4, "the article is left out", Severity.ERROR),
        ("articles/missing-title.md", 2, "needs 'title'", Severity.ERROR),
        ("articles/missing-summary.md", 2, "needs 'summary'", Severity.ERROR),
        (
            "articles/bad-date.md",
            7,
            "'reviewed' must be a date like 2026-11-20, not 'last week'",
            Severity.ERROR,
        ),
        ("articles/zz-duplicate.md", 2, "already used by articles/good-one.md:2", Severity.ERROR),
        (
            "articles/unknown-section.md",
            4,
            "section 'nowhere' is not in guide.yaml",
            Severity.ERROR,
        ),
        ("articles/unknown-source.md", 8, "cites source 'made-up-source'", Severity.ERROR),
        ("articles/bad-links.md", 12, "no article with id 'no-such-article'", Severity.ERROR),
        (
            "articles/bad-links.md",
            13,
            "has no heading with anchor 'no-such-heading'",
            Severity.ERROR,
        ),
        ("articles/bad-links.md", 14, "links to '#nope'", Severity.ERROR),
        ("articles/latin1.md", 3, "is not valid UTF-8 text (byte 25)", Severity.ERROR),
        ("articles/empty.md", None, "is empty", Severity.ERROR),
        ("articles/bomb.md", 10, "would expand to more than", Severity.ERROR),
        ("guide.yaml", 4, "unknown field 'colour'", Severity.WARNING),
        (
            "guide.yaml",
            10,
            "section id 'start' is used twice (first at guide.yaml:6)",
            Severity.ERROR,
        ),
        (
            "sources.yaml",
            8,
            "source id 'real-source' is used twice (first at sources.yaml:1)",
            Severity.ERROR,
        ),
        ("sources.yaml", 20, "'checked' must be a date", Severity.ERROR),
        ("glossary.yaml", 4, "points to article 'no-such-article'", Severity.ERROR),
        ("glossary.yaml", 6, "needs 'definition'", Severity.ERROR),
        ("comparison.yaml", 7, "names article 'missing-article'", Severity.ERROR),
        ("comparison.yaml", 18, "has evidence 'superb'", Severity.ERROR),
        ("comparison.yaml", 20, "'cost' and 'ghost' has no sources", Severity.ERROR),
        ("comparison.yaml", 21, "treatment 'nobody', which is not in 'treatments'", Severity.ERROR),
        ("comparison.yaml", 24, "no cell for 'risks' and 'ghost'", Severity.WARNING),
        ("comparison.yaml", 27, "cites source 'not-a-source'", Severity.ERROR),
        (
            "comparison.yaml",
            28,
            "attribute 'flavour', which is not in 'attributes'",
            Severity.ERROR,
        ),
    ],
)
def test_broken_fixture_problem(
    broken: Guide, file: str, line: int | None, phrase: str, severity: Severity
) -> None:
    problem = find(broken, file, phrase)
    assert problem.line == line
    assert problem.severity is severity


def test_broken_fixture_unknown_section_goes_to_other(broken: Guide) -> None:
    assert broken.sections[-1] == OTHER_SECTION
    assert [a.id for a in broken.articles_in(OTHER_SECTION.id)] == ["unknown-section"]
    assert broken.articles["unknown-source"].sources == ("real-source",)


def test_broken_fixture_bom_and_crlf_load_fine(broken: Guide) -> None:
    assert not [p for p in broken.problems if p.file == "articles/crlf-bom.md"]
    page = broken.articles["crlf-bom"]
    assert page.title == "Saved on Windows"
    assert "\r" not in page.body
    assert page.body_line == 9
    assert page.anchors == {"saved-on-windows", "details"}


def test_broken_fixture_escapes_are_cleaned(broken: Guide) -> None:
    page = broken.articles["escapes"]
    assert page.title == "Safe title"  # written as YAML escapes \e]0;...\a and \e[2J
    assert page.summary == "Control characters  are removed"  # \x9b31m
    assert "\x1b" not in page.body and "\x7f" not in page.body and "\x00" not in page.body
    assert "Clipboard  attack" in page.body
    assert page.headings[0].text == "Escapes here"


def test_broken_fixture_problems_are_sorted(broken: Guide) -> None:
    keys = [(p.file, p.line or 0) for p in broken.problems]
    assert keys == sorted(keys)


def test_broken_fixture_symlink_outside_is_refused(tmp_path: Path) -> None:
    root = tmp_path / "broken"
    shutil.copytree(BROKEN, root)
    secret = tmp_path / "secret.md"
    secret.write_text(article("secret", title="Secret"))
    (root / "articles" / "outside.md").symlink_to(secret)
    guide = load_guide(root)
    assert "secret" not in guide.articles
    find(guide, "articles/outside.md", "outside the content folder")
    assert "good-one" in guide.articles


# --------------------------------------------------------------------------- one kind at a time


def load(tmp_path: Path, **kwargs) -> Guide:
    return load_guide(build(tmp_path / "content", **kwargs))


def test_built_guide_is_clean(tmp_path: Path) -> None:
    guide = load(tmp_path)
    assert guide.problems == []
    assert list(guide.articles) == ["one"]


def test_front_matter_yaml_error(tmp_path: Path) -> None:
    text = "---\nid: one\ntitle: 'unclosed\nsection: start\n---\nBody\n"
    guide = load(tmp_path, articles={"one.md": text}, comparison=None)
    problem = find(guide, "articles/one.md", "is not valid YAML")
    assert problem.line is not None and problem.line >= 3
    assert "one" not in guide.articles


def test_missing_front_matter(tmp_path: Path) -> None:
    guide = load(tmp_path, articles={"one.md": "# Just Markdown\n"}, comparison=None)
    assert find(guide, "articles/one.md", "must start with a '---' line").line == 1


def test_unclosed_front_matter(tmp_path: Path) -> None:
    guide = load(tmp_path, articles={"one.md": "---\nid: one\n\n# Body\n"}, comparison=None)
    find(guide, "articles/one.md", "no closing '---' line")


def test_front_matter_not_a_mapping(tmp_path: Path) -> None:
    guide = load(tmp_path, articles={"one.md": "---\n- a\n- b\n---\nBody\n"}, comparison=None)
    assert find(guide, "articles/one.md", "must be 'field: value' lines").line == 2


@pytest.mark.parametrize(
    ("extra", "field", "line", "phrase"),
    [
        ({"title": None}, "title", 2, "needs 'title'"),
        ({"title": "''"}, "title", 2, "needs 'title'"),
        ({"section": None}, "section", 2, "needs 'section'"),
        ({"order": "first"}, "order", 5, "'order' must be a number, not 'first'"),
        ({"order": None}, "order", 2, "needs 'order'"),
        ({"summary": "[a, b]"}, "summary", 6, "'summary' must be text, not a list"),
        (
            {"reviewed": "last week"},
            "reviewed",
            7,
            "must be a date like 2026-11-20, not 'last week'",
        ),
        ({"reviewed": "2026-13-45"}, "reviewed", 7, "not '2026-13-45'"),
        ({"reviewed": "20/11/2026"}, "reviewed", 7, "not '20/11/2026'"),
        ({"sources": "src-a"}, "sources", 8, "'sources' must be a list like [src-a]"),
        ({"sources": "{a: b}"}, "sources", 8, "'sources' must be a list of ids"),
        ({"sources": "[src-a, 3]"}, "sources", 8, "must list ids, but has '3'"),
    ],
)
def test_article_field_problems(
    tmp_path: Path, extra: dict, field: str, line: int, phrase: str
) -> None:
    guide = load(tmp_path, articles={"one.md": article(**extra)})
    problem = find(guide, "articles/one.md", phrase)
    assert problem.line == line
    assert problem.field == field
    assert problem.severity is Severity.ERROR


@pytest.mark.parametrize("bad_id", ["Esi", "esi_2", "-esi", "'esi page'", "12", "yes"])
def test_bad_article_id_leaves_article_out(tmp_path: Path, bad_id: str) -> None:
    guide = load(tmp_path, articles={"one.md": article(bad_id)}, comparison=None)
    assert find(guide, "articles/one.md", "'id' must be lowercase letters").line == 2
    assert find(guide, "articles/one.md", "is left out").line == 2
    assert guide.articles == {}


def test_quoted_number_id_is_fine(tmp_path: Path) -> None:
    guide = load(tmp_path, articles={"one.md": article("'2024'")}, comparison=None)
    assert list(guide.articles) == ["2024"]


def test_dates_as_strings_and_datetimes_are_accepted(tmp_path: Path) -> None:
    articles = {
        "a.md": article("a", reviewed="'2026-11-20'"),
        "b.md": article("b", reviewed="2026-11-20 10:30:00"),
    }
    guide = load(tmp_path, articles=articles, comparison=None)
    assert guide.errors == []
    assert guide.articles["a"].reviewed == guide.articles["b"].reviewed == dt.date(2026, 11, 20)


def test_unknown_field_and_kind_are_warnings(tmp_path: Path) -> None:
    text = article(extra="layout: wide\nkind: recipe")
    guide = load(tmp_path, articles={"one.md": text})
    assert find(guide, "articles/one.md", "unknown field 'layout'").severity is Severity.WARNING
    assert find(guide, "articles/one.md", "'kind' must be one of").line == 10
    assert guide.articles["one"].kind == "info"


def test_duplicate_yaml_key_is_a_warning(tmp_path: Path) -> None:
    text = article(extra="title: Again")
    guide = load(tmp_path, articles={"one.md": text})
    problem = find(guide, "articles/one.md", "'title' is given twice (also on line 3)")
    assert problem.line == 9
    assert guide.articles["one"].title == "Again"


def test_duplicate_article_id(tmp_path: Path) -> None:
    articles = {"a.md": article("one", title="First"), "b.md": article("one", title="Second")}
    guide = load(tmp_path, articles=articles)
    problem = find(guide, "articles/b.md", "article id 'one' is already used by articles/a.md:2")
    assert problem.line == 2
    assert guide.articles["one"].title == "First"


def test_unknown_section_goes_to_other(tmp_path: Path) -> None:
    guide = load(tmp_path, articles={"one.md": article(section="nowhere")})
    problem = find(guide, "articles/one.md", "section 'nowhere' is not in guide.yaml")
    assert problem.line == 4
    assert guide.articles["one"].section == OTHER_SECTION.id
    assert guide.sections[-1] == OTHER_SECTION
    assert [a.id for a in guide.reading_order()] == ["one"]


def test_close_misspelling_gets_a_hint(tmp_path: Path) -> None:
    guide = load(tmp_path, articles={"one.md": article(section="treatment")})
    assert "did you mean 'treatments'?" in find(guide, "articles/one.md", "section").message


def test_unknown_source(tmp_path: Path) -> None:
    guide = load(tmp_path, articles={"one.md": article(sources="[src-a, src-b]")})
    assert find(guide, "articles/one.md", "cites source 'src-b'").line == 8
    assert guide.articles["one"].sources == ("src-a",)


@pytest.mark.parametrize(
    ("body", "line", "phrase"),
    [
        ("[x](two)\n", 11, "no article with id 'two'"),
        ("Text.\n\n[x](one#nope)\n", 13, "article 'one' has no heading with anchor 'nope'"),
        ("[x](#nope)\n", 11, "links to '#nope', but this article has no heading"),
        ("* item [x](two.md)\n", 11, "link with the article's id, not its file name"),
        ("> [x](source:src-z)\n", 11, "links to source 'src-z'"),
        ("[x](glossary:nerves)\n", 11, "links to glossary term 'nerves'"),
        ("[x]()\n", 11, "has a link with no target"),
        ("[ref]: two\n", 11, "no article with id 'two'"),
        # Line 11, where the link's "[" is, not 12 where its "](" is: markdown-it, and so
        # the reader, puts a link whose text breaks across lines on its first line.
        ("A [multi\nline](two) link\n", 11, "no article with id 'two'"),
    ],
)
def test_bad_links(tmp_path: Path, body: str, line: int, phrase: str) -> None:
    guide = load(tmp_path, articles={"one.md": article(body=body)})
    problem = find(guide, "articles/one.md", phrase)
    assert problem.line == line
    assert "one" in guide.articles  # the article is kept


def test_good_links_are_not_reported(tmp_path: Path) -> None:
    body = (
        "# Start {#top}\n\n## Über uns\n\n## Risks\n\n## Risks\n\n"
        "[a](#top) [b](one#risks-1) [c](#%C3%BCber-uns) [d](https://example.org)\n"
        "[e](mailto:x@example.org) [f](source:src-a) [g](glossary:nerve) [h](<#risks>)\n"
        "![an image](picture.png) `[code](nowhere)` \\[not](a-link)\n\n"
        "```\n[in a fence](nowhere)\n```\n\n    [indented code](nowhere)\n"
    )
    guide = load(tmp_path, articles={"one.md": article(body=body)})
    assert guide.problems == []


def test_non_utf8(tmp_path: Path) -> None:
    data = article().encode() + "caf\u00e9\n".encode("latin-1")
    guide = load(tmp_path, articles={"one.md": data}, comparison=None)
    problem = find(guide, "articles/one.md", "is not valid UTF-8 text (byte")
    assert problem.line == 14
    assert guide.articles == {}


def test_utf16_is_not_utf8(tmp_path: Path) -> None:
    guide = load(tmp_path, articles={"one.md": article().encode("utf-16")}, comparison=None)
    assert find(guide, "articles/one.md", "is not valid UTF-8 text (byte 0)").line == 1


@pytest.mark.parametrize("content", [b"", b"  \n\n", b"\xef\xbb\xbf"])
def test_empty_article(tmp_path: Path, content: bytes) -> None:
    guide = load(tmp_path, articles={"one.md": content}, comparison=None)
    assert find(guide, "articles/one.md", "is empty").severity is Severity.ERROR


def test_bom_and_crlf(tmp_path: Path) -> None:
    data = b"\xef\xbb\xbf" + article(body="# Hi\n\n[x](#hi)\n").replace("\n", "\r\n").encode()
    guide = load(tmp_path, articles={"one.md": data})
    assert guide.problems == []
    assert guide.articles["one"].body == "\n# Hi\n\n[x](#hi)\n"


def test_lone_cr_line_endings(tmp_path: Path) -> None:
    guide = load(tmp_path, articles={"one.md": article().replace("\n", "\r")})
    assert guide.problems == []


def test_control_characters_in_every_kind_of_text(tmp_path: Path) -> None:
    guide = load(
        tmp_path,
        articles={"one.md": article(title='"One\\e[2J\\x9b"', body="# A\x1b]0;x\x07B\n")},
        glossary='- id: nerve\n  term: "ner\\x07ve"\n  definition: "D\\e[1m"\n  aliases: ["n\\x00"]\n',
        sources=(
            '- id: src-a\n  organisation: "Org\\e]52;c;x\\a"\n  year: 2020\n'
            "  title: T\x7f\n  url: https://e.org\n  checked: 2026-11-20\n"
        ),
    )
    assert guide.problems == []
    assert guide.articles["one"].title == "One"
    assert guide.articles["one"].headings[0].text == "AB"
    assert guide.glossary["nerve"].forms == ("nerve", "n")
    assert guide.glossary["nerve"].definition == "D"
    assert guide.sources["src-a"].organisation == "Org"
    assert guide.sources["src-a"].title == "T"


def test_yaml_keys_are_cleaned_too(tmp_path: Path) -> None:
    guide = load(tmp_path, articles={"one.md": article(extra='"ki\\e[1mnd": treatment')})
    assert guide.problems == []
    assert guide.articles["one"].kind == "treatment"


def test_alias_bomb_in_glossary(tmp_path: Path) -> None:
    rows = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        rows.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    bomb = "- id: nerve\n  term: nerve\n  definition: x\n  junk:\n" + "".join(
        f"    {r}\n" for r in rows
    )
    guide = load(tmp_path, glossary=bomb)
    find(guide, "glossary.yaml", "would expand to more than")
    assert guide.glossary == {}
    assert "one" in guide.articles


def test_many_aliases_are_refused(tmp_path: Path) -> None:
    text = (
        "- id: nerve\n  term: nerve\n  definition: &d x\n  junk: ["
        + ",".join(["*d"] * 1500)
        + "]\n"
    )
    guide = load(tmp_path, glossary=text)
    find(guide, "glossary.yaml", "uses more than 1000 YAML aliases")


def test_a_few_aliases_are_fine(tmp_path: Path) -> None:
    text = (
        "- &base\n  id: nerve\n  term: nerve\n  definition: A cord.\n"
        "- <<: *base\n  id: nerves\n  term: nerves\n"
    )
    guide = load(tmp_path, glossary=text)
    assert guide.problems == []
    assert guide.glossary["nerves"].definition == "A cord."


def test_self_referencing_anchor(tmp_path: Path) -> None:
    guide = load(tmp_path, glossary="- &x [*x]\n")
    find(guide, "glossary.yaml", "refers to itself")


@pytest.mark.parametrize(
    "text", ["[" * 100_000 + "]" * 100_000, "- " * 100_000 + "x", " " * 500 + "a: 1\n"]
)
def test_deep_nesting_is_refused_without_crashing(tmp_path: Path, text: str) -> None:
    guide = load(tmp_path, sources=text.encode())
    find(guide, "sources.yaml", "too deeply")


def test_large_files_are_refused(tmp_path: Path) -> None:
    huge = "- id: x\n  note: " + "a" * (2 * 1024 * 1024) + "\n"
    guide = load(tmp_path, sources=huge)
    assert find(guide, "sources.yaml", "is too large").line is None


def test_folder_named_md(tmp_path: Path) -> None:
    root = build(tmp_path / "content")
    (root / "articles" / "folder.md").mkdir()
    guide = load_guide(root)
    find(guide, "articles/folder.md", "is a folder, not a file")
    assert "one" in guide.articles


def test_other_files_in_articles_are_noted(tmp_path: Path) -> None:
    root = build(tmp_path / "content")
    (root / "articles" / "notes.txt").write_text("hello")
    (root / "articles" / ".DS_Store").write_bytes(b"\x00")
    guide = load_guide(root)
    assert find(guide, "articles/notes.txt", "only .md files").severity is Severity.WARNING
    assert len(guide.problems) == 1


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(tmp_path: Path) -> None:
    root = build(tmp_path / "content")
    path = root / "articles" / "one.md"
    path.chmod(0)
    try:
        guide = load_guide(root)
    finally:
        path.chmod(0o644)
    find(guide, "articles/one.md", "permission denied")


def test_symlinks(tmp_path: Path) -> None:
    root = build(tmp_path / "content", comparison=None)
    folder = root / "articles"
    outside = tmp_path / "outside.md"
    outside.write_text(article("outside"))
    (root / "shared.md").write_text(article("shared", title="Shared"))
    (folder / "a-inside.md").symlink_to(root / "shared.md")
    (folder / "b-outside.md").symlink_to(outside)
    (folder / "c-dangling.md").symlink_to(tmp_path / "nothing.md")
    (folder / "d-loop.md").symlink_to(folder / "e-loop.md")
    (folder / "e-loop.md").symlink_to(folder / "d-loop.md")
    (folder / "f-relative-escape.md").symlink_to("../../outside.md")
    guide = load_guide(root)
    assert set(guide.articles) == {"one", "shared"}
    find(guide, "articles/b-outside.md", "outside the content folder")
    find(guide, "articles/c-dangling.md", "does not exist")
    find(guide, "articles/d-loop.md", "loops back on itself")
    find(guide, "articles/e-loop.md", "loops back on itself")
    find(guide, "articles/f-relative-escape.md", "outside the content folder")


def test_articles_folder_symlinked_outside(tmp_path: Path) -> None:
    root = build(tmp_path / "content", articles={}, comparison=None)
    (root / "articles").rmdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "x.md").write_text(article("x"))
    (root / "articles").symlink_to(elsewhere)
    guide = load_guide(root)
    assert guide.articles == {}
    find(guide, "articles", "outside the content folder")


def test_content_root_may_itself_be_a_symlink(tmp_path: Path) -> None:
    real = build(tmp_path / "real")
    link = tmp_path / "link"
    link.symlink_to(real)
    guide = load_guide(link)
    assert guide.problems == []


def test_unexpected_exception_becomes_a_problem(tmp_path: Path, monkeypatch) -> None:
    import spinetui.model.loader as loader

    def boom(body: str):
        raise ValueError("scanner exploded")

    monkeypatch.setattr(loader, "scan_body", boom)
    guide = load(tmp_path)
    problem = find(guide, "articles/one.md", "could not be read: ValueError: scanner exploded")
    assert problem.severity is Severity.ERROR


# --------------------------------------------------------------------------- guide.yaml


@pytest.mark.parametrize("guide_text", [None, "title: [oops\n", "- just\n- a list\n", b"\xff\xfe"])
def test_missing_or_broken_guide_yaml_still_gives_a_guide(tmp_path: Path, guide_text) -> None:
    articles = {"a.md": article("a", section="treatments"), "b.md": article("b", section="start")}
    guide = load(tmp_path, guide=guide_text, articles=articles, comparison=None)
    assert guide.title == "Untitled guide"
    assert [s.id for s in guide.sections] == ["treatments", "start"]
    assert guide.sections[1].title == "Start"
    assert set(guide.articles) == {"a", "b"}
    assert [p for p in guide.problems if p.file == "guide.yaml"]
    assert guide.errors


def test_guide_yaml_problems(tmp_path: Path) -> None:
    text = (
        "title: G\nversion: 2026.10\nreviewed: soon\nhome: nowhere\nextra: 1\n"
        "sections:\n  - id: start\n    title: Start\n  - id: Bad Id\n    title: X\n  - just text\n"
    )
    guide = load(tmp_path, guide=text)
    assert find(guide, "guide.yaml", "'version' should be in quotes").line == 2
    assert find(guide, "guide.yaml", "'reviewed' must be a date").line == 3
    assert find(guide, "guide.yaml", "'home' is 'nowhere'").line == 4
    assert find(guide, "guide.yaml", "unknown field 'extra'").line == 5
    assert find(guide, "guide.yaml", "'id' must be lowercase").line == 9
    assert find(guide, "guide.yaml", "each section needs an id and a title").line == 11
    assert guide.home is None
    assert [s.id for s in guide.sections] == ["start"]


def test_guide_without_sections(tmp_path: Path) -> None:
    guide = load(tmp_path, guide="title: G\n")
    find(guide, "guide.yaml", "needs 'sections'")
    assert [s.id for s in guide.sections] == ["start"]  # derived from the articles


def test_missing_content_folder(tmp_path: Path) -> None:
    guide = load_guide(tmp_path / "nope")
    assert guide.articles == {}
    assert "does not exist" in guide.problems[0].message


def test_missing_optional_files_are_warnings(tmp_path: Path) -> None:
    guide = load(
        tmp_path,
        sources=None,
        glossary=None,
        comparison=None,
        articles={"one.md": article(sources="[]")},
    )
    assert {(p.file, p.severity) for p in guide.problems} == {
        ("sources.yaml", Severity.WARNING),
        ("glossary.yaml", Severity.WARNING),
        ("comparison.yaml", Severity.WARNING),
    }


# --------------------------------------------------------------------------- sources, glossary


def test_source_problems(tmp_path: Path) -> None:
    text = (
        "- id: src-a\n  year: 2020\n  title: A\n  checked: 2026-11-20\n"  # no authors/organisation
        "- id: src-b\n  organisation: O\n  title: B\n  checked: 2026-11-20\n  url: www.x.org\n"
        "- id: src-c\n  organisation: O\n  year: 2020\n  checked: 2026-11-20\n"  # no title
        "- just text\n"
    )
    guide = load(tmp_path, sources=text)
    assert find(guide, "sources.yaml", "needs 'authors' or 'organisation'").line == 1
    assert find(guide, "sources.yaml", "needs 'year'").line == 5
    assert find(guide, "sources.yaml", "should start with https://").line == 9
    assert find(guide, "sources.yaml", "needs 'title'").line == 10
    assert find(guide, "sources.yaml", "each source must be a group of fields").line == 14
    assert set(guide.sources) == {"src-a", "src-b"}


def test_glossary_problems(tmp_path: Path) -> None:
    text = (
        "- id: nerve\n  term: nerve\n  definition: A cord.\n  article: nowhere\n"
        "- id: nerve\n  term: nerve again\n  definition: Twice.\n"
        "- id: nerves\n  term: Nerve\n  definition: Same form.\n"
    )
    guide = load(tmp_path, glossary=text)
    assert find(guide, "glossary.yaml", "points to article 'nowhere'").line == 4
    assert find(guide, "glossary.yaml", "glossary id 'nerve' is used twice").line == 5
    form = find(guide, "glossary.yaml", "'Nerve' is a form of both 'nerve' and 'nerves'")
    assert form.severity is Severity.WARNING
    assert guide.glossary["nerve"].article is None
    assert guide.glossary["nerve"].definition == "A cord."


def test_sources_file_not_a_list(tmp_path: Path) -> None:
    guide = load(tmp_path, sources="src-a: Source A\n", articles={"one.md": article(sources="[]")})
    find(guide, "sources.yaml", "must be a list of sources")


# --------------------------------------------------------------------------- comparison


def test_comparison_problems(tmp_path: Path) -> None:
    text = (
        "treatments:\n"
        "  - id: one\n    name: One\n    article: one\n"  # 2
        "  - id: two\n    name: Two\n    article: ghost\n"  # 5
        "  - id: one\n    name: One again\n"  # 8
        "attributes:\n"
        "  - id: cost\n    label: Cost\n    anchor: no-heading\n"  # 11
        "  - id: risk\n    label: Risk\n"  # 14
        "cells:\n"  # 16
        "  cost:\n"  # 17
        "    one: {text: Money, sources: [src-a], evidence: great}\n"  # 18
        "    two: {text: Money, sources: [src-x]}\n"  # 19
        "    three: {text: Money, sources: [src-a]}\n"  # 20
        "  risk:\n"  # 21
        "    one: Plain text with no sources\n"  # 22
        "  flavour:\n"  # 23
        "    one: {text: Sweet, sources: [src-a]}\n"
    )
    guide = load(tmp_path, comparison=text)
    p = "comparison.yaml"
    assert find(guide, p, "names article 'ghost'").line == 7
    assert find(guide, p, "treatment id 'one' is used twice").line == 8
    anchor = find(guide, p, "points at heading 'no-heading'")
    assert (anchor.line, anchor.severity) == (13, Severity.WARNING)
    assert find(guide, p, "has evidence 'great'").line == 18
    assert find(guide, p, "cites source 'src-x'").line == 19
    assert find(guide, p, "treatment 'three', which is not in 'treatments'").line == 20
    assert find(guide, p, "'risk' and 'one' has no sources").line == 22
    assert find(guide, p, "attribute 'flavour'").line == 23
    missing = find(guide, p, "no cell for 'risk' and 'two'")
    assert (missing.line, missing.severity) == (21, Severity.WARNING)
    table = guide.comparison
    assert [t.id for t in table.treatments] == ["one", "two"]
    assert table.treatments[1].article is None
    assert table.cell("cost", "one").evidence is None
    assert table.cell("cost", "two").sources == ()
    assert table.cell("risk", "one").text == "Plain text with no sources"


# --------------------------------------------------------------------------- bundled content


def test_bundled_content_dir_is_the_checkout_content() -> None:
    folder = bundled_content_dir()
    assert folder.is_dir()
    assert folder.name in {"content", "bundled_content"}


def test_bundled_content_loads_without_crashing() -> None:
    guide = load_guide(bundled_content_dir())
    assert guide.articles


def test_articles_by_section_is_each_sections_articles_in():
    """The contents and the reading order take every section's articles in one pass."""

    from tests.conftest import BUNDLED

    guide = load_guide(BUNDLED)
    first = next(iter(guide.articles.values()))
    # Ties on order and title keep the folder's order, as articles_in's sort does.
    twins = {f"twin-{n}": first._replace(id=f"twin-{n}", order=1.0, title="Same") for n in range(3)}
    guide.articles.update(twins)
    by_section = guide.articles_by_section()
    for section_id in {s.id for s in guide.sections} | set(by_section):
        assert by_section.get(section_id, []) == guide.articles_in(section_id)
    assert guide.reading_order() == [a for s in guide.sections for a in guide.articles_in(s.id)]
