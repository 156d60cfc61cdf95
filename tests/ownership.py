"""Who owns each line of a parsed text: the shape of the hand-read files in tests/owners/.

A line's owner is, for a heading, the line of its parent heading, and for any other line the
line of the heading whose section holds it; 0 is the document itself (its title lines, opening
and closing, and its top-level headings). ``kind`` is ``H`` for a heading line, ``T`` for a
title line and ``P`` for any other line with text.
"""

from __future__ import annotations

from typing import Any

from govspeech.nodes import Blank, Boilerplate, Document, Heading, ParsedFile, Section, TitleLine


def owners(tree: ParsedFile) -> dict[int, tuple[int, str]]:
    """``{line: (owner line, kind)}`` for every line with text (not blank, not boilerplate)."""
    out: dict[int, tuple[int, str]] = {}
    # (node, owner of its leaves); a stack, read through each class's child_fields
    stack: list[tuple[Any, int]] = [(tree, 0)]
    while stack:
        node, owner = stack.pop()
        if isinstance(node, Section):
            parent, owner = owner, node.line
        items: list[tuple[Any, int]] = []
        for f in node.child_fields:
            value = getattr(node, f.name)
            for child in (value,) if f.single else value:
                items.append((child, owner))
        for child, own in reversed(items):
            if isinstance(child, Heading):
                out[child.line] = (parent, "H")
            elif isinstance(child, (Blank, Boilerplate)):
                continue
            elif isinstance(child, TitleLine):
                out.setdefault(child.line, (0, "T"))
            elif isinstance(child, (Document, Section)):
                stack.append((child, own))
            else:
                out.setdefault(child.line, (own, "P"))
    return out
