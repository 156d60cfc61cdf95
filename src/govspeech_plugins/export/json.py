"""``export --format json``: the whole tree as JSON, schema ``govspeech/2``.

The shape is described by the JSON Schema shipped in the package (``govspeech-2.schema.json``,
also in docs/). Chinese is written as is (UTF-8), not as ``\\u`` escapes. One input gives one
indented JSON object; several inputs give one compact object per line (JSON Lines).
"""

from __future__ import annotations

import argparse
import json
from typing import IO, Any

from govspeech.nodes import ParsedFile
from govspeech.plugin import N_, Exporter
from govspeech.plugin import gettext as _


class JsonExporter(Exporter):
    """The ``json`` format."""

    name = "json"
    description = N_("The whole tree as JSON: documents, sections, body paragraphs, positions")
    extensions = (".json",)
    parallel = True  # run depends on its file only

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument(
            "--indent",
            type=self.whole_number(0),
            default=2,
            metavar="N",
            help=_("json: indent by N spaces (0: one line); several inputs always one line each"),
        )

    def run(self, tree: ParsedFile, options: argparse.Namespace, out: IO[Any]) -> int:
        data = tree.to_dict()
        if len(options.files) > 1 or options.indent == 0:
            out.write(json.dumps(data, ensure_ascii=False) + "\n")
        else:
            out.write(json.dumps(data, ensure_ascii=False, indent=options.indent) + "\n")
        return 0
