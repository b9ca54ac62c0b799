"""Lines that describe the document rather than belong to its prose: captions, dates, sources.

They become blocks of kind ``meta`` and are never glued into a paragraph.
"""

from __future__ import annotations

import re

from store.patterns import compiled

_CAPTION = compiled(
    r"(?:写真提供|写真：|写真:|写真[＝=]|撮影：|撮影:|撮影[＝=]|（写真|\(写真|Photo:|出典：|出典:|提供：)"
    r"|（[^（）]*[0-9０-９]+月(?:[0-9０-９]+日)?[^（）]*）\s*$"
    r"|（(?:上|下|左|右|中央)）\s*と?$"
)
_META = [
    compiled(r"^[（(](?:出所|出典|資料|注|脱稿日|写真|撮影|提供|参照)[^）)]*[）)].*"),
    compiled(r"^(?:出所|出典|資料|写真|撮影|提供)[：:].*"),
    compiled(r"^第[0-9０-９]+[表図](?:[ 　]+[^。]{1,40}|)$"),
    compiled(r"^(?:令和|平成|昭和)?[0-9０-９元]+年[0-9０-９]+月[0-9０-９]+日$"),
    compiled(r"^[0-9]{4}[./-][0-9]{1,2}[./-][0-9]{1,2}(?:\s.*)?$"),
    compiled(r"^[0-9]{1,2}\.[0-9]{1,2}\s*[（(].[）)]\s*[0-9]{1,2}:[0-9]{2}$"),
]


def is_caption(line: str) -> bool:
    """A photo caption line: a 写真提供 credit, or ends with a （date, place） parenthesis."""
    stripped = line.strip()
    return len(stripped) <= 90 and bool(_CAPTION.search(stripped)) and not stripped.endswith("。")


#: Titles and authors word processors write on their own (``Microsoft Word - 文書1.docx``,
#: ``untitled``, ``anonymous``): no statement about the document (PDF, Word).
JUNK_TITLE = compiled(
    r"^(?:untitled|無題|文書 ?[0-9０-９]+|title|document|microsoft (?:word|powerpoint|excel) - .*|.*\.(?:docx?|pptx?|xlsx?|pdf|indd|txt|rtf))$",
    re.I,
)
JUNK_AUTHOR = compiled(
    r"^(?:anonymous|unknown|user|owner|admin(?:istrator)?|author|作成者)$", re.I
)


_META_ANY = compiled("|".join(f"(?:{p.pattern})" for p in _META))


def is_meta(line: str) -> bool:
    return bool(_META_ANY.match(line.strip()))
