"""``shiori add``: what lands in the library, and the one line per file that does not."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from store import paths
from store.library import Library

ROOT = Path(__file__).resolve().parent.parent

GOOD = "# 会談の記録\n\n首脳会談では、同盟の強化を確認した。\n"


def shiori(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui.cli", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def test_good_files_are_added_and_bad_ones_each_get_one_line(
    tmp_path: Path,
) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "kaidan.md").write_text(GOOD, encoding="utf-8")
    (src / "binary.txt").write_bytes(b"\x00\xff\x00" * 100)
    (src / "folder.txt").mkdir()
    (src / "paper.rtf").write_text(GOOD, encoding="utf-8")
    result = shiori(
        "add", "kaidan.md", "binary.txt", "missing.txt", "folder.txt", "paper.rtf", cwd=src
    )
    assert result.returncode == 2
    # folder.txt is a folder (with nothing to add): a summary line ends the run
    assert result.stdout.splitlines() == [
        "added kaidan.md (会談の記録)",
        "added 1, skipped 0, failed 4",
    ]
    errors = result.stderr.splitlines()
    assert len(errors) == 4
    for name, line in zip(
        ("binary.txt", "missing.txt", "folder.txt", "paper.rtf"), errors, strict=True
    ):
        assert line.startswith("shiori add: ") and name in line
    library = paths.library_dir()
    assert sorted(p.name for p in library.iterdir()) == ["kaidan.md"]
    assert (library / "kaidan.md").read_text(encoding="utf-8") == GOOD
    # The library now lists it (after the bundled seeds).
    assert [e.path.name for e in Library().entries() if not e.read_only] == ["kaidan.md"]


def test_adding_again_is_harmless_and_a_clash_needs_replace(
    tmp_path: Path,
) -> None:
    doc = tmp_path / "kaidan.md"
    doc.write_text(GOOD, encoding="utf-8")
    assert shiori("add", str(doc), cwd=tmp_path).returncode == 0
    again = shiori("add", str(doc), cwd=tmp_path)
    assert again.returncode == 0 and "already in the library" in again.stdout

    doc.write_text(GOOD + "\n追記。\n", encoding="utf-8")
    clash = shiori("add", str(doc), cwd=tmp_path)
    assert clash.returncode == 2
    assert "--replace" in clash.stderr and len(clash.stderr.splitlines()) == 1
    assert (paths.library_dir() / "kaidan.md").read_text(encoding="utf-8") == GOOD  # kept

    replaced = shiori("add", "--replace", str(doc), cwd=tmp_path)
    assert replaced.returncode == 0
    assert "追記" in (paths.library_dir() / "kaidan.md").read_text(encoding="utf-8")
    assert not [p for p in paths.library_dir().iterdir() if p.name.startswith(".")]


def test_list_on_a_narrow_terminal_breaks_each_entry_as_the_reader_breaks_lines(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """At 60 columns every entry ran past the edge and the terminal cut it mid-word
    (``add/ed``); in a pipe it stays one line an entry."""
    from tui import cli
    from tui.commands.listing import CONTINUED
    from tui.layout.cells import text_width

    assert cli.main(["list"]) == 0
    piped = capsys.readouterr().out.splitlines()
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.setenv("COLUMNS", "60")
    assert cli.main(["list"]) == 0
    shown = capsys.readouterr().out.splitlines()
    assert all(text_width(line) <= 60 for line in shown)
    assert len(shown) > len(piped)
    firsts = [line for line in shown if not line.startswith(CONTINUED)]
    assert len(firsts) == len(piped)
    # nothing lost: each entry's lines joined give its piped line back (spaces aside)
    joined = " ".join(line.strip() for line in shown)
    assert "".join(joined.split()) == "".join(" ".join(piped).split())
