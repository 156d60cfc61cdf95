"""fix is total and idempotent, and changes only marker characters, on any sequence of markers.

Texts are built from marker pieces (一、 （一） (二) 1． 2. 3、 （1） 1) ① 一是 二要 第一， 第二、 首先，
…) with numbers from 0 to large, repeats, gaps and restarts, decoys (十三五, 一百、 一千、), short
titles, body text with enumerations inside it, indentation and CRLF. For each, with and without
``--unsafe-fixes``: fix raises nothing, fixing its result changes nothing, and the result is the
input with only the original tree's markers rewritten.
"""

from __future__ import annotations

import argparse
import re
import tempfile
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import govspeech
from govspeech.nodes import Paragraph
from govspeech.syntax.numerals import chinese_to_int, int_to_chinese
from govspeech_plugins.check.config import load
from govspeech_plugins.check.fix import Fix, fixed_text

from .test_fix import marker_spans


@cache
def _options(unsafe: bool) -> argparse.Namespace:
    """The options of ``govspeech fix [--unsafe-fixes]``, parsed by the plugin's own parser,
    with the default configuration (searched from an empty folder, so no file applies)."""
    parser = argparse.ArgumentParser()
    Fix().add_arguments(parser)
    options = parser.parse_args(["--unsafe-fixes"] if unsafe else [])
    options.lint_config = load(options, start=Path(tempfile.mkdtemp()))
    return options


def fix(text: str, unsafe: bool) -> str:
    out: str = fixed_text(govspeech.parse(text), _options(unsafe))[0]
    return out


def only_markers_changed(old: str, new: str) -> bool:
    """Is ``new`` the text ``old`` with each marker span of its tree replaced (by anything
    without a line break)? Exact, unlike a diff, which can align 五是 六是 with 六是 七是."""
    spans: list[tuple[int, int]] = []
    for a, b in marker_spans(govspeech.parse(old)):
        if spans and a <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(b, spans[-1][1]))
        else:
            spans.append((a, b))
    pattern, done = [], 0
    for a, b in spans:
        pattern += [re.escape(old[done:a]), "[^\r\n]*?"]
        done = b
    pattern.append(re.escape(old[done:]))
    return re.fullmatch("".join(pattern), new, re.DOTALL) is not None


def assert_fix_is_sound(text: str) -> None:
    for unsafe in (False, True):
        once = fix(text, unsafe)
        assert fix(once, unsafe) == once, ("not idempotent", unsafe, once)
        assert only_markers_changed(text, once), ("not only markers", unsafe, once)


# ---------------------------------------------------------------------- generated texts


def _cn(n: int) -> str:
    return int_to_chinese(n)


def _positional(n: int) -> str:
    return "".join("〇一二三四五六七八九"[int(d)] for d in str(n))  # 二〇二四


def _fullwidth(n: int) -> str:
    return "".join(chr(ord(d) - ord("0") + ord("０")) for d in str(n))


def _circled(n: int, first: int, count: int) -> str:
    return chr(first + n - 1) if 1 <= n <= count else chr(first)


# A family: how its marker is written for a number (several ways, most of them wrong).
FAMILIES: dict[str, list[str]] = {
    "cn_num": ["{c}、", "{c}、", "{c}．", "{c}.", "{c} 、", "{p}、"],
    "cn_paren": ["（{c}）", "（{c}）", "({c})", "（{c})", "({c}）", "（{c}）、", "（ {c} ）"],
    "ar_dot": ["{a}．", "{a}.", "{a}、", "{f}．", "{a} ."],
    "ar_paren": ["（{a}）", "({a})", "（{f}）", "（{a})", "{a})", "{a}）"],
    "circled": ["{o}", "{o}、", "{q}", "{d}"],
    "enum_shi": ["{c}是"],
    "enum_yao": ["{c}要"],
    "ordinal": ["第{c}，", "第{c}、", "第{c},", "第{c}："],
    "part": ["第{c}部分", "第{c}章"],
    "bare": ["{c}"],
}
# Markers written as they are, and lines that are no markers.
PIECES = [
    "首先，",
    "其次，",
    "最后，",
    "——",
    "--",
    "十一、",
    "一百、",
    "一千、",
    "零、",
    "〇、",
    "0.",
]
DECOYS = [
    "十三五",
    "十一五规划",
    "一、二线城市",
    "1、2号",
    "第一时间",
    "同志们：",
    "谢谢大家！",
    "",
    "  ",
]
TITLES = ["甲", "统一思想", "提高站位。", "加强监管。要求落实到位", "乙！", "抓好落实；", ""]
BODY = ["做好工作", "二线城市", "2.2万份", "第一时间", "一要求", "十三五", "三要素", "全面推进"]

