"""A LangChain document loader: govspeech's structure-aware chunks as LangChain `Document`\\ s.

``pip install 'govspeech[langchain]'`` (langchain-core). Each chunk becomes one document whose
``page_content`` is the chunk's ``context`` (the document title and heading path, then its
text: what to embed) or, with ``content="text"``, its exact source text; its metadata is
`govspeech.integrations.metadata.chunk_metadata` (``id`` is the chunk's stable id).

>>> from govspeech.integrations.langchain import GovspeechLoader   # doctest: +SKIP
>>> docs = GovspeechLoader(["讲话.txt", "政府工作报告.pdf"], max_size=500).load()  # doctest: +SKIP
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterable, Iterator
from typing import Any, Literal

from govspeech.api import parse_file
from govspeech.chunks import chunks
from govspeech.errors import MissingDependencyError
from govspeech.integrations.metadata import chunk_metadata

__all__ = ["GovspeechLoader"]


def _langchain() -> Any:
    try:
        return importlib.import_module("langchain_core.documents")
    except ImportError:
        raise MissingDependencyError(
            "the LangChain loader needs langchain-core, which is not installed: "
            "pip install 'govspeech[langchain]'"
        ) from None


def _base() -> type:
    try:
        return importlib.import_module("langchain_core.document_loaders").BaseLoader  # type: ignore[no-any-return]
    except ImportError:  # the class is still usable without LangChain's base (it says so)
        return object


class GovspeechLoader(_base()):  # type: ignore[misc]
    """Load files (text, Word, web pages, PDF, Markdown… as `govspeech.parse_file` reads them)
    as LangChain documents, one per chunk, in file and source order.

    ``paths`` one path or several; ``content`` ``"context"`` (heading path + text, default)
    or ``"text"``; every other keyword goes to `govspeech.chunks.chunks` (``max_size``,
    ``size``, ``overlap``, ``unit``, ``parents``).
    """

    def __init__(
        self,
        paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
        *,
        content: Literal["context", "text"] = "context",
        encoding: str | None = None,
        **chunk_options: Any,
    ) -> None:
        if isinstance(paths, (str, os.PathLike)):
            paths = [paths]
        self.paths = [os.fspath(p) for p in paths]
        self.content = content
        self.encoding = encoding
        self.chunk_options = chunk_options

    def lazy_load(self) -> Iterator[Any]:
        """The documents one by one (a file is parsed when its first chunk is asked for)."""
        documents = _langchain()
        for path in self.paths:
            tree = parse_file(path, self.encoding)
            for chunk in chunks(tree, **self.chunk_options):
                text = chunk.context if self.content == "context" else chunk.text
                yield documents.Document(
                    page_content=text, metadata=chunk_metadata(chunk), id=chunk.id
                )

    def load(self) -> list[Any]:
        """All the documents."""
        return list(self.lazy_load())
