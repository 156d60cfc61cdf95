"""Structure-aware chunks (`govspeech.chunks`, ``export --format chunks``): the invariants over
every real file, hand-checked chunks of the example speech, parents, overlap, a size function,
the exporter under --jobs, and the examples of docs/rag.md."""

from __future__ import annotations

import bisect
import contextlib
import io
import itertools
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import govspeech
from govspeech.chunks import UNITS, Chunk, chunks, iter_chunks
from govspeech.cli import main
from govspeech.nodes import Blank, Boilerplate, Heading, ParsedFile
from govspeech.plugin import EXPORTERS, discover
from govspeech.views import SectionView, documents, flow, section_id

from .conftest import CORPUS_FILE, REQUIRE_CORPUS, TESTS, report_paths

ROOT = TESTS.parent
EXAMPLE = ROOT / "examples" / "speech.txt"
GONGWEN = ROOT.parent / "shared" / "corpus" / "gongwen"
SENTENCE_END = re.compile(r"[。！？；!?;]+[”’\"'）)\]】」』》〉]*")


# ---------------------------------------------------------------- the invariants


def _lineages(tree: ParsedFile) -> dict[int, tuple[tuple[str, ...], object]]:
    """Each leaf's start -> (the ids of the sections owning it, outermost first; the leaf)."""
    out: dict[int, tuple[tuple[str, ...], object]] = {
        leaf.start: ((), leaf) for leaf in tree.preamble
    }
    for view in documents(tree):
        doc = view.document
        for leaf in (*doc.title_lines, *doc.opening, *doc.closing):
            out[leaf.start] = ((), leaf)
        for item in flow(doc):
            if isinstance(item, SectionView):
                lineage = tuple(section_id(view.index, s) for s in item.lineage)
                for leaf in (item.section.heading, *item.section.body):
                    out[leaf.start] = (lineage, leaf)
            else:
                owner = item.owner
                lineage = (
                    () if owner is None else tuple(section_id(view.index, s) for s in owner.lineage)
                )
                for leaf in item.leaves:
                    out[leaf.start] = (lineage, leaf)
    return out


