"""PDF input: the text layer read to one paragraph a line, page furniture kept apart.

Three kinds of PDF are read here: real ones from the shared corpus (a WPS export of a 方案 with
page numbers, a LibreOffice 宪法 with a 目录), PDFs laid out in the test with PDFium itself
(lines placed exactly where a word processor puts them: 16 pt characters, two-character first
line indents, 26 characters a line, page numbers at the foot), and broken or hostile files.
"""

from __future__ import annotations

import ctypes
import io
import re
import sys
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

import pytest

pdfium: Any = pytest.importorskip("pypdfium2")
pdfium_c: Any = pytest.importorskip("pypdfium2.raw")

import govspeech  # noqa: E402
import govspeech.read.pdf as pdf_module  # noqa: E402
from govspeech import EmptyInputError, InputFormatError, MissingDependencyError  # noqa: E402
from govspeech.read.pdf import pdf_text  # noqa: E402

from .conftest import REQUIRE_CORPUS  # noqa: E402
from .test_regulations import GONGWEN  # noqa: E402

FILES = GONGWEN / "files"
FANGAN = FILES / "fangan_xinguan_fangkong_di9ban_2022.pdf"
XIANFA = FILES / "fa_xianfa_2018.pdf"
#: Pages of the 159-page 方案 read in the tests (the whole file takes about a second).
FANGAN_PAGES = 20


def corpus_pdf(path: Path) -> bytes:
    if not path.is_file():
        if REQUIRE_CORPUS:
            pytest.fail(f"shared corpus PDF {path} missing (GOVSPEECH_REQUIRE_CORPUS=1)")
        pytest.skip(f"shared corpus PDF {path.name} not present")
    return path.read_bytes()


def save(pdf: Any) -> bytes:
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


@cache
def first_pages(path: Path, count: int) -> bytes:
    """The first ``count`` pages of a PDF as a PDF of their own (PDFium's import_pages)."""
    src = pdfium.PdfDocument(path.read_bytes())
    dst = pdfium.PdfDocument.new()
    dst.import_pages(src, list(range(count)))
    data = save(dst)
    dst.close()
    src.close()
    return data


@cache
def fangan() -> tuple[str, tuple[int, ...]]:
    corpus_pdf(FANGAN)
    return pdf_text(first_pages(FANGAN, FANGAN_PAGES), FANGAN.name)


@cache
def xianfa() -> tuple[str, tuple[int, ...]]:
    return pdf_text(corpus_pdf(XIANFA), XIANFA.name)


def page_texts(data: bytes) -> list[list[str]]:
    """Each page's lines as PDFium gives them (its own line breaks), without the layout."""
    pdf = pdfium.PdfDocument(data)
    pages = []
    for page in pdf:
        textpage = page.get_textpage()
        pages.append([x.strip() for x in textpage.get_text_range().split("\r\n") if x.strip()])
        textpage.close()
        page.close()
    pdf.close()
    return pages


def headings(text: str) -> list[tuple[int, str, int]]:
    """(level, marker + title, line) of every section of the first document."""
    tree = govspeech.parse(text)
    assert tree.text == text
    doc = tree.documents[0]
    return [(s.level, s.marker + (s.title or ""), s.line) for s in doc.iter_sections()]


# --- the 方案 (WPS, page numbers at the foot) ---------------------------------------------


def test_fangan_headings_are_the_documents_headings() -> None:
    text, _ = fangan()
    found = [(level, title) for level, title, _ in headings(text) if level <= 2]
    # Read off pages 2-20 of the PDF (pdftotext -layout): every 一、 and （一） heading there.
    assert found == [
        (1, "一、总体要求"),
        (1, "二、病原学和流行病学特征"),
        (1, "三、公共措施"),
        (2, "（一）宣传教育。"),
        (2, "（二）疫苗接种。"),
        (2, "（三）爱国卫生运动。"),
        (1, "四、疫情监测"),
        (2, "（一）疫情发现报告。"),
        (2, "（二）多渠道监测预警。"),
        (1, "五、疫情处置"),
        (2, "（一）传染源控制。"),
        (2, "（二）流调与风险区域（人员）划定管控。"),
        (2, "（三）区域核酸检测。"),
        (2, "（四）人员转运。"),
        (2, "（五）隔离管理。"),
        (2, "（六）溯源调查。"),
        (2, "（七）消毒。"),
        (2, "（八）心理健康服务。"),
        (2, "（九）疫情信息发布。"),
        (1, "六、实验室检测"),
        (1, "七、境外输入疫情防控"),
        (2, "（一）入境人员管控。"),
        (2, "（二）入境物品管控。"),
        (2, "（三）高风险岗位从业人员疫情防控。"),
        (2, "（四）口岸城市疫情防控。"),
        (1, "八、加强重点环节防控"),
        (2, "（一）重点人群。"),
    ]
    items = [title for level, title, _ in headings(text) if level == 3]
    starts = [
        "1.新冠病毒疫苗",
        "2.对于符合条件",
        "3.重点提高",
        "4.根据疫苗研发",
        "1.病例发现报告。",
    ]
    assert [item[: len(start)] for item, start in zip(items, starts, strict=False)] == starts
    assert items[5] == "2.无症状感染者发现报告。"


