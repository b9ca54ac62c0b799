"""A file added to the library is one document, whichever path names it.

``shiori add news.html`` copies the file into the library (``lib:news.html``); naming the
original afterwards (``annotate news.html``, ``cite``, ``annotations list|export --doc``,
``shiori news.html``) must reach that document, not one keyed by the original's absolute path,
or the annotation never shows in the app's sidebar for the library document.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pilot_waits import settle

from store import paths
from store.annotations.metadata import save_user_metadata
from store.annotations.repository import Repository
from store.importer import import_file
from store.library import DocMeta, doc_key, library_copy, named_file
from tui.app import OpenedFile, ShioriApp
from tui.cli import main
from tui.widgets.annotation_list import AnnotationList

NEWS = (
    "<!DOCTYPE html><html><head><meta charset='utf-8'><title>予算の記事</title></head><body>"
    "<h1>来年度予算</h1><p>政府は防衛費の財源として増税を検討している。</p>"
    "<p>野党は国債の発行に反対した。</p></body></html>\n"
)
QUOTE = "防衛費の財源として増税を検討している"


def shiori(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def listed(capsys: pytest.CaptureFixture[str], *extra: str | Path) -> list[dict[str, Any]]:
    code, out, err = shiori(capsys, "annotations", "list", "--json", *extra)
    assert code == 0, err
    items: list[dict[str, Any]] = json.loads(out)
    return items


@pytest.fixture
def news(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Path:
    """``news.html`` in the working folder, added to the library as ``lib:news.html``."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "news.html").write_text(NEWS, encoding="utf-8")
    code, out, err = shiori(capsys, "add", "news.html")
    assert code == 0, err
    assert (paths.library_dir() / "news.html").is_file()
    return tmp_path / "news.html"


