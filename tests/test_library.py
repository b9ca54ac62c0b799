"""The bundled library lists every seed with real bibliographic metadata."""

from __future__ import annotations

import hashlib
import tomllib

from pilot_waits import settle

from store import library, paths
from store.citation import Passage, cite
from tui.app import ShioriApp
from tui.widgets.doc_tree import DocTree


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


#: SHA-256 of the five documents as received (``../shared/seeds``), recorded so that every clone
#: checks them, with or without the shared folder beside it.
RECEIVED = {
    "diplomatic-bluebook-2025-north-america.txt": "c1a65b5961f1f4f0ea91ba2bba9b71a5784de0355c6dd3502dd490aa5d64b0ec",
    "international-affairs-2025-japanese-diplomacy.txt": "34b4536209967f538ed4b2c3e662240b80f5cb8d45e8f33e823ce4852aa04cd0",
    "mofa-japan-us-summit-2025-10-28.txt": "9a7a64dbf785c840db0e5ccbd46d5cb616e90dd7fae922d99ea8859f4249ce99",
    "nakabayashi-new-administration-japan-us-relations.txt": "6685584e1816b7d9eeef7845abaa87264dca292a707fe769f2def4aa66669e2c",
    "yamamoto-sakon-japan-us-summit-2025-02-07.txt": "abdaa4d185f91a7bfaf13241319bf0efdc528d623148d435e3dd17da8f941faf",
}
SEED_DOCS = tomllib.loads((paths.SEEDS_DIR / "library.toml").read_text(encoding="utf-8"))[
    "document"
]


def test_seed_texts_are_exactly_the_documents_received() -> None:
    bundled = {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in paths.SEEDS_DIR.glob("*.txt")
    }
    assert bundled == RECEIVED


async def test_the_app_lists_every_seed_by_its_title_and_cites_its_author() -> None:
    """Each seed of ``library.toml`` is what the reader sees in the tree (sorted by title),
    and what a citation names (its title and author)."""
    app = ShioriApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        tree = app.main_screen.query_one(DocTree)
        labels = [str(node.label) for node in tree.root.children]
    assert labels == sorted(doc["title"] for doc in SEED_DOCS)
    assert sorted(doc["file"] for doc in SEED_DOCS) == sorted(RECEIVED)
    for doc in SEED_DOCS:
        key = f"seed:{doc['file']}"
        source = cite(library.Library().metadata(key), Passage("引用"), source_only=True)
        assert doc["title"] in source and doc["author"] in source, source


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


def test_a_key_may_name_a_sub_folder_of_the_library_but_never_walk_out() -> None:
    """``shiori add DIR`` keeps a tree's layout: ``lib:papers/2024/a.pdf`` is a library key
    (the annotation store accepts it too), ``..`` or an absolute part never is."""
    import pytest

    from store.annotations import schema

    assert library.path_for_key("lib:papers/2024/a.pdf") == paths.library_dir() / "papers/2024/a.pdf"
    assert schema.doc_key("lib:papers/2024/a.pdf") == "lib:papers/2024/a.pdf"
    for bad in ("lib:papers/../../x.txt", "lib:/etc/passwd", "lib:a//b.txt", "lib:./a.txt", "lib:a\\b"):
        with pytest.raises(library.NotInLibrary):
            library.path_for_key(bad)
        with pytest.raises(schema.RecordError):
            schema.doc_key(bad)


def test_documents_of_one_title_and_file_name_are_told_apart_by_their_folder() -> None:
    """Two library copies of yoake.epub (one under sub/) both showed 夜明けの港町 (library:
    yoake.epub): the user opened the wrong one twice."""
    from pathlib import Path

    from store.library import DocMeta, LibraryEntry, display_titles

    def entry(key: str) -> LibraryEntry:
        name = key.split(":", 1)[1]
        return LibraryEntry(key, Path("/lib") / name, DocMeta(title="夜明けの港町"), False)

    shown = display_titles(
        [entry("lib:yoake.epub"), entry("lib:adddir/sub/yoake.epub"), entry("lib:minato.epub")]
    )
    assert shown == {
        "lib:yoake.epub": "夜明けの港町 (library: yoake.epub)",
        "lib:adddir/sub/yoake.epub": "夜明けの港町 (library: adddir/sub/yoake.epub)",
        "lib:minato.epub": "夜明けの港町 (library: minato.epub)",
    }


def test_the_tree_filter_matches_a_documents_folder_in_the_library() -> None:
    from pathlib import Path

    from store.library import DocMeta, LibraryEntry
    from tui.widgets.doc_tree import matches_filter

    nested = LibraryEntry(
        "lib:adddir/sub/yoake.epub", Path("/lib/adddir/sub/yoake.epub"), DocMeta(title="港町"), False
    )
    assert matches_filter(nested, "港町", "adddir")
    assert matches_filter(nested, "港町", "yoake")
    assert not matches_filter(nested, "港町", "lib")
