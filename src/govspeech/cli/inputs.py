"""Turning command-line arguments into input files: paths, folders, globs and ``-`` (stdin).

Folders are searched recursively for input files by extension (text, Word .docx and HTML:
`INPUT_SUFFIXES`; hidden entries and Word's ``~$`` lock files skipped) in sorted order; glob
patterns are expanded here as well, for shells that do not (``**`` included). Each input is
read and parsed on its own, so one bad file never stops the others.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from attrs import evolve

from govspeech.api import parse_file
from govspeech.cli import messages
from govspeech.errors import EmptyInputError, InputNotFoundError, InputReadError
from govspeech.i18n import gettext as _
from govspeech.nodes import ParsedFile
from govspeech.read.formats import INPUT_SUFFIXES, STDIN, input_format, read_source_any, sniff
from govspeech.syntax.treebuilder import parse_text

__all__ = ["INPUT_SUFFIXES", "STDIN", "TEXT_SUFFIXES", "expand", "read_input", "read_input_as"]

#: The old name of `INPUT_SUFFIXES` (folders now contribute .docx and HTML files as well).
TEXT_SUFFIXES = INPUT_SUFFIXES

_GLOB_CHARS = frozenset("*?[")


def _walk_folder(folder: Path) -> list[str]:
    found: list[str] = []
    for root, dirs, files in os.walk(folder, onerror=None):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith((".", "~$")):  # hidden, or a lock file of a document open in Word
                continue
            if os.path.splitext(name)[1].lower() in INPUT_SUFFIXES:
                found.append(os.path.join(root, name))
    return found


def expand(arguments: list[str]) -> list[str]:
    """The input files the arguments name, in the order given; duplicates kept once.

    Raises `InputNotFoundError` for a path that does not exist or a pattern that matches
    nothing, and `InputReadError` for a folder without input files.
    """
    out: list[str] = []
    seen: set[str] = set()

    def add(path: str) -> None:
        if path not in seen:
            seen.add(path)
            out.append(path)

    for arg in arguments:
        if arg == STDIN:
            add(arg)
            continue
        path = Path(arg)
        if path.is_dir():
            files = _walk_folder(path)
            if not files:
                suffixes = ", ".join(f"*{s}" for s in sorted(INPUT_SUFFIXES))
                raise InputReadError(_(messages.EMPTY_FOLDER).format(path=arg, suffixes=suffixes))
            for f in files:
                add(f)
        elif path.exists() or os.path.lexists(arg):
            add(arg)
        elif _GLOB_CHARS & set(arg):
            import glob  # only for patterns: keeps the start of every other run light

            # Word's lock files (~$name.docx) are never inputs, even when a pattern matches them.
            matches = [
                m
                for m in sorted(glob.glob(arg, recursive=True))
                if not os.path.basename(m).startswith("~$")
            ]
            if not matches:
                raise InputNotFoundError(_(messages.NO_MATCH).format(path=arg))
            for m in matches:
                if os.path.isdir(m):
                    for f in _walk_folder(Path(m)):
                        add(f)
                else:
                    add(m)
        else:
            raise InputNotFoundError(_(messages.NO_SUCH_FILE).format(path=arg))
    return out


def read_input(
    name: str, encoding: str | None = None, source_format: str | None = None
) -> ParsedFile:
    """Read and parse one input (``-`` reads standard input); an empty input is an error.

    ``source_format`` (one of `SOURCE_FORMATS`: ``"txt"``, ``"docx"``, ``"pdf"``…, the command
    line's ``--from``)
    overrides the format told by the extension or, for standard input, by the content.
    """
    return read_input_as(name, encoding, source_format)[0]


def read_input_as(
    name: str, encoding: str | None = None, source_format: str | None = None, *, tell: bool = False
) -> tuple[ParsedFile, str]:
    """`read_input`, and the format the input was read as (``txt``, ``docx``, ``html``…) when
    ``tell`` (``-v``) or it is standard input; otherwise ``""``."""
    if name == STDIN:
        data = sys.stdin.buffer.read()
        fmt = source_format or sniff(None, data)
        src = read_source_any(data, encoding, source_format, name="<stdin>")
        tree = evolve(
            parse_text(src.text, src.furniture),
            encoding=src.encoding,
            path="<stdin>",
            webpage=src.webpage,
            pages=src.pages,
        )
    else:
        tree = parse_file(name, encoding, source_format)
        fmt = input_format(name, source_format) if tell else ""
    if not tree.documents:
        what = "<stdin>" if name == STDIN else name
        raise EmptyInputError(_(messages.EMPTY_INPUT).format(path=what))
    return tree, fmt
