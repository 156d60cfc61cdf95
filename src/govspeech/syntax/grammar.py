"""Loading the Lark grammar (``govspeech.syntax/govspeech.lark``) and the patterns it defines.

The grammar ships inside the package. The LALR parser is built once per process and cached on
disk by Lark, so a first parse costs milliseconds, not the ~70 ms of building the tables.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from lark import Lark, Transformer
from lark.lexer import Lexer, LexerState

__all__ = ["INLINE_PREFIX", "LinePatterns", "build_parser", "grammar_text", "line_patterns"]

GRAMMAR_PACKAGE = "govspeech.syntax"
GRAMMAR_FILE = "govspeech.lark"

# Terminals the line lexer applies inside a line rather than at its start.
_INLINE_TERMINALS = ("INDENT", "SENTENCE_END", "INLINE_LEAD")
#: The terminals of enumerations inside a paragraph, one per family (INLINE_ + its terminal).
INLINE_PREFIX = "INLINE_"


def grammar_text() -> str:
    """The grammar's source text, read from the installed package."""
    from importlib.resources import files

    return files(GRAMMAR_PACKAGE).joinpath(GRAMMAR_FILE).read_text(encoding="utf-8")


class _TokenStream(Lexer):
    """A 'lexer' that hands Lark the tokens the level resolver already made."""

    __future_interface__ = 2

    def __init__(self, lexer_conf: Any) -> None:
        pass

    def lex(self, lexer_state: LexerState, parser_state: Any) -> Iterator[Any]:
        stream: Iterator[Any] = iter(lexer_state.text)  # type: ignore[call-overload]
        return stream


def build_parser(transformer: Transformer) -> Lark:  # type: ignore[type-arg]
    """A Lark LALR parser for the document grammar that applies ``transformer`` as it parses.

    ``cache=True`` keeps the analysed grammar in the temp folder, keyed by the grammar's hash.
    """
    return Lark(
        grammar_text(),
        parser="lalr",
        lexer=_TokenStream,
        start=["start", "lexicon"],
        cache=True,
        maybe_placeholders=False,
        transformer=transformer,
    )


class LinePatterns:
    """The grammar's terminals compiled for the line lexer.

    ``line`` tries every line-class terminal at once, in the grammar's priority order; the name
    of the group that matched (``m.lastgroup``) is the terminal's name.
    """

    def __init__(self, terminals: dict[str, tuple[int, int, str]]) -> None:
        inline = sorted(
            (item for item in terminals.items() if item[0].startswith(INLINE_PREFIX)),
            key=lambda item: item[1][1],
        )
        line_terms = sorted(
            (
                item
                for item in terminals.items()
                if item[0] not in _INLINE_TERMINALS and not item[0].startswith(INLINE_PREFIX)
            ),
            key=lambda item: (-item[1][0], item[1][1]),
        )
        self.order = [name for name, _ in line_terms]
        # After the indentation: an empty rest is a blank line (BLANK has no pattern of its own).
        alternatives = "|".join(f"(?P<{name}>{rx})" for name, (_, _, rx) in line_terms)
        indent = terminals["INDENT"][2]
        self.line = re.compile(f"(?:{indent})?(?:(?P<BLANK>$)|{alternatives})")
        self.indent = re.compile(terminals["INDENT"][2])
        self.trailing_space = re.compile(f"(?:{indent})$")
        self.sentence_end = re.compile(terminals["SENTENCE_END"][2])
        # An inline item: the lead, then one family's marker as a group named by its terminal
        # (``m.lastgroup``), e.g. INLINE_ENUM_SHI for the family ENUM_SHI.
        families = "|".join(
            f"(?P<{name}>{rx})" for name, (_, _, rx) in inline if name != "INLINE_LEAD"
        )
        self.inline_item = re.compile(f"(?:{terminals['INLINE_LEAD'][2]})(?:{families})")


def line_patterns(lark: Lark) -> LinePatterns:
    """The grammar's terminals of ``lark``, compiled for the line lexer."""
    terms: dict[str, tuple[int, int, str]] = {}
    for index, term in enumerate(lark.terminals):
        if term.name.startswith("__"):  # anonymous helper terminals
            continue
        terms[term.name] = (term.priority, index, term.pattern.to_regexp())
    return LinePatterns(terms)
