"""``govspeech stats``: how big each document is and how its headings are spread over levels.

An example of a third-party govspeech plugin: one module, one class, one entry point.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from typing import IO, Any

from govspeech import Paragraph, ParsedFile, Section
from govspeech.plugin import Plugin
from govspeech.walk import Visitor


class _Count(Visitor):
    """Counts sections by kind and level, body paragraphs and their characters."""

    def __init__(self) -> None:
        self.kinds: Counter[str] = Counter()
        self.levels: Counter[int] = Counter()
        self.paragraphs = 0
        self.characters = 0

    def visit_section(self, node: Section) -> None:
        self.kinds[node.kind] += 1
        self.levels[node.level] += 1

    def visit_paragraph(self, node: Paragraph) -> None:
        self.paragraphs += 1
        self.characters += len(node.content)


class Stats(Plugin):
    """The ``stats`` command."""

    name = "stats"
    description = "Count sections (by kind and level), paragraphs and characters per document"
    examples = ("govspeech stats 讲话.txt", "govspeech stats --json 讲话稿/")
    parallel = True  # run looks at its own file only, so --jobs may spread the files

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--json", action="store_true", help="one JSON object per document")

    def run(self, tree: ParsedFile, options: argparse.Namespace, out: IO[Any]) -> int:
        # Subdocuments (speeches a web page ran together with this one) count with their parent.
        for doc in tree.documents:
            count = _Count()
            count.visit(doc)
            title = doc.title or f"(untitled, line {doc.line})"
            if options.json:
                row = {
                    "file": tree.path,
                    "title": title,
                    "line": doc.line,
                    "sections": dict(count.kinds),
                    "levels": {str(k): v for k, v in sorted(count.levels.items())},
                    "paragraphs": count.paragraphs,
                    "characters": count.characters,
                }
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
                continue
            kinds = ", ".join(f"{n} {k}" for k, n in sorted(count.kinds.items())) or "none"
            levels = " ".join(f"L{k}:{v}" for k, v in sorted(count.levels.items()))
            out.write(f"{title}\n  sections: {kinds}{'  (' + levels + ')' if levels else ''}\n")
            out.write(f"  paragraphs: {count.paragraphs}, characters: {count.characters}\n")
        return 0
