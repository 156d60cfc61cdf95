"""``export --format chunks``: structure-aware chunks for search and RAG, one JSON line each.

Each line is one `govspeech.chunks.Chunk` as `Chunk.to_dict` gives it (``id``, ``file``,
``document``, ``path``, ``text``, ``context``, ``spans`` …; docs/rag.md), in source order,
UTF-8 without escapes. The chunks of several inputs follow each other in input order, under
``--jobs`` too; ``cat`` several outputs and they stay valid JSON Lines.

Options: ``--chunk-size N`` (characters, default 800), ``--chunk-overlap N`` (characters
repeated where a long text was cut, default 0), ``--chunk-unit section|merged|paragraph``
and ``--chunk-parents`` (a parent chunk per section, the others pointing to it).

The format has no file extension of its own (``.jsonl`` is ``--format jsonl``): choose it
with ``--format chunks``; with ``-o folder/`` each input's chunks go to ``NAME.chunks.jsonl``.
"""

from __future__ import annotations

import argparse
import json
from typing import IO, Any

from govspeech.errors import UsageError
from govspeech.nodes import ParsedFile
from govspeech.plugin import N_, Exporter
from govspeech.plugin import gettext as _

__all__ = ["ChunksExporter"]

_UNITS = ("section", "merged", "paragraph")  # govspeech.chunks.UNITS, without importing it


class ChunksExporter(Exporter):
    """The ``chunks`` format."""

    name = "chunks"
    description = N_("Structure-aware chunks for search and RAG, one JSON object per line")
    extensions = ()  # .jsonl belongs to --format jsonl: chosen with --format chunks only
    parallel = True  # run depends on its file only

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        group = parser.add_argument_group(_("chunks format"))
        group.add_argument(
            "--chunk-size",
            type=self.whole_number(1),
            default=800,
            metavar="N",
            help=_("chunks: at most N characters a chunk, unless one sentence is longer (800)"),
        )
        group.add_argument(
            "--chunk-overlap",
            type=self.whole_number(0),
            default=0,
            metavar="N",
            help=_(
                "chunks: repeat up to N characters of a chunk's end where a long text was cut (0)"
            ),
        )
        group.add_argument(
            "--chunk-unit",
            choices=_UNITS,
            default="section",
            help=_("chunks: a section's own text (default), small sections merged, or a paragraph"),
        )
        group.add_argument(
            "--chunk-parents",
            action="store_true",
            help=_(
                "chunks: add a parent chunk per section (its whole text), which the others "
                "name in parent_id"
            ),
        )

    def prepare(self, options: argparse.Namespace) -> None:
        if options.chunk_overlap >= options.chunk_size:
            raise UsageError(
                _("--chunk-overlap ({overlap}) must be smaller than --chunk-size ({size})").format(
                    overlap=options.chunk_overlap, size=options.chunk_size
                )
            )
        if options.chunk_parents and options.chunk_unit == "merged":
            raise UsageError(
                _(
                    "--chunk-parents needs --chunk-unit section or paragraph (a merged chunk can "
                    "hold several sections)"
                )
            )

    def suffix(self, options: argparse.Namespace) -> str:
        return ".chunks.jsonl"

    def run(self, tree: ParsedFile, options: argparse.Namespace, out: IO[Any]) -> int:
        from govspeech.chunks import iter_chunks  # only this format needs it

        for chunk in iter_chunks(
            tree,
            max_size=options.chunk_size,
            overlap=options.chunk_overlap,
            unit=options.chunk_unit,
            parents=options.chunk_parents,
        ):
            out.write(json.dumps(chunk.to_dict(), ensure_ascii=False) + "\n")
        return 0
