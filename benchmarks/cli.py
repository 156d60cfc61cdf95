"""Command-line start-up of the installed wheel: wall time and peak memory of whole runs,
beside baselines, in one run.

    python benchmarks/cli.py [--repeat 15] [--input FILE] [--editable]

It builds the wheel of this checkout and installs it (without dependencies, byte-compiled, as
pip does) into a temporary folder put first on ``PYTHONPATH``, so the runs import what a user's
installation imports — not this checkout's sources, which an editable install recompiles when
they change. The dependencies (attrs, lark…) come from the running interpreter's environment.
``--editable`` measures the checkout instead.

Each case is a fresh process, run interleaved with the others ``--repeat`` times; the table
shows the median and fastest wall time, the largest peak RSS, and the median as a multiple of
``python -c 'import lark'`` (the baseline a Lark-based command line would start from). Target:
``outline`` of one speech at most 1.5 times that. One warm-up run of each case first fills the
disk cache and govspeech's compiled-pattern cache (``~/.cache/govspeech``), as any second run
on a machine finds them.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_INPUT = ROOT / "examples" / "speech.txt"


def _cases(path: Path) -> list[tuple[str, list[str]]]:
    py = sys.executable
    gs = [py, "-m", "govspeech"]
    return [
        ("python -c pass", [py, "-c", "pass"]),
        ("python -c 'import lark' (baseline)", [py, "-c", "import lark"]),
        ("govspeech --version", [*gs, "--version"]),
        ("govspeech --help", [*gs, "--help"]),
        ("govspeech outline FILE", [*gs, "outline", str(path)]),
        ("govspeech outline -f json FILE", [*gs, "outline", "-f", "json", str(path)]),
        ("govspeech check FILE", [*gs, "check", str(path)]),
        ("govspeech export FILE (JSON)", [*gs, "export", str(path)]),
    ]


def _run(cmd: list[str], env: dict[str, str]) -> tuple[float, int, int]:
    """Wall seconds, peak RSS (KB) and exit code of one fresh process."""
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:  # child: silence output, exec the command
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        os.execve(cmd[0], cmd, env)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    return wall, int(usage.ru_maxrss), os.waitstatus_to_exitcode(status)


def _install(folder: Path) -> Path:
    """Build this checkout's wheel and install it into ``folder`` (no dependencies)."""
    wheels = folder / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(wheels), str(ROOT)],
        check=True,
    )  # fmt: skip
    (wheel,) = wheels.glob("govspeech-*.whl")
    target = folder / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target),
         str(wheel)],
        check=True,
    )  # fmt: skip
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    parser.add_argument("--editable", action="store_true", help="measure the checkout itself")
    args = parser.parse_args()
    cases = _cases(args.input)
    env = dict(os.environ)
    with tempfile.TemporaryDirectory() as tmp:
        if not args.editable:
            site = _install(Path(tmp))
            env["PYTHONPATH"] = os.pathsep.join([str(site), env.get("PYTHONPATH", "")])
            where = subprocess.run(
                [sys.executable, "-c", "import govspeech; print(govspeech.__file__)"],
                env=env, check=True, capture_output=True, text=True,
            ).stdout.strip()  # fmt: skip
            assert where.startswith(str(site)), f"the wheel is not the one imported: {where}"
        times: dict[str, list[float]] = {name: [] for name, _ in cases}
        peaks: dict[str, int] = {name: 0 for name, _ in cases}
        for _, cmd in cases:  # warm-up
            _, _, code = _run(cmd, env)
            if code not in (0, 1):  # check exits 1 when it finds something
                raise SystemExit(f"failed ({code}): {' '.join(cmd)}")
        for _ in range(args.repeat):
            for name, cmd in cases:
                wall, rss, _ = _run(cmd, env)
                times[name].append(wall)
                peaks[name] = max(peaks[name], rss)
    size = args.input.stat().st_size
    what = "the checkout (editable)" if args.editable else "the installed wheel"
    print(
        f"{what}; input: {args.input.name} ({size / 1e3:.1f} kB); python "
        f"{sys.version.split()[0]}; {args.repeat} runs each, interleaved"
    )
    base = statistics.median(times["python -c 'import lark' (baseline)"])
    print(f"{'case':36} {'median':>9} {'fastest':>9} {'peak RSS':>9} {'× lark':>7}")
    for name, _ in cases:
        med = statistics.median(times[name])
        print(
            f"{name:36} {med * 1e3:7.1f}ms {min(times[name]) * 1e3:7.1f}ms "
            f"{peaks[name] / 1024:7.1f}MB {med / base:7.2f}"
        )


if __name__ == "__main__":
    main()
