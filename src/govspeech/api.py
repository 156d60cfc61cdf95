"""The public entry points: `parse` and `parse_file`."""

from __future__ import annotations

import os

from attrs import evolve

from govspeech.nodes import ParsedFile
from govspeech.read.formats import read_source_any
from govspeech.syntax.treebuilder import parse_text

__all__ = ["parse", "parse_file"]


def parse(text: str) -> ParsedFile:
    """Parse a speech, report or official document given as text.

    Never raises for any ``str``: text without markers is one document of paragraphs, and an
    empty or blank text gives no documents. ``tree.text == text`` always holds.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse() expects str, got {type(text).__name__}; use parse_file for files")
    return parse_text(text)


def parse_file(
    path: str | os.PathLike[str],
    encoding: str | None = None,
    source_format: str | None = None,
) -> ParsedFile:
    """Read, decode and parse the file at ``path``: a text file, a Word .docx or a web page.

    ``source_format`` (``"txt"``, ``"docx"``, ``"html"``) says what the file is; None tells
    it by the extension (.txt .text, .docx, .html .htm .shtml .xhtml), else by the content.
    A .docx is read with Word's automatic numbering (一、 （一） 1．) rebuilt before each
    paragraph's text; a web page is reduced to its main text, one line per paragraph. Line
    numbers and offsets in the tree then refer to that *extracted* text, which the tree
    rebuilds exactly: ``tree.text`` is the extracted text, not the file's bytes.

    For text the encoding is detected (UTF-8 with or without BOM, GB18030/GBK, Big5, UTF-16)
    unless given; a web page is read in the charset it declares (gb2312/gbk as GB18030) unless
    ``encoding`` is given; a .docx ignores ``encoding``. The encoding used is in
    ``tree.encoding`` (``"utf-8"`` for .docx). Raises `InputNotFoundError`, `InputReadError`,
    `BinaryInputError`, `DecodeError`, `InputFormatError` (a corrupt or unsafe .docx),
    `EmptyInputError` (a web page without text), `MissingDependencyError` (lxml missing for
    .docx or HTML) or `UsageError` (an unknown ``source_format``); all are `GovspeechError`.
    """
    src = read_source_any(path, encoding, source_format)
    return evolve(
        parse_text(src.text, src.furniture),
        encoding=src.encoding,
        path=src.path,
        webpage=src.webpage,
        pages=src.pages,
    )
