"""What a search query says: words (AND), phrases in quotes, ``-word`` to exclude.

``日米 同盟`` finds paragraphs with both words; ``"日米 同盟"`` the exact text with its space;
``同盟 -日米`` paragraphs with 同盟 but without 日米. A bare word also finds its other forms
(取り組む → 取り組み, 取り組んで); a phrase is matched as written. Quotes may be ASCII ``"``,
full-width ``＂`` or curly ``“…”``; words are separated by any space (the full-width one too).
An unclosed quote runs to the end of the query, so nothing typed is ever dropped.
"""

from __future__ import annotations

from dataclasses import dataclass

OPEN_QUOTES = {'"': '"', "＂": "＂", "“": "”"}
EXCLUDE = frozenset("-－")


@dataclass(frozen=True, slots=True)
class Term:
    """One thing to find: ``text`` as typed, a ``phrase`` (no other forms) or a bare word."""

    text: str
    phrase: bool = False


@dataclass(frozen=True, slots=True)
class Query:
    include: tuple[Term, ...]
    exclude: tuple[Term, ...] = ()

    @property
    def empty(self) -> bool:
        """Nothing to find (only exclusions, or nothing at all)."""
        return not self.include

    def describe(self) -> str:
        """The query written back in its normal form (for status lines)."""
        parts = [_show(t) for t in self.include] + ["-" + _show(t) for t in self.exclude]
        return " ".join(parts)


def _show(term: Term) -> str:
    return f'"{term.text}"' if term.phrase else term.text


def parse_query(text: str) -> Query:
    """Split ``text`` into terms (see the module docstring); duplicates are dropped."""
    include: list[Term] = []
    exclude: list[Term] = []
    i, n = 0, len(text)
    while i < n:
        if text[i].isspace():
            i += 1
            continue
        negative = text[i] in EXCLUDE and i + 1 < n and not text[i + 1].isspace()
        if negative:
            i += 1
        close = OPEN_QUOTES.get(text[i])
        if close is not None:
            end = text.find(close, i + 1)
            end = n if end < 0 else end
            term = Term(text[i + 1 : end].strip(), phrase=True)
            i = end + 1
        else:
            end = i
            while end < n and not text[end].isspace() and text[end] not in OPEN_QUOTES:
                end += 1
            term = Term(text[i:end])
            i = end
        target = exclude if negative else include
        if term.text and term not in target:
            target.append(term)
    return Query(tuple(include), tuple(exclude))
