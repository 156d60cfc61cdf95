"""Corpus mode: ``export --format jsonl`` over many files with --jobs 1 and --jobs 2.

    python benchmarks/corpus.py [--documents 10000] [--repeat 2]

Builds a folder tree of copies of the corpus file (13 speeches each) and of the bundled
example, about ``--documents`` documents in all, with one unreadable file among them; then runs
the command line on it, interleaved, in fresh processes. Prints wall time, MB/s of input, the
speed-up of --jobs 2 over --jobs 1, the peak memory of the main process and of the largest
worker beside the corpus size, and checks that both runs wrote the same JSON Lines, one per
document.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "corpus_speeches.txt"
EXAMPLE = ROOT / "examples" / "speech.txt"

# Runs the command line in this process and reports its own and its workers' peak RSS.
_RUNNER = """
import resource, sys
from govspeech.cli import main
code = main(sys.argv[1:])
me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(code, me, kids, file=sys.stderr)
"""


def build(folder: Path, documents: int) -> tuple[int, int]:
    """Copies in sub-folders of 100 files; the number of documents and bytes written."""
    data, example = CORPUS.read_bytes(), EXAMPLE.read_bytes()
    count = size = k = 0
    while count < documents:
        sub = folder / f"part{k // 100:03d}"
        sub.mkdir(exist_ok=True)
        if k % 10 == 9:
            (sub / f"speech{k:05d}.txt").write_bytes(example)
            count, size = count + 1, size + len(example)
        else:
            (sub / f"speeches{k:05d}.txt").write_bytes(data)
            count, size = count + 13, size + len(data)
        k += 1
    (folder / "part000" / "broken.txt").write_bytes(b"\x00\x01\x02 not text")
    return count, size


def _descendants_peak(root: int, peaks: dict[int, int]) -> None:
    """Record the peak RSS (VmHWM, kB) of every process below ``root`` (Linux /proc)."""
    parents: dict[int, int] = {}
    hwm: dict[int, int] = {}
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            lines = status.read_text().splitlines()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in lines if ":" in line)
        pid = int(status.parent.name)
        parents[pid] = int(fields.get("PPid", "0").strip())
        hwm[pid] = int(fields.get("VmHWM", "0 kB").split()[0])
    for pid in hwm:
        p = parents.get(pid, 0)
        while p and p != root:
            p = parents.get(p, 0)
        if p == root:
            peaks[pid] = max(peaks.get(pid, 0), hwm[pid])


def run(folder: Path, out: Path, jobs: int) -> tuple[float, float, float, str]:
    """Wall seconds, the main process's and the largest worker's peak RSS (MB), summary."""
    args = ["export", "--format", "jsonl", "--jobs", str(jobs), str(folder), "-o", str(out)]
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", _RUNNER, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    peaks: dict[int, int] = {}
    while proc.poll() is None:
        _descendants_peak(proc.pid, peaks)
        time.sleep(0.05)
    wall = time.perf_counter() - start
    assert proc.stderr is not None
    last = proc.stderr.read().decode().strip().splitlines()
    code, me, _ = last[-1].split()
    if code != "2":  # the broken file makes it 2; anything else is a failure
        raise SystemExit(f"unexpected exit {code}: {last[-3:]}")
    return wall, int(me) / 1024, max(peaks.values(), default=0) / 1024, last[-2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="govspeech-corpus-"))
    try:
        folder = tmp / "corpus"
        folder.mkdir()
        documents, size = build(folder, args.documents)
        print(
            f"corpus: {documents} documents in {len(list(folder.rglob('*.txt')))} files, "
            f"{size / 1e6:.1f} MB (one of them unreadable)"
        )
        walls: dict[int, list[float]] = {1: [], 2: []}
        peaks: dict[int, tuple[float, float]] = {1: (0, 0), 2: (0, 0)}
        summary = ""
        for _ in range(args.repeat):
            for jobs in (1, 2):
                wall, me, kids, summary = run(folder, tmp / f"out{jobs}.jsonl", jobs)
                walls[jobs].append(wall)
                peaks[jobs] = (max(peaks[jobs][0], me), max(peaks[jobs][1], kids))
        print(f"summary line: {summary}")
        one = (tmp / "out1.jsonl").read_bytes()
        two = (tmp / "out2.jsonl").read_bytes()
        lines = one.count(b"\n")
        print(
            f"output: {lines} JSON lines ({len(one) / 1e6:.0f} MB); --jobs 2 output identical: "
            f"{one == two}; one line per document: {lines == documents}"
        )
        print(f"{'run':10} {'median':>8} {'MB/s':>7} {'main RSS':>9} {'worker RSS':>11}")
        for jobs in (1, 2):
            med = statistics.median(walls[jobs])
            me, kids = peaks[jobs]
            worker = f"{kids:8.0f} MB" if jobs > 1 else "        -"
            print(f"--jobs {jobs:<3} {med:7.2f}s {size / 1e6 / med:7.1f} {me:6.0f} MB {worker:>11}")
        speedup = statistics.median(walls[1]) / statistics.median(walls[2])
        print(f"speed-up of --jobs 2: {speedup:.2f}x (2 cores; other load on the machine shows)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
