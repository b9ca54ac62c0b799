"""`shiori annotate`, `shiori annotations list|export|import`, `shiori cite` as a script sees them."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from store import paths
from tui.cli import main

ROOT = Path(__file__).resolve().parent.parent
BLUEBOOK = paths.SEEDS_DIR / "diplomatic-bluebook-2025-north-america.txt"

SNIPPET = (
    "# 北米の概観\n\n"
    "現在、国際社会は歴史の転換点にあるといえ\n"
    "る。強固な日米同盟は、日本の外交及び安全\n"
    "保障の基軸である。\n\n"
    "## 米国\n\n"
    "米国は日本にとって唯一の同盟国である。米国との連携を強化する。\n\n"
    "カナダとの連携も強化する。\n"
)


@pytest.fixture
def env(tmp_path: Path) -> Path:
    """A document of our own (the data folders are the test's own: conftest.py)."""
    doc = tmp_path / "north-america.md"
    doc.write_text(SNIPPET, "utf-8")
    return doc


def shiori(capsys, *argv: str) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def listed(capsys, *extra: str) -> list[dict]:
    code, out, err = shiori(capsys, "annotations", "list", "--json", *extra)
    assert code == 0, err
    return json.loads(out)


def test_annotate_finds_a_wrapped_sentence_and_lists_it(env: Path, capsys) -> None:
    code, out, err = shiori(
        capsys, "annotate", env, "--quote", "強固な日米同盟は、日本の外交及び安全保障の基軸である",
        "--color", "疑問", "--note", "要点\n二行目", "--tag", "同盟", "--tag", "安全保障",
    )  # fmt: skip
    assert code == 0, err
    ident = out.split("\t")[0]
    [item] = listed(capsys)
    assert item["id"] == ident
    assert item["doc"] == str(env.resolve())
    assert item["quote"].replace("\n", "") == "強固な日米同盟は、日本の外交及び安全保障の基軸である"
    assert (item["note"], item["tags"], item["color"], item["state"]) == (
        "要点\n二行目", ["同盟", "安全保障"], "blue", "anchored",
    )  # fmt: skip
    assert item["created"] and item["updated"]
    assert listed(capsys, "--tag", "安全保障") == [item]
    assert listed(capsys, "--tag", "米国") == []


def test_quote_not_found_exits_1_and_saves_nothing(env: Path, capsys) -> None:
    code, out, err = shiori(capsys, "annotate", env, "--quote", "存在しない一文")
    assert code == 1 and out == ""
    assert "not in the document" in err and err.count("\n") == 1
    assert listed(capsys) == []


def test_an_empty_quote_is_a_usage_error_not_a_missing_quote(env: Path, capsys) -> None:
    for command in ("annotate", "cite"):
        code, out, err = shiori(capsys, command, env, "--quote", "  ")
        assert code == 2 and out == ""
        assert "--quote is empty" in err and err.count("\n") == 1
    assert listed(capsys) == []


def test_importing_a_missing_file_or_a_folder_is_bad_input_exit_2(
    env: Path, tmp_path: Path, capsys
) -> None:
    for given in (tmp_path / "nothing.json", tmp_path):
        code, out, err = shiori(capsys, "annotations", "import", given)
        assert code == 2 and out == "" and err.count("\n") == 1


def test_nth_chooses_the_occurrence(env: Path, capsys) -> None:
    assert shiori(capsys, "annotate", env, "--quote", "連携", "--nth", "2")[0] == 0
    [item] = listed(capsys)
    text = env.read_text("utf-8").replace("\n", "")
    assert item["start"] > 0 and "カナダとの連携" not in item["quote"]
    code, _, err = shiori(capsys, "annotate", env, "--quote", "連携", "--nth", "9")
    assert code == 1 and "occurs 2 time" in err
    assert text  # the file itself is untouched
    code, _, err = shiori(capsys, "annotate", env, "--quote", "存在", "--color", "magenta")
    assert code == 1


def test_list_reanchors_a_changed_file_first(env: Path, capsys) -> None:
    shiori(capsys, "annotate", env, "--quote", "米国は日本にとって唯一の同盟国である")
    shiori(capsys, "annotate", env, "--quote", "カナダとの連携も強化する")
    env.write_text(
        SNIPPET.replace("## 米国\n\n", "## 米国\n\n新たに加えた段落である。\n\n").replace(
            "カナダとの連携も強化する。\n", ""
        ),
        "utf-8",
    )
    os.utime(env, ns=(1, 1))
    code, out, err = shiori(capsys, "annotations", "list", "--json")
    states = {i["quote"]: i["state"] for i in json.loads(out)}
    assert states == {
        "米国は日本にとって唯一の同盟国である": "moved",
        "カナダとの連携も強化する": "orphan",
    }
    assert "1 could not be found" in err
    code, out, _ = shiori(capsys, "annotations", "list", "--state", "orphan")
    assert "カナダとの連携も強化する" in out and "orphan" in out


def test_export_markdown_json_csv_and_idempotent_import(
    env: Path, tmp_path: Path, capsys, monkeypatch
) -> None:
    shiori(
        capsys,
        "annotate",
        env,
        "--quote",
        "米国は日本にとって唯一の同盟国である",
        "--note",
        "唯一",
        "--tag",
        "同盟",
    )
    shiori(
        capsys,
        "annotate",
        BLUEBOOK,
        "--quote",
        "強固な日米同盟は、日本の外交及び安全保障の基軸であり",
        "--tag",
        "同盟",
    )
    code, md, _ = shiori(capsys, "annotations", "export", "--format", "md")
    assert code == 0
    assert "## 北米の概観" in md and "## 北米" in md
    assert "### 北米の概観 › 米国" in md
    assert (
        "> 米国は日本にとって唯一の同盟国である" in md
        and "- Note: 唯一" in md
        and "- Tags: #同盟" in md
    )
    assert "- Citation: 外務省「北米」『外交青書2025』2025年、" in md

    out_file = tmp_path / "export.json"
    code, _, err = shiori(capsys, "annotations", "export", "--format", "json", "-o", out_file)
    assert code == 0 and "wrote 2" in err
    envelope = json.loads(out_file.read_text("utf-8"))
    assert (envelope["format"], envelope["version"]) == ("shiori-annotations", 1)
    item = next(a for a in envelope["annotations"] if a["body"] and a["body"][0]["value"] == "唯一")
    assert item["type"] == "Annotation" and item["id"].startswith("urn:uuid:")
    kinds = {s["type"]: s for s in item["target"]["selector"]}
    assert kinds["TextQuoteSelector"]["exact"] == "米国は日本にとって唯一の同盟国である"
    assert kinds["TextPositionSelector"]["end"] - kinds["TextPositionSelector"]["start"] == 18
    assert {"purpose": "tagging", "type": "TextualBody", "value": "同盟"} in item["body"]

    code, csv_text, _ = shiori(capsys, "annotations", "export", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(csv_text)))
    assert len(rows) == 2 and {r["tags"] for r in rows} == {"同盟"}

    # Into a fresh store, twice: the same two annotations, no duplicates.
    monkeypatch.setenv("SHIORI_DATA_DIR", str(tmp_path / "other"))
    assert "2 added" in shiori(capsys, "annotations", "import", out_file)[1]
    assert (
        "0 added, 0 updated, 2 already present"
        in shiori(capsys, "annotations", "import", out_file)[1]
    )
    assert len(listed(capsys)) == 2


