"""The public entry points: `parse` and `parse_file`."""

from __future__ import annotations

import os

from attrs import evolve

from .build import parse_text
from .nodes import ParsedFile
from .source import read_source

__all__ = ["parse", "parse_file"]


def parse(text: str) -> ParsedFile:
    """Parse a speech, report or official document given as text.

    Never raises for any ``str``: text without markers is one document of paragraphs, and an
    empty or blank text gives no documents. ``tree.text == text`` always holds.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse() expects str, got {type(text).__name__}; use parse_file for files")
    return parse_text(text)


def parse_file(path: str | os.PathLike[str], encoding: str | None = None) -> ParsedFile:
    """Read, decode and parse the file at ``path``.

    The encoding is detected (UTF-8 with or without BOM, GB18030/GBK, Big5, UTF-16) unless
    given; the one used is in ``tree.encoding``. Raises `InputNotFoundError`,
    `InputReadError`, `BinaryInputError` or `DecodeError` (all `GovspeechError`).
    """
    src = read_source(path, encoding)
    return evolve(parse_text(src.text), encoding=src.encoding, path=src.path)