def check_invariants(
    tree: ParsedFile, found: list[Chunk], max_size: int, size: Callable[[str], int] = len
) -> None:
    """What `chunks` promises, checked from the tree alone (docs/rag.md, "Why")."""
    text = tree.text
    leaves = list(tree.iter_leaves())
    owned = _lineages(tree)
    assert len(owned) == len(leaves)  # every leaf has its owner
    starts = sorted(owned)

    def at(pos: int) -> tuple[tuple[str, ...], object]:
        return owned[starts[bisect.bisect_right(starts, pos) - 1]]

    metas = {
        v.index: json.loads(json.dumps(attrs.asdict(tree.meta_of(v.document))))
        for v in documents(tree)
    }
    ids = [c.id for c in found]
    assert len(set(ids)) == len(ids), "ids are unique"
    pieces: list[tuple[int, int]] = []  # what each chunk holds, its overlap left out
    for c in found:
        assert c.text == "".join(text[a:b] for a, b in c.spans)
        assert (c.start, c.end, c.chars) == (c.spans[0][0], c.spans[-1][1], len(c.text))
        assert all(a < b for a, b in c.spans)
        assert all(x[1] < y[0] for x, y in itertools.pairwise(c.spans)), "spans sorted, apart"
        assert c.oversize == (size(c.text) > max_size), c.id
        assert c.line == at(c.start)[1].line and c.end_line == at(c.end - 1)[1].line  # type: ignore[attr-defined]
        assert c.meta == metas.get(c.document, {})
        if c.is_parent:
            continue
        # Offsets of the chunk without its overlap, as spans.
        skip = c.overlap
        for a, b in c.spans:
            if skip >= b - a:
                skip -= b - a
                continue
            pieces.append((a + skip, b))
            skip = 0
        # The leaves it touches, their owners, and the headings it holds.
        headed: set[str] = set()
        lineages: list[tuple[str, ...]] = []
        body_leaves = []
        for a, b in c.spans:
            pos = a
            while pos < b:
                lineage, leaf = at(pos)
                assert not isinstance(leaf, Boilerplate), f"{c.id}: boilerplate in a chunk"
                if isinstance(leaf, Heading):
                    headed.add(lineage[-1])
                elif not isinstance(leaf, Blank):
                    body_leaves.append(leaf)
                if not isinstance(leaf, Blank):
                    lineages.append(lineage)
                pos = min(b, leaf.end)  # type: ignore[attr-defined]
        common = lineages[0]
        for lineage in lineages[1:]:
            k = 0
            while k < min(len(common), len(lineage)) and common[k] == lineage[k]:
                k += 1
            common = common[:k]
        assert c.section_id == (common[-1] if common else None), c.id
        assert len(c.path) == len(c.markers) == len(common), c.id
        assert c.sections == tuple(dict.fromkeys(s for lin in lineages if lin for s in [lin[-1]]))
        for lineage in lineages:  # a section's text comes with its heading, or on the path
            assert all(sid in headed for sid in lineage[len(common) :]), (
                f"{c.id}: text without its heading path"
            )
        if c.oversize:  # one sentence (after a heading) that no cut could make smaller
            assert len(body_leaves) <= 1, c.id
            inner = c.text[c.overlap :]
            if at(c.start + c.overlap)[1].__class__ is Heading:
                heading = at(c.start + c.overlap)[1]
                inner = inner[heading.end - heading.start :]  # type: ignore[attr-defined]
            assert all(not inner[m.end() :].strip() for m in SENTENCE_END.finditer(inner)), c.id
    # Every character of every leaf but boilerplate and blank lines in exactly one chunk.
    pieces.sort()
    assert all(x[1] <= y[0] for x, y in itertools.pairwise(pieces)), "a character in two chunks"
    merged: list[list[int]] = []
    for a, b in pieces:
        if merged and merged[-1][1] == a:
            merged[-1][1] = b
        else:
            merged.append([a, b])
    firsts = [m[0] for m in merged]
    for leaf in leaves:
        k = bisect.bisect_right(firsts, leaf.start) - 1
        inside = k >= 0 and merged[k][0] <= leaf.start and leaf.end <= merged[k][1]
        touched = (k >= 0 and merged[k][1] > leaf.start) or (
            k + 1 < len(merged) and merged[k + 1][0] < leaf.end
        )
        if isinstance(leaf, Boilerplate):
            assert not touched, f"boilerplate in a chunk: line {leaf.line}"
        elif not isinstance(leaf, Blank):
            assert inside, f"line {leaf.line} not in exactly one chunk: {leaf.text[:30]!r}"
    # A heading and the first line of its body are in the same chunk.
    chunk_starts = sorted((_own_start(c), k) for k, c in enumerate(found) if not c.is_parent)
    keys = [s for s, _ in chunk_starts]

    def chunk_at(pos: int) -> int:
        return chunk_starts[bisect.bisect_right(keys, pos) - 1][1]

    for view in documents(tree):
        for sec in view.document.iter_sections():
            body = [x for x in sec.body if not isinstance(x, (Blank, Boilerplate))]
            if body:
                assert chunk_at(sec.heading.start) == chunk_at(body[0].start), sec.heading.text


def _own_start(c: Chunk) -> int:
    """The offset of the chunk's first character that is not its overlap."""
    skip = c.overlap
    for a, b in c.spans:
        if skip < b - a:
            return a + skip
        skip -= b - a
    raise AssertionError(f"{c.id}: all overlap")


def _corpus_paths() -> list[Path]:
    paths = [CORPUS_FILE, EXAMPLE, *report_paths()]
    if GONGWEN.is_dir():
        paths += sorted(GONGWEN.glob("*.txt"))
    return paths


