"""``export --format jsonl``: one JSON line per document — a stream for corpora — or, with
``--jsonl-unit article``, one line per article of a regulation.

Each line is the ``full`` view of the ``govspeech/2`` schema holding one document: the
file's ``path`` and ``encoding``, ``preamble`` (the file's preamble on the first document's
line only) and ``documents`` with that single document (its subdocuments inside it). Lines
validate against the same schema as ``--format json``; ``cat`` several JSONL files and they
stay valid JSON Lines.

``--jsonl-unit article`` writes the ``article`` view instead (`govspeech.serialize.article_rows`):
per article its citation (第三条), the 编/章/节 above it, its exact text, its 款 and its 项 with
their citations; a file without articles gives no lines.
"""

from __future__ import annotations

import argparse
import json
from typing import IO, Any

from govspeech.nodes import ParsedFile
from govspeech.plugin import N_, Exporter
from govspeech.plugin import gettext as _
from govspeech.serialize import article_rows


class JsonlExporter(Exporter):
    """The ``jsonl`` format."""

    name = "jsonl"
    description = N_("One JSON object per document, one per line (JSON Lines), for corpora")
    extensions = (".jsonl", ".ndjson")
    parallel = True  # run depends on its file only

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        group = parser.add_argument_group(_("jsonl format"))
        group.add_argument(
            "--jsonl-unit",
            choices=("document", "article"),
            default="document",
            help=_("jsonl: one line per document (default) or per article of a regulation"),
        )

    def run(self, tree: ParsedFile, options: argparse.Namespace, out: IO[Any]) -> int:
        if getattr(options, "jsonl_unit", "document") == "article":
            for row in article_rows(tree):
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
            return 0
        data: dict[str, Any] = tree.to_dict()
        for k, doc in enumerate(data["documents"]):
            line = dict(data, preamble=data["preamble"] if k == 0 else [], documents=[doc])
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
        return 0