def test_import_rejects_what_is_not_ours(env: Path, tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"hello": 1}', "utf-8")
    code, _, err = shiori(capsys, "annotations", "import", bad)
    assert code == 1 and "not a Shiori annotations export" in err


def test_cite_prints_quote_and_source_in_each_style(env: Path, capsys) -> None:
    quote = "強固な日米同盟は、日本の外交及び安全保障の基軸であり"
    code, out, _ = shiori(capsys, "cite", BLUEBOOK, "--quote", quote)
    assert code == 0
    first, second = out.rstrip("\n").split("\n")
    assert first == f"「{quote}」"
    assert second.startswith("外務省「北米」『外交青書2025』2025年、「") and second.endswith("」。")
    code, out, _ = shiori(
        capsys, "cite", BLUEBOOK, "--quote", quote, "--style", "en", "--source-only"
    )
    assert out.startswith('外務省, "北米," in 外交青書2025 (2025), sec. "')
    code, out, _ = shiori(capsys, "cite", BLUEBOOK, "--quote", quote, "--style", "sist02")
    assert out.split("\n")[1].startswith('外務省. "北米". 外交青書2025. 2025, ')
    code, out, _ = shiori(capsys, "cite", BLUEBOOK, "--quote", "日米同盟", "--readings")
    assert out.startswith("「｜日米《にちべい》｜同盟《どうめい》」")
    code, _, err = shiori(capsys, "cite", BLUEBOOK, "--quote", "存在しない一文")
    assert code == 1 and "not in the document" in err