@cache
def _tree(path: Path) -> ParsedFile:
    return govspeech.parse_file(path)


CONFIGS = {
    "section-800": {"max_size": 800},
    "section-200-overlap": {"max_size": 200, "overlap": 50},
    "merged-300-overlap": {"max_size": 300, "unit": "merged", "overlap": 40},
    "paragraph-400": {"max_size": 400, "unit": "paragraph"},
}


@pytest.mark.parametrize("config", list(CONFIGS))
def test_every_character_in_exactly_one_chunk_over_all_real_files(config):
    if len(report_paths()) < 42 and not REQUIRE_CORPUS:
        pytest.skip("the shared corpus (42 work reports) is not present")
    options = CONFIGS[config]
    paths = _corpus_paths()
    assert len(paths) >= 44
    for path in paths:
        tree = _tree(path)
        found = chunks(tree, **options)  # type: ignore[arg-type]
        check_invariants(tree, found, options["max_size"])  # type: ignore[arg-type]


def test_the_corpus_file_alone_is_checked_without_the_shared_corpus(corpus_tree):
    for options in (
        {"max_size": 800},
        {"max_size": 100, "unit": "merged", "overlap": 20},
        {"max_size": 120, "unit": "paragraph", "overlap": 30, "parents": True},
    ):
        check_invariants(corpus_tree, chunks(corpus_tree, **options), options["max_size"])  # type: ignore[arg-type]


def test_a_size_function_is_the_limit(corpus_tree):
    def half(s: str) -> int:
        return len(s) // 2

    found = chunks(corpus_tree, max_size=100, size=half, overlap=20)
    check_invariants(corpus_tree, found, 100, half)
    assert all(c.tokens == len(c.text) // 2 for c in found)
    assert all(c.tokens is not None and c.tokens <= 100 for c in found if not c.oversize)
    assert max(c.chars for c in found if not c.oversize) > 100  # characters are not the limit
    # Without one, tokens is None and the limit is characters.
    assert all(c.tokens is None for c in chunks(corpus_tree, max_size=100))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from(
            [
                "一、",
                "（一）",
                "1.",
                "（1）",
                "一是",
                "——",
                "第一条　",
                "同志们：",
                "谢谢大家！",
                "在全县工作会议上的讲话",
                "关于外交工作",
                "下面是小编整理的",
                "【本文地址:x】",
                "。",
                "，",
                "；",
                "\u3000",
                "\n",
                "\r\n",
                "\n\n",
                "统一思想",
                "今天召开会议",
                "要压实责任",
            ]
        ),
        max_size=80,
    ).map("".join),
    st.sampled_from(
        [(8, 0, "section"), (15, 5, "merged"), (10, 3, "paragraph"), (30, 0, "merged")]
    ),
)
def test_invariants_hold_for_any_text(text, options):
    max_size, overlap, unit = options
    tree = govspeech.parse(text)
    found = chunks(tree, max_size=max_size, overlap=overlap, unit=unit)
    check_invariants(tree, found, max_size)
    if unit != "merged":
        check_invariants(tree, chunks(tree, max_size=max_size, unit=unit, parents=True), max_size)


# ---------------------------------------------------------------- the example speech, by hand


@pytest.fixture(scope="module")
def speech() -> ParsedFile:
    return govspeech.parse_file(EXAMPLE)


def _layout(found: list[Chunk]) -> list[tuple[str, str, str]]:
    """(id, the last marker of the path or "-", the first words of the text)."""
    return [(c.id, c.markers[-1] if c.markers else "-", c.text[:8]) for c in found]


