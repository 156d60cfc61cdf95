"""`pretty`: a compact text view of the tree, one heading a line, for reading and golden tests."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # ParsedFile.pretty calls this module: no import back at run time
    from govspeech.nodes import Document, ParsedFile, Section

__all__ = ["pretty"]


def _section_lines(sec: Section, indent: str, out: list[str]) -> None:
    # Entries: a section to write, or the line of a run of its parent's text after a list
    # (``[tail]``, where the text goes back up), at the indentation of the parent's children.
    stack: list[tuple[Section | int, str]] = [(sec, indent)]
    while stack:
        s, ind = stack.pop()
        if isinstance(s, int):
            out.append(f"{ind}{s:>4} [tail]")
            continue
        num = "-" if s.number is None else str(s.number)
        out.append(f"{ind}{s.line:>4} L{s.level} {s.kind}/{s.style} #{num} {s.marker} {s.title}")
        later: list[tuple[Section | int, str]] = []
        in_run = False
        for part in s.parts[len(s.body) :]:
            kind = getattr(part, "type_name", None)  # a leaf's; a section has none
            if kind is None:
                later.append((part, ind + "  "))  # type: ignore[arg-type]
                in_run = False
            elif kind == "paragraph" and not in_run:
                later.append((part.line, ind + "  "))
                in_run = True
        stack.extend(reversed(later))


def _elements(leaves: tuple[object, ...], out: list[str]) -> None:
    """A 公文's parts among ``leaves``: ``[kind]`` at the first line of each (an 附件说明 over
    three lines is one entry)."""
    prev = None
    for leaf in leaves:
        if getattr(leaf, "type_name", "") == "blank":
            continue
        kind = getattr(leaf, "kind", None)  # an element's
        if kind is not None and kind != prev:
            out.append(f"  {leaf.line:>4} [{kind}]")  # type: ignore[attr-defined]
        prev = kind


def _document_lines(doc: Document, label: str, out: list[str]) -> None:
    title = doc.title if doc.title is not None else "(untitled)"
    out.append(f"{label} line {doc.line}: {title}")
    _elements(doc.title_lines, out)
    prev = None
    for leaf in doc.opening:
        role = getattr(leaf, "role", None)
        kind = getattr(leaf, "kind", None)  # an element's
        if role in ("salutation", "opening"):
            out.append(f"  {leaf.line:>4} [{role}]")
        elif kind is not None and kind != prev:
            out.append(f"  {leaf.line:>4} [{kind}]")
        prev = kind
    in_run = False
    for part in doc.parts:
        kind = getattr(part, "type_name", None)  # a leaf's; a section has none
        if kind is None:
            _section_lines(part, "  ", out)  # type: ignore[arg-type]
            in_run = False
        elif kind == "paragraph" and not in_run:
            out.append(f"  {part.line:>4} [tail]")  # the document's own text
            in_run = True
    if doc.closing:
        if not isinstance(getattr(doc.closing[0], "kind", None), str):
            out.append(f"  {doc.closing[0].line:>4} [closing]")
        _elements(doc.closing, out)
    for k, sub in enumerate(doc.subdocuments, 1):
        _document_lines(sub, f"  {label}.{k}", out)


def pretty(tree: ParsedFile) -> str:
    """Documents, their headings (line, level, kind/style, number, marker, title), and where a
    section's text goes back up after a list (``[tail]``, at its first paragraph's line)."""
    out: list[str] = []
    if tree.preamble:
        out.append(f"preamble: lines {tree.preamble[0].line}-{tree.preamble[-1].line}")
    for k, doc in enumerate(tree.documents, 1):
        _document_lines(doc, f"document {k}", out)
    return "\n".join(out) + "\n"
