"""Citations of a regulation's units, as lawyers write them: 第三条第二款第（一）项第1目.

An article (第X条) is cited by its number; its 款 are its body paragraphs, counted from one
(`clauses`); a 项 （一） is cited within the 款 that introduces it, and the 款 is named only
when the article has more than one (第三条第（一）项 in an article of one paragraph); a 目 1．
within its 项.

>>> import govspeech
>>> text = ("第三条　不动产登记机构应当设立统一的登记簿。\\n"
...         "登记簿应当记载以下事项：\\n（一）坐落、界址和面积；\\n1．坐落；\\n2．面积。\\n")
>>> doc = govspeech.parse(text).documents[0]
>>> article = doc.sections[0]
>>> [p.content for p in clauses(article)]
['不动产登记机构应当设立统一的登记簿。', '登记簿应当记载以下事项：']
>>> item = article.children[0]
>>> citation([article, item]), citation([article, item, item.children[1]])
('第三条第二款第（一）项', '第三条第二款第（一）项第2目')
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, cast

from govspeech.syntax.families import BY_STYLE
from govspeech.syntax.numerals import int_to_chinese

if TYPE_CHECKING:  # serialize (which the nodes call) uses this module: no import back
    from govspeech.nodes import Paragraph, Section

__all__ = ["citation", "clauses", "is_article"]


def is_article(section: Section) -> bool:
    """Whether ``section`` is an article (第X条): a family numbered through the document."""
    family = BY_STYLE.get(section.style)
    return family is not None and family.numbered_through


def clauses(article: Section) -> tuple[Paragraph, ...]:
    """The article's 款: the paragraphs of its text before its first 项, in order.

    The rest of the article's line is its first 款 (第一条　为了…); each following paragraph is
    the next one. Paragraphs after the article's 项 are read by the parser as part of the last
    项 and are not counted.
    """
    return tuple(
        cast("Paragraph", leaf)
        for leaf in article.body
        if leaf.type_name == "paragraph" and cast("Paragraph", leaf).content.strip()
    )


def citation(path: Sequence[Section]) -> str | None:
    """How the last section of ``path`` (its ancestors, outermost first, then itself) is cited,
    or None when it is not in an article."""
    start = next((k for k in range(len(path) - 1, -1, -1) if is_article(path[k])), None)
    if start is None:
        return None
    article = path[start]
    parts = [article.marker.strip()]  # the marker holds the white space after 第三条
    below = path[start + 1 :]
    if below:
        paragraphs = clauses(article)
        if len(paragraphs) > 1:
            item = below[0]
            clause = sum(1 for p in paragraphs if p.start < item.start)
            parts.append(f"第{int_to_chinese(max(clause, 1))}款")
        for depth, section in enumerate(below):
            parts.append(_unit(section, depth))
    return "".join(parts)


def _unit(section: Section, depth: int) -> str:
    """第（一）项 for a 项 (depth 0), 第1目 for a 目 (depth 1), the marker itself below that."""
    marker = section.marker.strip().rstrip("、，,．.")
    if depth == 0:
        family = BY_STYLE.get(section.style)
        group = family.group if family is not None else ""
        if section.number is not None and group in ("cn_paren", "cn_num"):
            # As the standard cites them, whatever the text's brackets: （一） (一) ㈠ → 第（一）项
            numeral = int_to_chinese(section.number)
            return f"第（{numeral}）项" if group == "cn_paren" else f"第{numeral}项"
        return f"第{marker}项"
    if depth == 1 and section.number is not None:
        return f"第{section.number}目"
    return marker
