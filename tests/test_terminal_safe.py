"""The one gate between user data and a terminal (store.terminal_safe)."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from store.terminal_safe import (
    clean_line,
    display_char,
    escape_json,
    is_safe,
    safe_line,
    safe_text,
    strip_controls,
)

OSC52 = "\x1b]52;c;SGk=\x07"


def test_shown_text_keeps_its_length_and_loses_its_power() -> None:
    text = f"題{OSC52}名\x9b31m\u202e右\udcff"
    shown = safe_text(text)
    assert len(shown) == len(text)
    assert shown == "題␛]52;c;SGk=␇名⍰31m⍰右\ufffd"
    assert is_safe(shown) and not is_safe(text)


def test_one_line_and_multi_line_forms() -> None:
    assert safe_text("a\nb\tc\rd") == "a\nb\tc␍d"
    assert safe_line("a\nb\tc\rd") == "a b c d"
    assert display_char("\n") == "␊"  # a single character shown on its own is a symbol


def test_stripping_removes_sequences_whole() -> None:
    assert strip_controls(f"前{OSC52}後\x1b[1;31m赤\x07") == ("前後赤", 3)
    assert clean_line(f" 名前\n{OSC52}\t続き \udcff ") == "名前  続き �"


@settings(max_examples=300)
@given(st.text())
def test_every_string_is_made_safe_by_both_gates(text: str) -> None:
    assert is_safe(safe_text(text))
    assert is_safe(safe_line(text)) and "\n" not in safe_line(text)
    stripped = clean_line(text)  # data: no control character or escape left in it
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in stripped)


@settings(max_examples=300)
@given(
    st.recursive(st.text() | st.integers(), lambda c: st.lists(c) | st.dictionaries(st.text(), c))
)
def test_escaped_json_is_printable_and_means_the_same(value: object) -> None:
    printed = escape_json(json.dumps(value, ensure_ascii=False, indent=1))
    assert is_safe(printed)
    assert json.loads(printed) == value


def test_the_fast_path_ranges_hold_only_safe_characters() -> None:
    import re

    from store.terminal_safe import SAFE_RANGES

    fast = re.compile(f"[{SAFE_RANGES}]")
    for code in range(0x30000):
        ch = chr(code)
        if fast.match(ch) and ch not in "\n\t":
            assert display_char(ch) == ch, hex(code)
