"""`pretty`: a compact text view of the tree, one heading a line, for reading and golden tests."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # ParsedFile.pretty calls this module: no import back at run time
    from govspeech.nodes import Document, ParsedFile, Section

__all__ = ["pretty"]


def _section_lines(sec: Section, indent: str, out: list[str]) -> None:
    stack: list[tuple[Section, str]] = [(sec, indent)]
    while stack:
        s, ind = stack.pop()
        num = "-" if s.number is None else str(s.number)
        out.append(f"{ind}{s.line:>4} L{s.level} {s.kind}/{s.style} #{num} {s.marker} {s.title}")
        stack.extend((c, ind + "  ") for c in reversed(s.children))


def _document_lines(doc: Document, label: str, out: list[str]) -> None:
    title = doc.title if doc.title is not None else "(untitled)"
    out.append(f"{label} line {doc.line}: {title}")
    for leaf in doc.opening:
        role = getattr(leaf, "role", None)
        if role in ("salutation", "opening"):
            out.append(f"  {leaf.line:>4} [{role}]")
    for sec in doc.sections:
        _section_lines(sec, "  ", out)
    if doc.closing:
        out.append(f"  {doc.closing[0].line:>4} [closing]")
    for k, sub in enumerate(doc.subdocuments, 1):
        _document_lines(sub, f"  {label}.{k}", out)


def pretty(tree: ParsedFile) -> str:
    """Documents, their headings (line, level, kind/style, number, marker, title)."""
    out: list[str] = []
    if tree.preamble:
        out.append(f"preamble: lines {tree.preamble[0].line}-{tree.preamble[-1].line}")
    for k, doc in enumerate(tree.documents, 1):
        _document_lines(doc, f"document {k}", out)
    return "\n".join(out) + "\n"
