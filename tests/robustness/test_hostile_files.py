"""Hostile and broken files: huge, long, deep, wide, binary, mis-encoded, empty,
alias bombs, symbolic links, duplicate and missing ids, file names with controls.

Each test builds a small content folder in tmp_path and checks: the app starts, the
good article is readable, what can be shown is shown, and the problem (if the content
has one) is reported, in guide.problems and on the problems screen.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from rich.cells import cell_len

from spinetui.app import SpineApp
from spinetui.components.article.article_view import ArticleView
from spinetui.components.problems_screen import ProblemsScreen
from spinetui.model import Guide, Problem, load_guide
from spinetui.model.loader import MAX_ARTICLE_BYTES
from spinetui.render.blocks import Paragraph
from spinetui.services import Services
from tests.fixtures.content_builder import COMPARISON, GLOSSARY, GUIDE, SOURCES, article, build
from tests.functional.helpers import visible_text
from tests.robustness.helpers import assert_no_controls, screen_lines, screen_text
from tests.robustness.hostile import GOOD_ARTICLE, read_good_article

SIZE = (100, 30)


def guide_with(tmp_path: Path, articles: dict[str, str | bytes], **files) -> Guide:
    root = build(tmp_path / "guide", articles={"good.md": GOOD_ARTICLE, **articles}, **files)
    return load_guide(root)


def reported(guide: Guide, file: str, phrase: str, line: int | None = None) -> Problem:
    found = [p for p in guide.problems if p.file == file and phrase in p.message]
    assert found, f"no problem '{phrase}' for {file}: {[str(p) for p in guide.problems]}"
    if line is not None:
        assert found[0].line == line, found[0]
    return found[0]


def is_listed(row: tuple[str, str, str], rows: list[tuple[str, str, str]]) -> bool:
    """The problems screen lists the message followed by what to do (model/advice.py)."""
    file, line, message = row
    return any(r[0] == file and r[1] == line and r[2].startswith(message) for r in rows)


async def problems_listed(app, pilot) -> list[tuple[str, str, str]]:
    """Open the problems screen with '!' and read its rows; close it again."""
    await pilot.press("exclamation_mark")
    await pilot.pause()
    assert isinstance(app.screen, ProblemsScreen)
    rows = list(app.screen.rows)
    assert_no_controls(app)
    await pilot.press("escape")
    await pilot.pause()
    return rows


async def check_app(
    guide: Guide,
    *,
    article_id: str | None = None,
    words: tuple[str, ...] = (),
    problem: Problem | None = None,
    size: tuple[int, int] = SIZE,
) -> SpineApp:
    """Start the app; read ``article_id`` (expecting ``words``), the good article and,
    when given, find ``problem`` on the problems screen."""
    app = SpineApp(Services(guide), start_article=article_id)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        if article_id is not None:
            view = app.screen.query_one(ArticleView)
            assert view.article_id == article_id
            text = visible_text(view)
            for word in words:
                assert word in text, (word, text)
            for line in screen_lines(app):
                assert cell_len(line) <= size[0]
        assert_no_controls(app)
        if problem is not None:
            rows = await problems_listed(app, pilot)
            severity = "" if problem.severity.value == "error" else "warning: "
            assert is_listed(
                (problem.file, str(problem.line or ""), severity + problem.message), rows
            )
        await read_good_article(app, pilot)
    return app


# ------------------------------------------------------------------------ size


def big_body(size: int) -> str:
    words = ("spine nerve shot back pain relief " * 30).strip()
    paragraph = "\n".join([words] * 5) + "\n\n"
    parts = ["# Big\n\nFIRSTWORDS of the big article.\n\n"]
    total = i = 0
    while total < size:
        extra = ""
        if i % 20 == 0:
            extra = f"## Part {i}\n\n- a point about part {i}\n- another\n\n| a | b |\n|---|---|\n| {i} | x |\n\n"
        parts.append(extra + paragraph)
        total += len(extra) + len(paragraph)
        i += 1
    return "".join(parts) + "LASTWORDS of the big article.\n"


async def test_a_5_mb_article_opens_and_its_first_screen_appears(tmp_path):
    guide = guide_with(tmp_path, {"big.md": article("big", order="2", body=big_body(5 << 20))})
    body = guide.articles["big"].body
    assert 5 << 20 < len(body.encode()) < MAX_ARTICLE_BYTES
    assert not [p for p in guide.problems if p.file == "articles/big.md"]
    app = SpineApp(Services(guide), start_article="big")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        assert "FIRSTWORDS of the big article." in visible_text(view)
        # End lays out all 5 MB (in steps, the screen answering meanwhile) to find the
        # end, not an estimate of it.
        await pilot.press("end")
        for _ in range(6000):
            if "LASTWORDS of the big article." in visible_text(view):
                break
            await pilot.pause(0.01)
        assert "LASTWORDS of the big article." in visible_text(view)
        await pilot.press("home")
        await pilot.pause()
        assert "FIRSTWORDS" in visible_text(view)
        await read_good_article(app, pilot)


async def test_an_article_over_the_8_mb_limit_is_left_out_and_reported(tmp_path):
    big = article("big", body=big_body(MAX_ARTICLE_BYTES + 1024))
    guide = guide_with(tmp_path, {"big.md": big})
    assert "big" not in guide.articles
    problem = reported(guide, "articles/big.md", "is too large")
    assert "the limit is 8.0 MB" in problem.message
    await check_app(guide, problem=problem)


async def test_a_100000_character_line_title_and_heading_with_no_spaces(tmp_path):
    long = "x" * 100_000
    body = f"# H{'h' * 100_000}\n\nSTART{long}END\n\nAfter the long line.\n"
    guide = guide_with(tmp_path, {"long.md": article("long", title=f"T{'t' * 100_000}", body=body)})
    assert not [p for p in guide.problems if p.file == "articles/long.md"]
    # The heading alone fills the first screen, broken into lines that fit.
    await check_app(guide, article_id="long", words=("Hhhhh",))


async def test_a_100000_character_line_is_broken_to_fit_and_its_end_can_be_reached(tmp_path):
    body = f"START{'x' * 100_000}END\n\nAfter the long line.\n"
    guide = guide_with(tmp_path, {"long.md": article("long", body=body)})
    app = SpineApp(Services(guide), start_article="long")
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        assert visible_text(view).startswith("STARTxxxx")
        for line in screen_lines(app):
            assert cell_len(line) <= 60
        await pilot.press("end")
        await pilot.pause()
        text = visible_text(app.screen.query_one(ArticleView))
        assert "xEND" in text.replace("\n", "") and "After the long line." in text


# --------------------------------------------------------------------- structure

DEEP = (
    "# Deep\n\nBefore the deep part.\n\n"
    + "> " * 1000
    + "deep quote\n\n"
    + "".join("  " * i + f"- level {i}\n" for i in range(1000))
    + "\nAfter the deep part.\n"
)


async def test_lists_and_quotes_nested_1000_deep(tmp_path):
    guide = guide_with(tmp_path, {"deep.md": article("deep", body=DEEP)})
    assert "deep" in guide.articles
    # The quote (body line 4) and the 100th list level (line 105) are too deep to show.
    # The quote is on line 15 of the file, the list's level 0 on line 17.
    quote = reported(guide, "articles/deep.md", "nested too deeply", line=15)
    deep = [p.line for p in guide.problems if "nested too deeply" in p.message]
    # The renderer marks the same places.
    document = SpineApp(Services(guide)).document_for("deep")
    layout = document.layout(200)
    layout.lay_out_all()
    marked = [
        block.line
        for block in document._blocks
        if isinstance(block, Paragraph) and "nested too deeply" in block.inline.content
    ]
    assert deep == [guide.articles["deep"].body_line + line for line in marked]
    assert deep[0] == 15 and 17 < deep[1] < 17 + 1000
    await check_app(
        guide,
        article_id="deep",
        words=("Before the deep part.", "nested too deeply"),
        problem=quote,
        size=(160, 40),
    )
    # What can be shown is: the shallower levels, and what follows the deep part.
    assert "level 98" in document.plain_text()
    assert document.plain_text().endswith("After the deep part.")


DEEP_BODIES = {
    "quote": "> " * 1000 + "deep\n\nAfter.\n",
    "list": "".join("  " * i + f"- level {i}\n" for i in range(300)) + "\nAfter.\n",
    "one-line list": "- " * 300 + "deep\n\nAfter.\n",
    "quote in list": "> - " * 300 + "deep\n\nAfter.\n",
    "two": "> " * 250 + "one\n\nMiddle.\n\n" + "- " * 250 + "two\n\nAfter.\n",
    "lazy": "> " * 250 + "a\nlazy line\n\nAfter.\n",
}


@pytest.mark.parametrize("name", DEEP_BODIES)
def test_the_loader_reports_every_place_the_renderer_marks_too_deep(tmp_path, name):
    body = DEEP_BODIES[name]
    guide = guide_with(tmp_path, {"deep.md": article("deep", body=body)})
    warned = [p.line for p in guide.problems if "nested too deeply" in p.message]
    document = SpineApp(Services(guide)).document_for("deep")
    marked = [
        block.line
        for block in document._blocks
        if isinstance(block, Paragraph) and "nested too deeply" in block.inline.content
    ]
    assert warned and warned == [guide.articles["deep"].body_line + line for line in marked]
    # Only the too-deep part is left out: what follows it is shown.
    assert document.plain_text().endswith("After.")


async def test_a_table_with_200_columns(tmp_path):
    header = "| " + " | ".join(f"h{i}" for i in range(200)) + " |"
    rule = "|" + "---|" * 200
    row = "| " + " | ".join(f"v{i}" for i in range(200)) + " |"
    body = f"# Wide\n\n{header}\n{rule}\n{row}\n{row}\n"
    guide = guide_with(tmp_path, {"wide.md": article("wide", body=body)})
    assert not [p for p in guide.problems if p.file == "articles/wide.md"]
    # Too many columns to draw side by side: each row becomes "header: value" lines.
    await check_app(guide, article_id="wide", words=("h0: v0", "h1: v1"))


# ---------------------------------------------------------------------- encoding


async def test_binary_data_in_an_md_file(tmp_path):
    guide = guide_with(tmp_path, {"binary.md": bytes(range(256)) * 8})
    problem = reported(guide, "articles/binary.md", "is not valid UTF-8 text (byte 128)", line=2)
    await check_app(guide, problem=problem)


async def test_control_bytes_that_are_valid_utf8_are_removed(tmp_path):
    controls = bytes(range(32)).decode() + "\x7f" + "".join(map(chr, range(0x80, 0xA0)))
    body = f"# Controls\n\nBefore{controls}after.\n"
    guide = guide_with(tmp_path, {"controls.md": article("controls", body=body)})
    assert "controls" in guide.articles
    await check_app(guide, article_id="controls", words=("Before",))


async def test_latin1_bytes_in_an_md_file(tmp_path):
    text = article("latin", title="Café", body="# Café\n\nCrème brûlée.\n").encode("latin-1")
    guide = guide_with(tmp_path, {"latin.md": text})
    assert "latin" not in guide.articles
    problem = reported(guide, "articles/latin.md", "is not valid UTF-8 text", line=3)
    await check_app(guide, problem=problem)


def crlf_bom(text: str) -> bytes:
    return b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode()


async def test_a_bom_and_crlf_line_endings_in_every_file(tmp_path):
    filler = "".join(f"Line {i} of part one.\n\n" for i in range(40))
    body = f"# Part one\n\nSee [part two](#part-two).\n\n{filler}## Part two\n\nThe second part.\n\n{filler}"
    root = build(
        tmp_path / "guide",
        guide=crlf_bom(GUIDE),
        sources=crlf_bom(SOURCES),
        glossary=crlf_bom(GLOSSARY),
        comparison=crlf_bom(COMPARISON.replace("article: one", "article: crlf")),
        articles={
            "good.md": crlf_bom(GOOD_ARTICLE),
            "crlf.md": crlf_bom(article("crlf", title="Windows file", body=body)),
        },
    )
    guide = load_guide(root)
    assert guide.problems == []
    assert guide.title == "Built guide"
    crlf = guide.articles["crlf"]
    assert crlf.title == "Windows file"
    assert [h.anchor for h in crlf.headings] == ["part-one", "part-two"]
    assert "\r" not in crlf.body
    app = SpineApp(Services(guide), start_article="crlf")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        assert "The second part." not in visible_text(view)
        [link] = view.layout_now.targets()
        view.select_target(link)
        await pilot.press("enter")
        await pilot.pause()
        assert view.top_anchor == "part-two"
        assert "The second part." in visible_text(view)
        assert "Windows file" in screen_text(app)
        assert_no_controls(app)
        await read_good_article(app, pilot)


# ------------------------------------------------------------------------- empty


async def test_empty_article_files(tmp_path):
    guide = guide_with(tmp_path, {"empty.md": b"", "blank.md": b" \n\t\n\r\n"})
    reported(guide, "articles/empty.md", "is empty")
    problem = reported(guide, "articles/blank.md", "is empty")
    assert len(guide.articles) == 1
    await check_app(guide, problem=problem)


async def test_empty_data_files_are_warnings(tmp_path):
    guide = guide_with(tmp_path, {}, sources="", glossary="", comparison="")
    for name in ("sources.yaml", "glossary.yaml"):
        reported(guide, name, "is empty")
    problem = reported(guide, "comparison.yaml", "is empty")
    assert problem.severity.value == "warning"
    await check_app(guide, problem=problem)


async def test_an_empty_guide_yaml_still_opens_the_articles(tmp_path):
    guide = guide_with(tmp_path, {}, guide="")
    problem = reported(guide, "guide.yaml", "is empty")
    assert guide.title == "Untitled guide"
    assert [s.id for s in guide.sections] == ["start"]
    await check_app(guide, problem=problem)


async def test_an_empty_folder(tmp_path):
    (tmp_path / "empty").mkdir()
    guide = load_guide(tmp_path / "empty")
    reported(guide, "guide.yaml", "is missing")
    app = SpineApp(Services(guide))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "The guide has no articles to show. Press ! to see why." in screen_text(app)
        rows = await problems_listed(app, pilot)
        assert is_listed(("guide.yaml", "", "is missing"), rows)


# ---------------------------------------------------------------------- YAML bombs

BOMB = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]\n" for i in range(8)
)


async def test_a_yaml_alias_bomb_in_each_yaml_file(tmp_path):
    bomb_article = "---\nid: bomb\ntitle: Bomb\n" + BOMB + "---\n\n# Bomb\n"
    guide = guide_with(
        tmp_path,
        {"bomb.md": bomb_article},
        guide=GUIDE + "x:\n" + "".join("  " + line + "\n" for line in BOMB.splitlines()),
        sources="- id: s\n  x:\n" + "".join("    " + line + "\n" for line in BOMB.splitlines()),
        glossary=BOMB,
        comparison=BOMB,
    )
    for name in ("guide.yaml", "sources.yaml", "glossary.yaml", "comparison.yaml"):
        reported(guide, name, "YAML aliases")
    problem = reported(guide, "articles/bomb.md", "YAML aliases")
    assert "bomb" not in guide.articles
    await check_app(guide, problem=problem)


# ----------------------------------------------------------------- symbolic links

SECRET = "SECRETOUTSIDETEXT"


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder beside the content folder, holding files that must never be read."""
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "secret.md").write_text(article("secret", title=SECRET, body=f"{SECRET}\n"))
    (folder / "sources.yaml").write_text(SOURCES.replace("Source A", SECRET))
    (folder / "articles").mkdir()
    (folder / "articles" / "inner.md").write_text(article("inner", body=f"{SECRET}\n"))
    return folder


