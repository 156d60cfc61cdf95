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
import io
import sys
import traceback
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from attrs import frozen

from .discovery import PluginSpec
from .errors import GovspeechError, PluginError
from .nodes import ParsedFile
from .plugin import PluginProtocol

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

__all__ = ["FileResult", "Job", "export_file", "process", "results", "run_file"]

#: Files per task sent to a worker, and tasks in flight per worker: big enough to keep the
#: workers busy, small enough that memory does not grow with the corpus.
CHUNK = 8
IN_FLIGHT = 4


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
    spec: PluginSpec,
    plugin: PluginProtocol,
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
    from .inputs import read_input
    from .runner import Guard

    guard = Guard(spec)
    binary = bool(plugin.binary)
    out: io.BytesIO | io.StringIO = io.BytesIO() if binary else io.StringIO()
    try:
        tree = read_input(path, options.encoding, getattr(options, "source_format", None))
        documents, sections = _counts(tree)
        if whole:
            one = argparse.Namespace(**vars(options))
            one.files = [path]
            guard("in prepare", plugin.prepare, one)
            guard("at the start", plugin.start, one, out)
            status = guard(f"on {path}", plugin.run, tree, one, out) or 0
            status |= guard("at the end", plugin.finish, one, out) or 0
        else:
            status = guard(f"on {path}", plugin.run, tree, options, out) or 0
    except GovspeechError as exc:
        if getattr(options, "debug", False):
            traceback.print_exc()
        empty: str | bytes = b"" if binary else ""
        return FileResult(path, empty, 0, str(exc), exc.exit_code)
    output = out.getvalue()
    if encode and isinstance(output, str):
        output = output.encode("utf-8")
    return FileResult(path, output, int(status), None, 0, documents, sections)


# ---------------------------------------------------------------- worker processes

_WORKER: tuple[PluginSpec, PluginProtocol, argparse.Namespace] | None = None
_WORKER_JOB: Job | None = None


def _setup(job: Job) -> tuple[PluginSpec, PluginProtocol, argparse.Namespace]:
    """The command as the command line set it up: plugin loaded, options parsed, prepared."""
    from .cli import command_parser, commands
    from .discovery import load
    from .runner import Guard

    spec = commands().specs[job.command]
    plugin = load(spec)
    options = command_parser(spec, plugin).parse_args(list(job.argv))
    options.files = list(job.files)
    options.per_file = job.per_file
    Guard(spec)("in prepare", plugin.prepare, options)
    return spec, plugin, options


def _init_worker(job: Job) -> None:
    global _WORKER, _WORKER_JOB
    _WORKER, _WORKER_JOB = _setup(job), job


def _run_chunk(paths: Sequence[str], whole: bool) -> list[FileResult]:
    assert _WORKER is not None, "worker not initialised"
    spec, plugin, options = _WORKER
    return [process(spec, plugin, options, p, whole=whole, encode=True) for p in paths]


def run_file(job: Job, path: str) -> FileResult:
    """`process` for a command described by ``job``, set up once per process (picklable)."""
    global _WORKER, _WORKER_JOB
    if _WORKER is None or _WORKER_JOB != job:
        _WORKER, _WORKER_JOB = _setup(job), job
    spec, plugin, options = _WORKER
    return process(spec, plugin, options, path, whole=job.per_file)


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
        raise GovspeechError(f"export --format {format} is binary; use the command line")
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
        initargs=(job,),
    )


def results(
    local: tuple[PluginSpec, PluginProtocol, argparse.Namespace],
    job: Job,
    jobs: int = 1,
) -> Iterator[FileResult]:
    """The results of ``job.files`` in input order, here (``jobs`` 1) or in worker processes.

    With workers, at most ``jobs × IN_FLIGHT`` chunks of `CHUNK` files are in flight, so a
    slow consumer or a corpus larger than memory never piles results up.
    """
    files = list(job.files)
    if jobs <= 1 or len(files) <= 1:
        spec, plugin, options = local
        for path in files:
            yield process(spec, plugin, options, path, whole=job.per_file)
        return
    chunk = max(1, min(CHUNK, len(files) // (jobs * 2) or 1))
    chunks = (files[i : i + chunk] for i in range(0, len(files), chunk))
    from concurrent.futures.process import BrokenProcessPool

    pool = _executor(jobs, job)
    pending: collections.deque[Future[list[FileResult]]] = collections.deque()
    try:
        for part in chunks:
            pending.append(pool.submit(_run_chunk, part, job.per_file))
            if len(pending) >= jobs * IN_FLIGHT:
                break
        while pending:
            done = pending.popleft().result()
            nxt = next(chunks, None)
            if nxt is not None:
                pending.append(pool.submit(_run_chunk, nxt, job.per_file))
            yield from done
    except BrokenProcessPool as exc:
        raise PluginError(f"a worker process died ({exc}); not every file was processed") from None
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
