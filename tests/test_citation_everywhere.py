"""One passage is cited identically by the app (``y`` / ``Y``), ``shiori cite`` and the
Markdown export: all three go through ``store.citation.cite``, with one rule for a missing title."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pilot_waits import select, settle

from store import paths
from tui.app import OpenedFile, ShioriApp, import_document
from tui.cli import main

BLUEBOOK = paths.SEEDS_DIR / "diplomatic-bluebook-2025-north-america.txt"
#: A user's file with no metadata: the work is named by its imported title.
UNTITLED = """# 日米関係の記録

## 第2章 首脳会談

首脳会談では、同盟の抑止力と対処力の強化を確認した。
"""
#: A user's web page that states its author and date: the export named neither (it read the
#: library's metadata and the title only).
STATED = """<html><head><meta charset="utf-8"><title>都市の記録</title>
<meta name="author" content="山田花子">
<meta property="article:published_time" content="2025-06-12T09:00:00+09:00"></head>
<body><article><h1>都市の記録</h1><p>首脳会談では、同盟の抑止力と対処力の強化を確認した。</p>
</article></body></html>
"""


def shiori(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main([str(a) for a in argv]) == 0
    return capsys.readouterr().out


async def app_citations(path: Path, quote: str) -> tuple[str, str]:
    """What ``y`` and ``Y`` copy for ``quote`` selected in the app."""
    app = ShioriApp(OpenedFile(path, import_document(path)))
    copied: list[str] = []
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.annotations.copy = copied.append  # type: ignore[method-assign,assignment]  # record, not copy
        await select(pilot, quote)
        await pilot.press("y")
        await select(pilot, quote)
        await pilot.press("Y")
        await pilot.pause()
    assert len(copied) == 2
    return copied[0], copied[1]


@pytest.mark.parametrize(
    ("source", "quote", "source_line"),
    [
        (
            BLUEBOOK,
            "日米は首脳間で計5回",
            "外務省「北米」『外交青書2025』2025年、「2 米国 （2）日米政治関係」。",
        ),
        (None, "同盟の抑止力と対処力", "「日米関係の記録」、「第2章 首脳会談」。"),
        ("kiji.html", "同盟の抑止力と対処力", "山田花子「都市の記録」2025年6月12日。"),
    ],
    ids=["seed-with-metadata", "user-file-without-metadata", "user-file-stating-its-author"],
)
async def test_app_cli_and_export_cite_a_passage_alike(
    source: Path | str | None,
    quote: str,
    source_line: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    if source is None:
        source = tmp_path / "kiroku.md"
        source.write_text(UNTITLED, encoding="utf-8")
    elif isinstance(source, str):
        source = tmp_path / source
        source.write_text(STATED, encoding="utf-8")
    app_full, app_source = await app_citations(source, quote)

    cli_full = shiori(capsys, "cite", source, "--quote", quote)
    cli_source = shiori(capsys, "cite", source, "--quote", quote, "--source-only")

    shiori(capsys, "annotate", source, "--quote", quote)
    export = shiori(capsys, "annotations", "export", "--format", "md")
    [export_source] = re.findall(r"^- Citation: (.*)$", export, re.M)

    assert app_source == cli_source.rstrip("\n") == export_source == source_line
    assert app_full == cli_full.rstrip("\n") == f"「{quote}」\n{source_line}"
