"""The YAML reader: the flat front-matter fast path agrees with PyYAML; bombs are refused."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from spinetui.model._yaml import (
    YAMLRefused,
    YList,
    YMap,
    _CLoader,
    parse_simple_mapping,
    parse_yaml,
)


def slow(text: str, offset: int = 0):
    loader = _CLoader(text)
    loader.line_offset = offset
    loader.duplicate_keys = []
    try:
        return loader.get_data()
    finally:
        loader.dispose()


def same(a, b) -> bool:
    if isinstance(a, dict):
        return (
            isinstance(b, dict)
            and list(a) == list(b)
            and all(same(a[k], b[k]) for k in a)
            and getattr(a, "key_lines", None) == getattr(b, "key_lines", None)
            and getattr(a, "line", None) == getattr(b, "line", None)
        )
    if isinstance(a, list):
        return (
            isinstance(b, list)
            and len(a) == len(b)
            and all(same(x, y) for x, y in zip(a, b, strict=True))
            and getattr(a, "line", None) == getattr(b, "line", None)
        )
    return type(a) is type(b) and a == b


def test_typical_front_matter_takes_the_fast_path() -> None:
    text = (
        "id: esi\ntitle: Epidural steroid injections (ESI)\nsection: treatments\norder: 10\n"
        "summary: What the shot is, how well it works, and what it costs.\n"
        "reviewed: 2026-11-20\nsources: [cochrane-2020, fda-2014]\nkind: treatment\n"
    )
    fast = parse_simple_mapping(text, 1)
    assert isinstance(fast, YMap)
    assert fast["reviewed"] == dt.date(2026, 11, 20)
    assert fast["order"] == 10 and type(fast["order"]) is int
    assert isinstance(fast["sources"], YList) and fast["sources"].line == 8
    assert fast.line_of("summary") == 6
    assert same(fast, slow(text, 1))


@pytest.mark.parametrize(
    "text",
    [
        "title: a # comment\n",
        "title: 'it''s'\n",
        'title: "a\\tb"\n',
        "title: yes\n",
        "title: ~\n",
        "order: 0x1f\n",
        "order: 1_000\n",
        "order: 1:30\n",
        "title: a: b\n",
        "title: &x a\n",
        "title: *x\n",
        "title: !!str 1\n",
        "title: |\n  block\n",
        "title:\n  nested: 1\n",
        "sources: [a, [b]]\n",
        "sources: [2020]\n",
        "sources: [a, ]\n",
        "a: 1\na: 2\n",
        "yes: 1\n",
        "  indented: 1\n",
        "title: -dash\n",
        "reviewed: 2026-11-20 10:00:00\n",
    ],
)
def test_anything_unusual_goes_to_pyyaml(text: str) -> None:
    assert parse_simple_mapping(text) is None


plain_word = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzABC0123456789 -_.,()/é?!'\"#:&*[]{}|>%@`",
    min_size=1,
    max_size=20,
)
value = st.one_of(
    plain_word,
    st.integers(-1000, 10**6).map(str),
    st.floats(allow_nan=False, allow_infinity=False, width=32).map(repr),
    st.dates().map(lambda d: d.isoformat()),
    st.sampled_from(["2026-13-45", "yes", "No", "null", "~", "true", "on", "1e3", ".5", "007"]),
    st.lists(plain_word, max_size=4).map(lambda xs: "[" + ", ".join(xs) + "]"),
    plain_word.map(lambda w: f'"{w}"'),
    plain_word.map(lambda w: f"'{w}'"),
)
key = st.sampled_from(["id", "title", "order", "reviewed", "sources", "kind", "x-y", "on", "null"])
line = st.builds(lambda k, v: f"{k}: {v}", key, value)
document = st.lists(
    st.one_of(line, st.just(""), st.just("# a comment")), min_size=1, max_size=8
).map("\n".join)


@settings(max_examples=400, deadline=None)
@given(document)
def test_fast_path_agrees_with_pyyaml(text: str) -> None:
    fast = parse_simple_mapping(text, 1)
    if fast is None:
        return
    expected = slow(text, 1)
    assert same(fast, expected), (fast, expected)


def test_billion_laughs_is_refused() -> None:
    rows = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        rows.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    with pytest.raises(YAMLRefused, match="would expand") as caught:
        parse_yaml("\n".join(rows))
    assert caught.value.line is not None


def test_cyclic_alias_is_refused() -> None:
    with pytest.raises(YAMLRefused, match="refers to itself"):
        parse_yaml("a: &a [1, *a]\n")


def test_bad_date_stays_text() -> None:
    data, _ = parse_yaml("when: 2026-02-30\nthen: !!timestamp 2026-02-31\n")
    assert data == {"when": "2026-02-30", "then": "2026-02-31"}


def test_yaml_error_is_yaml_error() -> None:
    with pytest.raises(yaml.YAMLError):
        parse_yaml("a: [1\n")
