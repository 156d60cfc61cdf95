"""PDF reading speed, side by side with PDFium's bare text extraction, in one run.

    python benchmarks/pdf.py [--repeat 5] [FILE.pdf ...]

For each PDF (default: the PDFs of the shared corpus, ../shared/corpus/gongwen/files/) it
times, interleaved and repeated:

* govspeech: ``pdf_text`` — open, every character with its box, lines, margins, page
             furniture, paragraphs joined;
* floor:     open, ``get_text_range()`` of every page, closed as it goes — the least any
             reader of the text layer through pypdfium2 does (no layout at all);

and prints medians in pages per second and MB/s (of the PDF file), the ratio between them, and
the median time of ``govspeech.parse`` on the extracted text.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "gongwen" / "files"


def floor_text(data: bytes) -> str:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(data)
    parts = []
    for index in range(len(pdf)):
        page = pdf[index]
        textpage = page.get_textpage()
        parts.append(textpage.get_text_range())
        textpage.close()
        page.close()
    pdf.close()
    return "\n".join(parts)


def govspeech_text(data: bytes) -> str:
    from govspeech.read.pdf import pdf_text

    return pdf_text(data)[0]


def _time(fn: Callable[[bytes], object], data: bytes) -> float:
    gc.collect()
    t0 = time.perf_counter()
    fn(data)
    return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="*", type=Path, help="PDF files (default: the corpus PDFs)")
    ap.add_argument("--repeat", type=int, default=5, help="timed runs per file (median)")
    args = ap.parse_args(argv)
    files = args.files or sorted(CORPUS.glob("*.pdf"))
    if not files:
        print(f"no PDF given and none in {CORPUS}", file=sys.stderr)
        return 1

    import pypdfium2

    import govspeech

    govspeech.parse("一、预热\n")  # build (or load the cached) parser outside the timings
    python = sys.version.split()[0]
    print(f"pypdfium2 {pypdfium2.PYPDFIUM_INFO}, PDFium {pypdfium2.PDFIUM_INFO}; python {python}")
    header = (
        f"{'file':<42} {'pages':>5} {'MB':>5} | {'govspeech p/s':>13} {'MB/s':>6} | "
        f"{'floor p/s':>9} {'MB/s':>6} | {'ratio':>5} | {'parse ms':>8} {'lines':>6}"
    )
    print(header)
    print("-" * len(header))
    for path in files:
        data = path.read_bytes()
        pdf = pypdfium2.PdfDocument(data)
        pages = len(pdf)
        pdf.close()
        mb = len(data) / 1e6
        ours, floor = [], []
        for _ in range(args.repeat):  # interleaved: both see the same machine noise
            ours.append(_time(govspeech_text, data))
            floor.append(_time(floor_text, data))
        t_ours, t_floor = statistics.median(ours), statistics.median(floor)
        text = govspeech_text(data)
        parses = []
        for _ in range(3):
            t0 = time.perf_counter()
            govspeech.parse(text)
            parses.append(time.perf_counter() - t0)
        parse = statistics.median(parses)
        print(
            f"{path.name:<42} {pages:5d} {mb:5.2f} | {pages / t_ours:13.0f} {mb / t_ours:6.2f} | "
            f"{pages / t_floor:9.0f} {mb / t_floor:6.2f} | {t_ours / t_floor:5.1f} | "
            f"{parse * 1e3:8.1f} {text.count(chr(10)):6d}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
