"""Word documents (``.docx``), built here with zipfile as Word writes them."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store.importer import ImportFailed, import_file
from store.importer.sniff import DOCX, named_for_kind, sniff
from store.library import is_document
from store.model import Emphasis, Ruby

NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/{main}" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="{main}"/></Relationships>'
)
# As a Japanese Word writes them: the heading styles' ids are numbers, their names English.
STYLES = (
    f'<?xml version="1.0" encoding="UTF-8"?><w:styles {NS}>'
    '<w:style w:type="paragraph" w:styleId="a"><w:name w:val="Normal"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="a3"><w:name w:val="Title"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/>'
    '<w:basedOn w:val="a"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="myhead"><w:name w:val="報告書見出し"/>'
    '<w:basedOn w:val="1"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="a5"><w:name w:val="List Paragraph"/></w:style>'
    "</w:styles>"
)


def r(text: str, props: str = "") -> str:
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'


def p(body: str, style: str = "", extra: str = "") -> str:
    ppr = f'<w:pStyle w:val="{style}"/>' if style else ""
    return f"<w:p><w:pPr>{ppr}{extra}</w:pPr>{body}</w:p>"


def ruby(base: str, reading: str) -> str:
    return (
        '<w:r><w:ruby><w:rubyPr><w:rubyAlign w:val="distributeSpace"/></w:rubyPr>'
        f"<w:rt>{r(reading)}</w:rt><w:rubyBase>{r(base)}</w:rubyBase></w:ruby></w:r>"
    )


def note_ref(kind: str, n: int) -> str:
    return f'<w:r><w:rPr><w:rStyle w:val="a7"/></w:rPr><w:{kind}Reference w:id="{n}"/></w:r>'


def notes_part(kind: str, notes: dict[int, str]) -> str:
    seps = (
        f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>'
        f'<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        f"<w:continuationSeparator/></w:r></w:p></w:{kind}>"
    )
    body = "".join(
        f'<w:{kind} w:id="{n}"><w:p><w:r><w:{kind}Ref/></w:r>{r(" ")}{text}</w:p></w:{kind}>'
        for n, text in notes.items()
    )
    return f'<?xml version="1.0" encoding="UTF-8"?><w:{kind}s {NS}>{seps}{body}</w:{kind}s>'


def core(title: str, creator: str = "山田花子", created: str = "2025-03-14T01:02:00Z") -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties '
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{title}</dc:title><dc:creator>{creator}</dc:creator>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created>'
        '<dcterms:modified xsi:type="dcterms:W3CDTF">2025-04-01T00:00:00Z</dcterms:modified>'
        "</cp:coreProperties>"
    )


def docx(
    path: Path,
    body: str,
    *,
    parts: dict[str, str] | None = None,
    main: str = "word/document.xml",
    styles: str = "",
) -> Path:
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {NS}><w:body>'
        f'{body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>'
    )
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES.format(main=main))
        zf.writestr("_rels/.rels", RELS.format(main=main))
        zf.writestr(main, document)
        folder = main.rsplit("/", 1)[0]
        zf.writestr(f"{folder}/styles.xml", STYLES.replace("</w:styles>", styles + "</w:styles>"))
        for name, text in (parts or {}).items():
            zf.writestr(name.replace("word/", f"{folder}/", 1), text)
    return path


REPORT = "".join(
    [
        p(r("北米情勢報告"), "a3"),
        p(r("1 概観"), "1"),
        p(
            r("本年の")
            + ruby("外交", "がいこう")
            + r("は")
            + r("大きく", "<w:b/>")
            + r("変わった", "<w:b/>")
            + note_ref("footnote", 1)
            + r("。")
        ),
        p(r("主な出来事は次の通り。")),
        p(r("首脳会談"), "a5", '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr>'),
        p(r("経済対話"), "a5", '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr>'),
        p(r("2 米国"), "myhead"),
        "<w:tbl><w:tblPr/><w:tblGrid/>"
        "<w:tr><w:tc><w:tcPr/>" + p(r("項目")) + "</w:tc><w:tc>" + p(r("金額")) + "</w:tc></w:tr>"
        "<w:tr><w:tc>" + p(r("輸出")) + "</w:tc><w:tc>" + p(r("100億円")) + "</w:tc></w:tr>"
        "</w:tbl>",
        p(r("小見出し"), extra='<w:outlineLvl w:val="1"/>'),
        p(
            r("結びに")
            + "<w:del><w:r><w:delText>削除した語</w:delText></w:r></w:del>"
            + "<w:ins><w:r><w:t>加えた語</w:t></w:r></w:ins>"
            + r("を述べる")
            + note_ref("endnote", 2)
            + r("。")
        ),
    ]
)


def report(tmp_path: Path, name: str = "report.docx") -> Path:
    return docx(
        tmp_path / name,
        REPORT,
        parts={
            "word/footnotes.xml": notes_part(
                "footnote", {1: r("外務省の") + ruby("資料", "しりょう") + r("による。")}
            ),
            "word/endnotes.xml": notes_part("endnote", {2: r("後注の本文。")}),
            "docProps/core.xml": core("北米情勢報告書"),
        },
    )


def test_a_japanese_report_reads_as_its_structure(tmp_path: Path) -> None:
    doc = import_file(report(tmp_path))
    assert [(b.kind, b.level, b.text) for b in doc.blocks] == [
        ("heading", 1, "北米情勢報告"),
        ("heading", 2, "1 概観"),
        ("paragraph", 0, "本年の外交は大きく変わった。"),
        ("paragraph", 0, "主な出来事は次の通り。"),
        ("list_item", 0, "首脳会談"),
        ("list_item", 0, "経済対話"),
        ("heading", 2, "2 米国"),
        ("table", 0, "項目\t金額\n輸出\t100億円"),
        ("heading", 3, "小見出し"),
        ("paragraph", 0, "結びに加えた語を述べる。"),
    ]
    para = doc.blocks[2]
    assert para.ruby == [Ruby(3, 5, "がいこう")]
    assert para.emphasis == [Emphasis(6, 13, "bold")]  # two runs, one span
    assert doc.blocks[7].rows == [["項目", "金額"], ["輸出", "100億円"]]
    assert [(f.id, f.text) for f in doc.footnotes] == [
        ("1", "外務省の資料による。"),
        ("i", "後注の本文。"),
    ]
    assert doc.footnotes[0].ruby == [Ruby(4, 6, "しりょう")]
    assert [(ref.offset, ref.footnote_id) for ref in para.refs] == [(13, "1")]
    assert [(ref.offset, ref.footnote_id) for ref in doc.blocks[-1].refs] == [(11, "i")]
    assert doc.metadata == {"title": "北米情勢報告書", "author": "山田花子", "date": "2025-03-14"}
    assert doc.title == "北米情勢報告書"
    assert not doc.notices


def test_a_word_processors_own_title_is_no_title(tmp_path: Path) -> None:
    for placeholder in ("Microsoft Word - 文書1.docx", "文書 1", "untitled"):
        path = docx(
            tmp_path / "draft.docx",
            p(r("本文だけの原稿。")),
            parts={"docProps/core.xml": core(placeholder, creator="user")},
        )
        doc = import_file(path)
        assert "title" not in doc.metadata and "author" not in doc.metadata
        assert doc.title == "draft"


def test_page_furniture_fields_hidden_text_and_text_boxes(tmp_path: Path) -> None:
    box = (
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>'
        "<w:txbxContent>" + p(r("コラム　港の話"), "2") + p(r("港は古い。")) + "</w:txbxContent>"
        "</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent>"
        + p(r("コラム　港の話"))
        + "</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )
    field = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> PAGE \\* MERGEFORMAT </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + r("12")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    body = (
        p(r("第一節"), "1")
        + p(r("町の歴史を述べる。") + box + r("長い本文がここに続き、町の成り立ちを詳しく語る。"))
        + p(r("本文") + r("隠し", "<w:vanish/>") + r("は") + field + r("頁にある。"))
        + p("<w:r><w:t>ISO</w:t><w:noBreakHyphen/><w:t>9001</w:t></w:r>" + r("の次の節へ。"))
        + p(r("第二節"), "1")
        + p(r("続き。"))
    )
    path = docx(
        tmp_path / "boxes.docx",
        body,
        parts={"word/header1.xml": f"<w:hdr {NS}>{p(r('社外秘'))}</w:hdr>"},
    )
    doc = import_file(path)
    texts = [(b.kind, b.level, b.text) for b in doc.blocks]
    assert texts == [
        ("heading", 1, "第一節"),
        ("paragraph", 0, "町の歴史を述べる。長い本文がここに続き、町の成り立ちを詳しく語る。"),
        ("paragraph", 0, "本文は12頁にある。"),
        ("paragraph", 0, "ISO-9001の次の節へ。"),
        ("heading", 2, "コラム　港の話"),  # the box, nested at the end of its section
        ("paragraph", 0, "港は古い。"),
        ("heading", 1, "第二節"),
        ("paragraph", 0, "続き。"),
    ]


def test_control_characters_are_removed_and_counted(tmp_path: Path) -> None:
    body = p(r("危険\x1b]52;c;SGk=\x07な\u009b31m文字。")) + p(r("\x1b[2J次"))
    doc = import_file(docx(tmp_path / "ctl.docx", body))
    assert [b.text for b in doc.blocks] == ["危険な文字。", "次"]
    assert any(n.startswith("removed") for n in doc.notices)


def test_a_damaged_word_file_is_refused_in_one_line(tmp_path: Path) -> None:
    broken = docx(tmp_path / "broken.docx", p(r("途中で")) + "<w:p><w:r><w:t>切れた")
    with pytest.raises(ImportFailed, match="damaged Word file") as err:
        import_file(broken)
    assert "\n" not in str(err.value)
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES.format(main="word/document.xml"))
        zf.writestr("word/document.xml", b"<" + b" " * (80 * 1024 * 1024) + b"/>")
    with pytest.raises(ImportFailed, match="zip bomb|would expand") as err:
        import_file(bomb)
    assert "\n" not in str(err.value)
    truncated = tmp_path / "truncated.docx"
    truncated.write_bytes(report(tmp_path).read_bytes()[:300])
    with pytest.raises(ImportFailed) as err:
        import_file(truncated)
    assert "\n" not in str(err.value)


def test_told_by_content_without_the_extension(tmp_path: Path) -> None:
    plain = report(tmp_path, "download")
    assert sniff(plain) == DOCX
    assert named_for_kind(plain) == "download.docx"
    assert import_file(plain).blocks[0].text == "北米情勢報告"
    # the main part where the package's relationships put it, told by its content type
    elsewhere = docx(tmp_path / "moved", p(r("別の場所の本文。")), main="doc/main.xml")
    assert sniff(elsewhere) == DOCX
    assert [b.text for b in import_file(elsewhere).blocks] == ["別の場所の本文。"]
    assert is_document("report.docx") and is_document("報告.DOCX")
    assert not is_document("~$report.docx")  # Word's owner file while the document is open


def test_styles_revisions_merged_cells_and_emphasis_switched_off(tmp_path: Path) -> None:
    styles_extra = (
        '<w:style w:type="paragraph" w:styleId="sub"><w:name w:val="Subtitle"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="q2"><w:name w:val="Intense Quote"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="cap"><w:name w:val="caption"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="bullet"><w:name w:val="List Bullet"/>'
        '<w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>'
    )
    merged = (
        "<w:tbl>"
        '<w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>' + p(r("地域")) + "</w:tc>"
        "<w:tc>" + p(r("東京")) + "</w:tc></w:tr>"
        "<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr>" + p("") + "</w:tc>"
        "<w:tc>" + p(r("大阪")) + "</w:tc></w:tr></w:tbl>"
    )
    body = (
        p(r("報告", "<w:b/>"), "1")
        + p(r("日米関係の現状と今後の課題"), "sub")
        + p(r("箇条"), "bullet")
        + p(r("番号を外した段落です。"), "bullet", '<w:numPr><w:numId w:val="0"/></w:numPr>')
        + p(r("太字でない", '<w:b w:val="0"/>') + r("斜体の文です。", "<w:i/>"))
        + p(
            r("残る文に")
            + "<w:moveFrom><w:r><w:t>移した元</w:t></w:r></w:moveFrom>"
            + "<w:moveTo><w:r><w:t>移した先</w:t></w:r></w:moveTo>"
            + '<w:hyperlink r:id="rId9" xmlns:r="urn:r"><w:r><w:t>リンクがある。</w:t></w:r></w:hyperlink>'
        )
        + merged
        + p(r("図1 両国の貿易額の推移"), "cap")
        + p(r("引用された一文がここにある。"), "q2")
    )
    doc = import_file(docx(tmp_path / "styles.docx", body, styles=styles_extra))
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("heading", "報告"),
        ("meta", "日米関係の現状と今後の課題"),
        ("list_item", "箇条"),
        ("paragraph", "番号を外した段落です。"),
        ("paragraph", "太字でない斜体の文です。"),
        ("paragraph", "残る文に移した先リンクがある。"),
        ("table", "地域\t東京\n\t大阪"),
        ("meta", "図1 両国の貿易額の推移"),
        ("quote", "引用された一文がここにある。"),
    ]
    assert doc.blocks[0].emphasis == []
    assert doc.blocks[4].emphasis == [Emphasis(5, 12, "italic")]


def test_a_flush_right_date_or_signature_is_a_meta_line_and_the_text_date_comes_first(
    tmp_path: Path,
) -> None:
    right = '<w:jc w:val="right"/>'
    body = (
        p(r("会議の報告"), "a3")
        + p(r("令和7年4月1日"), extra=right)
        + p(r("会議は予定どおり開かれ、双方は協力の強化を確認した。"))
        + p(
            r("右に寄せた長い文も本文であり、日付や署名のような短い行とは違って段落のままである。"),
            extra=right,
        )
        + p(r("以上"), extra=right)
    )
    doc = import_file(
        docx(tmp_path / "minutes.docx", body, parts={"docProps/core.xml": core("会議の報告")})
    )
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("heading", "会議の報告"),
        ("paragraph", "会議は予定どおり開かれ、双方は協力の強化を確認した。"),
        (
            "paragraph",
            "右に寄せた長い文も本文であり、日付や署名のような短い行とは違って段落のままである。",
        ),
        ("meta", "以上"),
    ]
    # the dateline under the title is the document's date, not the file's creation
    assert doc.metadata["date"] == "令和7年4月1日"


def _damage_deflate(path: Path, member: str) -> Path:
    """``member``'s compressed data opening with a zero byte: a stored block whose lengths do
    not match, which zlib refuses before any CRC is checked."""
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo(member)
    data = bytearray(path.read_bytes())
    name_len, extra_len = (
        int.from_bytes(data[info.header_offset + 26 : info.header_offset + 28], "little"),
        int.from_bytes(data[info.header_offset + 28 : info.header_offset + 30], "little"),
    )
    data[info.header_offset + 30 + name_len + extra_len] = 0
    path.write_bytes(bytes(data))
    return path


def test_damaged_compressed_data_is_refused_in_one_line(tmp_path: Path) -> None:
    word = _damage_deflate(report(tmp_path, "word.docx"), "word/document.xml")
    aozora = tmp_path / "aozora.zip"
    with zipfile.ZipFile(aozora, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("neko.txt", "吾輩は猫である。名前はまだ無い。".encode("shift_jis") * 20)
    _damage_deflate(aozora, "neko.txt")
    for path in (word, aozora):
        with pytest.raises(ImportFailed, match="cannot read") as err:
            import_file(path)
        assert "\n" not in str(err.value)
    types = tmp_path / "types.zip"
    with zipfile.ZipFile(types, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES.format(main="doc/main.xml"))
    assert sniff(_damage_deflate(types, "[Content_Types].xml")) == "zip"


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), min_size=1, max_size=6))
def test_a_corrupted_word_file_imports_or_is_refused_in_one_line(
    tmp_path: Path, flips: list[tuple[int, int]]
) -> None:
    data = bytearray(report(tmp_path, "clean.docx").read_bytes())
    for at, value in flips:
        data[at % len(data)] = value
    path = tmp_path / "flipped.docx"
    path.write_bytes(bytes(data))
    try:
        doc = import_file(path)
    except ImportFailed as exc:
        assert "\n" not in str(exc)
    else:
        assert all(
            text.isprintable()
            for text in [doc.title, *(b.text for b in doc.blocks if b.kind != "table")]
        )


def test_emphasis_by_character_style_and_emphasis_marks(tmp_path: Path) -> None:
    styles = (
        '<w:style w:type="character" w:styleId="a8"><w:name w:val="Strong"/></w:style>'
        '<w:style w:type="character" w:styleId="mine"><w:name w:val="私の強調"/>'
        "<w:rPr><w:i/></w:rPr></w:style>"
    )
    body = p(
        r("これは")
        + r("大事", '<w:rStyle w:val="a8"/>')
        + r("で、")
        + r("傍点", '<w:em w:val="dot"/>')
        + r("と")
        + r("斜め", '<w:rStyle w:val="mine"/>')
        + r("と")
        + r("普通", '<w:rStyle w:val="a8"/><w:b w:val="0"/>')
        + r("の文です。")
    )
    doc = import_file(docx(tmp_path / "emph.docx", body, styles=styles))
    assert doc.blocks[0].text == "これは大事で、傍点と斜めと普通の文です。"
    assert doc.blocks[0].emphasis == [
        Emphasis(3, 5, "bold"),
        Emphasis(7, 9, "bold"),
        Emphasis(10, 12, "italic"),
    ]


def test_strict_office_open_xml_reads_as_transitional(tmp_path: Path) -> None:
    path = report(tmp_path, "transitional.docx")
    strict = tmp_path / "strict.docx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(strict, "w") as dst:
        for info in src.infolist():
            dst.writestr(
                info,
                src.read(info).replace(
                    b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                    b"http://purl.oclc.org/ooxml/wordprocessingml/main",
                ),
            )
    assert import_file(strict).to_json() == import_file(path).to_json()


def test_note_numbering_from_settings_and_a_note_with_its_own_mark(tmp_path: Path) -> None:
    settings = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:settings {NS}>'
        '<w:footnotePr><w:numFmt w:val="upperLetter"/></w:footnotePr>'
        '<w:endnotePr><w:numFmt w:val="decimal"/><w:numStart w:val="5"/></w:endnotePr>'
        "</w:settings>"
    )
    custom = '<w:r><w:footnoteReference w:customMarkFollows="1" w:id="3"/><w:t>†</w:t></w:r>'
    body = p(
        r("一つ目")
        + note_ref("footnote", 1)
        + r("、印の注")
        + custom
        + r("、二つ目")
        + note_ref("footnote", 2)
        + r("、後注")
        + note_ref("endnote", 1)
        + r("がある。")
    )
    notes = {1: r("最初の注。"), 2: r("次の注。"), 3: r("† 印のある注。")}
    path = docx(
        tmp_path / "notes.docx",
        body,
        parts={
            "word/settings.xml": settings,
            "word/footnotes.xml": notes_part("footnote", notes),
            "word/endnotes.xml": notes_part("endnote", {1: r("後注です。")}),
        },
    )
    doc = import_file(path)
    assert doc.blocks[0].text == "一つ目、印の注、二つ目、後注がある。"
    ids = {f.id: f.text for f in doc.footnotes}
    assert ids == {"A": "最初の注。", "†": "印のある注。", "B": "次の注。", "5": "後注です。"}
    assert [(ref.offset, ids[ref.footnote_id]) for ref in doc.blocks[0].refs] == [
        (3, "最初の注。"),
        (7, "印のある注。"),
        (11, "次の注。"),
        (14, "後注です。"),
    ]


def test_a_table_of_contents_is_not_text(tmp_path: Path) -> None:
    styles = (
        '<w:style w:type="paragraph" w:styleId="toc1"><w:name w:val="toc 1"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="tochead"><w:name w:val="TOC Heading"/>'
        '<w:basedOn w:val="1"/></w:style>'
    )
    toc_field = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText> TOC \\o "1-3" \\h </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    )
    in_control = (
        '<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/>'
        "</w:docPartObj></w:sdtPr><w:sdtContent>"
        + p(r("目次"), "tochead")
        + p(toc_field + r("第1章 概観") + "<w:r><w:tab/></w:r>" + r("3"), "toc1")
        + "</w:sdtContent></w:sdt>"
    )
    loose = p(r("第1章 概観\t3"), "toc1")  # a contents line outside any control
    body = in_control + loose + p(r("第1章 概観"), "1") + p(r("本文がここから始まる。"))
    doc = import_file(docx(tmp_path / "toc.docx", body, styles=styles))
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("heading", "第1章 概観"),
        ("paragraph", "本文がここから始まる。"),
    ]


NUMBERING = (
    f'<?xml version="1.0" encoding="UTF-8"?><w:numbering {NS}>'
    '<w:abstractNum w:abstractNumId="0">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimalFullWidth"/>'
    '<w:lvlText w:val="第%1章"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
    '<w:lvlText w:val="%1.%2"/><w:suff w:val="space"/><w:isLgl/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="japaneseCounting"/>'
    '<w:lvlText w:val="（%3）"/><w:suff w:val="nothing"/></w:lvl>'
    "</w:abstractNum>"
    '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
    '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
    '<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/>'
    '<w:lvlText w:val="・"/></w:lvl></w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
    '<w:num w:numId="3"><w:abstractNumId w:val="0"/>'
    '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>'
    '<w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>'
    "</w:numbering>"
)


def test_numbered_headings_read_with_the_numbers_word_draws(tmp_path: Path) -> None:
    styles = "".join(
        f'<w:style w:type="paragraph" w:styleId="h{n}"><w:name w:val="heading {n}"/>'
        f'<w:pPr><w:numPr><w:ilvl w:val="{n - 1}"/><w:numId w:val="1"/></w:numPr></w:pPr>'
        "</w:style>"
        for n in (1, 2, 3)
    )
    item = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{}"/></w:numPr>'
    body = (
        p(r("概観"), "h1")
        + p(r("背景"), "h2")
        + p(r("経緯"), "h3")
        + p(r("論点"), "h3")
        + p(r("一つ目の項目です。"), extra=item.format(2))  # another list: its own count
        + p(r("箇条の項目です。"), extra=item.format(4))
        + p(r("課題"), "h2")
        + p(r("展望"), "h1")
        + p(r("今後"), "h2")
        + p(r("付録"), "h1", item.format(3))  # the same list started again at 5
    )
    path = docx(
        tmp_path / "numbered.docx", body, styles=styles, parts={"word/numbering.xml": NUMBERING}
    )
    doc = import_file(path)
    assert [(b.kind, b.level, b.text) for b in doc.blocks] == [
        ("heading", 1, "第１章 概観"),
        ("heading", 2, "1.1 背景"),
        ("heading", 3, "（一）経緯"),
        ("heading", 3, "（二）論点"),
        ("list_item", 0, "一つ目の項目です。"),  # a list's number is not text (as <ol>)
        ("list_item", 0, "箇条の項目です。"),
        ("heading", 2, "1.2 課題"),
        ("heading", 1, "第２章 展望"),
        ("heading", 2, "2.1 今後"),
        ("heading", 1, "第５章 付録"),
    ]
    # without legal numbering, %1 keeps its own level's format, as Word draws it
    relaxed = tmp_path / "relaxed.docx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(relaxed, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            dst.writestr(
                info, data.replace(b"<w:isLgl/>", b"") if "numbering" in info.filename else data
            )
    assert import_file(relaxed).blocks[1].text == "１.1 背景"
