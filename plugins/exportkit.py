"""What the export formats share: documents with display titles, sections with their paths.

Built on the public tree API only (`govspeech.nodes`, `govspeech.walk`), like any third-party
format could be.
"""

from __future__ import annotations

from collections.abc import Iterator

from attrs import frozen

from govspeech.nodes import Boilerplate, Document, Leaf, Paragraph, ParsedFile, Section
from govspeech.walk import walk_with_depth

__all__ = ["DocumentView", "SectionView", "body_text", "documents", "leaf_text", "sections"]


@frozen
class DocumentView:
    """A document or subdocument as the formats show it.

    ``index`` is ``"7"`` for the seventh document of a file and ``"7.2"`` for its second
    part (the first subdocument); ``title`` is the document's title, for a part the parent's
    title with ``(part 2 of 7, line 135)``, for an untitled document ``(untitled, line N)``.
    """

    document: Document
    index: str
    title: str
    is_part: bool


@frozen
class SectionView:
    """A section with its depth (1 at the top) and the markers of its ancestors and itself."""

    section: Section
    depth: int
    path: tuple[str, ...]

    @property
    def path_text(self) -> str:
        """``三、 > （二） > 1.``"""
        return " > ".join(self.path)


def documents(tree: ParsedFile) -> Iterator[DocumentView]:
    """Every document and subdocument in source order, with display titles."""
    for k, doc in enumerate(tree.documents, 1):
        title = doc.title if doc.title is not None else f"(untitled, line {doc.line})"
        subs = doc.subdocuments
        parts = len(subs) + 1
        yield DocumentView(doc, str(k), f"{title} (part 1 of {parts})" if subs else title, False)
        for j, sub in enumerate(subs, 2):
            label = f"{title} (part {j} of {parts}, line {sub.line})"
            yield DocumentView(sub, f"{k}.{j}", label, True)


def sections(doc: Document) -> Iterator[SectionView]:
    """The document's sections (not its subdocuments') in order, with depth and marker path."""
    path: list[str] = []
    for top in doc.sections:
        for node, depth in walk_with_depth(top):
            if not isinstance(node, Section):
                continue
            # Below a section, every step down to a child section is one step of depth.
            del path[depth:]
            path.append(node.marker.strip())
            yield SectionView(node, len(path), tuple(path))


def leaf_text(leaf: Leaf) -> str:
    """A leaf's text without its line ending and surrounding white space."""
    return leaf.text.rstrip("\r\n").strip(" \t\u3000\u00a0\ufeff")


def body_text(section: Section, *, boilerplate: bool = False) -> str:
    """The section's own body (not its children's): paragraphs joined by newlines.

    Boilerplate lines are left out unless ``boilerplate`` is true; blank lines always are.
    """
    parts = [
        leaf_text(leaf)
        for leaf in section.body
        if isinstance(leaf, Paragraph) or (boilerplate and isinstance(leaf, Boilerplate))
    ]
    return "\n".join(p for p in parts if p)
