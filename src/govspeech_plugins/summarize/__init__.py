"""``govspeech summarize``: what a speech asks for, in a minute — by its own structure.

For each document: the title, its keywords and 提法 (slogans, numbered formulas), and the
heading skeleton with, under each heading, the sentence(s) that best say what the point asks
for — verbatim from the source, in document order, with their line numbers. The work is done
by `govspeech_plugins.summarize.summary.summarize`; this module only renders it. jieba is
imported when the first file is summarized, never at start-up.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from typing import IO, TYPE_CHECKING, Any

from govspeech.nodes import ParsedFile
from govspeech.plugin import N_, Plugin
from govspeech.plugin import gettext as _
from govspeech.views import MarkdownWriter, escape_inline

if TYPE_CHECKING:
    from govspeech_plugins.summarize.summary import DocumentSummary, SectionSummary, Sentence

# Sentences and the list items below six levels have always been escaped as inline text, not
# as the start of a block (so a sentence "- …" in a quote opens a list there); kept so that
# the Markdown stays as it was. `escape_block`, the writer's default, would escape that too.
_ESCAPE = escape_inline


#: The formats, and the ``-o`` extensions that choose one when ``--format`` is not given.
FORMATS = ("text", "markdown", "json")
EXTENSIONS = {".txt": "text", ".md": "markdown", ".markdown": "markdown", ".json": "json"}
SUFFIXES = {"text": ".txt", "markdown": ".md", "json": ".json"}


def _walk(sections: tuple[SectionSummary, ...]) -> Iterator[tuple[int, SectionSummary]]:
    """(depth, section) in document order; iterative."""
    stack = [(1, s) for s in reversed(sections)]
    while stack:
        depth, sec = stack.pop()
        yield depth, sec
        stack.extend((depth + 1, c) for c in reversed(sec.children))


def _title(doc: DocumentSummary) -> str:
    return doc.label if doc.body_characters else f"{doc.label}（无正文）"


def _tifa(doc: DocumentSummary) -> str:
    return "  ".join(f"{t.text}×{t.count}" for t in doc.tifa)


def _said(sentence: Sentence) -> str:
    return f"{sentence.text}（第{sentence.line}行）"


def render_text(docs: list[DocumentSummary]) -> str:
    """Indented plain text: title, 关键词, 提法, then the skeleton with its sentences."""
    out: list[str] = []
    for doc in docs:
        if out:
            out.append("")
        out.append(_title(doc))
        if doc.keywords:
            out.append(f"  关键词：{' '.join(doc.keywords)}")
        if doc.tifa:
            out.append(f"  提法：{_tifa(doc)}")
        for sentence in doc.opening:
            out.append(f"  开场 · {_said(sentence)}")
        for depth, sec in _walk(doc.sections):
            pad = "  " * depth
            out.append(f"{pad}{sec.marker}{sec.title}")
            if sec.keywords:
                out.append(f"{pad}    关键词：{' '.join(sec.keywords)}")
            for sentence in sec.sentences:
                out.append(f"{pad}    · {_said(sentence)}")
    return "\n".join(out) + "\n" if out else ""


def render_markdown(docs: list[DocumentSummary]) -> str:
    """``#`` per document, ``##``… per level (lists beyond six), sentences as quotes.

    Below a list item (a section deeper than six levels) its sentences follow it directly
    as quotes inside the item, and so does the next heading, without a blank line.
    """
    md = MarkdownWriter()
    for doc in docs:
        md.heading(1, _title(doc))
        if doc.keywords:
            md.paragraph("、".join(doc.keywords), lead="**关键词**：")
        if doc.tifa:
            md.paragraph(_tifa(doc), lead="**提法**：")
        for sentence in doc.opening:
            md.quote(_said(sentence), escape=_ESCAPE)
        for depth, sec in _walk(doc.sections):
            nest = md.section(depth + 1, f"{sec.marker}{sec.title}", tight=True, escape=_ESCAPE)
            if not nest and sec.keywords:
                md.paragraph("、".join(sec.keywords), lead="*关键词*：")
            for sentence in sec.sentences:
                md.quote(_said(sentence), nest=nest, tight=bool(nest), escape=_ESCAPE)
    return md.getvalue()


def _sentence_dict(s: Sentence) -> dict[str, Any]:
    return {"text": s.text, "line": s.line, "span": [s.start, s.end]}


def to_data(tree: ParsedFile, docs: list[DocumentSummary]) -> dict[str, Any]:
    """The summary as plain data (what ``--format json`` writes)."""

    def section(sec: SectionSummary) -> dict[str, Any]:
        # Iterative: the dicts are filled from a stack, children before their parents finish.
        root: dict[str, Any] = {}
        stack = [(sec, root)]
        while stack:
            s, d = stack.pop()
            d.update(
                marker=s.marker,
                title=s.title,
                kind=s.kind,
                level=s.level,
                line=s.line,
                keywords=list(s.keywords),
                sentences=[_sentence_dict(x) for x in s.sentences],
                children=[],
            )
            for child in s.children:
                c: dict[str, Any] = {}
                d["children"].append(c)
                stack.append((child, c))
        return root

    return {
        "schema": "govspeech-summary/1",
        "path": tree.path,
        "documents": [
            {
                "index": doc.index,
                "title": doc.title,
                "line": doc.line,
                "keywords": list(doc.keywords),
                "tifa": [
                    {"text": t.text, "kind": t.kind, "count": t.count, "line": t.line}
                    for t in doc.tifa
                ],
                "opening": [_sentence_dict(x) for x in doc.opening],
                "sections": [section(s) for s in doc.sections],
                "characters": doc.characters,
            }
            for doc in docs
        ],
    }


class Summarize(Plugin):
    """The ``summarize`` command."""

    name = "summarize"
    description = N_("Summarize each document: skeleton, key sentences (verbatim), keywords, 提法")
    parallel = True
    examples = (
        "govspeech summarize 讲话.txt",
        "govspeech summarize --depth 1 --sentences 2 政府工作报告.txt",
        N_("govspeech summarize --max-chars 600 讲话.txt      # a budget for the whole summary"),
        N_("govspeech summarize -o 摘要.md 讲话.txt       # markdown, from the extension"),
        "govspeech summarize -f json 讲话稿/ -o 摘要/",
    )

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        count, at_least_one = self.whole_number(0), self.whole_number(1)
        parser.add_argument(
            "--depth",
            type=at_least_one,
            default=2,
            metavar="N",
            help=_("heading levels to show (2)"),
        )
        parser.add_argument(
            "--sentences",
            type=count,
            default=1,
            metavar="N",
            help=_("sentences picked per section (1; 0: the skeleton only)"),
        )
        budget = parser.add_mutually_exclusive_group()
        budget.add_argument(
            "--max-chars",
            type=count,
            metavar="N",
            help=_("at most N characters of picked sentences per document"),
        )
        budget.add_argument(
            "--ratio",
            type=self.fraction,
            metavar="R",
            help=_("at most this fraction (0.1 = 10%%) of each document's characters"),
        )
        parser.add_argument(
            "--keywords",
            type=count,
            default=8,
            metavar="N",
            help=_("keywords per document (8); top-level sections get 5"),
        )
        parser.add_argument(
            "-f",
            "--format",
            choices=FORMATS,
            help=_(
                "text, markdown, or json; default: from the -o file's extension (.md, .json), "
                "else text"
            ),
        )

    def prepare(self, options: argparse.Namespace) -> None:
        options.format = self.format_for(options, EXTENSIONS, "text")

    def suffix(self, options: argparse.Namespace) -> str:
        return SUFFIXES[options.format]

    def run(self, tree: ParsedFile, options: argparse.Namespace, out: IO[Any]) -> int:
        from govspeech_plugins.summarize.summary import (
            summarize,  # jieba comes with it: only when a file is summarized
        )

        docs = summarize(
            tree,
            depth=options.depth,
            sentences=options.sentences,
            keywords=options.keywords,
            section_keywords=min(5, options.keywords),
            max_chars=options.max_chars,
            ratio=options.ratio,
        )
        many = len(options.files) > 1
        if options.format == "json":
            data = to_data(tree, docs)
            indent = None if many else 2
            out.write(json.dumps(data, ensure_ascii=False, indent=indent) + "\n")
        elif options.format == "markdown":
            out.write(render_markdown(docs))
        else:
            if many:
                out.write(f"==> {tree.path} <==\n")
            out.write(render_text(docs))
            if many:
                out.write("\n")
        return 0