def test_annotating_the_original_files_it_under_the_library_document(
    news: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = shiori(capsys, "annotate", "news.html", "--quote", QUOTE, "--tag", "財源")
    assert code == 0, err
    [item] = listed(capsys)
    assert item["doc"] == "lib:news.html"
    # what the app's sidebar asks for when the library document is open
    repo = Repository()
    try:
        assert [a.tags for a in repo.list(doc="lib:news.html")] == [("財源",)]
        assert repo.may_have_annotations("lib:news.html")
    finally:
        repo.close()
    # --doc by the original, by the library copy, relative or absolute: the same document
    for name in ("news.html", str(news), str(paths.library_dir() / "news.html")):
        assert [i["id"] for i in listed(capsys, "--doc", name)] == [item["id"]], name
    code, out, err = shiori(
        capsys, "annotations", "export", "--format", "json", "--doc", "news.html"
    )
    assert code == 0, err
    assert [a["target"]["source"] for a in json.loads(out)["annotations"]] == ["lib:news.html"]


def test_opening_the_original_in_the_app_opens_the_library_document(news: Path) -> None:
    opened = OpenedFile.given(news, import_file(news))
    assert opened.path == (paths.library_dir() / "news.html").resolve()
    assert doc_key(opened.path) == "lib:news.html"


async def test_the_app_on_the_original_shows_the_annotation_in_its_sidebar(
    news: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = shiori(capsys, "annotate", "news.html", "--quote", QUOTE, "--tag", "財源")
    assert code == 0, err
    app = ShioriApp(OpenedFile.given(news, import_file(news)))
    async with app.run_test(size=(170, 40)) as pilot:
        await settle(pilot, until=lambda: app.annotations.current is not None)
        assert app.current_key == "lib:news.html"
        options = app.main_screen.query_one(AnnotationList).options
        assert any(QUOTE[:8] in str(o.prompt) for o in options.options)


def test_cite_of_the_original_uses_the_metadata_entered_for_the_library_document(
    news: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    save_user_metadata("lib:news.html", DocMeta(title="防衛費の行方", author="日報編集部"))
    code, out, err = shiori(capsys, "cite", "news.html", "--quote", QUOTE)
    assert code == 0, err
    assert "防衛費の行方" in out and "日報編集部" in out


def test_annotations_made_under_the_original_path_before_are_listed_with_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    news = tmp_path / "news.html"
    news.write_text(NEWS, encoding="utf-8")
    # annotated while it was not in the library: kept under its absolute path
    code, out, err = shiori(capsys, "annotate", "news.html", "--quote", "国債の発行に反対した")
    assert code == 0, err
    assert shiori(capsys, "add", "news.html")[0] == 0
    code, out, err = shiori(capsys, "annotate", "news.html", "--quote", QUOTE)
    assert code == 0, err
    docs = sorted(i["doc"] for i in listed(capsys, "--doc", "news.html"))
    assert docs == sorted([str(news.resolve()), "lib:news.html"])
    code, out, err = shiori(
        capsys, "annotations", "export", "--format", "csv", "--doc", "news.html"
    )
    assert code == 0, err
    assert out.count("lib:news.html") == 1 and out.count(str(news.resolve())) == 1


@pytest.mark.parametrize("action", [["list"], ["export", "--format", "md"]])
def test_a_doc_that_does_not_exist_is_an_error(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    action: list[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = shiori(capsys, "annotations", *action, "--doc", "nosuch.html")
    assert code == 2
    assert out == ""
    assert err.splitlines() == ["shiori annotations: nosuch.html: no such file"]
    (tmp_path / "folder.html").mkdir()
    code, out, err = shiori(capsys, "annotations", *action, "--doc", "folder.html")
    assert code == 2 and out == ""
    assert len(err.splitlines()) == 1 and "folder.html" in err


def test_a_doc_whose_file_went_away_still_lists_its_annotations(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "news.html").write_text(NEWS, encoding="utf-8")
    assert shiori(capsys, "annotate", "news.html", "--quote", QUOTE)[0] == 0
    (tmp_path / "news.html").unlink()
    [item] = listed(capsys, "--doc", "news.html")
    assert item["doc"] == str((tmp_path / "news.html").resolve())


def test_only_a_copy_with_the_same_bytes_counts(tmp_path: Path) -> None:
    library = paths.library_dir()
    (library / "papers").mkdir()
    (library / "papers" / "kiji.html").write_text(NEWS, encoding="utf-8")
    same_size = NEWS.replace("増税", "減税")
    assert len(same_size.encode()) == len(NEWS.encode())
    (library / "other.html").write_text(same_size, encoding="utf-8")
    original = tmp_path / "news.html"
    original.write_text(NEWS, encoding="utf-8")
    # found under another name and in a sub-folder (``shiori add DIR``)
    assert library_copy(original) == library / "papers" / "kiji.html"
    assert named_file(original).key == "lib:papers/kiji.html"
    assert named_file(original).keys == ("lib:papers/kiji.html", str(original.resolve()))
    # changed since it was added: a document of its own again
    original.write_text(NEWS.replace("国債", "公債"), encoding="utf-8")
    assert library_copy(original) is None
    assert named_file(original).keys == (str(original.resolve()),)
    # a file of the library, a seed, a missing file: themselves
    assert named_file(library / "other.html").key == "lib:other.html"
    seed = paths.SEEDS_DIR / "diplomatic-bluebook-2025-north-america.txt"
    assert named_file(seed).key == "seed:diplomatic-bluebook-2025-north-america.txt"
    assert named_file(tmp_path / "nosuch.html").key == str((tmp_path / "nosuch.html").resolve())


def test_doc_takes_the_key_list_prints(news: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``list`` prints ``lib:news.html``; ``--doc lib:news.html`` said "no such file"."""
    code, _out, err = shiori(capsys, "annotate", news, "--quote", QUOTE)
    assert code == 0, err
    items = listed(capsys, "--doc", "lib:news.html")
    assert [i["doc"] for i in items] == ["lib:news.html"]
    code, out, _err = shiori(capsys, "annotations", "export", "--format", "json", "--doc", "lib:news.html")
    assert code == 0 and QUOTE in out