def test_fangan_every_heading_starts_a_paragraph_of_the_pdf() -> None:
    """No wrapped line became a heading: each heading opens a line of the PDF, and that line
    follows a short line, a line ending a sentence, or the top of the page."""
    text, _ = fangan()
    raw = page_texts(first_pages(FANGAN, FANGAN_PAGES))
    starts = set()
    for lines in raw:
        body = [x for x in lines if not x.isdigit()]
        full = max(len(x) for x in body)
        for before, line in zip([None, *body], body, strict=False):
            if before is None or len(before) < 0.9 * full or before[-1] in "。：；！？":
                starts.add(line.replace(" ", "")[:12])
    lines = text.splitlines()
    found = headings(text)
    assert len(found) > 40
    for _, _, lineno in found:
        assert lines[lineno - 1][:12] in starts, lines[lineno - 1]


def test_fangan_wrapped_lines_are_joined() -> None:
    text, _ = fangan()
    lines = text.splitlines()
    # 主送 over four lines of page 1; the 方案's opening paragraph over five lines of page 2
    assert (
        "各省、自治区、直辖市及新疆生产建设兵团应对新型冠状病毒肺炎疫情联防联控机制（领导小组、"
        "指挥部），国务院应对新型冠状病毒肺炎疫情联防联控机制各成员单位，中国疾控中心："
    ) in lines
    opening = next(x for x in lines if x.startswith("为指导各地做好新型冠状病毒肺炎"))
    assert opening.endswith("在前八版防控方案基础上，制定本方案。")
    assert "（以下简称新冠肺炎，COVID-19）疫情防控工作" in opening
    # a paragraph running from page 4 onto page 5 is one line, and page 4's number follows it
    k = next(i for i, x in enumerate(lines) if x.startswith("1.病例发现报告。"))
    assert "在出具检测结果后2小时内进行初筛阳性报告" in lines[k]
    assert lines[k].endswith("纳入社区管理人群的健康监测和核酸检测，做到早发现。")
    assert lines[k + 1] == "4"
    # no line of body text was left broken where the margin broke it
    raw_lines = {x for page in page_texts(first_pages(FANGAN, FANGAN_PAGES)) for x in page}
    assert "肺炎疫情联防联控机制（领导小组、指挥部），国务院应对新" in raw_lines
    assert not any(x.startswith("肺炎疫情联防联控机制") for x in lines)


def test_fangan_page_numbers_are_lines_of_their_own() -> None:
    text, page_lines = fangan()
    lines = text.splitlines()
    assert len(page_lines) == FANGAN_PAGES
    assert page_lines[0] == 1
    assert list(page_lines) == sorted(set(page_lines))  # one start per page, increasing
    ends = [*page_lines[1:], len(lines) + 1]
    for k, (start, end) in enumerate(zip(page_lines, ends, strict=True), 1):
        assert lines[end - 2] == str(k), (k, lines[start - 1 : end - 1])  # last line of its page
    assert sum(x.isdigit() for x in lines) == FANGAN_PAGES
    tree = govspeech.parse(text)
    assert tree.text == text


# --- the 宪法 (LibreOffice, U+3000 indents, a 目录 with dot leaders) ------------------------


