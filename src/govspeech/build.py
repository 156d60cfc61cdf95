"""Building the attrs tree: the grammar's rules turned into nodes as Lark parses.

`parse` runs the pipeline: split and classify lines (lexer), resolve documents and levels
(levels), parse the token stream with the LALR parser, whose Transformer callbacks (below)
build `Section`, `Document` and `ParsedFile` nodes bottom-up.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from lark import Lark, Token, Transformer

from .grammar import LinePatterns, build_parser, line_patterns
from .levels import HeadingInfo, tokens
from .lexer import lex
from .nodes import Blank, Boilerplate, Document, Leaf, ParsedFile, Section

__all__ = ["parse_text"]


class _Titles(tuple):  # type: ignore[type-arg]
    """The leaves of a title block, on their way up to `document`."""


class _Closing(tuple):  # type: ignore[type-arg]
    """The leaves of a closing, on their way up to `document`."""


class _TreeBuilder(Transformer):  # type: ignore[type-arg]
    """Callbacks named after the grammar's rules; each returns the node for its rule."""

    def section(self, children: list[Any]) -> Section:
        head = children[0]
        info: HeadingInfo = head.info
        heading = head.node
        body: list[Leaf] = []
        subs: list[Section] = []
        for child in children[1:]:
            if isinstance(child, Token):
                body.append(child.node)  # type: ignore[attr-defined]
            else:
                subs.append(child)
        end = subs[-1].end if subs else body[-1].end if body else heading.end
        return Section(
            kind=info.kind,  # type: ignore[arg-type]
            style=info.style,
            marker=heading.marker,
            number=info.number,
            level=info.level,
            title=info.title,
            title_start=info.title_start,
            title_end=info.title_end,
            title_line=info.title_line,
            heading=heading,
            body=tuple(body),
            children=tuple(subs),
            start=heading.start,
            end=end,
            line=heading.line,
            column=heading.marker_start - heading.start + 1,
        )

    def titles(self, children: list[Any]) -> _Titles:
        return _Titles(tok.node for tok in children)

    def closing(self, children: list[Any]) -> _Closing:
        return _Closing(tok.node for tok in children)

    def document(self, children: list[Any]) -> Document:
        return _document(children)

    subdocument = document

    def preamble(self, children: list[Any]) -> tuple[Leaf, ...]:
        return tuple(tok.node for tok in children)

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
            opening.append(child.node)  # type: ignore[attr-defined]
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
        (leaf.line for group in (titles, opening) for leaf in group
         if not isinstance(leaf, (Blank, Boilerplate))),
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


@lru_cache(maxsize=None)
def _parser() -> tuple[Lark, LinePatterns]:
    lark = build_parser(_TreeBuilder())
    return lark, line_patterns(lark)


def parse_text(text: str) -> ParsedFile:
    """Parse decoded text into a `ParsedFile` (see `govspeech.parse`)."""
    lark, pats = _parser()
    lines = lex(text, pats)
    result: ParsedFile = lark.parse(tokens(lines, pats), start="start")  # type: ignore[arg-type]
    return result
