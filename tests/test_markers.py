"""Each marker family and each quirk of real text, on small texts written for the purpose."""

from __future__ import annotations

import pytest

import govspeech


def outline(text: str) -> list[tuple[int, str, str, int | None, str]]:
    """(level, style, marker, number, title) of every section of the first document."""
    doc = govspeech.parse(text).documents[0]
    return [(s.level, s.style, s.marker, s.number, s.title) for s in doc.iter_sections()]


@pytest.mark.parametrize(
    ("line", "style", "marker", "number"),
    [
        ("一、总体要求", "cn_num", "一、", 1),
        ("十二、总体要求", "cn_num", "十二、", 12),
        ("一．总体要求", "cn_num", "一．", 1),
        ("一. 总体要求", "cn_num", "一.", 1),
        ("（一）总体要求", "cn_paren", "（一）", 1),
        ("(一)总体要求", "cn_paren", "(一)", 1),
        ("（一)总体要求", "cn_paren", "（一)", 1),
        ("(十一）总体要求", "cn_paren", "(十一）", 11),
        ("（一）、总体要求", "cn_paren", "（一）、", 1),
        ("1．总体要求", "ar_dot", "1．", 1),
        ("1.总体要求", "ar_dot", "1.", 1),
        ("1、总体要求", "ar_dot", "1、", 1),
        ("23.总体要求", "ar_dot", "23.", 23),
        ("１２．总体要求", "ar_dot", "１２．", 12),
        ("（1）总体要求", "ar_paren", "（1）", 1),
        ("(2)总体要求", "ar_paren", "(2)", 2),
        ("3)总体要求", "ar_half_paren", "3)", 3),
        ("①总体要求", "circled", "①", 1),
        ("⑫总体要求", "circled", "⑫", 12),
        ("⑴总体要求", "paren_digit", "⑴", 1),
        ("第一部分 总体要求", "part", "第一部分 ", 1),
        ("第三章 总体要求", "chapter", "第三章 ", 3),
        ("第二节 总体要求", "section", "第二节 ", 2),
        ("一是总体要求。", "enum_shi", "一是", 1),
        ("三要总体要求。", "enum_yao", "三要", 3),
        ("第一，总体要求。", "ordinal", "第一，", 1),
        ("第二、总体要求。", "ordinal", "第二、", 2),
        ("首先，总体要求。", "sequence", "首先，", 1),
        ("其次，总体要求。", "sequence", "其次，", 2),
        ("最后，总体要求。", "sequence", "最后，", None),
        ("——总体要求。", "dash", "——", None),
        ("———总体要求。", "dash", "———", None),
    ],
)
def test_marker_family(line, style, marker, number):
    sec = govspeech.parse(line + "\n").documents[0].sections[0]
    assert (sec.style, sec.marker, sec.number) == (style, marker, number)
    assert sec.title.startswith("总体要求")


def test_heading_sentence_and_body_on_one_line():
    text = "（一）统一思想认识，提高政治站位。此次教育整顿，是党中央作出的重要决策部署。\n"
    sec = govspeech.parse(text).documents[0].sections[0]
    assert sec.title == "统一思想认识，提高政治站位。"
    assert text[sec.title_start:sec.title_end] == sec.title
    assert sec.paragraphs[0].text == "此次教育整顿，是党中央作出的重要决策部署。\n"
    assert sec.paragraphs[0].column == len("（一）统一思想认识，提高政治站位。") + 1


def test_marker_only_line_takes_the_next_line():
    text = "一、总体要求\n\u3000\u3000\n一是\n发行长期国债。重点投向水利、交通。\n二是\n扩大消费。\n"
    doc = govspeech.parse(text).documents[0]
    one, two = doc.sections[0].children
    assert (one.marker, one.title, one.title_line, one.line) == ("一是", "发行长期国债。", 4, 3)
    assert (two.title, two.title_line) == ("扩大消费。", 6)
    assert text[one.title_start:one.title_end] == "发行长期国债。"


def test_skipped_level_nests_directly():
    assert outline("一、形势\n1.上级有要求。\n2.我们有基础。\n二、任务\n1.补短板。\n") == [
        (1, "cn_num", "一、", 1, "形势"),
        (2, "ar_dot", "1.", 1, "上级有要求。"),
        (2, "ar_dot", "2.", 2, "我们有基础。"),
        (1, "cn_num", "二、", 2, "任务"),
        (2, "ar_dot", "1.", 1, "补短板。"),
    ]


def test_lost_parents_start_at_level_one():
    levels = [x[0] for x in outline("（一）联防联控。\n（二）重点场所。\n1.医院。\n（三）能力提升。\n")]
    assert levels == [1, 1, 2, 1]


def test_lost_parent_comes_back():
    # （一）（二） under a 一、 lost in scraping, then 二、: 二、 goes back up to the top.
    levels = [x[0] for x in outline("（一）甲。\n（二）乙。\n二、丙\n（一）丁。\n")]
    assert levels == [1, 1, 1, 2]


def test_family_order_is_the_documents_own():
    # 1981 report: （一）（二） above 一、 … 十、
    out = outline("（一）当前形势\n（二）方针\n一、农业\n二、工业\n（三）前景\n")
    assert [x[0] for x in out] == [1, 1, 2, 2, 1]


def test_nested_restart_inside_a_section():
    # 四、 holds its own list 一、二、三、 and the outer run goes on with 五、
    text = "三、能源\n四、技术改造\n一、节约能源；\n二、改革产品结构；\n三、综合利用。\n五、企业整顿\n"
    assert [(x[0], x[2]) for x in outline(text)] == [
        (1, "三、"), (1, "四、"), (2, "一、"), (2, "二、"), (2, "三、"), (1, "五、")]


