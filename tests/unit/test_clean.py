"""clean_text: no content file can drive the reader's terminal."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from spinetui.model import clean_data, clean_text

CONTROLS = {chr(c) for c in range(0x20) if c not in (9, 10)} | {"\x7f"}
CONTROLS |= {chr(c) for c in range(0x80, 0xA0)}


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        ("before\x1b[2Jafter", "beforeafter"),  # CSI erase screen
        ("\x1b[31;1mred\x1b[0m", "red"),  # CSI colours
        ("title\x1b]0;pwned\x07", "title"),  # OSC window title, BEL-terminated
        ("title\x1b]2;pwned\x1b\\", "title"),  # OSC, ST-terminated
        ("copy\x1b]52;c;cHduZWQ=\x07", "copy"),  # OSC 52 clipboard write
        ("dcs\x1bPq#0;2;0;0;0#0~~\x1b\\end", "dcsend"),  # DCS (sixel)
        ("apc\x1b_payload\x1b\\end", "apcend"),  # APC
        ("c1\x9b2Jcsi", "c1csi"),  # 8-bit CSI
        ("c1\x9d0;pwned\x9cosc", "c1osc"),  # 8-bit OSC and ST
        ("reset\x1bc!", "reset!"),  # ESC c (full reset)
        ("del\x7fete", "delete"),
        ("nul\x00l", "null"),
        ("bell\x07", "bell"),
        ("back\x08space", "backspace"),
        ("vt\x0bff\x0c", "vtff"),
        ("next\x85line", "nextline"),  # C1 NEL
    ],
)
def test_escape_families_are_removed(dirty: str, clean: str) -> None:
    assert clean_text(dirty) == clean


def test_unterminated_string_sequence_does_not_swallow_text() -> None:
    # An OSC without its terminator loses only its introducer, not the rest of the text.
    assert clean_text("a\x1b]0;title and more text") == "a0;title and more text"


def test_tab_newline_and_unicode_are_kept() -> None:
    text = "Tab\there\nnew line — café, naïve, 日本語, Ελληνικά, emoji 🩺💉, NBSP\u00a0ok"
    assert clean_text(text) == text


def test_line_endings_and_bom() -> None:
    assert clean_text("\ufeffa\r\nb\rc\n") == "a\nb\nc\n"
    assert clean_text("a\ufeffb") == "ab"  # inside the text it is invisible: removed (issue 14)


def test_clean_data_recurses_into_keys_and_values() -> None:
    data = {"ti\x1b[2Jtle": ["x\x07", {"k": "v\x9b"}], "n": 3, "t": ("\x00a",)}
    assert clean_data(data) == {"title": ["x", {"k": "v"}], "n": 3, "t": ("a",)}


@given(st.text())
def test_no_control_character_survives(text: str) -> None:
    assert not CONTROLS & set(clean_text(text))


# Format characters (Cf), the line and paragraph separators and the emoji parts that
# terminals measure differently are changed on purpose (test_clean_format_chars.py).
_CHANGED_EMOJI_PARTS = {0xFE0F, *range(0x1F3FB, 0x1F400)}


@given(
    st.text(
        alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Cf", "Zl", "Zp")).filter(
            lambda c: ord(c) not in _CHANGED_EMOJI_PARTS
        )
    )
)
def test_text_without_controls_is_unchanged(text: str) -> None:
    assert clean_text(text) == text
