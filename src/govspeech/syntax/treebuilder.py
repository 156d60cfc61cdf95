"""Building the attrs tree: the grammar's rules turned into nodes as Lark parses.

`parse` runs the pipeline: split and classify lines (lexer), resolve documents and levels
(levels), parse the token stream with the LALR parser, whose Transformer callbacks (below)
build `Section`, `Document` and `ParsedFile` nodes bottom-up.
"""

from __future__ import annotations

import gc
from functools import cache
from typing import Any

from lark import Lark, Token, Transformer

from govspeech.nodes import (
    Blank,
    Boilerplate,
    Document,
    InlineItem,
    Leaf,
    Paragraph,
    ParsedFile,
    Section,
)
from govspeech.syntax.grammar import LinePatterns, build_parser, line_patterns
from govspeech.syntax.levels import tokens
from govspeech.syntax.lexer import inline_items as _inline_items
from govspeech.syntax.lexer import lex

__all__ = ["parse_text"]


class _Titles(tuple):  # type: ignore[type-arg]
    """The leaves of a title block, on their way up to `document`."""


class _Closing(tuple):  # type: ignore[type-arg]
    """The leaves of a closing, on their way up to `document`."""


class _TreeBuilder(Transformer):  # type: ignore[type-arg]
    """Callbacks named after the grammar's rules; each returns the node for its rule."""

    def section(self, children: list[Any]) -> Section:
        head = children[0]
        body: tuple[Leaf, ...] = head.body
        if len(children) > 1:
            subs = tuple(children[1:])
            end = subs[-1].end
        else:
            subs = ()
            end = body[-1].end if body else head.node.end
        # info: kind, style, number, level, title, title_start, title_end, title_line
        return Section(*head.info, head.node, body, subs, end)  # type: ignore[call-arg]

    def titles(self, children: list[Any]) -> _Titles:
        return _Titles(tok.node for tok in children)

    def closing(self, children: list[Any]) -> _Closing:
        return _Closing(children[0].body)

    def document(self, children: list[Any]) -> Document:
        return _document(children)

    subdocument = document

    def preamble(self, children: list[Any]) -> tuple[Leaf, ...]:
        return tuple(children[0].body)

    def start(self, children: list[Any]) -> ParsedFile:
        preamble: tuple[Leaf, ...] = ()
        docs = []
        for child in children:
            if isinstance(child, Document):
                docs.append(child)
            else:
                preamble = child
        return ParsedFile(preamble=preamble, documents=tuple(docs))


def _document(children: list[Any]) -> Document:
    titles: tuple[Leaf, ...] = ()
    opening: list[Leaf] = []
    sections: list[Section] = []
    closing: tuple[Leaf, ...] = ()
    subs: list[Document] = []
    for child in children:
        if isinstance(child, _Titles):
            titles = tuple(child)
        elif isinstance(child, _Closing):
            closing = tuple(child)
        elif isinstance(child, Token):
            opening.extend(child.body)  # type: ignore[attr-defined]
        elif isinstance(child, Section):
            sections.append(child)
        else:
            subs.append(child)
    first: Any = None
    last: Any = None
    for group in (titles, opening, sections, closing, subs):
        if group:
            first = first or group[0]
            last = group[-1]
    line_of = next(
        (
            leaf.line
            for group in (titles, opening)
            for leaf in group
            if not isinstance(leaf, (Blank, Boilerplate))
        ),
        sections[0].line if sections else first.line,
    )
    title = titles[0].content if titles else None  # type: ignore[union-attr]
    return Document(
        title=title,
        title_lines=titles,
        opening=tuple(opening),
        sections=tuple(sections),
        closing=closing,
        subdocuments=tuple(subs),
        start=first.start,
        end=last.end,
        line=line_of,
        column=1,
    )


@cache
def _parser() -> tuple[Lark, LinePatterns]:
    lark = build_parser(_TreeBuilder())
    return lark, line_patterns(lark)


def parse_text(text: str) -> ParsedFile:
    """Parse decoded text into a `ParsedFile` (see `govspeech.parse`)."""
    lark, pats = _parser()
    # The parse allocates a few objects per line and frees none of them: the cyclic garbage
    # collector would walk the growing tree again and again for nothing (it costs ~30 %).
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        lines = lex(text, pats)
        result: ParsedFile = lark.parse(tokens(lines, pats), start="start")  # type: ignore[assignment]
    finally:
        if gc_was_enabled:
            gc.enable()
    return result


def inline_items(para: Paragraph) -> tuple[InlineItem, ...]:
    """The enumerations inside a paragraph (see `Paragraph.items`)."""
    return _inline_items(para, _parser()[1])