def test_speech_in_sections_of_50_characters(speech):
    # Read off examples/speech.txt, with the line lengths (line ending included): the opening
    # (19 + 5 + 80 characters) takes three chunks, its line 3 cut after 部署汛期各项任务。(35)
    # since 35 + 34 > 50; 一、 (26) and its one sentence (44) cannot be cut: 70, oversize;
    # （一） (10) + 上半年…25%。(23) = 33, and 但是…(27) does not fit: two chunks; （二） with its
    # ；-sentences 20 + 10 fits 40, the last 11 makes 51: two; the rest fit whole; the closing
    # (44 + 6 = 50) just fits.
    found = chunks(speech, max_size=50)
    assert _layout(found) == [
        ("d1-opening#1", "-", "在全县安全生产和"),
        ("d1-opening#2", "-", "今天召开这次会议"),
        ("d1-opening#3", "-", "刚才，应急管理局"),
        ("d1-s104#1", "一、", "一、提高思想认识"),
        ("d1-s174#1", "（一）", "（一）认清当前形"),
        ("d1-s174#2", "（一）", "但是，我们必须清"),
        ("d1-s234#1", "（二）", "（二）正视存在问"),
        ("d1-s234#2", "（二）", "三是执法检查不严"),
        ("d1-s285#1", "二、", "二、突出工作重点"),
        ("d1-s307#1", "1.", "1.抓好重点行业"),
        ("d1-s320#1", "（1）", "（1）道路交通。"),
        ("d1-s361#1", "（2）", "（2）建筑施工。"),
        ("d1-s393#1", "2.", "2.抓好防汛准备"),
        ("d1-s402#1", "——", "——要做好物资储"),
        ("d1-s433#1", "——", "——要做好人员转"),
        ("d1-s462#1", "3.", "3.抓好应急值守"),
        ("d1-s471#1", "一是", "一是严格执行24"),
        ("d1-s487#1", "二是", "二是畅通信息报送"),
        ("d1-s511#1", "三、", "三、强化组织保障"),
        ("d1-s531#1", "（一）", "（一）压实责任。"),
        ("d1-s571#1", "（二）", "（二）强化督查。"),
        ("d1-closing#1", "-", "同志们，安全生产"),
    ]
    oversize = [c.id for c in found if c.oversize]
    assert oversize == ["d1-s104#1"]
    by_id = {c.id: c for c in found}
    first, second = by_id["d1-s174#1"], by_id["d1-s174#2"]
    assert first.text == "（一）认清当前形势。上半年全县共发生各类事故3起，同比下降25%。"
    assert second.text == "但是，我们必须清醒看到，一些企业主体责任落实不到位。\n"
    assert (
        first.path
        == second.path
        == ("一、提高思想认识，切实增强做好安全生产工作的责任感", "（一）认清当前形势。")
    )
    assert (first.line, second.line, second.end_line) == (6, 6, 6)
    assert speech.text[second.start : second.end] == second.text
    assert second.context == (
        "在全县安全生产和防汛工作会议上的讲话\n一、提高思想认识，切实增强做好安全生产工作的责任感\n"
        "（一）认清当前形势。\n但是，我们必须清醒看到，一些企业主体责任落实不到位。\n"
    )
    # The first chunk begins with its own heading: the context does not say it twice.
    assert (
        first.context
        == "在全县安全生产和防汛工作会议上的讲话\n一、提高思想认识，切实增强做好安全生产工作的责任感\n"
        + first.text
    )
    # The chunk holding the title does not repeat it; the closing's markers are empty.
    assert (
        by_id["d1-opening#1"].context
        == by_id["d1-opening#1"].text
        == "在全县安全生产和防汛工作会议上的讲话\n同志们：\n"
    )
    assert by_id["d1-closing#1"].section_id is None and by_id["d1-closing#1"].path == ()
    check_invariants(speech, found, 50)


