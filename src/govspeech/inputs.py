"""Turning command-line arguments into input files: paths, folders, globs and ``-`` (stdin).

Folders are searched recursively for text files (by extension, hidden entries skipped) in
sorted order; glob patterns are expanded here as well, for shells that do not (``**``
included). Each input is read and parsed on its own, so one bad file never stops the others.
"""

from __future__ import annotations

import glob
import os
import sys
from pathlib import Path

from attrs import evolve

from .api import parse_file
from .build import parse_text
from .errors import EmptyInputError, InputNotFoundError, InputReadError
from .nodes import ParsedFile
from .source import decode

__all__ = ["STDIN", "TEXT_SUFFIXES", "expand", "read_input"]

#: The argument that means standard input.
STDIN = "-"
#: Extensions of the files a folder contributes.
TEXT_SUFFIXES = frozenset({".txt", ".text"})

_GLOB_CHARS = frozenset("*?[")


def _walk_folder(folder: Path) -> list[str]:
    found: list[str] = []
    for root, dirs, files in os.walk(folder, onerror=None):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and os.path.splitext(name)[1].lower() in TEXT_SUFFIXES:
                found.append(os.path.join(root, name))
    return found


def expand(arguments: list[str]) -> list[str]:
    """The input files the arguments name, in the order given; duplicates kept once.

    Raises `InputNotFoundError` for a path that does not exist or a pattern that matches
    nothing, and `InputReadError` for a folder without text files.
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
                suffixes = ", ".join(f"*{s}" for s in sorted(TEXT_SUFFIXES))
                raise InputReadError(f"{arg}: folder holds no text files ({suffixes})")
            for f in files:
                add(f)
        elif path.exists() or os.path.lexists(arg):
            add(arg)
        elif _GLOB_CHARS & set(arg):
            matches = sorted(glob.glob(arg, recursive=True))
            if not matches:
                raise InputNotFoundError(f"{arg}: no files match this pattern")
            for m in matches:
                if os.path.isdir(m):
                    for f in _walk_folder(Path(m)):
                        add(f)
                else:
                    add(m)
        else:
            raise InputNotFoundError(f"{arg}: no such file or folder")
    return out


def read_input(name: str, encoding: str | None = None) -> ParsedFile:
    """Read and parse one input (``-`` reads standard input); an empty input is an error."""
    if name == STDIN:
        src = decode(sys.stdin.buffer.read(), encoding, "<stdin>")
        tree = evolve(parse_text(src.text), encoding=src.encoding, path="<stdin>")
    else:
        tree = parse_file(name, encoding)
    if not tree.documents:
        what = "<stdin>" if name == STDIN else name
        raise EmptyInputError(f"{what}: no text (the input is empty or blank)")
    return tree