def no_secret(guide: Guide) -> None:
    texts = [guide.title] + [s.title for s in guide.sources.values()]
    for a in guide.articles.values():
        texts += [a.title, a.body]
    assert not any(SECRET in t for t in texts)


async def test_symbolic_links_that_loop(tmp_path):
    guide_dir = build(tmp_path / "guide", articles={"good.md": GOOD_ARTICLE})
    articles = guide_dir / "articles"
    os.symlink("self.md", articles / "self.md")
    os.symlink("b.md", articles / "a.md")
    os.symlink("a.md", articles / "b.md")
    guide = load_guide(guide_dir)
    for name in ("self.md", "a.md", "b.md"):
        problem = reported(guide, f"articles/{name}", "loops back on itself")
    await check_app(guide, problem=problem)


async def test_symbolic_links_out_of_the_content_folder_are_not_followed(tmp_path, outside):
    guide_dir = build(tmp_path / "guide", sources=None, articles={"good.md": GOOD_ARTICLE})
    articles = guide_dir / "articles"
    os.symlink(outside / "secret.md", articles / "secret.md")  # absolute
    os.symlink("../../outside/secret.md", articles / "relative.md")  # relative, climbing out
    os.symlink(outside / "sources.yaml", guide_dir / "sources.yaml")
    inside = guide_dir / "extra.md"
    inside.write_text(article("inside", title="Linked from inside", body="Inside words.\n"))
    os.symlink("../extra.md", articles / "inside.md")  # a link that stays inside: followed
    guide = load_guide(guide_dir)
    no_secret(guide)
    for name in ("articles/secret.md", "articles/relative.md", "sources.yaml"):
        problem = reported(guide, name, "outside the content folder; it was not read")
    assert "inside" in guide.articles
    app = await check_app(guide, article_id="inside", words=("Inside words.",), problem=problem)
    assert SECRET not in str(app.guide.problems)


