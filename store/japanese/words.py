"""Nouns JMdict knows as one word that Sudachi cuts and misreads (瀬|取り せとり → 瀬取り せどり).

Sudachi's dictionary lacks some words a reader knows whole; its cheapest path then cuts them
into smaller words and reads each alone, losing the sound change the whole word has (瀬取り
せどり, ship-to-ship transfer, read せ + とり). ``words.tsv`` (built by
``tools/build_words_table.py``; EDRDG licence, see its header) holds the ~12,800 nouns that
JMdict reads one way only and that Sudachi cuts into words of content read together otherwise
(unless the cut's longer words can read so in another of their entries: 日本 にほん|企業;
but a four-character idiom of two numbers is kept whatever its cut, the number rules reading
each half as a count: 一石二鳥, 二束三文),
and ~4,500 of them as older and official prose writes them without their okurigana (黒焦 for
黒焦げ, 寝冷 for 寝冷え; the third column is JMdict's spelling), which kana must not go on,
and JMnedict's temples read one way only (浅草寺 せんそうじ, not あさくさ·でら).
Where the text's words are exactly such a cut, they become that noun. Read on first use only.
"""

from __future__ import annotations

from pathlib import Path

from store.japanese.chars import is_hiragana
from store.japanese.numbers import idiom_of_numbers
from store.japanese.rules import Token
from store.japanese.tables import lookup

TABLE = Path(__file__).with_name("words.tsv")
#: The most words a table noun is cut into that are tried together, and its longest surface.
MOST_PIECES, LONGEST = 4, 12
_NOUN_POS = ("名詞", "普通名詞", "一般", "*", "*", "*")


def word_reading(surface: str) -> str | None:
    """JMdict's reading of ``surface`` when it is in the table, else None."""
    columns = lookup(TABLE, surface)
    return columns[0] if columns else None


def join_jmdict_words(tokens: list[Token]) -> list[Token]:
    """Adjacent words with kanji that make a noun of the table become that noun, longest
    first: 瀬|取り → 瀬取り せどり. Only whole words join (the cut must be Sudachi's)."""
    out: list[Token] | None = None  # (made only when a noun joins: most texts have none)
    i, n = 0, len(tokens)
    while i < n - 1:
        tok, nxt = tokens[i], tokens[i + 1]
        joined = (
            _longest(tokens, i, n)  # (the table first: parts of speech cost a lookup)
            if tok.has_kanji and nxt.has_kanji and nxt.start == tok.end
            else None
        )
        if joined is None:
            if out is not None:
                out.append(tok)
            i += 1
            continue
        if out is None:
            out = tokens[:i]
        out.append(joined[0])
        i += joined[1]
    if out is None:
        return tokens
    out.extend(tokens[i:])
    return out


def _counted(tokens: list[Token], i: int) -> bool:
    """Whether tokens[i] cannot open a table noun: after a numeral (二十|脚 is twenty chairs,
    not 二 + 十脚 じっきゃく, the decapods; a word may open with one: 二束三文), or as a suffix
    right after a word, whose end it is (米国|内|法 is 米国内 + 法, not 内法 うちのり)."""
    if i == 0 or tokens[i - 1].end != tokens[i].start:
        return False
    return tokens[i - 1].pos[1] == "数詞" or (
        tokens[i].pos[0] == "接尾辞" and tokens[i - 1].has_kanji
    )


def _count(parts: list[Token]) -> bool:
    """Whether the pieces are a number and its counter (二十|脚 twenty chairs, not the table's
    二十脚 にじゅうあし) or just a number and one kanji (一|対|一 いったいいち, not 一対 いっつい +
    一): the number rules read those."""
    if len(parts) == 2 and parts[0].pos[1] == "数詞" and len(parts[1].surface) == 1:
        return True
    if len(parts) >= 3 and len(parts[-1].surface) >= 2 and "助数詞" not in parts[-1].pos[2]:
        return False  # a word goes on past the count with a noun of its own: 一|寸|法師
    return any(
        p.pos[1] == "数詞" and q.pos[1] != "数詞" and "助数詞" in q.pos[2]
        for p, q in zip(parts, parts[1:], strict=False)
    )


def _continued(tokens: list[Token], j: int) -> bool:
    """Whether the kana at ``tokens[j]`` go on the word before them. A noun written without
    its okurigana (黒焦 for 黒焦げ, 寝冷) is followed by a particle, the copula or する (黒焦に,
    寝冷をして, 物好な, 舌打しながら); other kana make its kanji a verb (見送つて, 目立ぬ,
    気取つた) or are the okurigana written after all (咳払ひ, 横滑べり)."""
    while j < len(tokens) and tokens[j].surface.isspace():
        j += 1  # a line broken inside the word (PDF text: 見送⏎り) still continues it
    if j >= len(tokens):
        return False
    nxt = tokens[j]
    if not is_hiragana(nxt.surface[0]):
        return False
    pos = nxt.pos
    return not (
        pos[0] == "助詞"
        or (pos[0] == "助動詞" and nxt.surface[0] in "だでなじに")
        or pos[4] == "サ行変格"
    )


def _longest(tokens: list[Token], i: int, n: int) -> tuple[Token, int] | None:
    k = 1
    while (
        k < MOST_PIECES
        and i + k < n
        and tokens[i + k].has_kanji
        and tokens[i + k].start == tokens[i + k - 1].end
        and not tokens[i + k].gap
    ):
        k += 1
    for count in range(k, 1, -1):
        parts = tokens[i : i + count]
        surface = "".join(p.surface for p in parts)
        if len(surface) > LONGEST:
            continue
        columns = lookup(TABLE, surface)
        if (
            columns
            and columns[0] != "".join(p.reading for p in parts)
            and (idiom_of_numbers(surface) or not _count(parts))
            and not _counted(tokens, i)
            and not (len(columns) > 1 and _continued(tokens, i + count))
        ):
            return Token(surface, parts[0].start, parts[-1].end, columns[0], _NOUN_POS), count
    return None
