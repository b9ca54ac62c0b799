"""Shared by the hostile-input tests: run a command in-process, and what every run must obey."""

from __future__ import annotations

import io
import re
from functools import cache
from pathlib import Path

from tui.cli import main

#: Bytes a terminal would act on: C0 controls except tab and newline, DEL, C1 (as UTF-8).
RAW_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

OSC52 = "\x1b]52;c;SGk=\x07"

SNIPPET = (
    "# 北米の概観\n\n"
    "現在、国際社会は歴史の転換点にあるといえる。強固な日米同盟は、日本の外交及び安全保障の基軸である。\n\n"
    "## 米国\n\n"
    "米国は日本にとって唯一の同盟国である。米国との連携を強化する。\n"
)
QUOTE = "唯一の同盟国"


def shiori(capsys, *argv: str | Path) -> tuple[int, str, str]:
    """``shiori ARGV`` in this process: (exit status, stdout, stderr). Raising is a failure."""
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def assert_clean(out: str, err: str) -> None:
    """Nothing raw reaches the terminal, and no traceback."""
    assert not RAW_CONTROL.search(out), repr(out[:200])
    assert not RAW_CONTROL.search(err), repr(err[:200])
    assert "Traceback" not in err


def assert_one_line_failure(code: int, out: str, err: str) -> None:
    """A failure: non-zero, one line on stderr, nothing raw."""
    assert code != 0, (out, err)
    assert err.count("\n") == 1 and err.endswith("\n"), repr(err)
    assert err.startswith("shiori"), repr(err)
    assert_clean(out, err)


@cache
def sample_pdf() -> bytes:
    """A small PDF of Japanese text, three pages (reportlab, with the CID font every PDF viewer
    has), for cutting short and fuzzing."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    if "HeiseiMin-W3" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("HeiseiMin-W3"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    for page in range(3):
        c.setFont("HeiseiMin-W3", 11)
        for line in range(30):
            c.drawString(60, 780 - 20 * line, f"強固な日米同盟は、日本の外交の基軸である。{page}-{line}")
        c.showPage()
    c.save()
    return buf.getvalue()
