"""One command's argument parser and the registry of commands (shared by the command line and
the worker processes, which rebuild the parser to read their options)."""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from govspeech import i18n
from govspeech.cli import messages
from govspeech.errors import UsageError
from govspeech.i18n import gettext as _
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

#: The commands of the command line itself (a plugin may not take their names), with their
#: descriptions in English (``_(BUILTIN[name])`` in the user's language).
BUILTIN = {
    "plugins": messages.HELP_PLUGINS,
    "help": messages.HELP_HELP,
}

#: Punctuation that must not begin a line of Chinese help, and brackets that must not end one.
_NO_LINE_START = frozenset("，。、；：！？）》」』】〕…—")
_NO_LINE_END = frozenset("（《「『【〔")


def _columns(char: str) -> int:
    import unicodedata

    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def wrap_wide(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` terminal columns, a Chinese character counting
    two: a line may break between two Chinese characters or at a space, never before a
    closing mark (，。）) or after an opening one (（《); an English word stays whole."""
    tokens = re.findall(r" |[^\s]", " ".join(text.split()))
    # Glue runs of narrow characters (words, numbers, option names) into one token.
    pieces: list[str] = []
    for token in tokens:
        narrow = token != " " and _columns(token) == 1
        if narrow and pieces and pieces[-1] != " " and _columns(pieces[-1][-1]) == 1:
            pieces[-1] += token
        else:
            pieces.append(token)
    lines: list[str] = []
    line, used = "", 0
    for piece in pieces:
        size = sum(_columns(c) for c in piece)
        if piece == " " and not line:
            continue
        if used + size > width and line and piece[0] not in _NO_LINE_START:
            carry = ""
            while line and line[-1] in _NO_LINE_END:
                carry, line = line[-1] + carry, line[:-1]
            if line.strip():
                lines.append(line.rstrip())
            line = carry + ("" if piece == " " else piece)
            used = sum(_columns(c) for c in line)
            continue
        line += piece
        used += size
    if line.strip():
        lines.append(line.rstrip())
    return lines


class _HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Descriptions and epilogs as written; option help wrapped by terminal columns when it
    is in Chinese (textwrap counts a Chinese character as one column, which is two)."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        if i18n.language() == "en":
            return super()._split_lines(text, width)
        return wrap_wide(text, width)


class _Parser(argparse.ArgumentParser):
    """argparse, but usage errors raise instead of exiting (one line, exit code 2), a bad
    option value names its option in a whole sentence (`OptionValueError`), and argparse's
    own words ("usage:", "options", its errors) come in the user's language."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _HelpFormatter)
        with i18n.argparse_messages():  # the titles "positional arguments", "options"
            super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        raise UsageError(_(messages.USAGE).format(prog=self.prog, message=message))

    def parse_args(self, *args: Any, **kwargs: Any) -> Any:
        with i18n.argparse_messages():
            return super().parse_args(*args, **kwargs)

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: Any = None
    ) -> tuple[Any, list[str]]:
        with i18n.argparse_messages():
            return super().parse_known_args(args, namespace)

    def format_usage(self) -> str:
        with i18n.argparse_messages():
            return _align_usage(super().format_usage())

    def format_help(self) -> str:
        with i18n.argparse_messages():
            text = _align_usage(super().format_help())
        if i18n.language() == "en":
            return text
        # argparse ends a section's title with ":"; Chinese takes the fullwidth colon.
        titles = {group.title for group in self._action_groups if group.title}
        return re.sub(
            r"(?m)^( *)(.+):$",
            lambda m: f"{m[1]}{m[2]}：" if m[2] in titles else m[0],
            text,
        )

    def _get_value(self, action: argparse.Action, arg_string: str) -> Any:
        try:
            return super()._get_value(action, arg_string)
        except argparse.ArgumentError as exc:
            problem = exc.__context__
            if not isinstance(problem, OptionValueError):
                raise
            name = "/".join(action.option_strings) or str(action.metavar or action.dest)
            raise argparse.ArgumentError(None, problem.for_option(name)) from None


def _align_usage(text: str) -> str:
    """Indent the usage's continuation lines by what its prefix takes on the terminal
    (argparse counts "用法：" as three columns: it takes six)."""
    if i18n.language() == "en":
        return text
    prefix = _("usage: ")
    extra = sum(_columns(c) for c in prefix) - len(prefix)
    lines = text.split("\n")
    if extra <= 0 or not lines[0].startswith(prefix):
        return text
    k = 1
    while k < len(lines) and lines[k].startswith(" "):
        lines[k] = " " * extra + lines[k]
        k += 1
    return "\n".join(lines)


def _common_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("inputs", nargs="*", metavar="FILE", help=_(messages.HELP_INPUTS))
    parser.add_argument("-o", "--output", metavar="FILE", help=_(messages.HELP_OUTPUT))
    talk = parser.add_mutually_exclusive_group()
    talk.add_argument("-q", "--quiet", action="store_true", help=_(messages.HELP_QUIET))
    talk.add_argument("-v", "--verbose", action="store_true", help=_(messages.HELP_VERBOSE))
    parser.add_argument(
        "--color",
        choices=COLOR_CHOICES,
        default="auto",
        metavar="WHEN",
        help=_(messages.HELP_COLOR),
    )
    parser.add_argument("--encoding", metavar="ENC", help=_(messages.HELP_ENCODING))
    parser.add_argument(
        "--from",
        dest="source_format",
        choices=SOURCE_FORMATS,
        metavar="KIND",
        help=_(messages.HELP_FROM),
    )
    parser.add_argument(
        "-j", "--jobs", type=_jobs, default=1, metavar="N", help=_(messages.HELP_JOBS)
    )
    parser.add_argument("--force-jobs", action="store_true", help=_(messages.HELP_FORCE_JOBS))
    parser.add_argument("--debug", action="store_true", help=_(messages.HELP_DEBUG))


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
            raise UsageError(_(messages.NO_INPUT).format(prog=prog))
        options.inputs = [STDIN]


def command_parser(loaded: LoadedPlugin) -> argparse.ArgumentParser:
    """The parser of one command: the common options plus the plugin's own."""
    spec, examples = loaded.spec, loaded.examples
    # A built-in plugin's description and examples are in the catalog; a third party's pass
    # through unchanged unless it happens to use the same words.
    epilog = None
    if examples:
        epilog = _(messages.EXAMPLES) + "\n" + "\n".join(f"  {_(e)}" for e in examples)
    origin = _(messages.PLUGIN_FROM).format(origin=spec.origin)
    parser = _Parser(
        prog=f"govspeech {spec.name}",
        description=f"{_(loaded.description)}\n{origin}",
        epilog=epilog,
    )
    _common_arguments(parser)
    Guard(spec)("while adding its options", loaded.plugin.add_arguments, parser)
    return parser


def plugins_parser() -> argparse.ArgumentParser:
    """The parser of ``govspeech plugins``: no arguments, a help text."""
    return _Parser(
        prog="govspeech plugins",
        description=_(messages.PLUGINS_DESCRIPTION),
        epilog=_(messages.PLUGINS_EPILOG),
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
