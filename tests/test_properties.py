"""Property tests: for any text, parsing does not raise and the tree gives the text back."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import govspeech

# Pieces real texts are made of, so that random texts hit markers, titles and decoys often.
PIECES = [
    "一、", "（一）", "(二)", "1.", "2．", "3、", "（1）", "1)", "①", "⑴", "第一部分", "第二章",
    "一是", "二要", "第一，", "首先，", "最后，", "——", "同志们：", "各位代表！", "谢谢大家！",
    "在全县工作会议上的讲话", "政府工作报告", "下面是小编整理的", "【本文地址:x】", "本作品是中华人民共和国的",
    "今天召开会议", "2.2万", "第一时间", "。", "，", "！", "？", "；", "\u3000", " ", "\t",
    "\n", "\r\n", "\r", "\u2028", "\x0c", "\x85", "\ufeff", "\u200b", "统一思想", "提高站位", "x",
]

texts = st.one_of(
    st.text(),
    st.lists(st.sampled_from(PIECES), max_size=60).map("".join),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=5)), max_size=40).map("".join),
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_parse_never_raises_and_is_lossless(text):
    tree = govspeech.parse(text)
    assert tree.text == text
    pos = 0
    for leaf in tree.iter_leaves():
        assert leaf.start == pos and text[leaf.start:leaf.end] == leaf.text
        pos = leaf.end
    for doc in tree.iter_documents():
        for sec in doc.iter_sections():
            assert sec.level >= 1
            assert all(c.level == sec.level + 1 for c in sec.children)
            for para in sec.paragraphs:
                for item in para.items:
                    assert text[item.start:item.end] == item.text


def test_hostile_inputs():
    for text in ["\x00\x01\x02", "一、" * 5000, "（" * 10000, "\n" * 10000, "2." * 3000,
                 "同志们：\n" * 500, "一" * 100000 + "、"]:
        assert govspeech.parse(text).text == text


def test_huge_line():
    text = ("一是统一思想，提高站位" * 200000) + "\n"  # one 2.2-million-character line
    tree = govspeech.parse(text)
    assert tree.text == text
