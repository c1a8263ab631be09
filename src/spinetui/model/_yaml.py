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

import datetime as dt
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
    explicit = sum(1 for k, _ in node.value if k.tag != "tag:yaml.org,2002:merge")
    loader.flatten_mapping(node)  # merge keys (<<) put the merged pairs first
    merged = len(node.value) - explicit
    from_merge: set[Any] = set()
    for index, (key_node, value_node) in enumerate(node.value):
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
        if index < merged:
            from_merge.add(key)
        elif key in from_merge:
            from_merge.discard(key)  # overriding a merged value is what << is for
        elif key in data:
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


def _construct_timestamp(loader: Any, node: Any) -> Any:
    try:
        return SafeConstructor.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError):
        return clean_text(loader.construct_scalar(node))


# What PyYAML's own constructors raise for a tagged value they cannot read
# (``!!int ''``, ``!!float abc``, ``!!bool x``, ``!!timestamp x``, ``!!map [1]``, ...).
_UNREADABLE = (ValueError, TypeError, IndexError, KeyError, AttributeError, OverflowError)


def _short_tag(tag: str) -> str:
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org") else tag


def _unreadable(node: Node) -> ConstructorError:
    """The YAML error for a tagged value its constructor could not read, at its line."""
    return ConstructorError(
        None, None, f"found a value that cannot be read as {_short_tag(node.tag)}", node.start_mark
    )


def _guard_construct(construct_object: Any) -> Any:
    """Turn a constructor's stray exception into a YAML error that names the value's line."""

    def guarded(self: Any, node: Node, deep: bool = False) -> Any:
        try:
            return construct_object(self, node, deep)
        except _UNREADABLE:
            raise _unreadable(node) from None

    return guarded


def _install(cls: Any) -> Any:
    cls.construct_object = _guard_construct(cls.construct_object)
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
    class _CLoader(yaml.CSafeLoader):
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
        found = pattern.search(text)
        if found:
            raise YAMLRefused(f"is {what} too deeply", text.count("\n", 0, found.start()) + 1)


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
                    f"uses YAML aliases (*name) that would expand to more than {MAX_NODES:,} items",
                    node.start_mark.line + 1 + line_offset,
                )
            sizes[key] = total
            continue
        if key in sizes:
            aliases += 1
            if aliases > MAX_ALIASES:
                raise YAMLRefused(
                    f"uses more than {MAX_ALIASES} YAML aliases (*name)",
                    node.start_mark.line + 1 + line_offset,
                )
            continue
        if key in on_path:
            raise YAMLRefused(
                "has a YAML anchor (&name) that refers to itself",
                node.start_mark.line + 1 + line_offset,
            )
        on_path.add(key)
        stack.append((node, True))
        stack.extend((c, False) for c in reversed(_children(node)))


# ----------------------------------------------------------------- the fast path
#
# Most front matter is a flat list of ``key: value`` lines with plain values. Building
# that with PyYAML's Python constructor costs ~0.15 ms per article, a third of the
# load time of a large guide, so such documents are read here directly. Anything this
# reader is not certain to read exactly as YAML would (comments, quotes with escapes,
# nested blocks, anchors, tags, unusual numbers, booleans, nulls, ...) makes it
# return None and the document goes to PyYAML. tests/unit/test_loader_yaml.py checks
# that both give the same result.

_SIMPLE_LINE = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*):[ ]+(\S.*?)[ ]*")
_SIMPLE_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_SIMPLE_FLOAT = re.compile(r"[-+]?[0-9]+\.[0-9]+")
_SIMPLE_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_PLAIN_FIRST_BAD = frozenset("-?:,[]{}#&*!|>'\"%@`")
_STR_TAG = "tag:yaml.org,2002:str"
_resolver = yaml.resolver.Resolver()
_NO_VALUE = object()


def _tag(value: str) -> str:
    """``_resolver.resolve`` of a plain scalar, without the call (a third of the fast
    path's time) for a value whose first character no implicit resolver looks at."""
    resolvers = _resolver.yaml_implicit_resolvers
    if (
        value
        and value[0] not in resolvers
        and None not in resolvers
        and not _resolver.yaml_path_resolvers
    ):
        return _resolver.DEFAULT_SCALAR_TAG
    return _resolver.resolve(yaml.ScalarNode, value, (True, False))


def _simple_plain(value: str, flow: bool) -> Any:
    """A plain scalar's value, or _NO_VALUE when not certain."""
    if (
        value[0] in _PLAIN_FIRST_BAD
        or ": " in value
        or " #" in value
        or value.endswith(":")
        or (flow and any(c in value for c in ",[]{}"))
        or not value.isprintable()
    ):
        return _NO_VALUE
    tag = _tag(value)
    if tag == _STR_TAG:
        return value
    if tag.endswith(":int") and _SIMPLE_INT.fullmatch(value):
        return int(value)
    if tag.endswith(":float") and _SIMPLE_FLOAT.fullmatch(value):
        return float(value)
    if tag.endswith(":timestamp") and _SIMPLE_DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value
    return _NO_VALUE


