"""Input formats: plain text, Word (.docx) and web pages (HTML), each read to text.

The format is the one asked for (``source_format``, the command line's ``--from``), else it
is told by the file's extension, else by its content (`sniff`). Word files and web pages are
turned into text first (`govspeech.read.docx`, `govspeech.read.html`); the tree is built
from that extracted text, so positions (lines, offsets) refer to it and ``tree.text`` equals
it exactly.

lxml is needed only for .docx and HTML and is imported only when such a file is read; without
it the error names the extra to install.
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path

from govspeech.errors import MissingDependencyError, UsageError
from govspeech.read.source import Source, decode, read_bytes

__all__ = [
    "INPUT_SUFFIXES",
    "SOURCE_FORMATS",
    "STDIN",
    "SUFFIX_FORMATS",
    "decode_any",
    "input_format",
    "read_source_any",
    "sniff",
]

#: The file name that means standard input (on the command line and in ``ParsedFile.path``).
STDIN = "-"
#: The input formats, as ``--from`` names them.
SOURCE_FORMATS = ("txt", "docx", "html")
#: The format each known extension means (lower case, with the dot).
SUFFIX_FORMATS = {
    ".txt": "txt",
    ".text": "txt",
    ".docx": "docx",
    ".html": "html",
    ".htm": "html",
    ".shtml": "html",
    ".xhtml": "html",
}
#: Extensions of the files a folder contributes.
INPUT_SUFFIXES = frozenset(SUFFIX_FORMATS)

_EXTRAS = {"docx": ("Word .docx files", "docx"), "html": ("HTML pages", "html")}
_HTML_MARKS = (b"<html", b"<!doctype html", b"<meta", b"<head", b"<body")
_SNIFF_BYTES = 1024
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .doc, .wps, encrypted .docx


def sniff(path: str | os.PathLike[str] | None, data: bytes) -> str:
    """The format of an input: by ``path``'s extension if known, else by ``data``.

    By content: a zip archive (``PK``) is ``docx`` (one without ``word/document.xml`` is then
    refused with that reason), and so is an OLE compound file (a legacy .doc or .wps, or an
    encrypted .docx: refused with a message saying so); text that starts with ``<`` and has
    ``<html``, ``<!doctype html``, ``<meta``, ``<head`` or ``<body`` in its first 1 KB is
    ``html``; anything else is ``txt``. ``path`` None (standard input) sniffs the content only.
    """
    if path is not None:
        fmt = SUFFIX_FORMATS.get(Path(path).suffix.lower())
        if fmt is not None:
            return fmt
    if data.startswith((b"PK\x03\x04", _OLE_SIGNATURE)):
        return "docx"
    head = data[:_SNIFF_BYTES]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", "ignore").encode("ascii", "ignore")
    head = head.removeprefix(b"\xef\xbb\xbf").lstrip().lower()
    if head.startswith(b"<") and any(mark in head for mark in _HTML_MARKS):
        return "html"
    return "txt"


def input_format(path: str, source_format: str | None = None) -> str:
    """The format ``path`` will be read as (``--from`` wins, then `sniff`); ``-`` is ``txt``
    unless ``source_format`` says otherwise (standard input is sniffed only when read)."""
    if source_format is not None:
        return source_format
    if path == "-":
        return "txt"
    try:
        with open(path, "rb") as f:
            head = f.read(_SNIFF_BYTES)
    except OSError:
        head = b""  # reading it later gives the one-line error
    return sniff(path, head)


def _need_lxml(fmt: str, name: str) -> None:
    try:
        importlib.import_module("lxml.html" if fmt == "html" else "lxml.etree")
    except ImportError:
        what, extra = _EXTRAS[fmt]
        raise MissingDependencyError(
            f"{name}: reading {what} needs lxml, which is not installed: "
            f"pip install 'govspeech[{extra}]'"
        ) from None


def decode_any(
    data: bytes,
    encoding: str | None = None,
    source_format: str | None = None,
    name: str = "<bytes>",
    path: str | os.PathLike[str] | None = None,
) -> Source:
    """The text of an input given as bytes, in ``source_format`` or the sniffed one.

    ``encoding`` decodes a text file or a web page (replacing detection and the page's
    declared charset); a .docx ignores it. ``path`` is only used to sniff the format.
    """
    if source_format is None:
        fmt = sniff(path, data)
    elif source_format in SOURCE_FORMATS:
        fmt = source_format
    else:
        raise UsageError(
            f"unknown input format {source_format!r}; choose one of {', '.join(SOURCE_FORMATS)}"
        )
    if fmt == "docx":
        _need_lxml(fmt, name)
        from govspeech.read.docx import docx_text

        return Source(docx_text(data, name), "utf-8", None)
    if fmt == "html":
        _need_lxml(fmt, name)
        from govspeech.read.html import html_page

        text, used, about = html_page(data, encoding, name)
        return Source(text, used, None, about)
    return decode(data, encoding, name)


def read_source_any(
    source: str | os.PathLike[str] | bytes,
    encoding: str | None = None,
    source_format: str | None = None,
    *,
    name: str | None = None,
) -> Source:
    """Read an input of any format to text: a path, or the bytes of one (standard input).

    ``source_format`` is ``"txt"``, ``"docx"``, ``"html"`` or None to tell it by extension,
    then content (`sniff`). The `Source` holds the extracted text, the encoding used (the
    detected or given one for text, the page's charset for HTML, ``"utf-8"`` for .docx) and
    ``name`` (for bytes) or the path. Errors are `GovspeechError` subclasses with one-line
    messages that start with the name.
    """
    if isinstance(source, bytes):
        label = name or "<bytes>"
        src = decode_any(source, encoding, source_format, label)
        return Source(src.text, src.encoding, name, src.webpage)
    label = name or str(Path(source))
    src = decode_any(read_bytes(source), encoding, source_format, label, source)
    return Source(src.text, src.encoding, label, src.webpage)
