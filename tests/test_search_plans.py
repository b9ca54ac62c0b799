"""The plans of query terms kept in the index: a repeat search does not ask the analyser about
the query, and the kept plans are forgotten when the analyser changes."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from store import paths
from store.japanese import analyzer
from store.search import plans as plans_module
from store.search import search_library
from store.search.index import LibraryIndex

TEXT = """# 記録

両国の同盟を確認した。

課題に取り組んでいる。取り組みを続ける。
"""


@pytest.fixture
def library() -> Path:
    folder = paths.library_dir()
    (folder / "kiroku.md").write_text(TEXT, encoding="utf-8")
    return folder


def found(query: str) -> list[str]:
    results, _ = search_library(query)
    return [h.text[h.offset : h.offset + h.length] for h in results.hits if h.doc.key == "lib:kiroku.md"]


def _no_analyser(*_args: object, **_kwargs: object) -> object:
    raise AssertionError("the analyser was asked")


def test_a_repeat_search_of_a_word_needs_no_analyser(
    library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert found("同盟") == ["同盟"]
    assert found("取り組む") == ["取り組ん", "取り組み"]
    # the query's analysis comes from the index now; the dictionary is never loaded for a
    # word without other forms to check
    with monkeypatch.context() as patched:
        patched.setattr(analyzer, "tokenize", _no_analyser)
        patched.setattr(analyzer, "tokenizer", _no_analyser)
        assert found("同盟") == ["同盟"]
    # a verb's forms are still checked in the text, but the query is not analysed again
    monkeypatch.setattr(analyzer, "tokenize", _no_analyser)
    assert found("取り組む") == ["取り組ん", "取り組み"]


def count_analyses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts the analyser is asked to read from now on."""
    asked: list[str] = []
    tokenize = analyzer.tokenize

    def counting(text: str) -> list[analyzer.Morpheme]:
        asked.append(text)
        return tokenize(text)

    monkeypatch.setattr(analyzer, "tokenize", counting)
    return asked


def test_a_phrase_plan_does_not_serve_a_word(library: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A term searched as a phrase (or for the first results only) is kept without its
    analysis; searched as a word, it is analysed then."""
    assert found('"取り組む"') == []
    asked = count_analyses(monkeypatch)
    assert found("取り組む") == ["取り組ん", "取り組み"]
    assert asked == ["取り組む"]


def test_plans_are_forgotten_when_the_analyser_changes(
    library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    found("取り組む")
    asked = count_analyses(monkeypatch)
    found("取り組む")
    assert asked == []
    monkeypatch.setattr(plans_module, "PLAN_FORMAT", "another")  # as a new Sudachi would
    assert found("取り組む") == ["取り組ん", "取り組み"]
    assert asked == ["取り組む"]
    found("取り組む")
    assert asked == ["取り組む"]  # kept again, under the new fingerprint


def test_the_fingerprint_follows_the_dictionary_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new dictionary (or a new Sudachi) replaces files in the packages: their size or time
    changes, and so does the fingerprint; found without importing the packages."""
    package = tmp_path / "site" / "fakedict"
    (package / "resources").mkdir(parents=True)
    (package / "__init__.py").write_text("raise ImportError('never imported')\n")
    dic = package / "resources" / "system.dic"
    dic.write_bytes(b"x" * 100)
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    monkeypatch.setattr(plans_module, "ANALYSER_PACKAGES", ("fakedict",))
    first = plans_module.analyser_fingerprint()
    assert plans_module.analyser_fingerprint() == first
    assert "fakedict" not in sys.modules
    st = dic.stat()
    os.utime(dic, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))  # same size, newer
    second = plans_module.analyser_fingerprint()
    assert second != first
    dic.write_bytes(b"x" * 101)
    assert plans_module.analyser_fingerprint() not in (first, second)


def test_a_damaged_plan_is_made_again(library: Path) -> None:
    found("取り組む")
    with LibraryIndex() as index:
        index._db.execute("UPDATE analyses SET plan = '{\"word\": [1]}'")
    assert found("取り組む") == ["取り組ん", "取り組み"]
    with LibraryIndex() as index:
        plan = index.plan("取り組む", analyse=True)
    assert plan.word is not None and plan.word.dictionary_form == "取り組む"


def test_only_the_latest_plans_are_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    """The search as you type plans every term typed: the table does not grow without end."""
    from store.search import index as index_module

    monkeypatch.setattr(index_module, "PLANS_KEPT", 4)
    with LibraryIndex() as index:
        terms = [f'"語{n}"' for n in range(30)]
        for term in terms:
            index.plan(term, analyse=False)
        kept = [w for (w,) in index._db.execute("SELECT word FROM analyses ORDER BY rowid")]
    assert 4 <= len(kept) <= 8
    assert kept == terms[-len(kept) :]


def test_a_plan_not_kept_while_another_process_writes_costs_nothing_else(library: Path) -> None:
    """Another process indexing (holding the write lock): the search still answers, and the
    term's plan is simply not kept this time."""
    import sqlite3

    from store.search.index import index_path

    found("同盟")  # the index exists and its plans are checked against this analyser
    other = sqlite3.connect(str(index_path()), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        assert found("取り組む") == ["取り組ん", "取り組み"]
    finally:
        other.execute("ROLLBACK")
        other.close()
    with LibraryIndex() as index:
        kept = {w for (w,) in index._db.execute("SELECT word FROM analyses")}
    assert "取り組む" not in kept and "同盟" in kept
