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

from attrs import frozen

from govspeech.nodes import Paragraph
from govspeech.sentences import sentence_spans  # the one rule (re-exported for the summary)

__all__ = ["Sentence", "sentence_spans", "split_paragraph"]


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


def split_paragraph(paragraph: Paragraph) -> list[Sentence]:
    """The sentences of one paragraph, with offsets into the parsed text."""
    text, base, line = paragraph.text, paragraph.start, paragraph.line
    return [Sentence(text[s:e], line, base + s, base + e) for s, e in sentence_spans(text)]
