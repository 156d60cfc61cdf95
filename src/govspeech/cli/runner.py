"""Running one command: inputs in, plugin lifecycle, output out, an exit code back.

The plugin's methods are called through a guard that turns whatever they raise into one
line naming the plugin. Everything a plugin writes is buffered per step (start, each file,
finish), so a failure half-way through a file leaves nothing of that file in the output.

Output goes to stdout, to one file (``-o out.json``) or, with ``-o`` naming a folder
(``-o out/``), to one file per input, named after the input with the plugin's suffix.
Files are written atomically (see `govspeech.output`); ``-o -`` is standard output. An output
that is one of the run's inputs (by path, symbolic link or hard link) is refused before
anything is read, and a write that fails (a full disk, a closed standard output) is one line.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from govspeech.cli import messages
from govspeech.cli.corpus import FileResult, Job, WorkerDiedError, results
from govspeech.cli.inputs import STDIN, expand
from govspeech.errors import GovspeechError, OutputError, PluginError, UsageError, os_reason
from govspeech.i18n import gettext as _
from govspeech.output import AtomicOutput, input_identities, same_file_as_input
from govspeech.plugin.base import Guard, report, reporting_to
from govspeech.plugin.discovery import LoadedPlugin

__all__ = ["EXIT_FAILED", "EXIT_OK", "EXIT_USAGE", "Guard", "run_command"]

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


def _say(message: str) -> None:
    print(message, file=sys.stderr)


class _Tally:
    """What happened so far: files, documents, failures; the exit code; the progress bar.

    ``verbosity`` (-1 ``-q``, 0, 1 ``-v``): quiet runs have no bar and no summary line;
    verbose ones a line per file and a summary line even for one file."""

    def __init__(self, debug: bool, total: int = 0, verbosity: int = 0) -> None:
        self.debug = debug
        self.total = total
        self.verbosity = verbosity
        self.usage_errors = self.failures = self.findings = 0
        self.files = self.documents = self.sections = 0
        self.started = time.perf_counter()
        self.bar: Any = None
        if total > 1 and verbosity >= 0 and sys.stderr.isatty():
            from tqdm import tqdm  # type: ignore[import-untyped]  # only for a person watching

            tqdm.monitor_interval = 0  # no monitor thread: worker processes are forked
            self.bar = tqdm(total=total, unit="file", file=sys.stderr, leave=False)

    def say(self, message: str) -> None:
        if self.bar is not None:
            self.bar.write(message, file=sys.stderr)
        else:
            _say(message)

    def error(self, exc: GovspeechError) -> None:
        if self.debug:
            import traceback  # only with --debug

            traceback.print_exc()
        self.failed(str(exc), exc.exit_code)

    def failed(self, message: str, code: int) -> None:
        self.say(_(messages.ERROR).format(message=message))
        if code == EXIT_USAGE:
            self.usage_errors += 1
        else:
            self.failures += 1

    def record(self, result: FileResult) -> bool:
        """Count one file's result; False when it failed (its error is printed)."""
        self.files += 1
        if self.bar is not None:
            self.bar.update(1)
        if self.verbosity > 0 and result.error is None:
            self.say(
                _(messages.FILE_READ).format(
                    path="<stdin>" if result.path == STDIN else result.path,
                    format=result.source_format or "?",
                    encoding=result.encoding or "?",
                    documents=result.documents,
                    sections=result.sections,
                    milliseconds=round(result.seconds * 1000),
                )
            )
        for message in result.messages:
            self.say(message)
        if result.error is not None:
            self.failed(result.error, result.error_code)
            return False
        self.documents += result.documents
        self.sections += result.sections
        self.findings |= result.status
        return True

    def close(self, *, summary: bool = True) -> None:
        """Take the progress bar down; after a corpus, one summary line."""
        if self.bar is not None:
            self.bar.close()
            self.bar = None
        if summary and (self.total > 1 or self.verbosity > 0) and self.verbosity >= 0:
            _say(
                _(messages.SUMMARY).format(
                    files=self.files,
                    documents=self.documents,
                    sections=self.sections,
                    failed=self.usage_errors + self.failures,
                    seconds=time.perf_counter() - self.started,
                )
            )

    def exit_code(self) -> int:
        if self.usage_errors:
            return EXIT_USAGE
        return EXIT_FAILED if self.failures or self.findings else EXIT_OK


