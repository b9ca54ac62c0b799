"""What a page states about itself, taken out of its text into ``Document.metadata``.

- dates of publication and update (``公開日：2025年2月7日``, ``最終更新日：…``) → ``date``,
  ``updated``;
- an author profile box: after a marker (``この記事を書いた人``, ``執筆者``, ``著者プロフィール``…)
  the name and the profile, or around a name's reading (``《やまもと・さこん》``) the box of
  short lines before it (the name is the one another line of the box repeats, as in
  ``山本左近の活動はこちら``) and the biography after it → ``author``, ``author_profile``;
- a byline under the title: a date (its time after it read with it) → ``date``; a name →
  ``author``, without the desk or credit before it (``政治部　山田太郎``, ``文・写真：田中次郎``);
  a Latin spelling of it → ``author_latin``.

The lines read are blanked in place, so they never become blocks; a dateline that says more
than its date, time and author keeps its line (only its date is taken).
"""

from __future__ import annotations

import re

from store.importer.chars import has_sentence
from store.importer.headings import match_heading
from store.importer.web_debris import is_debris
from store.patterns import compiled

_DATE = (
    r"(?:(?:令和|平成|昭和)?[0-9０-９元]{1,4}年[0-9０-９]{1,2}月[0-9０-９]{1,2}日"
    r"|[0-9]{4}[./-][0-9]{1,2}[./-][0-9]{1,2})"
)
_DATE_LINE = compiled(
    r"^[【\[（(]?(?P<label>最終更新日|更新日|最終更新|更新|公開日|投稿日|掲載日|作成日|発行日|配信日"
    r"|公開|投稿|掲載|配信)(?:時)?[】\]）)]?[：:\s　]*(?P<date>" + _DATE + r")(?:[\s　（(].*)?$"
)
_FULL_DATE = compiled(r"^" + _DATE + r"(?:[\s　（(].*)?$")
_PROFILE_MARK = compiled(
    r"^[■●◆【\[]?(?:この記事を書いた人|この記事の(?:執筆者|著者)|執筆者(?:紹介|プロフィール)?"
    r"|著者(?:紹介|プロフィール)?|筆者(?:紹介|プロフィール)|プロフィール|About the author)[】\]]?[：:]?$",
    re.I,
)
_READING = compiled(r"^《[ぁ-ゖァ-ヺー]+[・ 　][ぁ-ゖァ-ヺー・ 　]+》$")
_PERSON = r"[一-鿿々ぁ-ゖァ-ヺー]{1,6}[ 　]?[一-鿿々ぁ-ゖァ-ヺー]{1,6}"
_NAME = compiled(r"^" + _PERSON + r"$")
#: A newsroom's desk or the writer's post before the name (``政治部``, ``ワシントン支局``,
#: ``論説委員``, ``経済部記者``, ``特派員``): a word ending so, at least two characters before
#: its ending (``阿部``, ``服部`` are names), set apart from the name.
_DESK = r"(?:[一-鿿々ァ-ヺー]{2,12}(?:部|局|委員|記者|特派員)|特派員)[\s　・/／＝]+"
#: A credit naming the writer (``投稿者：``, ``文・``, ``取材・文／``, ``文・写真：``); a photo
#: credit alone names no writer.
_CREDIT = (
    r"(?:(?:取材|構成|写真|撮影|イラスト)[・/／])*(?:投稿者|著者|執筆者|執筆|筆者|記者|文|ライター"
    r"|Writer|By)(?:[・/／](?:取材|構成|写真|撮影|イラスト))*[\s　]*[：:・/／]?"
)
#: A name labelled as the writer's, by a desk, a credit or both, alone or after a date. After
#: a desk, a unit (``北米局　北米第一課``) is no one's name: the line is read as if it had no desk.
_AUTHOR_AFTER = compiled(
    r"^[\s　]*(?:[|｜/／・][\s　]*)?(?P<desk>" + _DESK + r")?(?P<label>" + _CREDIT + r")?"
    r"[\s　]*(?P<name>" + _PERSON + r")(?(desk)(?<![部局課室省庁班係]))$",
    re.I,
)
#: What follows a dateline's date before its name: the time (``18:30``, ``18時30分``) and an
#: update in brackets (``（2025年2月8日 11:05更新）``).
_TIME_AFTER = compiled(
    r"^[\s　]*(?:[0-9０-９]{1,2}[:：][0-9０-９]{2}|[0-9０-９]{1,2}時(?:[0-9０-９]{1,2}分)?)?"
    r"(?:[\s　]*[（(][^）)]*[）)])?"
)
#: A word after a date saying what the date is (``2025年2月7日　更新``): part of the date.
_DATE_WORD = compiled(r"^(?:更新|公開|発行|配信|掲載|投稿|作成|現在|時点)(?:日|時)?$")
_LATIN_NAME = compiled(r"^[A-Z][a-z]+(?: [A-Z][a-z]+){1,2}$")


