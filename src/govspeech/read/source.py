"""Reading input files: bytes to text, with the encoding detected and reported.

Detection order: a byte-order mark (UTF-8, UTF-16, UTF-32); UTF-16 without a BOM when every
other byte is NUL; strict UTF-8; then charset-normalizer's best guess among the encodings
Chinese text comes in (GB18030 and its subsets GBK/GB2312, Big5, UTF-16). Text labelled
GB2312 or GBK is decoded as GB18030, its superset, because real files labelled so often hold
characters that only GBK/GB18030 define.

An explicit encoding must name a text encoding for documents (`text_codec`): an unknown name,
a bytes-to-bytes or text-to-text codec (base64, zlib, rot13…) and the escape, host-name and
UTF-7 codecs are refused with one line, and so is decoded text that holds an unpaired
surrogate (it could not be written out).
"""

from __future__ import annotations

import codecs
import os
import re
from pathlib import Path

from attrs import frozen

from govspeech.errors import BinaryInputError, DecodeError, InputNotFoundError, InputReadError

__all__ = ["BOMS", "Source", "decode", "read_bytes", "read_source", "text_codec"]

#: Byte-order marks and the encoding each means, longest first (a UTF-32 LE mark begins with
#: the UTF-16 LE one): the one table of them, for text files and web pages alike.
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Encodings charset-normalizer reports that we read with their superset.
_SUPERSET = {"gb2312": "gb18030", "gbk": "gb18030", "cp936": "gb18030", "hz": "gb18030"}
_CANDIDATES = ["gb18030", "big5", "utf_16_le", "utf_16_be", "utf_8"]
# Control characters that never occur in text files (tab, LF, CR, FF, VT and ESC do).
_BINARY_BYTES = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27))
# Codecs Python counts as text encodings that no document is written in, and why.
_NOT_DOCUMENT_CODECS = {
    "utf-7": "it can decode to unpaired surrogates",
    "unicode-escape": "it decodes Python escapes, to unpaired surrogates too",
    "raw-unicode-escape": "it decodes Python escapes, to unpaired surrogates too",
    "idna": "it is for host names",
    "punycode": "it is for host names",
    "undefined": "it decodes nothing",
}
_SURROGATE = re.compile("[\ud800-\udfff]")


@frozen
class Source:
    """Decoded input text with the encoding it was read in and where it came from; for a web
    page, what its <meta> tags say about the article (``webpage``: (key, value) pairs, keys
    ``title``, ``published``, ``source``); for a PDF, the line each page starts on (``pages``)."""

    text: str
    encoding: str
    path: str | None = None
    webpage: tuple[tuple[str, str], ...] = ()
    #: for a PDF (or a converter's page list), the line of the text each page starts on
    pages: tuple[int, ...] = ()
    #: for a PDF, the lines that are page furniture (page numbers, running headers)
    furniture: frozenset[int] = frozenset()


