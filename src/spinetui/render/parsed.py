"""Where a document's parse comes from: markdown-it, or a parse kept from before.

``MarkdownDocument`` asks a ``Parse`` for two things: an article's block tokens
(``block``) and the inline tokens of one block's text (``inline``). ``MarkdownItParse``
asks markdown-it (imported on first use). ``KeptParse`` answers from markdown-it's
tokens of an earlier start, kept as plain data (``spinetui.render.parse_cache``), and
asks markdown-it only for what it does not hold: the reader's first article is drawn
without importing markdown-it at all (~40 ms of a start). ``RecordingParse`` asks
markdown-it and keeps what it answered, to be saved.

The kept tokens are ``PlainToken``: the attributes of markdown-it's ``Token`` the
renderer reads, nothing else. Their plain form (``dump_tokens``) is tuples of strings,
numbers and booleans, for :mod:`marshal` (never pickle: nothing in it names a class).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from markdown_it.token import Token

#: Bumped whenever the plain form below changes.
TOKENS_FORMAT = 1


class Parse(Protocol):
    def block(self, text: str, env: dict[str, Any]) -> list[Token]: ...
    def inline(self, content: str, env: dict[str, Any]) -> list[Token]: ...


class MarkdownItParse:
    """markdown-it's own parse (the renderer's parser: ``spinetui.markdown.parser``)."""

    def block(self, text: str, env: dict[str, Any]) -> list[Token]:
        from spinetui.markdown.parser import block_parser

        return block_parser().parse(text, env)

    def inline(self, content: str, env: dict[str, Any]) -> list[Token]:
        from spinetui.markdown.parser import parse_inline

        return parse_inline(content, env)


MARKDOWN_IT = MarkdownItParse()


class PlainToken:
    """The parts of a markdown-it ``Token`` the renderer reads, from a kept parse."""

    __slots__ = (
        "type",
        "tag",
        "nesting",
        "attrs",
        "map",
        "level",
        "children",
        "content",
        "markup",
        "info",
        "block",
        "hidden",
        "meta",
    )

    def __init__(self, data: tuple[Any, ...]):
        (self.type, self.tag, self.nesting, attrs, where, self.level, self.content) = data[:7]
        (self.markup, self.info, self.block, self.hidden, children) = data[7:]
        self.attrs = dict(attrs)
        self.map = list(where) if where is not None else None
        self.children = [PlainToken(c) for c in children] if children is not None else None
        self.meta: dict[Any, Any] = {}

    def attrGet(self, name: str) -> None | str | int | float:  # noqa: N802 - Token's name
        return self.attrs.get(name)


_PLAIN = (str, int, float, bool)


def dump_tokens(tokens: list[Token]) -> tuple[Any, ...] | None:
    """markdown-it tokens as plain tuples; None if any holds what a ``PlainToken``
    cannot (metadata, attribute values that are not plain), so it is not kept."""
    out = []
    for tok in tokens:
        if tok.meta or any(not isinstance(v, _PLAIN) for v in tok.attrs.values()):
            return None
        children = None
        if tok.children is not None:
            children = dump_tokens(tok.children)
            if children is None:
                return None
        out.append(
            (
                tok.type,
                tok.tag,
                tok.nesting,
                tuple(tok.attrs.items()),
                tuple(tok.map) if tok.map is not None else None,
                tok.level,
                tok.content,
                tok.markup,
                tok.info,
                tok.block,
                tok.hidden,
                children,
            )
        )
    return tuple(out)


def load_tokens(data: tuple[Any, ...]) -> list[Token]:
    # PlainToken reads as a Token to the renderer (the attributes it uses, by name).
    tokens: list[Any] = [PlainToken(item) for item in data]
    return tokens


class KeptParse:
    """The parse of one article's source kept from before: its block tokens, the inline
    tokens of its texts and the reference definitions (``env``) markdown-it found.

    Anything it does not hold (another source, a text never inline-parsed) is asked of
    markdown-it, so the document is always markdown-it's parse."""

    def __init__(self, source: str, blocks: tuple[Any, ...], inline: dict[str, Any], env: Any):
        self.source = source
        self._blocks = blocks
        self._inline = inline
        self._env = env
        #: Did markdown-it have to answer something (so this parse is worth keeping
        #: again)?
        self.fell_back = False

    def block(self, text: str, env: dict[str, Any]) -> list[Token]:
        if text == self.source:
            try:
                tokens = load_tokens(self._blocks)
                env.update(self._env)
                return tokens
            except Exception:  # noqa: BLE001 - not what was kept: parse it instead
                pass
        self.fell_back = True
        return MARKDOWN_IT.block(text, env)

    def inline(self, content: str, env: dict[str, Any]) -> list[Token]:
        kept = self._inline.get(content)
        if kept is not None:
            try:
                return load_tokens(kept)
            except Exception:  # noqa: BLE001 - not what was kept: parse it instead
                pass
        self.fell_back = True
        return MARKDOWN_IT.inline(content, env)


class RecordingParse:
    """markdown-it's parse of one source, with every answer kept in plain form."""

    def __init__(self) -> None:
        self.source: str | None = None
        self.blocks: tuple[Any, ...] | None = None
        self.env: Any = None
        self.inline_kept: dict[str, Any] = {}
        self.complete = True  # False once something could not be kept

    def block(self, text: str, env: dict[str, Any]) -> list[Token]:
        tokens = MARKDOWN_IT.block(text, env)
        if self.source is not None:
            self.complete = False  # more than one block parse (a chunked article)
        self.source, self.blocks = text, dump_tokens(tokens)
        self.env = _plain_env(env)
        if self.blocks is None or self.env is None:
            self.complete = False
        return tokens

    def inline(self, content: str, env: dict[str, Any]) -> list[Token]:
        children = MARKDOWN_IT.inline(content, env)
        kept = dump_tokens(children)
        if kept is None:
            self.complete = False
        else:
            self.inline_kept[content] = kept
        return children

    def entry(self) -> tuple[Any, ...] | None:
        """(source, block tokens, inline tokens by text, env) in plain form, or None."""
        if not self.complete or self.source is None or self.blocks is None:
            return None
        return (self.source, self.blocks, self.inline_kept, self.env)


def _plain_env(env: dict[str, Any]) -> Any:
    """markdown-it's env after a block parse (reference definitions: strings and line
    numbers), if it is plain data; else None."""
    if set(env) - {"references"}:
        return None
    references = env.get("references")
    if references is None:
        return {}
    plain: dict[str, dict[str, Any]] = {}
    for label, ref in references.items():
        if not isinstance(label, str) or not isinstance(ref, dict):
            return None
        if any(not isinstance(v, (str, int, list, type(None))) for v in ref.values()):
            return None
        plain[label] = dict(ref)
    return {"references": plain}
