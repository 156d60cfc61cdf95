r"""The views of a tree that the outputs share: documents, sections, their texts, Markdown.

What an export format needs beyond the nodes themselves, written once: every document and
run-together part with its display title (`documents`, `part_title`), the sections of a
document with their depth and marker path (`sections`), the text of a heading, a leaf or a
section's body (`heading_text`, `leaf_text`, `body_text` …), and Markdown (`escape_inline`,
`escape_block` and `MarkdownWriter`, which the ``outline``, ``summarize`` and ``export``
commands all write their Markdown with). Built on the public tree API only
(`govspeech.nodes`, `govspeech.walk`), like any third-party format could be.

``import govspeech`` does not import this module, so that it does not slow down every start
(its attrs classes and patterns cost about 2 ms): import ``govspeech.views`` itself.

>>> import govspeech
>>> from govspeech.views import (
...     MarkdownWriter, body_text, documents, heading_text, paragraph_texts, sections)
>>> text = "关于安全生产的讲话\n同志们：\n一、统一思想。要提高认识。\n（一）压实责任。\n"
>>> tree = govspeech.parse(text)
>>> [(view.index, view.title) for view in documents(tree)]
[('1', '关于安全生产的讲话')]
>>> for view in sections(tree.documents[0]):
...     print((view.depth, view.path_text, heading_text(view.section), body_text(view.section)))
(1, '一、', '一、统一思想。', '要提高认识。')
(2, '一、 > （一）', '（一）压实责任。', '')

The same document as Markdown, a heading per section (``#`` is the document):

>>> md = MarkdownWriter()
>>> md.heading(1, "关于*安全生产*的讲话")
>>> for view in sections(tree.documents[0]):
...     nest = md.section(view.depth + 1, heading_text(view.section))
...     for text in paragraph_texts(view.section.body):
...         md.paragraph(text, nest=nest)
>>> print(md.getvalue(), end="")
# 关于\*安全生产\*的讲话
<BLANKLINE>
## 一、统一思想。
<BLANKLINE>
要提高认识。
<BLANKLINE>
### （一）压实责任。
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Final

from attrs import frozen

from govspeech.citation import citation
from govspeech.nodes import (
    INDENT_CHARS,
    LINE_ENDINGS,
    Boilerplate,
    Document,
    Element,
    Leaf,
    Paragraph,
    ParsedFile,
    Section,
    TitleLine,
)

__all__ = [
    "MAX_HEADING_LEVEL",
    "DocumentView",
    "MarkdownWriter",
    "SectionView",
    "TextRun",
    "body_text",
    "documents",
    "escape_block",
    "escape_inline",
    "flow",
    "heading_text",
    "leaf_text",
    "paragraph_texts",
    "part_title",
    "section_id",
    "sections",
    "subtitle_texts",
]


@frozen
class DocumentView:
    """A document or subdocument as the formats show it.

    ``index`` is ``"7"`` for the seventh document of a file and ``"7.2"`` for its second
    part (the first subdocument); ``title`` is the document's title, for a part the parent's
    title with ``(part 2 of 7, line 135)``, for an untitled document ``(untitled, line N)``
    (see `part_title`). ``is_part`` is true for a subdocument.
    """

    document: Document
    index: str
    title: str
    is_part: bool


@frozen
class SectionView:
    """A section with its depth (1 at the top) and the markers of its ancestors and itself."""

    section: Section
    depth: int
    path: tuple[str, ...]
    #: the section's ancestors, outermost first, then the section itself
    lineage: tuple[Section, ...] = ()

    @property
    def path_text(self) -> str:
        """The path as one string: ``三、 > （二） > 1.``."""
        return " > ".join(self.path)

    @property
    def citation(self) -> str | None:
        """How a regulation cites it (第三条第二款第（一）项), or None outside articles."""
        return citation(self.lineage) if self.lineage else None

    @property
    def title_path(self) -> tuple[str, ...]:
        """Marker and title of each section from the top down to this one: the heading path
        as readers name it (``一、总体要求 > （二）工作目标``); needs ``lineage``."""
        return tuple(heading_text(s) for s in self.lineage)


def section_id(document_index: str, section: Section) -> str:
    """A section's stable id: its document's index (``"3"``, ``"7.2"``) and the offset of its
    heading in the text, ``d3-s1234``. The same input gives the same ids, in every run and
    under ``--jobs``; an edit before a section moves its id (ids name places, not content).

    >>> import govspeech
    >>> tree = govspeech.parse("一、总体要求\\n（一）目标\\n")
    >>> [section_id("1", s) for s in tree.documents[0].iter_sections()]
    ['d1-s0', 'd1-s7']
    """
    return f"d{document_index}-s{section.start}"


def part_title(title: str | None, line: int, part: int = 1, parts: int = 1, at: int = 0) -> str:
    """How a document is named in outlines and exports.

    ``(untitled, line N)`` without a title; the parts of a page that ran several speeches
    together under one title: ``title (part 1 of 7)``, ``title (part 2 of 7, line 135)``
    (``at`` is the line the part starts on).

    >>> part_title("政府工作报告", 1, 2, 3, at=135)
    '政府工作报告 (part 2 of 3, line 135)'
    """
    name = title if title is not None else f"(untitled, line {line})"
    if parts == 1:
        return name
    if part == 1:
        return f"{name} (part 1 of {parts})"
    return f"{name} (part {part} of {parts}, line {at})"


def documents(tree: ParsedFile) -> Iterator[DocumentView]:
    """Every document and subdocument in source order, with display titles."""
    for k, doc in enumerate(tree.documents, 1):
        parts = len(doc.subdocuments) + 1
        yield DocumentView(doc, str(k), part_title(doc.title, doc.line, 1, parts), False)
        for j, sub in enumerate(doc.subdocuments, 2):
            label = part_title(doc.title, doc.line, j, parts, sub.line)
            yield DocumentView(sub, f"{k}.{j}", label, True)


def sections(doc: Document) -> Iterator[SectionView]:
    """The document's sections (not its subdocuments') in order, with depth and marker path:
    `flow` without the text between them."""
    return (item for item in flow(doc) if isinstance(item, SectionView))


@frozen
class TextRun:
    """A run of a section's own leaves after one of its subsections (part of its ``tail``):
    where the text goes back up after a list. ``owner`` is the section it belongs to, or None
    for the document's own text between its top-level sections (`Document.tail`)."""

    owner: SectionView | None
    leaves: tuple[Leaf, ...]


