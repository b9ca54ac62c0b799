"""The text importer's rules for what a document states about itself and for boxes, on PDF,
web pages and EPUB: one title, a byline and dateline under the title and an author profile
box go to metadata, a box (コラム) set in the middle of a section moves to the section's end
under its own heading."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from render_formats import golden_to_epub, golden_to_html, golden_to_pdf

from store.importer import import_file
from store.importer.sections import own_title
from store.model import Document

A = "両国の首脳は、地域の安全保障環境について率直な意見交換を行い、協力の強化で一致した。" * 2
B = "会談の後、両首脳は共同声明を発表し、協力の具体的な分野を列挙した。" * 3
C = "今後は、合意した事項を着実に実施に移していくことが求められる。" * 2
BOXED = "枠の中の文章は現地の取組を紹介するコラムであり、本文とは別に読まれる。" * 3


def _block(kind: str, text: str, level: int = 0, **extra: Any) -> dict[str, Any]:
    block = {"kind": kind, "text": text, "ruby": [], "refs": [], "emphasis": [], **extra}
    if kind == "heading":
        block["level"] = level
    return block


def _model(blocks: list[dict[str, Any]], **metadata: str) -> dict[str, Any]:
    return {"title": blocks[0]["text"], "blocks": blocks, "footnotes": [], "metadata": metadata}


def _pdf(model: dict[str, Any], path: Path) -> Document:
    golden_to_pdf(model, path.with_suffix(".pdf"))
    return import_file(path.with_suffix(".pdf"))


def _html(model: dict[str, Any], path: Path) -> Document:
    path.with_suffix(".html").write_text(golden_to_html(model), encoding="utf-8")
    return import_file(path.with_suffix(".html"))


def _epub(model: dict[str, Any], path: Path) -> Document:
    golden_to_epub(model, path.with_suffix(".epub"))
    return import_file(path.with_suffix(".epub"))


FORMATS: dict[str, Callable[[dict[str, Any], Path], Document]] = {
    "pdf": _pdf,
    "html": _html,
    "epub": _epub,
}


def _outline(doc: Document) -> list[tuple[str, int, str]]:
    return [(b.kind, b.level, b.text) for b in doc.blocks]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_box_in_the_middle_of_a_section_goes_to_its_end_under_its_own_heading(
    fmt: str, tmp_path: Path
) -> None:
    model = _model(
        [
            _block("heading", "日米関係の現状", 1),
            _block("heading", "1 概観", 2),
            _block("paragraph", A),
            _block("heading", "ハワイとの交流", 3, box=3),  # the title, its byline, its text
            _block("meta", "在ホノルル日本国総領事館"),
            _block("paragraph", BOXED),
            _block("paragraph", B),
            _block("heading", "2 今後の展望", 2),
            _block("paragraph", C),
        ]
    )
    doc = FORMATS[fmt](model, tmp_path / "box")
    assert _outline(doc) == [
        ("heading", 1, "日米関係の現状"),
        ("heading", 2, "1 概観"),
        ("paragraph", 0, A),
        ("paragraph", 0, B),  # the section's text is not cut by the box, nor under its title
        ("heading", 3, "ハワイとの交流"),
        ("meta", 0, "在ホノルル日本国総領事館"),
        ("paragraph", 0, BOXED),
        ("heading", 2, "2 今後の展望"),
        ("paragraph", 0, C),
    ]
    assert doc.title == "日米関係の現状"


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_byline_and_dateline_under_the_title_are_metadata(fmt: str, tmp_path: Path) -> None:
    model = _model(
        [
            _block("heading", "新政権と同盟の課題", 1),
            _block("heading", "はじめに", 2),
            _block("paragraph", A),
        ],
        author="山田 太郎",
        author_latin="Yamada Taro",
        date="2025年2月10日",
    )
    doc = FORMATS[fmt](model, tmp_path / "byline")
    assert _outline(doc) == [
        ("heading", 1, "新政権と同盟の課題"),
        ("heading", 2, "はじめに"),
        ("paragraph", 0, A),
    ]
    assert doc.metadata["author"] == "山田 太郎"
    assert doc.metadata["author_latin"] == "Yamada Taro"
    if fmt != "epub":  # an EPUB's package states its own date, which comes first
        assert doc.metadata["date"] == "2025年2月10日"


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_author_profile_box_is_metadata_not_text(fmt: str, tmp_path: Path) -> None:
    bio = "愛知県出身。大学卒業後、研究機関を経て現職。専門は国際政治。"
    model = _model(
        [_block("heading", "会談の成果と課題", 1), _block("paragraph", A), _block("paragraph", B)],
        author="山田太郎",
        author_reading="やまだ・たろう",
        author_profile=bio,
    )
    doc = FORMATS[fmt](model, tmp_path / "profile")
    assert _outline(doc) == [
        ("heading", 1, "会談の成果と課題"),
        ("paragraph", 0, A),
        ("paragraph", 0, B),
    ]
    assert doc.metadata["author"] == "山田太郎"
    assert doc.metadata["author_reading"] == "やまだ・たろう"
    assert doc.metadata["author_profile"] == bio


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_numbered_first_section_never_titles_the_document(fmt: str, tmp_path: Path) -> None:
    model = _model(
        [
            _block("heading", "1 概観", 1),
            _block("paragraph", A),
            _block("heading", "2 米国", 1),
            _block("paragraph", B),
        ]
    )
    model["title"] = ""  # a file that names itself nowhere: no document information either
    doc = FORMATS[fmt](model, tmp_path / "北米")
    assert doc.title == "北米"  # the file's name, as for a text file


def test_one_title_rule_for_every_source() -> None:
    assert own_title([("heading", "chapter", "第1章 北米"), ("paragraph", "", "…")]) == "第1章 北米"
    assert own_title([("heading", "num", "1 概観"), ("heading", "num", "2 米国")]) == ""
    assert own_title([("meta", "", "2025年"), ("heading", "h1", "報告書"), ("heading", "h2", "x")]) == (
        "報告書"
    )
    assert own_title([("paragraph", "", "本文"), ("heading", "h1", "見出し")]) == ""
    assert own_title([("heading", "md", "# 表題")]) == ""  # Markdown's own rule titles it
