"""``govspeech check``: a numbering linter for speeches and 公文 (GB/T 9704-2012).

Findings are printed ``path:line:col: CODE message`` in path, line, column and code order;
``[*]`` marks those ``govspeech fix`` repairs. Exit code 1 when there are findings, 0 when
the text is clean, 2 on input errors. The codes are described in docs/check.md.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import IO, Any

from govspeech.nodes import ParsedFile
from govspeech.plugin import N_, Plugin, ngettext, report
from govspeech.plugin import gettext as _
from govspeech_plugins.check.config import add_options, load
from govspeech_plugins.check.rules import RULES, Finding

#: The formats, and the ``-o`` extensions that choose one when ``--format`` is not given.
FORMATS = ("text", "json")
EXTENSIONS = {".txt": "text", ".json": "json"}


def _painter(options: argparse.Namespace) -> Callable[[str, str], str]:
    """``paint(text, role)``: coloured when the run colours (imported only then)."""
    if getattr(options, "use_color", False):
        from govspeech_plugins.check.color import paint

        return paint
    return lambda text, role: text


def findings_for(tree: ParsedFile, options: argparse.Namespace) -> list[Finding]:
    """The findings of ``tree`` under the run's configuration, in print order."""
    return sorted(options.lint_config.analyse(tree).findings, key=Finding.sort_key)


class Check(Plugin):
    """The ``check`` command."""

    name = "check"
    description = N_("Check numbering and marker forms (gaps, duplicates, 1、 vs 1．, （一）、…)")
    examples = (
        "govspeech check 讲话.txt",
        N_("govspeech check --select GS1 讲话稿/        # numbering only"),
        N_("govspeech check --extend-select GS202 报告.txt   # also skipped levels"),
        "govspeech check -f json 讲话.txt",
        N_("cat 讲话.txt | govspeech check               # standard input, from a pipe"),
        N_(
            "govspeech check -q 讲话稿/ | less -R          # findings only (colour: --color always)"
        ),
        N_("govspeech fix --diff 讲话.txt                # what fix would change"),
    )

    def __init__(self) -> None:
        self._all: list[Finding] = []
        self._checked = 0

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument(
            "-f",
            "--format",
            choices=FORMATS,
            help=_(
                "text: path:line:col: CODE message; json: a list of findings; default: from "
                "the -o file's extension (.json), else text"
            ),
        )
        parser.add_argument(
            "--statistics", action="store_true", help=_("count the findings per code instead")
        )
        add_options(parser)

    def prepare(self, options: argparse.Namespace) -> None:
        options.format = self.format_for(options, EXTENSIONS, "text")
        options.lint_config = load(options)
        self.parallel = False  # finish reports on every finding of every file
        self._all = []
        self._checked = 0

    def run(self, tree: ParsedFile, options: argparse.Namespace, out: IO[Any]) -> int:
        found = findings_for(tree, options)
        self._all.extend(found)
        self._checked += 1
        if options.format == "text" and not options.statistics:
            if getattr(options, "use_color", False):
                from govspeech_plugins.check.color import finding_line

                for finding in found:
                    out.write(finding_line(finding) + "\n")
            else:
                for finding in found:
                    out.write(finding.render() + "\n")
        return 1 if found else 0

    def finish(self, options: argparse.Namespace, out: IO[Any]) -> int:
        found = self._all
        if options.statistics:
            counts: dict[str, int] = {}
            for f in found:
                counts[f.code] = counts.get(f.code, 0) + 1
            paint = _painter(options)
            for code in sorted(counts):
                rule = RULES[code]
                mark = paint("[*]", "fixable") if rule.fix == "safe" else "   "
                out.write(f"{counts[code]:>5}  {paint(code, 'code')}  {mark}  {rule.name}\n")
        elif options.format == "json":
            rows = [
                {
                    "path": f.path,
                    "line": f.line,
                    "column": f.column,
                    "code": f.code,
                    "name": RULES[f.code].name,
                    "message": f.message,
                    "fix": f.fix,
                }
                for f in found
            ]
            out.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        if not found:
            # An input that could not be read was reported already: it did not pass.
            unread = len(options.files) - self._checked
            if not unread:
                report(_("All checks passed."))
            elif self._checked:
                n = self._checked
                report(
                    ngettext(
                        "No findings in the {count} file read.",
                        "No findings in the {count} files read.",
                        n,
                    ).format(count=n)
                )
        else:
            report(summary_line(found))
        return 1 if found else 0


def summary_line(found: list[Finding]) -> str:
    """``Found 3 findings in 1 file, 3 fixable with govspeech fix.``, in the user's language."""
    safe = sum(1 for f in found if f.fix == "safe")
    unsafe = sum(1 for f in found if f.fix == "unsafe")
    files = len({f.path for f in found})
    fields = {
        "findings": ngettext("{count} finding", "{count} findings", len(found)).format(
            count=len(found)
        ),
        "files": ngettext("{count} file", "{count} files", files).format(count=files),
        "safe": safe,
        "unsafe": unsafe,
    }
    if safe and unsafe:
        template = _(
            "Found {findings} in {files}, {safe} fixable with govspeech fix, {unsafe} more "
            "with --unsafe-fixes."
        )
    elif safe:
        template = _("Found {findings} in {files}, {safe} fixable with govspeech fix.")
    elif unsafe:
        template = _("Found {findings} in {files}, {unsafe} more with --unsafe-fixes.")
    else:
        template = _("Found {findings} in {files}.")
    return template.format(**fields)
