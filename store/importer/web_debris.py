"""Lines that are page furniture, not the document: web chrome and PDF page debris.

Web: comment boxes, login prompts, ranking lists, related-article lists, contact blocks,
breadcrumbs, "back to top", "News Thumbnail", share-button rows and share links, copyright
lines, "…はこちら" links, bare counters. PDF: page numbers, "1ページ", layout file
names, column labels. Running headers (short lines repeated on many pages) are found per
document by :func:`running_headers`.
"""

from __future__ import annotations

import re
from collections import Counter

from store.importer.chars import ends_sentence
from store.importer.headings import match_heading
from store.patterns import compiled

_SNS = r"(?:HP|ホームページ|YouTube|Twitter|X|Facebook|Instagram|LINE|TikTok|note|はてブ|はてな|Pocket|シェア|ツイート|ポスト|いいね|保存|印刷|メール|Share|Tweet|Print|Email)"
_DEBRIS = [
    compiled(r"^News Thumbnail$", re.I),
    compiled(rf"^{_SNS}(?:[ 　|｜/・]+{_SNS})*$", re.I),
    compiled(r"^(?:Copyright|©|\(c\)|（c）|著作権).*", re.I),
    compiled(r".*All Rights Reserved\.?$", re.I),
    compiled(r"^ログイン(?:して|する|が必要).*"),
    compiled(r"^(?:コメント|コメントする|コメントを書く|コメント一覧)(?:[（(]?\d+[）)]?)?$"),
    compiled(r"^(?:この記事を|記事を)?(?:シェア|共有)(?:する)?$"),
    compiled(r"^.{1,30}(?:はこちら|こちらから|をクリック)$"),
    compiled(r"^(?:別ウィンドウで開く|新しいウィンドウで開く|PDF)$"),
    compiled(
        r"^(?:前の記事|次の記事|関連記事|トップへ戻る|ページの先頭へ|ページトップへ|戻る|もっと見る|続きを読む)$"
    ),
    compiled(r"^[0-9０-９]{1,3}$"),  # counters, page numbers, rank numbers
    compiled(r"^[-－–—]\s*[0-9０-９]{1,4}\s*[-－–—]$"),  # - 12 -
    compiled(r"^[0-9０-９]{1,4}\s*(?:ページ|頁|page)$", re.I),
    compiled(r"^[0-9]+(?:-[0-9]+)+_\S*\s*$"),  # layout file names: 2-3-2_コラム_…
    compiled(r"^(?:C ?O ?L ?U ?M ?N|コラム|－|―|—)$"),
    compiled(r"^.{0,20}(?:無断転載|転載を禁じ|複製を禁じ).*$"),
    compiled(r"^(?:PR|広告|スポンサーリンク|Advertisement|AD)$", re.I),
    # a paywall's notice: この記事は有料会員限定です。, 続きは会員登録（無料）で読めます
    compiled(r"^(?:この記事は|本記事は)?(?:有料)?(?:会員|購読者)(?:限定|専用)(?:の)?(?:記事)?(?:です)?。?$"),
    compiled(r"^(?:この記事の)?続きは.{0,20}(?:会員|ログイン|登録|購読).{0,20}$"),
    compiled(r"^(?:残り|あと)[0-9０-９,，]+(?:文字|字)(?:あります)?。?$"),
    compiled(
        r"^(?:LINEで送る|LINEで共有|はてなブックマーク|ブックマーク|お気に入り(?:に追加)?|シェアする|ツイートする|保存する|印刷する)$"
    ),
    compiled(
        r"^(?:前へ|次へ|前のページ|次のページ|ページトップ|一覧へ戻る|トップページ|ホーム)$"
    ),
    compiled(r"^(?:この記事の(?:画像|写真)(?:[（(]\d+枚[）)])?|画像を拡大|写真を拡大|拡大する)$"),
    # "back to top", in its many spellings
    compiled(
        r"^[▲△↑^]?\s*(?:ページの?(?:先頭|トップ|上)(?:へ|に)(?:戻る)?|(?:このページの)?先頭(?:へ|に)戻る"
        r"|(?:TOP|トップ)(?:へ|に)戻る|Back to top|Page top)$"
    ),
    # breadcrumbs: ホーム ＞ 国際情勢 ＞ 解説記事
    compiled(r"^[^。、>＞›»]{1,20}(?:[ 　]*[>＞›»][ 　]*[^。、>＞›»]{1,40}){2,}$"),
    compiled(r"^(?:ホーム|トップ|TOP|Home)[ 　]*[>＞›»/／].*$", re.I),
    # share and follow links: Facebookでシェア, X（旧Twitter）でポスト
    compiled(r"^.{1,24}で(?:シェア|共有|ポスト|送る|フォロー)(?:する)?$"),
    compiled(r"^(?:シェア|共有|フォロー)(?:する)?[：:]?$"),
]
#: A line that opens a block of debris running to the next real paragraph.
_SECTION_START = compiled(
    r"^(?:ランキング|人気ランキング|人気記事|アクセスランキング|おすすめ記事|あなたにおすすめ"
    r"|関連記事|関連ニュース|関連リンク|あわせて読みたい|最新記事|新着記事|こちらもおすすめ"
    r"|この記事を読んだ人は.*|(?:この)?ページに関する(?:お)?問い?合わせ(?:先)?|(?:お)?問い?合わせ先?"
    r"|関連(?:する)?(?:記事|ページ|情報|リンク))$"
)


