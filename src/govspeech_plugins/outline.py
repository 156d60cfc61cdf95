"""``govspeech outline``: the heading tree of each document, for reading, pasting or mind maps."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from typing import IO, Any

from govspeech.errors import UsageError
from govspeech.nodes import ParsedFile
from govspeech.plugin import N_, Plugin
from govspeech.plugin import gettext as _
from govspeech.serialize import to_outline_dict
from govspeech.views import MarkdownWriter, part_title

KINDS = ("numbered", "enum", "dash")


def _kinds(value: str) -> frozenset[str]:
    kinds = frozenset(k.strip() for k in value.split(",") if k.strip())
    unknown = sorted(kinds - set(KINDS))
    if unknown or not kinds:
        raise argparse.ArgumentTypeError(
            _("expected a comma-separated list of {kinds}; got {value!r}").format(
                kinds=", ".join(KINDS), value=value
            )
        )
    return kinds


#: The formats, and the ``-o`` extensions that choose one when ``--format`` is not given.
FORMATS = ("text", "markdown", "json")
EXTENSIONS = {".txt": "text", ".md": "markdown", ".markdown": "markdown", ".json": "json"}
SUFFIXES = {"text": ".txt", "markdown": ".md", "json": ".json"}
LINES_WITH_JSON = N_("--lines has no effect on the json outline")


def _documents(outline: dict[str, Any]) -> Iterator[tuple[dict[str, Any], str]]:
    """Documents with the heading they are shown under; a subdocument is a numbered part."""
    for doc in outline["documents"]:
        subs = doc["subdocuments"]
        parts = len(subs) + 1
        yield doc, part_title(doc["title"], doc["line"], 1, parts)
        for k, sub in enumerate(subs, 2):
            yield sub, part_title(doc["title"], doc["line"], k, parts, sub["line"])


def _sections(doc: dict[str, Any]) -> Iterator[tuple[int, dict[str, Any]]]:
    """(depth, section) in document order, depth 1 at the top; iterative, any depth. The
    title of a part without a number comes as a section of its own with marker ``""``, at
    depth 1 before the first section after it."""
    parts = [
        {"marker": "", "title": part["title"], "line": part["line"], "children": []}
        for part in doc.get("parts", ())
    ]
    top = sorted([*doc["sections"], *parts], key=lambda s: s["line"]) if parts else doc["sections"]
    stack = [(1, s) for s in reversed(top)]
    while stack:
        depth, sec = stack.pop()
        yield depth, sec
        stack.extend((depth + 1, c) for c in reversed(sec["children"]))


def _heading(sec: dict[str, Any]) -> str:
    return f"{sec['marker']}{sec['title']}".strip()


def _about(doc: dict[str, Any]) -> str:
    """What a 公文 says about itself, after its title: ``［沪府发〔2024〕12号　2024-05-06］``;
    nothing for a speech or a rule without a 发文字号 or 成文日期."""
    parts = [x for x in (doc.get("number"), doc.get("date")) if x]
    return f"　［{'　'.join(parts)}］" if parts else ""


def render_text(outline: dict[str, Any], *, lines: bool = False) -> str:
    """Documents as title lines, sections indented two spaces per level below them."""
    out: list[str] = []
    width = len(str(max((d["line"] for d, _title in _documents(outline)), default=1)))
    for doc, _title in _documents(outline):
        for _depth, sec in _sections(doc):
            width = max(width, len(str(sec["line"])))

    def emit(line_no: int, indent: int, text: str) -> None:
        prefix = f"{line_no:>{width}}  " if lines else ""
        out.append(f"{prefix}{'  ' * indent}{text}")

    for k, (doc, title) in enumerate(_documents(outline)):
        if k:
            out.append("")
        emit(doc["line"], 0, title + _about(doc))
        for depth, sec in _sections(doc):
            emit(sec["line"], depth, _heading(sec))
    return "\n".join(out) + "\n" if out else ""


def render_markdown(outline: dict[str, Any], *, lines: bool = False) -> str:
    """``#`` per document, ``##``… per level; beyond six levels, nested list items."""
    md = MarkdownWriter()
    for doc, title in _documents(outline):
        md.heading(1, title + _about(doc))
        for depth, sec in _sections(doc):
            md.section(depth + 1, _heading(sec), suffix=f" (L{sec['line']})" if lines else "")
    return md.getvalue()


class Outline(Plugin):
    """The ``outline`` command."""

    name = "outline"
    description = N_("Print each document's heading tree: title, then marker + title per section")
    parallel = True
    examples = (
        "govspeech outline 讲话.txt",
        "govspeech outline --depth 2 --lines 政府工作报告.txt",
        N_("govspeech outline --kinds numbered 讲话.txt      # leave out 一是… and —— items"),
        N_("govspeech outline -o 提纲.md 讲话.txt         # markdown (the extension), for XMind"),
        "govspeech outline -f json 讲话.txt | jq '.documents[].title'",
        "cat 讲话.txt | govspeech outline",
    )

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument(
            "--depth",
            type=self.whole_number(1),
            metavar="N",
            help=_("show N levels of headings (default: all)"),
        )
        parser.add_argument(
            "--lines", action="store_true", help=_("show the source line number of each heading")
        )
        parser.add_argument(
            "--kinds",
            type=_kinds,
            default=frozenset(KINDS),
            metavar="LIST",
            help=_(
                "kinds of sections to show: numbered (一、 （一） 1．), enum (一是 首先), "
                "dash (——); comma-separated, default all. Children of a hidden section move up."
            ),
        )
        parser.add_argument(
            "-f",
            "--format",
            choices=FORMATS,
            help=_(
                "text, markdown (headings to six levels, then lists) or json (the outline "
                "view of the govspeech/2 schema); default: from the -o file's extension (.md, "
                ".json), else text"
            ),
        )

    def prepare(self, options: argparse.Namespace) -> None:
        options.format = self.format_for(options, EXTENSIONS, "text")
        if options.format == "json" and options.lines:
            raise UsageError(_(LINES_WITH_JSON))
        # Several inputs: text gets a "==> file <==" line per file (like head and tail), JSON
        # one object per line (JSON Lines) rather than one big array.
        options.many = len(options.files) > 1

    def suffix(self, options: argparse.Namespace) -> str:
        return SUFFIXES[options.format]

    def run(self, tree: ParsedFile, options: argparse.Namespace, out: IO[Any]) -> int:
        outline = to_outline_dict(tree, kinds=options.kinds, depth=options.depth)
        if options.format == "json":
            import json  # only for the JSON outline

            if options.many:
                out.write(json.dumps(outline, ensure_ascii=False) + "\n")
            else:
                out.write(json.dumps(outline, ensure_ascii=False, indent=2) + "\n")
        elif options.format == "markdown":
            out.write(render_markdown(outline, lines=options.lines))
        else:
            if options.many:
                out.write(f"==> {tree.path} <==\n")
            out.write(render_text(outline, lines=options.lines))
            if options.many:
                out.write("\n")
        return 0