def _buffer(binary: bool) -> io.BytesIO | io.StringIO:
    return io.BytesIO() if binary else io.StringIO()


def _stdout(binary: bool) -> IO[Any]:
    if sys.stdout is None:  # started with standard output closed (``>&-``)
        raise OutputError(_(messages.STDOUT_CLOSED))
    if binary:
        if sys.stdout.isatty():
            raise UsageError(_(messages.BINARY_TO_TERMINAL))
        return sys.stdout.buffer
    if (getattr(sys.stdout, "encoding", None) or "utf-8").lower().replace("-", "") != "utf8":
        reconfigure = getattr(sys.stdout, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8")
    return sys.stdout


def _stream(
    run: _Run,
    out: IO[Any],
) -> int:
    """start, run per file, finish, into ``out``; the number of files written (0: discard)."""
    plugin, options, guard, tally = run.plugin, run.options, run.guard, run.tally
    binary = run.loaded.binary
    head = _buffer(binary)
    guard("at the start", plugin.start, options, head)
    out.write(head.getvalue())
    done = 0
    for result in run.results(per_file=False):
        if tally.record(result):
            _write(out, result.output, binary)
            done += 1
    tail = _buffer(binary)
    try:
        tally.findings |= guard.status("at the end", plugin.finish, options, tail)
    except GovspeechError as exc:
        tally.error(exc)
        return 0  # an output without its ending is not written at all
    out.write(tail.getvalue())
    return done


def _write(out: IO[Any], data: str | bytes, binary: bool) -> None:
    """Write a result to ``out``: a worker's UTF-8 bytes go straight to a text stream's
    buffer (no decoding and encoding again)."""
    if isinstance(data, bytes) and not binary:
        buffer = getattr(out, "buffer", None)
        if buffer is not None and (getattr(out, "encoding", "") or "").lower() in ("utf-8", "utf8"):
            out.flush()
            buffer.write(data)
            buffer.flush()
            return
        data = data.decode("utf-8")
    out.write(data)
    out.flush()


def _to_stdout(run: _Run) -> None:
    try:
        _stream(run, _stdout(run.loaded.binary))
    except (BrokenPipeError, GovspeechError):
        raise  # a broken pipe: the reader went away, the command line stops quietly
    except OSError as exc:
        raise OutputError(_(messages.STDOUT_CANNOT_WRITE).format(reason=os_reason(exc))) from None


def _to_file(run: _Run, path: Path) -> None:
    _refuse_input(path, run.options.files)
    target = AtomicOutput(path, binary=run.loaded.binary)
    try:
        with target as out:
            if _stream(run, out) == 0:
                target.discard()
    except GovspeechError:
        raise
    except OSError as exc:  # writing the temporary file failed: a full disk, an I/O error
        raise OutputError(
            _(messages.CANNOT_WRITE).format(path=path, reason=os_reason(exc))
        ) from None


def _refuse_input(target: str | Path, files: list[str] | dict[tuple[int, int], str]) -> None:
    clash = same_file_as_input(target, files)
    if clash is not None:
        if os.path.abspath(clash) == os.path.abspath(target):
            raise UsageError(_(messages.OVERWRITES_ITS_INPUT).format(path=target))
        raise UsageError(_(messages.OVERWRITES_AN_INPUT).format(path=target, input=clash))


def _is_folder(output: str) -> bool:
    return output.endswith(("/", os.sep)) or os.path.isdir(output)


def _targets(files: list[str], folder: Path, suffix: str) -> list[Path]:
    """One output path per input: its path below the inputs' common folder, new suffix."""
    real = [os.path.abspath(f) for f in files if f != STDIN]
    root = os.path.commonpath([os.path.dirname(f) for f in real]) if real else ""
    out: list[Path] = []
    seen: dict[Path, str] = {}
    inputs = input_identities(files)
    for name in files:
        if name == STDIN:
            rel = "stdin"
        else:
            rel = os.path.relpath(os.path.abspath(name), root)
        target = (folder / rel).with_suffix(suffix)
        _refuse_input(target, inputs)
        if target in seen:
            raise UsageError(
                _(messages.SAME_TARGET).format(path=target, first=seen[target], second=name)
            )
        seen[target] = name
        out.append(target)
    return out


def _per_file(run: _Run) -> None:
    options, tally = run.options, run.tally
    folder = Path(options.output)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(
            _(messages.CANNOT_CREATE_FOLDER).format(path=folder, reason=os_reason(exc))
        ) from None
    suffix = run.guard("choosing a file suffix", run.plugin.suffix, options)
    if not isinstance(suffix, str):
        raise PluginError(f"{run.guard.what} suffix() returned {suffix!r}, expected a str")
    targets = dict(zip(options.files, _targets(options.files, folder, suffix), strict=True))
    # Each output file holds one input: the plugin sees a whole run over that one file.
    for result in run.results(per_file=True):
        if not tally.record(result):
            continue
        path = targets[result.path]
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            data = result.output
            with AtomicOutput(path, binary=True) as out:
                out.write(data if isinstance(data, bytes) else data.encode("utf-8"))
        except OutputError as exc:
            tally.failed(str(exc), EXIT_USAGE)
        except OSError as exc:
            tally.failed(
                _(messages.CANNOT_WRITE).format(path=path, reason=os_reason(exc)), EXIT_USAGE
            )


class _Run:
    """One command run: the plugin, its options, and where results come from."""

    def __init__(self, loaded: LoadedPlugin, options: argparse.Namespace):
        self.loaded, self.options = loaded, options
        self.spec, self.plugin = loaded.spec, loaded.plugin
        self.guard = Guard(loaded.spec)
        self.verbosity = int(getattr(options, "verbosity", 0))
        self.tally = _Tally(bool(options.debug), len(options.files), self.verbosity)

    def results(self, *, per_file: bool) -> Iterator[FileResult]:
        options = self.options
        jobs = int(getattr(options, "jobs", 1) or 1)
        # A plugin whose finish needs what run saw (one page of all files, a count) runs in
        # this process; one file per output is a whole run, fine anywhere.
        if jobs > 1 and not per_file and not self.loaded.parallel:
            report(_(messages.JOBS_IGNORED).format(command=self.spec.name))
            jobs = 1
        cpus = os.cpu_count() or 1
        if jobs > cpus and not getattr(options, "force_jobs", False):
            # More processes than CPUs only costs memory (each holds a parser and a plugin).
            report(_(messages.JOBS_CAPPED).format(jobs=jobs, cpus=cpus))
            jobs = cpus
        job = Job(
            getattr(options, "command", self.spec.name),
            tuple(getattr(options, "argv", ())),
            tuple(options.files),
            per_file,
        )
        return results((self.loaded, options), job, jobs)


def run_command(loaded: LoadedPlugin, options: argparse.Namespace) -> int:
    """Run the plugin over the inputs in ``options``; return the exit code."""
    guard = Guard(loaded.spec)
    options.files = expand(options.inputs)
    if options.output == STDIN:
        options.output = None  # -o - is standard output, as everywhere
    options.per_file = options.output is not None and _is_folder(options.output)
    verbosity = int(getattr(options, "verbosity", 0))
    with reporting_to(_say, verbosity):
        guard("in prepare", loaded.plugin.prepare, options)
    run = _Run(loaded, options)
    try:
        # The plugin's messages stay clear of the bar; -q and -v decide which are shown.
        with reporting_to(run.tally.say, verbosity):
            if options.output is None:
                _to_stdout(run)
            elif options.per_file:
                _per_file(run)
            else:
                _to_file(run, Path(options.output))
    except WorkerDiedError as exc:
        # The files done so far were written; the run ends with the worst exit code seen.
        run.tally.error(exc)
        run.tally.close()
        return run.tally.exit_code()
    except BaseException:
        run.tally.close(summary=False)  # a run that stopped has no summary, just its error
        raise
    run.tally.close()
    return run.tally.exit_code()