def test_restart_without_continuation_is_a_sibling():
    text = "（一）甲。\n（二）乙。\n同志们要注意。\n（一）丙。\n（二）丁。\n"
    assert [x[0] for x in outline(text)] == [1, 1, 1, 1]


def test_enumerations_and_dashes_sit_below_the_open_heading():
    text = "一、成绩\n一是责任落实。正文。\n二是基础夯实。正文。\n二、问题\n——要清醒认识。正文。\n"
    assert [(x[0], x[1]) for x in outline(text)] == [
        (1, "cn_num"), (2, "enum_shi"), (2, "enum_shi"), (1, "cn_num"), (2, "dash")]


def test_numbered_heading_after_paragraph_enumeration_is_not_nested_in_it():
    text = "一、成绩\n一是责任落实。正文。\n1.具体做法。\n"
    assert [x[0] for x in outline(text)] == [1, 2, 2]


def test_standalone_ordinal_heading_holds_numbered_children():
    # 1978 report: 第一，全国动员，大办农业 / （一）… / 第二，…
    text = "三、经济建设\n第一，大办农业\n（一）抓好两头。正文。\n（二）提高产量。正文。\n第二，发展工业\n"
    assert [(x[0], x[2]) for x in outline(text)] == [
        (1, "三、"), (2, "第一，"), (3, "（一）"), (3, "（二）"), (2, "第二，")]


def test_enumeration_as_the_only_markers():
    text = "同志们：\n一是思想认识必须到位。正文。\n二是部署必须到位。正文。\n"
    assert [(x[0], x[3]) for x in outline(text)] == [(1, 1), (1, 2)]


def test_numbering_errors_are_kept_as_written():
    text = "一是核酸检测。\n二是院内管理。\n二是物资储备。\n四是队伍建设。\n"
    assert [(x[0], x[3]) for x in outline(text)] == [(1, 1), (1, 2), (1, 2), (1, 4)]


def test_inline_enumeration_items():
    text = "全力抓好两件事。一是要严把准入关。目前共有经营者10家。二是要把好检查关。\n"
    tree = govspeech.parse(text)
    para = tree.documents[0].opening[0]
    assert [(i.marker, i.number, i.column) for i in para.items] == [("一是", 1, 9), ("二是", 2, 29)]
    assert para.items[0].text == "一是要严把准入关。目前共有经营者10家。"
    for item in para.items:
        assert text[item.start:item.end] == item.text


def test_mixed_width_brackets_in_one_document():
    text = "（一)甲。\n(二）乙。\n（三）丙。\n"
    assert [(x[0], x[3]) for x in outline(text)] == [(1, 1), (1, 2), (1, 3)]


def test_numbers_past_ten():
    text = "十、甲\n十一、乙\n（十二）丙。\n23.丁。\n"
    assert [x[3] for x in outline(text)] == [10, 11, 12, 23]


def test_traditional_characters():
    text = ("一九五六年國務院政府工作報告\n各位代表：\n一、一九五五年國家決算的執行情況\n"
            "（一）收入方面。國營企業繳款超額完成。\n（二）支出方面。\n二、一九五六年國家預算\n")
    tree = govspeech.parse(text)
    doc = tree.documents[0]
    assert doc.title == "一九五六年國務院政府工作報告"
    assert [(s.level, s.marker) for s in doc.iter_sections()] == [
        (1, "一、"), (2, "（一）"), (2, "（二）"), (1, "二、")]
    assert doc.sections[0].title == "一九五五年國家決算的執行情況"


def test_indented_report_paragraphs():
    text = "一、工作回顾\n\n\u3000\u3000过去一年，经济平稳。\n\u3000\u3000一是稳增长。正文。\n"
    doc = govspeech.parse(text).documents[0]
    enum = doc.sections[0].children[0]
    assert (enum.marker, enum.column, enum.level) == ("一是", 3, 2)


def test_trailing_space_after_a_heading_is_not_body():
    text = "一、总体要求\u3000 \n（一）提高站位。 \t\n"
    doc = govspeech.parse(text).documents[0]
    first, second = doc.iter_sections()
    assert (first.title, first.body) == ("总体要求", ())
    assert (second.title, second.body) == ("提高站位。", ())
    assert first.heading.text == "一、总体要求\u3000 \n"


INLINE_DECOYS = ["一是否", "三要素", "一要求", "一要点", "三要件", "第一时间", "第一个", "第三项", "首先要", "最后的"]
INLINE_ITEMS = [("一是", "enum_shi", 1), ("二要", "enum_yao", 2), ("第三，", "ordinal", 3),
                ("第四、", "ordinal", 4), ("首先，", "sequence", 1), ("最后，", "sequence", None)]  # fmt: skip


@pytest.mark.parametrize("decoy", INLINE_DECOYS)
def test_inline_decoys_are_body_text(decoy):
    """Inside a paragraph as at a line's start, these words are no enumeration."""
    text = f"一、总体要求\n会议强调，{decoy}完善制度，抓好落实。\n"
    (para,) = govspeech.parse(text).documents[0].sections[0].paragraphs
    assert para.items == ()


@pytest.mark.parametrize(("marker", "style", "number"), INLINE_ITEMS)
def test_inline_items_of_every_family(marker, style, number):
    text = f"一、总体要求\n会议强调两点。{marker}完善制度，抓好落实。\n"
    (para,) = govspeech.parse(text).documents[0].sections[0].paragraphs
    (item,) = para.items
    assert (item.marker, item.style, item.number) == (marker, style, number)
    assert text[item.start : item.end] == f"{marker}完善制度，抓好落实。"
