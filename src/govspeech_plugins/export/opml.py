"""``export --format opml``: the heading tree as OPML 2.0, for outliners.

One ``<opml>`` per output: ``start`` writes the head and opens the body, each input adds one
top-level ``<outline>`` per document (each run-together part too), ``finish`` closes the body.
Several inputs into one stream therefore give one OPML file holding all their documents.

Each outline's ``text`` is the document's title or the section's marker and title as written;
its body text is in ``_note`` (paragraphs separated by newlines), the attribute OmniOutliner
introduced and Workflowy, Tinderbox, Scrivener and others read. A document's note holds its
subtitles, opening paragraphs and its own text between sections (a part without a number), then
after an empty line its closing paragraphs.
``--no-body`` leaves every ``_note`` out.

The head holds only ``<title>`` (``--opml-title``, else the input's file name): no
``dateCreated``, so that the same input always gives the same bytes. Characters XML 1.0 cannot
hold (C0 controls other than tab, line feed and carriage return, lone surrogates, U+FFFE and
U+FFFF) are left out; everything else is written as is, escaped where XML needs it.
"""

from __future__ import annotations

import argparse
import os
import re
from typing import IO, Any

from govspeech.nodes import Document, ParsedFile
from govspeech.plugin import N_, Exporter
from govspeech.plugin import gettext as _
from govspeech.views import documents, heading_text, paragraph_texts, sections, subtitle_texts
from govspeech_plugins.export.markdown import add_no_body

#: Characters XML 1.0 does not allow in a document, not even as character references.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ATTRIBUTE = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
        "\n": "&#10;",
        "\r": "&#13;",
        "\t": "&#9;",
    }
)
_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
#: Titles of several inputs: this many file names, then "and N more".
_TITLE_NAMES = 3


def xml_clean(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot hold."""
    return _NOT_XML.sub("", text)


def attribute(value: str) -> str:
    """An attribute value in double quotes; tabs and line breaks survive the XML parser."""
    return '"' + xml_clean(value).translate(_ATTRIBUTE) + '"'


def element_text(value: str) -> str:
    """Character data of an element."""
    return xml_clean(value).translate(_TEXT)


def default_title(files: list[str]) -> str:
    """The input's file name without its extension; several: the first few and a count."""
    names = ["stdin" if f == "-" else os.path.splitext(os.path.basename(f))[0] for f in files]
    if len(names) <= _TITLE_NAMES:
        return ", ".join(names)
    return f"{', '.join(names[:_TITLE_NAMES])} and {len(names) - _TITLE_NAMES} more"


def document_note(doc: Document) -> str:
    """Subtitles and opening paragraphs one a line, then an empty line and the closing ones.

    The closing paragraphs come after the last section in the source; the empty line keeps
    them apart from the opening in the one note a document has.
    """
    # the document's own text between its sections (a part without a number) comes with
    # the opening: an outline has no place between its items for text
    opening = "\n".join(
        (*subtitle_texts(doc), *paragraph_texts(doc.opening), *paragraph_texts(doc.tail))
    )
    closing = "\n".join(paragraph_texts(doc.closing))
    return f"{opening}\n\n{closing}" if opening and closing else opening or closing


def _outline(indent: int, text: str, note: str | None, *, open_: bool) -> str:
    attrs = f"text={attribute(text)}"
    if note:
        attrs += f" _note={attribute(note)}"
    return f"{'  ' * indent}<outline {attrs}{'>' if open_ else '/>'}\n"


def render_outlines(tree: ParsedFile, *, body: bool = True, indent: int = 2) -> str:
    """The ``<outline>`` elements of every document of ``tree`` (no recursion: any depth)."""
    out: list[str] = []
    for view in documents(tree):
        doc = view.document
        note = document_note(doc) if body else None
        out.append(_outline(indent, view.title, note, open_=bool(doc.sections)))
        open_depths: list[int] = []
        for sec_view in sections(doc):
            while open_depths and open_depths[-1] >= sec_view.depth:
                out.append(f"{'  ' * (indent + open_depths.pop())}</outline>\n")
            sec = sec_view.section
            note = "\n".join(paragraph_texts(sec.own_leaves)) if body else None
            level = indent + sec_view.depth
            out.append(_outline(level, heading_text(sec), note, open_=bool(sec.children)))
            if sec.children:
                open_depths.append(sec_view.depth)
        while open_depths:
            out.append(f"{'  ' * (indent + open_depths.pop())}</outline>\n")
        if doc.sections:
            out.append(f"{'  ' * indent}</outline>\n")
    return "".join(out)


class OpmlExporter(Exporter):
    """The ``opml`` format."""

    name = "opml"
    description = N_("OPML 2.0 outline for outliners: marker + title per section, body as _note")
    extensions = (".opml",)
    parallel = True  # run depends on its file only

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        add_no_body(parser)
        parser.add_argument(
            "--opml-title",
            metavar="TEXT",
            help=_("opml: the title in the OPML head (default: the input's file name)"),
        )

    def start(self, options: argparse.Namespace, out: IO[Any]) -> None:
        title = getattr(options, "opml_title", None)
        if title is None:
            title = default_title(list(options.files))
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        out.write('<opml version="2.0">\n')
        out.write(f"  <head>\n    <title>{element_text(title)}</title>\n  </head>\n")
        out.write("  <body>\n")

    def run(self, tree: ParsedFile, options: argparse.Namespace, out: IO[Any]) -> int:
        out.write(render_outlines(tree, body=not getattr(options, "no_body", False)))
        return 0

    def finish(self, options: argparse.Namespace, out: IO[Any]) -> int:
        out.write("  </body>\n</opml>\n")
        return 0
