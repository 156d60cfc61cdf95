"""Build time: Lark reads the grammar and computes what the parser runs on.

    python -m govspeech.syntax.build          # rewrite govspeech/syntax/generated_tables.py
    python -m govspeech.syntax.build --check  # exit 1 when it is out of date

The grammar (``govspeech.lark``) stays the one place marker syntax is written. From it Lark
computes the terminals' regular expressions and the LALR(1) tables (``strict=True``: a
conflict is an error, not a silent shift); `govspeech.syntax.dispatch` reads from the
terminals which ones can match a line with a given first and last character. All three are
written to `govspeech.syntax.generated_tables`, a plain Python module, so that a parse imports
neither Lark nor the regex parser. ``tests/test_lalr.py`` regenerates it and fails when the
shipped one differs, and parses the corpus with Lark itself (`govspeech.syntax.reference`:
Lark's own LALR parser, lexer and post-lexer interfaces, the same tree builder) to check that
both give the same trees.

This module needs Lark (a dependency of govspeech); nothing imports it at run time except
`govspeech.syntax.treebuilder`, when the shipped tables do not match the grammar (a changed
grammar in a checkout), to build them in memory.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from pprint import pformat
from typing import Any

from lark import Lark
from lark.lexer import Lexer, LexerState
from lark.parsers.lalr_analysis import Shift

from govspeech.nodes import INDENT_CHARS
from govspeech.syntax.dispatch import analyse
from govspeech.syntax.grammar import TRAILING, LinePatterns, Terminal, grammar_text, line_terminals

__all__ = ["generate", "lark", "lexer_of", "main", "tables"]

OUTPUT = Path(__file__).with_name("generated_tables.py")

# Every terminal the grammar defines (the line lexer needs them all, used by a rule or not).
_TERMINAL_NAME = re.compile(r"^([A-Z][A-Z_]*)(?:\.\d+)?\s*:", re.M)


class _LineLexer(Lexer):
    """Our line lexer behind Lark's lexer interface: Lark builds it, and it records the
    terminals Lark compiled."""

    __future_interface__ = 2

    def __init__(self, lexer_conf: Any) -> None:
        self.terminals: list[Terminal] = [
            (t.name, t.priority, t.pattern.to_regexp()) for t in lexer_conf.terminals
        ]
        self.patterns = LinePatterns(self.terminals, INDENT_CHARS)

    def lex(self, lexer_state: LexerState, parser_state: Any) -> Iterator[Any]:
        from govspeech.syntax.lexer import lex

        text = lexer_state.text
        return iter(lex(text.text[text.start : text.end], self.patterns))


class _Resolver:
    """The level resolver behind Lark's post-lexer interface."""

    def __init__(self, always_accept: tuple[str, ...]) -> None:
        self.always_accept = always_accept
        self.patterns: LinePatterns | None = None

    def process(self, stream: Iterator[Any]) -> Iterator[Any]:
        from govspeech.syntax.levels import tokens

        assert self.patterns is not None
        return tokens(list(stream), self.patterns)


def lark(text: str | None = None, transformer: object = None, strict: bool = True) -> Lark:
    """The grammar ``text`` (default: the shipped one) as Lark builds it: our line lexer and
    level resolver plugged in through Lark's lexer and post-lexer interfaces, ``transformer``
    called as it reduces."""
    text = grammar_text() if text is None else text
    resolver = _Resolver(tuple(_TERMINAL_NAME.findall(text)))
    parser = Lark(
        text,
        parser="lalr",
        lexer=_LineLexer,
        postlex=resolver,
        transformer=transformer,
        start="start",
        maybe_placeholders=False,
        strict=strict,
    )
    resolver.patterns = lexer_of(parser).patterns
    return parser


def lexer_of(parser: Lark) -> _LineLexer:
    """The line lexer Lark built for ``parser``."""
    lexer = parser.parser.lexer  # Lark's PostLexConnector around ours
    inner = getattr(lexer, "lexer", lexer)
    assert isinstance(inner, _LineLexer)
    return inner