def test_annotate_in_a_real_process_is_saved_when_it_exits_and_loads_no_ui(
    env: Path, tmp_path: Path
) -> None:
    code = (
        "import sys\n"
        "from tui.cli import main\n"
        "rc = main(sys.argv[1:])\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "assert not bad, bad\n"
        "sys.exit(rc)\n"
    )
    run_env = {**os.environ}  # the test's own data folders (conftest.py)
    result = subprocess.run(
        [sys.executable, "-c", code, "annotate", str(env), "--quote", "唯一の同盟国", "--tag", "t"],
        cwd=ROOT, env=run_env, capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    ident = result.stdout.split("\t")[0]
    for args in (["annotations", "list", "--json"], ["cite", str(env), "--quote", "唯一の同盟国"]):
        other = subprocess.run(
            [sys.executable, "-c", code, *args],
            cwd=ROOT,
            env=run_env,
            capture_output=True,
            text=True,
        )
        assert other.returncode == 0, other.stderr
    listed_ids = [a["id"] for a in json.loads(subprocess.run(
        [sys.executable, "-c", code, "annotations", "list", "--json"], cwd=ROOT, env=run_env,
        capture_output=True, text=True,
    ).stdout)]  # fmt: skip
    assert listed_ids == [ident]


def test_markdown_export_cites_a_file_without_metadata_by_its_title(env: Path, capsys) -> None:
    shiori(capsys, "annotate", env, "--quote", "唯一の同盟国", "--tag", "同盟")
    code, md, _ = shiori(capsys, "annotations", "export", "--format", "md", "--style", "en")
    assert code == 0
    assert '- Citation: "北米の概観," n.d., sec. "米国".' in md


def test_a_damaged_database_is_recovered_and_the_command_says_so(env: Path, capsys) -> None:
    from store.annotations.repository import Repository

    shiori(capsys, "annotate", env, "--quote", "唯一の同盟国", "--tag", "古い")
    repo = Repository()
    repo.db.storage.compact()
    shiori(capsys, "annotate", env, "--quote", "カナダとの連携", "--tag", "新しい")
    repo.db.storage.compact()
    repo.close()
    db = paths.annotations_db()
    db.write_bytes(db.read_bytes()[:100])  # truncated
    code, out, err = shiori(capsys, "annotations", "list", "--json")
    assert code == 0
    assert {t for a in json.loads(out) for t in a["tags"]} == {"古い", "新しい"}
    assert "was damaged" in err and "annotations.json.1" in err and ".damaged-" in err


def test_export_can_be_limited_to_a_tag(env: Path, capsys) -> None:
    shiori(capsys, "annotate", env, "--quote", "唯一の同盟国", "--tag", "同盟")
    shiori(capsys, "annotate", env, "--quote", "カナダとの連携", "--tag", "カナダ")
    code, out, _ = shiori(capsys, "annotations", "export", "--format", "csv", "--tag", "カナダ")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and [r["quote"] for r in rows] == ["カナダとの連携"]


def test_cite_readings_prefer_the_sources_own_ruby(env: Path, tmp_path: Path, capsys) -> None:
    doc = tmp_path / "ruby.txt"
    doc.write_text("今日《こんにち》の国際社会は複雑である。\n", "utf-8")
    code, out, _ = shiori(capsys, "cite", doc, "--quote", "今日の国際社会", "--readings")
    assert code == 0
    assert out.split("\n")[0] == "「｜今日《こんにち》の｜国際《こくさい》｜社会《しゃかい》」"


def test_cite_readings_are_the_readers_a_name_glossed_earlier_included(
    env: Path, tmp_path: Path, capsys
) -> None:
    """The citation's readings were a fresh analysis of the quote's paragraph alone: a name the
    document glossed earlier read as the dictionary does (尹 いん), where the reader shows ゆん."""
    doc = tmp_path / "yoon.txt"
    doc.write_text(
        "韓国の尹錫悦（ユン・ソンニョル）大統領が来日した。\n\n"
        "日本の首相は東京で会見した。\n\n"
        "尹大統領は会談の後、記者団に語った。\n",
        "utf-8",
    )
    code, out, _ = shiori(capsys, "cite", doc, "--quote", "尹大統領は会談の後", "--readings")
    assert code == 0
    assert out.split("\n")[0].startswith("「｜尹《ゆん》｜大統領《だいとうりょう》は")


@pytest.mark.parametrize("command", ["annotate", "cite"])
def test_a_file_that_cannot_be_imported_is_bad_input_exit_2(
    command: str, tmp_path: Path, capsys
) -> None:
    """Like `shiori inspect` and `shiori FILE`: one line naming the file, exit 2, nothing saved."""
    binary = tmp_path / "scan.pdf"
    binary.write_bytes(b"%PDF-1.7\x00\x00\x01binary" * 40)
    for target in (binary, tmp_path / "missing.txt"):
        code, out, err = shiori(capsys, command, target, "--quote", "日米")
        assert (code, out) == (2, "")
        assert err.count("\n") == 1 and target.name in err
    assert shiori(capsys, "annotations", "list", "--json")[1].strip() in ("[]", "")


def test_the_json_export_carries_the_users_own_readings_to_another_store(
    env: Path, tmp_path: Path, capsys, monkeypatch
) -> None:
    """An export taken to another machine lost every reading the user had corrected."""
    from store.annotations.repository import Repository
    from store.library import doc_key

    shiori(capsys, "annotate", env, "--quote", "米国は日本にとって唯一の同盟国である")
    repo = Repository()
    repo.save_own_reading(doc_key(env), "米国", "べいこく")
    repo.save_own_reading("seed:" + BLUEBOOK.name, "北米", "ほくべい")
    repo.close()
    out_file = tmp_path / "export.json"
    assert shiori(capsys, "annotations", "export", "--format", "json", "-o", out_file)[0] == 0
    envelope = json.loads(out_file.read_text("utf-8"))
    assert envelope["readings"] == {
        doc_key(env): {"米国": "べいこく"},
        "seed:" + BLUEBOOK.name: {"北米": "ほくべい"},
    }
    _, only, _ = shiori(capsys, "annotations", "export", "--format", "json", "--doc", env)
    assert json.loads(only)["readings"] == {doc_key(env): {"米国": "べいこく"}}
    _, tagged, _ = shiori(capsys, "annotations", "export", "--format", "json", "--tag", "x")
    assert "readings" not in json.loads(tagged)  # a selection of annotations, not a backup

    monkeypatch.setenv("SHIORI_DATA_DIR", str(tmp_path / "other"))
    other = Repository()
    other.save_own_reading(doc_key(env), "米国", "あめりか")  # given there since: it stands
    other.close()
    code, out, _ = shiori(capsys, "annotations", "import", out_file)
    assert code == 0 and "1 added" in out and "1 reading of yours" in out
    again = Repository()
    assert again.own_readings(doc_key(env)) == {"米国": "あめりか"}
    assert again.own_readings("seed:" + BLUEBOOK.name) == {"北米": "ほくべい"}
    again.close()
    assert "reading" not in shiori(capsys, "annotations", "import", out_file)[1]  # nothing new

    envelope["readings"] = {doc_key(env): {"同盟": "mimaki"}, "relative/path": {"北米": "ほく"}}
    bad = tmp_path / "bad-readings.json"
    bad.write_text(json.dumps(envelope, ensure_ascii=False), "utf-8")
    code, _, err = shiori(capsys, "annotations", "import", bad)
    assert code == 1
    assert "your reading of 同盟 refused: A reading is written in kana" in err
    assert "the readings refused: a document of the readings" in err
