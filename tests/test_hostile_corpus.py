"""Every command against a corpus of bad inputs, and against a fuzzer's: whatever happens, it is
an exit status that means something (0, 1 or 2 — never 70, an unexpected error), at most one
line on stderr for a failure, no traceback, nothing raw on the terminal, and no hang (a
watchdog alarm ends a command that blocks)."""

from __future__ import annotations

import io
import os
import signal
import socket
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

import pytest
from hostile import OSC52, RAW_CONTROL, SNIPPET, assert_clean, sample_pdf, shiori
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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
    ["add", "{f}", "--replace"],
    ["search", "日米同盟", "--doc", "{f}"],
    ["search", "{t}", "--json", "--doc", "{f}"],
    ["remove", "{f}"],
    ["remove", "{t}"],
    ["annotations", "import", "{f}"],
    ["annotations", "list", "--doc", "{f}"],
    ["annotations", "list", "--text", "{t}", "--json"],
    ["annotations", "export", "--format", "md", "--doc", "{f}"],
    ["annotations", "export", "--format", "csv", "-o", "{f}"],
    ["annotations", "colors", "blue", "{t}"],
]

HOSTILE_TEXT = f"x{OSC52}\u202e\x9b2J"


def _fifo(folder: Path, name: str = "pipe.txt") -> Path:
    path = folder / name
    os.mkfifo(path)
    return path


