"""Sentences: where the sentences of a paragraph begin and end, as offsets into its text.

One rule for every part of govspeech that counts sentences (the summaries, the sentence rows
of `govspeech.tables`): a sentence ends at 。！？； (fullwidth or halfwidth) with the closing
quotes or brackets right after it, but not inside “…”, ‘…’, 《…》 or （…） unless the
terminator is the last character before the closer; text after the last terminator is a
sentence too, so a paragraph without terminal punctuation (scraped text) is not lost.
"""

from __future__ import annotations

import re

__all__ = ["sentence_spans"]

# A sentence end and the closers that follow it; quotations and brackets inside which a
# terminator does not end the sentence (bounded, so an unclosed one cannot swallow a paragraph).
_TERMINATOR = re.compile("[。！？；!?;]+[”’」』）)》]*")
_PROTECTED = re.compile(
    "“[^“”\n]{0,300}”|‘[^‘’\n]{0,200}’|《[^《》\n]{0,120}》|（[^（）\n]{0,200}）|\\([^()\n]{0,200}\\)"
)
_SPACE = " \t\r\n\u3000\u00a0\ufeff"


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence of ``text``, white space around it left out.

    A sentence ends at 。！？； (and the closing quotes or brackets after it), not inside
    “…” 《…》 （…）; text after the last one is a sentence too (scraped text often has no full
    stop at the end) — the same sentences as ``govspeech summarize``.

    >>> text = "要提高认识。强调“要做好。要做实”，抓落实；最后"
    >>> [text[s:e] for s, e in sentence_spans(text)]
    ['要提高认识。', '强调“要做好。要做实”，抓落实；', '最后']
    """
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
        out.append((start, start + len(stripped.rstrip(_SPACE))))
    return out
