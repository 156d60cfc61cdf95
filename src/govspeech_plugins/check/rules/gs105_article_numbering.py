"""GS105: the articles of a regulation numbered out of sequence.

Articles (第X条) are numbered through the whole document, across its chapters: 第一条, 第二条 …
An inserted article (第十七条之一, 之二 …) follows the article it is inserted after, in order.
Not fixed: an article number is cited from other texts, and renumbering would break them.
"""

from __future__ import annotations

from govspeech.citation import is_article
from govspeech.nodes import ParsedFile, Section
from govspeech.plugin import gettext as _
from govspeech.syntax.numerals import chinese_to_int, int_to_chinese
from govspeech_plugins.check.rules.findings import Report
from govspeech_plugins.check.rules.marks import section_mark
from govspeech_plugins.check.rules.registry import Phase, Rule, register


def _inserted(sec: Section) -> int:
    """0 for 第十七条, 1 for 第十七条之一, 2 for 之二 …"""
    _, sep, rest = sec.marker.partition("之")
    return (chinese_to_int(rest.strip()) or 0) if sep else 0


def _name(number: int | None, inserted: int) -> str:
    if number is None:
        return "?"
    tail = f"之{int_to_chinese(inserted)}" if inserted else ""
    return f"第{int_to_chinese(number)}条{tail}"


@register(
    Rule("GS105", "article-sequence", "articles numbered out of sequence", None),
    phase=Phase.FILE,
)
def check_articles(tree: ParsedFile, report: Report) -> None:
    """Follow each document's articles in text order; report a gap, a repeat or a wrong 之N."""
    for doc in tree.iter_documents():
        prev: tuple[int, int] | None = None
        for sec in doc.iter_sections():
            if not is_article(sec) or sec.number is None:
                continue
            here = (sec.number, _inserted(sec))
            expected = _expected(prev, here)
            if expected is not None:
                mark = section_mark(sec)
                if prev:
                    message = _("{article} after {previous}: expected {expected}").format(
                        article=_name(*here), previous=_name(*prev), expected=_name(*expected)
                    )
                else:
                    message = _("{article}: expected {expected}").format(
                        article=_name(*here), expected=_name(*expected)
                    )
                report.flag(mark, "GS105", message)
            prev = here


def _expected(prev: tuple[int, int] | None, here: tuple[int, int]) -> tuple[int, int] | None:
    """The article that should come where ``here`` is, or None when ``here`` is right."""
    number, inserted = here
    if prev is None:
        return None if inserted == 0 and number == 1 else (1, 0)
    last, last_inserted = prev
    if inserted:  # 之N follows its article or 之N-1
        return (
            None if number == last and inserted == last_inserted + 1 else (last, last_inserted + 1)
        )
    return None if number == last + 1 else (last + 1, 0)
