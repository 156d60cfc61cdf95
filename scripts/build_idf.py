"""Rebuild the word weights of ``govspeech summarize`` (the summarize plugin's data/idf.txt).

    python scripts/build_idf.py [FOLDER] [--min-df 2] [--output FILE]

FOLDER (default: ``../shared/corpus/reports`` beside the checkout) holds the government work
reports as ``*.txt`` files, one paragraph a line. Every non-blank line with a Chinese character
is one "document" for the document frequency; words are cut exactly as at run time (the same
private jieba tokenizer, user dictionary and ``HMM=False``). A word is kept when it occurs in at
least ``--min-df`` paragraphs; its weight is ``ln(N / df)``.

The output is deterministic: words sorted by code point, weights with three decimals, and a
header naming the corpus by file count and paragraph count only (no dates, no paths).
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "reports"
DEFAULT_OUTPUT = ROOT / "src" / "govspeech_plugins" / "summarize" / "data" / "idf.txt"
_HAN = re.compile("[\u4e00-\u9fff]")


def document_frequencies(paths: list[Path]) -> tuple[Counter[str], int]:
    """Paragraph frequency of each word of two or more characters with a Chinese character."""
    from govspeech_plugins.summarize.segment import segmenter

    cut = segmenter().cut
    df: Counter[str] = Counter()
    paragraphs = 0
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if not _HAN.search(line):
                continue
            paragraphs += 1
            df.update({w for w in cut(line) if len(w) >= 2 and _HAN.search(w)})
    return df, paragraphs


def render(df: Counter[str], paragraphs: int, files: int, min_df: int) -> str:
    """The idf.txt text: header comments, then ``word<TAB>idf`` lines sorted by word."""
    lines = [
        "# govspeech idf: word<TAB>ln(N/df); rebuild with scripts/build_idf.py (see README.md)",
        f"# files={files} N={paragraphs} min_df={min_df}",
    ]
    for word in sorted(w for w, n in df.items() if n >= min_df):
        lines.append(f"{word}\t{math.log(paragraphs / df[word]):.3f}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", nargs="?", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--min-df", type=int, default=2, help="least paragraphs a word must be in")
    ap.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = ap.parse_args(argv)
    paths = sorted(args.folder.glob("*.txt"))
    if not paths:
        print(f"build_idf: no .txt files in {args.folder}", file=sys.stderr)
        return 2
    df, paragraphs = document_frequencies(paths)
    text = render(df, paragraphs, len(paths), args.min_df)
    args.output.write_text(text, encoding="utf-8", newline="\n")
    kept = text.count("\n") - 2
    print(f"{len(paths)} files, {paragraphs} paragraphs, {len(df)} words, {kept} kept")
    print(f"written to {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
