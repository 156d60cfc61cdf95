"""Sentences of a paragraph, with exact offsets into the parsed text.

A sentence ends at 。！？； (fullwidth or halfwidth) together with any closing quotes or
brackets right after it. A terminator inside “…”, ‘…’, 《…》 or （…） does not end the
sentence (``他说：“要做好。要做实！”然后…`` is one sentence) unless it is the last character
before the closer. Text after the last terminator is a sentence of its own, so a paragraph
without any terminal punctuation (common in scraped text) is one sentence rather than lost.

The sentence text is the source text verbatim, without surrounding white space:
``tree.text[s.start:s.end] == s.text`` always holds.
"""

from __future__ import annotations

import re

from attrs import frozen

from govspeech.nodes import Paragraph

__all__ = ["Sentence", "sentence_spans", "split_paragraph"]

# A sentence end and the closers that follow it.
_TERMINATOR = re.compile("[。！？；!?;]+[”’」』）)》]*")
# Quotations and brackets inside which a terminator does not end the sentence. Bounded, so
# an unclosed quotation mark cannot swallow the rest of a paragraph.
_PROTECTED = re.compile(
    "“[^“”\n]{0,300}”|‘[^‘’\n]{0,200}’|《[^《》\n]{0,120}》|（[^（）\n]{0,200}）|\\([^()\n]{0,200}\\)"
)
_SPACE = " \t\r\n\u3000\u00a0\ufeff"


@frozen
class Sentence:
    """A sentence exactly as written: ``tree.text[start:end] == text``.

    ``start`` and ``end`` are offsets into the parsed text (``end`` exclusive), ``line`` is
    the 1-based line it is on (a paragraph is one line, so a sentence never spans lines).
    """

    text: str
    line: int
    start: int
    end: int


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence of ``text``, white space around it left out."""
    protected = [m.span() for m in _PROTECTED.finditer(text)]
    spans: list[tuple[int, int]] = []
    pos = k = 0
    for m in _TERMINATOR.finditer(text):
        at = m.start()
        while k < len(protected) and protected[k][1] <= at:
            k += 1
        if k < len(protected) and protected[k][0] < at and m.end() < protected[k][1]:
            continue  # inside a quotation, and not its last character
        spans.append((pos, m.end()))
        pos = m.end()
    if pos < len(text):
        spans.append((pos, len(text)))
    out: list[tuple[int, int]] = []
    for start, end in spans:
        segment = text[start:end]
        stripped = segment.lstrip(_SPACE)
        if not stripped.strip(_SPACE):
            continue
        start += len(segment) - len(stripped)
        end = start + len(stripped.rstrip(_SPACE))
        out.append((start, end))
    return out


def split_paragraph(paragraph: Paragraph) -> list[Sentence]:
    """The sentences of one paragraph, with offsets into the parsed text."""
    text, base, line = paragraph.text, paragraph.start, paragraph.line
    return [Sentence(text[s:e], line, base + s, base + e) for s, e in sentence_spans(text)]