def flow(doc: Document) -> Iterator[SectionView | TextRun]:
    """The document's sections as `sections` gives them, and between them, in source order,
    each run of a section's text that comes after one of its subsections (`TextRun`).

    What a format that writes the text in reading order (Markdown, Word) walks: a section's
    ``body`` comes with its view, its ``tail`` as the runs that follow its subsections.
    """
    # A stack of parts still to write: a section (with its lineage) or a text run.
    _Entry = tuple[Section | tuple[Leaf, ...], tuple[Section, ...], SectionView | None]
    stack: list[_Entry] = list(reversed(_runs(doc.parts, (), None)))
    while stack:
        item, above, owner = stack.pop()
        if not isinstance(item, Section):
            yield TextRun(owner, item)
            continue
        lineage = (*above, item)
        view = SectionView(item, len(lineage), tuple(s.marker.strip() for s in lineage), lineage)
        yield view
        stack.extend(reversed(_runs(item.parts[len(item.body) :], lineage, view)))


def _runs(
    parts: Iterable[Section | Leaf], lineage: tuple[Section, ...], owner: SectionView | None
) -> list[tuple[Section | tuple[Leaf, ...], tuple[Section, ...], SectionView | None]]:
    """``parts`` with the leaves between sections gathered into runs, for `flow`."""
    out: list[tuple[Section | tuple[Leaf, ...], tuple[Section, ...], SectionView | None]] = []
    run: list[Leaf] = []
    for part in parts:
        if isinstance(part, Section):
            if run:
                out.append((tuple(run), lineage, owner))
                run = []
            out.append((part, lineage, None))
        else:
            run.append(part)
    if run:
        out.append((tuple(run), lineage, owner))
    return out