def test_speech_merged_at_120_characters(speech):
    # By hand: the opening (104) fits. 一、's subtree (70 + 60 + 51) does not: its own text
    # alone (70; 70 + 60 > 120), then （一） and （二） together (111) under 一、. 二、's subtree
    # (226) does not fit: its heading (22) with all of 1. (13 + 41 + 32 = 86) is 108; 2. (69)
    # and 3. (9 + 16 + 24 = 49) make 118 under 二、; 三、 whole is exactly 100; the closing 50.
    found = chunks(speech, max_size=120, unit="merged")
    assert [(c.id, c.section_id, c.sections, c.chars) for c in found] == [
        ("d1-opening#1", None, (), 104),
        ("d1-s104#1", "d1-s104", ("d1-s104",), 70),
        ("d1-s174#1", "d1-s104", ("d1-s174", "d1-s234"), 111),
        ("d1-s285#1", "d1-s285", ("d1-s285", "d1-s307", "d1-s320", "d1-s361"), 108),
        (
            "d1-s393#1",
            "d1-s285",
            ("d1-s393", "d1-s402", "d1-s433", "d1-s462", "d1-s471", "d1-s487"),
            118,
        ),
        ("d1-s511#1", "d1-s511", ("d1-s511", "d1-s531", "d1-s571"), 100),
        ("d1-closing#1", None, (), 50),
    ]
    by_id = {c.id: c for c in found}
    assert by_id["d1-s393#1"].path == ("二、突出工作重点，全力抓好汛期安全各项措施",)
    assert by_id["d1-s393#1"].context.startswith(
        "在全县安全生产和防汛工作会议上的讲话\n二、突出工作重点，全力抓好汛期安全各项措施\n2.抓好防汛准备\n——要做好物资储备。"
    )
    # The whole speech's sections merged at the top: under the document, no section id.
    top = chunks(speech, max_size=600, unit="merged")
    assert [(c.id, c.section_id, c.path) for c in top] == [
        ("d1-opening#1", None, ()),
        ("d1-s104#1", None, ()),
        ("d1-closing#1", None, ()),
    ]
    assert top[1].text == speech.text[104:611]
    check_invariants(speech, found, 120)


def test_speech_by_paragraph(speech):
    found = chunks(speech, unit="paragraph")
    # One chunk a line, a heading with the rest of its line or the line after it; 二、, 1.,
    # 2., 3. and 三、 stand alone (their subsections follow), 一是 and 二是 are whole lines.
    assert [c.line for c in found] == [
        1,
        2,
        3,
        4,
        6,
        7,
        8,
        9,
        10,
        11,
        12,
        13,
        14,
        15,
        16,
        17,
        18,
        19,
        20,
        21,
        22,
    ]
    assert found[3].text == speech.text[104:174] and found[3].end_line == 5
    check_invariants(speech, found, 800)


def test_parents_hold_their_children(speech):
    found = chunks(speech, max_size=50, parents=True)
    parents = {c.id: c for c in found if c.is_parent}
    children = [c for c in found if not c.is_parent]
    assert [c.id for c in children] == [c.id for c in chunks(speech, max_size=50)]
    assert all(c.parent_id in parents for c in children)
    assert all(p.parent_id is None for p in parents.values())
    # Before its first child; its text is the section's own text, over the limit if need be.
    order = [c.id for c in found]
    for pid in parents:
        first = next(c.id for c in children if c.parent_id == pid)
        assert order.index(pid) == order.index(first) - 1
    sec = parents["d1-s174"]
    assert sec.text == speech.text[174:234] and sec.oversize and sec.section_id == "d1-s174"
    assert "".join(c.text for c in children if c.parent_id == "d1-s174") == sec.text
    assert parents["d1-opening"].text == speech.text[:104]
    with pytest.raises(ValueError, match="parents=True needs"):
        chunks(speech, unit="merged", parents=True)


