"""Command-line start-up: wall time and peak memory of whole ``govspeech`` runs, beside baselines.

    python benchmarks/cli.py [--repeat 15] [--input FILE]

Each case is a fresh process, run interleaved with the others ``--repeat`` times; the table
shows the median and the fastest wall time and the largest peak RSS. The baselines are an
empty interpreter and ``import lark`` (which any run must pay), so the figures can be compared
across machines: what govspeech adds is the difference. Target: ``outline`` on one speech in
150 ms or less, which requires that it imports neither jieba nor plugins it does not run.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_INPUT = ROOT / "examples" / "speech.txt"


def _cases(path: Path) -> list[tuple[str, list[str]]]:
    py = sys.executable
    return [
        ("python -c pass (baseline)", [py, "-c", "pass"]),
        ("import lark (baseline)", [py, "-c", "import lark"]),
        ("govspeech --version", [py, "-m", "govspeech", "--version"]),
        ("govspeech outline FILE", [py, "-m", "govspeech", "outline", str(path)]),
        (
            "govspeech outline --format json FILE",
            [py, "-m", "govspeech", "outline", "--format", "json", str(path)],
        ),
        ("govspeech export FILE", [py, "-m", "govspeech", "export", str(path)]),
        ("govspeech --help (loads all plugins)", [py, "-m", "govspeech", "--help"]),
    ]


def _run(cmd: list[str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (KB) of one fresh process."""
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:  # child: silence output, exec the command
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        os.execv(cmd[0], cmd)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}")
    return wall, int(usage.ru_maxrss)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    args = parser.parse_args()
    cases = _cases(args.input)
    # Warm the disk cache and Lark's grammar cache once.
    subprocess.run(cases[3][1], check=True, capture_output=True)
    times: dict[str, list[float]] = {name: [] for name, _ in cases}
    peaks: dict[str, int] = {name: 0 for name, _ in cases}
    for _ in range(args.repeat):
        for name, cmd in cases:
            wall, rss = _run(cmd)
            times[name].append(wall)
            peaks[name] = max(peaks[name], rss)
    size = args.input.stat().st_size
    print(f"input: {args.input.name} ({size / 1e3:.1f} kB), {args.repeat} runs each, interleaved")
    print(f"{'case':40} {'median':>9} {'fastest':>9} {'peak RSS':>9} {'MB/s':>7}")
    for name, _ in cases:
        med = statistics.median(times[name])
        rate = f"{size / 1e6 / med:7.2f}" if "FILE" in name else " " * 7
        print(
            f"{name:40} {med * 1e3:7.1f}ms {min(times[name]) * 1e3:7.1f}ms "
            f"{peaks[name] / 1024:7.1f}MB {rate}"
        )


if __name__ == "__main__":
    main()
