"""Corpus scale: one input file as one unit of work, in this process or in worker processes.

`process` reads, parses and runs a command's plugin on one file and returns a `FileResult`
(its output, or the one-line error) — it never raises for a bad file, so one bad file never
stops a corpus. `results` yields the results of many files in input order, either here or with
``jobs`` worker processes, keeping a bounded number of files in flight so memory stays flat
however large the corpus. `export_file` is the same step as a plain picklable function for
other schedulers (Dask: ``dask.bag.from_sequence(paths).map(export_file, format="jsonl")``).
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import io
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from typing import IO, TYPE_CHECKING, Any

from attrs import frozen

from govspeech.cli.messages import EXPORT_BINARY, SOME_FILES, WORKER_DIED
from govspeech.errors import STOP_SIGNALS, GovspeechError, PluginError
from govspeech.i18n import gettext as _
from govspeech.nodes import ParsedFile
from govspeech.plugin.base import Guard, PluginProtocol, collect_reports
from govspeech.plugin.discovery import LoadedPlugin

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

__all__ = [
    "FileResult",
    "Job",
    "WorkerDiedError",
    "export_file",
    "process",
    "results",
    "run_file",
]

#: Files per task sent to a worker, and tasks in flight per worker: big enough to keep the
#: workers busy, small enough that memory does not grow with the corpus.
CHUNK = 8
IN_FLIGHT = 4
#: Seconds between a worker's checks that the main process is still there.
PARENT_POLL = 0.5
#: A worker's exit status when it ends because the main process is gone.
EXIT_ORPHANED = 70
_PR_SET_PDEATHSIG = 1  # linux/prctl.h


class WorkerDiedError(PluginError):
    """A worker process ended abruptly (killed, out of memory, a crash in a C library); the
    message names the files it may have been working on."""


@frozen
class FileResult:
    """What one input gave: the plugin's output for it, or a one-line error.

    ``output`` is bytes for a binary plugin, and for a text plugin's output made in a worker
    process (UTF-8); otherwise text.
    """

    path: str
    output: str | bytes
    status: int = 0
    error: str | None = None
    #: the exit code the error stands for: 2 input or usage, 1 a plugin failure
    error_code: int = 0
    documents: int = 0
    sections: int = 0
    #: what the plugin `report`-ed while working on this file, printed when it is counted
    messages: tuple[str, ...] = ()
    #: with ``-v``: the format it was read as (``txt``, ``docx``…), its encoding, and the
    #: seconds reading and running took
    source_format: str = ""
    encoding: str = ""
    seconds: float = 0.0


@frozen
class Job:
    """A command run, described by its command line, so a worker can set it up again."""

    command: str
    argv: tuple[str, ...]
    files: tuple[str, ...]
    per_file: bool = False


def _counts(tree: ParsedFile) -> tuple[int, int]:
    """Documents (a run-together page's parts count with their document) and sections."""
    return len(tree.documents), sum(1 for d in tree.iter_documents() for _ in d.iter_sections())


def process(
    loaded: LoadedPlugin,
    options: argparse.Namespace,
    path: str,
    *,
    whole: bool = False,
    encode: bool = False,
) -> FileResult:
    """Read ``path`` and run the plugin on it; never raises for a bad file or a plugin bug.

    ``whole`` makes the file a run of its own (prepare, start, run, finish: one output file
    per input); otherwise only ``run`` is called, and start/finish belong to the caller.
    ``encode`` returns text output as UTF-8 bytes (cheaper to send back from a worker).
    """
    from govspeech.cli.inputs import read_input_as

    plugin = loaded.plugin
    guard = Guard(loaded.spec)
    binary = loaded.binary
    out: io.BytesIO | io.StringIO = io.BytesIO() if binary else io.StringIO()
    messages: list[str] = []
    verbosity = int(getattr(options, "verbosity", 0))
    source_format = getattr(options, "source_format", None)
    began = time.perf_counter()
    try:
        tree, fmt = read_input_as(path, options.encoding, source_format, tell=verbosity > 0)
        documents, sections = _counts(tree)
        with collect_reports(verbosity) as messages:
            status = _run_plugin(guard, plugin, options, path, tree, out, whole)
    except GovspeechError as exc:
        if getattr(options, "debug", False):
            import traceback  # only with --debug

            traceback.print_exc()
        empty: str | bytes = b"" if binary else ""
        return FileResult(path, empty, 0, str(exc), exc.exit_code, messages=tuple(messages))
    output = out.getvalue()
    if encode and isinstance(output, str):
        output = output.encode("utf-8")
    return FileResult(
        path,
        output,
        int(status),
        None,
        0,
        documents,
        sections,
        messages=tuple(messages),
        source_format=fmt,
        encoding=tree.encoding or "",
        seconds=time.perf_counter() - began,
    )


def _run_plugin(
    guard: Guard,
    plugin: PluginProtocol,
    options: argparse.Namespace,
    path: str,
    tree: ParsedFile,
    out: IO[Any],
    whole: bool,
) -> int:
    """One file through the plugin: only ``run``, or a whole run of its own (``whole``)."""
    if not whole:
        return guard.status(f"on {path}", plugin.run, tree, options, out)
    one = argparse.Namespace(**vars(options))
    one.files = [path]
    guard("in prepare", plugin.prepare, one)
    guard("at the start", plugin.start, one, out)
    status = guard.status(f"on {path}", plugin.run, tree, one, out)
    return status | guard.status("at the end", plugin.finish, one, out)


# ---------------------------------------------------------------- worker processes

_WORKER: tuple[LoadedPlugin, argparse.Namespace] | None = None
_WORKER_JOB: Job | None = None


def _setup(job: Job) -> tuple[LoadedPlugin, argparse.Namespace]:
    """The command as the command line set it up: plugin loaded, options parsed, prepared."""
    from govspeech.cli.commands import command_parser, commands, complete_options
    from govspeech.plugin.discovery import load

    spec = commands().specs[job.command]
    loaded = load(spec)
    parser = command_parser(loaded)
    options = parser.parse_args(list(job.argv))
    complete_options(options, parser.prog, interactive=False)
    options.files = list(job.files)
    options.per_file = job.per_file
    Guard(spec)("in prepare", loaded.plugin.prepare, options)
    return loaded, options


def _init_worker(job: Job, parent: int) -> None:
    global _WORKER, _WORKER_JOB
    # The main process decides when the run stops: a Ctrl-C in the terminal reaches the whole
    # process group, and only the main process should answer it (workers are killed by it).
    # Other signals end a worker at once, with no handler inherited from the command line.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for signum in STOP_SIGNALS:
        signal.signal(signum, signal.SIG_DFL)
    _watch_parent(parent)
    _WORKER, _WORKER_JOB = _setup(job), job


def _watch_parent(parent: int) -> None:
    """End this worker when the main process is gone (killed with SIGKILL, say), so workers
    never outlive it — holding its stderr open and blocking on a pipe no one reads."""

    if sys.platform.startswith("linux"):
        # The kernel kills this worker the moment the process that started it ends.
        try:
            import ctypes

            done = ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        except Exception:
            done = -1
        if os.getppid() != parent:  # it ended before prctl took effect
            os._exit(EXIT_ORPHANED)
        if done == 0:
            return

    # Elsewhere (or if prctl failed) a thread looks for the main process twice a second.
    def watch() -> None:
        while True:
            time.sleep(PARENT_POLL)
            if os.getppid() != parent:
                os._exit(EXIT_ORPHANED)

    threading.Thread(target=watch, name="govspeech-parent-watch", daemon=True).start()


def _run_chunk(paths: Sequence[str], whole: bool) -> list[FileResult]:
    assert _WORKER is not None, "worker not initialised"
    loaded, options = _WORKER
    return [process(loaded, options, p, whole=whole, encode=True) for p in paths]


def run_file(job: Job, path: str) -> FileResult:
    """`process` for a command described by ``job``, set up once per process (picklable)."""
    global _WORKER, _WORKER_JOB
    if _WORKER is None or _WORKER_JOB != job:
        _WORKER, _WORKER_JOB = _setup(job), job
    loaded, options = _WORKER
    return process(loaded, options, path, whole=job.per_file)


def export_file(path: str, format: str = "jsonl", options: Sequence[str] = ()) -> str:
    """``govspeech export --format FORMAT [options] PATH`` as a function: the output text.

    A plain module-level function, so it pickles and runs unchanged on process pools and on
    Dask (``bag.map(export_file, format="jsonl")``). Raises `GovspeechError` with the same
    one-line message the command line prints when the file cannot be exported.
    """
    # The command is set up once per process and options, for a stand-in input; the file is
    # then read and exported on its own.
    job = Job("export", ("--format", format, *options, "-"), ("-",), per_file=True)
    result = run_file(job, path)
    if result.error is not None:
        raise PluginError(result.error) if result.error_code == 1 else GovspeechError(result.error)
    if isinstance(result.output, bytes):
        raise GovspeechError(_(EXPORT_BINARY).format(format=format))
    return result.output


def _executor(jobs: int, job: Job) -> ProcessPoolExecutor:
    """The worker pool; imported here, so a run over one process never pays for it."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # Linux: fork — the workers start with govspeech already imported, and need no __main__
    # to re-import (a program fed to python on standard input has none). The parent has no
    # other threads then (the progress bar runs without its monitor thread). Elsewhere fork
    # is unsafe or missing: spawn.
    method = "fork" if sys.platform.startswith("linux") else "spawn"
    return ProcessPoolExecutor(
        jobs,
        mp_context=multiprocessing.get_context(method),
        initializer=_init_worker,
        initargs=(job, os.getpid()),
    )


def _kill_workers(pool: ProcessPoolExecutor) -> None:
    """Stop every worker now: a stopped run does not wait for the files in flight."""
    processes = dict(getattr(pool, "_processes", None) or {})
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes.values():
        with contextlib.suppress(Exception):
            process.kill()
    for process in processes.values():
        with contextlib.suppress(Exception):
            process.join(timeout=1)


def _dead_worker(paths: Sequence[str]) -> WorkerDiedError:
    shown = ", ".join(paths[:3])
    if len(paths) > 3:
        shown = _(SOME_FILES).format(files=shown, more=len(paths) - 3)
    return WorkerDiedError(_(WORKER_DIED).format(files=shown))


def results(
    local: tuple[LoadedPlugin, argparse.Namespace],
    job: Job,
    jobs: int = 1,
) -> Iterator[FileResult]:
    """The results of ``job.files`` in input order, here (``jobs`` 1) or in worker processes.

    With workers, at most ``jobs × IN_FLIGHT`` chunks of `CHUNK` files are in flight, so a
    slow consumer or a corpus larger than memory never piles results up.
    """
    files = list(job.files)
    if jobs <= 1 or len(files) <= 1:
        loaded, options = local
        for path in files:
            yield process(loaded, options, path, whole=job.per_file)
        return
    chunk = max(1, min(CHUNK, len(files) // (jobs * 2) or 1))
    chunks = (files[i : i + chunk] for i in range(0, len(files), chunk))
    from concurrent.futures.process import BrokenProcessPool

    pool = _executor(min(jobs, -(-len(files) // chunk)), job)
    pending: collections.deque[tuple[Future[list[FileResult]], list[str]]] = collections.deque()
    try:
        for part in chunks:
            pending.append((pool.submit(_run_chunk, part, job.per_file), part))
            if len(pending) >= jobs * IN_FLIGHT:
                break
        while pending:
            future, part = pending[0]
            try:
                done = future.result()
            except BrokenProcessPool:
                # The chunks that finished before the pool broke still count; the files of the
                # others were not processed, and the one that killed the worker is among them.
                lost: list[str] = []
                for other, paths in pending:
                    if lost or other.exception() is not None:
                        lost.extend(paths)
                    else:
                        yield from other.result()
                raise _dead_worker(lost or part) from None
            pending.popleft()
            nxt = next(chunks, None)
            if nxt is not None:
                pending.append((pool.submit(_run_chunk, nxt, job.per_file), nxt))
            yield from done
    except BaseException:
        _kill_workers(pool)
        raise
    pool.shutdown(wait=True)