def test_a_tail_is_its_sections_and_a_part_without_a_number_the_documents():
    # The text going back up after a list is （二）'s own: numbered on after its heading's chunk.
    tree = govspeech.parse(
        "（二）加快转变经济发展方式，调整优化经济结构\n"
        "进一步促进中小企业发展。一是建立和完善中小企业服务体系。二是落实扶持政策。\n"
        "三是加强对中小企业的金融支持。完善小企业信贷考核体系。\n"
        "加快发展服务业。进一步提高服务业发展水平和在国民经济中的比重。\n"
        "（三）统筹城乡发展\n"
    )
    found = chunks(tree)
    assert [(c.id, c.markers) for c in found] == [
        ("d1-s0#1", ("（二）",)),
        ("d1-s61#1", ("（二）", "三是")),
        ("d1-s0#2", ("（二）",)),
        (f"d1-s{tree.text.index('（三）')}#1", ("（三）",)),
    ]
    assert found[2].text.startswith("加快发展服务业。") and found[2].section_id == "d1-s0"
    assert found[2].context.startswith(
        "（二）加快转变经济发展方式，调整优化经济结构\n加快发展服务业。"
    )
    check_invariants(tree, found, 800)
    # 关于外交工作 begins the document's own text between its sections: d1-t… chunks.
    tree = govspeech.parse(
        "关于国内建设\n一年来，我国社会主义物质文明和精神文明建设都取得了新的成就。\n"
        "一、认真地有步骤地改革城市经济体制\n城市经济体制改革的中心课题，是要彻底改变企业吃国家“大锅饭”的状况。\n"
        "关于外交工作\n一年来，我国积极开展外交活动，扩大了国际交往。\n"
        "一、维护世界和平是我国对外政策的主要目标\n世界和平是我国进行现代化建设的必要条件。\n"
    )
    found = chunks(tree)
    tail = [c for c in found if re.fullmatch(r"d1-t\d+#1", c.id)]
    assert len(tail) == 1 and tail[0].text.startswith("关于外交工作\n一年来")
    assert tail[0].section_id is None and tail[0].path == ()
    assert tree.text[int(tail[0].id[4:-2]) :].startswith("关于外交工作")
    for unit in UNITS:
        check_invariants(tree, chunks(tree, max_size=30, unit=unit), 30)  # type: ignore[arg-type]


def test_overlap_repeats_the_end_of_the_previous_chunk_within_a_section(speech):
    found = chunks(speech, max_size=50, overlap=20)
    by_id = {c.id: c for c in found}
    first, second = by_id["d1-s174#1"], by_id["d1-s174#2"]
    # 上半年全县共发生各类事故3起，同比下降25%。 is 23 characters, more than 20: its end, from
    # after the comma.
    assert second.overlap == 8 and second.text.startswith("同比下降25%。但是，")
    assert first.text.endswith(second.text[: second.overlap])
    assert second.spans[0][0] == first.end - 8
    # Never across sections, never at a chunk that starts a section, never a heading.
    assert all(c.overlap == 0 for c in found if c.id.endswith("#1") and c.section_id)
    assert all((0 <= c.overlap <= 20 and c.chars <= 50) or c.oversize for c in found)
    for c in found:
        if c.overlap:
            previous = found[found.index(c) - 1]
            assert previous.text.rstrip("\n").endswith(c.text[: c.overlap].rstrip("\n"))
    check_invariants(speech, found, 50)
    # Whole sentences when they fit: （二）'s ；-sentences.
    found = chunks(speech, max_size=40, overlap=12)
    second = next(c for c in found if c.id == "d1-s234#2")
    assert second.text.startswith("二是隐患整改不彻底；") and second.overlap == 10


def test_boilerplate_never_enters_a_chunk(corpus_tree):
    blurbs = [b for doc in corpus_tree.iter_documents() for b in doc.boilerplate] + [
        b for b in corpus_tree.preamble if isinstance(b, Boilerplate)
    ]
    assert blurbs, "the corpus file has site blurbs"
    for options in (
        {},
        {"unit": "merged"},
        {"unit": "paragraph"},
        {"max_size": 100, "overlap": 30},
    ):
        found = chunks(corpus_tree, **options)  # type: ignore[arg-type]
        covered = [span for c in found for span in c.spans]
        for blurb in blurbs:
            assert not any(a < blurb.end and blurb.start < b for a, b in covered)
        assert not any("下面是小编" in c.text or "本文地址" in c.text for c in found)


