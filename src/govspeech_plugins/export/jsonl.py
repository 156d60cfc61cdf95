"""``export --format jsonl``: one JSON line per document — a stream for corpora.

Each line is the ``full`` view of the ``govspeech/1`` schema holding one document: the
file's ``path`` and ``encoding``, ``preamble`` (the file's preamble on the first document's
line only) and ``documents`` with that single document (its subdocuments inside it). Lines
validate against the same schema as ``--format json``; ``cat`` several JSONL files and they
stay valid JSON Lines.
"""

from __future__ import annotations

import argparse
import json
from typing import IO, Any

from govspeech.nodes import ParsedFile
from govspeech.plugin import Exporter


class JsonlExporter(Exporter):
    """The ``jsonl`` format."""

    name = "jsonl"
    description = "One JSON object per document, one per line (JSON Lines), for corpora"
    extensions = (".jsonl", ".ndjson")
    parallel = True  # run depends on its file only

    def run(self, tree: ParsedFile, options: argparse.Namespace, out: IO[Any]) -> int:
        data: dict[str, Any] = tree.to_dict()
        for k, doc in enumerate(data["documents"]):
            line = dict(data, preamble=data["preamble"] if k == 0 else [], documents=[doc])
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
        return 0
