"""Word (.docx) input: automatic numbering rebuilt from numbering.xml, bad files refused.

The fixtures are built here with python-docx, plus raw ``w:abstractNum``/``w:num`` XML for
Word's automatic numbering (python-docx has no API for it). The labels (一、 （一） 1．) are
never in the paragraphs' text: Word computes them, and so must the reader.
"""

from __future__ import annotations

import io
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

docx = pytest.importorskip("docx")
pytest.importorskip("lxml")

from docx.oxml import parse_xml  # noqa: E402
from docx.oxml.ns import nsdecls, qn  # noqa: E402

import govspeech  # noqa: E402
from govspeech import (  # noqa: E402
    GovspeechError,
    InputFormatError,
    MissingDependencyError,
)
from govspeech.cli import main  # noqa: E402
from govspeech.cli.inputs import read_input  # noqa: E402
from govspeech.read.docx import docx_text, format_number, read_docx  # noqa: E402
from govspeech.read.formats import read_source_any, sniff  # noqa: E402

from .conftest import CORPUS_FILE  # noqa: E402

NS = nsdecls("w")
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


# --- building .docx files with Word numbering ------------------------------------------------


def lvl(ilvl, fmt, text, *, start=1, pstyle=None, restart=None, lgl=False, suff="tab"):  # type: ignore[no-untyped-def]
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        + (f'<w:lvlRestart w:val="{restart}"/>' if restart is not None else "")
        + (f'<w:pStyle w:val="{pstyle}"/>' if pstyle else "")
        + ("<w:isLgl/>" if lgl else "")
        + f'<w:suff w:val="{suff}"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        + '<w:pPr><w:ind w:left="0" w:firstLine="640"/></w:pPr></w:lvl>'
    )


def add_numbering(document, abstracts, nums):  # type: ignore[no-untyped-def]
    """abstracts: id -> <w:lvl> XML; nums: numId -> (abstractNumId, {ilvl: startOverride})."""
    numbering = document.part.numbering_part.element
    first_num = numbering.find(qn("w:num"))
    for aid, levels in abstracts.items():
        el = parse_xml(
            f'<w:abstractNum {NS} w:abstractNumId="{aid}">'
            f'<w:multiLevelType w:val="multilevel"/>{levels}</w:abstractNum>'
        )
        if first_num is not None:
            first_num.addprevious(el)  # schema order: every abstractNum before the nums
        else:
            numbering.append(el)
    for nid, (aid, overrides) in nums.items():
        ovr = "".join(
            f'<w:lvlOverride w:ilvl="{i}"><w:startOverride w:val="{s}"/></w:lvlOverride>'
            for i, s in overrides.items()
        )
        numbering.append(
            parse_xml(f'<w:num {NS} w:numId="{nid}"><w:abstractNumId w:val="{aid}"/>{ovr}</w:num>')
        )


def set_numpr(ppr, num_id, ilvl):  # type: ignore[no-untyped-def]
    il = f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
    el = parse_xml(f'<w:numPr {NS}>{il}<w:numId w:val="{num_id}"/></w:numPr>')
    style = ppr.find(qn("w:pStyle"))
    if style is not None:
        style.addnext(el)
    else:
        ppr.insert(0, el)


def para(container, text, style=None, num=None):  # type: ignore[no-untyped-def]
    p = container.add_paragraph(text, style=style)
    if num is not None:
        set_numpr(p._p.get_or_add_pPr(), *num)
    return p


