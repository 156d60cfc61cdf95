"""The tree as plain data (the shape the JSON export writes), in two views.

`to_dict` gives the *full* view: every leaf but blank lines, every position. `to_outline_dict`
gives the *outline* view: documents and their sections only, optionally filtered by kind and
depth. Both are described by the JSON Schema shipped beside this module (`load_schema`).
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from typing import TYPE_CHECKING, Any, cast

from govspeech.citation import citation, clauses, is_article

if TYPE_CHECKING:  # the nodes call this module (ParsedFile.to_dict): no import back at run time
    from govspeech.nodes import (
        Boilerplate,
        Document,
        Element,
        InlineItem,
        Leaf,
        Paragraph,
        ParsedFile,
        Section,
        TitleLine,
    )

__all__ = ["SCHEMA", "SCHEMA_FILE", "article_rows", "load_schema", "to_dict", "to_outline_dict"]

SCHEMA = "govspeech/2"
#: the JSON Schema (draft 2020-12) of both views, a resource of this package
SCHEMA_FILE = "govspeech-2.schema.json"

_SECTION_KINDS = frozenset({"numbered", "enum", "dash"})


def load_schema() -> dict[str, Any]:
    """The JSON Schema of ``to_dict`` and ``to_outline_dict`` output, as a fresh dict."""
    import json
    from importlib import resources  # only here: it imports tempfile, which start-up need not

    text = resources.files("govspeech").joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def _leaf(leaf: Leaf) -> dict[str, Any] | None:
    kind = leaf.type_name
    if kind == "blank":
        return None
    out: dict[str, Any] = {
        "type": kind,
        "text": leaf.text.rstrip("\r\n"),
        "line": leaf.line,
        "column": leaf.column,
        "span": [leaf.start, leaf.end],
    }
    if kind == "paragraph":
        para = cast("Paragraph", leaf)
        out["role"] = para.role
        if para.items:
            out["items"] = [_item(it) for it in para.items]
    elif kind == "boilerplate":
        out["reason"] = cast("Boilerplate", leaf).reason
    elif kind == "title_line":
        out["role"] = cast("TitleLine", leaf).role
    elif kind == "element":
        out["kind"] = cast("Element", leaf).kind
    return out


def _item(it: InlineItem) -> dict[str, Any]:
    return {
        "marker": it.marker,
        "style": it.style,
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
    stack: list[tuple[Section, dict[str, Any], tuple[Section, ...]]] = [(sec, root, (sec,))]
    while stack:
        s, out, path = stack.pop()
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
            tail=_leaves(s.tail),
        )
        cited = citation(path)
        if cited is not None:  # an article, and the 项 and 目 in it
            out["citation"] = cited
            if is_article(s):
                _number_clauses(s, out["body"])
        for child in s.children:
            d: dict[str, Any] = {}
            out["children"].append(d)
            stack.append((child, d, (*path, child)))
    return root


def _number_clauses(article: Section, body: list[dict[str, Any]]) -> None:
    """Give the article's 款 their number (``clause``: 1, 2 …) in its body's plain data."""
    numbers = {(p.start, p.end): k for k, p in enumerate(clauses(article), 1)}
    for leaf in body:
        k = numbers.get((leaf["span"][0], leaf["span"][1]))
        if k is not None:
            leaf["clause"] = k


def _meta(doc: Document, page: tuple[tuple[str, str], ...] = ()) -> dict[str, Any]:
    # Imported here: the outline view, which every outline command writes, does not need it.
    from govspeech.meta import document_meta

    meta = document_meta(doc, page)
    return {
        "kind": meta.kind,
        "number": meta.number,
        "agency_code": meta.agency_code,
        "year": meta.year,
        "serial": meta.serial,
        "date": meta.date,
        "issuers": list(meta.issuers),
        "addressees": list(meta.addressees),
        "attachments": list(meta.attachments),
        "cc": list(meta.cc),
        "signer": meta.signer,
        "secrecy": meta.secrecy,
        "urgency": meta.urgency,
        "from_page": list(meta.from_page),
    }


def _document(doc: Document, page: tuple[tuple[str, str], ...] = ()) -> dict[str, Any]:
    return {
        "title": doc.title,
        "line": doc.line,
        "span": [doc.start, doc.end],
        "title_lines": _leaves(doc.title_lines),
        "opening": _leaves(doc.opening),
        "sections": [_section(s) for s in doc.sections],
        "tail": _leaves(doc.tail),
        "closing": _leaves(doc.closing),
        "meta": _meta(doc, page),
        "subdocuments": [_document(d) for d in doc.subdocuments],
    }


def _add_pages(data: dict[str, Any], tree: ParsedFile) -> None:
    """Give every document, section and leaf of ``data`` its ``page`` (a PDF's input)."""
    stack: list[Any] = [data["preamble"], data["documents"]]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            if "line" in item:
                item["page"] = tree.page_of(item["line"])
            stack.extend(v for k, v in item.items() if isinstance(v, list) and k != "span")


def to_dict(tree: ParsedFile) -> dict[str, Any]:
    """The whole tree as dicts and lists; ``json.dumps(to_dict(t), ensure_ascii=False)``. For
    a PDF every document, section and leaf also has its ``page``, and ``pages`` lists the line
    each page starts on."""
    data = _full(tree)
    if tree.pages:
        data["pages"] = list(tree.pages)
        _add_pages(data, tree)
    return data


def _full(tree: ParsedFile) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "view": "full",
        "path": tree.path,
        "encoding": tree.encoding,
        "webpage": dict(tree.webpage),
        "preamble": _leaves(tree.preamble),
        # a web page's own metadata fills the gaps of its first document's (ParsedFile.meta_of)
        "documents": [
            _document(d, tree.webpage if k == 0 else ()) for k, d in enumerate(tree.documents)
        ],
    }


