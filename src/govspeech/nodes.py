"""The document tree: attrs classes with exact source positions.

Every character of the decoded input belongs to exactly one *leaf* (`TitleLine`, `Heading`,
`Paragraph`, `Blank`, `Boilerplate`); containers (`Section`, `Document`, `ParsedFile`) hold
leaves and other containers in source order. Concatenating the leaves' ``text`` in document
order therefore gives back the input, character for character (see `ParsedFile.text`).

Positions: ``start``/``end`` are offsets into the decoded text (``end`` exclusive), ``line`` and
``column`` are 1-based and count characters, not bytes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import ClassVar, Literal, Union

from attrs import field, frozen

__all__ = [
    "Blank",
    "Boilerplate",
    "Document",
    "Heading",
    "InlineItem",
    "Leaf",
    "Paragraph",
    "ParsedFile",
    "Section",
    "SectionKind",
    "TitleLine",
]

SectionKind = Literal["numbered", "enum", "dash"]

_LINE_ENDINGS = "\r\n"
#: The white space of the grammar's INDENT (a test keeps the two the same): what a blank line
#: holds and what `content` strips.
INDENT_CHARS = " \t\u3000\u00a0\ufeff\u200b\u200c\u200d\u2060\u202f\u205f" + "".join(
    chr(c) for c in range(0x2000, 0x200B)
)


def _strip_eol(text: str) -> str:
    return text.rstrip(_LINE_ENDINGS)


# The enumerations inside a paragraph are found by the grammar's INLINE_* terminals. The
# syntax package installs the finder when it is imported (importing govspeech does), so the
# tree does not import the parser that builds it.
_item_finder: Callable[[Paragraph], tuple[InlineItem, ...]] | None = None


def install_item_finder(finder: Callable[[Paragraph], tuple[InlineItem, ...]]) -> None:
    """Set the function behind `Paragraph.items` (called by `govspeech.syntax.treebuilder`)."""
    global _item_finder
    _item_finder = finder


@frozen
class InlineItem:
    """An enumeration inside a paragraph (``…两件事。一是要严把准入关。二是…``).

    ``text`` runs from the marker to the next item or the end of the paragraph. ``style`` is
    the family's name as on a `Section`: ``enum_shi`` (一是), ``enum_yao`` (一要), ``ordinal``
    (第一，) or ``sequence`` (首先，).
    """

    marker: str
    number: int | None
    text: str
    start: int
    end: int
    line: int
    column: int
    style: str = "enum_shi"


@frozen
class Blank:
    """A line holding only white space (and its line ending)."""

    #: The leaf's name in the plain-data view (``"type"`` in `to_dict`).
    type_name: ClassVar[str] = "blank"

    text: str
    start: int
    end: int
    line: int
    column: int


@frozen
class Paragraph:
    """A run of body text: one source line, or the rest of a heading line after its title.

    ``role`` says what the paragraph does in its document: ``"text"`` (ordinary body),
    ``"salutation"`` (同志们：), ``"closing"`` (谢谢大家！) or ``"opening"`` (今天召开…会议,
    the first line of a speech run together with the one before it).
    """

    #: The leaf's name in the plain-data view (``"type"`` in `to_dict`).
    type_name: ClassVar[str] = "paragraph"

    text: str
    start: int
    end: int
    line: int
    column: int
    role: str = "text"

    @property
    def items(self) -> tuple[InlineItem, ...]:
        """The enumerations inside this paragraph (一是… 二是…), found when asked for."""
        if self.role != "text":
            return ()
        if _item_finder is None:  # only if the package was bypassed
            raise RuntimeError("govspeech.syntax is not loaded: import govspeech first")
        return _item_finder(self)

    @property
    def content(self) -> str:
        """The paragraph without its indentation and line ending."""
        return _strip_eol(self.text).strip(INDENT_CHARS)


@frozen
class Boilerplate:
    """Text that is not part of the speech: site blurbs, source links, stray punctuation.

    Kept in the tree so that nothing is lost, never shown in an outline. ``reason`` is one of
    ``"web"`` (site blurbs, links and stray punctuation), ``"licence"`` (a licence trailer) or
    ``"preamble"`` (text before the first title line of a file).
    """

    #: The leaf's name in the plain-data view (``"type"`` in `to_dict`).
    type_name: ClassVar[str] = "boilerplate"

    text: str
    start: int
    end: int
    line: int
    column: int
    reason: str = "web"

    @property
    def content(self) -> str:
        """The line without its line ending."""
        return _strip_eol(self.text)


@frozen
class TitleLine:
    """A title line of a document, or a subtitle / dateline below it."""

    #: The leaf's name in the plain-data view (``"type"`` in `to_dict`).
    type_name: ClassVar[str] = "title_line"

    text: str
    start: int
    end: int
    line: int
    column: int
    role: Literal["title", "subtitle"] = "title"

    @property
    def content(self) -> str:
        """The title without surrounding white space and line ending."""
        return _strip_eol(self.text).strip(INDENT_CHARS)


@frozen
class Heading:
    """The start of a heading line: indentation, marker and title sentence.

    The rest of the line, if any, is the first `Paragraph` of the section's body.
    ``marker_start``/``marker_end`` and ``title_start``/``title_end`` are absolute offsets.
    """

    #: The leaf's name in the plain-data view (``"type"`` in `to_dict`).
    type_name: ClassVar[str] = "heading"

    text: str
    start: int
    end: int
    line: int
    column: int
    marker_start: int
    marker_end: int
    title_start: int
    title_end: int

    @property
    def marker(self) -> str:
        """The marker exactly as written (``（一）``, ``1.``, ``一是``, ``——``)."""
        return self.text[self.marker_start - self.start : self.marker_end - self.start]

    @property
    def title(self) -> str:
        """The title sentence on this line (empty for a marker-only line)."""
        return self.text[self.title_start - self.start : self.title_end - self.start]


Leaf = Union[TitleLine, Heading, Paragraph, Blank, Boilerplate]  # noqa: UP007 (a runtime alias on 3.10)


@frozen
class Section:
    """A numbered heading, an enumeration item (一是) or a dash item (——) with its content.

    ``kind`` is ``"numbered"``, ``"enum"`` or ``"dash"``; ``style`` names the marker family
    (``cn_num`` for 一、, ``cn_paren`` for （一）, ``ar_dot`` for 1., ``enum_shi`` for 一是 …, see
    docs/tree.md). ``level`` is the nesting depth, 1 at the top of its document. ``title`` is
    the heading sentence; for a marker-only line it is the first sentence of the next line,
    and ``title_line`` says which line that was.
    """

    kind: SectionKind
    style: str
    number: int | None
    level: int
    title: str
    title_start: int
    title_end: int
    title_line: int
    heading: Heading
    body: tuple[Leaf, ...]
    children: tuple[Section, ...]
    end: int

    @property
    def marker(self) -> str:
        """The marker exactly as written (``（一）``, ``1.``, ``一是``, ``——``)."""
        return self.heading.marker

    @property
    def start(self) -> int:
        """Offset of the heading line's first character."""
        return self.heading.start

    @property
    def line(self) -> int:
        """1-based line of the heading."""
        return self.heading.line

    @property
    def column(self) -> int:
        """1-based column of the marker (after any indentation)."""
        return self.heading.marker_start - self.heading.start + 1

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        """The body paragraphs, without blank lines and boilerplate."""
        return tuple(p for p in self.body if isinstance(p, Paragraph))

    def iter_sections(self) -> Iterator[Section]:
        """This section and all its descendants, in document order (non-recursive)."""
        stack: list[Section] = [self]
        while stack:
            sec = stack.pop()
            yield sec
            stack.extend(reversed(sec.children))

    def iter_leaves(self) -> Iterator[Leaf]:
        """Every leaf of this section in source order."""
        for sec in self.iter_sections():
            yield sec.heading
            yield from sec.body


