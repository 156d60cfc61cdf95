"""`Siblings`: what a check of the ``MARKS``, ``RUNS`` and ``SIBLINGS`` phases is given."""

from __future__ import annotations

from attrs import frozen

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
