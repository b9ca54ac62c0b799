"""``shiori inspect`` through the real command line: exit codes, one-line errors, JSON contract."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _shiori(*args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, CI="true")
    return subprocess.run(
        [sys.executable, "-m", "tui.cli", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=False,
    )


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        ("broken.txt", b"\x81\x81\x81\xff\xfe\x80", "cannot import"),
        ("missing.txt", None, "no such file"),
    ],
)
def test_bad_input_exits_2_with_one_line_naming_the_file(tmp_path, name, content, reason) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    result = _shiori("inspect", str(path), "--json", tmp_path=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and name in lines[0] and reason in lines[0]


def test_empty_file_gives_an_empty_document_and_a_notice(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    result = _shiori("inspect", str(path), "--json", tmp_path=tmp_path)
    assert result.returncode == 0
    assert json.loads(result.stdout) == {
        "title": "empty", "blocks": [], "footnotes": [], "pages": [], "metadata": {}
    }
    outline = _shiori("inspect", str(path), tmp_path=tmp_path)
    assert "notice: empty file" in outline.stdout


@pytest.mark.parametrize("encoding", ["cp932", "euc_jp", "utf-16", "utf-8-sig"])
def test_legacy_encodings_and_crlf_through_the_cli(tmp_path: Path, encoding: str) -> None:
    text = "会議の概要\r\n\r\n本日、両国の首脳が会談を行った。\r\n"
    path = tmp_path / f"doc-{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    result = _shiori("inspect", str(path), "--json", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["title"] == "会議の概要"
    assert [b["text"] for b in doc["blocks"]] == ["会議の概要", "本日、両国の首脳が会談を行った。"]


def test_osc52_in_a_document_never_reaches_the_output(tmp_path: Path) -> None:
    path = tmp_path / "evil.txt"
    path.write_text(
        "報告\n\n本文の途中に\x1b]52;c;ZXZpbA==\x07命令が埋め込まれた文章である。\x1b[2J\n",
        encoding="utf-8",
    )
    for args in (("--json",), ()):
        result = _shiori("inspect", str(path), *args, tmp_path=tmp_path)
        assert result.returncode == 0
        assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    doc = json.loads(_shiori("inspect", str(path), "--json", tmp_path=tmp_path).stdout)
    assert doc["blocks"][1]["text"] == "本文の途中に命令が埋め込まれた文章である。"


def test_json_is_utf8_not_escaped_and_outline_is_indented(tmp_path: Path) -> None:
    path = tmp_path / "doc.md"
    path.write_text(
        "# 題名\n\n## 第一節\n\n本文である[^1]。\n\n[^1]: 注の本文。\n", encoding="utf-8"
    )
    result = _shiori("inspect", str(path), "--json", tmp_path=tmp_path)
    assert "題名" in result.stdout and "\\u" not in result.stdout
    doc = json.loads(result.stdout)
    assert doc["blocks"][2] == {
        "kind": "paragraph",
        "text": "本文である。",
        "ruby": [],
        "refs": [[5, "1"]],
        "emphasis": [],
    }
    outline = _shiori("inspect", str(path), tmp_path=tmp_path).stdout
    assert "  題名\n    第一節\n" in outline and "footnotes: 1" in outline


def test_inspect_does_not_load_textual(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text("本文。\n", encoding="utf-8")
    code = (
        "import sys, runpy\n"
        f"sys.argv = ['shiori', 'inspect', {str(path)!r}]\n"
        "try:\n    runpy.run_module('tui.cli', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')]\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_inspect_gives_a_seed_the_title_of_its_metadata(tmp_path: Path) -> None:
    seed = ROOT / "seeds" / "diplomatic-bluebook-2025-north-america.txt"
    result = _shiori("inspect", str(seed), tmp_path=tmp_path)
    assert result.returncode == 0 and result.stdout.splitlines()[0] == "北米"
    result = _shiori("inspect", str(seed), "--json", tmp_path=tmp_path)
    assert json.loads(result.stdout)["title"] == "北米"


def test_a_numbered_first_section_is_not_the_title_the_file_name_is(tmp_path: Path) -> None:
    path = tmp_path / "chapter-3.txt"
    path.write_text("1 概観\n\n本文の一段落目である。\n\n2 各論\n\n本文の二段落目である。\n", "utf-8")
    doc = json.loads(_shiori("inspect", str(path), "--json", tmp_path=tmp_path).stdout)
    assert doc["title"] == "chapter-3"
    assert [b["text"] for b in doc["blocks"] if b["kind"] == "heading"] == ["1 概観", "2 各論"]


def test_front_matter_title_is_the_title(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text("---\ntitle: 覚え書き\nauthor: 某\n---\n\n## 一\n\n本文。\n", "utf-8")
    doc = json.loads(_shiori("inspect", str(path), "--json", tmp_path=tmp_path).stdout)
    assert doc["title"] == "覚え書き"
    assert doc["metadata"] == {"title": "覚え書き", "author": "某"}