_DEBRIS_ANY = compiled("|".join(f"(?:{p.pattern})" for p in _DEBRIS), re.I)


def is_debris(line: str) -> bool:
    return bool(_DEBRIS_ANY.fullmatch(line.strip()))


_DECORATION = compiled(r"[■□◆◇●○▼▽▶►★☆【】\[\]<>〈〉《》\s]")


def starts_debris_section(line: str) -> bool:
    """``ランキング``, ``■関連記事``, ``【おすすめ記事】``…: the page's furniture begins."""
    return bool(_SECTION_START.match(_DECORATION.sub("", line)))


_PAGE_NUMBER = compiled(r"^(?:[-－–—]\s*)?[0-9０-９]{1,4}(?:\s*[-－–—])?$")


def running_headers(lines: list[str]) -> set[str]:
    """Running headers and footers, found by repetition and by position: short title-like
    lines repeated three or more times, and a short line set right beside a page number
    (``立法と調査　2025.2　No.473`` over ``64``), however rarely it recurs.

    A line that ends a sentence or starts with a hiragana (``した。``) is the tail of a
    paragraph, however often it recurs.
    """
    stripped = [line.strip() for line in lines]
    counts = Counter(s for s in stripped if 4 <= len(s) <= 40)
    found = {s for s, n in counts.items() if n >= 3}
    nonblank = [i for i, s in enumerate(stripped) if s]
    for k, i in enumerate(nonblank):
        if not _PAGE_NUMBER.match(stripped[i]):
            continue
        for j in (k - 1, k + 1):
            if 0 <= j < len(nonblank):
                s = stripped[nonblank[j]]
                if (
                    4 <= len(s) <= 40
                    and not _PAGE_NUMBER.match(s)
                    and not any(mark in s for mark in "、。「」")
                    and match_heading(s) is None
                ):
                    found.add(s)
    found |= _numbered_headers(stripped)
    return {s for s in found if not ends_sentence(s) and not ("\u3041" <= s[0] <= "\u309f")}


_WITH_NUMBER = compiled(
    r"^(?:(?P<lead>[0-9０-９]{1,4})[ \u3000]+(?P<a>\S.{2,38}?)|(?P<b>\S.{2,38}?)[ \u3000]+(?P<tail>[0-9０-９]{1,4}))$"
)


def with_page_number(line: str) -> bool:
    """A short line of words with a number before or after them (a running head's form)."""
    return bool(_WITH_NUMBER.match(line.strip()))


def _numbered_headers(stripped: list[str]) -> set[str]:
    """Running heads that carry the page number (``4　日本と北米の関係``, ``第2章　米国との
    関係　3``): the same words beside different numbers on three or more pages, or beside a
    number and set apart elsewhere as the chapter's own title line."""
    groups: dict[str, list[tuple[str, int, bool]]] = {}
    at: list[tuple[int, str, int, bool]] = []  # (line index, line, number, set apart on both sides)
    for k, s in enumerate(stripped):
        m = _WITH_NUMBER.match(s) if 5 <= len(s) <= 44 else None
        if m is not None:
            words = (m.group("a") or m.group("b")).strip()
            if len(words) >= 4 and not any(mark in words for mark in "、。"):
                number = _number(m.group("lead") or m.group("tail"))
                apart = (k > 0 and not stripped[k - 1]) or (
                    k + 1 < len(stripped) and not stripped[k + 1]
                )
                groups.setdefault(words, []).append((s, number, apart))
                alone_here = (k == 0 or not stripped[k - 1]) and (
                    k + 1 == len(stripped) or not stripped[k + 1]
                )
                at.append((k, s, number, alone_here))
    if not groups:
        return set()
    alone = set(stripped)
    found: set[str] = set()
    for words, lines in groups.items():
        numbers = [n for _, n, _ in lines]
        rising = len(set(numbers)) == len(numbers) and numbers == sorted(numbers)
        if (
            len(set(numbers)) >= 3
            or (len(lines) >= 2 and rising and all(apart for _, _, apart in lines))
            or (words in alone and match_heading(words))
        ):
            found.update(s for s, _, _ in lines)
    return found | _heads_between(at, found)


def _heads_between(at: list[tuple[int, str, int, bool]], found: set[str]) -> set[str]:
    """A head seen once (``2　日本と北米の関係``: a book's title on its only even page, the
    chapter's beside the odd ones) where the pages' numbering puts one: set apart by blank
    lines, its number one past the head found before it or one short of the head after it."""
    heads = [(k, n) for k, s, n, _ in at if s in found]
    more: set[str] = set()
    for k, s, n, alone in at:
        if s in found or not alone:
            continue
        before = [m for j, m in heads if j < k]
        after = [m for j, m in heads if j > k]
        if (before and n == before[-1] + 1) or (after and n == after[0] - 1):
            more.add(s)
    return more


def _number(digits: str) -> int:
    return int(digits.translate(str.maketrans("０１２３４５６７８９", "0123456789")))