async def test_an_articles_folder_linked_out_of_the_content_folder(tmp_path, outside):
    guide_dir = build(tmp_path / "guide", articles={})
    (guide_dir / "articles").rmdir()
    os.symlink(outside / "articles", guide_dir / "articles")
    guide = load_guide(guide_dir)
    no_secret(guide)
    problem = reported(guide, "articles", "outside the content folder")
    app = SpineApp(Services(guide))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert SECRET not in screen_text(app)
        assert is_listed((problem.file, "", problem.message), await problems_listed(app, pilot))


async def test_search_finds_nothing_from_outside_the_content_folder(tmp_path, outside):
    guide_dir = build(tmp_path / "guide", articles={"good.md": GOOD_ARTICLE})
    os.symlink(outside / "secret.md", guide_dir / "articles" / "secret.md")
    app = SpineApp(Services(load_guide(guide_dir)))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.press(*SECRET.lower())
        await pilot.pause()
        assert app.screen.outcome is not None and not app.screen.outcome.results


# ------------------------------------------------------------------------ ids


async def test_duplicate_ids_keep_the_first_and_say_where(tmp_path):
    first = article("twin", title="First twin", order="1", body="The first twin.\n")
    second = article("twin", title="Second twin", order="2", body="The second twin.\n")
    glossary = GLOSSARY + GLOSSARY.replace("A cord", "Another cord")
    sources = SOURCES + SOURCES.replace("Source A", "Source B")
    guide = guide_with(
        tmp_path,
        {"a-twin.md": first, "b-twin.md": second},
        glossary=glossary,
        sources=sources,
        guide=GUIDE + "  - id: start\n    title: Start again\n",
    )
    problem = reported(
        guide, "articles/b-twin.md", "article id 'twin' is already used by articles/a-twin.md:2"
    )
    reported(guide, "glossary.yaml", "glossary id 'nerve' is used twice")
    reported(guide, "sources.yaml", "source id 'src-a' is used twice")
    reported(guide, "guide.yaml", "section id 'start' is used twice")
    assert guide.glossary["nerve"].definition == "A cord that carries messages."
    assert guide.sources["src-a"].title == "Source A"
    await check_app(guide, article_id="twin", words=("The first twin.",), problem=problem)


