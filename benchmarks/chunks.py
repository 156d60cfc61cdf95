"""Chunk throughput beside the plain JSON Lines export, in one run.

    python benchmarks/chunks.py [--repeat 5] [--size 800] [--unit section]

Two inputs: the corpus file in tests/data repeated x10 (13 speeches of a web page, about
1.6 MB) and the 42 government work reports of the shared corpus (when it is there). Each is
parsed once, outside the timings; then, interleaved and repeated, it times on the same trees:

* jsonl:        what ``export --format jsonl`` does per file: `govspeech.serialize.to_dict`
                and one ``json.dumps`` per document — the baseline;
* chunks:       `govspeech.chunks.chunks` (``--size``, ``--unit``);
* chunks+json:  what ``export --format chunks`` does: the chunks and one ``json.dumps`` each.

It prints medians in MB/s of the UTF-8 input, the number of chunks, and each time's ratio to
the baseline's.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS_FILE = ROOT / "tests" / "data" / "corpus_speeches.txt"
REPORTS = ROOT.parent / "shared" / "corpus" / "reports"


def jsonl(trees: list[object]) -> int:
    from govspeech.serialize import to_dict

    n = 0
    for tree in trees:
        data = to_dict(tree)  # type: ignore[arg-type]
        for k, doc in enumerate(data["documents"]):
            line = dict(data, preamble=data["preamble"] if k == 0 else [], documents=[doc])
            n += len(json.dumps(line, ensure_ascii=False))
    return n


def make_chunks(size: int, unit: str) -> Callable[[list[object]], int]:
    from govspeech.chunks import chunks

    def run(trees: list[object]) -> int:
        return sum(len(chunks(t, max_size=size, unit=unit)) for t in trees)  # type: ignore[arg-type]

    return run


def make_chunks_json(size: int, unit: str) -> Callable[[list[object]], int]:
    from govspeech.chunks import iter_chunks

    def run(trees: list[object]) -> int:
        n = 0
        for tree in trees:
            for chunk in iter_chunks(tree, max_size=size, unit=unit):  # type: ignore[arg-type]
                n += len(json.dumps(chunk.to_dict(), ensure_ascii=False))
        return n

    return run


def _time(fn: Callable[[list[object]], int], trees: list[object]) -> float:
    gc.collect()
    t0 = time.perf_counter()
    fn(trees)
    return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=5, help="timed runs per input (median)")
    ap.add_argument("--size", type=int, default=800, help="max_size of the chunks (800)")
    ap.add_argument("--unit", default="section", help="unit of the chunks (section)")
    args = ap.parse_args(argv)

    import govspeech
    from govspeech.chunks import chunks

    print(f"python {sys.version.split()[0]}; chunks max_size={args.size} unit={args.unit}")
    inputs: list[tuple[str, list[Path]]] = []
    with tempfile.TemporaryDirectory() as tmp:
        base = CORPUS_FILE.read_text("utf-8")
        path = Path(tmp) / "corpus_x10.txt"
        path.write_text(base * 10, encoding="utf-8")
        inputs.append(("corpus file x10", [path]))
        reports = sorted(REPORTS.glob("gwr_*.txt")) if REPORTS.is_dir() else []
        if reports:
            inputs.append((f"{len(reports)} work reports", reports))
        else:
            print(f"({REPORTS} not present: the work reports are left out)")
        header = (
            f"{'input':>16} {'MB':>5} {'chunks':>7} | {'jsonl MB/s':>10} | "
            f"{'chunks MB/s':>11} {'ratio':>5} | {'chunks+json MB/s':>16} {'ratio':>5}"
        )
        print(header)
        print("-" * len(header))
        runs = {
            "jsonl": jsonl,
            "chunks": make_chunks(args.size, args.unit),
            "chunks+json": make_chunks_json(args.size, args.unit),
        }
        for label, paths in inputs:
            trees: list[object] = [govspeech.parse_file(p) for p in paths]
            mb = sum(p.stat().st_size for p in paths) / 1e6
            count = sum(len(chunks(t, max_size=args.size, unit=args.unit)) for t in trees)  # type: ignore[arg-type]
            times: dict[str, list[float]] = {name: [] for name in runs}
            for _ in range(args.repeat):  # interleaved: all see the same machine noise
                for name, fn in runs.items():
                    times[name].append(_time(fn, trees))
            t = {name: statistics.median(v) for name, v in times.items()}
            print(
                f"{label:>16} {mb:5.2f} {count:7d} | {mb / t['jsonl']:10.1f} | "
                f"{mb / t['chunks']:11.1f} {t['chunks'] / t['jsonl']:5.2f} | "
                f"{mb / t['chunks+json']:16.1f} {t['chunks+json'] / t['jsonl']:5.2f}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
