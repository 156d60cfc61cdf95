"""``govspeech fix``: rewrite markers so that ``check`` finds nothing fixable.

Only marker characters change — numbers (二是 二是 四是 → 二是 三是 四是), forms (1、 → 1．,
（一）、 → （一）, halfwidth brackets in fullwidth text), unbalanced brackets. Every other
character, the line endings and (with ``--in-place`` or ``-o``) the file's encoding stay as
they were. Fixing twice changes nothing the second time.

``fix`` writes text, so it never writes where a Word file or a web page is: such inputs are
read (their fixed text can go to stdout or ``-o FILE.txt``) but refused by ``--in-place``,
and ``-o`` naming a .docx or .html file is refused. A file whose encoding does not give back
its own bytes (a few Big5 code points) is refused too, since writing it would change bytes
outside the markers. ``--in-place`` follows symbolic links and keeps hard links, owner,
group and mode (`govspeech.output.rewrite_in_place`).
"""

from __future__ import annotations

import argparse
import codecs
import os
from collections.abc import Iterable
from typing import IO, Any

from govspeech.errors import OutputError, UsageError
from govspeech.nodes import ParsedFile, split_lines
from govspeech.plugin import (
    N_,
    STDIN,
    SUFFIX_FORMATS,
    Plugin,
    input_format,
    ngettext,
    read_bytes,
    report,
    rewrite_in_place,
)
from govspeech.plugin import gettext as _
from govspeech_plugins.check.config import add_options, load
from govspeech_plugins.check.rules import RULES

__all__ = ["Fix", "fixed_text"]


def fixed_text(tree: ParsedFile, options: argparse.Namespace) -> tuple[str, int]:
    """The text with the markers (and a 公文's parts) rewritten, and how many changed."""
    kinds = {"safe", "unsafe"} if options.unsafe_fixes else {"safe"}
    fixable = {code for code, rule in RULES.items() if rule.fix in kinds}
    analysis = options.lint_config.analyse(tree)
    text = tree.text
    # (start, end, new): the markers rewritten, and the edits of a 公文's parts (never inside a
    # marker: a part is no heading)
    rewrites = [
        (mark.start, mark.end, new)
        for mark in analysis.marks
        if (new := mark.rewritten(fixable)) != mark.marker
    ]
    rewrites += [(e.start, e.end, e.new) for e in analysis.edits if e.code in fixable]
    parts: list[str] = []
    done = changed = 0
    for start, end, new in sorted(rewrites):
        if start < done:
            continue
        parts.append(text[done:start])
        parts.append(new)
        done = end
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


def _round_trip(tree: ParsedFile, original: bytes) -> None:
    """Refuse a file whose text, encoded again, is not its own bytes: writing it would change
    bytes that are not markers (Big5's A1FE, A240, A2CC, A2CE, or any decoder that normalises)."""
    again = _encode(tree.text, tree)
    if again == original:
        return
    at = next((i for i, (a, b) in enumerate(zip(again, original, strict=False)) if a != b), None)
    if at is None:
        at = min(len(again), len(original))
    raise OutputError(
        _(
            "{path}: {encoding} does not give back this file's bytes (byte {at}); writing it "
            "would change more than the markers, so it is not written (convert it to UTF-8 "
            "first, or use --diff)"
        ).format(path=tree.path, encoding=tree.encoding, at=at)
    )


