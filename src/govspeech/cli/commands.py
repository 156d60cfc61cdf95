"""One command's argument parser and the registry of commands (shared by the command line and
the worker processes, which rebuild the parser to read their options)."""

from __future__ import annotations

import argparse
import os
from typing import NoReturn

from govspeech.errors import UsageError
from govspeech.plugin.base import COMMANDS, Guard
from govspeech.plugin.discovery import LoadedPlugin, Registry, discover
from govspeech.read.formats import SOURCE_FORMATS

__all__ = ["BUILTIN", "command_parser", "commands"]

#: The commands of the command line itself; a plugin may not take their names.
BUILTIN = {
    "plugins": "List installed plugins (commands and export formats) with their versions",
    "help": "Show the help of a command: govspeech help outline",
}


class _Parser(argparse.ArgumentParser):
    """argparse, but usage errors raise instead of exiting (one line, exit code 2)."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message} (see {self.prog} --help)")


def _common_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "inputs",
        nargs="+",
        metavar="FILE",
        help="text, Word (.docx) or HTML files, folders (searched for *.txt, *.docx, *.html, "
        "*.htm…), glob patterns, or - for standard input",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write to FILE instead of stdout, atomically (it appears complete or not at all); "
        "a folder (existing, or ending in /) gets one file per input",
    )
    parser.add_argument(
        "--encoding",
        metavar="ENC",
        help="read the inputs in this encoding (gb18030, utf-8, big5…) instead of detecting it",
    )
    parser.add_argument(
        "--from",
        dest="source_format",
        choices=SOURCE_FORMATS,
        metavar="KIND",
        help="read the inputs as txt, docx, html, markdown, pdf, office (.doc .wps .rtf .odt, "
        "through LibreOffice) or content-list (MinerU's JSON); default: by extension, else by "
        "content",
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=1,
        metavar="N",
        help="work on N files at a time in N processes (0: one per CPU); output stays in "
        "input order",
    )
    parser.add_argument(
        "--force-jobs",
        action="store_true",
        help="allow --jobs above the number of CPUs (otherwise capped, with a warning)",
    )
    parser.add_argument(
        "--debug", action="store_true", help="show tracebacks of errors (for bug reports)"
    )


def _jobs(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = -1
    if n < 0:
        raise argparse.ArgumentTypeError(f"expected a number of processes ≥ 0; got {value!r}")
    return n or (os.cpu_count() or 1)


def command_parser(loaded: LoadedPlugin) -> argparse.ArgumentParser:
    """The parser of one command: the common options plus the plugin's own."""
    spec, examples = loaded.spec, loaded.examples
    epilog = "examples:\n" + "\n".join(f"  {e}" for e in examples) if examples else None
    parser = _Parser(
        prog=f"govspeech {spec.name}",
        description=f"{loaded.description}\n(plugin from {spec.origin})",
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _common_arguments(parser)
    Guard(spec)("while adding its options", loaded.plugin.add_arguments, parser)
    return parser


def commands() -> Registry:
    """The command plugins, without those that take a built-in command's name."""
    registry = discover(COMMANDS)
    clashes = [name for name in BUILTIN if name in registry.specs]
    if not clashes:
        return registry
    warnings = list(registry.warnings)
    for name in clashes:
        spec = registry.specs[name]
        warnings.append(
            f"warning: plugin {name!r} ({spec.origin}) is ignored: {name!r} is a built-in command"
        )
    specs = {k: v for k, v in registry.specs.items() if k not in clashes}
    return Registry(registry.group, specs, tuple(warnings))