def _truncated_pdf(folder: Path) -> Path:
    path = folder / "cut.pdf"
    data = sample_pdf()
    path.write_bytes(data[: len(data) * 3 // 5])  # a download that stopped part-way
    return path


def _zip(name: str, members: dict[str, bytes]) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            for member, data in members.items():
                kind = zipfile.ZIP_STORED if member == "mimetype" else zipfile.ZIP_DEFLATED
                zf.writestr(member, data, compress_type=kind)
        return path

    return make


def _zip_bomb(folder: Path) -> Path:
    """70 MB of one letter in a zip of 70 KB: refused before it is read."""
    path = folder / "bomb.zip"
    path.write_bytes(_bomb_bytes())
    return path


@cache
def _bomb_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("honbun.txt", b"a" * (70 << 20))
    return buf.getvalue()


_CONTAINER = (
    '<?xml version="1.0"?><container version="1.0" '
    'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
    '<rootfile full-path="{}" media-type="application/oebps-package+xml"/>'
    "</rootfiles></container>"
)
#: A package whose chapters all lie outside the archive (``../``): never read, never followed.
_ESCAPING_OPF = (
    '<?xml version="1.0" encoding="UTF-8"?><package xmlns="http://www.idpf.org/2007/opf" '
    'version="3.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
    f"<dc:title>x{OSC52}</dc:title></metadata><manifest>"
    '<item id="a" href="../../../../../../etc/passwd" media-type="application/xhtml+xml"/>'
    '<item id="b" href="/etc/passwd" media-type="application/xhtml+xml"/>'
    '</manifest><spine><itemref idref="a"/><itemref idref="b"/></spine></package>'
)
_HTML_TITLE = (
    f"<!DOCTYPE html><html><head><title>x{OSC52}北米\x1b[2J\u202eの概観</title>"
    f'<meta name="author" content="\x1b[31m外務省{OSC52}"></head><body>'
    "<h1>北米の概観</h1><p>強固な日米同盟は、日本の外交の基軸である。</p></body></html>"
)


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


_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
#: A Word document whose text, title and author carry escape sequences, raw (XML does not
#: allow C0 characters: read all the same) and as C1 characters (which it does).
_DOCX_ESCAPES = {
    "[Content_Types].xml": b"<Types/>",
    "word/document.xml": (
        f"<w:document {_W}><w:body><w:p><w:r><w:t>危険な{OSC52}文字\u202eを\x9b2J含む段落。</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>強固な日米同盟は、日本の外交の基軸である。</w:t></w:r></w:p></w:body></w:document>"
    ).encode(),
    "docProps/core.xml": (
        '<cp:coreProperties xmlns:cp="urn:cp" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<dc:title>北米{OSC52}\x1b[2Jの概観</dc:title><dc:creator>\x9b31m外務省</dc:creator>"
        "</cp:coreProperties>"
    ).encode(),
}


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
    # The formats told by content (PDF, web page, EPUB, Word, Aozora .zip):
    "truncated-pdf": _truncated_pdf,
    "fifo-pdf": lambda folder: _fifo(folder, "pipe.pdf"),
    "fifo-epub": lambda folder: _fifo(folder, "pipe.epub"),
    "pdf-header-only": _write("head.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"),
    "zip-bomb": _zip_bomb,
    "damaged-zip": _write("broken.zip", b"PK\x03\x04" + b"\x00" * 60),
    "epub-escaping-paths": _zip(
        "escape.epub",
        {
            "mimetype": b"application/epub+zip",
            "META-INF/container.xml": _CONTAINER.format("OEBPS/book.opf").encode(),
            "OEBPS/book.opf": _ESCAPING_OPF.encode(),
            "../../evil.xhtml": b"<html><body><p>outside</p></body></html>",
        },
    ),
    "epub-escaping-package": _zip(
        "package.epub",
        {
            "mimetype": b"application/epub+zip",
            "META-INF/container.xml": _CONTAINER.format("../../etc/book.opf").encode(),
        },
    ),
    "html-title-escapes": _write(f"page{OSC52}.html", _HTML_TITLE.encode()),
    "docx-escapes": _zip("escapes.docx", _DOCX_ESCAPES),
    "docx-damaged-xml": _zip(
        "damaged.docx",
        {"word/document.xml": f"<w:document {_W}><w:body><w:p><w:r><w:t>途中".encode()},
    ),
    "fifo-docx": lambda folder: _fifo(folder, "pipe.docx"),
}
#: Cases no command can read at all: the reading commands exit 2, an import 1.
UNREADABLE = ("missing", "directory", "fifo", "socket", "device", "symlink-loop", "fifo-pdf")
UNREADABLE += ("fifo-epub", "fifo-docx")


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
        if case in UNREADABLE:
            if argv[0] in ("inspect", "furigana", "annotate", "cite", "add"):
                assert code == 2, (argv, case)
            if argv[:2] == ["annotations", "import"]:  # a file it cannot read is bad input, as everywhere
                assert code == 2, (argv, case)


def test_an_epub_never_reads_outside_its_archive(tmp_path: Path) -> None:
    from store.importer import ImportFailed, import_file

    for case in ("epub-escaping-paths", "epub-escaping-package"):
        folder = tmp_path / case
        folder.mkdir()
        try:
            doc = import_file(CORPUS[case](folder))
        except ImportFailed as exc:
            assert "\n" not in str(exc)
            continue
        text = doc.base_text + " ".join(f.text for f in doc.footnotes)
        assert "root:" not in text and "outside" not in text


def test_a_web_page_keeps_no_terminal_control_in_its_title_or_metadata(tmp_path: Path) -> None:
    from store.importer import import_file

    doc = import_file(CORPUS["html-title-escapes"](tmp_path))
    # The page's <title> states its title (one title rule, docs/formats.md), controls taken out.
    assert doc.blocks and doc.title == "x北米の概観"
    for value in (doc.title, *doc.metadata.values()):
        assert not RAW_CONTROL.search(value) and "\x1b" not in value, repr(value)
    assert doc.metadata["author"] == "外務省"


def test_a_word_document_keeps_no_terminal_control_in_its_text_title_or_metadata(
    tmp_path: Path,
) -> None:
    from store.importer import import_file

    doc = import_file(CORPUS["docx-escapes"](tmp_path))
    assert doc.title == "北米の概観" and doc.metadata["author"] == "外務省"
    for value in (doc.title, *doc.metadata.values(), *(b.text for b in doc.blocks)):
        assert not RAW_CONTROL.search(value) and "\x1b" not in value, repr(value)
    assert [b.text for b in doc.blocks] == [
        "危険な文字を含む段落。",
        "強固な日米同盟は、日本の外交の基軸である。",
    ]


def test_the_app_refuses_a_bad_file_before_it_starts(tmp_path: Path, capsys) -> None:
    cases = ("missing", "directory", "fifo", "socket", "symlink-loop", "nul-bytes", "png")
    cases += ("truncated-pdf", "fifo-pdf", "zip-bomb", "damaged-zip", "epub-escaping-package")
    cases += ("docx-damaged-xml",)
    for case in cases:
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
#: How each format told by content starts, so the fuzzer reaches the PDF, web page and zip
#: importers too (followed by random bytes, or by a real PDF cut anywhere).
_FORMAT_HEADS = [
    b"%PDF-1.7\n",
    b"PK\x03\x04",
    b"PK\x03\x04\x14\x00\x00\x00\x00\x00",
    b"<!DOCTYPE html><html><head><title>",
    b"\xef\xbb\xbf<html><body><p>",
]
_contents = st.one_of(
    st.binary(max_size=2000),
    st.text(max_size=400).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.sampled_from([SNIPPET.encode(), (SNIPPET + OSC52).encode("utf-8")]),
    st.tuples(st.sampled_from(_FORMAT_HEADS), st.binary(max_size=800)).map(b"".join),
    st.tuples(st.sampled_from(_FORMAT_HEADS), st.text(max_size=300))
    .map(lambda t: t[0] + t[1].encode("utf-8", "surrogatepass")),
    st.floats(min_value=0, max_value=1).map(lambda f: sample_pdf()[: int(len(sample_pdf()) * f)]),
)
_suffixes = st.sampled_from([".md", ".txt", ".pdf", ".html", ".epub", ".docx", ".zip", ""])
_texts = st.one_of(st.text(max_size=30), st.sampled_from([HOSTILE_TEXT, "\udcff", "-x", "=1+2"]))


@settings(
    max_examples=int(os.environ.get("SHIORI_FUZZ_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    name=st.one_of(
        st.tuples(_names, _suffixes).map("".join), _raw_names.map(os.fsdecode)
    ),
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


def test_a_pdf_cut_short_is_told_in_plain_words(tmp_path: Path, capsys) -> None:
    """It said ``damaged or unreadable PDF (PSEOF)``: the parser's class, not what happened."""
    code, _out, err = shiori(capsys, "inspect", _truncated_pdf(tmp_path))
    assert code == 2
    assert "ends too soon" in err and "PSEOF" not in err