small = st.integers(0, 12)
large = st.sampled_from([19, 20, 21, 49, 50, 51, 99, 100, 101, 110, 999, 1000, 1001, 10**5])
starts = st.one_of(st.just(1), small, large, st.integers(0, 10**13))
# Mostly the next number; else a repeat, a gap, a restart, a step back or anything.
steps = st.one_of(st.just(1), st.just(1), st.sampled_from([0, 2, 3, -1, -2]), st.just(None))


def _marker(template: str, n: int) -> str:
    return template.format(
        c=_cn(n),
        p=_positional(n),
        a=n,
        f=_fullwidth(n),
        o=_circled(n, 0x2460, 20),
        q=_circled(n, 0x2474, 20),
        d=_circled(n, 0x2488, 20),
    )


@st.composite
def inline_list(draw: st.DrawFn) -> str:
    """Body text with enumerations inside it: …。二是…；三是…"""
    word = draw(st.sampled_from(["是", "是", "要", "第"]))
    n = draw(st.integers(0, 12))
    out = [draw(st.sampled_from(BODY))]
    for _ in range(draw(st.integers(1, 3))):
        n = max(1, min(n + draw(st.sampled_from([1, 1, 0, 2, -1])), 99))
        marker = f"第{_cn(n)}，" if word == "第" else _cn(n) + word
        out.append(draw(st.sampled_from("。；，：")) + marker + draw(st.sampled_from(BODY)))
    return "".join(out) + "。"


@st.composite
def texts(draw: st.DrawFn) -> str:
    families = draw(st.lists(st.sampled_from(sorted(FAMILIES)), min_size=1, max_size=3))
    numbers: dict[str, int] = {}
    lines = []
    for _ in range(draw(st.integers(1, 12))):
        kind = draw(st.sampled_from(["heading"] * 6 + ["piece", "decoy", "inline"]))
        if kind == "decoy":
            lines.append(draw(st.sampled_from(DECOYS)))
            continue
        if kind == "inline":
            lines.append(draw(inline_list()))
            continue
        if kind == "piece":
            marker = draw(st.sampled_from(PIECES))
        else:
            family = draw(st.sampled_from(families))
            step = draw(steps)
            if family not in numbers or step is None:
                n = draw(starts)
            else:
                n = max(0, numbers[family] + step)
            numbers[family] = n
            marker = _marker(draw(st.sampled_from(FAMILIES[family])), n)
        indent = draw(st.sampled_from(["", "", "", " ", "\u3000\u3000"]))
        line = indent + marker + draw(st.sampled_from(TITLES))
        if draw(st.integers(0, 4)) == 0:
            line += ("" if line.endswith(("。", "！", "；")) else "。") + draw(inline_list())
        lines.append(line)
    eol = draw(st.sampled_from(["\n", "\n", "\r\n"]))
    return eol.join(lines) + draw(st.sampled_from([eol, eol, ""]))


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts())
@example("二.甲\n一．甲\n")
@example("第二、甲\n二、甲\n十三五\n第二、甲\n")
@example("二、甲\n一、乙\n三、丙\n")
@example("一.\n2.抓好落实；\n")
def test_fix_is_total_idempotent_and_changes_only_markers(text: str) -> None:
    assert_fix_is_sound(text)


# ---------------------------------------------------------------------- the reported cases


def test_no_numeral_for_zero() -> None:
    """二. 一． was renumbered from 二 as the run's start: 一 became 零, which had no numeral."""
    text = "二.甲\n一．甲\n"
    assert fix(text, False) == fix(text, True) == "一、甲\n二、甲\n"
    assert_fix_is_sound(text)


@pytest.mark.parametrize(("count", "renumbered"), [(999, True), (1000, False)])
def test_a_thousand_headings(count: int, renumbered: bool) -> None:
    """一、 a thousand times: 一千、 is no heading the grammar reads, so that run is left as it
    is (half of it renumbered would start a run again); 999 of them are renumbered."""
    text = "一、甲\n" * count
    for unsafe in (False, True):
        out = fix(text, unsafe)
        assert (out != text) == renumbered
        assert fix(out, unsafe) == out
    if renumbered:
        assert out.splitlines()[-1] == "九百九十九、甲"


