"""The summarizer library (govspeech_plugins.summarize.summary, sentences, tifa, jiebakit) on real text."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

import govspeech
from govspeech_plugins.summarize.sentences import sentence_spans, split_paragraph
from govspeech_plugins.summarize.summary import (
    DocumentSummary,
    SectionSummary,
    Sentence,
    load_resources,
    summarize,
)
from govspeech_plugins.summarize.tifa import find_tifa

from .conftest import CORPUS_FILE, report

# The speeches of the corpus file by index (all have the title 在全县疫情防控工作会议上的讲话篇N).
TOPICS = {
    "2": {"未成年人", "未成年人保护"},
    "4": {"安全生产"},
    "6": {"人才", "人才工作"},
}
EPIDEMIC = ["3", "5", "7.2", "7.3", "7.5", "7.6", "7.7", "8", "9", "10", "11", "12", "13"]
FILLER = {"要", "进一步", "加强", "工作", "坚持", "全面", "落实", "做好", "同志们"}


@pytest.fixture(scope="module")
def summaries(corpus_tree: govspeech.ParsedFile) -> list[DocumentSummary]:
    return summarize(corpus_tree)


def _walk(sections: tuple[SectionSummary, ...]) -> Iterator[SectionSummary]:
    for sec in sections:
        yield sec
        yield from _walk(sec.children)


def _picks(doc: DocumentSummary) -> list[Sentence]:
    return [*doc.opening, *(s for sec in _walk(doc.sections) for s in sec.sentences)]


def _max_depth(sections: tuple[SectionSummary, ...], depth: int = 1) -> int:
    return max((_max_depth(s.children, depth + 1) for s in sections), default=depth - 1)


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "GOVSPEECH_CACHE_DIR"}
    env.update(extra)
    return env


def _run(code: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )


# --------------------------------------------------------------------------- the corpus file


def test_one_summary_per_document_and_part(summaries, corpus_tree):
    from govspeech.views import documents

    views = list(documents(corpus_tree))
    assert [d.index for d in summaries] == [v.index for v in views]
    assert [d.label for d in summaries] == [v.title for v in views]
    assert [d.title for d in summaries] == [v.document.title for v in views]
    assert summaries[7].index == "7.2" and summaries[7].title is None
    assert summaries[7].line == 135


def test_sentences_are_verbatim_and_in_source_order(summaries, corpus_tree):
    text = corpus_tree.text
    assert text == CORPUS_FILE.read_text(encoding="utf-8")
    for doc in summaries:
        picks = _picks(doc)
        assert picks, doc.label
        for s in picks:
            assert text[s.start : s.end] == s.text
            assert text.count("\n", 0, s.start) + 1 == s.line
            assert s.text == s.text.strip() and "\n" not in s.text
        starts = [s.start for s in picks]
        assert len(starts) == len(set(starts)), doc.label
        # Each section's own sentences in source order, inside its span (a section's text after
        # a list, 一、's line 255 after its —— items, comes with the section, before the items).
        for sec in _walk(doc.sections):
            own = [s.start for s in sec.sentences]
            assert own == sorted(own), doc.label
        opening = [s.start for s in doc.opening]
        assert opening == sorted(opening), doc.label
        assert doc.characters == sum(len(s.text) for s in picks)
        assert doc.characters <= doc.body_characters


def test_keywords_name_the_topic(summaries):
    by_index = {d.index: d for d in summaries}
    for index, words in TOPICS.items():
        assert words & set(by_index[index].keywords), (index, by_index[index].keywords)
    for index in EPIDEMIC:
        assert {"疫情", "防控"} & set(by_index[index].keywords), (index, by_index[index].keywords)
    assert by_index["4"].keywords[0] == "安全生产"


def test_keywords_hold_no_filler(summaries):
    stop = load_resources().stopwords
    assert FILLER <= stop
    for doc in summaries:
        assert len(doc.keywords) <= 8
        assert not stop & set(doc.keywords), doc.keywords
        assert all(len(w) >= 2 for w in doc.keywords)
        for sec in doc.sections:
            assert len(sec.keywords) <= 5
            assert not stop & set(sec.keywords), sec.keywords


def test_keywords_only_for_top_level_sections(summaries):
    doc = summaries[1]  # 篇二: 一、 with 1. 2. 3.
    assert all(sec.keywords for sec in doc.sections)
    assert all(not child.keywords for sec in doc.sections for child in _walk(sec.children))


def test_title_is_not_counted_in_keywords():
    # Every speech of the scraped page has the title 在全县疫情防控工作会议上的讲话篇N.
    text = "全县疫情防控工作会议讲话\n同志们：\n今天研究安全生产工作。安全生产责任重大。\n"
    (doc,) = summarize(govspeech.parse(text))
    assert doc.keywords == ("安全生产",)


def test_tifa(summaries, corpus_tree):
    found = {t.text: t for d in summaries for t in d.tifa}
    assert "外防输入、内防反弹" in found  # quoted in the text, reported without the quotes
    assert found["外防输入、内防反弹"].kind == "quoted"
    assert "四个意识" in found
    lines = corpus_tree.text.split("\n")
    for doc in summaries:
        assert len(doc.tifa) <= 20
        keys = [(-t.count, t.line) for t in doc.tifa]
        assert keys == sorted(keys)
        for t in doc.tifa:
            assert t.kind in {"quoted", "formula", "list", "term"}
            assert t.count >= 1 and "“" not in t.text and "”" not in t.text
            assert t.text in lines[t.line - 1], t


def test_tifa_kinds():
    cut = load_resources().segmenter.cut
    text = (
        "坚持“外防输入、内防反弹”，增强四个意识，落实“应检尽检”和2+4+24+8要求，"
        "做到大排查、大管控、大整治，压实一岗双责。要做好三个方面的工作，第三个问题是十九大精神。"
    )
    found = {
        t: kind for t, kind, _count, _at in find_tifa(text, cut, load_resources().tifa_pattern)
    }
    assert found == {
        "外防输入、内防反弹": "quoted",
        "四个意识": "formula",
        "应检尽检": "quoted",
        "2+4+24+8": "formula",
        "大排查、大管控、大整治": "list",
        "一岗双责": "term",
    }


def test_tifa_limit(corpus_tree):
    assert all(len(d.tifa) <= 3 for d in summarize(corpus_tree, tifa=3))
    assert all(d.tifa == () for d in summarize(corpus_tree, tifa=0))


# --------------------------------------------------------------------------- options


def test_depth(corpus_tree, summaries):
    one = summarize(corpus_tree, depth=1)
    assert all(_max_depth(d.sections) <= 1 for d in one)
    assert max(_max_depth(d.sections) for d in summaries) == 2
    assert max(_max_depth(d.sections) for d in summarize(corpus_tree, depth=4)) == 4


def test_section_at_the_depth_limit_speaks_for_its_children(corpus_tree, summaries):
    # 篇六 一、 has no body of its own, only 一是 二是 三是 below it.
    (two,) = [d for d in summaries if d.index == "6"]
    (one,) = [d for d in summarize(corpus_tree, depth=1) if d.index == "6"]
    assert two.sections[0].sentences == () and two.sections[0].children
    assert len(one.sections[0].sentences) == 1 and one.sections[0].children == ()
    child_lines = {s.line for c in two.sections[0].children for s in c.sentences}
    assert one.sections[0].sentences[0].line in {118, 119, 120} | child_lines


def test_sentences_per_section(corpus_tree):
    two = summarize(corpus_tree, sentences=2)
    counts = [len(s.sentences) for d in two for s in _walk(d.sections)]
    assert max(counts) == 2 and 1 in counts
    none = summarize(corpus_tree, sentences=0)
    assert all(_picks(d) == [] and d.characters == 0 for d in none)
    assert [d.keywords for d in none] == [d.keywords for d in summarize(corpus_tree)]


def test_max_chars_budget(corpus_tree):
    full = summarize(corpus_tree, sentences=3)
    for budget in (0, 200, 600):
        cut = summarize(corpus_tree, sentences=3, max_chars=budget)
        for a, b in zip(full, cut, strict=True):
            kept = _picks(b)
            assert set(kept) <= set(_picks(a))
            assert b.characters <= budget or len(kept) == 1
            assert kept, "a document keeps at least one sentence"
    generous = summarize(corpus_tree, sentences=3, max_chars=10**9)
    assert generous == full


def test_budget_keeps_one_sentence_per_top_level_section(corpus_tree):
    from govspeech.views import documents

    full = summarize(corpus_tree, sentences=3)
    assert summarize(corpus_tree, sentences=3, max_chars=None, ratio=None) == full
    # Each document gets a budget of its own (half its picks). A summary depends on its own
    # document only, so each one is summarised alone: one pass over the corpus, not one per
    # document (19 passes of the whole file once took 6 s).
    views = list(documents(corpus_tree))
    assert [v.index for v in views] == [a.index for a in full]
    emptied = 0
    for view, a in zip(views, full, strict=True):
        alone = govspeech.ParsedFile((), (attrs.evolve(view.document, subdocuments=()),))
        (same,) = summarize(alone, sentences=3)
        assert attrs.evolve(same, index=a.index, label=a.label) == a
        budget = a.characters // 2
        (b,) = summarize(alone, sentences=3, max_chars=budget)
        assert set(_picks(b)) <= set(_picks(a))
        assert b.characters <= budget or len(_picks(b)) == 1
        per_section = [sum(len(x.sentences) for x in _walk((sec,))) for sec in b.sections]
        had = [any(x.sentences for x in _walk((sec,))) for sec in a.sections]
        if any(h and not n for h, n in zip(had, per_section, strict=True)):
            # A top-level section lost its last pick only because nothing else was left to drop.
            emptied += 1
            assert b.opening == () and max(per_section) <= 1, a.index
    assert emptied < len(full) // 2


def test_ratio_budget(corpus_tree):
    for ratio in (0.05, 0.2):
        for doc in summarize(corpus_tree, sentences=3, ratio=ratio):
            assert doc.characters <= ratio * doc.body_characters or len(_picks(doc)) == 1
    both = summarize(corpus_tree, sentences=3, ratio=0.5, max_chars=100)
    assert both == summarize(corpus_tree, sentences=3, max_chars=100)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"depth": 0},
        {"sentences": -1},
        {"keywords": -1},
        {"max_chars": -5},
        {"ratio": 0},
        {"ratio": 1.5},
        {"tifa": -1},
    ],
)
def test_bad_options(kwargs):
    with pytest.raises(ValueError, match=next(iter(kwargs))):
        summarize(govspeech.parse("同志们：\n"), **kwargs)


# --------------------------------------------------------------------------- other input


def test_government_work_report():
    tree = govspeech.parse_file(report(2024))
    (doc,) = summarize(tree)
    assert doc.title is not None and "2024" in doc.title
    assert [s.marker for s in doc.sections][:3] == ["一、", "二、", "三、"]
    assert "发展" in doc.keywords
    text = tree.text
    assert all(text[s.start : s.end] == s.text for s in _picks(doc))
    assert all(sec.sentences or sec.children for sec in doc.sections)


def test_document_without_sections(summaries):
    (doc,) = [d for d in summaries if d.index == "3"]  # 篇三: no headings at all
    assert doc.sections == ()
    assert len(doc.opening) == 3  # the whole body is the opening: up to three sentences
    small = govspeech.parse(
        "同志们：\n今天召开会议，研究部署全县安全生产工作。各单位要压实安全生产责任，确保安全。\n谢谢大家！\n"
    )
    (doc,) = summarize(small)
    assert [s.text for s in doc.opening] == [
        "今天召开会议，研究部署全县安全生产工作。",
        "各单位要压实安全生产责任，确保安全。",
    ]
    assert doc.keywords == ("安全生产",)


def test_empty_and_bodiless_text():
    assert summarize(govspeech.parse("")) == []
    assert summarize(govspeech.parse("  \n")) == []
    (doc,) = summarize(govspeech.parse("同志们：\n谢谢大家！\n"))
    assert (doc.opening, doc.sections, doc.keywords, doc.tifa) == ((), (), (), ())
    assert doc.characters == 0
    (doc,) = summarize(govspeech.parse("一、统一思想\n二、狠抓落实\n"))
    # No sentences; heading words count double, so a heading alone gives keywords.
    assert [(s.marker, s.sentences, s.keywords) for s in doc.sections] == [
        ("一、", (), ("统一", "思想")),
        ("二、", (), ("狠抓落实",)),
    ]


def test_offsets_with_crlf_bom_and_indentation():
    text = "\ufeff同志们：\r\n一、要统一思想。\r\n\u3000\u3000全县上下要统一思想认识。 要狠抓落实工作！\r\n"
    tree = govspeech.parse(text)
    (doc,) = summarize(tree, sentences=2)
    picks = _picks(doc)
    assert [s.text for s in picks] == ["全县上下要统一思想认识。", "要狠抓落实工作！"]
    assert all(tree.text[s.start : s.end] == s.text and s.line == 3 for s in picks)


# --------------------------------------------------------------------------- sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("第一句。第二句！第三句？", ["第一句。", "第二句！", "第三句？"]),
        (
            "他说：“要做好。要做实！”然后走了；再说",
            ["他说：“要做好。要做实！”", "然后走了；", "再说"],
        ),
        ("疫情防控关键在“外防输入、内防反弹”。", ["疫情防控关键在“外防输入、内防反弹”。"]),
        (
            "一是排查（对重点人员，逐一核查。）二是管控。",
            ["一是排查（对重点人员，逐一核查。）", "二是管控。"],
        ),
        ("印发《意见。》后执行。", ["印发《意见。》", "后执行。"]),
        ("未闭合的“引号。后面还有句子。", ["未闭合的“引号。", "后面还有句子。"]),
        ("  没有终止标点\r\n", ["没有终止标点"]),
        ("半角也算!还有;结束?", ["半角也算!", "还有;", "结束?"]),
        ("。。。\n", ["。。。"]),
        (" \u3000\n", []),
    ],
)
def test_sentence_spans(text, expected):
    assert [text[s:e] for s, e in sentence_spans(text)] == expected


def test_every_paragraph_splits_into_verbatim_sentences(corpus_tree):
    text = corpus_tree.text
    count = 0
    for leaf in corpus_tree.iter_leaves():
        if isinstance(leaf, govspeech.Paragraph):
            sentences = split_paragraph(leaf)
            # Nothing but the white space between sentences is left out.
            joined = "".join(s.text for s in sentences)
            assert "".join(joined.split()) == "".join(leaf.content.split())
            for s in sentences:
                assert text[s.start : s.end] == s.text and s.line == leaf.line
            count += len(sentences)
    assert count > 900


# --------------------------------------------------------------------------- determinism, jieba


def _digest_code(path: Path) -> str:
    return (
        "import json, attrs, govspeech\n"
        "from govspeech_plugins.summarize.summary import summarize\n"
        f"tree = govspeech.parse_file({str(path)!r})\n"
        "out = [attrs.asdict(d) for d in summarize(tree, depth=3, sentences=2, max_chars=900)]\n"
        "print(json.dumps(out, ensure_ascii=False, sort_keys=True))\n"
    )


@pytest.mark.slow  # two fresh interpreters loading jieba: seconds; CI runs it
def test_deterministic(corpus_tree, summaries):
    assert summarize(corpus_tree) == summaries
    here = [attrs.asdict(d) for d in summarize(corpus_tree, depth=3, sentences=2, max_chars=900)]
    for seed in ("0", "12345"):
        out = _run(_digest_code(CORPUS_FILE), dict(os.environ, PYTHONHASHSEED=seed)).stdout
        assert json.loads(out) == json.loads(json.dumps(here, ensure_ascii=False)), seed


def test_import_does_not_load_jieba():
    code = (
        "import sys, govspeech_plugins.summarize.summary, govspeech_plugins.summarize.segment\n"
        "print('jieba' in sys.modules)\n"
    )
    assert _run(code, _env()).stdout.strip() == "False"


SMALL_RUN = (
    "import sys, govspeech\n"
    "from govspeech_plugins.summarize.summary import summarize, load_resources\n"
    "doc, = summarize(govspeech.parse('同志们：\\n一、要统一思想。全县上下要统一思想认识。\\n'))\n"
    "t = load_resources().timings\n"
    "print(doc.sections[0].sentences[0].text, t.from_cache, t.cache_file)\n"
)


@pytest.mark.skipif(sys.platform in {"win32", "darwin"}, reason="XDG_CACHE_HOME: Linux and BSD")
def test_silent_and_cached_in_the_user_cache_folder(tmp_path):
    env = _env(XDG_CACHE_HOME=str(tmp_path))
    first = _run(SMALL_RUN, env)
    assert first.stderr == ""
    cache = tmp_path / "govspeech" / "jieba-0.42.1.cache"
    assert first.stdout.split() == ["全县上下要统一思想认识。", "False", str(cache)]
    assert cache.is_file()
    second = _run(SMALL_RUN, env)
    assert second.stderr == ""
    assert second.stdout.split()[1] == "True"


@pytest.mark.slow  # a fresh interpreter loading jieba; CI runs it
def test_cache_folder_from_the_environment(tmp_path):
    env = _env(GOVSPEECH_CACHE_DIR=str(tmp_path / "gs"), XDG_CACHE_HOME=str(tmp_path / "xdg"))
    out = _run(SMALL_RUN, env)
    assert out.stderr == ""
    assert (tmp_path / "gs" / "jieba-0.42.1.cache").is_file()
    assert not (tmp_path / "xdg").exists()


@pytest.mark.slow  # a fresh interpreter loading jieba; CI runs it
def test_unwritable_cache_folder_falls_back_silently(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    env = _env(GOVSPEECH_CACHE_DIR=str(blocker / "cache"), TMPDIR=str(tmp))
    out = _run(SMALL_RUN, env)
    assert out.stderr == ""
    text, from_cache, cache = out.stdout.split()
    assert (text, from_cache) == ("全县上下要统一思想认识。", "False")
    assert Path(cache).parent.parent == tmp and Path(cache).is_file()


def test_global_jieba_tokenizer_is_untouched(summaries):
    import jieba  # type: ignore[import-untyped]

    assert "四个意识" not in jieba.dt.FREQ
    assert load_resources().segmenter.cut("增强四个意识") == ["增强", "四个意识"]
