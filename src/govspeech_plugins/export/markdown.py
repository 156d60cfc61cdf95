"""``export --format markdown``: the whole document as Markdown, headings by level.

Each document (each run-together part too) is a ``#`` heading; its sections are ``##`` (depth 1)
down to ``######`` (depth 5), deeper sections nested list items (XMind and Markmap import both
as topics). Under each heading come the section's own body paragraphs, one Markdown paragraph
per source paragraph; under the ``#`` heading the document's subtitles and opening paragraphs
(salutation included), and after its last section its closing paragraphs. ``--no-body`` leaves
all of that out: the result is an outline. Boilerplate never appears. The Markdown is written
by `govspeech.views.MarkdownWriter`, as that of ``outline`` and ``summarize`` is.

The text is escaped so that it renders as written (CommonMark and GitHub): ``\\ ` * _ [ ] < > # |
~ $`` get a backslash, so do ``&`` before an entity name, and the ``-``, ``+``, ``1.`` or ``1)``
that would open a list (or ``---`` a rule) at the start of a paragraph or list item. Markers and
Chinese punctuation are written as is.
"""

from __future__ import annotations

import argparse
from typing import IO, Any

from govspeech.nodes import Document, ParsedFile
from govspeech.plugin import N_, Exporter
from govspeech.plugin import gettext as _
from govspeech.views import (
    MarkdownWriter,
    TextRun,
    documents,
    flow,
    heading_text,
    paragraph_texts,
    subtitle_texts,
)


def add_no_body(parser: argparse.ArgumentParser) -> None:
    """``--no-body``, shared with the other outline-shaped formats (whoever comes first adds it)."""
    try:
        parser.add_argument(
            "--no-body",
            action="store_true",
            help=_("leave the body text out: titles and headings only (markdown, opml)"),
        )
    except argparse.ArgumentError:  # another format has added it already
        pass


def write_document(md: MarkdownWriter, title: str, doc: Document, *, body: bool = True) -> None:
    """One document (or part) into ``md``: its ``#`` heading, sections and body paragraphs."""
    md.heading(1, title)
    if body:
        for text in (*subtitle_texts(doc), *paragraph_texts(doc.opening)):
            md.paragraph(text)
    nests: dict[int, int] = {}  # id(section) → the nest of its content
    for item in flow(doc):
        if isinstance(item, TextRun):
            # the text going back up after a list: under a heading it follows the list, in a
            # list item it is indented as the item's own
            if body:
                nest = nests[id(item.owner.section)] if item.owner else 0
                for text in paragraph_texts(item.leaves):
                    md.paragraph(text, nest=nest)
            continue
        nest = nests[id(item.section)] = md.section(item.depth + 1, heading_text(item.section))
        if body:
            for text in paragraph_texts(item.section.body):
                md.paragraph(text, nest=nest)
    if body:
        for text in paragraph_texts(doc.closing):
            md.paragraph(text)


def render(tree: ParsedFile, *, body: bool = True) -> str:
    """Every document and part of ``tree``, a blank line between them."""
    md = MarkdownWriter()
    for view in documents(tree):
        write_document(md, view.title, view.document, body=body)
    return md.getvalue()


class MarkdownExporter(Exporter):
    """The ``markdown`` format."""

    name = "markdown"
    description = N_("Markdown: # per document, ## … per level, body paragraphs (XMind, Markmap)")
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
