"""Hostile input at full size: time and peak memory beside plain text of the same size.

    python benchmarks/hostile.py [--scale 1.0] [--only NAME]

Each case is generated, parsed in a fresh interpreter (so peak memory is that parse's own,
read from ``ru_maxrss``), and printed beside the same-size baseline — ordinary body text
without markers, parsed the same way — as a ratio. Linear behaviour shows as a ratio that stays
put when ``--scale`` grows; quadratic behaviour shows as a ratio that grows with it. The Word
export case is measured against the JSON export of the same file. The test suite runs the same
cases at a small size (tests/test_hostile.py); this script runs them at the sizes where the
quadratic versions took minutes (10⁶ marker lines, 10⁵ repeats, a 200 KB line, 3·10⁴ Word
paragraphs).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# name -> (what one unit is, how many units, the text of one unit or a function of the count)
CASES: dict[str, tuple[int, str]] = {
    "10⁶ marker lines (1. 2. … 一、 （一） …)": (1_000_000, "mixed"),
    "10⁵ headings repeating one number": (100_000, "一、甲\n"),
    "10⁵ lines of 1.x": (100_000, "1.x\n"),
    "200 KB line of 小编": (100_000, "小编"),
    "400 KB numeral run 一一一…、": (400_000, "一"),
    "10⁵ nested restarts 一、二、…三、": (100_000, "nested"),
}

_CHILD = r"""
import json, resource, sys, time
sys.setrecursionlimit(10000)
import govspeech
text = open(sys.argv[1], encoding="utf-8").read()
start = time.perf_counter()
tree = govspeech.parse(text)
seconds = time.perf_counter() - start
assert tree.text == text
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "peak_mb": peak}))
"""


def make(kind: str, count: int, unit: str) -> str:
    if unit == "mixed":
        markers = ["{n}.甲\n", "（{n}）乙\n", "一、丙\n", "（一）丁\n", "{n}、戊\n"]
        return "".join(markers[i % 5].format(n=i % 97 + 1) for i in range(count))
    if unit == "nested":
        third = count // 3
        return "一、甲\n二、乙\n" * third + "三、丙\n" * third
    if unit in ("小编", "一"):
        return unit * count + ("、\n" if unit == "一" else "\n")
    return unit * count


def plain(size: int) -> str:
    line = "这是一段正文，没有任何序号，只是普通的叙述。\n"
    return line * (size // len(line) + 1)


def measure(text: str, folder: Path) -> dict[str, float]:
    path = folder / "input.txt"
    path.write_text(text, encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path)], capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout)  # type: ignore[no-any-return]


def export_seconds(source: Path, target: Path) -> float:
    import time

    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "govspeech", "export", str(source), "-o", str(target)], check=True
    )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every size")
    parser.add_argument("--only", help="run the cases whose name contains this")
    args = parser.parse_args()
    print(f"{'case':44} {'chars':>9} {'govspeech':>10} {'plain':>8} {'ratio':>6} {'peak MB':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name, (count, unit) in CASES.items():
            if args.only and args.only not in name:
                continue
            text = make(name, int(count * args.scale), unit)
            hostile = measure(text, folder)
            base = measure(plain(len(text)), folder)
            ratio = hostile["seconds"] / base["seconds"]
            print(
                f"{name:44} {len(text):>9,} {hostile['seconds']:>9.2f}s {base['seconds']:>7.2f}s "
                f"{ratio:>5.1f}× {hostile['peak_mb']:>8.0f}"
            )
        if not args.only or "Word" in args.only:
            n = int(30_000 * args.scale)
            source = folder / "paragraphs.txt"
            source.write_text(
                "在全县工作会议上的讲话\n" + "".join(f"这是正文第{i}段。\n" for i in range(n)),
                encoding="utf-8",
            )
            docx = export_seconds(source, folder / "out.docx")
            json_s = export_seconds(source, folder / "out.json")
            print(
                f"{f'Word export, {n:,} paragraphs (vs JSON)':44} {source.stat().st_size:>9,} "
                f"{docx:>9.2f}s {json_s:>7.2f}s {docx / json_s:>5.1f}×"
            )


if __name__ == "__main__":
    main()
