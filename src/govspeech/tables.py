r"""Corpus tables: one row per document, section, paragraph, sentence or chunk, for pandas.

For search, RAG and research: `to_dataframe` turns parsed files (or paths) into one
`pandas.DataFrame`; `rows` gives the same rows as plain dicts, one tree at a time, without
pandas (the ``export --format parquet`` format writes them). pandas is an optional extra:
``pip install 'govspeech[pandas]'``.

Every unit has the same columns (`COLUMNS`), so frames of different units concatenate:

- ``file``, ``document`` (the index ``"3"``, ``"7.2"`` for a run-together part),
  ``document_title`` (as `govspeech.views.part_title` makes it);
- ``section_id`` (the section the row is in, `govspeech.views.section_id`: ``d3-s1234``),
  ``parent_id`` (the unit that holds the row: a section's parent section, a paragraph's
  section, a sentence's paragraph, a part's document; empty at the top) and ``id``, the row's
  own stable id: ``d3`` for a document, ``d3-s1234`` for a section, ``d3-s1234-p2`` for the
  second paragraph of a section (``d3-p1`` for the document's own text: opening, closing, the
  text of a part without a number), ``d3-s1234-p2-s1`` for a sentence;
- ``level``, ``kind``, ``style``, ``marker``, ``number``, ``title``, ``path`` (the titles from
  the top down, ``一、总体要求 > （二）工作目标``), ``path_markers`` (``一、 > （二）``) and
  ``citation`` (第三条第（一）项) describe the row's section — for a paragraph or sentence row
  the section it is in, empty for the document's own text; for a document row ``title`` is
  its title and the others are empty;
- ``role``: a paragraph's role (``text``, ``salutation``, ``closing`` …) or, for a 公文's part,
  its element kind (``number``, ``addressees``, ``date`` …); empty for sections and documents;
- ``text``: a section's own paragraphs (its body and tail, one a line: `views.body_text`), a
  paragraph or a sentence exactly as written (``tree.text[start:end] == text``), a document's
  lines without boilerplate;
- ``start``, ``end`` (character offsets into the decoded text, ``end`` exclusive: a section's
  span holds its subsections, a document's its own text without its parts) and ``line``;
- ``doc_kind``, ``doc_number``, ``doc_date`` (ISO), ``doc_issuers``, ``doc_addressees``,
  ``doc_attachments``, ``doc_cc``: what the document says about itself
  (`ParsedFile.meta_of`), several names joined by ``；``.

Empty cells are ``None`` in `rows` and ``<NA>`` in the frame. dtypes (`DTYPES`): ``Int64``
(nullable) for ``level`` and ``number``, ``int64`` for ``start``, ``end`` and ``line``,
``string[python]`` for everything else — so a missing ``number`` (a —— item) stays an integer
column instead of turning it into floats.

``unit="chunk"`` takes the rows from `govspeech.chunks.chunks` (imported when asked for): one
row per chunk, ``file`` and the chunk's fields (`attrs.asdict`), its ``path`` joined and its
``meta`` as ``doc_*`` columns (`chunk_columns`).

>>> import govspeech
>>> text = "关于安全生产的讲话\n同志们：\n一、统一思想。要提高认识。\n（一）压实责任。\n"
>>> tree = govspeech.parse(text)
>>> for row in rows(tree):
...     print(row["id"], row["parent_id"], row["level"], row["path"], repr(row["text"]))
d1-s15 None 1 一、统一思想。 '要提高认识。'
d1-s29 d1-s15 2 一、统一思想。 > （一）压实责任。 ''
>>> [(r["id"], r["parent_id"], r["role"], r["text"]) for r in rows(tree, "paragraph")]
[('d1-p1', None, 'salutation', '同志们：'), ('d1-s15-p1', 'd1-s15', 'text', '要提高认识。')]
>>> [r["id"] for r in rows(tree, "sentence")]
['d1-p1-s1', 'd1-s15-p1-s1']
"""

from __future__ import annotations

import os
import re
import typing
from collections.abc import Iterable, Iterator
from functools import cache
from types import UnionType
from typing import TYPE_CHECKING, Any, Final, Union

import attrs

from govspeech.api import parse_file
from govspeech.errors import MissingDependencyError
from govspeech.nodes import (
    INDENT_CHARS,
    LINE_ENDINGS,
    Blank,
    Boilerplate,
    Document,
    Element,
    Leaf,
    Paragraph,
    ParsedFile,
    Section,
)
from govspeech.sentences import sentence_spans
from govspeech.views import DocumentView, SectionView, body_text, documents, flow, section_id

