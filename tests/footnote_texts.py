"""A short document whose footnotes hold words the text does not (気象庁) and words it does
(灯台), for the tests of finding and citing footnote text. Not a test module."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

TOUDAI = """# 岬の記録

## 第1節 岬

灯台は岬の先に立っていた[^1]。港の灯台は古い[^2]。夜ごとに灯台の光が海を照らす。

## 第2節 港

船は港に入る。

[^1]: 岬は気象庁の観測点でもある。
[^2]: 明治期に建てられた灯台で、気象庁の資料にも載る。
"""
#: The text's own 灯台 (three) and footnote 2's, in reading order: note 2 right after its marker.
TOUDAI_ORDER = ["灯台は", "港の灯台", "注2", "灯台の光"]


def write_toudai(folder: Path, name: str = "toudai.md") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(TOUDAI, encoding="utf-8")
    return path


def shiori(*args: str) -> subprocess.CompletedProcess[str]:
    """``shiori ARGS`` as a process run from the checkout."""
    return subprocess.run(
        [sys.executable, "-m", "tui.cli", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
