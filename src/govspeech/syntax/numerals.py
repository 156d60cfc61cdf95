"""Reading the number a marker carries: 十二 → 12, （３） → 3, ⑴ → 1, 其次 → 2; and writing one.

The grammar decides what a marker is; this module only turns the numeral inside a marker that
the grammar accepted into an ``int``, and an ``int`` into the Chinese numeral for it
(`int_to_chinese`, which `chinese_to_int` reads back for every ``n >= 0``).
"""

from __future__ import annotations

import unicodedata

from govspeech.syntax.families import BY_STYLE

__all__ = ["chinese_to_int", "int_to_chinese", "marker_number"]

_DIGITS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_UNITS = {"十": 10, "百": 100, "千": 1000}
# 万 and 亿 close a group of four digits (一万二千 is 1 × 10⁴ + 2000, 一万亿 is 10⁴ × 10⁸).
_GROUPS = {"万": 10**4, "亿": 10**8}
_CN_CHARS = frozenset(_DIGITS) | frozenset(_UNITS) | frozenset(_GROUPS)
_WRITTEN = "零一二三四五六七八九"
_SEQUENCE_WORDS = {"首先": 1, "其次": 2, "再次": 3}


def chinese_to_int(numeral: str) -> int | None:
    """Value of a Chinese numeral such as 三, 十一, 二十三, 一百零五 or 一万零一; None if none."""
    if not numeral:
        return None
    total = 0  # the groups closed by 万 or 亿
    section = 0  # below 万: what 十 百 千 have collected
    digit: int | None = None
    for ch in numeral:
        if ch in _DIGITS:
            if digit is not None:
                # 二〇二四-style digit strings: read positionally
                digit = digit * 10 + _DIGITS[ch]
            else:
                digit = _DIGITS[ch]
        elif ch in _UNITS:
            section += (1 if digit is None else digit) * _UNITS[ch]
            digit = None
        elif ch in _GROUPS:
            group = section + (digit or 0)
            if not group and not total:
                group = 1  # 万 alone is 一万
            if ch == "亿":
                total = (total + group) * _GROUPS[ch]  # 一万亿: 亿 multiplies all before it
            else:
                total += group * _GROUPS[ch]
            section, digit = 0, None
        else:
            return None
    return total + section + (digit or 0)


def int_to_chinese(n: int) -> str:
    """The Chinese numeral for ``n >= 0`` as markers write it: 零, 一 … 十 … 十九, 二十, 一百零五,
    一百一十, 一千零一十, 十万, 一亿零五万 (`chinese_to_int` reads each back to ``n``)."""
    if n < 0:
        raise ValueError(f"no Chinese numeral for {n}")
    return _WRITTEN[0] if n == 0 else _grouped(n, leading=True)


def _grouped(n: int, *, leading: bool) -> str:
    """1 ≤ n, in groups of 亿 and 万; ``leading``: nothing precedes it (十五, not 一十五)."""
    for unit, size in (("亿", _GROUPS["亿"]), ("万", _GROUPS["万"])):
        if n >= size:
            high, low = divmod(n, size)
            head = _grouped(high, leading=leading) + unit
            if not low:
                return head
            # A gap before the rest is read as 零: 一万零五 (10005), 一亿零五万 (100050000).
            gap = _WRITTEN[0] if low < size // 10 else ""
            return head + gap + _grouped(low, leading=False)
    return _section(n, leading=leading)


def _section(n: int, *, leading: bool) -> str:
    """1 ≤ n < 10000 in 千 百 十: 一千零一十, 一百一十, 十三 (leading) or 一十三 (after 百)."""
    out: list[str] = []
    gap = False
    for unit, size in (("千", 1000), ("百", 100), ("十", 10), ("", 1)):
        digit, n = divmod(n, size)
        if not digit:
            gap = bool(out)
            continue
        if gap:
            out.append(_WRITTEN[0])
            gap = False
        if not (leading and not out and unit == "十" and digit == 1):
            out.append(_WRITTEN[digit])
        out.append(unit)
    return "".join(out)


# Markers repeat (一、 二、 … in every document): each (style, marker) is read once. Bounded so
# that hostile input (10⁵ different markers) cannot grow it without end.
_NUMBERS: dict[tuple[str, str], int | None] = {}
_NUMBERS_MAX = 4096


def marker_number(style: str, marker: str) -> int | None:
    """The number carried by ``marker`` of the given style, or None (dash items, 最后)."""
    key = (style, marker)
    try:
        return _NUMBERS[key]
    except KeyError:
        pass
    number = _marker_number(style, marker)
    if len(_NUMBERS) >= _NUMBERS_MAX:
        _NUMBERS.clear()
    _NUMBERS[key] = number
    return number


def _marker_number(style: str, marker: str) -> int | None:
    script = BY_STYLE[style].script if style in BY_STYLE else "chinese"
    if script is None:
        return None
    if script == "sequence":
        for word, value in _SEQUENCE_WORDS.items():
            if marker.startswith(word):
                return value
        return None
    if script == "arabic":
        digits = "".join(str(unicodedata.digit(ch)) for ch in marker if ch.isdigit())
        return int(digits) if digits else None
    if script == "circled":
        for ch in marker:
            try:
                return int(unicodedata.numeric(ch))
            except (TypeError, ValueError):
                continue
        return None
    # 第十七条之一 is inserted after 第十七条: its number is 17 (之一 says where it sits).
    numeral = "".join(ch for ch in marker.split("之", 1)[0] if ch in _CN_CHARS)
    if not numeral:  # 附件2: a family that writes either script
        digits = "".join(str(unicodedata.digit(ch)) for ch in marker if ch.isdigit())
        return int(digits) if digits else None
    return chinese_to_int(numeral)