def heading_text(section: Section) -> str:
    """Marker and title as written, the way outlines show a heading: ``（一）压实责任。``."""
    return f"{section.marker}{section.title}".strip()


def leaf_text(leaf: Leaf) -> str:
    """A leaf's text without its line ending and surrounding white space (`INDENT_CHARS`)."""
    return leaf.text.rstrip(LINE_ENDINGS).strip(INDENT_CHARS)


def body_text(section: Section, *, boilerplate: bool = False) -> str:
    """The section's own text (not its children's): its ``body`` and its ``tail``, paragraphs
    joined by newlines.

    Boilerplate lines are left out unless ``boilerplate`` is true; blank lines always are.
    """
    parts = [
        leaf_text(leaf)
        for leaf in section.own_leaves
        if isinstance(leaf, Paragraph) or (boilerplate and isinstance(leaf, Boilerplate))
    ]
    return "\n".join(p for p in parts if p)


def paragraph_texts(leaves: Iterable[Leaf]) -> Iterator[str]:
    """The `leaf_text` of each paragraph and 公文 element among ``leaves``, one each.

    Boilerplate and blank lines are left out, and so are paragraphs that hold nothing but
    white space `str.strip` knows and the grammar does not (a line of form feeds).
    """
    for leaf in leaves:
        if isinstance(leaf, (Paragraph, Element)):  # a 公文's parts read as its paragraphs
            text = leaf_text(leaf)
            if text.strip():
                yield text


def subtitle_texts(doc: Document) -> Iterator[str]:
    """The `leaf_text` of the document's subtitle and dateline lines (not of its title)."""
    for leaf in doc.title_lines:
        if isinstance(leaf, TitleLine) and leaf.role == "subtitle":
            text = leaf_text(leaf)
            if text.strip():
                yield text


# ---------------------------------------------------------------- Markdown

# ASCII punctuation that means something inline (emphasis, code, links, HTML, tables,
# strikethrough, math in Markmap/GitHub); a backslash before any of them is always allowed.
_INLINE = re.compile(r"[\\`*_\[\]<>#|~$]|&(?=#?[0-9A-Za-z]+;)")
# What would open a list or a thematic break at the start of a paragraph or list item: the
# CommonMark rules (a list marker is followed by a space, a tab or the end of the line), so
# ``1.5倍`` and ``-5%`` stay as they are. ``>``, ``*``, ``_``, ``#`` and the fence characters are
# escaped everywhere already. The white space here is Markdown's (space and tab), not the
# tree's INDENT_CHARS.
_BLOCK_START = re.compile(
    r"(?P<lead>[0-9]{1,9})[.)](?=[ \t]|$)"  # 1. or 1) and a space: an ordered list
    r"|(?P<bullet>[-+](?=[ \t]|$)"  # - or + and a space: a bullet list
    r"|-(?:[ \t]*-){2,}[ \t]*$)"  # ---, - - -: a thematic break
)
# CommonMark's line endings (a lone CR too); a paragraph is one source line, so these only
# come from odd input, and would end the Markdown line.
_LINE_BREAKS = re.compile(r"[\r\n]+")

#: Markdown has six heading levels; `MarkdownWriter.section` nests list items below them
#: (XMind and Markmap import both as topics).
MAX_HEADING_LEVEL: Final = 6


def escape_inline(text: str) -> str:
    r"""``text`` with every Markdown-special ASCII character backslash-escaped.

    Line breaks become spaces. For text inside a line (a heading, after a label).

    >>> print(escape_inline("落实<b>“两个维护”</b>_要求 1. 第一"))
    落实\<b\>“两个维护”\</b\>\_要求 1. 第一
    """
    return _INLINE.sub(lambda m: "\\" + m.group(0), _LINE_BREAKS.sub(" ", text))


