"""Every command against a corpus of bad inputs, and against a fuzzer's: whatever happens, it is
an exit status that means something (0, 1 or 2 — never 70, an unexpected error), at most one
line on stderr for a failure, no traceback, nothing raw on the terminal, and no hang (a
watchdog alarm ends a command that blocks)."""

from __future__ import annotations

import os
import signal
import socket
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.hostile import OSC52, SNIPPET, assert_clean, shiori

COMMANDS: list[list[str]] = [
    ["inspect", "{f}"],
    ["inspect", "{f}", "--json"],
    ["furigana", "{f}"],
    ["furigana", "--format", "html", "{f}"],
    ["annotate", "{f}", "--quote", "日米同盟"],
    ["annotate", "{f}", "--quote", "日米同盟", "--note", "{t}", "--tag", "{t}"],
    ["cite", "{f}", "--quote", "日米同盟"],
    ["cite", "{f}", "--quote", "{t}", "--style", "en"],
    ["add", "{f}"],
    ["annotations", "import", "{f}"],
    ["annotations", "list", "--doc", "{f}"],
    ["annotations", "list", "--text", "{t}", "--json"],
    ["annotations", "export", "--format", "md", "--doc", "{f}"],
    ["annotations", "export", "--format", "csv", "-o", "{f}"],
    ["annotations", "colors", "blue", "{t}"],
]

HOSTILE_TEXT = f"x{OSC52}\u202e\x9b2J"


def _fifo(folder: Path) -> Path:
    path = folder / "pipe.txt"
    os.mkfifo(path)
    return path


def _socket(folder: Path) -> Path:
    path = folder / "sock.txt"
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(path))
    sock.close()  # the socket file stays; nobody listens
    return path


def _write(name: str, data: bytes) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data)
        return path

    return make


def _loop(folder: Path) -> Path:
    path = folder / "loop.txt"
    path.symlink_to(path)
    return path


def _dangling(folder: Path) -> Path:
    path = folder / "dangling.txt"
    path.symlink_to(folder / "nowhere" / "x.txt")
    return path


CORPUS: dict[str, Callable[[Path], Path]] = {
    "missing": lambda folder: folder / "missing.txt",
    "directory": lambda folder: folder,
    "fifo": _fifo,
    "socket": _socket,
    "device": lambda folder: Path("/dev/zero"),
    "symlink-loop": _loop,
    "dangling-symlink": _dangling,
    "nul-bytes": _write("scan.txt", b"%PDF-1.7\x00\x00\x01binary" * 40),
    "png": _write("image.md", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8),
    "undecodable": _write("bad.txt", b"\xff\xfe\xfd\x80\x81" * 200),
    "utf16-odd": _write("odd.txt", b"\xff\xfe" + "日米".encode("utf-16-le") + b"\x00"),
    "empty": _write("empty.txt", b""),
    "only-escapes": _write("esc.txt", (OSC52 * 50 + "\x1b[2J\x1b[31m").encode()),
    "hostile-name": _write(f"n{OSC52}\u202e.md", SNIPPET.encode()),
    "not-utf8-name": _write(os.fsdecode(b"\xff\xfe.md"), SNIPPET.encode()),
    "bad-json": _write("in.json", b'{"format":"shiori-annotations","version":1,"annotations":5}'),
    "deep-json": _write("deep.json", b"[" * 100_000 + b"]" * 100_000),
    "name-too-long": lambda folder: folder / ("長" * 200 + ".txt"),
    "control-lines": _write(
        "ctl.txt", ("強固な日米同盟\x07\x08\x0b\r\x1b]0;t\x07。\n" * 50).encode()
    ),
}


@contextmanager
def watchdog(seconds: int = 60) -> Iterator[None]:
    """Turn a hang into a failure (SIGALRM interrupts a blocking open or read)."""

    def expired(signum: int, frame: object) -> None:
        raise TimeoutError("the command hung")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def check_run(capsys, argv: list[str], target: Path, text: str = HOSTILE_TEXT) -> int:
    args = [a.replace("{f}", os.fspath(target)).replace("{t}", text) for a in argv]
    with watchdog():
        code, out, err = shiori(capsys, *args)
    assert code in (0, 1, 2), (args, code, err)  # never 70: nothing unexpected happened
    if argv[0] == "furigana" and "html" in argv:
        out = ""  # its text formats are exact in a pipe, by contract (a terminal gets symbols)
    assert_clean(out, err)
    if code != 0:
        assert err.count("\n") >= 1 and err.endswith("\n"), (args, err)
        assert all(line.startswith("shiori") for line in err.splitlines()), (args, err)
        if "import" not in argv:  # an import names each refused item on its own line
            assert err.count("\n") == 1, (args, err)
    return code


@pytest.mark.parametrize("case", sorted(CORPUS))
def test_every_command_on_a_bad_input_is_one_clean_line(case: str, tmp_path: Path, capsys) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    target = CORPUS[case](folder)
    for argv in COMMANDS:
        if argv[-1] == "{f}" and argv[:2] == ["annotations", "export"]:
            continue
        code = check_run(capsys, argv, target)
        if case in ("missing", "directory", "fifo", "socket", "device", "symlink-loop"):
            if argv[0] in ("inspect", "furigana", "annotate", "cite", "add"):
                assert code == 2, (argv, case)
            if argv[:2] == ["annotations", "import"]:
                assert code == 1, (argv, case)


def test_the_app_refuses_a_bad_file_before_it_starts(tmp_path: Path, capsys) -> None:
    for case in ("missing", "directory", "fifo", "socket", "symlink-loop", "nul-bytes", "png"):
        folder = tmp_path / case
        folder.mkdir()
        with watchdog():
            code, out, err = shiori(capsys, CORPUS[case](folder))
        assert code == 2 and err.count("\n") == 1, (case, err)
        assert_clean(out, err)


_names = st.text(
    alphabet=st.characters(blacklist_characters="/\x00", blacklist_categories=("Cs",)),
    min_size=1,
    max_size=30,
).filter(lambda n: n not in (".", ".."))
_raw_names = st.binary(min_size=1, max_size=20).filter(
    lambda b: b"/" not in b and b"\x00" not in b and b not in (b".", b"..")
)
_contents = st.one_of(
    st.binary(max_size=2000),
    st.text(max_size=400).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.sampled_from([SNIPPET.encode(), (SNIPPET + OSC52).encode("utf-8")]),
)
_texts = st.one_of(st.text(max_size=30), st.sampled_from([HOSTILE_TEXT, "\udcff", "-x", "=1+2"]))


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    name=st.one_of(_names.map(lambda n: n + ".md"), _raw_names.map(os.fsdecode)),
    content=_contents,
    text=_texts,
    argv=st.sampled_from(COMMANDS),
)
def test_fuzz_every_command_on_any_file_name_content_and_text(
    tmp_path_factory, capsys, name: str, content: bytes, text: str, argv: list[str]
) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    target = folder / name
    try:
        target.write_bytes(content)
    except (OSError, UnicodeEncodeError):
        return  # a name this file system does not take
    for name_ in ("DATA", "CACHE", "CONFIG"):
        os.environ[f"SHIORI_{name_}_DIR"] = str(folder / name_.lower())
    check_run(capsys, argv, target, text)
