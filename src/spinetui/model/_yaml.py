"""Safe, bounded YAML reading that remembers line numbers.

* Only ``SafeLoader`` types (libyaml's ``CSafeLoader`` when available).
* Strings (keys too) are cleaned of terminal control characters as they are built,
  which also catches controls written as YAML escapes (``"\\e[2J"``).
* A malformed date such as ``2026-13-45`` stays a string, so the field check can say
  what is wrong instead of the whole file failing.
* Alias bombs ("billion laughs") and self-referencing anchors are refused before any
  Python objects are built: the composed node graph is walked once, counting alias
  uses and the size the document would have if every alias were expanded.
* Deep nesting is refused before libyaml sees it (libyaml recurses in C and can
  overflow the stack on a few hundred kilobytes of ``[[[[...``).
* Mappings and lists come back as :class:`YMap` / :class:`YList`, which carry the
  1-based file line of themselves and of each key or item.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, SequenceNode

from spinetui.model.clean import clean_text

MAX_ALIASES = 1000  # alias uses (``*name``) per document
MAX_NODES = 200_000  # nodes in the document once every alias is expanded
MAX_FLOW_DEPTH = 100  # nesting of [ ] and { }
MAX_INDENT = 200  # columns of leading indentation
MAX_COMPACT = 10  # "- - - x" style nesting on one line


class YAMLRefused(Exception):
    """The document is valid YAML but not safe or sensible to load."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


class YMap(dict):
    """A YAML mapping that knows where it and each of its keys are."""

    __slots__ = ("line", "key_lines")

    def __init__(self) -> None:
        super().__init__()
        self.line: int = 1
        self.key_lines: dict[Any, int] = {}

    def line_of(self, key: Any) -> int:
        return self.key_lines.get(key, self.line)


class YList(list):
    """A YAML sequence that knows where it and each of its items are."""

    __slots__ = ("line", "item_lines")

    def __init__(self) -> None:
        super().__init__()
        self.line: int = 1
        self.item_lines: list[int] = []

    def line_of(self, index: int) -> int:
        if 0 <= index < len(self.item_lines):
            return self.item_lines[index]
        return self.line


def line_of(container: Any, key: Any, default: int | None) -> int | None:
    """The line of ``container[key]`` if ``container`` knows it, else ``default``."""
    if isinstance(container, (YMap, YList)):
        return container.line_of(key)
    return default


def _construct_map(loader: Any, node: MappingNode):
    data = YMap()
    data.line = node.start_mark.line + 1 + loader.line_offset
    yield data
    loader.flatten_mapping(node)  # merge keys (<<)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise ConstructorError(
                "while reading a mapping",
                node.start_mark,
                "found a key that is a list or mapping",
                key_node.start_mark,
            ) from None
        line = key_node.start_mark.line + 1 + loader.line_offset
        if key in data:
            loader.duplicate_keys.append((key, line, data.key_lines[key]))
        data[key] = loader.construct_object(value_node, deep=True)
        data.key_lines[key] = line


def _construct_seq(loader: Any, node: SequenceNode):
    data = YList()
    data.line = node.start_mark.line + 1 + loader.line_offset
    yield data
    for child in node.value:
        data.append(loader.construct_object(child, deep=True))
        data.item_lines.append(child.start_mark.line + 1 + loader.line_offset)


def _construct_str(loader: Any, node: Node) -> str:
    return clean_text(loader.construct_scalar(node))


def _construct_timestamp(loader: Any, node: Node) -> Any:
    try:
        return SafeConstructor.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError):
        return clean_text(loader.construct_scalar(node))


def _install(cls: type) -> type:
    cls.add_constructor("tag:yaml.org,2002:map", _construct_map)
    cls.add_constructor("tag:yaml.org,2002:omap", _construct_map)
    cls.add_constructor("tag:yaml.org,2002:seq", _construct_seq)
    cls.add_constructor("tag:yaml.org,2002:str", _construct_str)
    cls.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
    return cls


@_install
class _PyLoader(yaml.SafeLoader):
    pass


if getattr(yaml, "__with_libyaml__", False) and hasattr(yaml, "CSafeLoader"):

    @_install
    class _CLoader(yaml.CSafeLoader):  # type: ignore[misc,name-defined]
        pass