async def test_missing_and_malformed_ids_leave_the_entry_out(tmp_path):
    no_id = "---\ntitle: No id\nsection: start\n---\n\nNo id here.\n"
    bad_id = article("Bad Id!", title="Bad id")
    glossary = GLOSSARY + "- term: orphan\n  definition: No id.\n"
    guide = guide_with(tmp_path, {"no-id.md": no_id, "bad-id.md": bad_id}, glossary=glossary)
    problem = reported(guide, "articles/no-id.md", "no usable id or title")
    reported(guide, "articles/bad-id.md", "'id' must be lowercase letters")
    reported(guide, "glossary.yaml", "no usable id, term or definition")
    assert set(guide.articles) == {"good"}
    await check_app(guide, problem=problem)


# ------------------------------------------------------------ file names


def named_badly(tmp_path: Path) -> Path:
    root = build(tmp_path / "guide", articles={"good.md": GOOD_ARTICLE})
    folder = os.fsencode(root / "articles")
    broken = article("broken", body="[x](nope)\n").encode()
    for name in (b"\x1b]0;PWNED\x07evil\t.md", b"bad\xff.md", b"csi\xc2\x9b2J.txt"):
        Path(os.fsdecode(os.path.join(folder, name))).write_bytes(broken)
    return root


async def test_file_names_with_controls_are_listed_printably(tmp_path):
    guide = load_guide(named_badly(tmp_path))
    files = sorted({p.file for p in guide.problems if p.file.startswith("articles/")})
    assert files == [
        "articles/\\x1b]0;PWNED\\x07evil .md",
        "articles/bad\\xff.md",
        "articles/csi\\x9b2J.txt",
    ]
    app = SpineApp(Services(guide))
    async with app.run_test(size=(140, 30)) as pilot:
        rows = await problems_listed(app, pilot)
        assert any(row[0] == "articles/\\x1b]0;PWNED\\x07evil .md" for row in rows)