def test_renumbering_that_changes_the_nesting_settles_in_one_fix() -> None:
    """二、 → 一、 puts 一、 below the 第二， before it (a heading may sit under a standalone
    第一，), which makes the two 第二， siblings: the second becomes 第三， in the same fix."""
    text = "第二、甲\n二、甲\n十三五\n第二、甲\n"
    out = fix(text, False)
    assert out == "第二，甲\n一、甲\n十三五\n第三，甲\n"
    assert fix(out, False) == out
    assert_fix_is_sound(text)


def test_the_width_of_the_text_does_not_count_the_markers() -> None:
    """一. → 一、 took a halfwidth dot away and tipped the text to fullwidth, so a second fix
    wrote 1．: the width is judged on the text outside the markers."""
    text = "一.\n2.抓好落实；\n"
    assert fix(text, False) == "一、\n1．抓好落实；\n"
    assert_fix_is_sound(text)


@pytest.mark.parametrize(
    "text",
    [
        "①甲\n" * 60,  # ㊿ is the last circled number
        "⒇甲\n⒇甲\n",
        "（ 二 ）甲\n（〇）乙\n",  # 〇 is no number a run may be renumbered to
        "二十一、甲\n〇、乙\n",
        "㊿甲\n㊿乙\n",
        "一〇〇〇、甲\n一.乙\n",  # the form is fixed, the numeral kept as written
        "——2024年3月5日\n--甲\n--乙\n",
        "一、甲\r\n一、乙\r\n（一）丙\r\n（一)丁",
    ],
)
def test_numbers_without_a_numeral(text: str) -> None:
    assert_fix_is_sound(text)


def test_a_form_fix_keeps_the_numeral_as_written() -> None:
    """二〇 after 一 is a jump a safe fix keeps: only its dot changes; --unsafe-fixes renumbers."""
    assert fix("一、甲\n二〇.乙\n", False) == "一、甲\n二〇、乙\n"
    assert fix("一、甲\n一〇〇〇.乙\n", False) == "一、甲\n一〇〇〇、乙\n"
    assert fix("一、甲\n一〇〇〇.乙\n", True) == "一、甲\n二、乙\n"


def test_check_reports_numbers_without_a_numeral() -> None:
    """The messages show such a number in digits: ㊿ has no successor in circled digits."""
    from govspeech_plugins.check.rules import analyse

    found = analyse(govspeech.parse("㊿甲\n㊿乙\n")).findings
    assert [f.code for f in found] == ["GS104", "GS102"]
    assert "(expected 51)" in found[1].message


# ---------------------------------------------------------------------- numerals


@pytest.mark.parametrize(
    ("n", "numeral"),
    [
        (0, "零"),
        (1, "一"),
        (10, "十"),
        (15, "十五"),
        (20, "二十"),
        (105, "一百零五"),
        (110, "一百一十"),
        (1000, "一千"),
        (1010, "一千零一十"),
        (10005, "一万零五"),
        (100000, "十万"),
        (100050000, "一亿零五万"),
        (10**12, "一万亿"),
    ],
)
def test_int_to_chinese(n: int, numeral: str) -> None:
    assert int_to_chinese(n) == numeral
    assert chinese_to_int(numeral) == n


@given(st.one_of(st.integers(0, 20000), st.integers(0, 10**30)))
def test_int_to_chinese_reads_back(n: int) -> None:
    assert chinese_to_int(int_to_chinese(n)) == n


def test_int_to_chinese_has_no_negative_numerals() -> None:
    with pytest.raises(ValueError):
        int_to_chinese(-1)


def test_markers_keep_their_paragraph_items() -> None:
    """The spans the property test allows to change are the tree's markers, items included."""
    text = "（一）总体要求。一是甲；二是乙。\n"
    tree = govspeech.parse(text)
    items = [i for leaf in tree.iter_leaves() if isinstance(leaf, Paragraph) for i in leaf.items]
    assert [text[s:e] for s, e in marker_spans(tree)] == ["（一）", "一是", "二是"]
    assert [i.marker for i in items] == ["一是", "二是"]
    assert only_markers_changed(text, text.replace("二是", "三是"))
    assert not only_markers_changed(text, text.replace("甲", "丙"))