if TYPE_CHECKING:
    from govspeech.meta import DocumentMeta

__all__ = [
    "COLUMNS",
    "DTYPES",
    "NAME_SEPARATOR",
    "PANDAS_HINT",
    "UNITS",
    "Source",
    "chunk_columns",
    "iter_trees",
    "require_chunks",
    "rows",
    "to_dataframe",
]

#: The units a table can have a row per.
UNITS: Final = ("document", "section", "paragraph", "sentence", "chunk")

#: The columns of every unit but ``chunk``, in order.
COLUMNS: Final = (
    "file",
    "document",
    "document_title",
    "section_id",
    "parent_id",
    "id",
    "level",
    "kind",
    "style",
    "marker",
    "number",
    "title",
    "path",
    "path_markers",
    "role",
    "text",
    "start",
    "end",
    "line",
    "citation",
    "doc_kind",
    "doc_number",
    "doc_date",
    "doc_issuers",
    "doc_addressees",
    "doc_attachments",
    "doc_cc",
)

_NULLABLE_INTS = frozenset({"level", "number"})
_INTS = frozenset({"start", "end", "line"})
#: The pandas dtype of each column: nullable ``Int64`` where a cell may be empty (a ——
#: item's number), ``int64`` where it never is, ``string[python]`` for text.
DTYPES: Final = {
    name: "Int64" if name in _NULLABLE_INTS else "int64" if name in _INTS else "string[python]"
    for name in COLUMNS
}

#: Between the names of a cell that holds several (issuing bodies, addressees), as in the CSV.
NAME_SEPARATOR: Final = "；"
#: What `to_dataframe` says when pandas is missing.
PANDAS_HINT: Final = "govspeech.tables.to_dataframe needs pandas: pip install 'govspeech[pandas]'"

#: What `to_dataframe` and `iter_trees` accept: a parsed file or a path, or many of them.
Source = Union[  # noqa: UP007 (a runtime alias on 3.10)
    ParsedFile, str, os.PathLike[str], Iterable[Union[ParsedFile, str, os.PathLike[str]]]  # noqa: UP007
]


def iter_trees(trees: Source) -> Iterator[ParsedFile]:
    """Each input as a parsed file, one at a time: a `ParsedFile` as it is, a path parsed with
    `govspeech.parse_file` when its turn comes (so a corpus is never all in memory)."""
    items: Iterable[Any] = (trees,) if isinstance(trees, (ParsedFile, str, os.PathLike)) else trees
    for item in items:
        if isinstance(item, ParsedFile):
            yield item
        elif isinstance(item, (str, os.PathLike)):
            yield parse_file(item)
        else:
            raise TypeError(
                f"expected a ParsedFile or a path, got {type(item).__name__}: {item!r:.60}"
            )


def rows(tree: ParsedFile, unit: str = "section") -> Iterator[dict[str, Any]]:
    """The rows of one parsed file, one dict per ``unit`` (see the module docstring); keys in
    `COLUMNS` order (for ``chunk``: `chunk_columns`). Needs no pandas."""
    _check_unit(unit)
    if unit == "chunk":
        yield from _chunk_rows(tree)
        return
    for view in documents(tree):
        base = _document_columns(tree, view)
        if unit == "document":
            yield _document_row(base, view)
        elif unit == "section":
            yield from _section_rows(base, view)
        else:
            yield from _paragraph_rows(base, view, sentences=unit == "sentence")


def to_dataframe(trees: Source, unit: str = "section") -> Any:
    """A `pandas.DataFrame` with a row per ``unit`` of every input, in input order.

    ``trees``: a `ParsedFile`, a path (``str`` or ``os.PathLike``, parsed with
    `govspeech.parse_file`) or an iterable of both; paths are parsed one at a time, so only the
    rows are kept, never every tree. ``unit``: one of `UNITS`. Columns and dtypes: `COLUMNS`
    and `DTYPES` (for ``chunk``: `chunk_columns`). Raises `MissingDependencyError` without
    pandas (``pip install 'govspeech[pandas]'``) or, for ``chunk``, without `govspeech.chunks`;
    ``ValueError`` for an unknown unit.
    """
    pd = _pandas()
    _check_unit(unit)
    if unit == "chunk":
        return _chunk_frame(pd, trees)
    # Column lists rather than a list of row dicts: one list per column holds the values only.
    columns: dict[str, list[Any]] = {name: [] for name in COLUMNS}
    for tree in iter_trees(trees):
        for column, values in zip(columns.values(), _transpose(rows(tree, unit)), strict=True):
            column.extend(values)
    return pd.DataFrame(
        {name: pd.Series(columns[name], dtype=DTYPES[name]) for name in COLUMNS},
        columns=list(COLUMNS),
    )