def test_a_regulation_s_chunks_carry_their_citation():
    tree = govspeech.parse(
        "某某管理办法\n第一条　为了规范管理，制定本办法。\n第二条　本办法适用于下列事项：\n"
        "（一）日常管理；\n（二）监督检查。\n"
    )
    found = {c.id: c for c in chunks(tree)}
    cited = {c.citation for c in found.values() if c.citation}
    assert {"第一条", "第二条", "第二条第（一）项", "第二条第（二）项"} <= cited


def test_ids_are_stable_across_parses_and_processes(corpus_tree):
    ids = [c.id for c in chunks(corpus_tree, max_size=300)]
    again = [c.id for c in chunks(govspeech.parse_file(CORPUS_FILE), max_size=300)]
    assert ids == again and len(set(ids)) == len(ids)
    assert all(re.fullmatch(r"d\d+(\.\d+)?-(s\d+|t\d+|opening|closing)#\d+", i) for i in ids)
    assert any("." in i.split("-")[0] for i in ids)  # the parts of a page ran together
    code = (
        "import govspeech, sys; from govspeech.chunks import chunks; "
        "print('\\n'.join(c.id for c in chunks(govspeech.parse_file(sys.argv[1]), max_size=300)))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(CORPUS_FILE)], capture_output=True, text=True, check=True
    ).stdout
    assert out.split() == ids


def test_bad_options_raise(speech):
    for kwargs in (
        {"max_size": 0},
        {"max_size": True},
        {"overlap": -1},
        {"max_size": 10, "overlap": 10},
        {"unit": "sentence"},
    ):
        with pytest.raises(ValueError):
            chunks(speech, **kwargs)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        chunks(speech, size=3)  # type: ignore[arg-type]
    assert chunks(govspeech.parse("")) == []


def test_to_dict_is_attrs_asdict_and_json(speech):
    for c in chunks(speech, max_size=50, parents=True):
        data = c.to_dict()
        assert data == json.loads(json.dumps(attrs.asdict(c), ensure_ascii=False))
        assert list(data) == [f.name for f in attrs.fields(Chunk)]
        assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert hash(chunks(speech)[0]) == hash(chunks(speech)[0])  # meta left out of the hash
    assert [c.id for c in iter_chunks(speech, max_size=50)] == [
        c.id for c in chunks(speech, max_size=50)
    ]


# ---------------------------------------------------------------- the exporter