GB = 100  # 一、/（一）/1．/（1）/①, linked to Heading 1, Heading 2 and List Paragraph
LIST = 101  # a plain 1． list used by direct numPr
# (the label Word shows, the paragraph's text, its style, direct numPr (numId, ilvl) or None)
SPEECH = [
    ("", "在全县疫情防控工作会议上的讲话", "Title", None),
    ("", "同志们：", None, None),
    ("", "今天召开这次会议，主要任务是部署下一阶段工作。", None, None),
    ("一、", "统一思想认识，提高政治站位", "Heading 1", None),  # style-linked, no ilvl
    ("（一）", "充分认识形势的严峻性。", "Heading 2", None),  # style-linked, ilvl 1
    ("", "当前疫情防控形势依然复杂。", None, None),
    ("1．", "第一张防护网：进入人员排查。", "List Paragraph", None),  # style-linked, ilvl 2
    ("2．", "第二张防护网：重点场所管控。", "List Paragraph", None),
    ("（1）", "严格落实扫码测温。", None, (1, 3)),  # direct numPr on the same list
    ("（2）", "严格落实登记制度。", None, (1, 3)),
    ("（二）", "切实增强责任感。", "Heading 2", None),
    ("1．", "压实属地责任。", "List Paragraph", None),  # restarts after （二）
    ("二、", "突出工作重点，抓好措施落实", "Heading 1", None),
    ("（一）", "抓好重点人群管理。", "Heading 2", None),
    ("", "谢谢大家！", None, None),
    # A second speech: Word's "Restart at 1" is a second w:num on the same abstractNum with a
    # startOverride, set as direct numPr on the first heading.
    ("", "在全县安全生产工作会议上的讲话", "Title", None),
    ("一、", "提高认识，把握形势", "Heading 1", (2, 0)),
    ("（一）", "认清形势。", "Heading 2", None),
    ("二、", "突出重点，狠抓落实", "Heading 1", None),  # continues the shared counter
    ("1．", "开展隐患排查。", None, (3, 0)),  # a direct list on its own abstractNum
    ("2．", "开展专项整治。", None, (3, 0)),
]
TABLE_LINES = ["附表：任务分工", "责任单位", "3．开展督查检查。", "县应急局"]


def build_speech(path: Path) -> list[str]:
    """Write the Word-numbered speech; return the lines a person would have typed."""
    d = docx.Document()
    add_numbering(
        d,
        {
            GB: lvl(0, "chineseCounting", "%1、", pstyle="Heading1", suff="nothing")
            + lvl(1, "chineseCounting", "（%2）", pstyle="Heading2", suff="nothing")
            + lvl(2, "decimal", "%3．", pstyle="ListParagraph")
            + lvl(3, "decimal", "（%4）")
            + lvl(4, "decimalEnclosedCircle", "%5"),
            LIST: lvl(0, "decimal", "%1．"),
        },
        {1: (GB, {}), 2: (GB, {0: 1}), 3: (LIST, {})},
    )
    for style, ilvl in (("Heading 1", None), ("Heading 2", 1), ("List Paragraph", 2)):
        set_numpr(d.styles[style].element.get_or_add_pPr(), 1, ilvl)
    lines = []
    for label, text, style, num in SPEECH:
        para(d, text, style, num)
        lines.append(label + text)
    # a table: cells are read row by row, and the direct list goes on counting inside it
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).paragraphs[0].text = "附表：任务分工"
    table.cell(0, 1).paragraphs[0].text = "责任单位"
    set_numpr(table.cell(1, 0).paragraphs[0]._p.get_or_add_pPr(), 3, 0)
    table.cell(1, 0).paragraphs[0].add_run("开展督查检查。")
    table.cell(1, 1).paragraphs[0].text = "县应急局"
    d.save(str(path))
    return lines + TABLE_LINES


def outline(text: str) -> list[list[tuple[str, int, str]]]:
    tree = govspeech.parse(text)
    return [[(s.marker, s.level, s.title) for s in d.iter_sections()] for d in tree.documents]


