"""``guide.yaml``: the guide's title, version, review date, home article and sections."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from spinetui.model._entries import Context, Key, Kind
from spinetui.model._fields import MISSING, Fields
from spinetui.model._read import MAX_YAML_BYTES
from spinetui.model.types import Section

REL = "guide.yaml"
UNTITLED = "Untitled guide"

GUIDE = Kind(
    "guide.yaml",
    [
        Key("title", Fields.text),
        Key("version", Fields.text, required=False),
        Key("reviewed", Fields.date, required=False),
        Key("home", None),  # optional, but an empty 'home:' is reported
        Key("sections", None),
    ],
)
SECTION = Kind(
    "section",
    [Key("id", Fields.ident), Key("title", Fields.text)],
    needs="needs an id and a title",
    numbered=True,
)


@dataclass(slots=True)
class Manifest:
    title: str = UNTITLED
    version: str = ""
    reviewed: dt.date | None = None
    home: str | None = None
    home_line: int | None = None
    #: ``None`` when guide.yaml gives none that can be used: the articles' are used.
    sections: list[Section] | None = None


def load_manifest(cx: Context) -> Manifest:
    out = Manifest()
    text = cx.reader.read(REL, MAX_YAML_BYTES)
    if text is None:
        return out
    ok, data = cx.reader.yaml(REL, text)
    if not ok:
        return out
    if not isinstance(data, dict):
        cx.p.error(
            REL,
            getattr(data, "line", 1),
            "must be a list of 'field: value' lines (title, sections, ...)",
        )
        return out
    f = GUIDE.fields(data, REL, cx.p, "guide.yaml")
    values = GUIDE.read(f, ("title",))
    out.title = values["title"] or UNTITLED
    version = data.get("version")
    if isinstance(version, float):
        cx.p.warn(
            REL,
            f.line_of("version"),
            f"'version' should be in quotes (\"{version}\"), or trailing zeros are lost",
            "version",
        )
    values = GUIDE.read(f, ("version", "reviewed"))
    out.version, out.reviewed = values["version"], values["reviewed"]
    if data.get("home") is not None:
        out.home = f.ident("home")
        out.home_line = f.line_of("home")
    out.sections = load_sections(cx, data.get("sections", MISSING), f)
    return out


def load_sections(cx: Context, value: Any, f: Fields) -> list[Section] | None:
    rel = f.file
    if value is MISSING or value is None:
        cx.p.error(
            rel,
            f.line,
            "guide.yaml needs 'sections' (a list of sections, each with an id and a title)",
            "sections",
        )
        return None
    if not isinstance(value, list):
        cx.p.error(
            rel,
            f.line_of("sections"),
            "'sections' must be a list of sections, each with an id and a title",
            "sections",
        )
        return None
    sections: list[Section] = []
    seen: dict[str, str] = {}
    for _entry, sf in SECTION.entries(cx.p, rel, value, f.line_of("sections"), "sections"):
        values = SECTION.read(sf)
        sid, title = values["id"], values["title"]
        if sid is None or not cx.unique(seen, "section", sid, sf):
            continue
        sections.append(Section(sid, title or sid))
    if not sections:
        cx.p.error(rel, f.line_of("sections"), "'sections' lists no usable sections", "sections")
        return None
    return sections
