"""``export --format docx`` of a 公文: its parts laid out as GB/T 9704-2012 clause 7 places them.

Each test reads the Word file back (python-docx and its lxml tree) and checks the layout the
XML says: alignment, indents, fonts and colours resolved through the styles the way Word does
(`Styles` of test_export_docx), borders, tab stops, page breaks and the 版记 table. The texts
are the example of tests/cases/documents-gongwen-parts.txt (copied here, so that an edit of the
case file does not move these tests) and real files of the shared corpus (skipped when it is
absent, as in test_regulations).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest

import govspeech
from govspeech.cli import main
from govspeech.nodes import Element

from .test_export_docx import FANGSONG, HEITI, KAITI, XIAOBIAOSONG, Styles, style_id
from .test_regulations import GONGWEN, corpus_file

docx = pytest.importorskip("docx")

from docx.oxml.ns import qn  # noqa: E402
from docx.text.paragraph import Paragraph as WordParagraph  # noqa: E402

# The first case of tests/cases/documents-gongwen-parts.txt: every part of a 公文.
NOTICE = """\
000123
机密★1年
特急
上海市人民政府文件
沪府发〔2024〕12号

上海市人民政府关于做好2024年防汛防台工作的通知

各区人民政府，市政府各委、办、局：
现将有关事项通知如下。
一、压实责任
各区要落实属地责任。
二、强化保障
各部门要加强协同。

附件：1．上海市防汛防台责任人名单
　　　2．上海市防汛物资储备清单

上海市人民政府
2024年5月6日
（此件公开发布）

抄送：市委各部门，市人大常委会办公厅，市政协办公厅。
上海市人民政府办公厅　　2024年5月7日印发
"""

# The second case: a 请示 names its 签发人 on the 发文字号 line.
UPWARD = """\
嘉定区人民政府文件
嘉府〔2024〕7号　　签发人：张三

嘉定区人民政府关于申请设立城市更新专项资金的请示

上海市人民政府：
为推进城市更新，拟设立专项资金。妥否，请批示。

嘉定区人民政府
2024年3月1日
"""

# A notice and its printed attachment, 附件1 above the attachment's title.
WITH_ATTACHMENT = """\
关于印发检查表的通知

各单位：
现将检查表印发给你们。

附件：检查表

上海市某某局
2024年5月6日

附件1

检查表

一、检查内容
消防设施。
"""

# A 发文机关标志 of 19 characters: too long for one line at 26 pt.
LONG_MARK = """\
上海市嘉定区住房和城乡建设管理委员会文件
嘉建委〔2024〕3号

关于做好2024年防汛工作的通知

各镇：
现将有关事项通知如下。
"""

SPEECH = """\
在全县安全生产工作会议上的讲话
同志们：
一、统一思想
要提高认识。
谢谢大家！
"""

LINE = 579  # the line pitch, twips
EM = 320  # one 3号 character, twips
TYPE_WIDTH = 8845
CONDENSE = 5  # twips a character, in the document defaults
PART_STYLES = {
    "GSMasthead",
    "GSIssuerMark",
    "GSDocumentNumber",
    "GSAddressees",
    "GSAttachments",
    "GSSignature",
    "GSDate",
    "GSAnnotation",
    "GSImprint",
}
_SPACE = re.compile(r"[\s\u3000]+")


# --- helpers --------------------------------------------------------------------------------


class Word:
    """A Word file read back: its paragraphs in body order, those in table cells included."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.doc = docx.Document(str(path))
        self.styles = Styles(self.doc)
        body = self.doc.element.body
        self.paragraphs = [WordParagraph(p, self.doc._body) for p in body.iter(qn("w:p"))]

    def styled(self, style: str) -> list[Any]:
        return [p for p in self.paragraphs if style_id(p) == style]

    def one(self, style: str) -> Any:
        (para,) = self.styled(style)
        return para

    def with_text(self, text: str) -> Any:
        (para,) = [p for p in self.paragraphs if p.text == text]
        return para

    def ind(self, para: Any, attr: str) -> int:
        """A ``w:ind`` attribute (twips) through the style chain, 0 where unset."""
        value = self.styles.para_prop(para, lambda ppr: _attr(ppr, "w:ind", attr))
        return int(value or 0)

    def line_start(self, para: Any) -> int:
        """Where the paragraph's first line starts, twips from the type area's left edge."""
        return (
            self.ind(para, "w:left") - self.ind(para, "w:hanging") + self.ind(para, "w:firstLine")
        )


