"""Input formats: plain text, Word (.docx), web pages (HTML), PDF, Markdown, MinerU's
content_list.json, and .doc/.wps/.rtf/.odt through LibreOffice, each read to text.

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

from attrs import evolve

from govspeech.errors import MissingDependencyError, UsageError
from govspeech.read.signatures import is_odt, is_ole, is_rtf
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
#: The input formats, as ``--from`` names them: ``office`` is a legacy Word or WPS file, RTF
#: or OpenDocument text, read through LibreOffice; ``content-list`` is MinerU's JSON.
SOURCE_FORMATS = ("txt", "docx", "html", "markdown", "pdf", "office", "content-list")
#: The format each known extension means (lower case, with the dot).
SUFFIX_FORMATS = {
    ".txt": "txt",
    ".text": "txt",
    ".docx": "docx",
    ".html": "html",
    ".htm": "html",
    ".shtml": "html",
    ".xhtml": "html",
    ".md": "markdown",
    ".markdown": "markdown",
    ".pdf": "pdf",
    ".doc": "office",
    ".wps": "office",
    ".rtf": "office",
    ".odt": "office",
}
#: Extensions of the files a folder contributes.
INPUT_SUFFIXES = frozenset(SUFFIX_FORMATS)

_EXTRAS = {"docx": ("Word .docx files", "docx"), "html": ("HTML pages", "html")}
_HTML_MARKS = (b"<html", b"<!doctype html", b"<meta", b"<head", b"<body")
_SNIFF_BYTES = 1024


def sniff(path: str | os.PathLike[str] | None, data: bytes) -> str:
    """The format of an input: by ``path``'s extension if known, else by ``data``.

    The extension decides, but for the Word family (.docx, .doc, .wps, .rtf, .odt), where the
    content does: sites save web pages and RTF files as .doc. By content: ``%PDF-`` is
    ``pdf``; RTF, an OpenDocument text and an OLE compound file (a legacy .doc or .wps) are
    ``office`` (an OLE file named .docx, an encrypted or renamed one, is ``docx``, refused with
    a message saying so); another zip archive is ``docx`` (one without
    ``word/document.xml`` is then refused with that reason); a .json list of typed blocks is
    ``content-list``; text that starts with ``<`` and has ``<html``, ``<!doctype html``,
    ``<meta``, ``<head`` or ``<body`` in its first 1 KB is ``html``; anything else is ``txt``.
    ``path`` None (standard input) sniffs the content only.
    """

    by_name = None
    if path is not None:
        suffix = Path(path).suffix.lower()
        by_name = SUFFIX_FORMATS.get(suffix)
        if by_name not in (None, "docx", "office"):
            return by_name
        if suffix == ".json" and _is_content_list(data):
            return "content-list"
    # The Word family by content first: a .doc is often a web page or an RTF file saved under
    # that name, and a renamed .docx is read without LibreOffice.
    if data.startswith(b"%PDF-"):
        return "pdf"
    if is_rtf(data) or is_odt(data):
        return "office"
    if is_ole(data):
        # a legacy .doc or .wps; an encrypted .docx is one too, and its name says so
        return "docx" if by_name == "docx" else "office"
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    if by_name is not None and not _looks_like_html(data):
        return by_name  # its reader refuses it in one line: not a .doc file
    return "html" if _looks_like_html(data) else "txt"


def _looks_like_html(data: bytes) -> bool:
    """Text that starts with ``<`` and has an HTML mark in its first 1 KB."""
    head = data[:_SNIFF_BYTES]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", "ignore").encode("ascii", "ignore")
    head = head.removeprefix(b"\xef\xbb\xbf").lstrip().lower()
    return head.startswith(b"<") and any(mark in head for mark in _HTML_MARKS)


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
    if fmt == "pdf":
        from govspeech.read.pdf import pdf_read

        got = pdf_read(data, name)
        return Source(got.text, "utf-8", None, pages=got.pages, furniture=got.furniture)
    if fmt == "office":
        _need_lxml("docx", name)
        from govspeech.read.docx import docx_text
        from govspeech.read.office import convert_to_docx

        suffix = Path(path).suffix.lower() if path is not None else ""  # the content decides
        return Source(docx_text(convert_to_docx(data, suffix, name), name), "utf-8", None)
    if fmt == "content-list":
        from govspeech.read.markdown import content_list_text

        text, pages = content_list_text(data, name)
        return Source(text, "utf-8", None, pages=pages)
    src = decode(data, encoding, name)
    if fmt == "markdown":
        from govspeech.read.markdown import markdown_text

        return Source(markdown_text(src.text), src.encoding, None)
    return src


def _is_content_list(data: bytes) -> bool:
    from govspeech.read.markdown import is_content_list

    return is_content_list(data)


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
        return evolve(src, path=name)
    label = name or str(Path(source))
    src = decode_any(read_bytes(source), encoding, source_format, label, source)
    return evolve(src, path=label)
