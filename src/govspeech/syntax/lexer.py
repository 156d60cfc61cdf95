"""The line lexer: splits the text into lines and classifies each by the grammar's terminals.

`LineLexer` is the Lark lexer of the document grammar. Each line becomes one `LineToken`
(its type is the terminal that matched) holding the leaves the line is made of: a heading line
gives a `Heading` and, when the line goes on after the heading sentence, a `Paragraph` for the
rest; any other line gives one leaf. Which class a line belongs to is decided only by the
grammar's line-class terminals (see govspeech.lark); this module adds positions and cuts
heading lines at the end of their first sentence. The level resolver (`levels`) reads these
tokens and hands the parser the ones that carry structure.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lark import Token
from lark.common import LexerConf
from lark.lexer import Lexer, LexerState

from govspeech.nodes import Blank, Boilerplate, Heading, Leaf, Paragraph, TitleLine, split_lines
from govspeech.syntax.families import FAMILIES
from govspeech.syntax.grammar import LinePatterns
from govspeech.syntax.numerals import marker_number

__all__ = ["LineLexer", "LineToken", "first_sentence", "lex"]

_PARAGRAPH_ROLES = {
    "PARA": "text",
    "SALUTATION": "salutation",
    "ADDRESS": "salutation",
    "CLOSING": "closing",
    "OPENING": "opening",
    "DATELINE": "text",
}


class LineToken(Token):
    """One source line: its type is the line's terminal (CN_NUM, PARA, TITLE…); it holds the
    line's leaves and, for a heading, the marker's number."""

    __slots__ = ("leaves", "number")  # no per-token dict: one token per line

    leaves: tuple[Leaf, ...]
    number: int | None


def _line(cls: str, leaves: tuple[Leaf, ...], number: int | None = None) -> LineToken:
    tok = LineToken(cls, "")
    tok.leaves = leaves
    tok.number = number
    return tok


def first_sentence(pats: LinePatterns, content: str, pos: int) -> tuple[int, int, int]:
    """Where the heading sentence of ``content`` starting at ``pos`` lies.

    Returns (start, end, content_end): ``start`` after the white space at ``pos``, ``end``
    after the first SENTENCE_END or at the end of the text, ``content_end`` before trailing
    white space.
    """
    lead = pats.indent.match(content, pos)
    start = lead.end() if lead else pos
    content_end = len(content)
    if content_end > start and pats.indent.match(content, content_end - 1):  # rare: look closer
        trail = pats.trailing_space.search(content, start)
        content_end = trail.start() if trail else content_end
    stop = pats.sentence_end.search(content, start, content_end)
    return start, (stop.end() if stop else content_end), content_end


class LineLexer(Lexer):
    """The document grammar's lexer: one `LineToken` per line, classified by the terminals.

    Built by Lark from the grammar's terminals (``lexer_conf.terminals``); a level resolver
    given as ``postlex`` is bound to the same compiled patterns (it reads sentence ends).
    """

    __future_interface__ = 2  # lex(lexer_state, parser_state), the text as a TextSlice

    def __init__(self, lexer_conf: LexerConf) -> None:
        self.patterns = LinePatterns(lexer_conf.terminals)
        bind = getattr(lexer_conf.postlex, "bind", None)
        if bind is not None:
            bind(self.patterns)

    def lex(self, lexer_state: LexerState, parser_state: Any) -> Iterator[Token]:
        text = lexer_state.text
        return iter(lex(text.text[text.start : text.end], self.patterns))


def lex(text: str, pats: LinePatterns) -> list[LineToken]:
    """Split ``text`` into classified `LineToken` records covering every character."""
    out: list[LineToken] = []
    append = out.append
    match_line = pats.line.match
    pos = 0
    in_licence = False
    for lineno, raw in enumerate(split_lines(text), 1):
        start = pos
        pos += len(raw)
        content = raw.rstrip("\r\n")
        m = match_line(content)
        cls = m.lastgroup if m else "PARA"
        if cls == "BLANK":
            append(_line("BLANK", (Blank(raw, start, pos, lineno, 1),)))
            continue
        if in_licence and cls != "TITLE":
            append(_line("BOILERPLATE", (Boilerplate(raw, start, pos, lineno, 1, "licence"),)))
            continue
        if cls == "PARA" or cls in _PARAGRAPH_ROLES:
            role = _PARAGRAPH_ROLES[cls]
            append(_line(cls, (Paragraph(raw, start, pos, lineno, 1, role),)))
            continue
        if cls == "TITLE":
            in_licence = False
            append(_line(cls, (TitleLine(raw, start, pos, lineno, 1),)))
            continue
        if cls == "BOILERPLATE" or cls == "LICENSE":
            in_licence = in_licence or cls == "LICENSE"
            reason = "licence" if cls == "LICENSE" else "web"
            append(_line("BOILERPLATE", (Boilerplate(raw, start, pos, lineno, 1, reason),)))
            continue
        # A heading line: marker, then the title sentence, then (maybe) body text.
        assert m is not None and cls is not None
        i0 = m.start(cls)
        mark_end = m.end()
        t0, t1, content_end = first_sentence(pats, content, mark_end)
        rest_is_text = t1 < content_end
        head_len = t1 if rest_is_text else len(raw)
        heading = Heading(
            raw[:head_len],
            start,
            start + head_len,
            lineno,
            1,
            start + i0,
            start + mark_end,
            start + t0,
            start + t1,
        )
        number = marker_number(FAMILIES[cls].style, content[i0:mark_end])
        if rest_is_text:
            rest = Paragraph(raw[t1:], start + t1, pos, lineno, t1 + 1)
            append(_line(cls, (heading, rest), number))
        else:
            append(_line(cls, (heading,), number))
    return out