def test_check_prints_file_names_with_controls_printably(tmp_path):
    root = named_badly(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "spinetui", "check", str(root)],
        capture_output=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert b"\x1b" not in result.stdout and b"\x07" not in result.stdout
    assert b"\xc2\x9b" not in result.stdout
    assert b"articles/\\x1b]0;PWNED\\x07evil .md:11: links to 'nope'" in result.stdout
    assert not result.stderr


# ---------------------------------------------------------------- comparison


def big_comparison(treatments: int, attributes: int) -> str:
    lines = ["treatments:"]
    for i in range(treatments):
        lines += [f"  - id: t{i}", f"    name: Treatment {i} {'n' * min(i * 5, 500)}"]
        lines += ["    article: good"]
    lines.append("attributes:")
    lines += [f"  - id: a{j}\n    label: Attribute {j} {'L' * 300}" for j in range(attributes)]
    lines.append("cells:")
    for j in range(attributes):
        lines.append(f"  a{j}:")
        for i in range(treatments):
            text = f"cell {j}-{i} " + ("w " * 2500 if i == j == 0 else "short words")
            lines += [f"    t{i}:", f"      text: {text}", "      sources: [src-a]"]
    return "\n".join(lines) + "\n"


HUGE_CELL = "START " + "words " * 16_665 + "END."  # 100,000 characters