def _write_diff(tree: ParsedFile, text: str, out: IO[Any], color: bool) -> None:
    """The unified diff of the input and its fixed ``text``; in colour, the changed
    characters of each changed line highlighted (`govspeech_plugins.check.color`)."""
    import difflib  # only for --diff: keeps the start of every other run light

    name = tree.path or "<stdin>"
    diff: Iterable[str] = difflib.unified_diff(
        split_lines(tree.text),  # the lines as numbered in check's findings
        split_lines(text),
        f"a/{name.lstrip('/')}",
        f"b/{name.lstrip('/')}",
    )
    if color:
        from govspeech_plugins.check.color import color_diff

        diff = color_diff(diff)
    for line in diff:
        out.write(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")


class Fix(Plugin):
    """The ``fix`` command."""

    name = "fix"
    description = N_("Rewrite markers only: renumber, standard forms, balanced brackets")
    examples = (
        N_("govspeech fix --diff 讲话.txt            # show what would change"),
        N_("govspeech fix --diff --color always 讲话.txt | less -R   # changed characters marked"),
        N_("govspeech fix --in-place 讲话稿/         # fix the files themselves"),
        "govspeech fix 讲话.txt -o 讲话-fixed.txt",
        N_("govspeech fix --unsafe-fixes --diff 报告.txt   # also close numbering gaps"),
    )

    def __init__(self) -> None:
        self._changed = self._files = 0

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        mode = parser.add_mutually_exclusive_group()
        mode.add_argument(
            "--diff",
            action="store_true",
            help=_("print a unified diff instead of the fixed text"),
        )
        mode.add_argument(
            "--in-place",
            action="store_true",
            help=_(
                "rewrite the input text files (atomically; links, owner and mode kept); Word "
                "files and web pages are never rewritten"
            ),
        )
        parser.add_argument(
            "--unsafe-fixes",
            action="store_true",
            help=_(
                "also close numbering gaps (GS101): right unless an item is missing from the text"
            ),
        )
        add_options(parser)

    def prepare(self, options: argparse.Namespace) -> None:
        if options.in_place and options.output:
            raise UsageError(_("--in-place rewrites the inputs: leave out -o"))
        if options.in_place and STDIN in options.files:
            raise UsageError(_("--in-place cannot rewrite standard input"))
        several = len(options.files) > 1
        if several and not (options.diff or options.in_place or options.per_file):
            raise UsageError(
                _(
                    "several inputs: use --in-place, --diff or -o folder/ (the fixed text of "
                    "one input goes to stdout or -o FILE)"
                )
            )
        self._refuse_non_text(options)
        options.lint_config = load(options)
        # -o FILE keeps the input's encoding, as --in-place does; stdout is UTF-8 text.
        self.binary = bool(options.output) and not options.diff
        self._changed = self._files = 0

    def _refuse_non_text(self, options: argparse.Namespace) -> None:
        """fix writes text: never over a Word file or a web page (see the module docstring)."""
        if options.output and not options.per_file:
            fmt = SUFFIX_FORMATS.get(os.path.splitext(options.output)[1].lower(), "txt")
            if fmt != "txt":
                raise UsageError(
                    _(
                        "{path}: fix writes text, not a {format} file; Word files and web "
                        "pages are read-only inputs for fix (their fixed text: -o FILE.txt)"
                    ).format(path=options.output, format=fmt)
                )
        if not options.in_place:
            return
        named = set(options.inputs)
        keep: list[str] = []
        skipped: list[str] = []
        for path in options.files:
            if input_format(path, options.source_format) == "txt":
                keep.append(path)
            elif path in named:
                raise UsageError(
                    _(
                        "{path}: --in-place would replace it with plain text; Word files and "
                        "web pages are read-only inputs for fix (their fixed text: -o FILE.txt)"
                    ).format(path=path)
                )
            else:
                skipped.append(path)
        for path in skipped:
            report(
                _(
                    "warning: {path}: skipped, not a text file; Word files and web pages are "
                    "read-only inputs for fix (their fixed text: -o FILE.txt)"
                ).format(path=path),
                level="warning",
            )
        if not keep:
            raise UsageError(_("--in-place: no text files among the inputs; nothing to fix"))
        options.files = keep

    def run(self, tree: ParsedFile, options: argparse.Namespace, out: IO[Any]) -> int:
        text, changed = fixed_text(tree, options)
        if options.diff:
            self._count(changed)
            if changed:
                _write_diff(tree, text, out, bool(getattr(options, "use_color", False)))
            return 1 if changed else 0
        if options.in_place:
            if changed and tree.path:
                original = read_bytes(tree.path)
                _round_trip(tree, original)
                rewrite_in_place(tree.path, _encode(text, tree), original)
                self._count(changed)  # only a file actually written counts as fixed
            return 0
        if self.binary:
            path = tree.path
            if (
                path is not None
                and path != STDIN
                and input_format(path, options.source_format) == "txt"
            ):
                _round_trip(tree, read_bytes(path))
            out.write(_encode(text, tree))
        else:
            out.write(text)
        self._count(changed)
        return 0

    def _count(self, changed: int) -> None:
        self._changed += changed
        self._files += bool(changed)

    def finish(self, options: argparse.Namespace, out: IO[Any]) -> int:
        fields = {
            "markers": ngettext("{count} marker", "{count} markers", self._changed).format(
                count=self._changed
            ),
            "files": ngettext("{count} file", "{count} files", self._files).format(
                count=self._files
            ),
        }
        if options.diff:
            report(_("Would fix {markers} in {files}.").format(**fields))
        else:
            report(_("Fixed {markers} in {files}.").format(**fields))
        return 0
