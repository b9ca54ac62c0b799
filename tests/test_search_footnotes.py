"""Footnote text is searched like the page's: ``shiori search`` finds it, labels the hit with its
note (``[注2]``, ``"footnote"`` in --json), and puts it right after its marker in reading order;
an index of the older format (without notes) is rebuilt so they are found."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from footnote_texts import shiori, write_toudai

from store import paths
from store.importer import import_file
from store.search.index import LibraryIndex, index_path


def test_a_word_only_in_footnotes_is_found_and_labelled(tmp_path: Path) -> None:
    path = write_toudai(paths.library_dir())
    result = shiori("search", "気象庁")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert any("toudai.md" in line for line in lines)
    hits = [line for line in lines if "気象庁" in line]
    assert len(hits) == 2
    assert "[注1] 岬は気象庁の観測点でもある。" in hits[0]
    assert "[注2] 明治期に建てられた灯台で、気象庁の資料にも載る。" in hits[1]
    assert "第1節 岬" in hits[0]  # the section of the marker's paragraph

    items = json.loads(shiori("search", "--json", "--notes", "気象庁").stdout)
    mine = [i for i in items if i["document"] == str(path)]
    assert [i["footnote"] for i in mine] == ["1", "2"]
    doc = import_file(path)
    marker_block = next(i for i, b in enumerate(doc.blocks) if b.refs)
    for item in mine:
        note = doc.footnote(item["footnote"])
        assert note is not None
        assert note.text[item["offset"] : item["offset"] + item["length"]] == "気象庁"
        assert item["block"] == marker_block
        assert "気象庁" in item["snippet"]


def test_a_footnote_match_comes_right_after_its_marker(tmp_path: Path) -> None:
    path = write_toudai(tmp_path)
    result = shiori("search", "--json", "--notes", "--doc", str(path), "灯台")
    assert result.returncode == 0, result.stderr
    items = json.loads(result.stdout)
    assert [i.get("footnote") for i in items] == [None, None, "2", None]
    assert "footnote" not in items[0]  # a hit in the text keeps the old shape
    assert items[2]["snippet"].startswith("明治期に建てられた灯台")


def test_several_words_must_be_in_the_same_note(tmp_path: Path) -> None:
    path = write_toudai(tmp_path)
    both = json.loads(shiori("search", "--json", "--notes", "--doc", str(path), "気象庁 明治期").stdout)
    assert {i["footnote"] for i in both} == {"2"}
    none = json.loads(shiori("search", "--json", "--notes", "--doc", str(path), "気象庁 夜ごと").stdout)
    assert none == []


def test_the_seed_footnote_with_nihongo_kyoiku_is_found() -> None:
    result = shiori("search", "--json", "--notes", "日本語教育")
    assert result.returncode == 0, result.stderr
    items = json.loads(result.stdout)
    notes = [
        i
        for i in items
        if i["document"].endswith("international-affairs-2025-japanese-diplomacy.txt")
        and i.get("footnote")
    ]
    assert notes and all("日本語教育" in i["snippet"] for i in notes)


def test_an_index_of_the_older_format_is_rebuilt_with_the_notes() -> None:
    path = write_toudai(paths.library_dir())
    with LibraryIndex() as index:
        index.put("lib:toudai.md", path, import_file(path))
    db = sqlite3.connect(index_path())
    db.execute("UPDATE meta SET value='2' WHERE name='format'")  # as the last release wrote it
    db.commit()
    db.close()
    result = shiori("search", "--json", "--notes", "気象庁")
    assert result.returncode == 0, result.stderr
    assert len([i for i in json.loads(result.stdout) if i.get("footnote")]) == 2


def test_json_leaves_notes_out_unless_asked_so_every_item_fits_the_contract() -> None:
    """DESIGN.md's items index the model's blocks: a tool slicing ``blocks[block].text`` at
    ``offset``/``length`` must find the match. A note's item does not fit that, so it comes
    only with ``--notes``; the plain listing shows notes always."""
    from store.paths import SEEDS_DIR

    seed = SEEDS_DIR / "international-affairs-2025-japanese-diplomacy.txt"
    doc = import_file(seed)
    plain = json.loads(shiori("search", "--json", "--doc", str(seed), "判決").stdout)
    assert plain and not any("footnote" in item for item in plain)
    for item in plain:
        text = doc.blocks[item["block"]].text
        assert text[item["offset"] : item["offset"] + item["length"]] == "判決"
    noted = json.loads(shiori("search", "--json", "--notes", "--doc", str(seed), "判決").stdout)
    assert {i.get("footnote") for i in noted} - {None} >= {"77", "78"}
    listed = shiori("search", "--doc", str(seed), "判決").stdout
    assert "[注78]" in listed and "[注77]" in listed