def write_zip(path: Path, parts: dict[str, str | bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return path


def document_xml(body: str) -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'
    )


def run_cli(capsys, *args: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


# --- numbering ----------------------------------------------------------------------------------


def test_word_numbering_is_rebuilt_like_the_typed_speech(tmp_path):
    path = tmp_path / "speech.docx"
    typed = build_speech(path)
    tree = govspeech.parse_file(path)
    assert tree.text.splitlines() == typed
    assert tree.text == "".join(line + "\n" for line in typed)  # positions: the extracted text
    assert tree.encoding == "utf-8" and tree.path == str(path)
    assert outline(tree.text) == outline("\n".join(typed) + "\n")
    assert [d.title for d in tree.documents] == [
        "在全县疫情防控工作会议上的讲话",
        "在全县安全生产工作会议上的讲话",
    ]
    first = tree.documents[0].sections[0]
    assert (first.marker, first.title) == ("一、", "统一思想认识，提高政治站位")
    assert [(c.marker, c.level) for c in first.children] == [("（一）", 2), ("（二）", 2)]


def test_python_docx_alone_loses_the_labels(tmp_path):
    """Why the reader exists: paragraph.text has no 一、 at all, so the outline is empty."""
    path = tmp_path / "speech.docx"
    typed = build_speech(path)
    plain = [p.text for p in docx.Document(str(path)).paragraphs]
    assert "统一思想认识，提高政治站位" in plain
    assert not any(t.startswith(("一、", "（一）", "1．")) for t in plain)
    assert outline("\n".join(plain) + "\n") != outline("\n".join(typed) + "\n")
    markers = [m for doc in outline("\n".join(plain) + "\n") for m, _, _ in doc]
    assert "一、" not in markers and "（一）" not in markers


def test_paragraphs_carry_style_outline_level_and_table_hints(tmp_path):
    path = tmp_path / "speech.docx"
    build_speech(path)
    paras = read_docx(path.read_bytes(), str(path))
    heading1 = [p for p in paras if p.style == "Heading1"]
    assert [p.label for p in heading1] == ["一、", "二、", "一、", "二、"]
    assert all(p.outline_level == 0 for p in heading1)
    assert all(p.outline_level == 1 for p in paras if p.style == "Heading2")
    assert [p.line for p in paras if p.in_table] == TABLE_LINES
    assert all(p.outline_level is None for p in paras if p.style is None)


def test_number_formats_restart_and_legal_numbering(tmp_path):
    d = docx.Document()
    formats = [
        ("chineseCounting", "%1、", ["一、", "二、", "三、", "四、", "五、", "六、", "七、", "八、", "九、", "十、", "十一、", "十二、"]),
        ("chineseCountingThousand", "（%1）", ["（一）", "（二）", "（三）"]),
        ("ideographTraditional", "%1、", ["甲、", "乙、", "丙、"]),
        ("decimalEnclosedCircle", "%1", ["①", "②", "③"]),
        ("decimalFullWidth", "%1．", ["１．", "２．", "３．"]),
        ("upperLetter", "%1.", ["A.", "B.", "C."]),
        ("lowerRoman", "(%1)", ["(i)", "(ii)", "(iii)"]),
        ("chineseLegalSimplified", "%1、", ["壹、", "贰、", "叁、"]),
        ("decimalEnclosedParen", "%1", ["⑴", "⑵", "⑶"]),
        ("bullet", "\uf0b7", ["", ""]),  # bullets are not numbering: no label
    ]
    abstracts = {200 + k: lvl(0, fmt, text) for k, (fmt, text, _) in enumerate(formats)}
    nums = {20 + k: (200 + k, {}) for k in range(len(formats))}
    # lvlRestart 1: 1． restarts only after 一、, not after （一）; isLgl: %1.%2.%3.%4 in digits
    abstracts[300] = (
        lvl(0, "chineseCounting", "%1、")
        + lvl(1, "chineseCounting", "（%2）")
        + lvl(2, "decimal", "%3．", restart=1)
        + lvl(3, "decimal", "%1.%2.%3.%4", lgl=True)
    )
    nums[40] = (300, {})
    nums[41] = (200, {0: 5})  # a second num on the chineseCounting list, starting at 五
    add_numbering(d, abstracts, nums)
    expected = []
    for k, (fmt, _, labels) in enumerate(formats):
        for label in labels:
            para(d, fmt, None, (20 + k, 0))
            expected.append(label + fmt)
    for ilvl, label in [(0, "一、"), (1, "（一）"), (2, "1．"), (2, "2．"), (1, "（二）"),
                        (2, "3．"), (3, "1.2.3.1"), (0, "二、"), (2, "1．")]:  # fmt: skip
        para(d, "restart", None, (40, ilvl))
        expected.append(label + "restart")
    para(d, "override", None, (41, 0))
    para(d, "override", None, (41, 0))
    expected += ["五、override", "六、override"]
    para(d, "not numbered", None, (0, 0))  # numId 0 switches numbering off
    expected.append("not numbered")
    path = tmp_path / "formats.docx"
    d.save(str(path))
    assert docx_text(path.read_bytes()).splitlines() == expected


@pytest.mark.parametrize(
    ("n", "fmt", "label"),
    [
        (10, "chineseCounting", "十"),
        (21, "chineseCounting", "二十一"),
        (105, "chineseCountingThousand", "一百零五"),
        (10005, "chineseCounting", "一万零五"),
        (11, "chineseLegalSimplified", "壹拾壹"),
        (11, "ideographTraditional", "甲"),
        (12, "decimalEnclosedCircle", "⑫"),
        (21, "decimalEnclosedCircle", "㉑"),
        (3, "ideographEnclosedCircle", "㈢"),
        (2, "decimalEnclosedFullstop", "⒉"),
        (12, "decimalFullWidth", "１２"),
        (2024, "ideographDigital", "二〇二四"),
        (28, "upperLetter", "BB"),
        (4, "none", ""),
        (7, "somethingNew", "7"),
    ],
)
def test_format_number(n, fmt, label):
    assert format_number(n, fmt) == label


def test_numbering_through_based_on_and_the_default_style(tmp_path):
    """A custom style based on Heading 1 inherits its numbering; so does everything in a
    document whose default paragraph style (Normal) is numbered."""
    d = docx.Document()
    add_numbering(d, {GB: lvl(0, "chineseCounting", "%1、")}, {1: (GB, {})})
    set_numpr(d.styles["Heading 1"].element.get_or_add_pPr(), 1, 0)
    custom = d.styles.add_style("GS Heading", 1)  # WD_STYLE_TYPE.PARAGRAPH
    custom.base_style = d.styles["Heading 1"]
    para(d, "标准标题", "Heading 1")
    para(d, "自定义样式的标题", "GS Heading")
    para(d, "正文不编号。")
    path = tmp_path / "based.docx"
    d.save(str(path))
    assert docx_text(path.read_bytes()).splitlines() == ["一、标准标题", "二、自定义样式的标题", "正文不编号。"]

    d = docx.Document()
    add_numbering(d, {GB: lvl(0, "decimal", "%1．")}, {1: (GB, {})})
    set_numpr(d.styles["Normal"].element.get_or_add_pPr(), 1, 0)
    para(d, "甲")
    para(d, "乙")
    d.save(str(path))
    assert docx_text(path.read_bytes()).splitlines() == ["1．甲", "2．乙"]


def test_runs_tabs_breaks_deleted_text_fields_and_hidden_text(tmp_path):
    body = (
        "<w:p><w:r><w:t>一、</w:t></w:r><w:r><w:tab/><w:t>统一思想</w:t></w:r></w:p>"
        # a line break inside a paragraph is a new line; a page break is not
        '<w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t><w:br w:type="page"/></w:r></w:p>'
        # tracked changes read as accepted: deletions skipped, insertions kept
        "<w:p><w:r><w:t>保留</w:t></w:r><w:del><w:r><w:delText>删除的字</w:delText></w:r></w:del>"
        "<w:ins><w:r><w:t>插入的字</w:t></w:r></w:ins></w:p>"
        # a field: its code is skipped, its result kept
        '<w:p><w:r><w:t>见第</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> PAGEREF _Toc1 \\h </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>页</w:t></w:r></w:p>'
        # hidden text is not shown by Word, so not read
        "<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:r><w:t>可见</w:t></w:r></w:p>"
        # hyperlinks and content controls keep their text
        '<w:p><w:hyperlink r:id="x" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        "<w:r><w:t>链接</w:t></w:r></w:hyperlink><w:sdt><w:sdtPr><w:alias w:val=\"别名\"/></w:sdtPr>"
        "<w:sdtContent><w:r><w:t>控件</w:t></w:r></w:sdtContent></w:sdt></w:p>"
        '<w:p><w:r><w:t xml:space="preserve">  前后空格  </w:t></w:r></w:p>'
        "<w:p/>"
        "<w:sectPr/>"
    )
    path = write_zip(tmp_path / "runs.docx", {"word/document.xml": document_xml(body)})
    assert docx_text(path.read_bytes()) == (
        "一、\t统一思想\n第一行\n第二行\n保留插入的字\n见第3页\n可见\n链接控件\n  前后空格  \n\n"
    )
    tree = govspeech.parse_file(path)
    assert tree.documents[0].sections[0].title == "统一思想"


def test_strict_open_xml_namespace(tmp_path):
    strict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
    xml = f'<w:document xmlns:w="{strict}"><w:body><w:p><w:r><w:t>一、标题</w:t></w:r></w:p></w:body></w:document>'
    path = write_zip(tmp_path / "strict.docx", {"word/document.xml": xml})
    assert docx_text(path.read_bytes()) == "一、标题\n"


# --- bad files ------------------------------------------------------------------------------

BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{k} "{("&lol" + (str(k - 1) if k > 1 else "") + ";") * 10}">'
        for k in range(1, 10)
    )
    + f']><w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>'
    "</w:body></w:document>"
)
XXE = (
    '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p>'
    "</w:body></w:document>"
)


