"""The document tree: attrs classes with exact source positions.

Every character of the decoded input belongs to exactly one *leaf* (`TitleLine`, `Heading`,
`Paragraph`, `Blank`, `Boilerplate`); containers (`Section`, `Document`, `ParsedFile`) hold
leaves and other containers in source order. Concatenating the leaves' ``text`` in document
order therefore gives back the input, character for character (see `ParsedFile.text`).

Positions: ``start``/``end`` are offsets into the decoded text (``end`` exclusive), ``line`` and
``column`` are 1-based and count characters, not bytes.

Which fields of a node hold its children is said once, in the class's ``child_fields``
(`ChildField` entries in source order; ``()`` for a leaf): the ``iter_leaves`` methods and
`govspeech.walk` both read it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, ClassVar, Literal, NamedTuple, Union

from attrs import field, frozen

if TYPE_CHECKING:  # Document.meta calls govspeech.meta, which imports the nodes for hints only
    from govspeech.meta import DocumentMeta

__all__ = [
    "BASIC_INDENT_CHARS",
    "ELEMENT_KINDS",
    "INDENT_CHARS",
    "LINE_ENDINGS",
    "Blank",
    "Boilerplate",
    "ChildField",
    "Document",
    "Element",
    "Heading",
    "InlineItem",
    "Leaf",
    "Paragraph",
    "ParsedFile",
    "Section",
    "SectionKind",
    "TitleLine",
    "split_lines",
]

SectionKind = Literal["numbered", "enum", "dash"]

#: What a leaf's ``text`` may end with: its line ending (``\n``, ``\r\n`` or ``\r``), for
#: ``text.rstrip(LINE_ENDINGS)``.
LINE_ENDINGS = "\r\n"
#: The white space of the grammar's INDENT (a test keeps the two the same): what a blank line
#: holds and what `content` strips. Strip this set, not a hand-written one, wherever a line's
#: indentation or trailing space is taken off, so that every view of a line agrees.
INDENT_CHARS = " \t\u3000\u00a0\ufeff\u200b\u200c\u200d\u2060\u202f\u205f" + "".join(
    chr(c) for c in range(0x2000, 0x200B)
)
#: A narrower set, INDENT_CHARS without the zero-width characters, the word joiner and the
#: typographic spaces (U+2000–U+200A, U+202F, U+205F): what the HTML and Word exports strip at
#: a line's ends. They strip no more so that their output stays as it is (a line may end in a
#: U+200D ZERO WIDTH JOINER, which they keep); any new view of a line should strip INDENT_CHARS.
BASIC_INDENT_CHARS = " \t\u3000\u00a0\ufeff"


# Only \n, \r\n and \r end a line; str.splitlines would also split on \v, \f, \x1c-\x1e, \x85,
# \u2028 and \u2029, which stay inside their line so that line numbers and offsets hold.
_EXOTIC_CHARS = "\v\f\x1c\x1d\x1e\x85\u2028\u2029"
# \r\r\n (a doubled carriage return from Windows tools) is one line ending, as editors show it.
_LINES = re.compile(r"[^\r\n]*(?:\r\r\n|\r\n|\r|\n)|[^\r\n]+")


def split_lines(text: str) -> list[str]:
    r"""``text`` cut into lines as the tree counts them, each with its line ending.

    Only ``\n``, ``\r\n`` and ``\r`` end a line, and ``\r\r\n`` is one ending (`str.splitlines`
    also splits at ``\f``, ``\x85``, ``\u2028``…, which would shift every line number after
    them).

    >>> split_lines("一、总则\r\n第一条\u2028续\r\r\n末行")
    ['一、总则\r\n', '第一条\u2028续\r\r\n', '末行']
    """
    # (eight substring tests answer faster than one search for a character class)
    if "\r\r\n" not in text and not any(ch in text for ch in _EXOTIC_CHARS):
        return text.splitlines(keepends=True)  # the same cut, and faster
    return _LINES.findall(text)


def _strip_eol(text: str) -> str:
    return text.rstrip(LINE_ENDINGS)


class ChildField(NamedTuple):
    """One field of a container that holds children: see ``child_fields`` on each node class."""

    #: The attribute: ``"parts"``, ``"sections"`` …
    name: str
    #: True when it holds one node (``Section.heading``), false for a tuple of them.
    single: bool
    #: True when it holds leaves only, false for containers (`Section`, `Document`) or a mix
    #: of both (``mixed``).
    leaves: bool
    #: True when it holds leaves and containers in source order (``Section.parts``).
    mixed: bool = False


# The shorthands the classes' ``child_fields`` are written with.
def _leaf(name: str) -> ChildField:
    return ChildField(name, single=True, leaves=True)


def _leaves(name: str) -> ChildField:
    return ChildField(name, single=False, leaves=True)


def _containers(name: str) -> ChildField:
    return ChildField(name, single=False, leaves=False)


def _mixed(name: str) -> ChildField:
    return ChildField(name, single=False, leaves=False, mixed=True)


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
    #: A leaf has no children.
    child_fields: ClassVar[tuple[ChildField, ...]] = ()

    text: str
    start: int
    end: int
    line: int
    column: int


@frozen
class Paragraph:
    """A run of body text: one source line, or the rest of a heading line after its title.

    ``role`` says what the paragraph does in its document: ``"text"`` (ordinary body),
    ``"salutation"`` (同志们：), ``"closing"`` (谢谢大家！), ``"opening"`` (今天召开…会议,
    the first line of a speech run together with the one before it), ``"contents"`` (a line
    of a 目录), ``"note"`` (注： and its endnotes), ``"part"`` (the title of a part without
    a number, 关于外交工作, in `Document.tail`) or ``"attachments"`` (附件：1．… and the
    numbered names after it, where they are not a 公文's 附件说明 at its end). A 公文's parts
    (发文字号, 主送机关, 落款…) are `Element` leaves, not paragraphs.
    """

    #: The leaf's name in the plain-data view (``"type"`` in `to_dict`).
    type_name: ClassVar[str] = "paragraph"
    #: A leaf has no children.
    child_fields: ClassVar[tuple[ChildField, ...]] = ()

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
    ``"web"`` (site blurbs, links, stray punctuation and a printed page's number), ``"licence"``
    (a licence trailer), ``"preamble"`` (text before the first title line of a file) or
    ``"page"`` (a PDF's page furniture: page numbers, running headers and footers).
    """

    #: The leaf's name in the plain-data view (``"type"`` in `to_dict`).
    type_name: ClassVar[str] = "boilerplate"
    #: A leaf has no children.
    child_fields: ClassVar[tuple[ChildField, ...]] = ()

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


#: The kinds of `Element`, in the order GB/T 9704-2012 places them, with their Chinese names.
ELEMENT_KINDS: dict[str, str] = {
    "copy_number": "份号",
    "secrecy": "密级和保密期限",
    "urgency": "紧急程度",
    "issuer_mark": "发文机关标志",
    "number": "发文字号",
    "signer": "签发人",
    "addressees": "主送机关",
    "attachments": "附件说明",
    "issuer": "发文机关署名",
    "date": "成文日期",
    "annotation": "附注",
    "cc": "抄送机关",
    "printing": "印发机关和印发日期",
}


@frozen
class Element:
    """One line of a 公文's parts around its body (公文要素, GB/T 9704-2012 clause 7).

    ``kind`` is a key of `ELEMENT_KINDS`: the 版头 above the title (``copy_number`` 份号,
    ``secrecy`` 密级, ``urgency`` 紧急程度, ``issuer_mark`` 发文机关标志, ``number`` 发文字号,
    ``signer`` 签发人) stands in `Document.title_lines`; ``number`` below the title (as web
    pages put it) and ``addressees`` 主送机关 in `Document.opening`; ``attachments`` 附件说明
    (the 附件： line and each name after it), ``issuer`` 发文机关署名, ``date`` 成文日期,
    ``annotation`` 附注 and the 版记 (``cc`` 抄送, ``printing`` 印发) in `Document.closing`.
    A part over several lines is one element per line, each of the same kind. Never a heading,
    never in a section's body.
    """

    #: The leaf's name in the plain-data view (``"type"`` in `to_dict`).
    type_name: ClassVar[str] = "element"
    #: A leaf has no children.
    child_fields: ClassVar[tuple[ChildField, ...]] = ()

    text: str
    start: int
    end: int
    line: int
    column: int
    kind: str

    @property
    def content(self) -> str:
        """The line without its indentation and line ending."""
        return _strip_eol(self.text).strip(INDENT_CHARS)

    @property
    def name(self) -> str:
        """The part's Chinese name (发文字号, 主送机关…)."""
        return ELEMENT_KINDS[self.kind]


@frozen
class TitleLine:
    """A title line of a document, or a subtitle / dateline below it."""

    #: The leaf's name in the plain-data view (``"type"`` in `to_dict`).
    type_name: ClassVar[str] = "title_line"
    #: A leaf has no children.
    child_fields: ClassVar[tuple[ChildField, ...]] = ()

    text: str
    start: int
    end: int
    line: int
    column: int
    role: Literal["title", "subtitle", "label"] = "title"
    #: how many characters of ``text`` come before the title itself: its indentation and a
    #: Markdown heading's hashes (``# ``), as the line lexer skipped them
    decoration: int = 0

    @property
    def content(self) -> str:
        """The title without surrounding white space, a Markdown heading's hashes and the line
        ending: what the page shows."""
        return _strip_eol(self.text[self.decoration :]).strip(INDENT_CHARS)


@frozen
class Heading:
    """The start of a heading line: indentation, marker and title sentence.

    The rest of the line, if any, is the first `Paragraph` of the section's body.
    ``marker_start``/``marker_end`` and ``title_start``/``title_end`` are absolute offsets.
    """

    #: The leaf's name in the plain-data view (``"type"`` in `to_dict`).
    type_name: ClassVar[str] = "heading"
    #: A leaf has no children.
    child_fields: ClassVar[tuple[ChildField, ...]] = ()

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


Leaf = Union[TitleLine, Heading, Paragraph, Blank, Boilerplate, Element]  # noqa: UP007 (a runtime alias on 3.10)


@frozen
class Section:
    """A numbered heading, an enumeration item (一是) or a dash item (——) with its content.

    ``kind`` is ``"numbered"``, ``"enum"`` or ``"dash"``; ``style`` names the marker family
    (``cn_num`` for 一、, ``cn_paren`` for （一）, ``ar_dot`` for 1., ``enum_shi`` for 一是 …, see
    docs/tree.md). ``level`` is the nesting depth, 1 at the top of its document. ``title`` is
    the heading sentence; for a marker-only line it is the first sentence of the next line,
    and ``title_line`` says which line that was.

    ``parts`` is everything after the heading, in source order: the section's own leaves and
    its subsections. Its three views: ``body``, the leaves before the first subsection (the rest
    of the heading line and the lines under it); ``children``, the subsections; ``tail``, the
    section's own leaves after its first subsection — where the text goes back up after a list
    (``——…`` items, then 回顾过去一年，…, which belongs to the section, not to the last item).
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
    parts: tuple[Leaf | Section, ...]
    end: int

    #: The fields holding the section's children, in source order. For every node class this
    #: is the one statement of what its children are: `iter_leaves` and `govspeech.walk`
    #: (`children`, `walk`, `Visitor`, `Transformer`) read it.
    child_fields: ClassVar[tuple[ChildField, ...]] = (_leaf("heading"), _mixed("parts"))

    @property
    def body(self) -> tuple[Leaf, ...]:
        """The leaves before the first subsection: the rest of the heading line and the
        lines under it."""
        parts = self.parts
        for i, part in enumerate(parts):
            if type(part) is Section or isinstance(part, Section):
                return parts[:i]  # type: ignore[return-value]
        return parts  # type: ignore[return-value]

    @property
    def children(self) -> tuple[Section, ...]:
        """The subsections, in source order."""
        return tuple(p for p in self.parts if isinstance(p, Section))

    @property
    def tail(self) -> tuple[Leaf, ...]:
        """The section's own leaves after its first subsection, in source order (``()`` for
        most sections): text that goes back up after a list. Their positions place them among
        the subsections."""
        body = len(self.body)
        return tuple(p for p in self.parts[body:] if not isinstance(p, Section))

    @property
    def own_leaves(self) -> tuple[Leaf, ...]:
        """``body`` and ``tail``: every leaf of the section that is not in a subsection."""
        return tuple(p for p in self.parts if not isinstance(p, Section))

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
        """The section's own paragraphs (``body`` and ``tail``), without blank lines and
        boilerplate."""
        return tuple(p for p in self.parts if isinstance(p, Paragraph))

    def iter_sections(self) -> Iterator[Section]:
        """This section and all its descendants, in document order (non-recursive)."""
        stack: list[Section] = [self]
        while stack:
            sec = stack.pop()
            yield sec
            stack.extend(p for p in reversed(sec.parts) if isinstance(p, Section))

    def iter_leaves(self) -> Iterator[Leaf]:
        """Every leaf of this section in source order (non-recursive)."""
        return _iter_leaves(self)


@frozen
class Document:
    """One speech, report or official document.

    ``title_lines`` holds the title, subtitles, dateline and the blank lines between them;
    ``opening`` the text before the first heading (salutation, opening paragraphs); ``parts``
    the top-level sections and, between them, the document's own text where a part without a
    number begins (关于外交工作 and its text, in older reports); ``closing`` the text after the
    last section's body that closes the speech (同志们，… 谢谢大家！, 结束语…). ``subdocuments``
    are speeches that a scraped page ran together with this one without a title line of their
    own. ``sections`` and ``tail`` are the two views of ``parts``.
    """

    title: str | None
    title_lines: tuple[Leaf, ...]
    opening: tuple[Leaf, ...]
    parts: tuple[Section | Leaf, ...]
    closing: tuple[Leaf, ...]
    subdocuments: tuple[Document, ...]
    start: int
    end: int
    line: int
    column: int

    #: The fields holding the document's children, in source order (see `Section.child_fields`).
    child_fields: ClassVar[tuple[ChildField, ...]] = (
        _leaves("title_lines"),
        _leaves("opening"),
        _mixed("parts"),
        _leaves("closing"),
        _containers("subdocuments"),
    )

    @property
    def sections(self) -> tuple[Section, ...]:
        """The top-level sections, in source order."""
        parts = self.parts
        if all(isinstance(p, Section) for p in parts):
            return parts  # type: ignore[return-value]
        return tuple(p for p in parts if isinstance(p, Section))

    @property
    def tail(self) -> tuple[Leaf, ...]:
        """The document's own text between its top-level sections (``()`` for most documents):
        where a part without a number begins. Its positions place it among the sections."""
        return tuple(p for p in self.parts if not isinstance(p, Section))

    def iter_sections(self) -> Iterator[Section]:
        """All sections of this document (not of its subdocuments), in document order."""
        for sec in self.sections:
            yield from sec.iter_sections()

    def iter_leaves(self) -> Iterator[Leaf]:
        """Every leaf in source order, subdocuments included (non-recursive)."""
        return _iter_leaves(self)

    @property
    def boilerplate(self) -> tuple[Boilerplate, ...]:
        """All boilerplate leaves of the document, subdocuments included."""
        return tuple(x for x in self.iter_leaves() if isinstance(x, Boilerplate))

    @property
    def elements(self) -> tuple[Element, ...]:
        """The document's 公文 parts (版头, 主送机关, 附件说明, 落款, 附注, 版记), one `Element`
        per line in source order, subdocuments not included; ``()`` for a speech."""
        return tuple(
            x
            for group in (self.title_lines, self.opening, self.closing)
            for x in group
            if isinstance(x, Element)
        )

    @property
    def meta(self) -> DocumentMeta:
        """What the document says about itself: its kind (文种), 发文字号, 成文日期, issuing
        bodies, addressees and attachments, read from its parts (`govspeech.meta`); ``None``
        or ``()`` where the text does not say."""
        from govspeech.meta import document_meta

        return document_meta(self)

    @property
    def contents(self) -> tuple[Paragraph, ...]:
        """The document's table of contents (目录 and its entries, in its opening) as one
        block, or ``()``: its lines are paragraphs with role ``contents``, one per line like
        every leaf, and never chapters."""
        return tuple(x for x in self.opening if isinstance(x, Paragraph) and x.role == "contents")


@frozen
class ParsedFile:
    """The result of `govspeech.parse`: the documents found in one text.

    ``preamble`` holds what comes before the first title line when it is not a document
    itself (a site's opening blurb). ``encoding`` is the encoding the input was decoded with
    (``None`` when a `str` was parsed), ``path`` where it was read from. ``webpage`` is what a
    web page's <meta> tags say about its article, as (key, value) pairs (keys ``title``,
    ``published``, ``source``; ``()`` for other inputs): `meta` fills the gaps of the first
    document's metadata from it. ``pages``, for a PDF, is the line of the text each page
    starts on (``()`` for other inputs): `page_of` gives a node's page.
    """

    preamble: tuple[Leaf, ...]
    documents: tuple[Document, ...]
    encoding: str | None = None
    path: str | None = field(default=None)
    webpage: tuple[tuple[str, str], ...] = ()
    pages: tuple[int, ...] = ()

    #: The fields holding the file's children, in source order (see `Section.child_fields`).
    child_fields: ClassVar[tuple[ChildField, ...]] = (
        _leaves("preamble"),
        _containers("documents"),
    )

    def iter_leaves(self) -> Iterator[Leaf]:
        """Every leaf in source order (non-recursive)."""
        return _iter_leaves(self)

    @property
    def text(self) -> str:
        """The decoded input, rebuilt from the leaves."""
        return "".join(leaf.text for leaf in self.iter_leaves())

    def iter_documents(self) -> Iterator[Document]:
        """Every document and subdocument, in source order."""
        for doc in self.documents:
            yield doc
            yield from doc.subdocuments

    def page_of(self, line: int) -> int | None:
        """The page (1-based) that line ``line`` of the text is on, for a PDF; None for inputs
        without pages. A node's page is ``tree.page_of(node.line)``."""
        if not self.pages:
            return None
        return max(1, bisect_right(self.pages, line))

    def meta_of(self, doc: Document) -> DocumentMeta:
        """The metadata of ``doc``, one of this file's documents: `Document.meta`, with the
        gaps of the file's first document filled from the web page's own metadata (``webpage``:
        the page's publication date for a missing 成文日期, its source for missing issuers, the
        kind its title names); `DocumentMeta.from_page` names the fields so filled."""
        from govspeech.meta import document_meta

        first = self.documents[0] if self.documents else None
        return document_meta(doc, self.webpage if doc is first else ())

    def pretty(self) -> str:
        """A readable text view of the tree, one heading a line (used by golden tests)."""
        from govspeech.pretty import pretty

        return pretty(self)

    def to_dict(self) -> dict[str, object]:
        """The tree as plain data (dicts, lists, str, int), ready for JSON."""
        from govspeech.serialize import to_dict

        return to_dict(self)


_Container = Union[ParsedFile, Document, Section]  # noqa: UP007 (a runtime alias on 3.10)


def _iter_leaves(node: _Container) -> Iterator[Leaf]:
    """Every leaf under a container in source order, read from the classes' ``child_fields``.

    A stack instead of recursion, so any depth of nesting is fine. A field of leaves goes on
    the stack as one tuple, a field of containers as its containers, a mixed field as its
    sections and a one-leaf tuple for each leaf.
    """
    stack: list[Any] = [node]
    while stack:
        item = stack.pop()
        if type(item) is tuple:
            yield from item
            continue
        items: list[Any] = []
        for f in item.child_fields:
            value = getattr(item, f.name)
            if f.mixed:
                items.extend(x if isinstance(x, Section) else (x,) for x in value)
            elif not f.leaves:
                items.extend(value)
            else:
                items.append((value,) if f.single else value)
        stack.extend(reversed(items))
