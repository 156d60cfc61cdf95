"""The grammar: conflict-free, complete, shipped in the package."""

from __future__ import annotations

import re
from importlib.resources import files

from govspeech.syntax.build import lark
from govspeech.syntax.families import FAMILIES
from govspeech.syntax.grammar import _HELPER_TERMINALS, grammar_text
from govspeech.syntax.reference import lark_parser
from govspeech.syntax.treebuilder import patterns


def test_grammar_ships_inside_the_package():
    text = files("govspeech.syntax").joinpath("govspeech.lark").read_text("utf-8")
    assert text == grammar_text()
    assert "CN_PAREN" in text


def test_lalr_tables_have_no_conflicts():
    # strict=True raises on any shift/reduce or reduce/reduce conflict instead of resolving it
    # (the terminals overlap by design: the line lexer tries them in priority order)
    lark(strict=True)


def test_lark_runs_the_same_pipeline_through_its_own_interfaces():
    lark = lark_parser()
    assert type(lark.options.transformer).__name__ == "TreeBuilder"
    # Lark reads the text: our lexer and level resolver plugged in, its LALR parser, our builder.
    tree = lark.parse("一、统一思想。\n（一）提高站位。\n")
    assert [s.marker for s in tree.documents[0].iter_sections()] == ["一、", "（一）"]


def test_every_terminal_defined_reaches_the_lexer():
    defined = set(re.findall(r"^([A-Z][A-Z_]*)(?:\.\d+)?\s*:", grammar_text(), re.M))
    pats = patterns()
    compiled = {t.name for t in lark_parser().terminals}
    assert defined <= compiled
    inline = {name for name in defined if name.startswith("INLINE_")}
    # Every other terminal is a line class, tried at the start of each line.
    for name in defined - set(_HELPER_TERMINALS) - inline:
        assert name in pats.order, name
    # Each inline family is a named group of the inline pattern, and names a family of its own.
    assert inline - {"INLINE_LEAD"} == set(pats.inline_item.groupindex)
    for name in inline - {"INLINE_LEAD"}:
        assert name.removeprefix("INLINE_") in FAMILIES


def test_priorities_order_the_line_classes():
    order = patterns().order
    # boilerplate before everything; markers before titles; titles before paragraphs' classes
    assert order.index("BOILERPLATE") < order.index("CN_NUM")
    assert order.index("DATELINE") < order.index("DASH")
    assert order.index("DASH") < order.index("TITLE") < order.index("OPENING")


def test_every_heading_terminal_has_a_family_and_back():
    from govspeech.syntax.families import FAMILIES

    rule = re.search(r"^_heading:(.*?)^\n", grammar_text(), re.M | re.S)
    assert rule is not None
    in_grammar = set(re.findall(r"[A-Z][A-Z_]+", rule.group(1)))
    assert in_grammar == set(FAMILIES)
    assert {f.kind for f in FAMILIES.values()} == {"numbered", "enum", "dash"}


def test_indent_chars_match_the_grammar():
    import re

    from govspeech.nodes import INDENT_CHARS
    from govspeech.syntax.grammar import grammar_text

    pattern = re.search(r"^INDENT: /(.*)/$", grammar_text(), re.M)
    assert pattern is not None
    indent = re.compile(pattern.group(1))
    spaces = {chr(c) for c in range(0x10000) if indent.fullmatch(chr(c))}
    assert spaces == set(INDENT_CHARS)
    # A line of em spaces is blank, not a paragraph.
    import govspeech

    tree = govspeech.parse("一、统一思想。\n\u2003\u2003\n正文。\n")
    assert [type(leaf).__name__ for leaf in tree.iter_leaves()] == ["Heading", "Blank", "Paragraph"]