def _truncated(tmp_path: Path) -> Path:
    good = tmp_path / "good.docx"
    build_speech(good)
    bad = tmp_path / "truncated.docx"
    bad.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    return bad


def _bad_crc(tmp_path: Path) -> Path:
    path = write_zip(tmp_path / "crc.docx", {"word/document.xml": document_xml("<w:p/>" * 50)})
    data = bytearray(path.read_bytes())
    at = data.index(b"<w:p/>")
    data[at + 1] = ord("x")  # stored uncompressed: the CRC no longer matches
    path.write_bytes(bytes(data))
    return path


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "x.docx", "no such file"),
        (lambda d: _write(d / "plain.docx", "一、不是Word文件。\n".encode()), "not a Word .docx file (not a zip archive)"),
        (lambda d: _truncated(d), "corrupt or truncated .docx"),
        (lambda d: _bad_crc(d), "corrupt .docx"),
        (lambda d: write_zip(d / "sheet.docx", {"xl/workbook.xml": "<workbook/>"}), "no word/document.xml"),
        (lambda d: write_zip(d / "broken.docx", {"word/document.xml": "<w:document"}), "not well-formed XML"),
        (lambda d: write_zip(d / "bomb.docx", {"word/document.xml": BILLION_LAUGHS}), "has a DOCTYPE"),
        (lambda d: write_zip(d / "xxe.docx", {"word/document.xml": XXE}), "has a DOCTYPE"),
        (lambda d: write_zip(d / "styles.docx", {"word/document.xml": document_xml("<w:p/>"), "word/styles.xml": BILLION_LAUGHS}), "word/styles.xml has a DOCTYPE"),
        (lambda d: write_zip(d / "other.docx", {"word/document.xml": "<document/>"}), "not a WordprocessingML document"),
        (lambda d: _write(d / "old.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)), "legacy Word .doc"),  # an OLE file named .docx (a .doc renamed, or encrypted)
        (lambda d: write_zip(d / "empty.docx", {"word/document.xml": document_xml("<w:p/><w:p/>")}), "no text"),
    ],
    ids=["missing", "not-zip", "truncated", "bad-crc", "no-document", "malformed", "billion-laughs",
         "xxe", "doctype-in-styles", "not-wordml", "legacy-doc", "empty"],
)
def test_bad_docx_is_one_line_exit_2(capsys, tmp_path, make, message):
    path = make(tmp_path)
    code, out, err = run_cli(capsys, "outline", str(path))
    lines = err.strip().splitlines()
    assert code == 2 and out == ""
    assert len(lines) == 1 and "Traceback" not in err, err
    assert lines[0].startswith(f"error: {path}: ") and message in lines[0]


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_entities_are_never_expanded(tmp_path):
    path = write_zip(tmp_path / "bomb.docx", {"word/document.xml": BILLION_LAUGHS})
    started = time.perf_counter()
    with pytest.raises(InputFormatError, match="DOCTYPE") as info:
        govspeech.parse_file(path)
    assert time.perf_counter() - started < 1.0
    assert isinstance(info.value, ValueError) and isinstance(info.value, GovspeechError)
    path = write_zip(tmp_path / "xxe.docx", {"word/document.xml": XXE})
    with pytest.raises(InputFormatError) as info:
        govspeech.parse_file(path)
    assert "root:" not in str(info.value)


