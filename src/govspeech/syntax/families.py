"""The marker families: for each heading terminal of the grammar, its style, kind and rank.

The grammar says what a marker looks like; this table says what a family *is*: the ``style``
name a `Section` carries, its ``kind`` (numbered, enum, dash) and, for numbered families, the
``rank`` GB/T 9704-2012 gives it (第一部分 above 一、 above （一） above 1. above （1）).
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["BY_STYLE", "FAMILIES", "Family"]


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
    #: how the marker writes its number: "chinese" (一 十一 一百), "arabic" (1 ２３),
    #: "circled" (① ⑴ ⒈ ㈠: one character holds it), "sequence" (首先 其次 最后), or None
    #: (—— carries none)
    script: str | None = None
    #: whether check judges this family's level against GB/T 9704's order (一、 above （一）
    #: above 1. above （1））: the 公文 families are, ① and the enumerations are not
    judged: bool = False
    #: the standard form (GB/T 9704-2012, GB/T 15834-2011 B.3) as written in fullwidth text,
    #: which ``fix`` rewrites markers to (brackets and commas follow the text's width, 1． the
    #: configured dot, ① keeps its kind of circled digit); None: no standard, forms are kept
    canonical: str | None = None
    #: whether the heading line holds a title sentence; an article's heading is its number
    #: (and a caption in brackets, if it has one), the rest of its line is its text
    titled: bool = True
    #: numbered through the whole document rather than per parent: articles run on across
    #: chapters (第一章 第一条…第七条, 第二章 第八条…)
    numbered_through: bool = False
    #: an enumeration of points (第一，… 首先，…) that may hold a list spelling a point out
    #: (第一、… 一、二、三、), where 一是… and —— items never hold one
    holds_lists: bool = False

    @property
    def group(self) -> str:
        """The style of the family it shares runs with: (1) and 1) count as one list."""
        return FAMILIES[self.nests_as].style if self.nests_as else self.style


FAMILIES: dict[str, Family] = {
    # an attachment printed after the text (附件一, 附件2) stands above all of it
    "ANNEX": Family("annex", "numbered", -1, above_cn_num=True, script="chinese", canonical=None),
    "PART": Family("part", "numbered", 0, above_cn_num=True, script="chinese", canonical=None),
    # the units of a regulation (立法技术规范): 编 > 分编 > 章 > 节 > 条 > 项 （一） > 目 1．
    "BOOK": Family("book", "numbered", 0, above_cn_num=True, script="chinese", canonical=None),
    # 附则 alone on its line: a code's supplementary provisions, beside its 编
    "SUPPLEMENT": Family(
        "supplement", "numbered", 0, above_cn_num=True, script="chinese", canonical=None
    ),
    "SUBBOOK": Family(
        "subbook", "numbered", 1, above_cn_num=True, script="chinese", canonical=None
    ),
    "CHAPTER": Family(
        "chapter", "numbered", 2, above_cn_num=True, script="chinese", canonical=None
    ),
    "SECTION": Family(
        "section", "numbered", 3, above_cn_num=True, script="chinese", canonical=None
    ),
    "ARTICLE": Family(
        "article",
        "numbered",
        4,
        above_cn_num=True,
        script="chinese",
        canonical=None,
        titled=False,
        numbered_through=True,
    ),
    "CN_NUM": Family("cn_num", "numbered", 5, script="chinese", judged=True, canonical="一、"),
    # 一 alone on its line is 一、 without its comma: one run with 二、 (as check counts them)
    "CN_BARE": Family(
        "cn_bare", "numbered", 5, nests_as="CN_NUM", script="chinese", judged=True, canonical=None
    ),
    "CN_PAREN": Family(
        "cn_paren", "numbered", 6, script="chinese", judged=True, canonical="（一）"
    ),
    # ㈠ is （一） in one character: one run with （一）, its form kept as written
    "PAREN_IDEOGRAPH": Family(
        "paren_ideograph", "numbered", 6, nests_as="CN_PAREN", script="circled", canonical=None
    ),
    "AR_DOT": Family("ar_dot", "numbered", 7, script="arabic", judged=True, canonical="1．"),
    "AR_PAREN": Family("ar_paren", "numbered", 8, script="arabic", judged=True, canonical="（1）"),
    "AR_HALF_PAREN": Family(
        "ar_half_paren",
        "numbered",
        8,
        nests_as="AR_PAREN",
        script="arabic",
        judged=True,
        canonical=None,
    ),
    "CIRCLED": Family("circled", "numbered", 9, script="circled", canonical="①"),
    "PAREN_DIGIT": Family("paren_digit", "numbered", 9, script="circled", canonical="⑴"),
    "ENUM_SHI": Family("enum_shi", "enum", None, script="chinese", canonical="一是"),
    "ENUM_YAO": Family("enum_yao", "enum", None, script="chinese", canonical="一要"),
    "ORDINAL": Family(
        "ordinal", "enum", None, script="chinese", canonical="第一，", holds_lists=True
    ),
    "SEQUENCE": Family(
        "sequence", "enum", None, script="sequence", canonical=None, holds_lists=True
    ),
    # 首先要… 其次要… without the comma: one run with 首先， 其次，
    "SEQUENCE_BARE": Family(
        "sequence_bare",
        "enum",
        None,
        nests_as="SEQUENCE",
        script="sequence",
        canonical=None,
        holds_lists=True,
    ),
    "DASH": Family("dash", "dash", None, canonical="——"),
}

#: The families by the ``style`` a `Section` carries.
BY_STYLE: dict[str, Family] = {family.style: family for family in FAMILIES.values()}
