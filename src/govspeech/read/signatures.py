"""What kind of office file some bytes are, by their first bytes alone (standard library only,
so that telling an input's format imports nothing heavy): OLE compound files, RTF,
OpenDocument text."""

from __future__ import annotations

import struct

__all__ = ["is_odt", "is_ole", "is_rtf"]

_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
_ZIP_LOCAL_HEADER = b"PK\x03\x04"


def is_ole(data: bytes) -> bool:
    """Whether ``data`` is an OLE compound file: a .doc, a .wps, an .xls, … or an encrypted
    (password-protected) .docx."""
    return data.startswith(_OLE_SIGNATURE)


def is_rtf(data: bytes) -> bool:
    """Whether ``data`` is an RTF document (``{\\rtf``, after a UTF-8 BOM or blanks if any)."""
    return data[:64].removeprefix(b"\xef\xbb\xbf").lstrip().startswith(b"{\\rtf")


def is_odt(data: bytes) -> bool:
    """Whether ``data`` is an OpenDocument text (.odt): a zip archive whose first member is
    ``mimetype``, stored uncompressed, holding ``application/vnd.oasis.opendocument.text``
    (as the standard requires; a template or master document is not one)."""
    if len(data) < 30 or not data.startswith(_ZIP_LOCAL_HEADER):
        return False
    method, size = struct.unpack_from("<H", data, 8)[0], struct.unpack_from("<I", data, 18)[0]
    name_len, extra_len = struct.unpack_from("<HH", data, 26)
    start = 30 + name_len + extra_len
    if method != 0 or data[30 : 30 + name_len] != b"mimetype":
        return False
    if size == 0:  # sizes in a data descriptor after the data: the next header ends it
        end = start + len(_ODT_MIMETYPE)
        return data[start:end] == _ODT_MIMETYPE and data[end : end + 2] == b"PK"
    return data[start : start + size] == _ODT_MIMETYPE