def _text_score(text: str) -> float:
    """Share of characters that Chinese text is made of (CJK, CJK punctuation, ASCII)."""
    if not text:
        return 0.0
    good = sum(
        1
        for ch in text
        if " " <= ch <= "~"
        or ch in "\r\n\t"
        or "\u4e00" <= ch <= "\u9fff"
        or "\u3000" <= ch <= "\u303f"
        or "\uff00" <= ch <= "\uffef"
        or "\u2010" <= ch <= "\u2027"
    )
    return good / len(text)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a byte-order mark: the byte order whose text reads as Chinese text."""
    if len(data) % 2:
        return None
    sample = data[:8192]
    best, best_score = None, 0.0
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            score = _text_score(sample.decode(enc, errors="replace"))
        except UnicodeDecodeError:
            continue
        if score > best_score:
            best, best_score = enc, score
    return best if best_score >= 0.9 else None


def text_codec(label: str) -> str | None:
    """Python's name for the text encoding ``label`` names, or None if it names none: an
    unknown label, a bytes-to-bytes or text-to-text codec (base64, zlib, rot13…), or a codec
    no document is written in (UTF-7, unicode_escape, idna, punycode…)."""
    try:
        info = codecs.lookup(label)
    except (LookupError, ValueError):  # ValueError: a NUL in the label
        return None
    if not info._is_text_encoding or info.name in _NOT_DOCUMENT_CODECS:
        return None
    return info.name


def _unknown_encoding(label: str) -> str:
    """Why ``label`` is refused: the end of the one-line message."""
    try:
        info = codecs.lookup(label)
    except (LookupError, ValueError):
        return f"unknown encoding {label!r}"
    if not info._is_text_encoding:
        return f"unknown encoding {label!r} ({info.name} is a transform, not a text encoding)"
    why = _NOT_DOCUMENT_CODECS.get(info.name, "not a text encoding")
    return f"unknown encoding {label!r} (refused for documents: {why})"


def _first_bad_byte(data: bytes, encoding: str) -> str:
    try:
        data.decode(encoding)
    except UnicodeDecodeError as exc:
        return f"invalid byte 0x{data[exc.start]:02x} at offset {exc.start}"
    return "unknown error"


#: Above this size UTF-8 is decoded a piece at a time (see `_utf8`).
UTF8_PIECE = 1 << 18


def _utf8(data: bytes) -> str:
    """``data.decode("utf-8")`` with a third of the peak memory for a large input.

    CPython decodes non-ASCII UTF-8 into a buffer of four bytes a character before it knows
    the text's width: 16 MB of Chinese peak at three times their size. Decoded 256 KB at a
    time (an incremental decoder: a character cut at a piece's end is completed by the next),
    the pieces are two bytes a character, and their join is the only copy (and no slower).
    """
    if len(data) <= UTF8_PIECE:
        return data.decode("utf-8")
    decoder = codecs.getincrementaldecoder("utf-8")()
    view = memoryview(data)
    pieces = [decoder.decode(view[i : i + UTF8_PIECE]) for i in range(0, len(data), UTF8_PIECE)]
    pieces.append(decoder.decode(b"", final=True))
    return "".join(pieces)


def decode(data: bytes, encoding: str | None = None, name: str = "<bytes>") -> Source:
    """Decode ``data``; with ``encoding`` None the encoding is detected (see module doc)."""
    if encoding is not None:
        if text_codec(encoding) is None:
            raise DecodeError(f"{name}: {_unknown_encoding(encoding)}")
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise DecodeError(
                f"{name}: not valid {encoding} ({_first_bad_byte(data, encoding)})"
            ) from exc
        except ValueError as exc:  # a third-party codec's own error (UnicodeError…)
            raise DecodeError(f"{name}: not valid {encoding} ({exc})") from exc
        bad = _SURROGATE.search(text)
        if bad is not None:
            raise DecodeError(
                f"{name}: not valid {encoding} (it decodes to an unpaired surrogate "
                f"U+{ord(bad.group()):04X} at character {bad.start()})"
            )
        return Source(text, encoding, None)
    for bom, enc in BOMS:
        if data.startswith(bom):
            try:
                return Source(data.decode(enc), enc, None)
            except UnicodeDecodeError as exc:
                raise DecodeError(
                    f"{name}: starts with a {enc} byte-order mark but is not valid {enc} "
                    f"({_first_bad_byte(data, enc)})"
                ) from exc
    if b"\x00" in data:
        enc16 = _utf16_without_bom(data)
        if enc16 is not None:
            try:
                return Source(data.decode(enc16), enc16, None)
            except UnicodeDecodeError:
                pass
        raise BinaryInputError(f"{name}: binary data (NUL bytes), not a text file")
    sample = data[:65536]
    if sum(sample.count(b) for b in _BINARY_BYTES) > max(8, len(sample) // 100):
        raise BinaryInputError(f"{name}: binary data (control characters), not a text file")
    try:
        return Source(_utf8(data), "utf-8", None)
    except UnicodeDecodeError:
        utf8_error = _first_bad_byte(data, "utf-8")
    guess = _guess(data)
    if guess is not None:
        try:
            return Source(data.decode(guess), guess, None)
        except UnicodeDecodeError:
            pass
    raise DecodeError(
        f"{name}: cannot decode: not UTF-8 ({utf8_error}), nor GB18030/GBK, Big5 or UTF-16; "
        "pass an encoding explicitly"
    )


def _guess(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=_CANDIDATES).best()
    if best is None:
        # charset-normalizer gives up on some short or mixed texts; GB18030 is the usual case.
        try:
            data.decode("gb18030")
        except UnicodeDecodeError:
            return None
        return "gb18030"
    enc = best.encoding.lower().replace("-", "_")
    return _SUPERSET.get(enc, enc)


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """The bytes of the file at ``path``; `InputNotFoundError` or `InputReadError` if unreadable."""
    p = Path(path)
    name = str(p)
    try:
        return p.read_bytes()
    except FileNotFoundError:
        raise InputNotFoundError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise InputReadError(f"{name}: is a directory, not a file") from None
    except PermissionError:
        raise InputReadError(f"{name}: permission denied") from None
    except OSError as exc:
        raise InputReadError(f"{name}: cannot read ({exc.strerror or exc})") from None


def read_source(path: str | os.PathLike[str], encoding: str | None = None) -> Source:
    """Read and decode the text file at ``path``."""
    name = str(Path(path))
    src = decode(read_bytes(path), encoding, name)
    return Source(src.text, src.encoding, name)
