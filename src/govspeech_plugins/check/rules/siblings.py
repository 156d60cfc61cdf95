"""`Siblings`: what a check of the ``MARKS``, ``RUNS`` and ``SIBLINGS`` phases is given."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping

from attrs import field, frozen

from govspeech.nodes import Section
from govspeech_plugins.check.rules.marks import Mark
from govspeech_plugins.check.rules.runs import Run

__all__ = ["Siblings"]


@frozen
class Siblings:
    """The children of one parent, numbers compared among them: its headings, and the
    enumerations written inside its paragraphs (and inside items whose paragraph goes on with
    the list), with the house style of their document.

    The walk builds one for the top level of each document and one below each section.
    """

    #: the section above them; None at the top of a document
    parent: Section | None
    #: the child sections, a slip of the pen nested below an item put back among them
    sections: tuple[Section, ...]
    #: the marks of ``sections``' headings, one each
    heads: tuple[Mark, ...]
    #: the enumerations inside the paragraphs, in text order
    inline: tuple[Mark, ...]
    #: ``heads`` and ``inline`` in text order
    marks: tuple[Mark, ...]
    #: the family each of ``marks`` is numbered in (`runs.families`)
    keys: tuple[str, ...]
    #: ``marks`` split into runs of one family (`runs.runs`)
    runs: tuple[Run, ...]
    #: whether the document punctuates in fullwidth, and the dot written after 1
    fullwidth: bool
    arabic_dot: str
    #: style → the offsets of that family's headings in the document, in text order, and the
    #: highest number up to each: a list numbered on through the chapters (第一章 1．…35．
    #: 第二章 36．…) is told from one that does not start at one by the numbers before it
    numbered: Mapping[str, tuple[tuple[int, ...], tuple[int, ...]]] = field(factory=dict)

    def highest_before(self, style: str, offset: int) -> int | None:
        """The highest number of a ``style`` heading before ``offset`` in the document."""
        starts, highest = self.numbered.get(style, ((), ()))
        k = bisect_left(starts, offset)  # the headings before offset: a binary search
        return highest[k - 1] if k else None
