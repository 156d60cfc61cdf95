"""The line lexer: splits the text into lines and classifies each by the grammar's terminals.

Each line becomes one `Line` record holding the leaves it is made of: a heading line gives a
`Heading` and, when the line goes on after the heading sentence, a `Paragraph` for the rest;
any other line gives one leaf. Which class a line belongs to is decided only by the grammar's
line-class terminals (see grammars/govspeech.lark); this module adds positions and cuts
heading lines at the end of their first sentence.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from govspeech.nodes import Blank, Boilerplate, Heading, InlineItem, Leaf, Paragraph, TitleLine
from govspeech.syntax.families import FAMILIES
from govspeech.syntax.grammar import INLINE_PREFIX, LinePatterns
from govspeech.syntax.numerals import marker_number

__all__ = ["Line", "first_sentence", "inline_items", "lex"]

_PARAGRAPH_ROLES = {
    "PARA": "text",
    "SALUTATION": "salutation",
    "ADDRESS": "salutation",
    "CLOSING": "closing",
    "OPENING": "opening",
    "DATELINE": "text",
}

# Only \n, \r\n and \r end a line here; str.splitlines would also split on \v, \f, \x1c-\x1e,
# \x85, \u2028 and \u2029, which must stay inside their line for the offsets to hold.
_EXOTIC_BREAKS = re.compile("[\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
_LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")


class Line(NamedTuple):
    """One source line: its terminal class, its leaves and, for headings, the marker's number."""

    cls: str
    leaves: tuple[Leaf, ...]
    number: int | None = None


def _split_lines(text: str) -> list[str]:
    if _EXOTIC_BREAKS.search(text) is None:
        return text.splitlines(keepends=True)
    return _LINES.findall(text)


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


def inline_items(para: Paragraph, pats: LinePatterns) -> tuple[InlineItem, ...]:
    """The enumerations inside ``para`` (…两件事。一是…。二是…), found by the INLINE_* terminals."""
    text = para.text
    # The rest of a heading line follows the 。 that ended the title: an item may start at 0.
    lead = 1 if para.column > 1 else 0
    scan = "。" + text if lead else text
    found = list(pats.inline_item.finditer(scan))
    if not found:
        return ()
    content_end = len(scan.rstrip("\r\n"))
    items = []
    starts = [m.start(m.lastgroup or 0) for m in found]
    for i, m in enumerate(found):
        m_start = starts[i]
        m_end = starts[i + 1] if i + 1 < len(found) else content_end
        terminal = m.lastgroup or ""
        marker = m.group(terminal)
        # The terminal that matched names the family: INLINE_ENUM_SHI is ENUM_SHI's.
        style = FAMILIES[terminal.removeprefix(INLINE_PREFIX)].style
        items.append(
            InlineItem(
                marker=marker,
                number=marker_number(style, marker),
                text=scan[m_start:m_end],
                start=para.start + m_start - lead,
                end=para.start + m_end - lead,
                line=para.line,
                column=para.column + m_start - lead,
                style=style,
            )
        )
    return tuple(items)


def lex(text: str, pats: LinePatterns) -> list[Line]:
    """Split ``text`` into classified `Line` records covering every character."""
    out: list[Line] = []
    append = out.append
    match_line = pats.line.match
    pos = 0
    in_licence = False
    for lineno, raw in enumerate(_split_lines(text), 1):
        start = pos
        pos += len(raw)
        content = raw.rstrip("\r\n")
        m = match_line(content)
        cls = m.lastgroup if m else "PARA"
        if cls == "BLANK":
            append(Line("BLANK", (Blank(raw, start, pos, lineno, 1),)))
            continue
        if in_licence and cls != "TITLE":
            append(Line("BOILERPLATE", (Boilerplate(raw, start, pos, lineno, 1, "licence"),)))
            continue
        if cls == "PARA" or cls in _PARAGRAPH_ROLES:
            role = _PARAGRAPH_ROLES[cls]
            append(Line(cls, (Paragraph(raw, start, pos, lineno, 1, role),)))
            continue
        if cls == "TITLE":
            in_licence = False
            append(Line(cls, (TitleLine(raw, start, pos, lineno, 1),)))
            continue
        if cls == "BOILERPLATE" or cls == "LICENSE":
            in_licence = in_licence or cls == "LICENSE"
            reason = "licence" if cls == "LICENSE" else "web"
            append(Line("BOILERPLATE", (Boilerplate(raw, start, pos, lineno, 1, reason),)))
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
            append(Line(cls, (heading, rest), number))
        else:
            append(Line(cls, (heading,), number))
    return out
