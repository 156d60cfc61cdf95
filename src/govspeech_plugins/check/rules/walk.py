"""The walk behind `analyse`: a file's documents, cut into groups of siblings, each group
given to the registered units phase by phase.

The walk decides what is checked together, not what is wrong: which items are siblings (an
enumeration whose paragraph goes on with the list joins it, a slip of the pen nested below
the item before it is put back), the house style of each document, and the order the units
run in (see `registry.Phase`).
"""

from __future__ import annotations

from collections.abc import Iterable

from govspeech import parse
from govspeech.citation import is_article
from govspeech.nodes import Boilerplate, Document, Heading, Paragraph, ParsedFile, Section
from govspeech_plugins.check.markerform import width_balance
from govspeech_plugins.check.rules.findings import Analysis, Report
from govspeech_plugins.check.rules.fixer import Fixer
from govspeech_plugins.check.rules.marks import Mark, inline_marks, section_mark
from govspeech_plugins.check.rules.registry import FILE_UNITS, GROUP_UNITS
from govspeech_plugins.check.rules.runs import SHI_YAO, families, runs, slips
from govspeech_plugins.check.rules.settings import Settings
from govspeech_plugins.check.rules.siblings import Siblings

__all__ = ["analyse"]


def analyse(
    tree: ParsedFile,
    settings: Settings | None = None,
    noqa: dict[int, frozenset[str] | None] | None = None,
) -> Analysis:
    """The findings of ``tree`` for the selected codes, less those suppressed on their line.

    ``noqa`` maps a line number to the codes suppressed there (None: all). Marks carry only
    the codes found (and not suppressed) on them, so a fix never touches a suppressed marker.
    """
    return _Walk(tree, settings or Settings(), noqa or {}).run()


