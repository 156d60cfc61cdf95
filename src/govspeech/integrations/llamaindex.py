"""LlamaIndex: a reader and a node parser built on govspeech's structure-aware chunks.

``pip install 'govspeech[llamaindex]'`` (llama-index-core).

- `GovspeechReader` reads files (as `govspeech.parse_file` does) into LlamaIndex
  `Document`\\ s, one per govspeech document (a file may hold a notice and the rules it
  issues, or 13 speeches), with the document's metadata (``doc_kind``, ``doc_number``…).
- `GovspeechNodeParser` cuts any LlamaIndex document's text into `TextNode`\\ s by its
  numbering — a heading never apart from its body, the heading path in each node's metadata
  — with SOURCE, PREVIOUS/NEXT and, with ``parents=True``, PARENT/CHILD relationships.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterable, Sequence
from itertools import pairwise
from typing import Any

from govspeech.api import parse, parse_file
from govspeech.chunks import chunks
from govspeech.errors import MissingDependencyError
from govspeech.integrations.metadata import chunk_metadata, document_metadata
from govspeech.views import documents

__all__ = ["GovspeechNodeParser", "GovspeechReader", "chunk_nodes"]


def _core(module: str) -> Any:
    try:
        return importlib.import_module(f"llama_index.core.{module}")
    except ImportError:
        raise MissingDependencyError(
            "the LlamaIndex reader needs llama-index-core, which is not installed: "
            "pip install 'govspeech[llamaindex]'"
        ) from None


def chunk_nodes(text: str, source: Any = None, **chunk_options: Any) -> list[Any]:
    """The `TextNode`\\ s of ``text`` parsed by govspeech and cut into chunks (options as
    `govspeech.chunks.chunks`); ``source`` (a LlamaIndex document) is each node's SOURCE and
    lends its metadata. Node ids are the chunks' stable ids (prefixed with the source's id)."""
    schema = _core("schema")
    rel, info = schema.NodeRelationship, schema.RelatedNodeInfo
    prefix = f"{source.doc_id}:" if source is not None else ""
    base = dict(source.metadata) if source is not None else {}
    nodes: list[Any] = []
    by_id: dict[str, Any] = {}  # chunk id → node
    parents: list[tuple[Any, str]] = []  # (node, its parent chunk's id)
    for chunk in chunks(parse(text), **chunk_options):
        node = schema.TextNode(
            id_=prefix + chunk.id,
            text=chunk.text,
            metadata={**base, **chunk_metadata(chunk)},
            start_char_idx=chunk.start,
            end_char_idx=chunk.end,
        )
        # what the embedder sees: the heading path first (the text alone lacks it)
        node.excluded_embed_metadata_keys = [k for k in node.metadata if k != "path"]
        node.excluded_llm_metadata_keys = [k for k in node.metadata if k != "path"]
        if source is not None:
            node.relationships[rel.SOURCE] = info(node_id=source.doc_id)
        by_id[chunk.id] = node
        if chunk.parent_id is not None:
            parents.append((node, chunk.parent_id))
        nodes.append(node)
    for node, parent_id in parents:  # a parent may come before or after its children
        parent = by_id.get(parent_id)
        if parent is not None:
            node.relationships[rel.PARENT] = info(node_id=parent.node_id)
            parent.relationships.setdefault(rel.CHILD, []).append(info(node_id=node.node_id))
    flat = [n for n in nodes if not n.metadata.get("is_parent")]
    for prev, nxt in pairwise(flat):
        prev.relationships[rel.NEXT] = info(node_id=nxt.node_id)
        nxt.relationships[rel.PREVIOUS] = info(node_id=prev.node_id)
    return nodes


def _reader_base() -> type:
    try:
        return importlib.import_module("llama_index.core.readers.base").BaseReader  # type: ignore[no-any-return]
    except ImportError:
        return object


class GovspeechReader(_reader_base()):  # type: ignore[misc]
    """Read files as LlamaIndex documents, one per govspeech document, in order."""

    def load_data(
        self, file: str | os.PathLike[str] | Iterable[str | os.PathLike[str]], **_: Any
    ) -> list[Any]:
        """The documents of ``file`` (one path or several): text, title, metadata."""
        schema = _core("schema")
        paths = [file] if isinstance(file, (str, os.PathLike)) else list(file)
        out = []
        for path in paths:
            tree = parse_file(path)
            for view in documents(tree):
                doc = view.document
                out.append(
                    schema.Document(
                        text=tree.text[doc.start : doc.end],
                        id_=f"{tree.path}#{view.index}",
                        metadata=document_metadata(tree, view),
                    )
                )
        return out


def _parser_base() -> type:
    try:
        return importlib.import_module("llama_index.core.node_parser").NodeParser  # type: ignore[no-any-return]
    except ImportError:
        return object


class GovspeechNodeParser(_parser_base()):  # type: ignore[misc]
    """A LlamaIndex node parser that cuts documents by their numbering (`chunk_nodes`).

    Fields: ``max_size`` (characters, 800), ``overlap`` (0), ``unit`` (``"section"``),
    ``parents`` (False).
    """

    max_size: int = 800
    overlap: int = 0
    unit: str = "section"
    parents: bool = False

    def _parse_nodes(
        self, nodes: Sequence[Any], show_progress: bool = False, **kwargs: Any
    ) -> list[Any]:
        out: list[Any] = []
        for doc in nodes:
            out.extend(
                chunk_nodes(
                    doc.get_content(),
                    doc,
                    max_size=self.max_size,
                    overlap=self.overlap,
                    unit=self.unit,
                    parents=self.parents,
                )
            )
        return out
