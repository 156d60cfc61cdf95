"""Parse throughput and peak memory beside two baselines, in one run; and a tree check.

    python benchmarks/parse.py [--repeat 5] [--sizes 1,10,100,1000] [--against REV]
    python benchmarks/parse.py --check [--documents 10000]

The input (default: the corpus file in tests/data, 13 speeches) is repeated ×1 … ×1000 (about
160 MB) and written to temporary files; the longest regulation of the shared corpus (刑法, 编,
章, 节 and 452 articles) is timed as is. For each, interleaved and repeated:

* govspeech: ``parse_file`` — read, decode, lex, resolve levels, LALR, attrs tree;
* chunker:   what a RAG pipeline would use instead: read, decode, split lines, a regex of the
             usual heading forms (第一章 第一条 一、 （一） 1． （1）) at a fixed level each, and
             chunks of at most 800 characters with their heading path;
* floor:     read, decode, split lines, one combined regex per line and a stack building a
             fixed-level section tree — the least any line-based parser must do;
* with ``--against REV`` (a git revision of this checkout, e.g. the commit before a change):
             that revision's ``parse_file`` and this checkout's, each in a child process on the
             same file, alternately: the speed-up of a change, measured in the same run.

It prints medians in MB/s (of UTF-8 input) and µs per line, govspeech's time as a multiple of
each baseline's, and the peak memory of one parse (tracemalloc, in a separate pass so it does
not slow the timings) as a multiple of the input's size. Time per line should stay flat from
×1 to ×1000: the parse is linear.

``--check`` parses every file of the shared corpus (text and PDF) and ``--documents`` random
documents (tests/randomdocs.py) with govspeech and with the reference parser — the same
pipeline run by Lark itself (govspeech.syntax.reference) — and compares the trees with ==.
"""

from __future__ import annotations

import argparse
import gc
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_INPUT = ROOT / "tests" / "data" / "corpus_speeches.txt"
SHARED = ROOT.parent / "shared" / "corpus"
LAW = SHARED / "gongwen" / "fa_xingfa_duben.txt"

# The floor: a naive fixed-level classifier (a marker family is always the same level).
_FLOOR = re.compile(
    r"[ \t\u3000]*(?:(?P<l1>[一二三四五六七八九十]+、)|(?P<l2>[（(][一二三四五六七八九十]+[)）])"
    r"|(?P<l3>\d+[.．、](?!\d))|(?P<l4>[（(]\d+[)）])|(?P<l5>[一二三四五六七八九十]+是))"
)


def floor_parse(path: Path) -> list[list[object]]:
    text = path.read_bytes().decode("utf-8-sig")
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


# The chunker: the heading forms a RAG pipeline for Chinese policy text splits on, each at a
# fixed level (chapters above articles above 一、 above （一） above 1． above （1）).
_CHUNK_HEADING = re.compile(
    r"[ \t\u3000]*(?:(?P<h1>第[一二三四五六七八九十百零〇]+[编章])"
    r"|(?P<h2>第[一二三四五六七八九十百零〇]+节)|(?P<h3>第[一二三四五六七八九十百零〇]+条)"
    r"|(?P<h4>[一二三四五六七八九十]+[、．.])"
    r"|(?P<h5>[（(][一二三四五六七八九十]+[)）])|(?P<h6>\d+[.．、](?!\d))|(?P<h7>[（(]\d+[)）]))"
)
CHUNK_CHARS = 800


def chunker_parse(path: Path) -> list[tuple[tuple[str, ...], str]]:
    """Chunks of at most CHUNK_CHARS characters, each with the headings above it."""
    text = path.read_bytes().decode("utf-8-sig")
    chunks: list[tuple[tuple[str, ...], str]] = []
    path_stack: list[tuple[int, str]] = []
    buffer: list[str] = []
    size = 0
    match = _CHUNK_HEADING.match

    def flush() -> None:
        nonlocal size
        if buffer:
            chunks.append((tuple(title for _, title in path_stack), "\n".join(buffer)))
            buffer.clear()
            size = 0

    for line in text.splitlines():
        m = match(line)
        if m is not None:
            flush()
            level = int(m.lastgroup[1:])  # type: ignore[index]
            while path_stack and path_stack[-1][0] >= level:
                path_stack.pop()
            path_stack.append((level, line.strip()[:40]))
        if size + len(line) > CHUNK_CHARS:
            flush()
        buffer.append(line)
        size += len(line) + 1
    flush()
    return chunks


def govspeech_parse(path: Path) -> object:
    import govspeech

    return govspeech.parse_file(path)


def _time(fn: Callable[[Path], object], path: Path) -> float:
    gc.collect()
    t0 = time.perf_counter()
    result = fn(path)
    elapsed = time.perf_counter() - t0
    del result
    return elapsed


def _peak(fn: Callable[[Path], object], path: Path) -> float:
    """Peak bytes allocated while ``fn`` runs."""
    gc.collect()
    tracemalloc.start()
    result = fn(path)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del result
    return float(peak)


_CHILD = """
import gc, sys, time
sys.path.insert(0, sys.argv[1])
import govspeech
govspeech.parse("一、预热\\n")
path, repeat = sys.argv[2], int(sys.argv[3])
best = []
for _ in range(repeat):
    gc.collect()
    t0 = time.perf_counter()
    govspeech.parse_file(path)
    best.append(time.perf_counter() - t0)
print(sorted(best)[len(best) // 2])
"""


