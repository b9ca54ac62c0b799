"""Regular expressions from the programs kept in the cache dir (``store.patterns``): the same
patterns as ``re.compile``'s, read back by the next process instead of compiled again, and
compiled as before whatever the file holds or wherever it cannot be written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import store
from store import patterns
from store.japanese import chars

SAMPLE = (
    "第1章　東京の春　2024年12月27日\n〔注〕ｶﾀｶﾅと漢字（かんじ）、𠀋と々。\x1b[31mred\x1b[0m "
    "Ｅｕｒｏ 3.5％ «quoted» \u202e\ufeff\ud800 ﾊﾟﾝ ゟ ヿ ㋿ 一鿿豈\n"
)


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A process's first use of the module, with its own cache dir."""
    monkeypatch.setenv("SHIORI_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(patterns, "_made", {})
    monkeypatch.setattr(patterns, "_programs", None)
    monkeypatch.setattr(patterns, "_writable", True)
    return tmp_path


def _next_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(patterns, "_made", {})
    monkeypatch.setattr(patterns, "_programs", None)


def _same(made: re.Pattern[str], pattern: str, flags: int) -> None:
    expected = re.compile(pattern, flags)
    assert (made.pattern, made.flags, made.groups, made.groupindex) == (
        expected.pattern,
        expected.flags,
        expected.groups,
        expected.groupindex,
    )
    for text in (SAMPLE, SAMPLE[::-1], ""):
        assert [m.span() + m.groups() for m in made.finditer(text)] == [
            m.span() + m.groups() for m in expected.finditer(text)
        ]


def test_every_pattern_of_the_store_is_the_one_re_compiles() -> None:
    import importlib
    import pkgutil

    for module in pkgutil.walk_packages(store.__path__, "store."):
        importlib.import_module(module.name)
    made = dict(patterns._made)
    assert len(made) > 150  # the importer's, the analyser's and the terminal gate's
    for (pattern, flags), compiled in made.items():
        _same(compiled, pattern, flags)


def test_the_next_process_reads_the_programs_instead_of_compiling(
    fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kanji = patterns.compiled(f"[{chars.KANJI}]+", re.M)
    named = patterns.compiled(r"(?P<year>\d{4})年(?P<month>\d{1,2})月")
    assert list(fresh.glob("patterns-*.marshal"))
    _next_process(monkeypatch)

    def not_again(pattern: str, flags: int) -> patterns.Program:
        raise AssertionError(f"compiled again: {pattern}")

    monkeypatch.setattr(patterns, "_program", not_again)
    again = patterns.compiled(f"[{chars.KANJI}]+", re.M)
    assert again is not kanji
    _same(again, f"[{chars.KANJI}]+", re.M)
    dated = patterns.compiled(r"(?P<year>\d{4})年(?P<month>\d{1,2})月")
    _same(dated, named.pattern, 0)
    match = dated.search("2024年12月27日")
    assert match is not None and match.group("month") == "12"


@pytest.mark.parametrize(
    "content",
    [b"", b"\x00not a marshal\xff", b"\xdb\x03\x00\x00\x00"],
    ids=["empty", "garbage", "truncated"],
)
def test_a_damaged_file_costs_only_the_compile(
    fresh: Path, monkeypatch: pytest.MonkeyPatch, content: bytes
) -> None:
    patterns.compiled("[ぁ-ゖ]+")
    (cache,) = fresh.glob("patterns-*.marshal")
    cache.write_bytes(content)
    _next_process(monkeypatch)
    _same(patterns.compiled("[ぁ-ゖ]+"), "[ぁ-ゖ]+", 0)
    _next_process(monkeypatch)  # and the file holds the program again
    monkeypatch.setattr(patterns, "_program", lambda p, f: (_ for _ in ()).throw(AssertionError))
    _same(patterns.compiled("[ぁ-ゖ]+"), "[ぁ-ゖ]+", 0)


def test_a_program_the_engine_refuses_is_compiled_again(
    fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import marshal

    patterns.compiled("[ァ-ヺ]+")
    (cache,) = fresh.glob("patterns-*.marshal")
    cache.write_bytes(marshal.dumps({("[ァ-ヺ]+", 0): (32, [1, 2, 3], 0, {}, (None,))}))
    _next_process(monkeypatch)
    _same(patterns.compiled("[ァ-ヺ]+"), "[ァ-ヺ]+", 0)


def test_an_unwritable_cache_dir_still_compiles(
    fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = fresh / "file"
    blocked.write_text("")
    monkeypatch.setenv("SHIORI_CACHE_DIR", str(blocked / "cache"))  # under a file: no dir
    _same(patterns.compiled("[一-鿿]{2,}"), "[一-鿿]{2,}", 0)
    _same(patterns.compiled("[々〆]"), "[々〆]", 0)
    assert not patterns._writable  # tried once, not on every pattern


def test_a_bad_pattern_raises_as_re_does(fresh: Path) -> None:
    with pytest.raises(re.error):
        patterns.compiled("[一-")