# ---------------------------------------------------------------- rows


def _transpose(found: Iterable[dict[str, Any]], width: int = len(COLUMNS)) -> list[tuple[Any, ...]]:
    """One file's rows as columns (zip in C: much faster than appending cell by cell)."""
    table = list(zip(*(tuple(row.values()) for row in found), strict=True))
    return table if table else [()] * width


def _check_unit(unit: str) -> None:
    if unit not in UNITS:
        raise ValueError(f"unknown unit {unit!r}; expected one of {', '.join(UNITS)}")


def _join(names: tuple[str, ...]) -> str | None:
    return NAME_SEPARATOR.join(names) if names else None


def _document_columns(tree: ParsedFile, view: DocumentView) -> dict[str, Any]:
    """The columns every row of a document shares: where it is and what it says it is."""
    meta: DocumentMeta = tree.meta_of(view.document)  # a web page's own metadata fills gaps
    return {
        "file": tree.path,
        "document": view.index,
        "document_title": view.title,
        "doc_kind": meta.kind,
        "doc_number": meta.number,
        "doc_date": meta.date,
        "doc_issuers": _join(meta.issuers),
        "doc_addressees": _join(meta.addressees),
        "doc_attachments": _join(meta.attachments),
        "doc_cc": _join(meta.cc),
    }


_NO_SECTION: Final[dict[str, Any]] = {
    "section_id": None,
    "level": None,
    "kind": None,
    "style": None,
    "marker": None,
    "number": None,
    "title": None,
    "path": None,
    "path_markers": None,
    "citation": None,
}


def _section_columns(index: str, view: SectionView) -> dict[str, Any]:
    """The columns that describe a section, for its own row and the rows of its text."""
    sec = view.section
    return {
        "section_id": section_id(index, sec),
        "level": view.depth,
        "kind": sec.kind,
        "style": sec.style,
        "marker": sec.marker,
        "number": sec.number,
        "title": sec.title,
        "path": " > ".join(view.title_path),
        "path_markers": view.path_text,
        "citation": view.citation,
    }


def _row(
    base: dict[str, Any],
    sec: dict[str, Any],
    *,
    uid: str,
    parent_id: str | None,
    role: str | None,
    text: str,
    start: int,
    end: int,
    line: int,
) -> dict[str, Any]:
    """One row, its keys in `COLUMNS` order."""
    return {
        "file": base["file"],
        "document": base["document"],
        "document_title": base["document_title"],
        "section_id": sec["section_id"],
        "parent_id": parent_id,
        "id": uid,
        "level": sec["level"],
        "kind": sec["kind"],
        "style": sec["style"],
        "marker": sec["marker"],
        "number": sec["number"],
        "title": sec["title"],
        "path": sec["path"],
        "path_markers": sec["path_markers"],
        "role": role,
        "text": text,
        "start": start,
        "end": end,
        "line": line,
        "citation": sec["citation"],
        "doc_kind": base["doc_kind"],
        "doc_number": base["doc_number"],
        "doc_date": base["doc_date"],
        "doc_issuers": base["doc_issuers"],
        "doc_addressees": base["doc_addressees"],
        "doc_attachments": base["doc_attachments"],
        "doc_cc": base["doc_cc"],
    }


def _own_leaves(doc: Document) -> Iterator[Leaf]:
    """The document's leaves in source order, its subdocuments' left out."""
    yield from doc.title_lines
    yield from doc.opening
    for part in doc.parts:
        if isinstance(part, Section):
            yield from part.iter_leaves()
        else:
            yield part
    yield from doc.closing


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _document_row(base: dict[str, Any], view: DocumentView) -> dict[str, Any]:
    doc = view.document
    # Leaves in order rebuild the lines (a heading and the rest of its line are two leaves).
    joined = "".join(
        leaf.text for leaf in _own_leaves(doc) if not isinstance(leaf, (Blank, Boilerplate))
    )
    lines = (line.strip(INDENT_CHARS) for line in _LINE_BREAK.split(joined))
    # A document's span holds its parts; its own text ends where the first part begins.
    end = doc.subdocuments[0].start if doc.subdocuments else doc.end
    return _row(
        base,
        dict(_NO_SECTION, title=doc.title),
        uid=f"d{view.index}",
        parent_id=f"d{view.index.partition('.')[0]}" if view.is_part else None,
        role=None,
        text="\n".join(line for line in lines if line.strip()),
        start=doc.start,
        end=end,
        line=doc.line,
    )


