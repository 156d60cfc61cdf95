"""Running the command line in a child process under an address-space limit, and reading back
its own peak memory and CPU time: for the hostile-input suites, where a regression must fail
the test rather than take the machine."""

from __future__ import annotations

import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import NamedTuple

_CHILD = """\
import resource, sys
record, args = sys.argv[1], sys.argv[2:]
if args[0] == "--docx-reader":  # the Word reader alone, without the parser after it
    from govspeech.read.docx import docx_text
    with open(args[1], "rb") as f:
        print(docx_text(f.read(), args[1]).count("\\n"))
    code = 0
else:
    from govspeech.cli import main
    code = main(args)
sys.stdout.flush()
usage = resource.getrusage(resource.RUSAGE_SELF)
try:  # this process's own peak (ru_maxrss may count the pages of the parent it forked from)
    with open("/proc/self/status") as f:
        peak = next(int(line.split()[1]) for line in f if line.startswith("VmHWM"))
except OSError:
    peak = usage.ru_maxrss
with open(record, "w") as f:
    f.write(f"{peak} {usage.ru_utime + usage.ru_stime}")
sys.exit(code)
"""


class Run(NamedTuple):
    code: int
    out: str
    err: str
    seconds: float
    cpu_seconds: float
    peak_mb: float


def run_limited(args: list[str], record: Path, address_space: int) -> Run:
    """``govspeech ARGS`` (or ``--docx-reader FILE``) in a child limited to ``address_space``
    bytes; ``record`` is a scratch file for what the child reports of itself."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (address_space, address_space))

    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", _CHILD, str(record), *args],
        capture_output=True,
        text=True,
        timeout=60,  # a hang fails the test instead of stalling the suite
        preexec_fn=limit,
    )
    seconds = time.perf_counter() - started
    # A child that died wrote nothing: NaN fails every bound.
    peak, cpu = record.read_text().split() if record.exists() else ("nan", "nan")
    return Run(proc.returncode, proc.stdout, proc.stderr, seconds, float(cpu), float(peak) / 1024)