def _simple_value(value: str) -> Any:
    first = value[0]
    if first == "[":
        if not value.endswith("]"):
            return _NO_VALUE
        inner = value[1:-1].strip()
        items = YList()
        if not inner:
            return items
        for item in inner.split(","):
            item = item.strip()
            got = _simple_plain(item, True) if item else _NO_VALUE
            if not isinstance(got, str):
                return _NO_VALUE
            items.append(got)
        return items
    if first == '"':
        inner = value[1:-1]
        if len(value) < 2 or value[-1] != '"' or '"' in inner or "\\" in inner:
            return _NO_VALUE
        return inner if inner.isprintable() else _NO_VALUE
    if first == "'":
        inner = value[1:-1]
        if len(value) < 2 or value[-1] != "'" or "'" in inner:
            return _NO_VALUE
        return inner if inner.isprintable() else _NO_VALUE
    return _simple_plain(value, False)


def parse_simple_mapping(text: str, line_offset: int = 0) -> YMap | None:
    """Read a flat ``key: value`` document exactly as YAML would, or return None."""
    data = YMap()
    for number, line in enumerate(text.split("\n"), start=1 + line_offset):
        if not line:
            continue
        m = _SIMPLE_LINE.fullmatch(line)
        if m is None:
            return None
        key = m.group(1)
        if key in data or _tag(key) != _STR_TAG:
            return None
        value = _simple_value(m.group(2))
        if value is _NO_VALUE:
            return None
        if isinstance(value, YList):
            value.line = number
            value.item_lines = [number] * len(value)
        if not data:
            data.line = number
        data[key] = value
        data.key_lines[key] = number
    return data if data else None


def parse_yaml(text: str, line_offset: int = 0) -> tuple[Any, list[tuple[Any, int, int]]]:
    """Parse one YAML document from cleaned text.

    ``line_offset`` is added to every line number (front matter starts on line 2 of
    its file, so its offset is 1). Returns ``(data, duplicate_keys)`` where each
    duplicate key is ``(key, line, first_line)``. Raises :class:`yaml.YAMLError`
    for invalid YAML and :class:`YAMLRefused` for unsafe documents.
    """
    simple = parse_simple_mapping(text, line_offset)
    if simple is not None:
        return simple, []
    _refuse_deep(text)
    loader: Any = _CLoader(text)  # with the two attributes the constructors above use
    loader.line_offset = line_offset
    loader.duplicate_keys = []
    try:
        node = loader.get_single_node()
        if node is None:
            return None, []
        if "&" in text and "*" in text:  # no anchor or no alias: nothing can expand
            _refuse_bombs(node, line_offset)
        try:
            data = loader.construct_document(node)
        except _UNREADABLE:  # the top node's own constructor, outside construct_object
            raise _unreadable(node) from None
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
    # The problem mark is where PyYAML noticed; when that is later than where the
    # broken part began (an unclosed quote or bracket: often the end of the file),
    # say where it began too, which is where the fix goes.
    start = getattr(exc, "context_mark", None)
    if mark is not None and start is not None and start.line < mark.line:
        detail += f" (what is not closed starts on line {start.line + 1 + line_offset})"
    return line, f"is not valid YAML: {detail}"


_TOP_LEVEL_FIELD = re.compile(r"^([A-Za-z_][\w-]*):[ \t]+(.*?)[ \t]*$")
_NEEDS_NO_QUOTES = tuple("\"'[{|>&*!%@`#")


def colon_repair(text: str) -> tuple[str, list[tuple[int, str, str]]] | None:
    """Front matter that is not valid YAML only because a value has ": " in it.

    ``title: Steroid shots: what to know`` reads as a field inside a field. Returns
    the text with each such top-level value quoted, and ``(0-based line, field,
    value)`` for each, when that makes it valid; None when it was valid already or
    quoting does not help (the YAML error is then reported as usual).
    """
    try:
        parse_yaml(text)
        return None
    except (yaml.YAMLError, YAMLRefused, RecursionError):
        pass
    lines = text.split("\n")
    fixed: list[tuple[int, str, str]] = []
    for index, line in enumerate(lines):
        match = _TOP_LEVEL_FIELD.match(line)
        if match is None:
            continue
        key, value = match.groups()
        if ": " in value and not value.startswith(_NEEDS_NO_QUOTES):
            escaped = value.replace("\\", "\\\\").replace('"', '\\"')
            lines[index] = f'{key}: "{escaped}"'
            fixed.append((index, key, value))
    if not fixed:
        return None
    repaired = "\n".join(lines)
    try:
        parse_yaml(repaired)
    except (yaml.YAMLError, YAMLRefused, RecursionError):
        return None
    return repaired, fixed