def _outline_sections(
    sections: tuple[Section, ...], kinds: frozenset[str], depth: int | None
) -> list[dict[str, Any]]:
    # Pre-order walk with an explicit stack, so sections are appended in document order.
    # Each entry: a section, the list its kept form goes into, the depth of that list's owner.
    top: list[dict[str, Any]] = []
    # … and the section's lineage (left-out sections too), for its citation.
    stack: list[tuple[Section, list[dict[str, Any]], int, tuple[Section, ...]]] = [
        (s, top, 0, (s,)) for s in reversed(sections)
    ]
    while stack:
        s, into, above, path = stack.pop()
        if s.kind not in kinds:  # left out: its children take its place
            stack.extend((c, into, above, (*path, c)) for c in reversed(s.children))
            continue
        level = above + 1
        children: list[dict[str, Any]] = []
        out: dict[str, Any] = {
            "kind": s.kind,
            "style": s.style,
            "marker": s.marker,
            "number": s.number,
            "level": level,
            "title": s.title,
            "line": s.line,
            "column": s.column,
            "span": [s.start, s.end],
            "children": children,
        }
        cited = citation(path)
        if cited is not None:  # an article, and the 项 and 目 in it
            out["citation"] = cited
        into.append(out)
        if depth is None or level < depth:
            stack.extend((c, children, level, (*path, c)) for c in reversed(s.children))
    return top


def _part_titles(doc: Document) -> list[Paragraph]:
    """The titles of the document's parts without a number (role ``part``)."""
    return [
        cast("Paragraph", leaf)
        for leaf in (*doc.opening, *doc.tail)
        if leaf.type_name == "paragraph" and cast("Paragraph", leaf).role == "part"
    ]


def _outline_document(doc: Document, kinds: frozenset[str], depth: int | None) -> dict[str, Any]:
    meta = doc.meta
    return {
        "title": doc.title,
        "kind": meta.kind,
        "number": meta.number,
        "date": meta.date,
        "line": doc.line,
        "span": [doc.start, doc.end],
        "parts": [{"title": part.content, "line": part.line} for part in _part_titles(doc)],
        "sections": _outline_sections(doc.sections, kinds, depth),
        "subdocuments": [_outline_document(d, kinds, depth) for d in doc.subdocuments],
    }


def to_outline_dict(
    tree: ParsedFile, *, kinds: Collection[str] | None = None, depth: int | None = None
) -> dict[str, Any]:
    """The outline view: documents and their sections, without leaves and bodies.

    ``kinds`` keeps only sections of those kinds (``"numbered"``, ``"enum"``, ``"dash"``); the
    kept descendants of a section left out move up into its place, in order. ``depth`` keeps
    ``depth`` levels of the kept sections (1: top level only). A section's ``level`` is its
    depth in this outline, so it differs from `Section.level` when ``kinds`` leaves out a
    section above it.
    """
    keep = _SECTION_KINDS if kinds is None else frozenset(kinds)
    if isinstance(kinds, str) or not keep <= _SECTION_KINDS:
        raise ValueError(f"kinds must be a collection of {sorted(_SECTION_KINDS)}, got {kinds!r}")
    if depth is not None and depth < 1:
        raise ValueError(f"depth must be at least 1, got {depth}")
    return {
        "schema": SCHEMA,
        "view": "outline",
        "path": tree.path,
        "encoding": tree.encoding,
        "documents": [_outline_document(d, keep, depth) for d in tree.documents],
    }


def article_rows(tree: ParsedFile) -> Iterator[dict[str, Any]]:
    """One plain-data row per article of a regulation (the ``article`` view of the schema),
    in text order: its citation, the 编/章/节 it sits in, its text, 款 and 项.

    A file with no articles gives no rows.
    """
    text = tree.text
    for number, doc in enumerate(tree.iter_documents(), 1):
        # Depth-first with the lineage, so each article knows the parts above it.
        stack: list[tuple[Section, tuple[Section, ...]]] = [
            (sec, (sec,)) for sec in reversed(doc.sections)
        ]
        while stack:
            sec, path = stack.pop()
            if is_article(sec):
                yield _article_row(tree, text, number, doc, sec, path)
                continue
            stack.extend((child, (*path, child)) for child in reversed(sec.children))


def _article_row(
    tree: ParsedFile,
    text: str,
    number: int,
    doc: Document,
    article: Section,
    path: tuple[Section, ...],
) -> dict[str, Any]:
    items: list[dict[str, Any]] = []
    stack = [(child, (*path, child)) for child in reversed(article.children)]
    while stack:
        sec, lineage = stack.pop()
        own = "".join(leaf.text for leaf in (sec.heading, *sec.own_leaves)).strip()
        items.append(
            {"citation": citation(lineage), "marker": sec.marker, "text": own, "line": sec.line}
        )
        stack.extend((child, (*lineage, child)) for child in reversed(sec.children))
    return {
        "schema": SCHEMA,
        "view": "article",
        "path": tree.path,
        "encoding": tree.encoding,
        "document": number,
        "document_title": doc.title,
        "context": [
            {"style": s.style, "marker": s.marker, "title": s.title}
            for s in path[:-1]
            if not is_article(s)
        ],
        "citation": citation(path),
        "number": article.number,
        "marker": article.marker,
        "caption": article.title,
        "text": text[article.start : article.end],
        "clauses": [p.content for p in clauses(article)],
        "items": items,
        "line": article.line,
        "span": [article.start, article.end],
    }
