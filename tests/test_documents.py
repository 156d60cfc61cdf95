"""How a file is split into documents, and what a document holds."""

from __future__ import annotations

import govspeech
from govspeech import Blank, Boilerplate, Paragraph, TitleLine


def test_title_lines_split_documents():
    text = ("在全县工作会议上的讲话篇一\n同志们：\n一、甲\n"
            "在全县工作会议上的讲话篇二\n同志们：\n一、乙\n")
    tree = govspeech.parse(text)
    assert [d.title for d in tree.documents] == ["在全县工作会议上的讲话篇一", "在全县工作会议上的讲话篇二"]
    assert [d.line for d in tree.documents] == [1, 4]


def test_title_block_with_subtitle_and_dateline_is_one_document():
    text = ("2024年政府工作报告\n\n政府工作报告\n\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n"
            "\n各位代表：\n一、工作回顾\n")
    tree = govspeech.parse(text)
    (doc,) = tree.documents
    assert doc.title == "2024年政府工作报告"
    subtitles = [x for x in doc.title_lines if isinstance(x, TitleLine) and x.role == "subtitle"]
    assert [s.line for s in subtitles] == [3, 5]
    assert [s.marker for s in doc.sections] == ["一、"]


def test_dash_subtitle_below_a_title_is_not_a_dash_item():
    text = "努力开创高质量发展新局面\n——在全市经济工作会议上的讲话\n同志们：\n一、甲\n"
    doc = govspeech.parse(text).documents[0]
    assert [s.kind for s in doc.iter_sections()] == ["numbered"]


def test_text_before_the_first_title_is_a_preamble():
    text = "本站提供各类范文，欢迎阅读。\n在全县工作会议上的讲话\n一、甲\n"
    tree = govspeech.parse(text)
    assert [(b.line, b.reason) for b in tree.preamble] == [(1, "preamble")]
    assert len(tree.documents) == 1


def test_no_title_one_untitled_document():
    tree = govspeech.parse("同志们：\n一、甲\n二、乙\n")
    (doc,) = tree.documents
    assert doc.title is None and doc.line == 1


def test_speech_run_together_after_a_closing():
    text = ("在全县工作会议上的讲话\n同志们：\n一、甲\n二、乙\n同志们，让我们共同努力。\n"
            "同志们：\n（一）丙。\n（二）丁。\n")
    (doc,) = govspeech.parse(text).documents
    assert [s.marker for s in doc.sections] == ["一、", "二、"]
    assert [x.line for x in doc.closing] == [5]
    (sub,) = doc.subdocuments
    assert sub.line == 6 and sub.title is None
    assert [(s.marker, s.level) for s in sub.sections] == [("（一）", 1), ("（二）", 1)]


def test_address_in_a_report_does_not_split():
    text = "政府工作报告\n各位代表：\n一、回顾\n各位代表！\n二、任务\n各位代表：\n三、建设\n"
    (doc,) = govspeech.parse(text).documents
    assert not doc.subdocuments
    assert [s.marker for s in doc.sections] == ["一、", "二、", "三、"]


def test_opening_paragraph_starts_a_run_together_speech():
    text = ("一是甲。正文。\n二是乙。正文。\n要认真落实。\n"
            "今天的会议非常重要，大家务必高度重视。\n一要严把关口。\n二要加快接种。\n")
    (doc,) = govspeech.parse(text).documents
    (sub,) = doc.subdocuments
    assert sub.line == 4 and [s.level for s in sub.sections] == [1, 1]


def test_web_boilerplate():
    text = ("在全县工作会议上的讲话\n下面是众鑫文档网小编给大家带来的讲话稿，希望大家喜欢。\n同志们：\n"
            "一、甲\n;\n【本文地址:http://www.example.com/1.html】\n")
    (doc,) = govspeech.parse(text).documents
    assert [(b.line, b.reason) for b in doc.boilerplate] == [(2, "web"), (5, "web"), (6, "web")]
    assert all(not isinstance(x, Boilerplate) or "小编" not in doc.sections[0].title
               for x in doc.iter_leaves())


def test_licence_trailer_is_boilerplate():
    text = "政府工作报告\n一、回顾\n本作品是中华人民共和国的\n法律\n1.\n、\n"
    (doc,) = govspeech.parse(text).documents
    assert [s.marker for s in doc.iter_sections()] == ["一、"]
    assert [b.reason for b in doc.boilerplate] == ["licence"] * 4


def test_opening_and_closing():
    text = ("在会议上的讲话\n同志们：\n大家早上好！\n今天召开会议，主要任务是部署工作。\n一、甲\n正文。\n"
            "同志们，让我们共同努力。\n谢谢大家！\n")
    (doc,) = govspeech.parse(text).documents
    roles = [x.role for x in doc.opening if isinstance(x, Paragraph)]
    assert roles == ["salutation", "salutation", "opening"]
    assert [x.line for x in doc.closing] == [7, 8]
    assert [p.line for p in doc.sections[0].paragraphs] == [6]


def test_empty_and_blank_text():
    assert govspeech.parse("").documents == ()
    tree = govspeech.parse("\n  \n\u3000\n")
    assert tree.documents == () and all(isinstance(x, Blank) for x in tree.preamble)
    assert tree.text == "\n  \n\u3000\n"
