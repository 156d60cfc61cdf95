"""The user's example: one scraped page with 13 county-level speeches.

The golden outline (tests/golden/corpus_speeches.outline) was checked by hand against every
line of the file; the tests below also state the key facts independently of it.
"""

from __future__ import annotations

from govspeech import Boilerplate, Paragraph
from govspeech.syntax.numerals import chinese_to_int

from .conftest import CORPUS_FILE


def test_golden_outline(corpus_tree, golden):
    golden("corpus_speeches.outline", corpus_tree.pretty())


def test_thirteen_documents_with_their_titles(corpus_tree):
    docs = corpus_tree.documents
    assert len(docs) == 13
    for k, doc in enumerate(docs, 1):
        assert doc.title.startswith("在全县疫情防控工作会议上的讲话篇")
        assert chinese_to_int(doc.title.removeprefix("在全县疫情防控工作会议上的讲话篇")) == k
    assert [d.line for d in docs] == [2, 20, 43, 54, 76, 113, 130, 203, 219, 240, 244, 278, 298]


def test_lossless(corpus_tree):
    assert corpus_tree.text == CORPUS_FILE.read_text("utf-8")
    assert corpus_tree.encoding == "utf-8"


def test_site_blurbs_are_boilerplate_never_sections(corpus_tree):
    preamble = corpus_tree.preamble
    assert len(preamble) == 1 and preamble[0].reason == "preamble"  # the site's opening blurb
    lines = {b.line for d in corpus_tree.documents for b in d.boilerplate}
    assert {21, 55, 77, 114, 220, 239, 241, 322} <= lines
    for doc in corpus_tree.iter_documents():
        for sec in doc.iter_sections():
            assert "小编" not in sec.title and "本文地址" not in sec.title


def test_speech_2_skips_a_level(corpus_tree):
    # 一、 then 1. with no （一）: 1. sits directly under 一、
    first = corpus_tree.documents[1].sections[0]
    assert (first.marker, first.level, first.line) == ("一、", 1, 24)
    assert [(c.marker, c.level, c.line) for c in first.children] == [
        ("1.", 2, 26), ("2.", 2, 28), ("3.", 2, 29)]


def test_speech_5_four_levels(corpus_tree):
    doc = corpus_tree.documents[4]
    by_line = {s.line: s for s in doc.iter_sections()}
    assert [by_line[n].level for n in (82, 84, 85, 86, 96, 97, 98, 106, 108)] == [
        1, 2, 3, 4, 2, 3, 4, 1, 2]
    assert by_line[85].title == "第一张防护网:进入xx的人、物排查。"
    # the rest of the line after the heading sentence is body text
    assert by_line[85].body[0].text.startswith("从空间上讲,第一层防护网")


def test_speech_7_runs_speeches_together(corpus_tree):
    doc = corpus_tree.documents[6]
    assert [s.marker for s in doc.sections] == ["一要", "二要"]
    subs = doc.subdocuments
    assert [s.line for s in subs] == [135, 143, 157, 169, 183, 197]
    assert all(s.title is None for s in subs)
    # lost parents: two runs of （一） at the top of their speech
    runs = [(s.marker, s.level, s.number) for s in subs[1].sections]
    assert runs == [("(一)", 1, 1), ("(二)", 1, 2), ("(三)", 1, 3), ("(四)", 1, 4),
                    ("(一)", 1, 1), ("(二)", 1, 2), ("(三)", 1, 3)]
    # the numbering error is kept as written: 一是 二是 二是 四是 五是
    assert [s.number for s in subs[4].sections] == [1, 2, 2, 4, 5]
    assert [s.line for s in subs[4].sections] == [190, 191, 192, 193, 194]


def test_dash_items_under_their_heading(corpus_tree):
    first = corpus_tree.documents[0].sections[0]
    assert first.marker == "(一)" and first.level == 1
    assert [(c.kind, c.level, c.line) for c in first.children] == [
        ("dash", 2, 6), ("dash", 2, 7), ("dash", 2, 8), ("dash", 2, 9)]
    assert first.children[0].title == "要做忠诚可靠的司法行政人。"


def test_heading_without_terminal_punctuation(corpus_tree):
    sec = corpus_tree.documents[5].sections[0]
    assert sec.line == 117 and sec.title == "坚持行稳致远,找准人才工作的“实干定位”"


def test_inline_enumerations_are_items_not_sections(corpus_tree):
    doc = corpus_tree.documents[8]
    sec = next(s for s in doc.iter_sections() if s.line == 232)
    para = sec.body[0]
    assert isinstance(para, Paragraph)
    assert [(it.marker, it.number) for it in para.items][:2] == [("一是", 1), ("二是", 2)]
    assert para.items[0].text.startswith("一是要严把准入关。")
    assert not any(s.line == 232 and s.kind == "enum" for s in doc.iter_sections())


def test_decoys_are_not_markers(corpus_tree):
    titles = " ".join(s.marker for d in corpus_tree.iter_documents() for s in d.iter_sections())
    assert "2.2" not in titles and "12.8" not in titles and "第一" not in titles
    # 会议第一项 (line 47) and 第一时间 stay body text
    doc3 = corpus_tree.documents[2]
    assert not doc3.sections
    assert any(isinstance(x, Paragraph) and x.line == 47 for x in doc3.opening)


def test_salutations_and_closings(corpus_tree):
    doc = corpus_tree.documents[7]  # 篇八: 同志们： 大家早上好！ … 谢谢大家！
    roles = [(x.line, x.role) for x in doc.opening if isinstance(x, Paragraph)]
    assert roles[:2] == [(204, "salutation"), (205, "salutation")]
    assert [x.line for x in doc.closing] == [217, 218]
    doc9 = corpus_tree.documents[8]
    assert [type(x) for x in doc9.closing] == [Paragraph, Boilerplate]  # the lone ";" line
