"""The tree itself: positions, immutability, pickling, plain-data view, deep nesting."""

from __future__ import annotations

import json
import pickle

import attrs
import pytest

import govspeech
from govspeech import Heading, Paragraph

from .conftest import CORPUS_FILE


def test_every_leaf_knows_its_place(corpus_tree):
    text = CORPUS_FILE.read_text("utf-8")
    line_starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            line_starts.append(i + 1)
    pos = 0
    for leaf in corpus_tree.iter_leaves():
        assert leaf.start == pos, leaf
        assert text[leaf.start:leaf.end] == leaf.text
        assert line_starts[leaf.line - 1] + leaf.column - 1 == leaf.start
        pos = leaf.end
    assert pos == len(text)


def test_section_spans_and_titles(corpus_tree):
    text = CORPUS_FILE.read_text("utf-8")
    for doc in corpus_tree.iter_documents():
        assert doc.start <= doc.end
        for sec in doc.iter_sections():
            assert text[sec.title_start:sec.title_end] == sec.title
            assert text[sec.heading.marker_start:sec.heading.marker_end] == sec.marker
            assert sec.start == sec.heading.start and sec.end >= sec.heading.end
            for child in sec.children:
                assert sec.start < child.start and child.end <= sec.end
                assert child.level == sec.level + 1


def test_nodes_are_frozen(corpus_tree):
    sec = corpus_tree.documents[0].sections[0]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        sec.level = 3  # type: ignore[misc]
    changed = attrs.evolve(sec, level=3)
    assert changed.level == 3 and sec.level == 1


def test_pickle_round_trip(corpus_tree):
    again = pickle.loads(pickle.dumps(corpus_tree))
    assert again == corpus_tree
    assert again.text == corpus_tree.text


def test_to_dict_is_json_ready(corpus_tree):
    data = corpus_tree.to_dict()
    again = json.loads(json.dumps(data, ensure_ascii=False))
    assert again["schema"] == "govspeech/2"
    assert len(again["documents"]) == 13
    doc = again["documents"][4]
    sec = doc["sections"][1]
    assert (sec["kind"], sec["marker"], sec["number"], sec["level"], sec["line"]) == (
        "numbered", "二、", 2, 1, 82)
    assert sec["children"][0]["children"][0]["title"] == "第一张防护网:进入xx的人、物排查。"
    assert again["documents"][0]["line"] == 2


def test_heading_parts():
    tree = govspeech.parse("\u3000\u3000（二）精准把握要求。认真落实任务。\n")
    sec = tree.documents[0].sections[0]
    head = sec.heading
    assert isinstance(head, Heading)
    assert (head.marker, head.title, sec.column) == ("（二）", "精准把握要求。", 3)
    assert isinstance(sec.body[0], Paragraph) and sec.body[0].content == "认真落实任务。"


def test_deep_nesting_does_not_recurse():
    families = ["一、", "（一）", "1.", "（1）", "①"]
    text = "".join(f"{m}第{i}层\n" for i, m in enumerate(families))
    tree = govspeech.parse(text * 3)
    deepest = max(s.level for s in tree.documents[0].iter_sections())
    assert deepest == 5
    json.dumps(tree.to_dict(), ensure_ascii=False)


def test_heading_info_matches_the_section_fields():
    from govspeech.syntax.levels import HeadingInfo

    names = [f.name for f in attrs.fields(govspeech.Section)]
    assert list(HeadingInfo._fields) == names[: len(HeadingInfo._fields)]


def test_inline_items_carry_their_family(corpus_tree):
    """Line 94 of the corpus file writes 一是 … 二要 … 三是 inside one paragraph."""
    (para,) = [
        leaf
        for leaf in corpus_tree.iter_leaves()
        if leaf.line == 94 and type(leaf).__name__ == "Paragraph"
    ]
    assert [(it.marker, it.style, it.number) for it in para.items] == [
        ("一是", "enum_shi", 1),
        ("二要", "enum_yao", 2),
        ("三是", "enum_shi", 3),
    ]
    styles = {it.style for leaf in corpus_tree.iter_leaves() for it in getattr(leaf, "items", ())}
    assert styles <= {"enum_shi", "enum_yao", "ordinal", "sequence"}


def test_a_doubled_carriage_return_is_one_line_break():
    """\\r\\r\\n (Windows tools doubling the CR) ends one line, as editors show it: line numbers
    and check's findings match the editor's."""
    text = "一、总则\r\r\n正文。\r\r\n三、分则\r\r\n"
    tree = govspeech.parse(text)
    assert tree.text == text
    assert [(s.line, s.marker) for s in tree.documents[0].iter_sections()] == [(1, "一、"), (3, "三、")]
    assert [leaf.text for leaf in tree.iter_leaves()] == ["一、总则\r\r\n", "正文。\r\r\n", "三、分则\r\r\n"]


def test_a_small_full_stop_after_an_arabic_numeral_is_a_marker():
    tree = govspeech.parse("一、总体要求\n1﹒加强组织领导。\n2﹒压实工作责任。\n")
    assert [(s.style, s.number, s.level) for s in tree.documents[0].iter_sections()][1:] == [
        ("ar_dot", 1, 2),
        ("ar_dot", 2, 2),
    ]
