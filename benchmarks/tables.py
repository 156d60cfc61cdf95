"""Corpus tables: `to_dataframe` and ``export --format parquet`` beside plain JSON Lines.

    python benchmarks/tables.py [--repeat 5] [--reports ../shared/corpus/reports]

On the 42 government work reports, in one process: the files are parsed once per round (that
time is shown on its own), then each case turns the parsed trees into its output, interleaved
with the others, ``--repeat`` rounds. The baseline is what ``export --format jsonl`` does per
file — ``tree.to_dict()`` and ``json.dumps`` a document a line; beside it `to_dataframe` for
each unit and the Parquet exporter (its start/run/finish into memory, as the command line calls
it). The table shows the median and fastest time, rows and MB of input per second, the output
size, and each case's time as a multiple of the JSONL baseline's.
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import govspeech
from govspeech.tables import to_dataframe

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT.parent / "shared" / "corpus" / "reports"


def jsonl(trees: list[govspeech.ParsedFile]) -> tuple[int, int]:
    """What ``export --format jsonl`` writes: a line per document (rows, bytes)."""
    out = io.StringIO()
    lines = 0
    for tree in trees:
        data: dict[str, Any] = tree.to_dict()
        for k, doc in enumerate(data["documents"]):
            line = dict(data, preamble=data["preamble"] if k == 0 else [], documents=[doc])
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
            lines += 1
    return lines, len(out.getvalue().encode("utf-8"))


def frame(unit: str) -> Callable[[list[govspeech.ParsedFile]], tuple[int, int]]:
    def run(trees: list[govspeech.ParsedFile]) -> tuple[int, int]:
        table = to_dataframe(trees, unit)
        return len(table), int(table.memory_usage(deep=True).sum())

    return run


def parquet(unit: str) -> Callable[[list[govspeech.ParsedFile]], tuple[int, int]]:
    from govspeech_plugins.export.parquet import ParquetExporter

    def run(trees: list[govspeech.ParsedFile]) -> tuple[int, int]:
        exporter = ParquetExporter()
        options = argparse.Namespace(parquet_unit=unit, parquet_compression="snappy")
        exporter.prepare(options)
        out = io.BytesIO()
        exporter.start(options, out)
        for tree in trees:
            exporter.run(tree, options, out)
        exporter.finish(options, out)
        import pyarrow.parquet as pq

        return pq.ParquetFile(io.BytesIO(out.getvalue())).metadata.num_rows, len(out.getvalue())

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--reports", type=Path, default=REPORTS)
    args = parser.parse_args()
    paths = sorted(args.reports.glob("gwr_*.txt"))
    if not paths:
        sys.exit(f"no gwr_*.txt in {args.reports}")
    size = sum(p.stat().st_size for p in paths)
    cases: dict[str, Callable[[list[govspeech.ParsedFile]], tuple[int, int]]] = {
        "jsonl: to_dict + json.dumps (baseline)": jsonl,
    }
    for unit in ("document", "section", "paragraph", "sentence"):
        cases[f"to_dataframe(unit={unit!r})"] = frame(unit)
    for unit in ("section", "sentence"):
        cases[f"parquet --parquet-unit {unit}"] = parquet(unit)

    parse_times: list[float] = []
    times: dict[str, list[float]] = {name: [] for name in cases}
    sizes: dict[str, tuple[int, int]] = {}
    for _ in range(args.repeat):
        start = time.perf_counter()
        trees = [govspeech.parse_file(p) for p in paths]
        parse_times.append(time.perf_counter() - start)
        for name, case in cases.items():
            start = time.perf_counter()
            sizes[name] = case(trees)
            times[name].append(time.perf_counter() - start)

    parse = statistics.median(parse_times)
    print(
        f"input: {len(paths)} reports, {size / 1e6:.2f} MB; {args.repeat} rounds, interleaved; "
        f"pandas {_version('pandas')}, pyarrow {_version('pyarrow')}, "
        f"Python {sys.version.split()[0]}"
    )
    print(f"parse_file, all reports (not in the times below): {parse * 1e3:.0f} ms median")
    base = statistics.median(times[next(iter(cases))])
    print(
        f"{'case':40} {'median':>9} {'fastest':>9} {'rows':>7} {'rows/s':>9} {'MB/s':>7} "
        f"{'output':>9} {'× jsonl':>8} {'× +parse':>8}"
    )
    for name in cases:
        med = statistics.median(times[name])
        count, out = sizes[name]
        print(
            f"{name:40} {med * 1e3:7.1f}ms {min(times[name]) * 1e3:7.1f}ms {count:7d} "
            f"{count / med:9.0f} {size / 1e6 / med:7.2f} {out / 1e6:7.2f}MB "
            f"{med / base:8.2f} {(parse + med) / (parse + base):8.2f}"
        )
    print(
        "output: bytes written (jsonl, parquet) or the frame's memory_usage(deep=True); "
        "× +parse: the whole run, parsing included, against parse + jsonl"
    )


def _version(name: str) -> str:
    try:
        module = __import__(name)
    except ImportError:
        return "missing"
    return str(getattr(module, "__version__", "?"))


if __name__ == "__main__":
    main()
