"""``glossary.yaml``: terms, the other words for them, and the article each may point to."""

from __future__ import annotations

from collections.abc import Collection

from spinetui.model._entries import Context, Key, Kind
from spinetui.model._fields import Fields
from spinetui.model.types import GlossaryTerm

REL = "glossary.yaml"

TERM = Kind(
    "glossary term",
    [
        Key("id", Fields.ident),
        Key("term", Fields.text),
        Key("definition", Fields.text),
        Key("aliases", Fields.text_list, required=False),
        Key("article", Fields.ident, required=False),
    ],
    needs="must be a group of fields (id, term, definition)",
    entry="glossary entry",
)


def load_glossary(cx: Context) -> tuple[dict[str, GlossaryTerm], dict[str, int | None]]:
    """The usable terms by id, and the line of each one's ``article`` field."""
    terms: dict[str, GlossaryTerm] = {}
    article_lines: dict[str, int | None] = {}
    seen: dict[str, str] = {}
    forms: dict[str, str] = {}  # every form, casefolded: the term it marks
    for _entry, f in TERM.entries(cx.p, REL, cx.list_file(REL, "glossary") or []):
        v = TERM.read(f)
        tid, term, definition, aliases = v["id"], v["term"], v["definition"], v["aliases"]
        if tid is None or not term or not definition:
            cx.p.error(
                REL, f.line, f"{f.what} is left out because it has no usable id, term or definition"
            )
            continue
        if not cx.unique(seen, "glossary", tid, f):
            continue
        for form in (term, *aliases):
            key = form.casefold()
            if key in forms and forms[key] != tid:
                cx.p.warn(
                    REL,
                    f.line,
                    f"'{form}' is a form of both '{forms[key]}' and '{tid}'; it will be marked as '{forms[key]}'",
                )
            else:
                forms.setdefault(key, tid)
        article_lines[tid] = f.line_of("article")
        terms[tid] = GlossaryTerm(
            id=tid, term=term, definition=definition, aliases=aliases, article=v["article"]
        )
    return terms, article_lines


def check_articles(
    cx: Context,
    glossary: dict[str, GlossaryTerm],
    article_lines: dict[str, int | None],
    articles: Collection[str],
) -> None:
    """Terms pointing at an article that does not exist point at none (reported)."""
    for tid, term in list(glossary.items()):
        article = term.article
        if article is not None and not cx.refers(
            article,
            articles,
            REL,
            article_lines.get(tid),
            "glossary term '{0}' points to article '{name}', "
            "but there is no article with that id{hint}",
            tid,
            field="article",
        ):
            glossary[tid] = term._replace(article=None)
