"""Enumerations inside a paragraph (…两件事。一是…。二是…), found by the grammar's INLINE_*
terminals: the lead (after a sentence end), then one family's marker as a group named by its
terminal."""

from __future__ import annotations

from govspeech.nodes import InlineItem, Paragraph
from govspeech.syntax.families import FAMILIES
from govspeech.syntax.grammar import INLINE_PREFIX, LinePatterns
from govspeech.syntax.numerals import marker_number

__all__ = ["inline_items"]


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
