"""Write every output of every command for a set of inputs into one folder, to diff refactors.

    python scripts/snapshot.py OUT_DIR [INPUT...]

Without inputs it uses the shared corpus beside the checkout (the example page, the reports
and the 公文) and the test data.  Run it before and after a change that should not change
behaviour, then ``diff -r before/ after/`` (Word files are compared by their bytes: the export is
deterministic with a fixed ``--docx-date``).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"

RUNS: list[tuple[str, list[str]]] = [
    ("outline", ["outline"]),
    ("outline-lines", ["outline", "--lines", "--depth", "9"]),
    ("outline-md", ["outline", "--format", "markdown"]),
    ("outline-json", ["outline", "--format", "json"]),
    ("jsonl-article", ["export", "--format", "jsonl", "--jsonl-unit", "article"]),
    ("json", ["export", "--format", "json"]),
    ("jsonl", ["export", "--format", "jsonl"]),
    ("csv", ["export", "--format", "csv"]),
    ("markdown", ["export", "--format", "markdown"]),
    ("html", ["export", "--format", "html"]),
    ("opml", ["export", "--format", "opml"]),
    ("text", ["export", "--format", "text"]),
    ("docx", ["export", "--format", "docx", "--docx-date", "2024-01-01"]),
    ("summarize", ["summarize"]),
    ("summarize-json", ["summarize", "--format", "json"]),
    ("fix", ["fix"]),
    ("fix-unsafe", ["fix", "--unsafe-fixes"]),
]


def default_inputs() -> list[str]:
    files = [CORPUS / "000_08653b7ddb1859ae.txt"]
    files += sorted((CORPUS / "reports").glob("*.txt"))
    files += sorted((CORPUS / "gongwen").glob("*.txt"))
    files += sorted((ROOT / "tests" / "data").glob("*.txt"))
    return [str(f) for f in files]


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    out = Path(argv[0])
    inputs = argv[1:] or default_inputs()
    out.mkdir(parents=True, exist_ok=True)
    gs = [sys.executable, "-m", "govspeech"]
    for name, args in RUNS:
        folder = out / name
        folder.mkdir(exist_ok=True)
        subprocess.run([*gs, *args, "--jobs", "2", *inputs, "-o", f"{folder}/"],
                       check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for name, args in [("check", ["check"]), ("fix-diff", ["fix", "--diff"])]:
        res = subprocess.run([*gs, *args, *inputs], capture_output=True, text=True, check=False)
        # The summary line's time differs from run to run.
        errors = re.sub(r"\d+\.\d+ s$", "T s", res.stderr, flags=re.M)
        (out / f"{name}.txt").write_text(
            f"rc={res.returncode}\n{res.stdout}{errors}", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