# --- the corpus, the exporter, stdin, folders, formats ----------------------------------------


def test_the_corpus_file_as_a_docx_outlines_like_the_txt(tmp_path):
    text = CORPUS_FILE.read_text("utf-8")
    d = docx.Document()
    for line in text.split("\n"):
        d.add_paragraph(line)
    path = tmp_path / "corpus.docx"
    d.save(str(path))
    tree = govspeech.parse_file(path)
    assert tree.text == text + "\n"  # every paragraph ends its line
    assert outline(tree.text) == outline(text)
    assert tree.pretty() == govspeech.parse(text + "\n").pretty()
    assert len(tree.documents) == 13


def test_our_own_docx_export_reads_back_to_the_same_outline(capsys, tmp_path):
    target = tmp_path / "corpus.docx"
    code, _, err = run_cli(capsys, "export", "--format", "docx", str(CORPUS_FILE), "-o", str(target))
    assert code == 0, err
    again = govspeech.parse_file(target)
    assert outline(again.text) == outline(CORPUS_FILE.read_text("utf-8"))


def test_docx_on_stdin_is_sniffed(tmp_path, monkeypatch):
    path = tmp_path / "speech.docx"
    typed = build_speech(path)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(path.read_bytes())))
    tree = read_input("-")
    assert tree.path == "<stdin>" and tree.encoding == "utf-8"
    assert tree.text.splitlines() == typed


