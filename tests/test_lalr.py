"""The parser without Lark at run time: shipped tables, the driver, the line dispatch, the
pattern cache — each checked against what Lark and the full line pattern give."""

from __future__ import annotations

import os
import subprocess
import sys
import zlib
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import govspeech
from govspeech.nodes import split_lines
from govspeech.syntax import build, generated_tables
from govspeech.syntax.dispatch import char_set
from govspeech.syntax.lalr import Grammar, ParserBug, parse
from govspeech.syntax.patterncache import PatternCache
from govspeech.syntax.reference import lark_parse
from govspeech.syntax.tokens import Token
from govspeech.syntax.treebuilder import TreeBuilder, patterns

from .randomdocs import random_documents

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"


@cache
def _corpus_texts() -> list[tuple[str, str]]:
    paths = [ROOT / "examples" / "speech.txt", ROOT / "tests" / "data" / "corpus_speeches.txt"]
    for folder in (SHARED / "reports", SHARED / "gongwen"):
        if folder.is_dir():
            paths += sorted(folder.glob("*.txt"))
    return [(p.name, govspeech.parse_file(p).text) for p in paths]


def test_shipped_tables_are_what_lark_computes_from_the_grammar():
    # Fails after a grammar change until `python -m govspeech.syntax.build` is run.
    shipped = Path(generated_tables.__file__).read_text("utf-8")
    assert build.generate() == shipped, "run: python -m govspeech.syntax.build"
    data = build.grammar_text().encode("utf-8")
    assert generated_tables.GRAMMAR_CRC32 == (zlib.crc32(data), len(data))


def test_the_driver_gives_the_trees_lark_gives_on_every_corpus_file():
    texts = _corpus_texts()
    assert len(texts) >= 2
    for name, text in texts:
        assert govspeech.parse(text) == lark_parse(text), name


def test_the_driver_gives_the_trees_lark_gives_on_random_documents():
    # benchmarks/parse.py --check runs 10⁴ of them; here a few hundred keep the suite fast
    for i, text in enumerate(random_documents(150, seed=3)):
        assert govspeech.parse(text) == lark_parse(text), i


def test_a_parse_imports_no_lark():
    code = (
        "import sys, govspeech; govspeech.parse_file(sys.argv[1]); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('lark', 'sre_parse')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(ROOT / "examples" / "speech.txt")],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert done.stdout.strip() == "[]"


def test_the_driver_reports_a_token_the_grammar_does_not_allow():
    grammar = Grammar(generated_tables, TreeBuilder())
    with pytest.raises(ParserBug, match="internal error: the parser got _INDENT"):
        parse(grammar, [Token("_INDENT")])


# --- the line dispatch ------------------------------------------------------------------


def test_dispatch_reads_first_and_last_characters_from_the_patterns():
    assert char_set("[一二]、", "first") == {"一", "二"}
    assert char_set("(?:附件|注)[：:]", "first") == {"附", "注"}
    assert char_set("[^\n]{0,12}谢谢", "first") is None  # may start with anything
    assert char_set("(?=各)[^\n]*：", "first") is None  # a lookahead constrains nothing here
    # the last character before trailing white space, for patterns that run to the line's end
    assert char_set("[^\n]{2,9}(讲话|报告)[ \t\u3000]*$", "last", " \t\u3000") == {"话", "告"}
    assert char_set("第[0-9]{1,3}号[)）]?[ \t]*$", "last", " \t\u3000") == {"号", ")", "）"}
    assert char_set("[^\n]*?谢谢", "last", " ") is None  # does not run to the end
    assert char_set("[ \t]+$", "last", " \t") is None  # white space alone: anything before


@cache
def _lines() -> list[str]:
    lines = [line.rstrip("\r\n") for _, text in _corpus_texts() for line in split_lines(text)]
    lines += [line.rstrip("\r\n") for d in random_documents(200, seed=5) for line in split_lines(d)]
    return lines


def _same(a, b) -> bool:  # type: ignore[no-untyped-def]
    if a is None or b is None:
        return a is b
    name = a.lastgroup
    return (name, a.span(), a.span(name)) == (b.lastgroup, b.span(), b.span(b.lastgroup))


def test_dispatch_matches_as_the_full_line_pattern_on_real_lines():
    classifier = patterns().line
    full = classifier.full()
    lines = _lines()
    assert len(lines) > 5000
    for line in lines:
        assert _same(classifier.match(line), full.match(line)), line


_PIECES = [
    "一、", "（一）", "1．", "(1)", "①", "一是", "第一，", "——", "第一章", "第一条", "附件", "附件1",
    "各位代表", "同志们：", "谢谢大家！", "小编", "整理", "关于印发", "的通知", "讲话", "报告",
    "余府发〔2012〕3号", "2012年1月9日", "印发", "抄送：", "：", "。", "，", " ", "　", "\t",
    "## ", "* ", "- ", "\u00a0", "\u200b", "号", "工作", "万岁！", "今天召开", "让我们",
    "总的看，", "目　录", "注：", "签发人：", "机密★1年", "特急", "人民政府文件", "123456", "x",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12))