@pytest.fixture
def registered(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    """The ``chunks`` format, through a stand-in distribution until pyproject.toml has it."""
    if "chunks" not in discover(EXPORTERS).specs:
        site = tmp_path / "site"
        info = site / "govspeech_chunks_test-0.dist-info"
        info.mkdir(parents=True)
        (info / "METADATA").write_text(
            "Metadata-Version: 2.1\nName: govspeech-chunks-test\nVersion: 0\n", encoding="utf-8"
        )
        (info / "entry_points.txt").write_text(
            "[govspeech.exporters]\nchunks = govspeech_plugins.export.chunks:ChunksExporter\n",
            encoding="utf-8",
        )
        monkeypatch.syspath_prepend(str(site))
    assert "chunks" in discover(EXPORTERS).specs


def test_export_writes_one_chunk_a_line(registered, capsys, speech):
    assert main(["export", "--format", "chunks", "--chunk-size", "50", str(EXAMPLE)]) == 0
    lines = capsys.readouterr().out.splitlines()
    expected = chunks(govspeech.parse_file(str(EXAMPLE)), max_size=50)
    assert lines == [json.dumps(c.to_dict(), ensure_ascii=False) for c in expected]
    assert "\\u" not in lines[0]
    args = [
        "--chunk-size",
        "60",
        "--chunk-overlap",
        "10",
        "--chunk-unit",
        "paragraph",
        "--chunk-parents",
    ]
    assert main(["export", "--format", "chunks", *args, str(EXAMPLE)]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    tree = govspeech.parse_file(str(EXAMPLE))
    assert rows == [
        c.to_dict() for c in chunks(tree, max_size=60, overlap=10, unit="paragraph", parents=True)
    ]


@pytest.mark.parametrize(
    "args",
    [
        ["--chunk-size", "0"],
        ["--chunk-size", "x"],
        ["--chunk-overlap", "-1"],
        ["--chunk-size", "10", "--chunk-overlap", "10"],
        ["--chunk-unit", "sentence"],
        ["--chunk-unit", "merged", "--chunk-parents"],
    ],
)
def test_export_options_are_checked(registered, capsys, args):
    assert main(["export", "--format", "chunks", *args, str(EXAMPLE)]) == 2
    err = capsys.readouterr().err
    assert "chunk" in err and err.count("\n") <= 2


def test_export_under_jobs_gives_the_same_bytes(registered, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(EXAMPLE, folder / "a.txt")
    shutil.copy(CORPUS_FILE, folder / "b.txt")
    for k, path in enumerate(report_paths()[:3]):
        shutil.copy(path, folder / f"c{k}.txt")
    outs = {}
    for jobs in ("1", "2"):
        target = tmp_path / f"out{jobs}.jsonl"
        argv = [
            "export",
            str(folder),
            "--format",
            "chunks",
            "--chunk-size",
            "300",
            "--jobs",
            jobs,
            "-o",
            str(target),
        ]
        with contextlib.redirect_stderr(io.StringIO()):
            assert main(argv) == 0
        outs[jobs] = target.read_bytes()
    assert outs["1"] == outs["2"] and outs["1"].count(b"\n") > 100
    files = [json.loads(line)["file"] for line in outs["1"].decode("utf-8").splitlines()]
    assert files == sorted(files)  # input order
    # One file per input, named .chunks.jsonl.
    with contextlib.redirect_stderr(io.StringIO()):
        assert (
            main(
                [
                    "export",
                    str(folder / "a.txt"),
                    "--format",
                    "chunks",
                    "-o",
                    f"{tmp_path / 'each'}/",
                ]
            )
            == 0
        )
    assert [p.name for p in (tmp_path / "each").iterdir()] == ["a.chunks.jsonl"]


# ---------------------------------------------------------------- docs/rag.md


def test_the_examples_of_docs_rag_run_and_print_what_it_says():
    page = (ROOT / "docs" / "rag.md").read_text(encoding="utf-8")
    blocks = list(re.finditer(r"```(\w*)\n(.*?)```", page, re.S))
    namespace: dict[str, object] = {}
    cwd = os.getcwd()
    os.chdir(ROOT)
    ran = 0
    try:
        for k, block in enumerate(blocks):
            if block.group(1) != "python":
                continue
            out = io.StringIO()
            with contextlib.redirect_stdout(out):
                exec(compile(block.group(2), f"docs/rag.md block {k}", "exec"), namespace)
            ran += 1
            following = blocks[k + 1] if k + 1 < len(blocks) else None
            if (
                following
                and following.group(1) == ""
                and not page[block.end() : following.start()].strip()
            ):
                assert out.getvalue() == following.group(2), f"docs/rag.md block {k} prints"
    finally:
        os.chdir(cwd)
    assert ran >= 5
    # The JSON example is the chunk as it is.
    example = next(json.loads(b.group(2)) for b in blocks if b.group(1) == "json")
    tree = namespace["tree"]  # parsed from examples/speech.txt as the page says
    assert isinstance(tree, ParsedFile)
    chunk = next(c for c in chunks(tree, max_size=50) if c.id == example["id"])
    assert example == chunk.to_dict()