@frozen
class Document:
    """One speech, report or official document.

    ``title_lines`` holds the title, subtitles, dateline and the blank lines between them;
    ``opening`` the text before the first heading (salutation, opening paragraphs);
    ``sections`` the top-level sections; ``closing`` the text after the last section's body
    that closes the speech (同志们，… 谢谢大家！). ``subdocuments`` are speeches that a
    scraped page ran together with this one without a title line of their own.
    """

    title: str | None
    title_lines: tuple[Leaf, ...]
    opening: tuple[Leaf, ...]
    sections: tuple[Section, ...]
    closing: tuple[Leaf, ...]
    subdocuments: tuple[Document, ...]
    start: int
    end: int
    line: int
    column: int

    def iter_sections(self) -> Iterator[Section]:
        """All sections of this document (not of its subdocuments), in document order."""
        for sec in self.sections:
            yield from sec.iter_sections()

    def iter_leaves(self) -> Iterator[Leaf]:
        """Every leaf in source order, subdocuments included."""
        yield from self.title_lines
        yield from self.opening
        for sec in self.sections:
            yield from sec.iter_leaves()
        yield from self.closing
        for sub in self.subdocuments:
            yield from sub.iter_leaves()

    @property
    def boilerplate(self) -> tuple[Boilerplate, ...]:
        """All boilerplate leaves of the document, subdocuments included."""
        return tuple(x for x in self.iter_leaves() if isinstance(x, Boilerplate))


@frozen
class ParsedFile:
    """The result of `govspeech.parse`: the documents found in one text.

    ``preamble`` holds what comes before the first title line when it is not a document
    itself (a site's opening blurb). ``encoding`` is the encoding the input was decoded with
    (``None`` when a `str` was parsed), ``path`` where it was read from.
    """

    preamble: tuple[Leaf, ...]
    documents: tuple[Document, ...]
    encoding: str | None = None
    path: str | None = field(default=None)

    def iter_leaves(self) -> Iterator[Leaf]:
        """Every leaf in source order."""
        yield from self.preamble
        for doc in self.documents:
            yield from doc.iter_leaves()

    @property
    def text(self) -> str:
        """The decoded input, rebuilt from the leaves."""
        return "".join(leaf.text for leaf in self.iter_leaves())

    def iter_documents(self) -> Iterator[Document]:
        """Every document and subdocument, in source order."""
        for doc in self.documents:
            yield doc
            yield from doc.subdocuments

    def pretty(self) -> str:
        """A readable text view of the tree, one heading a line (used by golden tests)."""
        from govspeech.pretty import pretty

        return pretty(self)

    def to_dict(self) -> dict[str, object]:
        """The tree as plain data (dicts, lists, str, int), ready for JSON."""
        from govspeech.serialize import to_dict

        return to_dict(self)
