"""The reader's layout engine: Japanese text in terminal cells, pure Python (no Textual).

* :mod:`tui.layout.cells` — cell widths (wcwidth-style; East Asian Ambiguous = 1) and visible
  stand-ins for control characters;
* :mod:`tui.layout.kinsoku` — where a line may break;
* :mod:`tui.layout.lines` — one text → rows with furigana placed, mapping cells ↔ offsets;
* :mod:`tui.layout.table` — tables with aligned columns;
* :mod:`tui.layout.document` — a whole document, laid out lazily, as screen lines;
* :mod:`tui.layout.plain` — rows as plain strings (tests, popups, debugging).
"""

from tui.layout.cells import char_width, display_char, drawn_text, text_width
from tui.layout.document import BASE, BLANK, RUBY, BlockLayout, DocumentLayout, Line, layout_block
from tui.layout.lines import Decoration, Row, RubyPlacement, RubySpan, clean_readings, layout_text

__all__ = [
    "BASE",
    "BLANK",
    "RUBY",
    "BlockLayout",
    "Decoration",
    "DocumentLayout",
    "Line",
    "Row",
    "RubyPlacement",
    "RubySpan",
    "char_width",
    "clean_readings",
    "display_char",
    "drawn_text",
    "layout_block",
    "layout_text",
    "text_width",
]
