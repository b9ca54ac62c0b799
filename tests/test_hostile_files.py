"""Issue 14, files (cases 6-8): FIFOs and devices refused, never waited on; a first line over
1 MiB is text; names that are not UTF-8 handled as bytes; symlink loops and bad arguments are
one line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hostile import QUOTE, SNIPPET, assert_clean, assert_one_line_failure, shiori

from store.files import FileProblem, open_regular

ROOT = Path(__file__).resolve().parent.parent


def _run(*argv: str | Path, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    """The real ``shiori`` in a child process: a hang fails the test instead of blocking it."""
    return subprocess.run(
        [sys.executable, "-m", "tui.cli", *map(str, argv)],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        timeout=120,
        env=dict(os.environ, TERM="dumb"),
    )


@pytest.mark.parametrize(
    "argv",
    [
        ["inspect", "{f}"],
        ["inspect", "{f}", "--json"],
        ["annotate", "{f}", "--quote", "x"],
        ["cite", "{f}", "--quote", "x"],
        ["furigana", "{f}"],
        ["add", "{f}"],
        ["annotations", "import", "{f}"],
        ["{f}"],  # the app itself: the file is imported (and refused) before Textual starts
    ],
    ids=lambda a: " ".join(a),
)
def test_6_a_fifo_is_refused_at_once_by_every_command(argv: list[str], tmp_path: Path) -> None:
    fifo = tmp_path / "f.txt"
    os.mkfifo(fifo)
    result = _run(*(a.replace("{f}", str(fifo)) for a in argv))
    err = result.stderr.decode()
    assert result.returncode != 0 and err.count("\n") == 1, err
    assert "named pipe" in err and "Traceback" not in err


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null", "/dev/tty", "/dev/urandom"])
def test_6_devices_are_not_documents(device: str) -> None:
    if not os.path.exists(device):
        pytest.skip(f"{device} is not on this machine")
    with pytest.raises(FileProblem, match="device"):
        open_regular(device)


def test_6_a_socket_and_a_directory_are_not_documents(tmp_path: Path) -> None:
    import socket

    sock_path = tmp_path / "s.txt"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(sock_path))
        with pytest.raises(FileProblem, match="socket"):
            open_regular(sock_path)
    with pytest.raises(FileProblem, match="directory"):
        open_regular(tmp_path)


def test_7_a_first_line_over_1_mib_is_still_utf8_text(tmp_path: Path, capsys) -> None:
    path = tmp_path / "long.txt"
    line = "日本語の文章である。" * 40_000  # 1.2 MB of UTF-8 without a newline
    path.write_text(line + "\n二行目。\n", "utf-8")
    code, out, err = shiori(capsys, "inspect", path, "--json")
    assert code == 0, err
    doc = json.loads(out)
    text = "".join(b["text"] for b in doc["blocks"])
    assert "日本語の文章である。" in text and "二行目。" in text
    code, out, _ = shiori(capsys, "inspect", path)
    assert "encoding: utf-8" in out
    # The same with the sample boundary inside a character and no newline at all.
    path.write_bytes(("あ" * 400_000).encode("utf-8"))
    code, out, err = shiori(capsys, "inspect", path)
    assert code == 0 and "encoding: utf-8" in out, err


def _not_utf8_name(tmp_path: Path) -> Path:
    name = os.fsdecode(b"\xff\xfe-\x8e\x9a.md")  # bytes that are not UTF-8: lone surrogates
    path = tmp_path / name
    try:
        path.write_text(SNIPPET, "utf-8")
    except (OSError, UnicodeEncodeError):
        pytest.skip("this file system does not take names that are not UTF-8")
    return path


def test_8_a_name_that_is_not_utf8_is_stored_losslessly_and_shown_replaced(
    tmp_path: Path, capsys
) -> None:
    path = _not_utf8_name(tmp_path)
    code, out, err = shiori(capsys, "annotate", path, "--quote", QUOTE, "--note", "メモ")
    assert code == 0, err
    assert_clean(out, err)
    code, out, err = shiori(capsys, "annotations", "list")
    assert code == 0 and "\ufffd\ufffd-\ufffd\ufffd.md" in out
    assert_clean(out, err)
    code, out, err = shiori(capsys, "annotations", "list", "--json")
    [item] = json.loads(out)
    assert item["doc"] == str(path)  # exact: the JSON carries \udcff escapes
    for fmt in ("md", "csv", "json"):
        code, out, err = shiori(capsys, "annotations", "export", "--format", fmt)
        assert code == 0
        assert_clean(out, err)
    code, out, err = shiori(capsys, "cite", path, "--quote", QUOTE)
    assert code == 0 and "唯一の同盟国" in out
    assert_clean(out, err)
    code, out, err = shiori(capsys, "add", path)
    assert code == 0 and "\ufffd" in out
    assert_clean(out, err)


def test_8_a_symlink_loop_is_one_line(tmp_path: Path, capsys) -> None:
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    for argv in (
        ["annotate", loop, "--quote", "x"],
        ["cite", loop, "--quote", "x"],
        ["inspect", loop],
        ["add", loop],
        ["furigana", loop],
        ["annotations", "import", loop],
        ["annotations", "list", "--doc", loop],
    ):
        code, out, err = shiori(capsys, *argv)
        # list --doc too: a document that cannot be read and has no annotations is an error
        assert_one_line_failure(code, out, err)
        assert "symlink" in err or "symbolic" in err, err


@pytest.mark.parametrize(
    "argv",
    [
        ["annotate", "{doc}", "--quote", QUOTE, "--note", "\udcff"],
        ["annotate", "{doc}", "--quote", QUOTE, "--tag", "a\udcffb"],
        ["annotate", "{doc}", "--quote", QUOTE, "--color", "\udcff"],
        ["annotate", "{doc}", "--quote", "\udcff"],
        ["cite", "{doc}", "--quote", "\udcff"],
        ["annotations", "colors", "yellow", "\udcff"],
        ["annotations", "list", "--tag", "\udcff"],
        ["annotations", "list", "--text", "\udcfe"],
        ["annotate", "{doc}", "--quote", QUOTE, "--nth", "x\x1b]52;c;SGk=\x07"],
    ],
    ids=lambda a: " ".join(a).encode("ascii", "backslashreplace").decode(),
)
def test_8_text_arguments_that_are_not_utf8_are_one_line(
    argv: list[str], tmp_path: Path, capsys
) -> None:
    doc = tmp_path / "na.md"
    doc.write_text(SNIPPET, "utf-8")
    code, out, err = shiori(capsys, *(a.replace("{doc}", str(doc)) for a in argv))
    assert code == 2
    assert_one_line_failure(code, out, err)


def test_8_in_a_real_process_bad_bytes_in_argv_are_one_line(tmp_path: Path) -> None:
    doc = tmp_path / "na.md"
    doc.write_text(SNIPPET, "utf-8")
    result = subprocess.run(
        [
            sys.executable, "-m", "tui.cli", "annotate", str(doc).encode(),
            "--quote", QUOTE.encode(), "--note", b"\xff\xfe",
        ],
        cwd=ROOT,
        capture_output=True,
        timeout=120,
    )  # fmt: skip
    err = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 2 and err.count("\n") == 1 and "UTF-8" in err, err


def test_a_name_too_long_is_said_to_be_one(tmp_path: Path, capsys) -> None:
    """``Path.is_file`` raises for a name too long: the store was blamed for it."""
    long = tmp_path / ("長" * 200 + ".txt")
    code, out, err = shiori(capsys, "annotations", "list", "--doc", long)
    assert_one_line_failure(code, out, err)
    assert "too long" in err and "annotation store" not in err
    code, out, err = shiori(capsys, "annotate", long, "--quote", QUOTE)
    assert_one_line_failure(code, out, err)
    assert "too long" in err
