"""The plugin protocol: what a ``govspeech`` subcommand (or ``export`` format) implements.

A plugin is an object with a ``name``, a one-line ``description`` and four methods, called by
the command line in this order::

    add_arguments(parser)        # once: add the command's options to an argparse parser
    prepare(options)             # once, after parsing: check options, may raise UsageError
    start(options, out)          # once, the output is open
    run(tree, options, out)      # once per input file, with the parsed tree; returns a status
    finish(options, out)         # once, after the last file; returns a status
    suffix(options)              # the file suffix when writing one file per input

``options`` is the parsed command line; ``options.files`` lists the input files after folders
and patterns were expanded (``-`` is standard input); ``options.per_file`` is true when
``-o`` names a folder, where each input gets its own output file (``prepare``, ``start``,
``run`` and ``finish`` are then called again for each file, with ``options.files`` holding it).
``out`` is a text stream (UTF-8), or a binary stream when the plugin's ``binary`` is true.
The command line's common options are there too: ``options.use_color`` is true when the
output should be coloured with ANSI SGR codes (``--color``: ``auto`` colours a terminal unless
``NO_COLOR`` is set), ``options.verbosity`` is -1 (``-q``), 0 or 1 (``-v``); a command with
output formats takes ``-f/--format`` and, when it is not given, may let the ``-o`` file's
extension choose (`Plugin.format_for`). For validated numeric options there are the argparse
types `Plugin.whole_number` and `Plugin.fraction`.

A status is 0 (nothing to report) or 1 (findings, like a linter's). Raise `UsageError` for a
bad option and `PluginError` for a failure you can explain in one line; anything else a plugin
raises is reported as a failure of that plugin, naming it and its distribution. Messages for
the person running the command go through `report`, at a level ``-q`` and ``-v`` filter.

Subclass `Plugin`, which supplies the optional methods, and register the class (or an
instance) under the entry-point group ``govspeech.plugins``; the entry point's name is the
subcommand. Export formats use the group ``govspeech.exporters`` and subclass `Exporter`.
See docs/plugins.md for a walk-through.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable, Iterator, Mapping
from typing import IO, TYPE_CHECKING, Any, ClassVar, Protocol, runtime_checkable

from govspeech.errors import GovspeechError, PluginError, Stopped, UsageError, one_line
from govspeech.i18n import N_
from govspeech.i18n import gettext as _
from govspeech.nodes import ParsedFile

if TYPE_CHECKING:
    from govspeech.plugin.discovery import PluginSpec

__all__ = [
    "COMMANDS",
    "EXPORTERS",
    "INFO",
    "VERBOSE",
    "WARNING",
    "Exporter",
    "Guard",
    "OptionValueError",
    "Plugin",
    "PluginProtocol",
    "collect_reports",
    "format_for",
    "fraction",
    "report",
    "reporting_to",
    "shown",
    "whole_number",
]

#: Entry-point group of subcommands.
COMMANDS = "govspeech.plugins"
#: Entry-point group of ``export --format`` formats.
EXPORTERS = "govspeech.exporters"


#: How much a `report` message matters. ``VERBOSE``: only with ``-v`` (what was read, how
#: long it took); ``INFO``, the default: counts, summaries and notes (an option that has no
#: effect), which ``-q`` hides; ``WARNING``: something asked for was not done (an input
#: skipped) or a plugin is broken — shown even with ``-q``, as errors are.
VERBOSE = "verbose"
INFO = "info"
WARNING = "warning"
_RANK = {VERBOSE: 0, INFO: 1, WARNING: 2}

# Where `report` sends messages, each with the verbosity it was set up for (-1 quiet, 0, 1
# verbose): the command line installs its own while a command runs (it keeps them clear of
# the progress bar); a worker process collects them per file.
_report_sinks: list[tuple[Callable[[str], None], int]] = []


def shown(level: str, verbosity: int) -> bool:
    """Whether a message of ``level`` is printed at ``verbosity`` (-1 ``-q``, 0, 1 ``-v``)."""
    return _RANK.get(level, 1) + verbosity >= 1


def report(message: str, *, level: str = INFO) -> None:
    """Tell the person running the command something (a warning, a count) on standard error.

    Use this instead of printing to ``sys.stderr``: the command line keeps the message clear
    of its progress bar, and under ``--jobs`` prints it when the file's result arrives, in
    input order. ``level`` is `INFO` (hidden by ``-q``), `VERBOSE` (shown only with ``-v``)
    or `WARNING` (always shown); errors are raised, never reported. Outside a command
    `INFO` and `WARNING` messages are printed to standard error.
    """
    if _report_sinks:
        sink, verbosity = _report_sinks[-1]
        if shown(level, verbosity):
            sink(message)
    elif shown(level, 0):
        print(message, file=sys.stderr)


@contextlib.contextmanager
def reporting_to(sink: Callable[[str], None], verbosity: int = 0) -> Iterator[None]:
    """Send `report` messages to ``sink`` within the ``with`` block (used by the runner);
    those ``verbosity`` does not show are dropped."""
    _report_sinks.append((sink, verbosity))
    try:
        yield
    finally:
        _report_sinks.pop()


@contextlib.contextmanager
def collect_reports(verbosity: int = 0) -> Iterator[list[str]]:
    """Gather `report` messages in a list within the ``with`` block (one file's, in a worker)."""
    messages: list[str] = []
    with reporting_to(messages.append, verbosity):
        yield messages


# ---------------------------------------------------------------- option values

#: What a bad option value is told (whole sentences, for translation; ``option`` is the
#: option's name, ``value`` what was given).
NOT_A_WHOLE_NUMBER = N_("{option} must be a whole number; got {value!r}")
TOO_SMALL = N_("{option} must be {minimum} or more; got {value!r}")
NOT_A_FRACTION = N_("{option} must be a number above 0 and at most 1; got {value!r}")
#: Where the option's name is not known (outside the command line's parser).
THE_VALUE = N_("the value")
#: A plugin's usage error, prefixed with the command line it belongs to.
COMMAND_USAGE = N_("{command}: {message}")


class OptionValueError(argparse.ArgumentTypeError):
    """A bad option value, raised by the argparse types below. The command line's parser
    puts the option's name in the message; elsewhere it reads "the value must be …"."""

    def __init__(self, template: str, **fields: Any) -> None:
        self.template, self.fields = template, fields
        super().__init__(self.for_option(_(THE_VALUE)))

    def for_option(self, option: str) -> str:
        """The message for the option called ``option``, in the user's language."""
        return _(self.template).format(option=option, **self.fields)


def whole_number(minimum: int = 0) -> Callable[[str], int]:
    """An argparse ``type``: a whole number of at least ``minimum`` (``type=whole_number(1)``)."""

    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            raise OptionValueError(NOT_A_WHOLE_NUMBER, value=value) from None
        if number < minimum:
            raise OptionValueError(TOO_SMALL, minimum=minimum, value=value)
        return number

    parse.__name__ = f"whole_number_from_{minimum}"
    return parse


def fraction(value: str) -> float:
    """An argparse ``type``: a number above 0 and at most 1 (0.1 is 10%)."""
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not 0 < number <= 1:  # NaN fails too
        raise OptionValueError(NOT_A_FRACTION, value=value)
    return number


def format_for(options: argparse.Namespace, extensions: Mapping[str, str], default: str) -> str:
    """The output format: ``-f/--format`` if given; else the one the ``-o`` file's extension
    names in ``extensions`` (``{".md": "markdown"}``, lower case); else ``default``. An
    extension not in ``extensions``, a folder (``-o out/``) and standard output give
    ``default``."""
    given = getattr(options, "format", None)
    if given:
        return str(given)
    output = getattr(options, "output", None)
    if output and output != "-" and not getattr(options, "per_file", False):
        found = extensions.get(os.path.splitext(str(output))[1].lower())
        if found is not None:
            return found
    return default


@runtime_checkable
class PluginProtocol(Protocol):
    """What the command line needs from a plugin object (see the module docstring)."""

    name: str
    description: str
    binary: bool

    def add_arguments(self, parser: argparse.ArgumentParser) -> None: ...

    def prepare(self, options: argparse.Namespace) -> None: ...

    def start(self, options: argparse.Namespace, out: IO[Any]) -> None: ...

    def run(self, tree: ParsedFile, options: argparse.Namespace, out: IO[Any]) -> int: ...

    def finish(self, options: argparse.Namespace, out: IO[Any]) -> int: ...

    def suffix(self, options: argparse.Namespace) -> str: ...


class Plugin:
    """Base class for plugins: override ``run``, and the other methods when you need them."""

    #: The subcommand (should equal the entry point's name, which is what the CLI uses).
    name: ClassVar[str] = ""
    #: One line shown by ``govspeech plugins`` and ``govspeech --help``.
    description: ClassVar[str] = ""
    #: Command lines shown under "examples" in the command's ``--help``.
    examples: ClassVar[tuple[str, ...]] = ()
    #: True when the output is bytes (a Word file), not text; may be set in ``prepare``.
    binary: bool = False
    #: True when ``run`` depends on its file only (not on files before it), so that
    #: ``--jobs N`` may call it in worker processes; may be set in ``prepare``.
    parallel: bool = False

    #: argparse types for ``add_arguments``: ``type=self.whole_number(1)`` and
    #: ``type=self.fraction`` make a bad value a one-line usage error naming the option.
    whole_number = staticmethod(whole_number)
    fraction = staticmethod(fraction)
    #: ``options.format = self.format_for(options, {".md": "markdown"}, "text")`` in
    #: ``prepare``: ``--format`` if given, else the ``-o`` file's extension, else the default.
    format_for = staticmethod(format_for)

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        """Add this command's options to ``parser`` (the common ones are already there)."""

    def prepare(self, options: argparse.Namespace) -> None:
        """Check the parsed options before any input is read; raise `UsageError` if wrong."""

    def start(self, options: argparse.Namespace, out: IO[Any]) -> None:
        """Write whatever comes before the first file's output (a header row, say)."""

    def run(self, tree: ParsedFile, options: argparse.Namespace, out: IO[Any]) -> int:
        """Process one parsed input file, write to ``out``; return 0, or 1 for findings."""
        raise NotImplementedError(f"plugin {self.name!r} does not implement run()")

    def finish(self, options: argparse.Namespace, out: IO[Any]) -> int:
        """Write whatever comes after the last file; return 0, or 1 for findings."""
        return 0

    def suffix(self, options: argparse.Namespace) -> str:
        """The file-name suffix of outputs written one per input (``-o folder/``)."""
        return ".txt"


class Exporter(Plugin):
    """Base class for ``export --format NAME`` formats (entry-point group ``govspeech.exporters``).

    ``add_arguments`` receives the ``export`` command's parser, shared by all formats: give
    options names that say which format they belong to (``--csv-bom``) unless they are general.
    """

    #: File-name extensions (with the dot) that select this format for ``-o FILE``; the
    #: first also names the files written one per input (``-o folder/``).
    extensions: ClassVar[tuple[str, ...]] = ()

    def suffix(self, options: argparse.Namespace) -> str:
        """The first of ``extensions``."""
        return self.extensions[0] if self.extensions else ".out"


class Guard:
    """Calls a plugin's methods; whatever they raise becomes one line naming the plugin.

    The command line calls every plugin method through one; a plugin that calls another
    (``export`` calls its formats) uses one too. A plugin's own `UsageError` is prefixed
    with the command, its `PluginError` and anything else it raises (SystemExit included) are
    one `PluginError` naming it; Ctrl-C and signals pass through and end the run.
    """

    def __init__(self, spec: PluginSpec, command: str | None = None) -> None:
        self.spec = spec
        self._what: str | None = None
        # Usage errors are prefixed with the command line the user typed.
        self.command = f"govspeech {command or spec.name}"

    @property
    def what(self) -> str:
        """``plugin 'name' (distribution version)``: read from its metadata on first use only
        (a Guard is made for every file of a corpus, an error is rare)."""
        if self._what is None:
            self._what = f"plugin {self.spec.name!r} ({self.spec.origin})"
        return self._what

    def status(self, where: str, method: Callable[..., Any], *args: Any) -> int:
        """Call ``run`` or ``finish``: their result must be a status (0, 1, None or a bool)."""
        result = self(where, method, *args)
        if result is None or isinstance(result, (bool, int)):
            return 1 if result else 0
        raise PluginError(
            f"{self.what} failed {where}: returned {one_line(repr(result))[:80]}, "
            "expected a status (0 or 1)"
        )

    def __call__(self, where: str, method: Callable[..., Any], *args: Any) -> Any:
        try:
            return method(*args)
        except (KeyboardInterrupt, Stopped):
            raise  # the user (Ctrl-C) or a signal ends the run, not the plugin
        except UsageError as exc:
            message = str(exc)
            if not message.startswith("govspeech"):
                message = _(COMMAND_USAGE).format(command=self.command, message=message)
            raise UsageError(message) from exc
        except PluginError as exc:
            if str(exc).startswith("plugin "):
                raise
            raise PluginError(f"{self.what} {where}: {one_line(str(exc))}") from exc
        except GovspeechError:
            raise
        except BaseException as exc:  # SystemExit, GeneratorExit, a plugin's own BaseException
            name = type(exc).__name__
            detail = one_line(str(exc))
            if isinstance(exc, SystemExit):
                detail = f"called sys.exit({exc.code!r})"
            raise PluginError(f"{self.what} failed {where}: {name}: {detail}") from exc
