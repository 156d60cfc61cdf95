"""Running one command: inputs in, plugin lifecycle, output out, an exit code back.

The plugin's methods are called through a guard that turns whatever they raise into one
line naming the plugin. Everything a plugin writes is buffered per step (start, each file,
finish), so a failure half-way through a file leaves nothing of that file in the output.

Output goes to stdout, to one file (``-o out.json``) or, with ``-o`` naming a folder
(``-o out/``), to one file per input, named after the input with the plugin's suffix.
Files are written atomically (see `govspeech.output`).
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from .discovery import PluginSpec
from .errors import GovspeechError, OutputError, PluginError, UsageError
from .inputs import STDIN, expand, read_input
from .output import AtomicOutput
from .plugin import PluginProtocol

__all__ = ["EXIT_FAILED", "EXIT_OK", "EXIT_USAGE", "Guard", "run_command"]

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


def _say(message: str) -> None:
    print(message, file=sys.stderr)


def _one_line(text: str) -> str:
    return " ".join(text.split())


class Guard:
    """Calls a plugin's methods; whatever they raise becomes one line naming the plugin."""

    def __init__(self, spec: PluginSpec, command: str | None = None) -> None:
        self.spec = spec
        self.what = f"plugin {spec.name!r} ({spec.origin})"
        # Usage errors are prefixed with the command line the user typed.
        self.command = f"govspeech {command or spec.name}"

    def __call__(self, where: str, method: Callable[..., Any], *args: Any) -> Any:
        try:
            return method(*args)
        except UsageError as exc:
            message = str(exc)
            if not message.startswith("govspeech"):
                message = f"{self.command}: {message}"
            raise UsageError(message) from exc
        except PluginError as exc:
            if str(exc).startswith("plugin "):
                raise
            raise PluginError(f"{self.what} {where}: {_one_line(str(exc))}") from exc
        except GovspeechError:
            raise
        except Exception as exc:
            name = type(exc).__name__
            raise PluginError(f"{self.what} failed {where}: {name}: {_one_line(str(exc))}") from exc


class _Tally:
    """What went wrong so far, and the exit code that says so."""

    def __init__(self, debug: bool) -> None:
        self.debug = debug
        self.usage_errors = self.failures = self.findings = 0

    def error(self, exc: GovspeechError) -> None:
        if self.debug:
            traceback.print_exc()
        _say(f"error: {exc}")
        if exc.exit_code == EXIT_USAGE:
            self.usage_errors += 1
        else:
            self.failures += 1

    def exit_code(self) -> int:
        if self.usage_errors:
            return EXIT_USAGE
        return EXIT_FAILED if self.failures or self.findings else EXIT_OK


def _buffer(binary: bool) -> io.BytesIO | io.StringIO:
    return io.BytesIO() if binary else io.StringIO()


def _stdout(binary: bool) -> IO[Any]:
    if binary:
        if sys.stdout.isatty():
            raise UsageError("refusing to write binary output to a terminal; use -o FILE")
        return sys.stdout.buffer
    if (getattr(sys.stdout, "encoding", None) or "utf-8").lower().replace("-", "") != "utf8":
        reconfigure = getattr(sys.stdout, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8")
    return sys.stdout


def _stream(
    guard: Guard,
    plugin: PluginProtocol,
    options: argparse.Namespace,
    files: list[str],
    out: IO[Any],
    tally: _Tally,
) -> int:
    """start, run per file, finish, into ``out``; the number of files written (0: discard)."""
    binary = bool(plugin.binary)
    head = _buffer(binary)
    guard("at the start", plugin.start, options, head)
    out.write(head.getvalue())
    done = 0
    for name in files:
        body = _buffer(binary)
        try:
            tree = read_input(name, options.encoding)
            tally.findings |= guard(f"on {name}", plugin.run, tree, options, body) or 0
        except GovspeechError as exc:
            tally.error(exc)
            continue
        out.write(body.getvalue())
        out.flush()
        done += 1
    tail = _buffer(binary)
    try:
        tally.findings |= guard("at the end", plugin.finish, options, tail) or 0
    except GovspeechError as exc:
        tally.error(exc)
        return 0  # an output without its ending is not written at all
    out.write(tail.getvalue())
    return done


def _to_file(
    guard: Guard,
    plugin: PluginProtocol,
    options: argparse.Namespace,
    files: list[str],
    path: Path,
    tally: _Tally,
) -> None:
    target = AtomicOutput(path, binary=bool(plugin.binary))
    out = target.__enter__()
    try:
        if _stream(guard, plugin, options, files, out, tally) == 0:
            target.discard()
    except BaseException as exc:
        target.__exit__(type(exc), exc, exc.__traceback__)
        raise
    target.__exit__(None, None, None)


def _is_folder(output: str) -> bool:
    return output.endswith(("/", os.sep)) or os.path.isdir(output)


def _targets(files: list[str], folder: Path, suffix: str) -> list[Path]:
    """One output path per input: its path below the inputs' common folder, new suffix."""
    real = [os.path.abspath(f) for f in files if f != STDIN]
    root = os.path.commonpath([os.path.dirname(f) for f in real]) if real else ""
    out: list[Path] = []
    for name in files:
        if name == STDIN:
            rel = "stdin"
        else:
            rel = os.path.relpath(os.path.abspath(name), root)
        target = (folder / rel).with_suffix(suffix)
        if name != STDIN and os.path.abspath(target) == os.path.abspath(name):
            raise UsageError(f"{target}: the output would overwrite its input; choose another -o")
        out.append(target)
    return out


def _per_file(
    guard: Guard, plugin: PluginProtocol, options: argparse.Namespace, tally: _Tally
) -> None:
    folder = Path(options.output)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{folder}: cannot create folder ({exc.strerror or exc})") from None
    suffix = str(guard("choosing a file suffix", plugin.suffix, options))
    for name, path in zip(options.files, _targets(options.files, folder, suffix), strict=True):
        # Each output file holds one input: the plugin sees a run over that one file.
        one = argparse.Namespace(**vars(options))
        one.files = [name]
        guard("in prepare", plugin.prepare, one)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            tally.error(OutputError(f"{path.parent}: cannot create folder ({exc.strerror})"))
            continue
        _to_file(guard, plugin, one, [name], path, tally)


def run_command(spec: PluginSpec, plugin: PluginProtocol, options: argparse.Namespace) -> int:
    """Run ``plugin`` over the inputs in ``options``; return the exit code."""
    guard = Guard(spec)
    tally = _Tally(bool(options.debug))
    options.files = expand(options.inputs)
    options.per_file = options.output is not None and _is_folder(options.output)
    guard("in prepare", plugin.prepare, options)
    if options.output is None:
        _stream(guard, plugin, options, options.files, _stdout(bool(plugin.binary)), tally)
    elif options.per_file:
        _per_file(guard, plugin, options, tally)
    else:
        _to_file(guard, plugin, options, options.files, Path(options.output), tally)
    return tally.exit_code()
