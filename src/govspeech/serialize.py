"""`to_dict`: the tree as plain data (the shape the JSON export writes)."""

from __future__ import annotations

from typing import Any

from .nodes import Blank, Boilerplate, Document, InlineItem, Leaf, Paragraph, ParsedFile, Section

__all__ = ["SCHEMA", "to_dict"]

SCHEMA = "govspeech/1"


def _leaf(leaf: Leaf) -> dict[str, Any] | None:
    if isinstance(leaf, Blank):
        return None
    out: dict[str, Any] = {
        "type": type(leaf).__name__.lower(),
        "text": leaf.text.rstrip("\r\n"),
        "line": leaf.line,
        "column": leaf.column,
        "span": [leaf.start, leaf.end],
    }
    if isinstance(leaf, Paragraph):
        out["role"] = leaf.role
        if leaf.items:
            out["items"] = [_item(it) for it in leaf.items]
    elif isinstance(leaf, Boilerplate):
        out["reason"] = leaf.reason
    return out


def _item(it: InlineItem) -> dict[str, Any]:
    return {
        "marker": it.marker,
        "number": it.number,
        "text": it.text,
        "line": it.line,
        "column": it.column,
        "span": [it.start, it.end],
    }


def _leaves(leaves: tuple[Leaf, ...]) -> list[dict[str, Any]]:
    return [d for d in map(_leaf, leaves) if d is not None]


def _section(sec: Section) -> dict[str, Any]:
    # Built iteratively: sections can nest deeper than Python's recursion limit allows.
    root: dict[str, Any] = {}
    stack: list[tuple[Section, dict[str, Any]]] = [(sec, root)]
    while stack:
        s, out = stack.pop()
        out.update(
            kind=s.kind,
            style=s.style,
            marker=s.marker,
            number=s.number,
            level=s.level,
            title=s.title,
            line=s.line,
            column=s.column,
            title_line=s.title_line,
            span=[s.start, s.end],
            title_span=[s.title_start, s.title_end],
            body=_leaves(s.body),
            children=[],
        )
        for child in s.children:
            d: dict[str, Any] = {}
            out["children"].append(d)
            stack.append((child, d))
    return root


def _document(doc: Document) -> dict[str, Any]:
    return {
        "title": doc.title,
        "line": doc.line,
        "span": [doc.start, doc.end],
        "title_lines": _leaves(doc.title_lines),
        "opening": _leaves(doc.opening),
        "sections": [_section(s) for s in doc.sections],
        "closing": _leaves(doc.closing),
        "subdocuments": [_document(d) for d in doc.subdocuments],
    }


def to_dict(tree: ParsedFile) -> dict[str, Any]:
    """The whole tree as dicts and lists; ``json.dumps(to_dict(t), ensure_ascii=False)``."""
    return {
        "schema": SCHEMA,
        "path": tree.path,
        "encoding": tree.encoding,
        "preamble": _leaves(tree.preamble),
        "documents": [_document(d) for d in tree.documents],
    }