def test_xianfa_chapters_and_articles() -> None:
    text, page_lines = xianfa()
    assert len(page_lines) == 24
    tree = govspeech.parse(text)
    assert tree.text == text
    (doc,) = tree.documents
    sections = list(doc.iter_sections())
    chapters = [(s.marker.strip("\u3000"), s.title) for s in sections if s.style == "chapter"]
    assert chapters[-4:] == [
        ("第一章", "总\u3000纲"),
        ("第二章", "公民的基本权利和义务"),
        ("第三章", "国家机构"),
        ("第四章", "国旗、国歌、国徽、首都"),
    ]
    parts = [s.title for s in sections if s.style == "section" and "..." not in (s.title or "")]
    assert parts[:3] == ["全国人民代表大会", "中华人民共和国主席", "国\u3000务\u3000院"]
    assert len(parts) == 8
    articles = [s.number for s in sections if s.style == "article"]
    assert articles == list(range(1, 144))
    lines = text.splitlines()
    assert (
        "\u3000\u3000第一条\u3000中华人民共和国是工人阶级领导的、以工农联盟为基础的人民民主专政"
        "的社会主义国家。"
    ) in lines
    # the 题注 over two lines, and every 目录 entry on a line of its own
    assert lines[1].endswith("通过\u30001982年12月4日全国人民代表大会公告公布施行")
    assert sum(bool(re.search(r"\.{4,}\d+$", x)) for x in lines) == 13


# --- PDFs laid out here ----------------------------------------------------------------------

_FONT_GLOBS = ("*wqy*", "*WenQuanYi*", "*NotoSansCJK*", "*NotoSerifCJK*", "*SourceHan*")
LEFT, SIZE, CHARS, PITCH, TOP = 85.0, 16.0, 26, 29.0, 760.0
RIGHT = LEFT + SIZE * CHARS
FILL = "各地区各部门要认真贯彻落实党中央国务院决策部署加强组织领导压实工作责任"


@cache
def cjk_font() -> bytes | None:
    """A TrueType font with Chinese glyphs that PDFium can embed, if the system has one."""
    for root in (Path("/usr/share/fonts"), Path.home() / ".fonts", Path("/Library/Fonts")):
        if not root.is_dir():
            continue
        for pattern in _FONT_GLOBS:
            for path in sorted(root.rglob(pattern)):
                if path.suffix.lower() in (".ttf", ".ttc", ".otf"):
                    data = path.read_bytes()
                    if _usable_font(data):
                        return data
    return None


def _usable_font(data: bytes) -> bool:
    try:
        return _Sheet(data).width("中文") > 0
    except (OSError, RuntimeError, ValueError):
        return False