else:  # pragma: no cover - libyaml is normally present
    _CLoader = _PyLoader  # type: ignore[misc,assignment]


_BRACKETS = re.compile(r"[\[\]{}]")
_DEEP_INDENT = re.compile(rf"^[ \t]{{{MAX_INDENT + 1}}}", re.M)
_COMPACT = re.compile(rf"^[ \t]*(?:[-?:][ \t]+){{{MAX_COMPACT}}}", re.M)


def _refuse_deep(text: str) -> None:
    """Refuse text nested deeper than any content needs (protects libyaml's C stack)."""
    if text.count("[") + text.count("{") > MAX_FLOW_DEPTH:
        depth = 0
        for m in _BRACKETS.finditer(text):
            if m.group() in "[{":
                depth += 1
                if depth > MAX_FLOW_DEPTH:
                    raise YAMLRefused(
                        f"is nested too deeply (more than {MAX_FLOW_DEPTH} levels of [ ] or {{ }})",
                        text.count("\n", 0, m.start()) + 1,
                    )
            elif depth:
                depth -= 1
    for pattern, what in ((_DEEP_INDENT, "indented"), (_COMPACT, "nested")):
        m = pattern.search(text)
        if m:
            raise YAMLRefused(f"is {what} too deeply", text.count("\n", 0, m.start()) + 1)


def _children(node: Node) -> list[Node]:
    if isinstance(node, SequenceNode):
        return node.value
    if isinstance(node, MappingNode):
        return [n for pair in node.value for n in pair]
    return []


def _refuse_bombs(root: Node, line_offset: int) -> None:
    """Walk the node graph once; refuse alias bombs and self-references."""
    sizes: dict[int, int] = {}
    on_path: set[int] = set()
    aliases = 0
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, finished = stack.pop()
        key = id(node)
        if finished:
            on_path.discard(key)
            total = 1 + sum(sizes[id(c)] for c in _children(node))
            if total > MAX_NODES:
                raise YAMLRefused(
                    f"uses YAML aliases (*name) that would expand to more than "
                    f"{MAX_NODES:,} items; it was not loaded",
                    node.start_mark.line + 1 + line_offset,
                )
            sizes[key] = total
            continue
        if key in sizes:
            aliases += 1
            if aliases > MAX_ALIASES:
                raise YAMLRefused(
                    f"uses more than {MAX_ALIASES} YAML aliases (*name); it was not loaded",
                    node.start_mark.line + 1 + line_offset,
                )
            continue
        if key in on_path:
            raise YAMLRefused(
                "has a YAML anchor (&name) that refers to itself; it was not loaded",
                node.start_mark.line + 1 + line_offset,
            )
        on_path.add(key)
        stack.append((node, True))
        stack.extend((c, False) for c in reversed(_children(node)))


def parse_yaml(text: str, line_offset: int = 0) -> tuple[Any, list[tuple[Any, int, int]]]:
    """Parse one YAML document from cleaned text.

    ``line_offset`` is added to every line number (front matter starts on line 2 of
    its file, so its offset is 1). Returns ``(data, duplicate_keys)`` where each
    duplicate key is ``(key, line, first_line)``. Raises :class:`yaml.YAMLError`
    for invalid YAML and :class:`YAMLRefused` for unsafe documents.
    """
    _refuse_deep(text)
    loader = _CLoader(text)
    loader.line_offset = line_offset
    loader.duplicate_keys = []
    try:
        node = loader.get_single_node()
        if node is None:
            return None, []
        _refuse_bombs(node, line_offset)
        data = loader.construct_document(node)
        return data, loader.duplicate_keys
    finally:
        loader.dispose()


def describe_yaml_error(exc: yaml.YAMLError, line_offset: int = 0) -> tuple[int | None, str]:
    """A plain-English message and 1-based line for a YAML syntax error."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = mark.line + 1 + line_offset if mark is not None else None
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    context = getattr(exc, "context", None)
    if context and "expected a single document" in context:
        return line, "must hold one YAML document, but has more than one (a second '---' line?)"
    detail = f"{context}, {problem}" if context else problem
    return line, f"is not valid YAML: {detail}"