def _section_rows(base: dict[str, Any], view: DocumentView) -> Iterator[dict[str, Any]]:
    index = view.index
    for sv in flow(view.document):
        if not isinstance(sv, SectionView):
            continue
        sec = sv.section
        columns = _section_columns(index, sv)
        parent = section_id(index, sv.lineage[-2]) if len(sv.lineage) > 1 else None
        yield _row(
            base,
            columns,
            uid=columns["section_id"],
            parent_id=parent,
            role=None,
            text=body_text(sec),
            start=sec.start,
            end=sec.end,
            line=sec.line,
        )


def _span(leaf: Leaf) -> tuple[str, int]:
    """A leaf's text without its line ending and indentation (`views.leaf_text`), and the
    offset where that text starts."""
    raw = leaf.text.rstrip(LINE_ENDINGS)
    body = raw.lstrip(INDENT_CHARS)
    return body.rstrip(INDENT_CHARS), leaf.start + len(raw) - len(body)


def _text_leaves(doc: Document) -> Iterator[tuple[SectionView | None, Leaf]]:
    """Every leaf of the document's own text with the section it belongs to (None for the
    document's own text), in source order: what `flow` walks, with the opening and closing."""
    for leaf in (*doc.title_lines, *doc.opening):
        yield None, leaf
    for item in flow(doc):
        if isinstance(item, SectionView):
            for leaf in item.section.body:
                yield item, leaf
        else:
            for leaf in item.leaves:
                yield item.owner, leaf
    for leaf in doc.closing:
        yield None, leaf


def _paragraph_rows(
    base: dict[str, Any], view: DocumentView, *, sentences: bool
) -> Iterator[dict[str, Any]]:
    index = view.index
    doc_id = f"d{index}"
    counts: dict[str, int] = {}
    columns: dict[int, dict[str, Any]] = {}  # a section's columns, made once
    for owner, leaf in _text_leaves(view.document):
        # A 公文's parts read as its paragraphs, as in `views.paragraph_texts`.
        if not isinstance(leaf, (Paragraph, Element)):
            continue
        text, start = _span(leaf)
        if not text.strip():
            continue
        if owner is None:
            sec, holder = _NO_SECTION, doc_id
        else:
            key = id(owner.section)
            if key not in columns:
                columns[key] = _section_columns(index, owner)
            sec = columns[key]
            holder = sec["section_id"]
        k = counts[holder] = counts.get(holder, 0) + 1
        pid = f"{holder}-p{k}"
        role = leaf.role if isinstance(leaf, Paragraph) else leaf.kind
        row = _row(
            base,
            sec,
            uid=pid,
            parent_id=sec["section_id"],
            role=role,
            text=text,
            start=start,
            end=start + len(text),
            line=leaf.line,
        )
        if not sentences:
            yield row
            continue
        row["parent_id"] = pid
        for j, (s, e) in enumerate(sentence_spans(text), 1):
            # the paragraph's row with the sentence's own cells: a dict copy, keys in order
            sentence = row.copy()
            sentence["id"] = f"{pid}-s{j}"
            sentence["text"] = text[s:e]
            sentence["start"] = start + s
            sentence["end"] = start + e
            yield sentence


# ---------------------------------------------------------------- sentences


# ---------------------------------------------------------------- chunks


def _chunks_module() -> Any:
    """`govspeech.chunks`, imported only for ``unit="chunk"``."""
    try:
        import govspeech.chunks as module
    except ModuleNotFoundError as exc:
        if exc.name not in ("govspeech.chunks", "govspeech"):
            raise  # govspeech.chunks is there, but something it imports is not
        raise MissingDependencyError(
            "unit='chunk' needs govspeech.chunks, which this version of govspeech does not have"
        ) from None
    return module


def require_chunks() -> None:
    """Raise `MissingDependencyError` unless ``unit="chunk"`` can work (`govspeech.chunks`
    imports): for a command that would rather say so before it reads any input."""
    _chunks_module()


