"""`govspeech.views`: its public names, the shared texts of a tree, and the Markdown writer."""

from __future__ import annotations

import doctest
import subprocess
import sys

import pytest

import govspeech
from govspeech import views
from govspeech.nodes import BASIC_INDENT_CHARS, INDENT_CHARS
from govspeech.views import (
    MarkdownWriter,
    escape_inline,
    heading_text,
    paragraph_texts,
    sections,
    subtitle_texts,
)

SPEECH = (
    "关于安全生产的讲话\n"
    "——2024年3月5日\n"
    "同志们：\n"
    "一、统一思想。要提高认识。\n"
    "\u3000\u3000\n"
    "（一）压实责任。\n"
    "谢谢大家！\n"
)


def test_the_examples_in_the_docstrings():
    failures, tried = doctest.testmod(views, verbose=False)
    assert tried >= 10 and failures == 0


@pytest.mark.parametrize("name", views.__all__)
def test_every_public_name_is_documented(name):
    obj = getattr(views, name)
    if name == "MAX_HEADING_LEVEL":
        assert obj == 6
        return
    assert obj.__doc__ and obj.__doc__.strip()
    assert getattr(obj, "__module__", None) == "govspeech.views"


def test_what_is_defined_here_is_public_or_private_by_name():
    defined = {
        name
        for name, obj in vars(views).items()
        if getattr(obj, "__module__", None) == "govspeech.views" and not name.startswith("_")
    }
    assert defined | {"MAX_HEADING_LEVEL"} == set(views.__all__)


def test_import_govspeech_does_not_import_the_views():
    """The views stay out of ``import govspeech``, which they would slow (attrs classes)."""
    code = "import sys, govspeech; print('govspeech.views' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_texts_of_a_document():
    doc = govspeech.parse(SPEECH).documents[0]
    assert list(subtitle_texts(doc)) == ["——2024年3月5日"]
    assert list(paragraph_texts(doc.opening)) == ["同志们："]
    views_ = list(sections(doc))
    assert [heading_text(v.section) for v in views_] == ["一、统一思想。", "（一）压实责任。"]
    # The line of ideographic spaces is blank: no paragraph of its own.
    assert list(paragraph_texts(views_[0].section.body)) == ["要提高认识。"]
    assert list(paragraph_texts(doc.closing)) == ["谢谢大家！"]


def test_the_basic_indentation_is_part_of_the_grammars():
    assert set(BASIC_INDENT_CHARS) < set(INDENT_CHARS)


# --- MarkdownWriter ---------------------------------------------------------------------------


def test_nothing_written_is_nothing():
    assert MarkdownWriter().getvalue() == ""


def test_blocks_are_separated_by_blank_lines_and_escaped():
    md = MarkdownWriter()
    md.heading(1, "关于*重点*工作的讲话")
    md.paragraph("1. 不是列表")
    md.paragraph("、".join(["压实", "责任"]), lead="**关键词**：")
    md.quote("- 引文")
    md.heading(2, "一、统一思想", suffix=" (L3)")
    assert md.getvalue() == (
        "# 关于\\*重点\\*工作的讲话\n\n"
        "1\\. 不是列表\n\n"
        "**关键词**：压实、责任\n\n"
        "> \\- 引文\n\n"
        "## 一、统一思想 (L3)\n"
    )


def test_sections_deeper_than_six_levels_are_nested_list_items():
    md = MarkdownWriter()
    nests = [md.section(level, f"第{level}层") for level in (6, 7, 8, 7, 6)]
    assert nests == [0, 1, 2, 1, 0]
    assert md.getvalue() == "###### 第6层\n\n- 第7层\n  - 第8层\n- 第7层\n\n###### 第6层\n"


def test_items_escape_their_start_and_content_nests_below_them():
    md = MarkdownWriter()
    nest = md.section(7, "1.")  # a marker-only heading would open an ordered list
    md.paragraph("正文。", nest=nest)
    md.quote("引文。", nest=nest, tight=True)  # after a loose paragraph: not tight
    md.item(0, "1.", escape=escape_inline)
    assert md.getvalue() == "- 1\\.\n\n  正文。\n\n  > 引文。\n\n- 1.\n"


def test_tight_lines_follow_a_list_line_only():
    md = MarkdownWriter()
    md.heading(2, "二、标题")
    md.quote("不在列表里。", tight=True)  # nothing to be tight to
    md.item(0, "①项目")
    md.quote("引文。", nest=1, tight=True)
    md.item(0, "②项目")  # still in the list
    md.heading(6, "（2）标题", tight=True)  # right below the list, as summarize writes it
    md.item(0, "③项目")  # a heading ends the list
    assert md.getvalue() == (
        "## 二、标题\n\n"
        "> 不在列表里。\n\n"
        "- ①项目\n"
        "  > 引文。\n"
        "- ②项目\n"
        "###### （2）标题\n\n"
        "- ③项目\n"
    )
