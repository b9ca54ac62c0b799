"""One line-breaking routine for the whole app: the reader's, in every widget that wraps text.

Rich and Textual break lines only at spaces (a Japanese sentence is one long "word", cut
wherever the width runs out, so a line may start with 。 or 」). The reader lays out Japanese
itself (:mod:`tui.layout`); everything else — the sidebar, the tag browser, dialogs, toasts,
tooltips, help, text areas — is wrapped by Rich (``rich.text.Text.wrap``), Textual's
``Content``, or Textual's ``TextArea``, which each ask one function where to cut a line.
:func:`install` points those three at :func:`tui.layout.wrap.break_offsets`, so every line in
the app follows the same rules: kinsoku (no line starts with a closing mark or ends with an
opening one), wide characters in two cells, Latin words and numbers whole.

The hooks are module-level functions of Rich 15 and Textual 8 (the versions
``pyproject.toml`` allows); ``tests/test_line_breaking.py`` checks each widget kind, so a
version that renames them fails a test rather than quietly wrapping the old way.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tui.layout.wrap import break_offsets

_installed = False


def _divide_line(original: Callable[..., list[int]]) -> Callable[..., list[int]]:
    def divide_line(text: str, width: int, fold: bool = True) -> list[int]:
        if not fold and text.isascii():
            return original(text, width, fold)  # long Latin words are cropped, not folded
        return break_offsets(text, width)

    return divide_line


def _wrap_offsets(original: Callable[..., list[int]]) -> Callable[..., list[int]]:
    def compute_wrap_offsets(text: str, width: int, *args: Any, **kwargs: Any) -> list[int]:
        if "\t" in text:
            return original(text, width, *args, **kwargs)  # tab stops: Textual's own
        return break_offsets(text, width)

    return compute_wrap_offsets


def install() -> None:
    """Make :func:`~tui.layout.wrap.break_offsets` the line breaking of Rich and Textual
    (idempotent; the app calls it once at start-up)."""
    global _installed
    if _installed:
        return
    import rich.text
    import textual.content
    import textual.document._wrapped_document as wrapped

    rich.text.divide_line = _divide_line(rich.text.divide_line)
    textual.content.divide_line = _divide_line(textual.content.divide_line)
    wrapped.compute_wrap_offsets = _wrap_offsets(wrapped.compute_wrap_offsets)
    _installed = True
