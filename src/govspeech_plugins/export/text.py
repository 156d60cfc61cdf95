"""``export --format text``: the documents as plain UTF-8 text, as they were or cleaned.

**Default: the input as it was.** Every leaf of the tree in source order (the preamble,
boilerplate, blank lines and indentation included), which is the decoded input
(`ParsedFile.text`), with two changes: each line ending (``\\r\\n``, ``\\r``) becomes ``\\n``,
and the output ends with a ``\\n`` even when the input did not. Whatever the input's encoding
(GBK, Big5, UTF-16, UTF-8 with a BOM), the output is UTF-8 without a BOM. Several inputs are
written one after the other, like ``cat``.

**--clean: the speech and nothing else.** Each document, and each part of a document (a
subdocument: a speech a scraped page ran into the one before without a title line), is one
block of lines; the blocks are separated by one empty line, in source order, across all the
inputs. A block holds the document's source lines except

- lines of boilerplate: site blurbs and source links (``web``), licence trailers
  (``licence``) and the text before a file's first title (``preamble``), all the
  `Boilerplate` leaves of the tree;
- blank lines: lines of white space only, whatever the tree calls them (a `Blank` leaf, and
  also a line holding only an em space, which is a `Paragraph` to the parser);

and each line kept loses its line ending and the white space at either end, indentation
included. White space here is what `str.isspace` calls white space (spaces, tabs,
ideographic, em and no-break spaces …) and what the grammar indents with besides: byte-order
marks, zero-width spaces and joiners, word joiners. Nothing else changes: titles, subtitles,
datelines, headings with their markers and every paragraph are kept verbatim, and a heading
stays on one line with the text that follows it on its source line. Non-boilerplate text in a
file's preamble (the parser puts none there today) would be a block of its own. So the lines
of the output are exactly the source lines that hold a non-blank, non-boilerplate leaf,
stripped, with an empty line wherever a new document starts.

The option is ``--clean`` (``--text-clean`` too). Should another format already have
registered a ``--clean`` of its own, only ``--text-clean`` is added, and a general ``--clean``
switch (``options.clean``) is honoured as well.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterable, Iterator
from typing import IO, Any

from govspeech.nodes import INDENT_CHARS, Blank, Boilerplate, Document, Leaf, ParsedFile, Section
from govspeech.plugin import N_, Exporter
from govspeech.plugin import gettext as _
from govspeech.views import documents

__all__ = ["TextExporter", "clean_blocks", "clean_lines", "normalized_text"]

# What a kept line loses at either end: white space as `str.isspace` knows it (ideographic,
# em and no-break spaces too; line and paragraph separators, form feeds) and what the
# grammar indents with besides (INDENT_CHARS: stray byte-order marks, zero-width spaces and
# joiners, word joiners). Wider than INDENT_CHARS so that a line that only looks blank goes.
_SPACE = f"[\\s{re.escape(INDENT_CHARS)}]+"
_EDGES = re.compile(f"^{_SPACE}|{_SPACE}$")


def normalized_text(tree: ParsedFile) -> str:
    """The input with ``\\n`` line endings, ending with one (the default output)."""
    text = tree.text.replace("\r\n", "\n").replace("\r", "\n")
    return text if not text or text.endswith("\n") else text + "\n"


def _own_leaves(doc: Document) -> Iterator[Leaf]:
    """The document's leaves in source order, without its subdocuments'."""
    yield from doc.title_lines
    yield from doc.opening
    for part in doc.parts:  # the sections, and the document's own text between them
        if isinstance(part, Section):
            yield from part.iter_leaves()
        else:
            yield part
    yield from doc.closing


def clean_lines(leaves: Iterable[Leaf]) -> list[str]:
    """The source lines the leaves make up, boilerplate and blank lines left out, stripped."""
    lines: list[str] = []
    parts: list[str] = []

    def end_line() -> None:
        line = _EDGES.sub("", "".join(parts))
        if line:
            lines.append(line)
        parts.clear()

    for leaf in leaves:
        if not isinstance(leaf, (Blank, Boilerplate)):
            parts.append(leaf.text)
        # A line's last leaf holds its line ending (a heading line is a Heading + Paragraph).
        if leaf.text.endswith(("\n", "\r")):
            end_line()
    end_line()
    return lines


def clean_blocks(tree: ParsedFile) -> list[list[str]]:
    """The ``--clean`` output of one file: a list of lines per document and part."""
    blocks = [clean_lines(tree.preamble)]
    blocks += [clean_lines(_own_leaves(view.document)) for view in documents(tree)]
    return [block for block in blocks if block]


class TextExporter(Exporter):
    """The ``text`` format."""

    name = "text"
    description = N_(
        "Plain UTF-8 text: the input as it was, or with --clean only the speech itself"
    )
    extensions = (".txt",)

    def __init__(self) -> None:
        self._blocks_written = False

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        group = parser.add_argument_group(_("text format"))
        text = _(
            "text: leave out boilerplate (site blurbs, source links, licence trailers, "
            "preamble), blank lines and indentation; one empty line between documents"
        )
        try:
            group.add_argument(
                "--clean", "--text-clean", dest="clean", action="store_true", help=text
            )
        except argparse.ArgumentError:  # another format has --clean: see the module docstring
            group.add_argument("--text-clean", dest="text_clean", action="store_true", help=text)

    def start(self, options: argparse.Namespace, out: IO[Any]) -> None:
        self._blocks_written = False

    def run(self, tree: ParsedFile, options: argparse.Namespace, out: IO[Any]) -> int:
        if not _clean(options):
            out.write(normalized_text(tree))
            return 0
        blocks = clean_blocks(tree)
        if blocks:
            text = "\n\n".join("\n".join(block) for block in blocks) + "\n"
            out.write("\n" + text if self._blocks_written else text)
            self._blocks_written = True
        return 0


def _clean(options: argparse.Namespace) -> bool:
    return getattr(options, "clean", False) is True or getattr(options, "text_clean", False) is True
