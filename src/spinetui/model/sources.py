"""``sources.yaml``: the studies and fact sheets that articles, cells and outcomes cite."""

from __future__ import annotations

from spinetui.model._entries import Context, Key, Kind
from spinetui.model._fields import Fields, show
from spinetui.model.types import UNKNOWN_DATE, Source

REL = "sources.yaml"

SOURCE = Kind(
    "source",
    [
        Key("id", Fields.ident),
        Key("title", Fields.text),
        Key("year", Fields.year),
        Key("checked", Fields.date),
        Key("authors", Fields.text, required=False),
        Key("organisation", Fields.text, required=False),
        Key("journal", Fields.text, required=False),
        Key("url", Fields.text, required=False),  # required, with its own advice below
        Key("note", Fields.text, required=False),
    ],
    needs="must be a group of fields (id, title, ...)",
)


def load_sources(cx: Context, rel: str = REL) -> dict[str, Source]:
    """``rel`` is the file's path from the content folder: ``../sources.yaml`` for a
    language tree, which shares its parent's bibliography; every problem names it."""
    sources: dict[str, Source] = {}
    seen: dict[str, str] = {}
    for _entry, f in SOURCE.entries(cx.p, rel, cx.list_file(rel, "sources") or []):
        v = SOURCE.read(f)
        if not v["authors"] and not v["organisation"]:
            cx.p.error(rel, f.line, f"{f.what} needs 'authors' or 'organisation'")
        url = v["url"]
        if not url:
            cx.p.error(
                rel,
                f.line,
                f"{f.what} needs 'url': its DOI as https://doi.org/... or the official web "
                "address, so a reader can find it",
                "url",
            )
        elif not url.startswith(("https://", "http://")):
            cx.p.warn(
                rel, f.line_of("url"), f"'url' should start with https://, not {show(url)}", "url"
            )
        sid, title = v["id"], v["title"]
        if sid is None or not title:
            cx.p.error(rel, f.line, f"{f.what} is left out because it has no usable id or title")
            continue
        if not cx.unique(seen, "source", sid, f):
            continue
        v["checked"] = v["checked"] or UNKNOWN_DATE
        sources[sid] = Source(**v)
    return sources
