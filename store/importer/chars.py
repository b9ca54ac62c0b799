"""Rough printed widths, sentence ends and line joining: the facts the line rules use.

What a kanji or a kana is comes from ``store.japanese.chars``, the one module of character
classes.
"""

from __future__ import annotations

from functools import lru_cache

from store.japanese.chars import KANA, KANJI
from store.patterns import compiled

JAPANESE_RE = compiled(f"[{KANJI}{KANA}、。「」（）]")
LATIN_END_RE = compiled(r"[A-Za-z0-9,.;:%)\]]$")
LATIN_START_RE = compiled(r"^[A-Za-z0-9(\[]")


#: Characters printed at half width: ASCII, Latin letters, the alphabets a Japanese font has
#: no full-width glyphs for (Hebrew to Thai and beyond; not Greek or Cyrillic, which it has),
#: half-width katakana.
_NARROW = compiled(
    r"[\x20-\x7e\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0590-\u1fff\uff61-\uff9f]"
)


@lru_cache(maxsize=8192)
def width(text: str) -> float:
    """Printed width in ems: a full-width character is 1, a half-width one about 0.55."""
    narrow = len(text) - len(_NARROW.sub("", text))
    return len(text) - 0.45 * narrow


_CLOSERS = '」』）〕】)"”’'


def ends_sentence(text: str) -> bool:
    """The text ends a sentence (。．！？, or a Latin full stop), closing brackets allowed after."""
    t = text.rstrip().rstrip(_CLOSERS)
    if not t:
        return False
    last = t[-1]
    if last in "。．！？!?":
        return True
    return last == "." and not (len(t) > 1 and t[-2].isascii() and t[-2].isalnum())


#: A Japanese sentence end with more text right after it (not a closing bracket or a space).
_INNER_END = compiled(r"[。！？][^\s」』）〕】)\"”’。！？]")


def continues_after_sentence(text: str) -> bool:
    """A sentence ends inside the text and more follows (``…している。安全``): the line is
    prose, never a title, heading or caption. A space after ``？`` is allowed (``なぜ今か？ 日米``)."""
    return bool(_INNER_END.search(text.strip()))


def has_sentence(text: str) -> bool:
    """The text holds a sentence end (``。！？``) anywhere: it is body text, not a label."""
    return any(mark in text for mark in "。！？")


def separator(
    left_tail: str, right: str, last_line: str | None = None, had_space: bool = False
) -> str:
    """What goes between two wrapped lines: nothing inside Japanese, a space between Latin
    words, given only the end of the left side (so joining stays cheap on long paragraphs).

    A PDF wraps Japanese lines at any character, so a Latin word cut at the end of a Japanese
    line (``ASEA`` / ``N``, a URL) is glued back; the space is kept only where the source line
    ended with one (``had_space``) or ``last_line`` (the left side's last source line) is Latin
    text, which wraps at spaces.
    """
    left = left_tail.rstrip()
    if not left or not right:
        return ""
    if right.startswith(("http://", "https://", "<http")) and not left.endswith(("/", "-", "_")):
        return " "
    if LATIN_END_RE.search(left) and LATIN_START_RE.match(right):
        word = left.rsplit(" ", 1)[-1]
        in_url = "http" in word or "www." in word
        line = left[-30:] if last_line is None else last_line
        if had_space or (not in_url and not JAPANESE_RE.search(line)):
            return " "
    return ""


def join_lines(left: str, right: str, last_line: str | None = None) -> str:
    """Join two wrapped lines (see :func:`separator`); trailing space on the left is dropped."""
    had_space = left[-1:].isspace()
    left = left.rstrip()
    right = right.lstrip()
    return left + separator(left[-200:], right, last_line, had_space) + right
