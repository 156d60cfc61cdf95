"""The command line: ``govspeech COMMAND [options] FILE...``; every command is a plugin.

Only the plugin a command needs is imported (discovery reads entry points without importing
anything), so ``govspeech outline`` starts fast and keeps working when another plugin is
broken. Errors are one line on stderr (``--debug`` adds the traceback); exit codes: 0 ok,
1 findings or a failed plugin, 2 usage or input error.
"""

from __future__ import annotations

import os
import signal
import sys

from govspeech import __version__
from govspeech.cli import messages
from govspeech.errors import STOP_SIGNALS, GovspeechError, PluginError, Stopped, UsageError
from govspeech.i18n import gettext as _

# The parsers, the runner and plugin discovery are imported when a command runs, not for
# ``govspeech --version`` (see `_main`); nor typing (type checkers read this name as
# typing.TYPE_CHECKING).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence

    from govspeech.plugin.discovery import PluginSpec, Registry

# the exit codes (`govspeech.cli.runner` uses the same)
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

__all__ = ["EXIT_FAILED", "EXIT_OK", "EXIT_USAGE", "main"]

_TOP_OPTIONS = {"-h", "--help", "--version", "--debug"}


def _say(message: str) -> None:
    print(message, file=sys.stderr)


def _commands_help(registry: Registry) -> str:
    from govspeech.cli.commands import BUILTIN
    from govspeech.plugin.discovery import load

    rows: list[tuple[str, str]] = []
    for name in registry.names():
        try:
            rows.append((name, _(load(registry.specs[name]).description)))
        except PluginError:
            rows.append((name, _(messages.TOP_CANNOT_LOAD)))
    rows.extend((name, _(description)) for name, description in BUILTIN.items())
    width = max(len(name) for name, _description in rows)
    lines = [f"  {n.ljust(width)}  {d}" for n, d in rows]
    return "\n".join([_(messages.TOP_COMMANDS), *lines])


def _top_help(registry: Registry) -> str:
    return "\n\n".join(
        [
            _(messages.TOP_USAGE),
            _(messages.TOP_DESCRIPTION),
            _commands_help(registry),
            _(messages.TOP_OPTIONS),
            _(messages.TOP_EXAMPLES),
        ]
    )


def _list_plugins(args: list[str]) -> int:
    from govspeech.cli.commands import commands, plugins_parser
    from govspeech.plugin.base import COMMANDS, EXPORTERS
    from govspeech.plugin.discovery import discover, load

    try:
        plugins_parser().parse_args(args)
    except SystemExit as exc:  # --help printed
        return int(exc.code or 0)
    status = EXIT_OK
    rows: list[tuple[str, str, str, str]] = []
    for kind, group in (("command", COMMANDS), ("format", EXPORTERS)):
        registry = commands() if group == COMMANDS else discover(group)
        for warning in registry.warnings:
            _say(warning)
        for name in registry.names():
            spec = registry.specs[name]
            try:
                description = load(spec).description
            except PluginError as exc:
                _say(_(messages.ERROR).format(message=exc))
                description = messages.PLUGIN_FAILED
                status = EXIT_FAILED
            rows.append((name, kind, spec.origin, _(description)))
    if not rows:
        print(_(messages.PLUGINS_NONE))
        return status
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    for row in rows:
        cells = [cell.ljust(w) for cell, w in zip(row[:3], widths, strict=True)]
        print("  ".join([*cells, row[3]]))
    return status


def _split(args: list[str]) -> tuple[set[str], str | None, list[str]]:
    """Top-level options, the command and the command's own arguments."""
    top: set[str] = set()
    for i, arg in enumerate(args):
        if arg in _TOP_OPTIONS:
            top.add(arg)
        elif arg.startswith("-") and arg != "-":
            raise UsageError(_(messages.UNKNOWN_TOP_OPTION).format(option=arg))
        else:
            return top, arg, args[i + 1 :]
    return top, None, []


