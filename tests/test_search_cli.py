"""``shiori search`` / ``list`` / ``remove`` / ``add DIR`` as a script calls them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from store import paths

ROOT = Path(__file__).resolve().parent.parent

DOC = """# 会談の記録

## 第1節 抑止

両国は拡大
抑止の強化を確認した。

## 第2節 経済

経済協力に取り組んでいる。
"""


def shiori(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui.cli", *args],
        cwd=cwd or ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


@pytest.fixture
def kaidan(tmp_path: Path) -> Path:
    path = tmp_path / "kaidan.md"
    path.write_text(DOC, encoding="utf-8")
    return path


def test_an_empty_query_is_a_usage_error() -> None:
    for query in ("", "   "):
        result = shiori("search", query)
        assert result.returncode == 2 and result.stdout == ""
        assert "nothing to search for" in result.stderr and result.stderr.count("\n") == 1


def test_json_is_the_contract_and_nothing_found_is_an_empty_array(kaidan: Path) -> None:
    assert shiori("add", str(kaidan)).returncode == 0
    result = shiori("search", "--json", "拡大抑止")
    assert result.returncode == 0, result.stderr
    items = json.loads(result.stdout)
    mine = [i for i in items if i["document"].endswith("kaidan.md")]
    assert mine == [
        {
            "document": str(paths.library_dir() / "kaidan.md"),
            "title": "会談の記録",
            "block": 2,
            "offset": 3,
            "length": 4,
            "section": "第1節 抑止",
            "snippet": "両国は拡大抑止の強化を確認した。",
        }
    ]
    empty = shiori("search", "--json", "存在しない言葉")
    assert (empty.returncode, empty.stdout.strip(), empty.stderr) == (0, "[]", "")


def test_words_forms_limit_and_doc(kaidan: Path) -> None:
    shiori("add", str(kaidan))
    items = json.loads(shiori("search", "--json", "--doc", str(kaidan), "取り組む").stdout)
    assert [(i["block"], i["offset"], i["length"]) for i in items] == [(4, 5, 4)]
    # several words without quotes are one query (AND)
    both = json.loads(shiori("search", "--json", "経済協力", "取り組む").stdout)
    assert {i["title"] for i in both} == {"会談の記録"}
    assert [i["snippet"] for i in both] == ["経済協力に取り組んでいる。"]
    assert len(json.loads(shiori("search", "--json", "--limit", "2", "日米").stdout)) == 2


def test_doc_outside_the_library_is_searched_on_its_own(kaidan: Path) -> None:
    items = json.loads(shiori("search", "--json", "--doc", str(kaidan), "抑止").stdout)
    assert {i["document"] for i in items} == {str(kaidan)}
    assert len(items) == 2  # the heading and the paragraph


def test_plain_output_names_the_document_and_the_sentence(kaidan: Path) -> None:
    shiori("add", str(kaidan))
    out = shiori("search", "--doc", str(paths.library_dir() / "kaidan.md"), "拡大抑止").stdout
    lines = out.splitlines()
    assert lines[0].startswith("会談の記録")
    assert lines[1].strip() == "2:3  第1節 抑止: 両国は拡大抑止の強化を確認した。"
    assert "\x1b" not in out  # not a terminal: no bold


def test_annotations_are_searched_and_narrow_the_results(kaidan: Path) -> None:
    shiori("add", str(kaidan))
    lib_doc = str(paths.library_dir() / "kaidan.md")
    made = shiori(
        "annotate", lib_doc, "--quote", "経済協力", "--note", "要確認の論点", "--tag", "経済"
    )
    assert made.returncode == 0, made.stderr
    by_note = json.loads(shiori("search", "--json", "論点").stdout)
    assert [(i["block"], i["offset"], i["annotation"]["note"]) for i in by_note] == [
        (4, 0, "要確認の論点")
    ]
    by_tag = json.loads(shiori("search", "--json", "#経済").stdout)
    assert [i["annotation"]["tags"] for i in by_tag] == [["経済"]]
    # the annotation (its quote matches) and the text's matches inside the tagged passage
    tagged = json.loads(shiori("search", "--json", "--tag", "経済", "協力").stdout)
    assert [(i["block"], i["offset"], "annotation" in i) for i in tagged] == [
        (4, 0, True),
        (4, 2, False),
    ]
    assert json.loads(shiori("search", "--json", "--annotated", "抑止").stdout) == []


def test_list_remove_and_orphaned_annotations(kaidan: Path) -> None:
    shiori("add", str(kaidan))
    listed = json.loads(shiori("list", "--json").stdout)
    mine = [d for d in listed if d["key"] == "lib:kaidan.md"]
    assert mine and mine[0]["title"] == "会談の記録" and mine[0]["source"] == "library"
    assert sum(d["source"] == "bundled" for d in listed) == 5
    lib_doc = str(paths.library_dir() / "kaidan.md")
    shiori("annotate", lib_doc, "--quote", "経済協力", "--note", "要確認")

    bundled = shiori("remove", "seed:mofa-japan-us-summit-2025-10-28.txt")
    assert bundled.returncode == 2 and "cannot be removed" in bundled.stderr
    removed = shiori("remove", "会談の記録")
    assert removed.returncode == 0, removed.stderr
    assert removed.stdout.strip() == (
        "removed kaidan.md (会談の記録); its 1 annotation is kept, orphaned until it returns"
    )
    assert not (paths.library_dir() / "kaidan.md").exists()
    assert "1 annotation on 1 document not in the library" in shiori("list").stdout
    # the annotation is still found, orphaned, until the document comes back
    orphan = json.loads(shiori("search", "--json", "要確認").stdout)
    assert [i["annotation"]["orphan"] for i in orphan] == [True]
    shiori("add", str(kaidan))
    back = json.loads(shiori("search", "--json", "要確認").stdout)
    assert [(i["title"], i["annotation"]["orphan"]) for i in back] == [("会談の記録", False)]


def test_add_a_folder_recursively_with_a_summary(tmp_path: Path) -> None:
    src = tmp_path / "papers"
    (src / "2024").mkdir(parents=True)
    (src / "a.md").write_text(DOC, encoding="utf-8")
    (src / "2024" / "b.md").write_text("# 通商\n\n関税の話。\n", encoding="utf-8")
    (src / "2024" / "bad.txt").write_bytes(b"\x00\xff" * 50)
    (src / "notes.rtf").write_text("x", encoding="utf-8")
    (src / ".hidden.md").write_text("# 隠し\n", encoding="utf-8")
    first = shiori("add", str(src))
    assert first.returncode == 2
    assert first.stdout.splitlines()[-1] == "added 2, skipped 0, failed 1 (1 other file passed over)"
    assert len(first.stderr.splitlines()) == 1 and "bad.txt" in first.stderr
    again = shiori("add", str(src))
    assert again.stdout.splitlines()[-1].startswith("added 0, skipped 2, failed 1")
    library = paths.library_dir()
    assert (library / "papers" / "2024" / "b.md").is_file()
    keys = {d["key"] for d in json.loads(shiori("list", "--json").stdout)}
    assert {"lib:papers/a.md", "lib:papers/2024/b.md"} <= keys
    # indexed when added: its title is known and it is found at once
    hits = json.loads(shiori("search", "--json", "関税の話").stdout)
    assert [(h["title"], h["document"]) for h in hits] == [
        ("通商", str(library / "papers" / "2024" / "b.md"))
    ]


def test_nothing_from_a_document_reaches_the_terminal_raw(tmp_path: Path) -> None:
    """A title and a text with an escape sequence and a bidi override: the plain output shows
    stand-ins, the JSON escapes them (and still reads back as the document's text)."""
    doc = tmp_path / "hostile.md"
    doc.write_text("# 題\x1b[31m名\u202e\n\n危険な\u202e文字の同盟です。\n", encoding="utf-8")
    assert shiori("add", str(doc)).returncode == 0
    plain = shiori("search", "同盟", "--doc", str(doc))
    as_json = shiori("search", "--json", "同盟", "--doc", str(doc))
    for result in (plain, as_json):
        assert result.returncode == 0, result.stderr
        assert "\x1b" not in result.stdout and "\u202e" not in result.stdout
        assert "同盟" in result.stdout
    (item,) = json.loads(as_json.stdout)
    assert item["snippet"].startswith("危険な") and item["snippet"].endswith("同盟です。")
    assert item["snippet"][item["snippet"].index("同盟") :] == "同盟です。"


def test_on_a_terminal_results_wrap_without_a_line_starting_with_a_closing_mark(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Whatever the terminal's width, a result's line is broken as the reader breaks lines:
    no line starts with 、。」 (cutting at the width would, at some of these widths), and the
    match stays bold across a break."""
    import re

    from tui import cli
    from tui.commands.search import CONTINUED
    from tui.layout.cells import text_width
    from tui.layout.kinsoku import NO_LINE_START

    sentence = "同盟は、「地域の平和」と「安定」の礎であり、日本の外交と安全保障の基軸である。"
    doc = tmp_path / "k.md"
    doc.write_text(f"# 記録\n\n{sentence}\n", encoding="utf-8")
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    naive_would_fail = False
    for width in range(16, 41):
        monkeypatch.setenv("COLUMNS", str(width))
        assert cli.main(["search", "--doc", str(doc), "同盟は"]) == 0
        out = capsys.readouterr().out
        plain = [re.sub(r"\x1b\[[0-9;]*m", "", line) for line in out.splitlines()]
        first = next(i for i, line in enumerate(plain) if line.startswith("  1:0  "))
        result = plain[first:]
        assert all(text_width(line) <= width for line in plain)
        assert all(line.startswith(CONTINUED) for line in result[1:])
        rest = [line[len(CONTINUED) :] for line in result[1:]]
        assert not [line for line in rest if line[:1] in NO_LINE_START], (width, result)
        assert result[0].removeprefix("  1:0  記録: ") + "".join(rest) == sentence
        assert "".join(re.findall(r"\x1b\[1m(.*?)\x1b\[0m", out)) == "同盟は"
        # what cutting every `width` cells would have done
        line = result[0] + "".join(rest)
        cells = [text_width(line[: i + 1]) for i in range(len(line))]
        cuts = [i for i in range(1, len(line)) if cells[i] // width != cells[i - 1] // width]
        naive_would_fail |= any(line[i] in NO_LINE_START for i in cuts)
    assert naive_would_fail


def test_annotations_of_a_session_still_open_are_found(kaidan: Path) -> None:
    """While the app runs, a first session's saves are in the journal only (no snapshot yet):
    ``shiori search`` still finds them."""
    from store.annotations.repository import Repository
    from tui.commands._passage import find_passage

    shiori("add", str(kaidan))
    passage = find_passage(str(paths.library_dir() / "kaidan.md"), "経済協力", None)
    repo = Repository()  # the app's store, left open
    try:
        repo.create(passage.key, passage.document, passage.start, passage.end, note="開いたまま")
        assert not paths.annotations_db().exists()  # only the journal so far
        found = json.loads(shiori("search", "--json", "開いたまま").stdout)
        assert [i["annotation"]["note"] for i in found] == ["開いたまま"]
    finally:
        repo.close()


def test_a_name_written_with_a_variation_selector_is_found_without_it(tmp_path: Path) -> None:
    """Ward offices write 葛󠄀飾 (葛 + U+E0100, the glyph with a different stroke); a reader
    types 葛飾, and the selector is not a letter of the word."""
    path = tmp_path / "katsushika.md"
    path.write_text("# 区の記録\n\n葛\U000e0100飾区の防災計画を改定した。\n", encoding="utf-8")
    assert shiori("add", str(path)).returncode == 0
    items = json.loads(shiori("search", "--json", "葛飾区").stdout)
    mine = [i for i in items if i["title"] == "区の記録"]
    assert [(i["offset"], i["length"]) for i in mine] == [(0, 4)]  # the selector inside the match
    typed_with_it = json.loads(shiori("search", "--json", "葛\U000e0100飾").stdout)
    assert [i["title"] for i in typed_with_it if i["title"] == "区の記録"] == ["区の記録"]
