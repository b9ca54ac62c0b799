"""The words around a word, for the context rules (``rules``, ``literary``, ``older_words``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from store.japanese.rules import Token


def prev_token(tokens: list[Token], i: int, k: int = 1) -> Token | None:
    """The ``k``-th word before ``tokens[i]``, or None at the start."""
    return tokens[i - k] if i - k >= 0 else None


def next_token(tokens: list[Token], i: int, k: int = 1) -> Token | None:
    """The ``k``-th word after ``tokens[i]``, or None at the end."""
    return tokens[i + k] if i + k < len(tokens) else None


def joined(a: Token | None, b: Token | None) -> bool:
    """True when ``a`` and ``b`` touch, with no space the analysis skipped between."""
    return a is not None and b is not None and a.end == b.start and not b.gap