def _help_for(command: str, registry: Registry) -> int:
    from govspeech.cli.commands import BUILTIN, command_parser, plugins_parser
    from govspeech.plugin.discovery import load

    if command == "plugins":
        plugins_parser().print_help()
        return EXIT_OK
    if command in BUILTIN:
        print(_(messages.BUILTIN_HELP).format(command=command, description=_(BUILTIN[command])))
        return EXIT_OK
    spec = _find(command, registry)
    command_parser(load(spec)).print_help()
    return EXIT_OK


def _find(command: str, registry: Registry) -> PluginSpec:
    from govspeech.cli.commands import BUILTIN

    spec = registry.specs.get(command)
    if spec is None:
        known = [*registry.names(), *BUILTIN]
        import difflib  # only for this message: keeps start-up light

        close = difflib.get_close_matches(command, known, n=1)
        if close:
            raise UsageError(
                _(messages.UNKNOWN_COMMAND_CLOSE).format(command=command, close=close[0])
            )
        raise UsageError(
            _(messages.UNKNOWN_COMMAND).format(command=command, known=", ".join(known))
        )
    return spec


def _main(args: list[str]) -> int:
    top, command, rest = _split(args)
    if "--version" in top:
        print(f"govspeech {__version__}")
        return EXIT_OK
    from govspeech.cli.commands import command_parser, commands, complete_options
    from govspeech.cli.runner import run_command
    from govspeech.plugin.discovery import load

    registry = commands()
    if command is None or command == "help" or (top & {"-h", "--help"}):
        for warning in registry.warnings:
            _say(warning)
    elif command != "plugins":
        for warning in registry.warnings_for(command):
            _say(warning)
    if command is None:
        if top & {"-h", "--help"}:
            print(_top_help(registry))
            return EXIT_OK
        raise UsageError(_(messages.NO_COMMAND))
    if command == "plugins":
        return _list_plugins(rest)
    if command == "help":
        if not rest:
            print(_top_help(registry))
            return EXIT_OK
        return _help_for(rest[0], registry)
    spec = _find(command, registry)
    loaded = load(spec)
    parser = command_parser(loaded)
    try:
        options = parser.parse_args(rest)
    except SystemExit as exc:  # --help printed
        return int(exc.code or 0)
    options.debug = options.debug or "--debug" in top
    complete_options(options, parser.prog)
    options.command, options.argv = spec.name, tuple(rest)
    return run_command(loaded, options)


def _on_signal(signum: int, frame: object) -> None:
    raise Stopped(signum)


def _quiet_stdout() -> None:
    """Point stdout at /dev/null, so that the interpreter's final flush cannot fail again."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _flush_stdout() -> bool:
    """Flush what is still buffered for stdout; False (and stdout silenced) when that fails."""
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
        return True
    except BrokenPipeError:
        _quiet_stdout()
        return True
    except (OSError, ValueError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        message = _(messages.STDOUT_CANNOT_WRITE).format(reason=reason.lower())
        _say(_(messages.ERROR).format(message=message))
        _quiet_stdout()
        return False


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args
    previous: dict[int, object] = {}
    try:
        # Each becomes an exception, so that temporary files are removed and the error is one
        # line (SIGPIPE is ignored by Python: a closed pipe is a BrokenPipeError).
        for signum in STOP_SIGNALS:
            previous[signum] = signal.signal(signum, _on_signal)
    except ValueError:  # not the main thread: leave signals alone
        pass
    try:
        code = _main(args)
        return code if _flush_stdout() else EXIT_USAGE
    except GovspeechError as exc:
        if debug:
            import traceback

            traceback.print_exc()
        _say(_(messages.ERROR).format(message=exc))
        _flush_stdout()
        return exc.exit_code
    except KeyboardInterrupt:
        _say(_(messages.INTERRUPTED))
        return 130
    except Stopped as exc:
        _say(_(messages.STOPPED).format(signal=signal.Signals(exc.signum).name))
        return 128 + exc.signum
    except BrokenPipeError:
        # The reader went away (``govspeech outline big.txt | head``): stop quietly.
        _quiet_stdout()
        return EXIT_FAILED
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)  # type: ignore[arg-type]