class _Walk:
    def __init__(
        self, tree: ParsedFile, settings: Settings, noqa: dict[int, frozenset[str] | None]
    ) -> None:
        self.tree = tree
        self.settings = settings
        self.noqa = noqa
        self.report = Report(tree.path or "<text>", settings.select, noqa)
        self.marks: list[Mark] = []
        self.joined: set[int] = set()  # enumeration items whose paragraphs go on with the list
        self.adopted: set[int] = set()  # slips nested below the item before them (see slips)
        self.fullwidth = True
        self.dot = "．"
        self.numbered: dict[str, tuple[tuple[int, ...], tuple[int, ...]]] = {}

    def run(self) -> Analysis:
        for unit in FILE_UNITS:
            unit.check(self.tree, self.report)
        for doc in self.tree.iter_documents():
            self.document(doc)
        settings, noqa = self.settings, self.noqa
        fixer = Fixer(
            self.tree.text, self.marks, lambda text: analyse(parse(text), settings, noqa).marks
        )
        for mark in self.marks:
            mark.fixer = fixer
        return Analysis(self.report.findings, self.marks, self.report.edits)

    def document(self, doc: Document) -> None:
        # The width is judged on the text outside the markers, which fix never changes (一. → 一、
        # would tip a text with one other . and one ；), and on a tie with them: a fix writes
        # markers in the width chosen, so the majority that chose it only grows.
        outside, whole = _width_texts(doc)
        fullwidth = (width_balance(outside) or width_balance(whole)) >= 0
        dot = self.settings.arabic_dot
        if dot == "auto":
            dot = "．" if fullwidth else "."
        self.fullwidth, self.dot = fullwidth, dot
        self.numbered = _numbered(doc)
        # The top level part by part: a part without a number (the document's own text
        # between sections, 关于外交工作…) starts its headings afresh, as a new document would.
        top: list[Paragraph] = list(_paragraphs(doc.opening))
        group: list[Section] = []
        for part in doc.parts:
            if isinstance(part, Section):
                group.append(part)
            elif isinstance(part, Paragraph):
                if group and part.role == "part":
                    self.siblings(tuple(group), None, top)
                    top, group = [], []
                top.append(part)
        if group or top:
            self.siblings(tuple(group), None, top)
        stack = list(doc.sections)
        while stack:
            sec = stack.pop()
            # An enumeration item whose paragraph goes on with the next item (三是….四是…)
            # was checked with its siblings; other paragraphs start lists of their own.
            own = () if id(sec) in self.joined else sec.paragraphs
            children = tuple(c for c in sec.children if id(c) not in self.adopted)
            self.siblings(children, sec, own)
            stack.extend(sec.children)

    def siblings(
        self,
        sections: tuple[Section, ...],
        parent: Section | None,
        own: Iterable[Paragraph],
    ) -> None:
        """Check the children of one parent, with the enumerations written inside the
        parent's paragraphs and inside enumeration items' paragraphs, in text order.

        Articles are numbered through the document, not among siblings (GS105 checks them).
        """
        sections = self.slips(tuple(s for s in sections if not is_article(s)))
        heads = [section_mark(s) for s in sections]
        inline = [m for para in own for m in inline_marks(para)]
        for k, (sec, head) in enumerate(zip(sections, heads, strict=True)):
            if sec.kind != "enum" or sec.number is None:
                continue
            theirs = [m for para in sec.paragraphs for m in inline_marks(para)]
            if not theirs:
                continue
            nxt = heads[k + 1] if k + 1 < len(heads) else None
            # 一是….二是… in 一是's paragraph, or 一是….二要… (a slip: GS301, not a new list).
            goes_on = theirs[0].number == sec.number + 1 and (
                theirs[0].form == head.form or {theirs[0].style, head.style} == SHI_YAO
            )
            # 二要… / 抓好资源节约。一要… 二要… 三要… / 四要…: a list begun inside an item's
            # paragraph that the next item goes on with.
            feeds_next = (
                nxt is not None
                and nxt.kind == "enum"
                and nxt.number is not None
                and nxt.number != sec.number + 1
                and theirs[-1].number == nxt.number - 1
                and theirs[-1].form == nxt.form
            )
            if goes_on or feeds_next:
                inline.extend(theirs)
                self.joined.add(id(sec))
        marks = sorted(heads + inline, key=lambda m: m.start)
        self.marks.extend(marks)
        keys = families(marks)
        group = Siblings(
            parent=parent,
            sections=sections,
            heads=tuple(heads),
            inline=tuple(inline),
            marks=tuple(marks),
            keys=tuple(keys),
            runs=tuple(runs(marks, keys)),
            fullwidth=self.fullwidth,
            arabic_dot=self.dot,
            numbered=self.numbered,
        )
        for unit in GROUP_UNITS:
            unit.check(group, self.report)

    def slips(self, sections: tuple[Section, ...]) -> tuple[Section, ...]:
        """The sections with a slip of the pen put back among its siblings.

        一是 standing alone on its line is a heading the parser nests the next items under
        when they are of another family: 一是… / 二要… / 三是… puts 二要 below 一是. It is the
        second item of the list, written 要 for 是 (GS301), not a list of its own.
        """
        out: list[Section] = []
        for k, sec in enumerate(sections):
            out.append(sec)
            nxt = sections[k + 1] if k + 1 < len(sections) else None
            mids: list[Section] = []
            for child in sec.children:
                if child.style not in SHI_YAO or child.style == sec.style:
                    break
                if mids and child.style != mids[0].style:
                    break
                mids.append(child)
            if nxt is not None and mids and slips(sec, mids, nxt):
                out.extend(mids)
                self.adopted.update(id(c) for c in mids)
        return tuple(out)


def _numbered(doc: Document) -> dict[str, tuple[tuple[int, ...], tuple[int, ...]]]:
    """Style → the offsets of the document's numbered headings in text order, and the highest
    number up to each (`Siblings.highest_before` searches them)."""
    found: dict[str, tuple[list[int], list[int]]] = {}
    for sec in doc.iter_sections():  # text order
        if sec.number is not None:
            starts, highest = found.setdefault(sec.style, ([], []))
            starts.append(sec.start)
            highest.append(max(sec.number, highest[-1]) if highest else sec.number)
    return {style: (tuple(a), tuple(b)) for style, (a, b) in found.items()}


def _paragraphs(leaves: Iterable[object]) -> list[Paragraph]:
    return [leaf for leaf in leaves if isinstance(leaf, Paragraph)]


def _width_texts(doc: Document) -> tuple[str, str]:
    """The document's text less boilerplate, without and with its markers."""
    outside: list[str] = []
    whole: list[str] = []
    for leaf in doc.iter_leaves():
        if isinstance(leaf, Boilerplate):
            continue
        text, done = leaf.text, 0
        whole.append(text)
        spans: list[tuple[int, int]] = []
        if isinstance(leaf, Heading):
            spans.append((leaf.marker_start - leaf.start, leaf.marker_end - leaf.start))
        elif isinstance(leaf, Paragraph):
            spans.extend(
                (i.start - leaf.start, i.start - leaf.start + len(i.marker)) for i in leaf.items
            )
        for a, b in spans:
            outside.append(text[done:a])
            done = b
        outside.append(text[done:])
    return "".join(outside), "".join(whole)