def page_dates(lines: list[str], metadata: dict[str, str]) -> None:
    """``公開日：…`` / ``最終更新日：…`` lines: the dates go to metadata, the lines go."""
    for i, line in enumerate(lines):
        s = line.strip()
        if not s or len(s) > 60 or ("日" not in s and "/" not in s and "." not in s):
            continue
        m = _DATE_LINE.match(s)
        if m:
            key = "updated" if "更新" in m.group("label") else "date"
            metadata.setdefault(key, m.group("date"))
            lines[i] = ""


def profile_box(
    lines: list[str], metadata: dict[str, str], barriers: frozenset[int] = frozenset()
) -> None:
    """An author profile box: its name and text go to metadata, its lines go. A box never
    reaches back past a line in ``barriers`` (a structured source's headings and tables)."""
    for i, line in enumerate(lines):
        s = line.strip()
        if s and len(s) <= 24 and _PROFILE_MARK.match(s):
            _marked_profile(lines, i, metadata)
        elif s.startswith("《") and _READING.match(s):
            _reading_profile(lines, i, metadata, barriers)


def block_statements(
    texts: list[str],
    metadata: dict[str, str],
    *,
    barriers: frozenset[int] = frozenset(),
    grouped: frozenset[int] = frozenset(),
) -> set[int]:
    """The same rules on a structured source's blocks (one text each, in reading order):
    dates of publication and update and an author profile box go to metadata. Blocks are
    set apart as a page's paragraphs are, except those in ``grouped`` (in one box with the
    block before: a profile box's lines); a box never reaches back past a block in
    ``barriers`` (headings, tables). Returns the indexes of the blocks that went."""
    lines: list[str] = []
    at: list[int] = []
    for i, text in enumerate(texts):
        if i not in grouped:
            lines.append("")
        at.append(len(lines))
        lines.append(text)
    lines.append("")
    page_dates(lines, metadata)
    profile_box(lines, metadata, frozenset(at[i] for i in barriers))
    return {i for i, text in enumerate(texts) if text.strip() and not lines[at[i]]}


def _marked_profile(lines: list[str], i: int, metadata: dict[str, str]) -> None:
    j = i + 1
    while j < len(lines) and not lines[j].strip():
        j += 1
    if j >= len(lines):
        return
    name = lines[j].strip()
    if len(name) > 30 or "。" in name:
        return
    metadata.setdefault("author", name)
    profile: list[str] = []
    lines[i] = lines[j] = ""
    k = j + 1
    while k < len(lines) and lines[k].strip():
        profile.append(lines[k].strip())
        lines[k] = ""
        k += 1
    if profile:
        metadata.setdefault("author_profile", "\n".join(profile))


def _reading_profile(
    lines: list[str], r: int, metadata: dict[str, str], barriers: frozenset[int]
) -> None:
    """The box around a name's reading: the short lines up to it, the biography after it."""
    box: list[int] = []
    k = r - 1
    while k >= 0 and len(box) < 12 and k not in barriers:
        s = lines[k].strip()
        if s:
            if is_debris(s):
                box.append(k)  # the box's links and share buttons
            elif len(s) > 30 or "。" in s or s.startswith(("#", "■", "[^", "-", "・", "*")):
                break  # the box is short lines: text, notes, lists and headings end it
            else:
                box.append(k)
        k -= 1
    box.reverse()
    texts = [lines[k].strip() for k in box]
    names = [t for t in texts if _NAME.match(t) and not t.endswith(("の", "に", "を"))]
    repeated = [n for n in names if any(t != n and t.startswith(n) for t in texts)]
    author = (repeated or names[-1:] or [""])[0]
    bio = r + 1
    while bio < len(lines) and not lines[bio].strip():
        bio += 1
    if bio < len(lines) and lines[bio].strip().endswith("。") and bio - r <= 3:
        metadata.setdefault("author_profile", lines[bio].strip())
        lines[bio] = ""
    if author:
        metadata.setdefault("author", author)
    metadata.setdefault("author_reading", lines[r].strip()[1:-1])
    for k in [*box, r]:
        lines[k] = ""