def _kind(tp: Any) -> str:
    """What a field's type holds, as a table sees it: ``str``, ``int``, ``bool``, ``float``,
    ``list[str]``, ``list[int]``, ``list[list[int]]`` … or ``object``."""
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is Union or origin is UnionType:
        kinds = {_kind(a) for a in args if a is not type(None)}
        return kinds.pop() if len(kinds) == 1 else "object"
    if origin in (tuple, list):
        inner = {_kind(a) for a in args if a is not Ellipsis}
        return f"list[{inner.pop()}]" if len(inner) == 1 else "object"
    names: dict[Any, str] = {bool: "bool", int: "int", float: "float", str: "str"}
    return names.get(tp, "object")


def chunk_columns() -> dict[str, str]:
    """The columns of ``unit="chunk"`` and what each holds (`_kind`: ``str``, ``int``,
    ``bool``, ``list[str]`` …), in order: ``file``, then the fields of `govspeech.chunks.Chunk`
    with ``path`` (its title path) joined by `` > `` as in the other units, and the document's
    metadata (``meta``) as the ``doc_*`` columns of the other units, several names joined by
    ``；``. Raises `MissingDependencyError` without `govspeech.chunks`."""
    return dict(_columns_of(_chunks_module().Chunk))


@cache
def _columns_of(chunk_class: type) -> tuple[tuple[str, str], ...]:
    """`chunk_columns` for a chunk class, worked out once."""
    from govspeech.meta import DocumentMeta

    columns = {"file": "str"}
    for name, tp in typing.get_type_hints(chunk_class).items():
        if name not in {f.name for f in attrs.fields(chunk_class)}:
            continue
        if name == "meta":
            for key, meta_tp in typing.get_type_hints(DocumentMeta).items():
                kind = _kind(meta_tp)
                columns[f"doc_{key}"] = "str" if kind.startswith("list[") else kind
        elif name == "path":
            columns[name] = "str"
        else:
            columns.setdefault(name, _kind(tp))
    return tuple(columns.items())


def _chunk_rows(tree: ParsedFile) -> Iterator[dict[str, Any]]:
    """A row per chunk of `govspeech.chunks.chunks`, with the `chunk_columns` as keys."""
    module = _chunks_module()
    columns = chunk_columns()
    for chunk in module.chunks(tree):
        row = dict.fromkeys(columns)
        row["file"] = tree.path
        for name, value in attrs.asdict(chunk, recurse=False).items():
            if name == "meta" and isinstance(value, dict):
                for key, item in value.items():
                    if f"doc_{key}" in row:
                        joined = isinstance(item, (list, tuple))
                        row[f"doc_{key}"] = _join(tuple(item)) if joined else item
            elif name == "path" and isinstance(value, (list, tuple)):
                row[name] = " > ".join(value)
            elif name in row:
                row[name] = _plain(value)
        yield row


def _plain(value: Any) -> Any:
    """Tuples (of tuples) as lists, which pandas and pyarrow take as lists."""
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return value


def _dtype(name: str, kind: str) -> Any:
    """The pandas dtype of a chunk column: as `DTYPES` where the name is one of `COLUMNS`."""
    if name in DTYPES and kind in ("str", "int"):
        return DTYPES[name]
    return {"str": "string[python]", "int": "Int64", "bool": "boolean", "float": "Float64"}.get(
        kind, object
    )


def _chunk_frame(pd: Any, trees: Source) -> Any:
    columns = chunk_columns()
    values: dict[str, list[Any]] = {name: [] for name in columns}
    for tree in iter_trees(trees):
        found = _transpose(_chunk_rows(tree), len(columns))
        for column, cells in zip(values.values(), found, strict=True):
            column.extend(cells)
    return pd.DataFrame(
        {name: pd.Series(values[name], dtype=_dtype(name, kind)) for name, kind in columns.items()},
        columns=list(columns),
    )


# ---------------------------------------------------------------- pandas


def _pandas() -> Any:
    """pandas, or a `MissingDependencyError` naming the extra to install."""
    try:
        import pandas  # type: ignore[import-untyped,import-not-found,unused-ignore]
    except ImportError as exc:
        if exc.name in (None, "pandas"):
            raise MissingDependencyError(PANDAS_HINT) from None
        raise MissingDependencyError(f"{PANDAS_HINT} (pandas failed to import: {exc})") from None
    return pandas
