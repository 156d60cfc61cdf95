"""提法: the formulaic slogans and numbered formulas of a text.

Found by form, not by a list (only the last kind uses one):

* ``quoted`` — a quotation “…” of 2–16 characters that is a slogan: parallel parts joined by
  、 or ，(“外防输入、内防反弹”, “作示范、勇争先”), a numbered or ABAC/AABB form (“三个不放松”,
  “应检尽检”), a number of 3–4 digits (“333”), or any other quotation of 3 or more characters
  quoted twice or more. The text is reported without its quotation marks.
* ``formula`` — N个X / N大X (四个意识, 三大攻坚战): X is the next one or two words, cut at
  word boundaries, and not a counting word (三个方面, 两个小时…); congress numbers (十九大)
  and ordinals (第三个) are left out. Also digit formulas such as 2+4+24+8.
* ``list`` — 排比: three or more items in a 、-separated run, of equal length and sharing their
  first or their last character (大排查、大管控、大整治; 多学、多问、多做).
* ``term`` — entries of the user dictionary tagged ``tf`` (一岗双责, 联防联控…).

When one phrase is found in several ways the first kind above wins. A phrase contained in a
longer one found with the same count is dropped (外防输入 inside 外防输入、内防反弹 when it never
occurs alone). Counts are occurrences of the text anywhere in the scanned text, quoted or not.
Recurring word n-grams were tried and left out: they find collocations, not 提法.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable

__all__ = ["Found", "find_tifa", "terms_pattern"]

# (text, kind, count, offset of the first occurrence)
Found = tuple[str, str, int, int]

_HAN = "\u4e00-\u9fff"
_NUMERALS = "一二两三四五六七八九十百千双"
_QUOTED = re.compile("“([^“”\n]{2,16})”")
_NOT_A_SLOGAN = re.compile("[。！？!?；;：:（）()《》]")
_PARTS = re.compile("[、，,]")
_ALL_HAN = re.compile(f"[{_HAN}]+")
_ANY_HAN = re.compile(f"[{_HAN}]")
_NUMBERED = re.compile(f"[{_NUMERALS}零+]")
_NX = re.compile(f"([二两三四五六七八九十]+)(个|大)([{_HAN}]{{1,6}})")
_DIGIT_FORMULA = re.compile(r"(?<![\d.])\d{1,3}(?:\+\d{1,3})+(?![\d.])")
_DIGITS = re.compile(r"\d{3,4}")
_LIST_RUN = re.compile(f"(?<![{_HAN}])[{_HAN}]+(?:、[{_HAN}]+){{2,}}")
# X of N个X / N大X that counts things rather than names a formula.
_COUNTING_WORDS = frozenset(
    "方面 问题 部分 园区 方案 子方案 阶段 国家 地区 单位 部门 月 小时 百分点 重点 环节 目标 关口 "
    "层次 月份 方向 领域 层面 原因 人 乡镇 村 社区 县 城市 项目 企业 渠道 途径 措施 基础 特点 "
    "标志 窗口 名称".split()
)

Cut = Callable[[str], list[str]]


def _abac(s: str) -> bool:  # 应检尽检, 能快则快
    return len(s) == 4 and s[1] == s[3] and s[0] != s[2]


def _aabb(s: str) -> bool:  # 严严实实
    return len(s) == 4 and s[0] == s[1] and s[2] == s[3] and s[0] != s[2]


def terms_pattern(terms: Iterable[str]) -> re.Pattern[str] | None:
    """One regex for the user-dictionary 提法, longest first (build once, reuse)."""
    ordered = sorted(set(terms), key=lambda w: (-len(w), w))
    return re.compile("|".join(map(re.escape, ordered))) if ordered else None


def _quoted(text: str, found: dict[str, str]) -> None:
    for inner, times in Counter(_QUOTED.findall(text)).items():
        if _DIGITS.fullmatch(inner):
            found.setdefault(inner, "quoted")  # “333”
            continue
        if _NOT_A_SLOGAN.search(inner) or not _ANY_HAN.search(inner):
            continue
        parts = [p for p in _PARTS.split(inner) if p]
        if len(parts) >= 2:
            if all(2 <= len(p) <= 8 and _ALL_HAN.fullmatch(p) for p in parts):
                found.setdefault(inner, "quoted")
        elif _NUMBERED.search(inner) or _abac(inner) or _aabb(inner):
            found.setdefault(inner, "quoted")
        elif len(inner) >= 3 and times >= 2:
            found.setdefault(inner, "quoted")


def _numbered(text: str, cut: Cut, found: dict[str, str]) -> None:
    for m in _NX.finditer(text):
        number, kind, rest = m.groups()
        if kind == "大" and (len(number) > 1 or number == "十"):
            continue  # 十九大, 二十大: congresses
        if m.start() > 0 and text[m.start() - 1] in _NUMERALS + "第":
            continue  # 第三个, 二十三个
        x = ""
        for word in cut(rest):
            if len(x) + len(word) > 4 or word in _COUNTING_WORDS:
                break  # 三个方面, 五个月中
            x += word
            if len(x) >= 2:
                break
        if len(x) >= 2:
            found.setdefault(number + kind + x, "formula")
    for m in _DIGIT_FORMULA.finditer(text):
        found.setdefault(m.group(0), "formula")


def _edge(run: str, length: int, cut: Cut, *, from_end: bool) -> str:
    """The item at one end of a 、-run, cut at a word boundary: ``length`` or one more chars."""
    words = cut(run)
    if from_end:
        words.reverse()
    acc = ""
    for word in words:
        acc = word + acc if from_end else acc + word
        if len(acc) >= length:
            break
    return acc if length <= len(acc) <= length + 1 else ""


def _lists(text: str, cut: Cut, found: dict[str, str]) -> None:
    for m in _LIST_RUN.finditer(text):
        items = m.group(0).split("、")
        middle = items[1:-1]
        length = len(middle[0])
        if not 2 <= length <= 4 or any(len(x) != length for x in middle):
            continue
        if len(items[0]) < length or len(items[-1]) < length:
            continue
        # The run's two ends are not item boundaries: cut them at word boundaries.
        first = _edge(items[0][-(length + 3) :], length, cut, from_end=True)
        last = _edge(items[-1][: length + 3], length, cut, from_end=False)
        if not first or not last:
            continue
        parts = [first, *middle, last]
        if any(p[0] in _NUMERALS or p[0] in "各第" for p in parts):
            continue  # 各乡镇、各部门…; 二中、三中…
        if len({p[0] for p in parts}) == 1 or len({p[-1] for p in parts}) == 1:
            found.setdefault("、".join(parts), "list")


def find_tifa(text: str, cut: Cut, terms: re.Pattern[str] | None = None) -> list[Found]:
    """The 提法 of ``text`` as ``(text, kind, count, first offset)``.

    Sorted by count (most first), then first occurrence. ``cut`` segments a short string into
    words (used to cut N个X and list ends at word boundaries); ``terms`` is `terms_pattern`
    of the user dictionary's 提法. Lines of ``text`` are scanned as they are: join separate
    paragraphs with a newline so that nothing is found across them.
    """
    found: dict[str, str] = {}
    _quoted(text, found)
    _numbered(text, cut, found)
    _lists(text, cut, found)
    if terms is not None:
        for word in terms.findall(text):
            found.setdefault(word, "term")
    rows = [(phrase, kind, text.count(phrase), text.find(phrase)) for phrase, kind in found.items()]
    by_count: dict[int, list[str]] = {}
    for phrase, _kind, count, _at in rows:
        by_count.setdefault(count, []).append(phrase)
    rows = [
        row
        for row in rows
        if not any(row[0] != other and row[0] in other for other in by_count[row[2]])
    ]
    rows.sort(key=lambda r: (-r[2], r[3], r[0]))
    return rows
