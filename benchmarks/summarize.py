"""Summarize throughput beside bare jieba on the same text, peak memory and dictionary load.

    python benchmarks/summarize.py [--repeat 5] [--times 20] [--input FILE]

The input (default: the corpus file in tests/data) is repeated ``--times`` times (x20 is about
3 MB). Interleaved in one process, ``--repeat`` rounds of:

* ``jieba.lcut(text)``            — what a user calls: the global tokenizer, HMM on (default);
* ``jieba.lcut(text, HMM=False)`` — the same without new-word guessing (what summarize uses);
* ``govspeech.parse``             — the tree summarize starts from;
* ``summarize(tree)``             — sentences, ranking, keywords and 提法 (default options);
* ``parse + summarize``           — what ``govspeech summarize FILE`` does after start-up.

It prints medians in MB/s (of UTF-8 input) and each pass's speed as a share of bare
``jieba.lcut`` (target for summarize: 60 % or more), then the peak memory of one summarize
(tracemalloc, in a separate pass, and the process's peak RSS). Dictionaries are loaded before
the timings; their one-time cost is measured apart, in fresh interpreters with an empty cache
folder: cold (built from jieba's dict.txt and cached) and from the cache, beside jieba's own
loading for comparison.
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
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

_OURS = """
import json, resource, time
t0 = time.perf_counter()
from govspeech_plugins.summarize.summary import load_resources
r = load_resources()
t = r.timings
try:  # VmHWM: ru_maxrss would include the parent's memory before exec
    with open("/proc/self/status") as f:
        rss = next(int(x.split()[1]) for x in f if x.startswith("VmHWM:")) / 1024
except OSError:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"total": time.perf_counter() - t0, "import": t.import_seconds,
                  "dictionary": t.dictionary_seconds, "from_cache": t.from_cache,
                  "userdict": t.userdict_seconds, "rss": rss}))
"""

_JIEBAS = """
import json, logging, time, sys
t0 = time.perf_counter()
import jieba
t1 = time.perf_counter()
jieba.setLogLevel(logging.WARNING)
jieba.dt.tmp_dir = sys.argv[1]
jieba.initialize()
t2 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "dictionary": t2 - t1}))
"""


def _time(fn: Callable[[], object]) -> float:
    gc.collect()
    t0 = time.perf_counter()
    result = fn()
    elapsed = time.perf_counter() - t0
    del result
    return elapsed


def _fresh(code: str, *args: str, env: dict[str, str] | None = None) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", code, *args], env=env, capture_output=True, text=True, check=True
    )
    if out.stderr:
        print(f"  (stderr: {out.stderr.strip()[:200]})")
    result: dict[str, float] = json.loads(out.stdout)
    return result


def dictionary_load() -> None:
    """Load times in fresh interpreters: ours cold and from cache, jieba's cold and cached."""
    import os

    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, GOVSPEECH_CACHE_DIR=str(Path(tmp) / "ours"))
        cold = _fresh(_OURS, env=env)
        warm = [_fresh(_OURS, env=env) for _ in range(3)]
        jdir = Path(tmp) / "jieba"
        jdir.mkdir()
        jcold = _fresh(_JIEBAS, str(jdir))
        jwarm = [_fresh(_JIEBAS, str(jdir)) for _ in range(3)]

    def ms(rows: list[dict[str, float]], key: str) -> str:
        return f"{statistics.median(r[key] for r in rows) * 1e3:6.0f} ms"

    print("one-time load (fresh interpreter, empty cache folder first; median of 3 when cached):")
    print(
        f"  govspeech cold      : import jieba {ms([cold], 'import')}, dictionary "
        f"{ms([cold], 'dictionary')} (built and cached), user dict {ms([cold], 'userdict')}; "
        f"import + load_resources {ms([cold], 'total')}"
    )
    assert all(r["from_cache"] for r in warm)
    print(
        f"  govspeech from cache: import jieba {ms(warm, 'import')}, dictionary "
        f"{ms(warm, 'dictionary')} (marshal.loads), user dict {ms(warm, 'userdict')}; "
        f"import + load_resources {ms(warm, 'total')}"
    )
    print(f"  peak RSS of a fresh process after load_resources: {warm[0]['rss']:.0f} MB")
    print(
        f"  jieba.initialize()  : cold {ms([jcold], 'dictionary')}, with its own cache "
        f"{ms(jwarm, 'dictionary')} (import jieba {ms(jwarm, 'import')})"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    ap.add_argument("--repeat", type=int, default=5, help="timed rounds (median)")
    ap.add_argument("--times", type=int, default=20, help="repetitions of the input")
    args = ap.parse_args(argv)

    import logging

    import jieba  # type: ignore[import-untyped]

    import govspeech
    from govspeech_plugins.summarize.summary import load_resources, summarize

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()  # the bare baseline's dictionary, loaded outside the timings
    load_resources()  # ours
    base = args.input.read_text("utf-8")
    if not base.endswith("\n"):
        base += "\n"
    text = base * args.times
    mb = len(text.encode()) / 1e6
    tree = govspeech.parse(text)
    docs = sum(1 for _ in tree.iter_documents())
    print(
        f"input: {args.input.name} x{args.times} = {mb:.2f} MB, {text.count(chr(10))} lines, "
        f"{docs} documents; python {sys.version.split()[0]}, jieba {jieba.__version__}"
    )
    passes: dict[str, Callable[[], object]] = {
        "jieba.lcut(text)  [HMM on]": lambda: jieba.lcut(text),
        "jieba.lcut(text, HMM=False)": lambda: jieba.lcut(text, HMM=False),
        "govspeech.parse(text)": lambda: govspeech.parse(text),
        "summarize(tree)": lambda: summarize(tree),
        "parse + summarize": lambda: summarize(govspeech.parse(text)),
    }
    times: dict[str, list[float]] = {name: [] for name in passes}
    for _ in range(args.repeat):  # interleaved: every pass sees the same machine noise
        for name, fn in passes.items():
            times[name].append(_time(fn))
    bare = statistics.median(times["jieba.lcut(text)  [HMM on]"])
    print(f"{'pass':30} {'median':>8} {'MB/s':>7} {'vs jieba.lcut':>14}")
    for name, values in times.items():
        med = statistics.median(values)
        print(f"{name:30} {med:7.2f}s {mb / med:7.2f} {bare / med:13.0%}")
    ratio = bare / statistics.median(times["parse + summarize"])
    verdict = "meets" if ratio >= 0.6 else "misses"
    print(f"parse + summarize runs at {ratio:.0%} of bare jieba.lcut: {verdict} the 60 % target")

    peaks: dict[str, float] = {}
    for name in ("summarize(tree)", "parse + summarize"):
        gc.collect()
        tracemalloc.start()
        result = passes[name]()
        peaks[name] = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
        del result
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux
    print(
        "peak memory (tracemalloc, dictionaries loaded before): "
        + ", ".join(f"{name} {peak:.0f} MB" for name, peak in peaks.items())
        + f"; this process's peak RSS {rss:.0f} MB (both jieba dictionaries, text, tree)"
    )
    dictionary_load()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