class Against:
    """Another revision's ``parse_file``, timed in a child process (``--against REV``)."""

    def __init__(self, rev: str, folder: Path) -> None:
        self.rev = rev
        self.tree = folder / "against"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(self.tree), rev],
            check=True,
        )

    def speedup(self, path: Path, repeat: int) -> tuple[float, float]:
        """The revision's median time of ``path`` and its multiple of this checkout's, both
        timed the same way: a child process each, alternately, the faster of two tries."""
        ours, theirs = [], []
        for _ in range(2):
            for src, out in ((ROOT / "src", ours), (self.tree / "src", theirs)):
                done = subprocess.run(
                    [sys.executable, "-c", _CHILD, str(src), str(path), str(repeat)],
                    check=True, capture_output=True, text=True,
                )  # fmt: skip
                out.append(float(done.stdout.split()[-1]))
        return min(theirs), min(theirs) / min(ours)

    def close(self) -> None:
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(self.tree)],
            check=False,
        )


def check(documents: int) -> int:
    """Compare govspeech's trees with the reference parser's (see the module docstring)."""
    sys.path.insert(0, str(ROOT))
    from tests.randomdocs import random_documents

    import govspeech
    from govspeech.syntax.reference import lark_parse

    files = [DEFAULT_INPUT, ROOT / "examples" / "speech.txt"]
    for pattern in ("*.txt", "reports/*.txt", "gongwen/*.txt", "gongwen/*.pdf"):
        files += sorted(SHARED.glob(pattern))
    same = differ = 0
    t0 = time.perf_counter()
    for path in files:
        try:
            tree = govspeech.parse_file(path)
        except govspeech.GovspeechError as exc:  # a PDF without its optional reader, say
            print(f"skipped {path.name}: {exc}")
            continue
        if lark_parse(tree.text) == govspeech.parse(tree.text):
            same += 1
        else:
            differ += 1
            print(f"DIFFERENT: {path}")
    print(f"corpus files: {same} identical, {differ} different")
    bad = 0
    for i, text in enumerate(random_documents(documents)):
        if govspeech.parse(text) != lark_parse(text):
            bad += 1
            if bad <= 5:
                print(f"DIFFERENT: random document {i}")
    print(f"random documents: {documents - bad} identical, {bad} different")
    print(f"({time.perf_counter() - t0:.1f} s)")
    return 1 if differ or bad else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    ap.add_argument("--repeat", type=int, default=5, help="timed runs per size (median)")
    ap.add_argument("--sizes", default="1,10,100,1000", help="repetitions of the input")
    ap.add_argument("--law", type=Path, default=LAW, help="a long regulation, timed as is")
    ap.add_argument("--against", metavar="REV", help="also time this git revision")
    ap.add_argument("--check", action="store_true", help="compare trees with the reference")
    ap.add_argument("--documents", type=int, default=10_000, help="random documents to check")
    args = ap.parse_args(argv)
    if args.check:
        return check(args.documents)

    import govspeech

    govspeech.parse("一、预热\n")  # compile (or load the cached) patterns outside the timings
    base = args.input.read_text("utf-8")
    if not base.endswith("\n"):
        base += "\n"
    print(
        f"input: {args.input.name} ({len(base.encode()) / 1e3:.0f} kB, "
        f"{base.count(chr(10))} lines); python {sys.version.split()[0]}; median of "
        f"{args.repeat} (of 1 above 100 MB)"
    )
    against_col = f" | {'REV µs/line':>11} {'speed-up':>8}" if args.against else ""
    header = (
        f"{'size':>6} {'MB':>6} {'lines':>8} | {'govspeech MB/s':>14} {'µs/line':>8} "
        f"{'peak×in':>7} | {'chunker µs/line':>15} {'ours×':>6} | {'floor µs/line':>13} "
        f"{'ours×':>6}{against_col}"
    )
    print(header)
    print("-" * len(header))

    def row(label: str, path: Path, lines: int, against: Against | None) -> None:
        mb = path.stat().st_size / 1e6
        repeat = 1 if mb > 100 else args.repeat
        ours, chunker, floor = [], [], []
        for _ in range(repeat):  # interleaved: all see the same machine noise
            ours.append(_time(govspeech_parse, path))
            chunker.append(_time(chunker_parse, path))
            floor.append(_time(floor_parse, path))
        t_ours, t_chunk, t_floor = (statistics.median(x) for x in (ours, chunker, floor))
        peak = _peak(govspeech_parse, path) / path.stat().st_size
        cells = (
            f"{label:>6} {mb:6.1f} {lines:8d} | {mb / t_ours:14.1f} {t_ours / lines * 1e6:8.2f} "
            f"{peak:7.2f} | {t_chunk / lines * 1e6:15.2f} {t_ours / t_chunk:6.2f} | "
            f"{t_floor / lines * 1e6:13.2f} {t_ours / t_floor:6.2f}"
        )
        if against is not None:
            t_rev, speedup = against.speedup(path, repeat)
            cells += f" | {t_rev / lines * 1e6:11.2f} {speedup:8.2f}"
        print(cells, flush=True)

    with tempfile.TemporaryDirectory() as tmp:
        against = Against(args.against, Path(tmp)) if args.against else None
        try:
            for k in (int(x) for x in args.sizes.split(",")):
                path = Path(tmp) / f"x{k}.txt"
                path.write_text(base * k, encoding="utf-8")
                row("x" + str(k), path, base.count("\n") * k, against)
                os.unlink(path)
            if args.law.exists():
                text = args.law.read_bytes().decode("utf-8-sig")
                row("law", args.law, text.count("\n") + 1, against)
                print(f"law: {args.law.name} ({len(text)} characters)")
        finally:
            if against is not None:
                against.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
