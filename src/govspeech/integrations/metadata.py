"""The metadata a chunk carries into a framework's document or node: flat, plain values.

Vector stores keep only strings, numbers, booleans and lists of strings in metadata, so the
heading path is given as a string (``一、总体要求 > （二）工作目标``) and as a list, and the
document's metadata is flattened to ``doc_kind``, ``doc_number``, ``doc_date``…
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from govspeech.chunks import Chunk

if TYPE_CHECKING:
    from govspeech.nodes import ParsedFile
    from govspeech.views import DocumentView

__all__ = ["PATH_SEPARATOR", "chunk_metadata", "document_metadata"]

#: Between the headings of a path given as one string.
PATH_SEPARATOR = " > "


def chunk_metadata(chunk: Chunk) -> dict[str, Any]:
    """The chunk's metadata, flat: where it is (file, document, section, path, markers,
    citation, offsets, lines) and what its document says about itself (``doc_*``); values are
    str, int, bool or lists of str, and None is left out."""
    out: dict[str, Any] = {
        "chunk_id": chunk.id,
        "file": chunk.file,
        "document": chunk.document,
        "document_title": chunk.document_title,
        "section_id": chunk.section_id,
        "parent_id": chunk.parent_id,
        "is_parent": chunk.is_parent,
        "path": PATH_SEPARATOR.join(chunk.path),
        "path_list": list(chunk.path),
        "markers": list(chunk.markers),
        "citation": chunk.citation,
        "start": chunk.start,
        "end": chunk.end,
        "line": chunk.line,
        "end_line": chunk.end_line,
        "chars": chunk.chars,
        "oversize": chunk.oversize,
    }
    out.update(_flat(chunk.meta))
    return {k: v for k, v in out.items() if v is not None}


def document_metadata(tree: ParsedFile, view: DocumentView) -> dict[str, Any]:
    """A whole document's metadata, flat as `chunk_metadata` gives it: file, document, its
    title and what it says about itself (``doc_*``); None is left out."""
    out: dict[str, Any] = {
        "file": tree.path,
        "document": view.index,
        "document_title": view.title,
        **_flat(attrs.asdict(tree.meta_of(view.document))),
    }
    return {k: v for k, v in out.items() if v is not None}


def _flat(meta: dict[str, Any]) -> dict[str, Any]:
    """``doc_``-prefixed values a vector store keeps: lists of str, an empty list left out."""
    out: dict[str, Any] = {}
    for key, value in meta.items():
        if isinstance(value, (list, tuple)):
            value = [str(v) for v in value] or None
        out[f"doc_{key}"] = value
    return out