def escape_block(text: str) -> str:
    r"""`escape_inline`, and a start that would open a list or a thematic break escaped.

    For text at the start of a block: a paragraph, a list item's or a quote's content.

    >>> print(escape_block("1. 不是列表"), escape_block("- 也不是"), escape_block("1.5倍"))
    1\. 不是列表 \- 也不是 1.5倍
    """
    text = escape_inline(text)
    m = _BLOCK_START.match(text)
    if m is None:
        return text
    if m.group("bullet"):
        return "\\" + text
    end = m.end("lead")
    return f"{text[:end]}\\{text[end:]}"


class MarkdownWriter:
    """Markdown written block by block: headings, paragraphs, quotes, nested list items.

    Text is given as written and escaped here: `escape_inline` in headings and after a
    ``lead``, otherwise `escape_block` unless the call names another ``escape``. ``suffix``
    and ``lead`` are Markdown already and are written as they are.

    Blocks are separated by a blank line, except that a list item directly after a list line
    (an item, or a ``tight`` line below one) and a ``tight`` block after a list line follow it
    without one. ``nest`` puts a paragraph or quote inside the list item ``nest`` levels deep
    (two spaces of indentation a level), as `section` returns it.
    """

    def __init__(self) -> None:
        self._lines: list[str] = []
        self._in_list = False

    def _add(self, line: str, *, tight: bool) -> bool:
        """Append ``line``, after a blank line unless it is tight to a list; True if tight."""
        joined = tight and self._in_list
        if self._lines and not joined:
            self._lines.append("")
        self._lines.append(line)
        return joined

    def heading(self, level: int, text: str, *, suffix: str = "", tight: bool = False) -> None:
        """An ATX heading: ``level`` (1 to 6) times ``#``, the escaped text, ``suffix``."""
        self._add(f"{'#' * level} {escape_inline(text)}{suffix}", tight=tight)
        self._in_list = False

    def item(
        self,
        depth: int,
        text: str,
        *,
        suffix: str = "",
        escape: Callable[[str], str] = escape_block,
    ) -> None:
        """A bullet list item ``depth`` levels deep (0 at the top), ``- text`` and ``suffix``."""
        self._add(f"{'  ' * depth}- {escape(text)}{suffix}", tight=True)
        self._in_list = True

    def section(
        self,
        level: int,
        text: str,
        *,
        suffix: str = "",
        tight: bool = False,
        escape: Callable[[str], str] = escape_block,
    ) -> int:
        """A heading of ``level``; deeper than `MAX_HEADING_LEVEL`, a nested list item.

        Returns the ``nest`` of the section's content: 0 below a heading, one more than the
        item's depth below an item. ``tight`` applies to a heading, ``escape`` to an item.
        """
        if level <= MAX_HEADING_LEVEL:
            self.heading(level, text, suffix=suffix, tight=tight)
            return 0
        depth = level - MAX_HEADING_LEVEL - 1
        self.item(depth, text, suffix=suffix, escape=escape)
        return depth + 1

    def paragraph(
        self,
        text: str,
        *,
        nest: int = 0,
        lead: str = "",
        tight: bool = False,
        escape: Callable[[str], str] = escape_block,
    ) -> None:
        """A paragraph of one line; ``lead`` (``**关键词**：``) comes before the text."""
        body = escape_inline(text) if lead else escape(text)
        joined = self._add(f"{'  ' * nest}{lead}{body}", tight=tight)
        self._in_list = joined

    def quote(
        self,
        text: str,
        *,
        nest: int = 0,
        tight: bool = False,
        escape: Callable[[str], str] = escape_block,
    ) -> None:
        """A block quote of one line, ``> text``."""
        joined = self._add(f"{'  ' * nest}> {escape(text)}", tight=tight)
        self._in_list = joined

    def getvalue(self) -> str:
        """The Markdown so far, ending with a newline; ``""`` when nothing was written."""
        return "\n".join(self._lines) + "\n" if self._lines else ""
