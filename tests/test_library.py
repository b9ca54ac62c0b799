"""The bundled library lists every seed with real bibliographic metadata."""

from __future__ import annotations

from pathlib import Path

import pytest

from store import library, paths


def test_library_lists_the_five_seeds_read_only_with_titles() -> None:
    entries = library.Library().entries()
    assert [e.key for e in entries] == [
        "seed:diplomatic-bluebook-2025-north-america.txt",
        "seed:international-affairs-2025-japanese-diplomacy.txt",
        "seed:nakabayashi-new-administration-japan-us-relations.txt",
        "seed:mofa-japan-us-summit-2025-10-28.txt",
        "seed:yamamoto-sakon-japan-us-summit-2025-02-07.txt",
    ]
    assert all(e.read_only for e in entries)
    by_key = {e.key: e.meta for e in entries}
    bluebook = by_key["seed:diplomatic-bluebook-2025-north-america.txt"]
    assert (bluebook.author, bluebook.container, bluebook.author_is_org) == (
        "外務省",
        "外交青書2025",
        True,
    )
    assert (
        by_key["seed:nakabayashi-new-administration-japan-us-relations.txt"].author == "中林美恵子"
    )
    assert by_key["seed:mofa-japan-us-summit-2025-10-28.txt"].date == "2025-10-28"
    assert by_key["seed:yamamoto-sakon-japan-us-summit-2025-02-07.txt"].author == "山本左近"


def test_seed_texts_are_exactly_the_documents_received() -> None:
    shared = Path(__file__).resolve().parents[2] / "shared" / "seeds"
    if not shared.is_dir():
        pytest.skip("../shared/seeds is not beside this checkout")
    received = sorted(p.read_bytes() for p in shared.glob("*.txt"))
    bundled = sorted(p.read_bytes() for p in paths.SEEDS_DIR.glob("*.txt"))
    assert received == bundled


def test_user_documents_follow_the_seeds_and_user_metadata_wins() -> None:
    doc = paths.library_dir() / "my-notes.md"
    doc.write_text("# 覚え書き\n", encoding="utf-8")
    mine = library.DocMeta(title="覚え書き", author="私")
    entries = library.Library(lambda key: mine if key == "lib:my-notes.md" else None).entries()
    assert entries[-1].key == "lib:my-notes.md"
    assert not entries[-1].read_only
    assert (entries[-1].title, entries[-1].meta.author) == ("覚え書き", "私")
    assert library.path_for_key("lib:my-notes.md") == doc


def test_a_field_the_user_cleared_stays_cleared() -> None:
    """The metadata form saves every field; clearing one must not bring the bundled value back."""
    seed = paths.SEEDS_DIR / "mofa-japan-us-summit-2025-10-28.txt"
    bundled = library.Library().metadata(library.doc_key(seed))
    assert bundled.publisher == "Fast Fact"
    edited = library.DocMeta(**{**bundled.__dict__, "publisher": ""})
    meta = library.Library(lambda key: edited).metadata(library.doc_key(seed))
    assert meta.publisher == ""
    assert meta.title == bundled.title


def test_a_regular_install_finds_the_seeds_it_installed(tmp_path: Path) -> None:
    """`pip install .` has no checkout beside the packages: the data-files copy is used."""
    site = tmp_path / "site-packages"
    site.mkdir()
    installed = tmp_path / "prefix" / "share" / "shiori" / "seeds"
    installed.mkdir(parents=True)
    assert paths.find_seeds_dir(site, str(tmp_path / "prefix")) == installed
    assert paths.find_seeds_dir(paths.SEEDS_DIR.parent, str(tmp_path / "prefix")) == paths.SEEDS_DIR
