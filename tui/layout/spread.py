"""How much readings cost the base line: measured on laid-out rows, for the layout benchmark.

Laying a text out with its readings and without, at the same width, gives:

* **row growth** — base rows with readings over base rows without, minus one: the text gets
  longer when readings need more room than their words (a line ends early because the next
  word's reading would not fit over it), or when inline readings take room of their own;
* **blank cells** — cells opened inside base rows before a word so its reading fits (at most
  one per word), per 1,000 characters;
* **off-centre** — share of reading groups placed two or more cells away from centred over
  their words;
* **half-width** — share of reading groups drawn in half-width katakana (all of them in that
  style; in ``auto`` with kana, the words whose kana reading did not fit over them).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from tui.layout.cells import char_width
from tui.layout.lines import ReadingLike, Row, layout_text


@dataclass
class Spread:
    chars: int = 0
    rows_plain: int = 0
    rows: int = 0
    blanks: int = 0
    groups: int = 0
    off_centre: int = 0
    half_width: int = 0

    def add(self, other: Spread) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def row_growth(self) -> float:
        return self.rows / self.rows_plain - 1 if self.rows_plain else 0.0

    @property
    def blanks_per_1000(self) -> float:
        return 1000 * self.blanks / self.chars if self.chars else 0.0

    @property
    def off_centre_share(self) -> float:
        return self.off_centre / self.groups if self.groups else 0.0

    @property
    def half_width_share(self) -> float:
        return self.half_width / self.groups if self.groups else 0.0


def _blanks(row: Row, text: str) -> int:
    """Cells opened between drawn characters that no decoration (marker, inline reading) fills."""
    opened = 0
    prev_end: int | None = None
    for i, col in enumerate(row.cols):
        if col < 0:
            continue
        if prev_end is not None and col > prev_end:
            filled = sum(d.width for d in row.decorations if prev_end <= d.col < col)
            opened += max(0, col - prev_end - filled)
        prev_end = col + char_width(text[row.start + i])
    return opened


def _off_centre(row: Row, text: str) -> tuple[int, int, int]:
    """(groups, groups two or more cells from centred, groups in half-width) on ``row``."""
    groups: list[list] = []
    for r in row.ruby:
        if groups:
            prev = groups[-1][-1]
            a = row.cols[prev.end - 1 - row.start] + char_width(text[prev.end - 1])
            if prev.end == r.start and row.cols[r.start - row.start] == a:
                groups[-1].append(r)
                continue
        groups.append([r])
    off = half = 0
    for g in groups:
        if any("\uff61" <= ch <= "\uff9f" for r in g for ch in r.reading):
            half += 1
        left = row.cols[g[0].start - row.start]
        right = row.cols[g[-1].end - 1 - row.start] + char_width(text[g[-1].end - 1])
        reading_mid = (g[0].col + g[-1].col + g[-1].width) / 2
        if abs(reading_mid - (left + right) / 2) >= 2:
            off += 1
    return len(groups), off, half


def measure(
    text: str,
    width: int,
    readings: Sequence[ReadingLike],
    *,
    inline: bool = False,
    reading_form: Callable[[str], str] | None = None,
    fallback_form: Callable[[str], str] | None = None,
) -> Spread:
    """The cost of ``readings`` on ``text`` laid out at ``width``."""
    plain = layout_text(text, width)
    rows = layout_text(
        text,
        width,
        readings=readings,
        inline=inline,
        reading_form=reading_form,
        fallback_form=fallback_form,
    )
    out = Spread(chars=len(text), rows_plain=len(plain), rows=len(rows))
    for row in rows:
        out.blanks += _blanks(row, text)
        groups, off, half = _off_centre(row, text)
        out.groups += groups
        out.off_centre += off
        out.half_width += half
    return out
