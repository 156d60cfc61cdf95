"""``govspeech fix``: rewrite markers so that ``check`` finds nothing fixable.

Only marker characters change — numbers (二是 二是 四是 → 二是 三是 四是), forms (1、 → 1．,
（一）、 → （一）, halfwidth brackets in fullwidth text), unbalanced brackets. Every other
character, the line endings and (with ``--in-place`` or ``-o``) the file's encoding stay as
they were. Fixing twice changes nothing the second time.
"""

from __future__ import annotations

import argparse
import codecs
import difflib
import sys
from typing import IO, Any

from govspeech.errors import UsageError
from govspeech.inputs import STDIN
from govspeech.nodes import ParsedFile
from govspeech.output import AtomicOutput
from govspeech.plugin import Plugin

from .lintconfig import add_options, load
from .rules import RULES

__all__ = ["Fix", "fixed_text"]


def fixed_text(tree: ParsedFile, options: argparse.Namespace) -> tuple[str, int]:
    """The text with the markers rewritten, and how many markers changed."""
    kinds = {"safe", "unsafe"} if options.unsafe_fixes else {"safe"}
    fixable = {code for code, rule in RULES.items() if rule.fix in kinds}
    analysis = options.lint_config.analyse(tree)
    text = tree.text
    parts: list[str] = []
    done = changed = 0
    for mark in sorted(analysis.marks, key=lambda m: m.start):
        new = mark.rewritten(fixable)
        if new == mark.marker or mark.start < done:
            continue
        parts.append(text[done : mark.start])
        parts.append(new)
        done = mark.end
        changed += 1
    parts.append(text[done:])
    return "".join(parts), changed


def _encode(text: str, tree: ParsedFile) -> bytes:
    """The text in the encoding the input was read in, byte-order mark as it was."""
    encoding = tree.encoding or "utf-8"
    if codecs.lookup(encoding).name in ("utf-16", "utf-32") and tree.path not in (None, STDIN):
        # Keep the byte order of the original BOM (Python would write the machine's).
        with open(tree.path, "rb") as f:
            head = f.read(4)
        big = head.startswith((codecs.BOM_UTF16_BE, codecs.BOM_UTF32_BE)) and not head.startswith(
            codecs.BOM_UTF32_LE
        )
        name = codecs.lookup(encoding).name
        bom = {
            ("utf-16", True): codecs.BOM_UTF16_BE,
            ("utf-16", False): codecs.BOM_UTF16_LE,
            ("utf-32", True): codecs.BOM_UTF32_BE,
            ("utf-32", False): codecs.BOM_UTF32_LE,
        }
        return bom[(name, big)] + text.encode(f"{name}-{'be' if big else 'le'}")
    return text.encode(encoding)


class Fix(Plugin):
    """The ``fix`` command."""

    name = "fix"
    description = "Rewrite markers only: renumber, standard forms, balanced brackets"
    examples = (
        "govspeech fix --diff 讲话.txt            # show what would change",
        "govspeech fix --in-place 讲话稿/         # fix the files themselves",
        "govspeech fix 讲话.txt -o 讲话-fixed.txt",
        "govspeech fix --unsafe-fixes --diff 报告.txt   # also close numbering gaps",
    )

    def __init__(self) -> None:
        self._changed = self._files = 0

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        mode = parser.add_mutually_exclusive_group()
        mode.add_argument(
            "--diff", action="store_true", help="print a unified diff instead of the fixed text"
        )
        mode.add_argument(
            "--in-place", action="store_true", help="rewrite the input files (atomically)"
        )
        parser.add_argument(
            "--unsafe-fixes",
            action="store_true",
            help="also close numbering gaps (GS101): right unless an item is missing from the text",
        )
        add_options(parser)

    def prepare(self, options: argparse.Namespace) -> None:
        if options.in_place and options.output:
            raise UsageError("--in-place rewrites the inputs: leave out -o")
        if options.in_place and STDIN in options.files:
            raise UsageError("--in-place cannot rewrite standard input")
        several = len(options.files) > 1
        if several and not (options.diff or options.in_place or options.per_file):
            raise UsageError(
                "several inputs: use --in-place, --diff or -o folder/ (the fixed text of one "
                "input goes to stdout or -o FILE)"
            )
        options.lint_config = load(options)
        # -o FILE keeps the input's encoding, as --in-place does; stdout is UTF-8 text.
        self.binary = bool(options.output) and not options.diff
        self._changed = self._files = 0

    def run(self, tree: ParsedFile, options: argparse.Namespace, out: IO[Any]) -> int:
        text, changed = fixed_text(tree, options)
        self._changed += changed
        self._files += bool(changed)
        if options.diff:
            if changed:
                name = tree.path or "<stdin>"
                diff = difflib.unified_diff(
                    tree.text.splitlines(keepends=True),
                    text.splitlines(keepends=True),
                    f"a/{name.lstrip('/')}",
                    f"b/{name.lstrip('/')}",
                )
                for line in diff:
                    out.write(
                        line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
                    )
            return 1 if changed else 0
        if options.in_place:
            if changed and tree.path:
                with AtomicOutput(tree.path, binary=True) as target:
                    target.write(_encode(text, tree))
            return 0
        out.write(_encode(text, tree) if self.binary else text)
        return 0

    def finish(self, options: argparse.Namespace, out: IO[Any]) -> int:
        verb = "Would fix" if options.diff else "Fixed"
        noun = "marker" if self._changed == 1 else "markers"
        files = "file" if self._files == 1 else "files"
        print(f"{verb} {self._changed} {noun} in {self._files} {files}.", file=sys.stderr)
        return 0
