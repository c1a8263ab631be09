"""A reader's search text becomes words, quoted for FTS5; never syntax, never an error."""

from __future__ import annotations

import re
import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spinetui.search import MAX_QUERY_CHARS, MAX_WORDS, parse_query

# Only quoted strings (the last may be a prefix), separated by spaces or OR.
SAFE_EXPRESSION = re.compile(r'^(?:"(?:[^"]|"")*"\*?)(?:(?: | OR )"(?:[^"]|"")*"\*?)*$')


def _fts_table() -> sqlite3.Connection:
    db = sqlite3.connect(":memory:")
    db.execute(
        "CREATE VIRTUAL TABLE t USING fts5(title, heading, body, "
        "tokenize = 'porter unicode61 remove_diacritics 2')"
    )
    db.execute("INSERT INTO t VALUES ('Covid-19 and you', 'Don''t panic', 'near the nerve')")
    return db


def test_words_are_quoted_and_the_last_one_is_a_prefix():
    query = parse_query("nerve pain")
    assert query.words == ("nerve", "pain")
    assert query.fts() == '"nerve" "pain"*'


def test_words_joined_by_a_hyphen_or_apostrophe_stay_one_phrase():
    assert parse_query("covid-19").phrases == (("covid", "19"),)
    assert parse_query("don't worry").phrases == (("don", "t"), ("worry",))
    assert parse_query("covid-19").fts() == '"covid 19"*'


def test_letters_of_any_script_and_accents_are_words():
    assert parse_query("café naïve 椎間板").words == ("café", "naïve", "椎間板")


@pytest.mark.parametrize(
    "text",
    ["", "   ", "***", '"', "^", "()", "(*", "-", "😀😀", "\x00\x1b[", "\u0301"],
)
def test_text_without_letters_or_digits_is_no_query(text):
    query = parse_query(text)
    assert not query
    assert query.words == ()


@pytest.mark.parametrize(
    "text, words",
    [
        ('"nerve', ("nerve",)),
        ("NEAR(nerve pain)", ("NEAR", "nerve", "pain")),
        ("nerve* OR pain", ("nerve", "OR", "pain")),
        ("title:nerve", ("title", "nerve")),
        ("^nerve", ("nerve",)),
        ("nerve AND NOT pain", ("nerve", "AND", "NOT", "pain")),
        ("{title heading}: nerve", ("title", "heading", "nerve")),
        ("nerve\x1b[2Jpain", ("nerve", "2Jpain")),
    ],
)
def test_fts_operators_are_searched_as_plain_words(text, words):
    query = parse_query(text)
    assert query.words == words
    # Each word is inside quotes, so NEAR, OR, NOT, ^ and : are not operators.
    assert SAFE_EXPRESSION.match(query.fts())


def test_a_long_paste_is_cut_to_the_limits():
    query = parse_query("word " * 2_000)
    assert len(query.words) == MAX_WORDS
    one_long_word = parse_query("x" * 10_000)
    assert one_long_word.words == ("x" * MAX_QUERY_CHARS,)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gives_an_expression_fts5_accepts(text):
    query = parse_query(text)
    if not query:
        return
    db = _fts_table()
    for expression in (query.fts(), query.fts(any_phrase=True)):
        assert SAFE_EXPRESSION.match(expression), expression
        db.execute("SELECT rowid FROM t WHERE t MATCH ?", (expression,)).fetchall()
