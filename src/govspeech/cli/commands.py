"""One command's argument parser and the registry of commands (shared by the command line and
the worker processes, which rebuild the parser to read their options)."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any, NoReturn

from govspeech.cli import messages
from govspeech.errors import UsageError
from govspeech.plugin.base import COMMANDS, Guard, OptionValueError, whole_number
from govspeech.plugin.discovery import LoadedPlugin, Registry, discover
from govspeech.read.formats import SOURCE_FORMATS, STDIN

__all__ = [
    "BUILTIN",
    "COLOR_CHOICES",
    "command_parser",
    "commands",
    "complete_options",
    "plugins_parser",
    "wants_color",
]

COLOR_CHOICES = ("auto", "always", "never")

#: The commands of the command line itself; a plugin may not take their names.
BUILTIN = {
    "plugins": "List installed plugins (commands and export formats) with their versions",
    "help": "Show the help of a command: govspeech help outline",
}


class _Parser(argparse.ArgumentParser):
    """argparse, but usage errors raise instead of exiting (one line, exit code 2), and a bad
    option value names its option in a whole sentence (`OptionValueError`)."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(messages.USAGE.format(prog=self.prog, message=message))

    def _get_value(self, action: argparse.Action, arg_string: str) -> Any:
        try:
            return super()._get_value(action, arg_string)
        except argparse.ArgumentError as exc:
            problem = exc.__context__
            if not isinstance(problem, OptionValueError):
                raise
            name = "/".join(action.option_strings) or str(action.metavar or action.dest)
            raise argparse.ArgumentError(None, problem.for_option(name)) from None


def _common_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("inputs", nargs="*", metavar="FILE", help=messages.HELP_INPUTS)
    parser.add_argument("-o", "--output", metavar="FILE", help=messages.HELP_OUTPUT)
    talk = parser.add_mutually_exclusive_group()
    talk.add_argument("-q", "--quiet", action="store_true", help=messages.HELP_QUIET)
    talk.add_argument("-v", "--verbose", action="store_true", help=messages.HELP_VERBOSE)
    parser.add_argument(
        "--color",
        choices=COLOR_CHOICES,
        default="auto",
        metavar="WHEN",
        help=messages.HELP_COLOR,
    )
    parser.add_argument("--encoding", metavar="ENC", help=messages.HELP_ENCODING)
    parser.add_argument(
        "--from",
        dest="source_format",
        choices=SOURCE_FORMATS,
        metavar="KIND",
        help=messages.HELP_FROM,
    )
    parser.add_argument("-j", "--jobs", type=_jobs, default=1, metavar="N", help=messages.HELP_JOBS)
    parser.add_argument("--force-jobs", action="store_true", help=messages.HELP_FORCE_JOBS)
    parser.add_argument("--debug", action="store_true", help=messages.HELP_DEBUG)


_processes = whole_number(0)


def _jobs(value: str) -> int:
    return _processes(value) or (os.cpu_count() or 1)


def wants_color(choice: str, output: str | None) -> bool:
    """``--color``: ``always`` and ``never`` say so; ``auto`` colours standard output when it
    is a terminal and ``NO_COLOR`` is not set to something (https://no-color.org)."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR") or output is not None:
        return False
    try:
        return bool(sys.stdout is not None and sys.stdout.isatty())
    except (AttributeError, ValueError):  # a replaced or closed stdout
        return False


def _stdin_is_a_pipe() -> bool:
    try:
        return sys.stdin is not None and not sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


def complete_options(options: argparse.Namespace, prog: str, *, interactive: bool = True) -> None:
    """What the common options mean once parsed: ``-o -`` is stdout (``output`` None),
    ``verbosity`` -1/0/1 from ``-q``/``-v``, ``use_color`` from ``--color``; with no FILE,
    standard input when it is a pipe (``interactive``: only in the process the user started,
    not in a worker, whose files are given)."""
    if options.output == STDIN:
        options.output = None
    options.verbosity = -1 if options.quiet else 1 if options.verbose else 0
    options.use_color = wants_color(options.color, options.output)
    if interactive and not options.inputs:
        if not _stdin_is_a_pipe():
            raise UsageError(messages.NO_INPUT.format(prog=prog))
        options.inputs = [STDIN]


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


def plugins_parser() -> argparse.ArgumentParser:
    """The parser of ``govspeech plugins``: no arguments, a help text."""
    return _Parser(
        prog="govspeech plugins",
        description=messages.PLUGINS_DESCRIPTION,
        epilog=messages.PLUGINS_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


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