class _Sheet:
    """A PDF laid out line by line: text placed at given x, y and size in one CJK font."""

    def __init__(self, font: bytes) -> None:
        self.pdf = pdfium.PdfDocument.new()
        self._font_data = (ctypes.c_uint8 * len(font)).from_buffer_copy(font)
        self.font = pdfium_c.FPDFText_LoadFont(
            self.pdf.raw, self._font_data, len(font), pdfium_c.FPDF_FONT_TRUETYPE, True
        )
        if not self.font:
            raise RuntimeError("PDFium cannot load the font")
        self.page: Any = None

    def _obj(self, text: str, size: float) -> Any:
        obj = pdfium_c.FPDFPageObj_CreateTextObj(self.pdf.raw, self.font, ctypes.c_float(size))
        units = (text + "\0").encode("utf-16-le")
        pdfium_c.FPDFText_SetText(
            obj, (ctypes.c_ushort * (len(units) // 2)).from_buffer_copy(units)
        )
        return obj

    def width(self, text: str, size: float = SIZE) -> float:
        obj = self._obj(text, size)
        left, bottom, right, top = (ctypes.c_float() for _ in range(4))
        pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
        pdfium_c.FPDFPageObj_Destroy(obj)
        return float(right.value - left.value)

    def new_page(self) -> None:
        self.end_page()
        self.page = self.pdf.new_page(595, 842)

    def put(self, text: str, x: float, y: float, size: float = SIZE) -> None:
        obj = self._obj(text, size)
        pdfium_c.FPDFPageObj_Transform(obj, 1, 0, 0, 1, x, y)
        pdfium_c.FPDFPage_InsertObject(self.page.raw, obj)

    def end_page(self) -> None:
        if self.page is not None:
            pdfium_c.FPDFPage_GenerateContent(self.page.raw)
            self.page.close()
            self.page = None

    def bytes(self) -> bytes:
        self.end_page()
        data = save(self.pdf)
        self.pdf.close()
        return data


@cache
def _measure() -> _Sheet:
    """One sheet (holding the font once) to measure text on."""
    font = cjk_font()
    assert font is not None
    return _Sheet(font)


def full(start: str, end: str = "", width: float = RIGHT - LEFT) -> str:
    """``start`` + filler + ``end``, as long as fits in ``width`` (a line running to the margin)."""
    measure = _measure().width
    n = max(0, int((width - measure(start + end) + 0.5) // measure(FILL[0])))
    while n and measure(start + (FILL * 3)[:n] + end) > width + 0.5:
        n -= 1
    return start + (FILL * 3)[:n] + end


def layout(
    pages: Sequence[Sequence[tuple[str, str]]], numbers: bool = True, header: str = ""
) -> bytes:
    """A PDF of ``pages``, each a list of (kind, text) lines laid out top down as a word
    processor does: ``first`` indented two characters, ``wrap`` at the left margin, ``centre``
    centred, ``big`` centred in 22 pt, ``large`` at the margin in 22 pt, ``gap`` an empty
    line's space. Page numbers (— k —)
    are put at the foot and ``header`` at the top of every page, first in content order, as
    WPS writes them."""
    font = cjk_font()
    if font is None:
        pytest.skip("no TrueType font with Chinese glyphs on this system")
    sheet = _Sheet(font)
    for k, lines in enumerate(pages, 1):
        sheet.new_page()
        if header:
            sheet.put(header, 297.5 - sheet.width(header, 10.5) / 2, 800, 10.5)
        if numbers:
            number = f"— {k} —"
            sheet.put(number, 297.5 - sheet.width(number, 14) / 2, 45, 14)
        y = TOP
        for kind, text in lines:
            if kind == "gap":
                y -= PITCH
                continue
            size = 22.0 if kind in ("big", "large") else SIZE
            if kind in ("centre", "big"):
                x = 297.5 - sheet.width(text, size) / 2
            else:
                x = LEFT + (2 * SIZE if kind == "first" else 0)
            sheet.put(text, x, y, size)
            y -= 1.5 * PITCH if size > SIZE else PITCH
    return sheet.bytes()


def read(data: bytes) -> list[str]:
    text, _ = pdf_text(data, "<test>")
    assert text.endswith("\n")
    assert govspeech.parse(text).text == text
    return text.splitlines()


def test_made_wrapped_lines_join_and_headings_stay() -> None:
    if cjk_font() is None:
        pytest.skip("no TrueType font with Chinese glyphs on this system")
    a1 = full("为做好工作，", "", RIGHT - LEFT - 2 * SIZE)  # first line, indented
    a2 = full("", "的要求")
    b1 = full("一、总体要求。坚持", "和", RIGHT - LEFT - 2 * SIZE)
    b2 = full("（一）统筹推进", "")  # a wrapped line that begins with （一）
    b3 = full("2.开展", "")  # and one that begins with 2.
    c1 = full("（二）加强保障。", "工作。", RIGHT - LEFT - 2 * SIZE)  # ends a sentence
    c2 = full("同时", "完成。")  # at the margin after 。: the paragraph goes on
    d1 = full("3.做好", "和")  # a heading at the margin after 。 stays one
    data = layout(
        [
            [
                ("big", "关于做好某项工作的"),
                ("big", "通知"),
                ("first", a1),
                ("wrap", a2),
                ("wrap", "做好各项工作。"),
                ("first", b1),
                ("wrap", b2),
                ("wrap", b3),
                ("wrap", "的各项措施。"),
                ("first", c1),
                ("wrap", c2),
                ("wrap", d1),
                ("wrap", "公开。"),
                ("wrap", "（三）其他事项。"),
            ]
        ]
    )
    lines = read(data)
    assert lines == [
        "关于做好某项工作的",  # centred title lines are not joined (the parser joins them)
        "通知",
        a1 + a2 + "做好各项工作。",
        b1 + b2 + b3 + "的各项措施。",
        c1 + c2,
        d1 + "公开。",
        "（三）其他事项。",
        "— 1 —",
    ]
    found = headings("\n".join(lines) + "\n")
    assert [title for _, title, _ in found][:2] == ["一、总体要求。", "（二）加强保障。"]
    assert not any(title.startswith(("（一）", "2.")) for _, title, _ in found)


def test_made_paragraph_across_a_page_break_and_page_furniture() -> None:
    if cjk_font() is None:
        pytest.skip("no TrueType font with Chinese glyphs on this system")
    p1 = full("第一页的段落", "", RIGHT - LEFT - 2 * SIZE)
    p2 = full("", "在")  # the last line of page 1 runs to the margin, mid-sentence
    q1 = full("第二页的段落", "", RIGHT - LEFT - 2 * SIZE)
    q2 = full("", "。")  # the last line of page 2 ends a sentence
    header = "某某市人民政府公报"
    data = layout(
        [
            [("first", "一、第一部分"), ("first", p1), ("wrap", p2)],
            [("wrap", "下一页接着写完。"), ("first", q1), ("wrap", q2)],
            [("first", "二、第二部分"), ("first", "正文。")],
        ],
        header=header,
    )
    text, page_lines = pdf_text(data, "<test>")
    lines = text.splitlines()
    assert lines == [
        "一、第一部分",
        p1 + p2 + "下一页接着写完。",  # joined across the break
        header,  # page 1's furniture, after the joined paragraph
        "— 1 —",
        q1 + q2,
        header,
        "— 2 —",
        "二、第二部分",
        "正文。",
        header,
        "— 3 —",
    ]
    assert page_lines == (1, 5, 8)
    tree = govspeech.parse(text)
    assert tree.text == text


def test_made_spacing_size_and_contents_lines_are_not_joined() -> None:
    if cjk_font() is None:
        pytest.skip("no TrueType font with Chinese glyphs on this system")
    a = full("本段落的最后一行正好写满", "")
    b = full("段落", "", RIGHT - LEFT - 2 * SIZE)
    dots = "第一章　总则"
    while _measure().width(dots + "....1") < RIGHT - LEFT:
        dots += "."
    toc = [dots + "1", full("第二章", "")]
    data = layout(
        [
            [
                ("first", a),
                ("gap", ""),  # a blank line's space: a new paragraph, though not indented
                ("wrap", "另起一段。"),
                ("first", b),
                ("large", "大字标题"),  # at the margin, in larger type: a line of its own
                ("wrap", toc[0]),  # a 目录 entry (dot leaders, page number) ends its line
                ("wrap", toc[1]),
            ]
        ],
        numbers=False,
    )
    assert read(data) == [a, "另起一段。", b, "大字标题", *toc]


def test_made_latin_words_joined_with_a_space() -> None:
    if cjk_font() is None:
        pytest.skip("no TrueType font with Chinese glyphs on this system")
    # Three wrapped paragraphs whose lines end in a Latin word (with a trailing space in the
    # PDF, without one: English wraps at a space all the same, variant / of concern), and
    # Chinese against Latin; filler makes each line reach the margin.
    one = full("英文词语", " Omicron ", RIGHT - LEFT - 2 * SIZE)
    two = full("英文词语", " ABC", RIGHT - LEFT - 2 * SIZE)
    three = full("中文", "中", RIGHT - LEFT - 2 * SIZE)
    filler = [("first", full("", "", RIGHT - LEFT - 2 * SIZE))]
    filler += [("wrap", full("", ""))] * 3 + [("wrap", "完。")]
    data = layout(
        [
            [
                *filler,
                ("first", one),
                ("wrap", "BA.2 变异株。"),
                ("first", two),
                ("wrap", "def 为例。"),
                ("first", three),
                ("wrap", "ABC 为例。"),
            ]
        ],
        numbers=False,
    )
    lines = read(data)
    assert lines[1:] == [one.rstrip() + " BA.2 变异株。", two + " def 为例。", three + "ABC 为例。"]


# --- files that are no usable PDF --------------------------------------------------------


def minimal_pdf(objects: Sequence[bytes], trailer: bytes = b"") -> bytes:
    """A PDF of the given objects (1 0 obj is the catalog), with a correct xref table."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\n" % (len(objects) + 1, trailer)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


PAGE_TREE = (
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
)


def test_truncated_file_is_refused_in_one_line() -> None:
    data = b"%PDF-1.7\n" + bytes(range(256)) * 8
    with pytest.raises(InputFormatError, match=r"^x\.pdf: cannot read the PDF: not a PDF") as e:
        pdf_text(data, "x.pdf")
    assert "\n" not in str(e.value)
    with pytest.raises(InputFormatError):
        pdf_text(b"", "x.pdf")


def test_encrypted_file_is_refused() -> None:
    # The standard security handler with a user password: PDFium asks for it (any /U that the
    # empty password does not produce will do, so no key needs deriving here).
    encrypt = b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P -4 >>" % (b"11" * 32, b"22" * 32)
    data = minimal_pdf(
        [*PAGE_TREE, encrypt], b"/Encrypt 4 0 R /ID [<%s> <%s>] " % (b"33" * 16, b"33" * 16)
    )
    with pytest.raises(InputFormatError, match="encrypted and needs a password"):
        pdf_text(data, "secret.pdf")


def test_page_without_text_is_no_usable_text() -> None:
    pdf = pdfium.PdfDocument.new()
    pdf.new_page(595, 842).close()
    with pytest.raises(EmptyInputError, match=r"^blank\.pdf: no usable text in the PDF .*OCR"):
        pdf_text(save(pdf), "blank.pdf")
    with pytest.raises(EmptyInputError, match="no text at all"):
        pdf_text(minimal_pdf(PAGE_TREE), "blank.pdf")


def test_only_page_numbers_is_no_usable_text() -> None:
    data = layout([[], [], []])  # scanned pages would have only their numbers as text
    with pytest.raises(EmptyInputError, match="only page numbers"):
        pdf_text(data, "scan.pdf")


def test_garbage_text_layer_is_no_usable_text() -> None:
    font = cjk_font()
    if font is None:
        pytest.skip("no TrueType font with Chinese glyphs on this system")
    sheet = _Sheet(font)
    sheet.new_page()
    # What a font without a Unicode mapping gives: its GBK codes read as Latin-1 (¹ØÓÚÓ¡·¢)
    gbk = "关于印发新型冠状病毒肺炎防控方案的通知各地区各部门".encode("gbk").decode("latin-1")
    mojibake = "".join(ch for ch in gbk if not "\x80" <= ch <= "\x9f")
    for k in range(10):
        sheet.put(mojibake, LEFT, TOP - k * PITCH)
    with pytest.raises(EmptyInputError, match="unreadable"):
        pdf_text(sheet.bytes(), "cid.pdf")


def test_page_count_is_bounded_before_reading() -> None:
    claims = minimal_pdf(
        [PAGE_TREE[0], b"<< /Type /Pages /Kids [3 0 R] /Count 20000 >>", PAGE_TREE[2]]
    )
    with pytest.raises(InputFormatError, match="20000 pages, more than 10000; refused"):
        pdf_text(claims, "huge.pdf")


def test_limits_can_be_lowered(monkeypatch: pytest.MonkeyPatch) -> None:
    data = corpus_pdf(XIANFA)
    monkeypatch.setattr(pdf_module, "MAX_PAGES", 5)
    with pytest.raises(InputFormatError, match="24 pages, more than 5; refused"):
        pdf_text(data, "xianfa.pdf")
    monkeypatch.setattr(pdf_module, "MAX_PAGES", 10_000)
    monkeypatch.setattr(pdf_module, "MAX_CHARS", 5_000)
    with pytest.raises(InputFormatError, match="more than 5000 characters of text; refused"):
        pdf_text(data, "xianfa.pdf")


def test_without_pypdfium2_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pypdfium2", None)
    with pytest.raises(MissingDependencyError, match=r"pip install 'govspeech\[pdf\]'"):
        pdf_text(b"%PDF-1.7\n", "a.pdf")


def _one_stream_pdf(content: bytes) -> bytes:
    """A one-page PDF whose page content is ``content``, FlateDecode-packed."""
    import zlib

    packed = zlib.compress(content, 9)
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream",
    ]
    out, offsets = b"%PDF-1.7\n", []
    for k, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % k + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objs) + 1,
        xref,
    )


def test_a_pdf_bomb_is_refused_before_it_is_inflated():
    """A 50 KB file whose one stream unpacks to 48 MiB of nothing: refused in one line, in far
    less memory than the stream (PDFium would inflate it whole)."""
    data = _one_stream_pdf(b" " * (48 * 1024 * 1024))
    assert len(data) < 100_000
    with pytest.raises(InputFormatError, match="a PDF bomb"):
        pdf_text(data, "bomb.pdf")
