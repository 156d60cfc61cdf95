"""The reference parser: the same pipeline run by Lark itself, for tests and benchmarks.

``Lark(govspeech.lark, parser="lalr", lexer=…, postlex=…, transformer=TreeBuilder())``: Lark
reads the text through our line lexer and level resolver (plugged in through its lexer and
post-lexer interfaces), runs its own LALR parser and calls the same tree builder.
`govspeech.parse` must give the same tree (tests/test_lalr.py, ``benchmarks/parse.py
--check``). Slower, and it imports Lark: never used by a parse.
"""

from __future__ import annotations

from functools import cache

from lark import Lark

from govspeech.nodes import ParsedFile
from govspeech.syntax.build import lark
from govspeech.syntax.treebuilder import TreeBuilder, parse_text

__all__ = ["lark_parse", "lark_parser"]


@cache
def lark_parser() -> Lark:
    """The grammar as Lark builds it, the tree builder as its transformer (once)."""
    return lark(transformer=TreeBuilder())


def lark_parse(text: str) -> ParsedFile:
    """Parse ``text`` with Lark's LALR parser (see the module docstring)."""
    return parse_text(text, parser=lark_parser().parse)
