"""``export --format markdown``: the whole document as Markdown, headings by level.

Each document (each run-together part too) is a ``#`` heading; its sections are ``##`` (depth 1)
down to ``######`` (depth 5), deeper sections nested list items (XMind and Markmap import both
as topics). Under each heading come the section's own body paragraphs, one Markdown paragraph
per source paragraph; under the ``#`` heading the document's subtitles and opening paragraphs
(salutation included), and after its last section its closing paragraphs. ``--no-body`` leaves
all of that out: the result is an outline. Boilerplate never appears.

The text is escaped so that it renders as written (CommonMark and GitHub): ``\\ ` * _ [ ] < > # |
~ $`` get a backslash, so do ``&`` before an entity name, and the ``-``, ``+``, ``1.`` or ``1)``
that would open a list (or ``---`` a rule) at the start of a paragraph or list item. Markers and
Chinese punctuation are written as is.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable, Iterator
from typing import IO, Any

from govspeech.nodes import Document, Leaf, Paragraph, ParsedFile, Section, TitleLine
from govspeech.plugin import Exporter
from govspeech.views import documents, escape_block, escape_inline, leaf_text, sections

#: Markdown has six heading levels; ``#`` is the document, so sections use five of them.
MAX_HEADING = 6


def add_no_body(parser: argparse.ArgumentParser) -> None:
    """``--no-body``, shared with the other outline-shaped formats (whoever comes first adds it)."""
    try:
        parser.add_argument(
            "--no-body",
            action="store_true",
            help="leave the body text out: titles and headings only (markdown, opml)",
        )
    except argparse.ArgumentError:  # another format has added it already
        pass


def heading_text(section: Section) -> str:
    """Marker and title as written (the outline's heading)."""
    return f"{section.marker}{section.title}".strip()


def paragraphs(leaves: Iterable[Leaf]) -> Iterator[str]:
    """The text of each paragraph, as `exportkit.body_text` has them.

    Boilerplate and blank lines are left out, and so are paragraphs of nothing but white space
    the parser does not count as blank (a line holding only U+2003 EM SPACE).
    """
    for leaf in leaves:
        if isinstance(leaf, Paragraph):
            text = leaf_text(leaf)
            if text.strip():
                yield text


def subtitles(doc: Document) -> Iterator[str]:
    """The document's subtitle and dateline lines (not its title)."""
    for leaf in doc.title_lines:
        if isinstance(leaf, TitleLine) and leaf.role == "subtitle":
            text = leaf_text(leaf)
            if text.strip():
                yield text


class _Writer:
    """Blocks separated by blank lines; list items directly below one another stay tight."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.last_item = False

    def block(self, line: str, *, item: bool = False) -> None:
        if self.lines and not (item and self.last_item):
            self.lines.append("")
        self.lines.append(line)
        self.last_item = item


def render_document(title: str, doc: Document, *, body: bool = True) -> str:
    """One document (or part) as Markdown, ending with a newline."""
    w = _Writer()
    w.block(f"# {escape_inline(title)}")
    if body:
        for text in (*subtitles(doc), *paragraphs(doc.opening)):
            w.block(escape_block(text))
    for view in sections(doc):
        level = view.depth + 1
        sec = view.section
        if level <= MAX_HEADING:
            w.block(f"{'#' * level} {escape_inline(heading_text(sec))}")
            indent = ""
        else:
            # Beyond six levels: nested list items, two spaces per level (the content column).
            indent = "  " * (level - MAX_HEADING - 1)
            w.block(f"{indent}- {escape_block(heading_text(sec))}", item=True)
            indent += "  "
        if body:
            for text in paragraphs(sec.body):
                w.block(indent + escape_block(text))
    if body:
        for text in paragraphs(doc.closing):
            w.block(escape_block(text))
    return "\n".join(w.lines) + "\n"


def render(tree: ParsedFile, *, body: bool = True) -> str:
    """Every document and part of ``tree``, a blank line between them."""
    return "\n".join(render_document(v.title, v.document, body=body) for v in documents(tree))


class MarkdownExporter(Exporter):
    """The ``markdown`` format."""

    name = "markdown"
    description = "Markdown: # per document, ## … per level, body paragraphs (XMind, Markmap)"
    extensions = (".md", ".markdown")

    def __init__(self) -> None:
        self._written = 0

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        add_no_body(parser)

    def start(self, options: argparse.Namespace, out: IO[Any]) -> None:
        self._written = 0

    def run(self, tree: ParsedFile, options: argparse.Namespace, out: IO[Any]) -> int:
        text = render(tree, body=not getattr(options, "no_body", False))
        if not text:
            return 0
        if self._written:
            out.write("\n")  # several inputs: one after another, a blank line between
        out.write(text)
        self._written += 1
        return 0