def _attr(parent: Any, tag: str, attr: str) -> str | None:
    child = parent.find(qn(tag))
    return child.get(qn(attr)) if child is not None else None


def advance(text: str, half_points: int = 32) -> int:
    """The width ``text`` sets in (twips), as Word sets the condensed characters."""
    em = half_points * 10
    return sum(
        (em if unicodedata.east_asian_width(c) in "WFA" else em // 2) - CONDENSE for c in text
    )


def bare(text: str) -> str:
    return _SPACE.sub("", text)


def write(tmp: Path, name: str, text: str | None = None, *, source: Path | None = None) -> Word:
    path = source if source is not None else tmp / f"{name}.txt"
    if source is None:
        assert text is not None
        path.write_text(text, encoding="utf-8")
    out = tmp / f"{name}.docx"
    assert main(["export", str(path), "-f", "docx", "-o", str(out)]) == 0
    return Word(out)


@pytest.fixture(scope="module")
def tmp(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("gongwen")


@pytest.fixture(scope="module")
def notice(tmp: Path) -> Word:
    return write(tmp, "notice", NOTICE)


@pytest.fixture(scope="module")
def upward(tmp: Path) -> Word:
    return write(tmp, "upward", UPWARD)


# --- 版头 -------------------------------------------------------------------------------------


def test_copy_number_secrecy_urgency_flush_left_in_heiti(notice):
    lines = notice.styled("GSMasthead")
    assert [p.text for p in lines] == ["000123", "机密★1年", "特急"]
    assert notice.paragraphs[:3] == lines  # at the top, before the 发文机关标志
    for para in lines:
        assert notice.styles.align(para) == "left"
        assert notice.line_start(para) == 0 and notice.ind(para, "w:left") == 0  # 顶格
        for run in para.runs:
            assert notice.styles.east_asia(para, run) == HEITI
            assert notice.styles.size(para, run) == 32  # 3号


def test_issuer_mark_red_xiaobiaosong_centred_35mm_down(notice):
    mark = notice.one("GSIssuerMark")
    assert mark.text == "上海市人民政府文件"
    assert notice.styles.align(mark) == "center" and notice.line_start(mark) == 0
    (run,) = mark.runs
    assert notice.styles.east_asia(mark, run) == XIAOBIAOSONG
    color = notice.styles.run_prop(mark, run, lambda rpr: _attr(rpr, "w:color", "w:val"))
    assert color in ("FF0000", "C00000")
    assert 44 <= notice.styles.size(mark, run) <= 52  # 22–26 pt
    # Its top 35 mm (1984 twips) below the type area's top, under the three lines above it.
    assert mark.paragraph_format.space_before.twips + 3 * LINE == 1984


def test_document_number_centred_over_the_red_rule(notice):
    number = notice.one("GSDocumentNumber")
    assert number.text == "沪府发〔2024〕12号"
    assert notice.styles.align(number) == "center" and notice.line_start(number) == 0
    assert number.paragraph_format.space_before.twips == 2 * LINE  # 发文机关标志下空二行
    bottom = number._p.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:bottom')}")
    assert bottom is not None, "no rule under the 发文字号"
    assert bottom.get(qn("w:val")) == "single"
    assert bottom.get(qn("w:color")) in ("FF0000", "C00000")
    assert int(bottom.get(qn("w:sz"))) >= 8
    assert 10 <= int(bottom.get(qn("w:space"))) <= 12  # 4 mm = 11.3 pt below the text
    # A full-width rule: the paragraph is not indented on either side.
    assert notice.ind(number, "w:left") == notice.ind(number, "w:right") == 0
    # The title comes next, two lines below the rule, and nothing else is ruled.
    k = notice.paragraphs.index(number)
    assert style_id(notice.paragraphs[k + 1]) == "GSTitle"
    assert number.paragraph_format.space_after.twips == 2 * LINE
    ruled = [p for p in notice.paragraphs if p._p.find(f"{qn('w:pPr')}/{qn('w:pBdr')}") is not None]
    assert ruled == [number]


def test_signer_on_the_number_line_right_aligned(upward):
    (line,) = upward.styled("GSDocumentNumber")
    assert line.text == "\t嘉府〔2024〕7号\t签发人：张三"
    tabs = line._p.findall(f"{qn('w:pPr')}/{qn('w:tabs')}/{qn('w:tab')}")
    assert [(t.get(qn("w:val")), int(t.get(qn("w:pos")))) for t in tabs] == [
        ("left", EM),  # 发文字号 居左空一字
        ("right", TYPE_WIDTH - EM),  # 签发人 居右空一字
    ]
    assert upward.ind(line, "w:left") == upward.ind(line, "w:right") == 0  # the rule stays wide
    name = line.runs[-1]
    assert name.text == "张三" and upward.styles.east_asia(line, name) == KAITI
    assert line._p.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:bottom')}") is not None
    # An upward document's 发文机关标志 80 mm (4535 twips) down, nothing above it.
    assert upward.one("GSIssuerMark").paragraph_format.space_before.twips == 4535


def test_long_issuer_mark_made_smaller_to_fit_one_line(tmp):
    word = write(tmp, "long-mark", LONG_MARK)
    mark = word.one("GSIssuerMark")
    (run,) = mark.runs
    size = word.styles.size(mark, run)
    assert 44 <= size < 52
    assert advance(mark.text, size) <= TYPE_WIDTH < advance(mark.text, size + 2)


# --- body parts -------------------------------------------------------------------------------


def test_title_centred_and_addressees_flush_left(notice):
    title = notice.one("GSTitle")
    assert notice.styles.align(title) == "center"
    addressees = notice.one("GSAddressees")
    assert addressees.text == "各区人民政府，市政府各委、办、局："
    assert notice.line_start(addressees) == 0 and notice.ind(addressees, "w:left") == 0  # 顶格
    for run in addressees.runs:
        assert notice.styles.east_asia(addressees, run) == FANGSONG
        assert notice.styles.size(addressees, run) == 32
    k = notice.paragraphs.index(addressees)
    assert notice.paragraphs[k - 1] is not None and style_id(notice.paragraphs[k - 1]) == "GSTitle"
    assert title.paragraph_format.space_after.twips == LINE  # 标题下空一行


def test_attachment_names_line_up(notice):
    first, second = notice.styled("GSAttachments")
    assert first.text == "附件：1．上海市防汛防台责任人名单"
    assert second.text == "2．上海市防汛物资储备清单"  # the source's indent is not kept as text
    assert notice.line_start(first) == 2 * EM  # 附件： 左空二字
    # 2． starts where 1． does, after 附件：
    assert notice.line_start(second) == 2 * EM + advance("附件：")
    # every name starts at the same place: the left indent, which wrapped lines keep
    assert notice.ind(first, "w:left") == notice.ind(second, "w:left")
    assert notice.ind(first, "w:left") == 2 * EM + advance("附件：1．")
    # the character values Word shows agree with the twips
    for para in (first, second):
        for unit in ("left", "hanging"):
            chars = notice.ind(para, f"w:{unit}Chars")
            assert abs(chars * EM / 100 - notice.ind(para, f"w:{unit}")) <= EM / 100
    assert first.paragraph_format.space_before.twips == LINE  # 正文下空一行


def test_signature_and_date_on_the_right(notice):
    issuer, date = notice.one("GSSignature"), notice.one("GSDate")
    assert (issuer.text, date.text) == ("上海市人民政府", "2024年5月6日")
    assert notice.paragraphs.index(date) == notice.paragraphs.index(issuer) + 1
    for para in (issuer, date):
        assert notice.styles.align(para) == "right"
        assert notice.line_start(para) == 0
    assert notice.ind(date, "w:right") == 4 * EM  # 成文日期 右空四字
    # the 署名 centred above the date: the middles of the two lines meet
    issuer_middle = notice.ind(issuer, "w:right") + advance(issuer.text) / 2
    date_middle = notice.ind(date, "w:right") + advance(date.text) / 2
    assert abs(issuer_middle - date_middle) <= 1
    assert issuer.paragraph_format.space_before.twips == 2 * LINE  # room for the seal


def test_annotation_indented_two_characters_in_its_brackets(notice):
    annotation = notice.one("GSAnnotation")
    assert annotation.text == "（此件公开发布）"
    assert notice.styles.first_line(annotation) == (200, 640)
    assert notice.paragraphs.index(annotation) == notice.paragraphs.index(notice.one("GSDate")) + 1


# --- 版记 -------------------------------------------------------------------------------------


def test_imprint_in_a_ruled_table_at_the_foot_of_the_page(notice):
    (table,) = notice.doc.element.body.findall(qn("w:tbl"))
    tbl_pr = table.find(qn("w:tblPr"))
    # floats at the bottom of the type area
    position = tbl_pr.find(qn("w:tblpPr"))
    assert position.get(qn("w:vertAnchor")) == "margin"
    assert position.get(qn("w:tblpYSpec")) == "bottom"
    assert int(position.get(qn("w:tblpX"))) == notice.doc.sections[0].left_margin.twips
    assert int(tbl_pr.find(qn("w:tblW")).get(qn("w:w"))) == TYPE_WIDTH  # 与版心等宽
    borders = {b.tag.split("}")[1]: b for b in tbl_pr.find(qn("w:tblBorders"))}
    assert borders["left"].get(qn("w:val")) == borders["right"].get(qn("w:val")) == "nil"
    top, bottom, inside = (int(borders[k].get(qn("w:sz"))) for k in ("top", "bottom", "insideH"))
    assert top == bottom > inside > 0  # first and last rules thick, the one between thin
    assert top * 0.125 * 25.4 / 72 == pytest.approx(0.35, abs=0.05)  # mm
    assert inside * 0.125 * 25.4 / 72 == pytest.approx(0.25, abs=0.05)
    rows = table.findall(qn("w:tr"))
    assert len(rows) == 2  # 抄送, then 印发: the thin rule between them
    cc, printing = notice.styled("GSImprint")[:2]
    assert (
        cc._p.getparent().getparent() is rows[0] and printing._p.getparent().getparent() is rows[1]
    )
    for para in (cc, printing):
        for run in para.runs:
            assert notice.styles.east_asia(para, run) == FANGSONG
            assert notice.styles.size(para, run) == 28  # 4号
    # 抄送 左右各空一字, its wrapped lines under the first name after the colon
    assert cc.text == "抄送：市委各部门，市人大常委会办公厅，市政协办公厅。"
    assert notice.line_start(cc) == 280 and notice.ind(cc, "w:right") == 280
    assert notice.ind(cc, "w:left") == 280 + advance("抄送：", 28)
    # 印发: the organ on the left, the date on the right at a right tab stop one character in
    assert printing.text == "上海市人民政府办公厅\t2024年5月7日印发"
    (tab,) = printing._p.findall(f"{qn('w:pPr')}/{qn('w:tabs')}/{qn('w:tab')}")
    assert tab.get(qn("w:val")) == "right" and int(tab.get(qn("w:pos"))) == TYPE_WIDTH - 280
    assert notice.line_start(printing) == 280
    # the table is the document's end, followed by the paragraph it is anchored to
    after = table.getnext()
    assert after.tag == qn("w:p") and after.getnext().tag == qn("w:sectPr")
    assert WordParagraph(after, notice.doc._body).text == ""


# --- the whole text ---------------------------------------------------------------------------


def assert_every_element_once_in_order(word: Word, tree: Any) -> None:
    """The paragraphs in the parts' styles hold exactly the elements' text, in source order."""
    elements = [x for doc in tree.iter_documents() for x in doc.elements]
    assert elements
    expected = "".join(bare(x.content) for x in elements)
    got = "".join(bare(p.text) for p in word.paragraphs if style_id(p) in PART_STYLES)
    assert got == expected
    # and no element's text is left in a body paragraph as well
    body = [bare(p.text) for p in word.paragraphs if style_id(p) not in PART_STYLES]
    for x in elements:
        assert bare(x.content) not in body, x


def test_every_element_once_in_order(notice, upward):
    assert_every_element_once_in_order(notice, govspeech.parse(NOTICE))
    assert_every_element_once_in_order(upward, govspeech.parse(UPWARD))


@pytest.mark.skipif(not GONGWEN.is_dir(), reason="shared corpus gongwen/ not present")
@pytest.mark.parametrize(
    "name",
    [
        "tongbao_shanghai_jiaowei_shixin_mingdan.txt",
        "tonggao_shanghai_ranqi_zhudongche.txt",
        "tongzhi_shanghai_jiading_pizhuan_xialijiao.txt",
    ],
)
def test_corpus_elements_once_in_order(tmp, name):
    path = corpus_file(name)
    word = write(tmp, name.removesuffix(".txt"), source=path)
    assert_every_element_once_in_order(word, govspeech.parse_file(path))


@pytest.mark.skipif(not GONGWEN.is_dir(), reason="shared corpus gongwen/ not present")
def test_corpus_wrapped_attachment_names_joined_under_the_name(tmp):
    # Lines 40–47: each name broken in two by the source (…名单（法 / 人类）).
    path = corpus_file("tongbao_shanghai_jiaowei_shixin_mingdan.txt")
    word = write(tmp, "tongbao", source=path)
    first, second = word.styled("GSAttachments")
    assert first.text == "附件：1．上海市道路运输市场严重失信主体名单（法人类）"
    assert second.text == "2．上海市道路运输市场严重失信主体名单（行业从业人员）"
    assert word.line_start(first) == 2 * EM
    assert word.line_start(second) == 2 * EM + advance("附件：")
    assert word.ind(first, "w:left") == word.ind(second, "w:left") == 2 * EM + advance("附件：1．")
    assert word.one("GSAddressees").text.startswith("各区交通行政管理部门")
    assert word.styles.align(word.one("GSSignature")) == "right"
    assert word.one("GSDate").text == "2025年11月3日"


@pytest.mark.skipif(not GONGWEN.is_dir(), reason="shared corpus gongwen/ not present")
def test_corpus_date_broken_over_lines_is_one_paragraph(tmp):
    # The 成文日期 of the 批转 notice comes as 2014 / 年6 / 月28 / 日 on four lines.
    path = corpus_file("tongzhi_shanghai_jiading_pizhuan_xialijiao.txt")
    word = write(tmp, "jiading", source=path)
    assert [p.text for p in word.styled("GSDate")] == ["2014年6月28日"]


# --- attachments ------------------------------------------------------------------------------


def assert_attachment_on_a_new_page(word: Word, label: str, title: str) -> None:
    para = word.one("GSAttachmentLabel")
    assert para.text == label
    assert para.paragraph_format.page_break_before is True
    assert word.styles.align(para) == "left" and word.line_start(para) == 0  # 顶格
    for run in para.runs:
        assert word.styles.east_asia(para, run) == HEITI
        assert word.styles.size(para, run) == 32
    k = word.paragraphs.index(para)
    after = word.paragraphs[k + 1]
    assert style_id(after) == "GSTitle" and after.text == title
    assert para.paragraph_format.space_after.twips == LINE  # the title on the third line
    # the notice ends before it: its 署名 and date on the earlier page
    assert word.paragraphs.index(word.one("GSDate")) < k


def test_attachment_starts_on_a_new_page(tmp):
    word = write(tmp, "attachment", WITH_ATTACHMENT)
    assert_attachment_on_a_new_page(word, "附件1", "检查表")


@pytest.mark.skipif(not GONGWEN.is_dir(), reason="shared corpus gongwen/ not present")
def test_corpus_attachment_starts_on_a_new_page(tmp):
    path = corpus_file("tonggao_shanghai_ranqi_zhudongche.txt")
    word = write(tmp, "ranqi", source=path)
    assert_attachment_on_a_new_page(word, "附件", "燃气助动车集中回收点一览表")
    (attachments,) = word.styled("GSAttachments")
    assert attachments.text == "附件：燃气助动车集中回收点一览表"
    assert word.line_start(attachments) == 2 * EM
    assert word.ind(attachments, "w:left") == 2 * EM + advance("附件：")


# --- speeches ---------------------------------------------------------------------------------


def test_speech_without_parts_gets_no_gongwen_styles(tmp):
    word = write(tmp, "speech", SPEECH)
    ids = set(word.styles.by_id)
    assert not ids & (PART_STYLES | {"GSAttachmentLabel"})
    assert {"GSTitle", "GSBody", "GSSalutation", "GSClosing"} <= ids
    assert word.doc.element.body.find(qn("w:tbl")) is None
    assert [style_id(p) for p in word.paragraphs] == [
        "GSTitle",
        "GSSalutation",
        "GSHeading1",
        "GSBody",
        "GSClosing",
    ]
    assert not any(isinstance(x, Element) for x in govspeech.parse(SPEECH).iter_leaves())