def test_dispatch_matches_as_the_full_line_pattern_on_any_line(pieces):
    line = "".join(pieces)
    classifier = patterns().line
    assert _same(classifier.match(line), classifier.full().match(line)), line


# --- the compiled-pattern cache ---------------------------------------------------------


def test_the_pattern_cache_rebuilds_what_it_compiled(tmp_path, monkeypatch):
    monkeypatch.setenv("GOVSPEECH_CACHE_DIR", str(tmp_path))
    pattern = r"(?P<A>[一二三]、)|(?P<B>第[一二]条)"
    first = PatternCache("test").get(pattern)
    files = list(tmp_path.rglob("*.marshal"))
    assert len(files) == 1
    again = PatternCache("test").get(pattern)  # from the file
    for text in ("一、总则", "第二条　为了", "正文"):
        assert _same(first.match(text), again.match(text))
    assert again.groupindex == {"A": 1, "B": 2}


def test_a_damaged_cache_file_costs_a_recompile_not_a_wrong_match(tmp_path, monkeypatch):
    monkeypatch.setenv("GOVSPEECH_CACHE_DIR", str(tmp_path))
    pattern = r"[一二三]、"
    PatternCache("test").get(pattern)
    (path,) = tmp_path.rglob("*.marshal")
    for damage in (b"", b"\x00garbage", path.read_bytes()[:-7]):
        path.write_bytes(damage)
        compiled = PatternCache("test").get(pattern)
        assert compiled.match("二、") and not compiled.match("四、")


def test_an_unwritable_cache_folder_costs_only_the_cache(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("GOVSPEECH_CACHE_DIR", str(blocked / "sub"))
    assert PatternCache("test").get("二、").match("二、")
    assert blocked.read_text() == "not a folder"


def test_a_parse_works_when_the_cache_cannot_be_written(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    env = {**os.environ, "GOVSPEECH_CACHE_DIR": str(blocked / "sub")}
    code = "import sys, govspeech; print(repr(govspeech.parse_file(sys.argv[1])))"
    example = ROOT / "examples" / "speech.txt"
    done = subprocess.run(
        [sys.executable, "-c", code, str(example)],
        capture_output=True, text=True, check=True, env=env,
    )  # fmt: skip
    assert done.stdout.strip() == repr(govspeech.parse_file(example))
    assert done.stderr == ""


def test_a_parse_leaves_the_garbage_collector_as_it_found_it():
    import gc

    text = "一、总则\n（一）范围。\n正文。\n" * 50
    assert gc.isenabled()
    govspeech.parse(text)
    assert gc.isenabled()
    gc.disable()
    try:
        govspeech.parse(text)
        assert not gc.isenabled()
    finally:
        gc.enable()
    # objects the caller froze (a server before fork) stay frozen
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        govspeech.parse(text)
        assert gc.get_freeze_count() > frozen // 2  # (a few may be freed meanwhile)
    finally:
        gc.unfreeze()


def test_the_lexers_inlined_dispatch_classifies_as_the_full_line_pattern():
    # lex() inlines LineClassifier.mask for speed: each line alone must get the class the
    # full pattern gives it (PARA when none matches, BLANK for white space)
    from govspeech.syntax.lexer import lex

    pats = patterns()
    full = pats.line.full()
    for line in _lines():
        m = full.match(line)
        expected = m.lastgroup if m else "PARA"
        if expected in ("LICENSE", "BOILERPLATE"):
            expected = "BOILERPLATE"  # the lexer's one class for both
        assert lex(line + "\n", pats)[0].type == expected, line
