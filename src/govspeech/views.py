"""What the export formats share: documents with display titles, sections with their paths.

Built on the public tree API only (`govspeech.nodes`, `govspeech.walk`), like any third-party
format could be.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from attrs import frozen

from govspeech.nodes import (
    INDENT_CHARS,
    Boilerplate,
    Document,
    Leaf,
    Paragraph,
    ParsedFile,
    Section,
)
from govspeech.walk import walk_with_depth

__all__ = [
    "DocumentView",
    "SectionView",
    "body_text",
    "documents",
    "escape_block",
    "escape_inline",
    "leaf_text",
    "part_title",
    "sections",
]


@frozen
class DocumentView:
    """A document or subdocument as the formats show it.

    ``index`` is ``"7"`` for the seventh document of a file and ``"7.2"`` for its second
    part (the first subdocument); ``title`` is the document's title, for a part the parent's
    title with ``(part 2 of 7, line 135)``, for an untitled document ``(untitled, line N)``.
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

    @property
    def path_text(self) -> str:
        """``三、 > （二） > 1.``"""
        return " > ".join(self.path)


def part_title(title: str | None, line: int, part: int = 1, parts: int = 1, at: int = 0) -> str:
    """How a document is named in outlines and exports.

    ``(untitled, line N)`` without a title; the parts of a page that ran several speeches
    together under one title: ``title (part 1 of 7)``, ``title (part 2 of 7, line 135)``.
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
    """The document's sections (not its subdocuments') in order, with depth and marker path."""
    path: list[str] = []
    for top in doc.sections:
        for node, depth in walk_with_depth(top):
            if not isinstance(node, Section):
                continue
            # Below a section, every step down to a child section is one step of depth.
            del path[depth:]
            path.append(node.marker.strip())
            yield SectionView(node, len(path), tuple(path))


def leaf_text(leaf: Leaf) -> str:
    """A leaf's text without its line ending and surrounding white space."""
    return leaf.text.rstrip("\r\n").strip(INDENT_CHARS)


def body_text(section: Section, *, boilerplate: bool = False) -> str:
    """The section's own body (not its children's): paragraphs joined by newlines.

    Boilerplate lines are left out unless ``boilerplate`` is true; blank lines always are.
    """
    parts = [
        leaf_text(leaf)
        for leaf in section.body
        if isinstance(leaf, Paragraph) or (boilerplate and isinstance(leaf, Boilerplate))
    ]
    return "\n".join(p for p in parts if p)


# ---------------------------------------------------------------- Markdown

# ASCII punctuation that means something inline (emphasis, code, links, HTML, tables,
# strikethrough, math in Markmap/GitHub); a backslash before any of them is always allowed.
_INLINE = re.compile(r"[\\`*_\[\]<>#|~$]|&(?=#?[0-9A-Za-z]+;)")
# What would open a list or a thematic break at the start of a paragraph or list item: the
# CommonMark rules (a list marker is followed by a space, a tab or the end of the line), so
# ``1.5倍`` and ``-5%`` stay as they are. ``>``, ``*``, ``_``, ``#`` and the fence characters are
# escaped everywhere already.
_BLOCK_START = re.compile(
    r"(?P<lead>[0-9]{1,9})[.)](?=[ \t]|$)"  # 1. or 1) and a space: an ordered list
    r"|(?P<bullet>[-+](?=[ \t]|$)"  # - or + and a space: a bullet list
    r"|-(?:[ \t]*-){2,}[ \t]*$)"  # ---, - - -: a thematic break
)
# CommonMark line endings; a paragraph is one source line, so these only come from odd input.
_LINE_BREAKS = re.compile(r"[\r\n]+")


def escape_inline(text: str) -> str:
    """``text`` with every Markdown-special ASCII character backslash-escaped."""
    return _INLINE.sub(lambda m: "\\" + m.group(0), _LINE_BREAKS.sub(" ", text))


def escape_block(text: str) -> str:
    """`escape_inline`, and a start that would open a list or a thematic break escaped."""
    text = escape_inline(text)
    m = _BLOCK_START.match(text)
    if m is None:
        return text
    if m.group("bullet"):
        return "\\" + text
    end = m.end("lead")
    return f"{text[:end]}\\{text[end:]}"
