"""Parse throughput and peak memory, side by side with a bare regex floor, in one run.

    python benchmarks/parse.py [--repeat 5] [--input FILE]

The input (default: the corpus file in tests/data) is repeated x1, x10 and x100 (about 16 MB)
and written to temporary files. For each size it times, interleaved and repeated:

* govspeech: ``parse_file`` — read, decode, lex, resolve levels, LALR parse, attrs tree;
* floor:     read, decode, split lines, one combined regex per line and a stack building a
             fixed-level section tree — the least any line-based parser must do.

It prints medians in MB/s (of UTF-8 input) and µs per line, the ratio between them, and the
peak memory of one parse (tracemalloc, in a separate pass so it does not slow the timings).
Finally it times a cold command-line style start: a fresh interpreter importing govspeech and
parsing the bundled example once.
"""

from __future__ import annotations

import argparse
import gc
import re
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_INPUT = ROOT / "tests" / "data" / "corpus_speeches.txt"
LAW = ROOT.parent / "shared" / "corpus" / "gongwen" / "fa_xingfa_duben.txt"

# The floor: a naive fixed-level classifier (a marker family is always the same level).
_FLOOR = re.compile(
    r"[ \t\u3000]*(?:(?P<l1>[一二三四五六七八九十]+、)|(?P<l2>[（(][一二三四五六七八九十]+[)）])"
    r"|(?P<l3>\d+[.．、](?!\d))|(?P<l4>[（(]\d+[)）])|(?P<l5>[一二三四五六七八九十]+是))"
)


def floor_parse(path: Path) -> list[list[object]]:
    text = path.read_bytes().decode("utf-8")
    root: list[object] = []
    stack: list[tuple[int, list[object]]] = [(0, root)]
    match = _FLOOR.match
    for lineno, line in enumerate(text.splitlines(), 1):
        m = match(line)
        if m is None:
            stack[-1][1].append(lineno)
            continue
        level = int(m.lastgroup[1])  # type: ignore[index]
        while stack[-1][0] >= level:
            stack.pop()
        node: list[object] = [lineno]
        stack[-1][1].append(node)
        stack.append((level, node))
    return [root]


def govspeech_parse(path: Path) -> object:
    import govspeech

    return govspeech.parse_file(path)


def _time(fn, path: Path) -> float:  # type: ignore[no-untyped-def]
    gc.collect()
    t0 = time.perf_counter()
    result = fn(path)
    elapsed = time.perf_counter() - t0
    del result
    return elapsed


def _peak_mb(fn, path: Path) -> float:  # type: ignore[no-untyped-def]
    gc.collect()
    tracemalloc.start()
    result = fn(path)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del result
    return peak / 1e6


def cold_start(example: Path) -> tuple[float, float]:
    """Wall time of a fresh interpreter importing govspeech and parsing ``example`` once."""
    code = (
        "import time; t0 = time.perf_counter(); import govspeech; t1 = time.perf_counter(); "
        f"govspeech.parse_file({str(example)!r}); t2 = time.perf_counter(); "
        "print(t1 - t0, t2 - t1)"
    )
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)  # warm cache
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    _, first_parse = (float(x) for x in out.stdout.split())
    return wall, first_parse


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    ap.add_argument("--repeat", type=int, default=5, help="timed runs per size (median)")
    ap.add_argument("--sizes", default="1,10,100", help="repetitions of the input")
    ap.add_argument("--law", type=Path, default=LAW, help="a long regulation, timed once as is")
    args = ap.parse_args(argv)

    import govspeech

    govspeech.parse("一、预热\n")  # build (or load the cached) parser outside the timings
    base = args.input.read_text("utf-8")
    if not base.endswith("\n"):
        base += "\n"
    print(
        f"input: {args.input.name} ({len(base.encode()) / 1e3:.0f} kB, "
        f"{base.count(chr(10))} lines); python {sys.version.split()[0]}"
    )
    header = (
        f"{'size':>6} {'MB':>6} {'lines':>7} | {'govspeech MB/s':>14} {'µs/line':>8} "
        f"{'peak MB':>8} | {'floor MB/s':>10} {'µs/line':>8} {'peak MB':>8} | {'ratio':>5}"
    )
    print(header)
    print("-" * len(header))
    def row(label: str, path: Path, lines: int) -> None:
        mb = path.stat().st_size / 1e6
        ours, floor = [], []
        for _ in range(args.repeat):  # interleaved: both see the same machine noise
            ours.append(_time(govspeech_parse, path))
            floor.append(_time(floor_parse, path))
        t_ours, t_floor = statistics.median(ours), statistics.median(floor)
        peak_ours, peak_floor = _peak_mb(govspeech_parse, path), _peak_mb(floor_parse, path)
        print(
            f"{label:>6} {mb:6.1f} {lines:7d} | {mb / t_ours:14.1f} "
            f"{t_ours / lines * 1e6:8.2f} {peak_ours:8.1f} | {mb / t_floor:10.1f} "
            f"{t_floor / lines * 1e6:8.2f} {peak_floor:8.1f} | {t_ours / t_floor:5.1f}"
        )

    with tempfile.TemporaryDirectory() as tmp:
        for k in (int(x) for x in args.sizes.split(",")):
            path = Path(tmp) / f"x{k}.txt"
            path.write_text(base * k, encoding="utf-8")
            row("x" + str(k), path, base.count("\n") * k)
    # The longest regulation of the shared corpus (编, 章, 节, 500 articles), when it is there.
    if args.law.exists():
        text = args.law.read_bytes().decode("utf-8-sig")
        print(f"law: {args.law.name} ({len(text)} characters)")
        row("law", args.law, text.count("\n") + 1)
    wall, first = cold_start(ROOT / "examples" / "speech.txt")
    print(
        f"cold start (new interpreter: import govspeech + parse the example): "
        f"{wall * 1e3:.0f} ms wall, first parse {first * 1e3:.1f} ms"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