@pytest.mark.parametrize("size", [(100, 30), (10, 5)])
async def test_a_100000_character_cell_ends_in_the_grid_and_is_whole_in_the_panel(tmp_path, size):
    from spinetui.render.grid_layout import MAX_CELL_LINES, MORE_TEXT

    assert len(HUGE_CELL) == 100_000
    comparison = big_comparison(3, 2).replace("cell 0-0 " + "w " * 2500, HUGE_CELL)
    guide = guide_with(tmp_path, {}, comparison=comparison)
    assert guide.comparison.cell("a0", "t0").text == HUGE_CELL
    app = SpineApp(Services(guide))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        screen = app.screen
        assert type(screen).__name__ == "ComparisonScreen"
        assert screen.grid.selected[0].id == "a0" and screen.grid.selected[1].id == "t0"
        # The grid draws the cell's first lines, then says where the rest is (at 10
        # columns the cells are cut off at the screen's edge, as every cell is) ...
        layout = screen.grid._ensure_layout()
        assert layout.rows[0].height <= MAX_CELL_LINES
        drawn = "".join(layout.text_lines()).replace(" ", "")
        assert "END." not in drawn
        if size[0] >= 100:
            assert "STARTwords" in drawn and MORE_TEXT.replace(" ", "") in drawn
        # ... and the panel below has all of it.
        assert HUGE_CELL in screen.detail.text
        for line in screen_lines(app):
            assert cell_len(line) <= size[0]
        assert_no_controls(app)
        for key in ("down", "up", "right", "left", "pagedown", "pageup"):
            await pilot.press(key)
        await pilot.pause()
        assert screen.grid.selected[0].id == "a0"
        if size[0] >= 100:
            screen.detail.focus()
            await pilot.press("end")  # the panel scrolls to the cell's last words
            await pilot.pause()
            assert "words END." in screen_text(app)


@pytest.mark.parametrize("size", [(100, 30), (10, 5)])
async def test_a_comparison_with_200_treatments_and_long_names_and_cells(tmp_path, size):
    guide = guide_with(tmp_path, {}, comparison=big_comparison(200, 30))
    assert not [p for p in guide.problems if p.file == "comparison.yaml"]
    app = SpineApp(Services(guide))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        screen = app.screen
        assert type(screen).__name__ == "ComparisonScreen"
        assert screen.grid.selected is not None
        for key in ("right", "down", "right_square_bracket", "left_square_bracket", "d", "d"):
            await pilot.press(key)
        await pilot.pause()
        assert_no_controls(app)
        if size[0] >= 100:
            assert "Treatment" in screen_text(app)
        await pilot.press("enter")  # read the cell's article
        await pilot.pause()
        assert type(app.screen).__name__ == "ReaderScreen"
        await pilot.resize_terminal(100, 30)
        await read_good_article(app, pilot)
