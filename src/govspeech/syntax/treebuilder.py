"""The parser: text → line tokens → structural tokens → LALR → tree.

The line lexer (`lexer`) classifies each line by the grammar's terminals, the level resolver
(`levels`) decides documents and levels and injects the structural tokens, and the LALR driver
(`lalr`) runs the tables Lark computed from the grammar, calling `TreeBuilder`'s callbacks,
named after the grammar's rules, which build `Section`, `Document` and `ParsedFile` nodes
bottom-up as it reduces. It is the pipeline Lark runs with ``Lark(grammar, parser="lalr",
lexer=…, postlex=…, transformer=TreeBuilder())`` (`govspeech.syntax.build.lark_parse` does
exactly that, to check that both give the same trees), without importing Lark at run time.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from functools import cache
from typing import Any

from govspeech.nodes import (
    INDENT_CHARS,
    Blank,
    Boilerplate,
    Document,
    InlineItem,
    Leaf,
    Paragraph,
    ParsedFile,
    Section,
    TitleLine,
    install_item_finder,
)
from govspeech.syntax import lalr
from govspeech.syntax.dispatch import Analysis
from govspeech.syntax.grammar import LinePatterns, grammar_text
from govspeech.syntax.inline import inline_items as _inline_items
from govspeech.syntax.levels import tokens
from govspeech.syntax.lexer import FURNITURE, lex
from govspeech.syntax.tokens import Token

__all__ = ["TreeBuilder", "inline_items", "parse_text", "patterns"]


class _Titles(tuple):  # type: ignore[type-arg]
    """The leaves of a title block, on their way up to `document`."""


class _Closing(tuple):  # type: ignore[type-arg]
    """The leaves of a closing, on their way up to `document`."""


class TreeBuilder:
    """Callbacks named after the grammar's rules; each returns the node for its rule."""

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
    parts: list[Section | Leaf] = []
    closing: tuple[Leaf, ...] = ()
    subs: list[Document] = []
    for child in children:
        if isinstance(child, _Titles):
            titles = tuple(child)
        elif isinstance(child, _Closing):
            closing = tuple(child)
        elif isinstance(child, Token):
            if child.type == "TEXT":
                # before the first section the opening, after it the document's own text
                (parts if sections else opening).extend(child.body)  # type: ignore[attr-defined]
            else:  # a top-level heading's token: the section the level resolver built
                section = child.node  # type: ignore[attr-defined]
                sections.append(section)
                parts.append(section)
        else:
            subs.append(child)
    first: Any = None
    last: Any = None
    for group in (titles, opening, parts, closing, subs):
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
    title = _title(titles) if titles else None
    return Document(
        title=title,
        title_lines=titles,
        opening=tuple(opening),
        parts=tuple(parts),
        closing=closing,
        subdocuments=tuple(subs),
        start=first.start,
        end=last.end,
        line=line_of,
        column=1,
    )


def _title(titles: tuple[Leaf, ...]) -> str:
    """The document's title: its title lines (a title wrapped over two or three lines is one
    title), without a Markdown heading's hashes."""
    parts: list[str] = []
    for leaf in titles:
        if not parts and (not isinstance(leaf, TitleLine) or leaf.role == "label"):
            continue  # 附件1 above the title, and the blank lines after it
        if not isinstance(leaf, TitleLine) or leaf.role != "title":
            break
        parts.append(leaf.content)
    title = "".join(parts)
    decoration = patterns().decoration.match(title)
    return title[decoration.end() :] if decoration else title


@cache
def _tables() -> Any:
    """The parse tables: the shipped ones, or (in a checkout whose grammar was changed and
    the tables not regenerated) the ones Lark computes from the grammar now."""
    import zlib

    from govspeech.syntax import generated_tables

    text = grammar_text().encode("utf-8")
    # (a CRC and the length, not a cryptographic hash: hashlib costs start-up milliseconds,
    # and this only tells a grammar edited in a checkout from the one the tables were made of)
    if (zlib.crc32(text), len(text)) == generated_tables.GRAMMAR_CRC32:
        return generated_tables
    import logging
    import types

    from govspeech.syntax.build import tables

    logging.getLogger(__name__).warning(
        "govspeech.lark changed since its tables were generated: building them with Lark "
        "(run python -m govspeech.syntax.build to ship them)"
    )
    return types.SimpleNamespace(**tables(text.decode("utf-8")))


@cache
def patterns() -> LinePatterns:
    """The grammar's terminals compiled for the line lexer (once per process)."""
    t = _tables()
    analysis = Analysis(
        t.FIRST, t.FIRST_OTHER, t.LAST, t.LAST_OTHER, t.INDENTED, frozenset(t.DECORATED)
    )
    return LinePatterns(t.TERMINALS, INDENT_CHARS, analysis)


@cache
def _grammar() -> lalr.Grammar:
    return lalr.Grammar(_tables(), TreeBuilder())


def _parse(text: str) -> ParsedFile:
    pats = patterns()
    result: ParsedFile = lalr.parse(_grammar(), tokens(lex(text, pats), pats))
    return result


def parse_text(
    text: str,
    furniture: frozenset[int] = frozenset(),
    parser: Callable[[str], Any] | None = None,
) -> ParsedFile:
    """Parse decoded text into a `ParsedFile` (see `govspeech.parse`). ``furniture`` names the
    lines (1-based) a reader knows to be page furniture — a PDF's page numbers and running
    headers — which become boilerplate whatever they say. ``parser`` replaces the pipeline
    (`govspeech.syntax.build.lark_parse` passes Lark's)."""
    token = FURNITURE.set(furniture)
    # The parse allocates a few objects per line and frees none of them: the cyclic garbage
    # collector would walk the growing tree again and again for nothing (it costs ~30 %).
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        result: ParsedFile = (parser or _parse)(text)
    finally:
        FURNITURE.reset(token)
        if gc_was_enabled:
            # Left young, the new tree would be walked by the collection the next allocation
            # triggers (~5 % of a parse) and by the one after that promotes it; it holds no
            # cycles to find. Moved to the oldest generation, it waits for a full collection.
            # (Not when the caller froze objects itself — a server before fork(), say —:
            # unfreeze would thaw theirs.)
            if gc.get_freeze_count() == 0:
                gc.freeze()
                gc.unfreeze()
            gc.enable()
    return result


def inline_items(para: Paragraph) -> tuple[InlineItem, ...]:
    """The enumerations inside a paragraph (see `Paragraph.items`)."""
    return _inline_items(para, patterns())


install_item_finder(inline_items)
