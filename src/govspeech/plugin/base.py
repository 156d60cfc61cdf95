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
A status is 0 (nothing to report) or 1 (findings, like a linter's). Raise `UsageError` for a
bad option and `PluginError` for a failure you can explain in one line; anything else a plugin
raises is reported as a failure of that plugin, naming it and its distribution.

Subclass `Plugin`, which supplies the optional methods, and register the class (or an
instance) under the entry-point group ``govspeech.plugins``; the entry point's name is the
subcommand. Export formats use the group ``govspeech.exporters`` and subclass `Exporter`.
See docs/plugins.md for a walk-through.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Callable, Iterator
from typing import IO, TYPE_CHECKING, Any, ClassVar, Protocol, runtime_checkable

from govspeech.errors import GovspeechError, PluginError, Stopped, UsageError, one_line
from govspeech.nodes import ParsedFile

if TYPE_CHECKING:
    from govspeech.plugin.discovery import PluginSpec

__all__ = [
    "COMMANDS",
    "EXPORTERS",
    "Exporter",
    "Guard",
    "Plugin",
    "PluginProtocol",
    "collect_reports",
    "report",
    "reporting_to",
]

#: Entry-point group of subcommands.
COMMANDS = "govspeech.plugins"
#: Entry-point group of ``export --format`` formats.
EXPORTERS = "govspeech.exporters"


# Where `report` sends messages: the command line installs its own while a command runs (it
# keeps them clear of the progress bar); a worker process collects them per file.
_report_sinks: list[Callable[[str], None]] = []


def report(message: str) -> None:
    """Tell the person running the command something (a warning, a count) on standard error.

    Use this instead of printing to ``sys.stderr``: the command line keeps the message clear
    of its progress bar, and under ``--jobs`` prints it when the file's result arrives, in
    input order. Outside a command it is printed to standard error.
    """
    if _report_sinks:
        _report_sinks[-1](message)
    else:
        print(message, file=sys.stderr)


@contextlib.contextmanager
def reporting_to(sink: Callable[[str], None]) -> Iterator[None]:
    """Send `report` messages to ``sink`` within the ``with`` block (used by the runner)."""
    _report_sinks.append(sink)
    try:
        yield
    finally:
        _report_sinks.pop()


@contextlib.contextmanager
def collect_reports() -> Iterator[list[str]]:
    """Gather `report` messages in a list within the ``with`` block (one file's, in a worker)."""
    messages: list[str] = []
    with reporting_to(messages.append):
        yield messages


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
                message = f"{self.command}: {message}"
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
