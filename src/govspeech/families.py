"""The marker families: for each heading terminal of the grammar, its style, kind and rank.

The grammar says what a marker looks like; this table says what a family *is*: the ``style``
name a `Section` carries, its ``kind`` (numbered, enum, dash) and, for numbered families, the
``rank`` GB/T 9704-2012 gives it (第一部分 above 一、 above （一） above 1. above （1）).
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["FAMILIES", "Family"]


class Family(NamedTuple):
    """One marker family."""

    style: str
    kind: str
    #: canonical rank of a numbered family (smaller is higher); None for enum and dash items
    rank: int | None
    #: the family it shares a level with when nesting (1) and (1) are one run)
    nests_as: str | None = None
    #: part, chapter and section sit above 一、 whatever the order of appearance
    above_cn_num: bool = False


FAMILIES: dict[str, Family] = {
    "PART": Family("part", "numbered", 0, above_cn_num=True),
    "CHAPTER": Family("chapter", "numbered", 1, above_cn_num=True),
    "SECTION": Family("section", "numbered", 2, above_cn_num=True),
    "CN_NUM": Family("cn_num", "numbered", 3),
    # 一 alone on its line is 一、 without its comma: one run with 二、 (as check counts them)
    "CN_BARE": Family("cn_bare", "numbered", 3, nests_as="CN_NUM"),
    "CN_PAREN": Family("cn_paren", "numbered", 4),
    "AR_DOT": Family("ar_dot", "numbered", 5),
    "AR_PAREN": Family("ar_paren", "numbered", 6),
    "AR_HALF_PAREN": Family("ar_half_paren", "numbered", 6, nests_as="AR_PAREN"),
    "CIRCLED": Family("circled", "numbered", 7),
    "PAREN_DIGIT": Family("paren_digit", "numbered", 7),
    "ENUM_SHI": Family("enum_shi", "enum", None),
    "ENUM_YAO": Family("enum_yao", "enum", None),
    "ORDINAL": Family("ordinal", "enum", None),
    "SEQUENCE": Family("sequence", "enum", None),
    "DASH": Family("dash", "dash", None),
}
