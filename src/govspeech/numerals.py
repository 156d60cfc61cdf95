"""Reading the number a marker carries: 十二 → 12, （３） → 3, ⑴ → 1, 其次 → 2.

The grammar decides what a marker is; this module only turns the numeral inside a marker that
the grammar accepted into an ``int``.
"""

from __future__ import annotations

import unicodedata

__all__ = ["chinese_to_int", "marker_number"]

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
_CN_CHARS = frozenset(_DIGITS) | frozenset(_UNITS)
_SEQUENCE_WORDS = {"首先": 1, "其次": 2, "再次": 3}


def chinese_to_int(numeral: str) -> int | None:
    """Value of a Chinese numeral such as 三, 十一, 二十三, 一百零五; None if it has none."""
    if not numeral:
        return None
    total = 0
    digit: int | None = None
    for ch in numeral:
        if ch in _DIGITS:
            if digit is not None:
                # 二〇二四-style digit strings: read positionally
                digit = digit * 10 + _DIGITS[ch]
            else:
                digit = _DIGITS[ch]
        elif ch in _UNITS:
            total += (1 if digit is None else digit) * _UNITS[ch]
            digit = None
        else:
            return None
    return total + (digit or 0)


def marker_number(style: str, marker: str) -> int | None:
    """The number carried by ``marker`` of the given style, or None (dash items, 最后)."""
    if style == "dash":
        return None
    if style == "sequence":
        for word, value in _SEQUENCE_WORDS.items():
            if marker.startswith(word):
                return value
        return None
    if style in ("ar_dot", "ar_paren", "ar_half_paren"):
        digits = "".join(str(unicodedata.digit(ch)) for ch in marker if ch.isdigit())
        return int(digits) if digits else None
    if style in ("circled", "paren_digit"):
        for ch in marker:
            try:
                return int(unicodedata.numeric(ch))
            except (TypeError, ValueError):
                continue
        return None
    numeral = "".join(ch for ch in marker if ch in _CN_CHARS)
    return chinese_to_int(numeral)
