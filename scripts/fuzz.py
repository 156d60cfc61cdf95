"""Mutation fuzzer: text, Word and web-page inputs must give a tree or one clean error, fast.

    python scripts/fuzz.py [--cases 100000] [--seed 1] [--save failures/] [--kinds txt,docx,html]

Seeds are real text (tests/data), generated marker sequences, a Word file made from them and
small web pages. Each case mutates a seed (bytes flipped, inserted, deleted, repeated; marker
pieces spliced in; for Word files the XML inside the archive mutated as well as the archive's
own bytes), then reads it as the command line would (`govspeech.read.formats.decode_any`), parses
it, checks the tree is lossless, and runs fix on it. A case passes when that ends in a tree or
a `GovspeechError`; it fails on any other exception, a tree that does not rebuild its text, a
fix that is not idempotent, or a case that takes longer than ``--timeout`` seconds. The process
runs under an address-space limit (``--memory`` MB), so a memory blow-up fails as MemoryError
instead of taking the machine. Failures are printed (and saved with ``--save``) for
reproduction; the exit code is 1 when any case failed.

The test suite runs a few hundred cases of the same fuzzer (tests/test_fuzz.py).
"""

from __future__ import annotations

import argparse
import io
import random
import resource
import signal
import sys
import time
import traceback
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PIECES = [
    "一、",
    "二、",
    "十一、",
    "（一）",
    "(二)",
    "（三）、",
    "1.",
    "2．",
    "3、",
    "10.",
    "（1）",
    "1)",
    "①",
    "⑴",
    "第一部分",
    "第二章",
    "第三条",
    "一是",
    "二要",
    "第一，",
    "第二、",
    "首先，",
    "最后，",
    "——",
    "同志们：",
    "各位代表！",
    "谢谢大家！",
    "在全县工作会议上的讲话",
    "政府工作报告",
    "下面是小编整理的",
    "【本文地址:x】",
    "十三五",
    "2.2万",
    "第一时间",
    "。",
    "，",
    "；",
    "\u3000",
    "\n",
    "\r\n",
    "\r",
    "\u2028",
    "\ufeff",
    "统一思想",
    "x",
]


class CaseTimeout(Exception):
    """A case ran past its time limit."""


def _on_alarm(signum: int, frame: object) -> None:
    raise CaseTimeout


def text_seeds() -> list[bytes]:
    data = ROOT / "tests" / "data"
    seeds = [p.read_bytes()[:6000] for p in sorted(data.glob("*.txt"))]
    rng = random.Random(0)
    for _ in range(8):
        seeds.append("".join(rng.choice(PIECES) for _ in range(60)).encode("utf-8"))
    seeds.append(seeds[0].decode("utf-8").encode("gb18030"))
    seeds.append(seeds[0].decode("utf-8").encode("utf-16"))
    return seeds


def docx_seed(text: str) -> bytes | None:
    """A Word file of ``text`` with automatic numbering, made by our own export."""
    try:
        import docx  # noqa: F401
    except ImportError:
        return None
    import tempfile

    from govspeech.cli import main

    with tempfile.TemporaryDirectory() as tmp:
        source, target = Path(tmp) / "s.txt", Path(tmp) / "s.docx"
        source.write_text(text, encoding="utf-8")
        if main(["export", str(source), "-o", str(target)]) != 0:
            return None
        return target.read_bytes()


def html_seeds(text: str) -> list[bytes]:
    body = "".join(f"<p>{line}</p>" for line in text.splitlines()[:80])
    return [
        (
            "<html><head><meta charset='utf-8'><title>讲话</title></head><body>"
            f"<div class='nav'><a href='/'>首页</a></div><div id='content'>{body}</div>"
            "</body></html>"
        ).encode(),
        f"<!DOCTYPE html><html><head><meta http-equiv='Content-Type' "
        f"content='text/html; charset=gb2312'></head><body><article>{body}</article></body>"
        f"</html>".encode("gb18030", "replace"),
    ]


def mutate_bytes(rng: random.Random, data: bytes) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        op = rng.random()
        pos = rng.randrange(len(buf) + 1)
        if op < 0.3 and buf:
            buf[min(pos, len(buf) - 1)] = rng.randrange(256)
        elif op < 0.5:
            buf[pos:pos] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
        elif op < 0.65 and buf:
            del buf[pos : pos + rng.randint(1, 64)]
        elif op < 0.8:
            buf[pos:pos] = rng.choice(PIECES).encode("utf-8") * rng.randint(1, 50)
        else:
            chunk = bytes(buf[pos : pos + rng.randint(1, 200)])
            buf[pos:pos] = chunk * rng.randint(1, 20)
    return bytes(buf)


