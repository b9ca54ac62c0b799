"""``shiori furigana``: the JSON contract (docs/design/contracts.md), the other formats, bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from store import paths

ROOT = Path(__file__).resolve().parent.parent


def _run(args: list[str], data: bytes, tmp_path: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "tui.cli", "furigana", *args],
        input=data,
        capture_output=True,
        cwd=ROOT,
        timeout=120,
    )


def _text_lines(lines: list[str], tmp_path: Path) -> list[str]:
    """``shiori furigana --format text`` over ``lines``: the output, line by line."""
    result = _run(["--format", "text"], "\n".join(lines).encode("utf-8"), tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout.decode("utf-8").splitlines()


def _json(text: str, tmp_path: Path) -> list[list]:
    result = _run(["--format", "json"], text.encode("utf-8"), tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    return json.loads(result.stdout.decode("utf-8"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("読む", [["読", "よ"], ["む", None]]),
        ("取り組み", [["取", "と"], ["り", None], ["組", "く"], ["み", None]]),
        ("収斂", [["収斂", "しゅうれん"]]),
    ],
)
def test_json_contract_examples(text: str, expected: list, tmp_path: Path) -> None:
    assert _json(text, tmp_path) == expected


def test_json_joins_back_and_reads_only_kanji(tmp_path: Path) -> None:
    text = "彼は本を読む。\n取り組みが収斂した。\r\n2025年のABCとカタカナ、ｘｙｚ１２\n"
    segments = _json(text, tmp_path)
    assert "".join(s for s, _ in segments) == text
    for surface, reading in segments:
        if reading is not None:
            assert any("\u4e00" <= c <= "\u9fff" for c in surface), surface
            assert all("ぁ" <= c <= "ゖ" or c == "ー" for c in reading), reading
        else:
            assert not any("\u4e00" <= c <= "\u9fff" for c in surface), surface
    # digits, Latin letters, kana and newlines carry no reading
    for surface in ("2025", "ABC", "カタカナ", "ｘｙｚ１２", "\r\n"):
        assert any(surface in s and r is None for s, r in segments), surface
    assert ["年", "ねん"] in segments


def test_file_argument_and_stdin_agree(tmp_path: Path) -> None:
    path = tmp_path / "in.txt"
    path.write_text("漢字を読む", encoding="utf-8")
    by_file = _run(["--format", "json", str(path)], b"", tmp_path)
    by_stdin = _run(["--format", "json", "-"], "漢字を読む".encode(), tmp_path)
    assert by_file.returncode == by_stdin.returncode == 0
    assert json.loads(by_file.stdout) == json.loads(by_stdin.stdout)


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        ("aozora", "｜収斂《しゅうれん》する"),
        ("html", "<ruby>収斂<rt>しゅうれん</rt></ruby>する&lt;b&gt;"),
        ("text", "収斂(しゅうれん)する"),
    ],
)
def test_other_formats_render_the_same_segments(fmt: str, expected: str, tmp_path: Path) -> None:
    text = "収斂する<b>" if fmt == "html" else "収斂する"
    result = _run(["--format", fmt], text.encode(), tmp_path)
    assert result.returncode == 0
    assert result.stdout.decode("utf-8") == expected


def test_invalid_utf8_is_a_clear_error_with_status_2(tmp_path: Path) -> None:
    result = _run([], "漢字".encode() + b"\xff\xfe", tmp_path)
    assert result.returncode == 2
    assert result.stdout == b""
    err = result.stderr.decode()
    assert "not valid UTF-8" in err and len(err.strip().splitlines()) == 1


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    result = _run([str(tmp_path / "nope.txt")], b"", tmp_path)
    assert result.returncode == 2
    assert "cannot read" in result.stderr.decode()


def test_large_input_keeps_every_character(tmp_path: Path) -> None:
    # > 49 KB of UTF-8 in one line and many lines: Sudachi's per-call limit must not bite.
    line = "東京都の図書館で資料を閲覧した。" * 2000
    text = line + "\n" + "\n".join(f"第{i}章 漢字の読み" for i in range(3000))
    segments = _json(text, tmp_path)
    assert "".join(s for s, _ in segments) == text
    assert ["閲覧", "えつらん"] in segments


def test_empty_input_is_an_empty_array(tmp_path: Path) -> None:
    assert _json("", tmp_path) == []


def test_control_characters_are_escaped_in_json(tmp_path: Path) -> None:
    result = _run([], "漢\x1b[31m字".encode(), tmp_path)
    assert b"\x1b" not in result.stdout
    assert "".join(s for s, _ in json.loads(result.stdout)) == "漢\x1b[31m字"


def test_control_characters_never_reach_a_terminal() -> None:
    from store.terminal_safe import safe_text  # the gate the command uses on a terminal

    shown = safe_text("漢\x1b[31m字\x07\n")
    assert "\x1b" not in shown and "\x07" not in shown and shown.endswith("\n")


def test_the_command_does_not_import_textual(tmp_path: Path) -> None:
    code = (
        "import sys, io\n"
        "sys.stdin = io.TextIOWrapper(io.BytesIO('漢字'.encode()))\n"
        "from tui.cli import main\n"
        "main(['furigana'])\n"
        "assert not [m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')]\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, timeout=120)
    assert result.returncode == 0, result.stderr.decode()


def test_bytecode_is_kept_in_the_cache_dir_not_the_source_tree() -> None:
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    env.pop("PYTHONPYCACHEPREFIX", None)
    result = subprocess.run(
        [sys.executable, "-m", "tui.cli", "furigana"],
        input="漢字".encode(),
        cwd=ROOT,
        capture_output=True,
        timeout=120,
        env=env,
    )
    assert result.returncode == 0, result.stderr.decode()
    cached = list((paths.cache_dir() / "pycache").rglob("readings*.pyc"))
    assert cached, "the analysis modules' bytecode should be cached for the next start"
    # the command line's own imports too: the cache is set before them
    assert list((paths.cache_dir() / "pycache").rglob("terminal_safe*.pyc"))


def test_one_long_line_is_read_in_pieces_cut_between_words(tmp_path: Path) -> None:
    import io

    from tui.commands.furigana import BATCH_CHARS, _batches

    line = "日本の首相は東京で会見した、" * (BATCH_CHARS // 5)  # one line, ~3 batches long
    pieces = list(_batches(io.BytesIO(line.encode("utf-8"))))
    assert "".join(pieces) == line and len(pieces) > 2
    assert all(len(p) <= BATCH_CHARS and p.endswith("、") for p in pieces[:-1])
    segments = _json(line, tmp_path)
    assert "".join(s for s, _ in segments) == line
    assert segments[:2] == [["日本", "にほん"], ["の", None]]


@pytest.mark.parametrize("length", [64, 128, 129, 200])
def test_a_line_with_nowhere_to_cut_is_cut_at_the_size_never_past_its_end(length: int) -> None:
    """A run of brackets, or of one character, has no line, sentence or word end: the pieces are
    cut at the size, also when the text ends exactly there (it crashed: buf[end] past the end)."""
    import io

    from tui.commands.furigana import _batches

    for text in ("[" * length, "が" * length, "か\u3099" * (length // 2)):
        pieces = list(_batches(io.BytesIO(text.encode("utf-8")), size=64))
        assert "".join(pieces) == text
        assert all(0 < len(p) <= 64 for p in pieces)
        assert not any(p[0] == "\u3099" for p in pieces)  # a mark never starts a piece


def test_a_json_file_nested_deep_is_read_like_any_text(tmp_path: Path) -> None:
    result = _run(["--format", "json"], b"[" * 100_000 + b"]" * 100_000, tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    segments = json.loads(result.stdout.decode("utf-8"))
    assert "".join(s for s, _ in segments) == "[" * 100_000 + "]" * 100_000


def test_the_cache_dir_is_found_as_platformdirs_finds_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import platformdirs

    monkeypatch.delenv("SHIORI_CACHE_DIR", raising=False)
    cases = [
        {"XDG_CACHE_HOME": "/x/cache", "HOME": "/home/u"},
        {"XDG_CACHE_HOME": "relative/cache", "HOME": "/home/u"},  # not absolute: ignored
        {"XDG_CACHE_HOME": "", "HOME": "/home/u/"},
        {"HOME": "/home/u"},
    ]
    for env in cases:
        monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
        for key, value in env.items():
            monkeypatch.setenv(key, value)
        assert paths.cache_location() == platformdirs.user_cache_dir(paths.APP), env
    monkeypatch.setenv("SHIORI_CACHE_DIR", "/elsewhere")
    assert paths.cache_location() == "/elsewhere"


def test_stdin_is_kept_in_memory_then_in_a_file_past_the_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import io

    from tui.commands import furigana

    data = "日本の首相は東京で会見した。\n".encode() * 40
    for limit, on_disk in ((1 << 20, False), (100, True)):
        monkeypatch.setattr(furigana, "SPOOL_IN_MEMORY", limit)
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
        with furigana._open_input("-") as stream:
            assert stream.read() == data
            assert isinstance(stream, io.BytesIO) is not on_disk


def test_the_register_is_decided_on_the_opening_not_on_the_first_batch() -> None:
    import io

    from tui.commands.furigana import BATCH_CHARS, STYLE_SAMPLE, _annotate

    prose = "私は其の日も静かな町を歩いて帰った。\n"  # literary (其の): 私 わたくし
    figures = "2024年の売上は12345件で、前年の10234件を上回った。\n"  # digits: modern
    opening = prose * (BATCH_CHARS // len(prose) + 1)
    text = opening + figures * ((STYLE_SAMPLE - len(opening)) // len(figures) + 1)
    out = io.StringIO()
    _annotate(io.BytesIO(text.encode("utf-8")), out, "json", raw=True)
    readings = {s: r for s, r in json.loads(out.getvalue())}
    assert readings["私"] == "わたし"  # the opening 20,000 characters are modern
    out = io.StringIO()
    _annotate(io.BytesIO((prose * 2000).encode("utf-8")), out, "json", raw=True)
    assert {s: r for s, r in json.loads(out.getvalue())}["私"] == "わたくし"


def test_adverbs_the_dictionary_takes_for_names_read_as_adverbs(tmp_path: Path) -> None:
    """矢張, 大方, 平生 are family names or places to the dictionary and adverbs in prose
    (JMdict: やはり, おおかた, へいぜい; ``store.japanese.prose_words``); names stay names."""
    lines = [
        "はおどかしてやったものの矢張私の方が結句負けた。",  # 矢張 やばり, a family name
        "奥さんは大方用事でもできたのでしょう。",  # 大方 おおがた, a place
        "中には比較的遠くにいて平生疎遠なものもあった。",  # 平生 ひらお
        "此間まで懐中時計を重しにしていた。",  # 此間 このま, a family name
        "滋賀県八幡工業高校の教員として",  # a place after a place: a name
        "その友達は八幡様へお参りに行った。",  # before an honorific: a name
    ]
    out = _text_lines(lines, tmp_path)
    assert "矢張(やはり)" in out[0]
    assert "大方(おおかた)" in out[1]
    assert "平生(へいぜい)" in out[2]
    assert "此間(こないだ)" in out[3]
    assert "八幡(やわた)" in out[4]
    assert "八幡(はちまん)" not in out[5]


def test_verbs_spelled_with_two_kanji_the_dictionary_lacks_read_as_the_verb(tmp_path: Path) -> None:
    """私語く ささやく, 懸合う かけあう, 思召す おぼしめす: JMdict's spellings of two kanji and
    okurigana, which the dictionary reads as a noun (しご, けんあい) and its kana; a verbal
    noun before する stays the noun (射殺された is しゃさつ, though 射殺す いころす conjugates so)."""
    lines = [
        "奥さんは私の耳に私語くような小さな声で言った。",
        "宿屋にはまだ懸合ってない。",
        "そう思召されたのでございましょう。",
        "犯人はその場で射殺された。",
        "画面を指示するとおりに進める。",
    ]
    out = _text_lines(lines, tmp_path)
    assert "私語(ささや)く" in out[0]
    assert "懸合(かけあ)って" in out[1]
    assert "思召(おぼしめ)された" in out[2]
    assert "射殺(しゃさつ)された" in out[3]
    assert "指示(しじ)する" in out[4]


def test_a_given_name_after_a_surname_read_on_is_read_on(tmp_path: Path) -> None:
    """張栄, 李嵩: the dictionary reads the Chinese surname on (ちょう, り) and the given name
    as a Japanese one (ひさし, たかし); the name is read on throughout (``store.japanese.on_names``),
    and so is a word the dictionary cuts the same way (鄭寧, Sōseki's 丁寧). A Japanese reading of
    a two-kanji given name (王貞治 さだはる), a surname read kun (関孝和) and a run of one-kanji
    words (楊豊虎: the tiger, とら, is no part of the name) stay as they are."""
    lines = [
        "東晋の時、張栄という男があった。",
        "李嵩は答えなかった。",
        "そうして鄭寧に挨拶をした。",
        "王貞治がホームランを打った。",
        "関孝和の算法",
        "また楊豊虎に噛まる",  # a run of one-kanji words: where the name ends is not known
    ]
    out = _text_lines(lines, tmp_path)
    assert "張(ちょう)栄(えい)" in out[0]
    assert "李(り)嵩(すう)" in out[1]
    assert "鄭(てい)寧(ねい)" in out[2]
    assert "貞治(さだはる)" in out[3]
    assert "孝和(たかかず)" in out[4]
    assert "虎(とら)" in out[5]


def test_a_surname_japanese_families_share_keeps_a_japanese_given_name(tmp_path: Path) -> None:
    """菅 is read かん as well as すが by Japanese families: after it, 薫 stays かおる (the
    Chinese-name rule read it くん). Only a surname the dictionary reads on alone makes a name
    Chinese."""
    result = _run(["--format", "text"], "菅薫さんが来た。\n".encode(), tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    assert "薫(かおる)" in result.stdout.decode("utf-8")


def test_an_old_man_named_before_ji_is_jii(tmp_path: Path) -> None:
    """爺 after a name (正平爺, an old servant in 野村胡堂's 水中の宮殿) read や, the dictionary's
    suffix reading that belongs to 好々爺 and 老爺; after a name it is じい."""
    text = "正平爺は綾子の耳に口を寄せた。好々爺と老爺。\n"
    result = _run(["--format", "text"], text.encode(), tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    out = result.stdout.decode("utf-8")
    assert "正平(しょうへい)爺(じい)は" in out
    assert "好々爺(こうこうや)" in out and "老爺(ろうや)" in out


def test_a_long_text_in_older_kana_is_read_in_large_kana_by_both_halves(tmp_path: Path) -> None:
    """The text writes no small kana (言つて, 行つた): neither the first half nor the second,
    which a long text has analysed in a copy of the process, writes any (折角 せつかく)."""
    line = "折角皆さんが言つて下さるのに、私は思つた通りに行つた。\n"
    segments = _json(line * 1200, tmp_path)  # ~33,000 characters: the two-process path
    readings = [r for s, r in segments if s == "折角"]
    assert len(readings) == 1200 and set(readings) == {"せつかく"}