#: Short words that stand alone under a title, or after its date, and are no one's name.
_NOT_NAMES = compiled(
    r"^(?:.{0,4}(?:更新|公開|発行|配信|掲載|投稿|作成|改訂|改定|現在|時点)|目次|もくじ|概要|要約|要旨"
    r"|はじめに|まとめ|目的|前書き|まえがき|序文|序章|本文|資料|解説|速報|号外|特集|連載|社説|論説|コラム"
    # a body's decision or an office, not a writer (``2024年12月27日　中央防災会議決定``)
    r"|.+(?:決定|決議|了承|承認|制定|策定|改正|公表|発表|公布|施行|会議|委員会|審議会|協議会|本部"
    r"|事務局|研究所|センター|協会|学会|政府|内閣|議会|閣議))$"
)


def _may_be_name(text: str) -> bool:
    return not _NOT_NAMES.match(text) and not any(c.isdigit() for c in text)


def byline_candidate(line: str) -> bool:
    """A line that may be a byline under a title: short, no sentence, no clause, no heading."""
    return not (
        (len(line) > 20 and not _FULL_DATE.match(line.strip()))  # a dateline may run longer
        or has_sentence(line)
        or any(ch in line for ch in "、「」，")
        or match_heading(line) is not None
    )


def _writer(text: str, *, labelled: bool = False) -> str:
    """The writer a byline names, without the desk or credit before the name (``政治部　山田太郎``
    → ``山田太郎``: the metadata has no field for a desk); "" when it names none, or when
    ``labelled`` and nothing labels the name."""
    m = _AUTHOR_AFTER.match(text)
    if not m or (labelled and not (m.group("desk") or m.group("label"))):
        return ""
    return m.group("name") if _may_be_name(m.group("name")) else ""


def _dateline(s: str, metadata: dict[str, str]) -> bool:
    """A line opening with a date: the date goes to metadata; the line goes with it only when
    what follows the date is a time or the author's name (metadata keeps the author), so a
    line that says more (``2024年12月27日　中央防災会議決定``) stays in the text."""
    date = re.match(_DATE, s)
    metadata.setdefault("date", date.group(0) if date else s)
    rest = _TIME_AFTER.sub("", s[date.end() :], count=1).strip() if date else ""
    author = _writer(rest)
    if author and "author" not in metadata:
        metadata["author"] = author
    return not rest or _DATE_WORD.match(rest) is not None or (
        bool(author) and _same(author, metadata["author"])
    )


def _same(a: str, b: str) -> bool:
    return "".join(a.split()) == "".join(b.split())


def byline(line: str, metadata: dict[str, str]) -> bool:
    """A line under the title that states a date or the author: into metadata (True); a
    line that also says something else stays (False), its date taken all the same."""
    s = line.strip()
    if "".join(s.split()) == "".join(metadata.get("author", "").split()) and s:
        return True  # the author the page's metadata names, shown under the title
    if _FULL_DATE.match(s):
        return _dateline(s, metadata)
    author = _writer(s, labelled=True)
    if author:
        metadata.setdefault("author", author)
        return True
    if re.match(r"^[0-9]{1,2}\.[0-9]{1,2}\s*[（(].[）)]\s*[0-9]{1,2}:[0-9]{2}$", s):
        return True  # a time stamp beside the date
    if "author" not in metadata and _NAME.match(s) and _may_be_name(s):
        metadata["author"] = s
        return True
    if "author" in metadata and _LATIN_NAME.match(s):
        metadata.setdefault("author_latin", s)
        return True
    return False