def mutate_docx(rng: random.Random, data: bytes) -> bytes:
    """Mostly: mutate the XML of one part and zip it again; sometimes the archive's bytes."""
    if rng.random() < 0.3:
        return mutate_bytes(rng, data)
    source = zipfile.ZipFile(io.BytesIO(data))
    names = source.namelist()
    xml = [n for n in names if n.endswith(".xml")]
    victim = rng.choice(
        [n for n in xml if "document" in n or "numbering" in n or "styles" in n] or xml
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in names:
            part = source.read(name)
            target.writestr(name, mutate_bytes(rng, part) if name == victim else part)
    return out.getvalue()


def fix_twice(tree: object) -> str | None:
    """Fix the tree's text twice; a message when the second fix changed something."""
    import argparse as ap

    import govspeech
    from govspeech_plugins.check.config import LintConfig
    from govspeech_plugins.check.fix import fixed_text
    from govspeech_plugins.check.rules import RULES

    config = LintConfig(frozenset(c for c, r in RULES.items() if r.default))
    for unsafe in (False, True):
        options = ap.Namespace(lint_config=config, unsafe_fixes=unsafe)
        once = fixed_text(tree, options)[0]  # type: ignore[arg-type]
        twice = fixed_text(govspeech.parse(once), options)[0]
        if twice != once:
            return f"fix{' --unsafe-fixes' if unsafe else ''} is not idempotent"
    return None


def check_case(data: bytes, fmt: str, timeout: float) -> str | None:
    """None when the case passes; otherwise what went wrong."""
    import govspeech
    from govspeech.errors import GovspeechError
    from govspeech.read.formats import decode_any

    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        try:
            text = decode_any(data, source_format=fmt, name="case").text
        except GovspeechError:
            return None
        tree = govspeech.parse(text)
        if tree.text != text:
            return "the tree does not rebuild its text"
        return fix_twice(tree)
    except CaseTimeout:
        return f"took longer than {timeout} s"
    except Exception as exc:
        last = traceback.extract_tb(exc.__traceback__)[-1]
        return f"{type(exc).__name__}: {exc} (at {Path(last.filename).name}:{last.lineno})"
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def cases(seed: int, kinds: list[str]) -> Iterator[tuple[str, bytes]]:
    rng = random.Random(seed)
    texts = text_seeds()
    base = texts[0].decode("utf-8")
    pools: dict[str, tuple[list[bytes], Callable[[random.Random, bytes], bytes]]] = {
        "txt": (texts, mutate_bytes),
        "html": (html_seeds(base), mutate_bytes),
    }
    if "docx" in kinds:
        word = docx_seed(base[:3000])
        if word is not None:
            pools["docx"] = ([word], mutate_docx)
    chosen = [k for k in kinds if k in pools]
    while True:
        kind = rng.choice(chosen)
        seeds, mutate = pools[kind]
        yield kind, mutate(rng, rng.choice(seeds))


def run(
    n: int,
    seed: int = 1,
    kinds: tuple[str, ...] = ("txt", "docx", "html"),
    timeout: float = 5.0,
    save: Path | None = None,
    quiet: bool = False,
) -> list[str]:
    """Run ``n`` cases; return the failures (one line each)."""
    signal.signal(signal.SIGALRM, _on_alarm)
    failures: list[str] = []
    counts: Counter[str] = Counter()
    started = time.perf_counter()
    for k, (kind, data) in enumerate(cases(seed, list(kinds))):
        if k >= n:
            break
        counts[kind] += 1
        problem = check_case(data, kind, timeout)
        if problem is not None:
            failures.append(f"case {k} ({kind}, {len(data)} bytes): {problem}")
            if save is not None:
                save.mkdir(parents=True, exist_ok=True)
                (save / f"case{k}.{kind}").write_bytes(data)
        if not quiet and (k + 1) % 5000 == 0:
            seconds = time.perf_counter() - started
            print(f"{k + 1} cases, {len(failures)} failed, {seconds:.0f} s", file=sys.stderr)
    if not quiet:
        seconds = time.perf_counter() - started
        mix = ", ".join(f"{c} {k}" for k, c in sorted(counts.items()))
        print(f"{sum(counts.values())} cases ({mix}), {len(failures)} failed, {seconds:.0f} s")
    return failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--kinds", default="txt,docx,html")
    parser.add_argument("--timeout", type=float, default=5.0, help="seconds per case")
    parser.add_argument("--memory", type=int, default=2048, help="address-space limit, MB")
    parser.add_argument("--save", type=Path, help="write failing inputs to this folder")
    args = parser.parse_args()
    limit = args.memory * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    failures = run(args.cases, args.seed, tuple(args.kinds.split(",")), args.timeout, args.save)
    for line in failures[:50]:
        print(line)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