def tables(text: str | None = None) -> dict[str, Any]:
    """What `generated_tables` holds, computed by Lark from the grammar ``text``."""
    text = grammar_text() if text is None else text
    parser = lark(text)
    terminals = lexer_of(parser).terminals
    table = parser.parser.parser.parser.parse_table
    rules: dict[Any, int] = {}
    states: list[dict[str, int]] = []
    # Lark numbers states as its sets iterate (which varies between runs); ours are numbered in
    # the order a breadth-first walk from the start state reaches them, symbols in name order,
    # and the rules in the order the walk first reduces by them: the same tables, the same file.
    start = table.start_states["start"]
    number = {start: 0}
    order = [start]
    for state in order:
        for _, (action, arg) in sorted(table.states[state].items()):
            if action is Shift and arg not in number:
                number[arg] = len(order)
                order.append(arg)
    for state in order:
        row: dict[str, int] = {}
        for symbol, (action, arg) in sorted(table.states[state].items()):
            if action is Shift:
                row[str(symbol)] = number[arg]
            else:
                row[str(symbol)] = ~rules.setdefault(arg, len(rules))
        states.append(row)
    rule_rows = []
    for rule in sorted(rules, key=rules.__getitem__):
        if rule.options.keep_all_tokens or rule.options.expand1 or rule.alias:
            raise ValueError(f"rule {rule}: !, ? and aliases are not supported by the driver")
        keep = tuple(
            (i, not sym.is_term and sym.name.startswith("_"))
            for i, sym in enumerate(rule.expansion)
            if not (sym.is_term and sym.filter_out)
        )
        rule_rows.append((str(rule.origin.name), len(rule.expansion), keep))
    names = line_terminals(terminals)
    by_name = {name: rx for name, _, rx in terminals}
    analysis = analyse(
        [rx for _, rx in names], by_name["INDENT"], by_name["MARKDOWN_HASHES"], TRAILING
    )
    data = text.encode("utf-8")
    return {
        # what a parse checks the grammar against: the CRC-32 and length of its text
        "GRAMMAR_CRC32": (zlib.crc32(data), len(data)),
        "TERMINALS": tuple(terminals),
        "START": number[table.start_states["start"]],
        "END": number[table.end_states["start"]],
        "ACTIONS": tuple(states),
        "RULES": tuple(rule_rows),
        "FIRST": dict(sorted(analysis.first.items())),
        "FIRST_OTHER": analysis.first_other,
        "LAST": dict(sorted(analysis.last.items())),
        "LAST_OTHER": analysis.last_other,
        "INDENTED": analysis.indented,
        "DECORATED": "".join(sorted(analysis.decorated)),
    }


_HEADER = '''\
"""The parse tables of govspeech.lark, computed by Lark: GENERATED, do not edit.

Regenerate with ``python -m govspeech.syntax.build`` after changing the grammar (a test fails
until then). See `govspeech.syntax.build` for what each name holds.
"""

# fmt: off
# ruff: noqa: E501
'''


_TYPES = {
    "TERMINALS": "tuple[tuple[str, int, str], ...]",
    "ACTIONS": "tuple[dict[str, int], ...]",
    "RULES": "tuple[tuple[str, int, tuple[tuple[int, bool], ...]], ...]",
}


def generate(text: str | None = None) -> str:
    """The source of `generated_tables` for the grammar ``text`` (default: the shipped one)."""
    parts = [_HEADER]
    for name, value in tables(text).items():
        if isinstance(value, tuple) and name in _TYPES:
            # one state (or rule) a line, numbered, so that a diff shows what changed
            rows = "".join(f"    {row!r},  # {i}\n" for i, row in enumerate(value))
            parts.append(f"{name}: {_TYPES[name]} = (\n{rows})\n")
        elif isinstance(value, (tuple, dict)):
            parts.append(f"{name} = {pformat(value, width=100, sort_dicts=False)}\n")
        else:
            parts.append(f"{name} = {value!r}\n")
    return "\n".join(parts)


def main(argv: list[str] | None = None) -> int:
    """Write (or ``--check``) `generated_tables`; the exit code says whether it was current."""
    ap = argparse.ArgumentParser(prog="python -m govspeech.syntax.build", description=__doc__)
    ap.add_argument("--check", action="store_true", help="only say whether it is up to date")
    args = ap.parse_args(argv)
    source = generate()
    current = OUTPUT.read_text("utf-8") if OUTPUT.exists() else ""
    if args.check:
        if source != current:
            print(f"{OUTPUT.name} is out of date: run python -m govspeech.syntax.build")
            return 1
        print(f"{OUTPUT.name} is up to date")
        return 0
    if source == current:
        print(f"{OUTPUT.name} is up to date")
        return 0
    fd, tmp = tempfile.mkstemp(dir=OUTPUT.parent, prefix=".generated_tables.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(source)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # a source file, not the private one mkstemp makes
        os.replace(tmp, OUTPUT)
    except BaseException:
        os.unlink(tmp)
        raise
    print(f"wrote {OUTPUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