def test_sniff_and_read_source_any(tmp_path):
    path = tmp_path / "speech.docx"
    build_speech(path)
    data = path.read_bytes()
    assert sniff(path, data) == "docx"
    assert sniff(None, data) == "docx"
    assert sniff("speech.bin", data) == "docx"
    assert sniff("speech.txt", data) == "txt"  # the extension wins; --from overrides it
    src = read_source_any(data, name="<upload>")
    assert src.path == "<upload>" and src.text.startswith("在全县疫情防控工作会议上的讲话\n")
    renamed = tmp_path / "speech.txt"
    renamed.write_bytes(data)
    with pytest.raises(govspeech.BinaryInputError):
        govspeech.parse_file(renamed)
    assert govspeech.parse_file(renamed, source_format="docx").text == src.text


def test_a_docx_in_a_folder_and_word_lock_files(capsys, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    build_speech(folder / "speech.docx")
    (folder / "~$speech.docx").write_bytes(b"\x05user" + bytes(157))  # Word's lock file
    code, out, err = run_cli(capsys, "outline", str(folder))
    assert code == 0, err
    assert "一、统一思想认识，提高政治站位" in out and "~$" not in out + err
    code, out, err = run_cli(capsys, "outline", str(folder / "*.docx"))
    assert code == 0 and "~$" not in err


def test_missing_lxml_names_the_extra(tmp_path, monkeypatch):
    path = tmp_path / "speech.docx"
    build_speech(path)
    monkeypatch.setitem(sys.modules, "lxml.etree", None)  # import lxml.etree now fails
    with pytest.raises(MissingDependencyError) as info:
        govspeech.parse_file(path)
    assert isinstance(info.value, ImportError)
    assert "pip install 'govspeech[docx]'" in str(info.value) and "\n" not in str(info.value)


def test_import_govspeech_does_not_import_lxml():
    code = (
        "import sys, govspeech, govspeech.cli.inputs, govspeech.read.formats; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('lxml', 'docx')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"
