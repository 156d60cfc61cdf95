"""The line lexer: splits the text into lines and classifies each by the grammar's terminals.

`lex` is the lexer of the document grammar. Each line becomes one `LineToken`
(its type is the terminal that matched) holding the leaves the line is made of: a heading line
gives a `Heading` and, when the line goes on after the heading sentence, a `Paragraph` for the
rest; any other line gives one leaf. Which class a line belongs to is decided only by the
grammar's line-class terminals (see govspeech.lark); this module adds positions and cuts
heading lines at the end of their first sentence. The level resolver (`levels`) reads these
tokens and hands the parser the ones that carry structure.
"""

from __future__ import annotations

from contextvars import ContextVar

from govspeech.nodes import Blank, Boilerplate, Heading, Paragraph, TitleLine, split_lines
from govspeech.syntax.families import FAMILIES
from govspeech.syntax.grammar import TRAILING, LinePatterns
from govspeech.syntax.numerals import marker_number
from govspeech.syntax.tokens import LineToken, new_token

__all__ = ["FURNITURE", "LineToken", "first_sentence", "lex", "new_token"]

#: The lines of the text being parsed that its reader knows to be page furniture (a PDF's page
#: numbers and running headers): boilerplate, whatever the grammar would make of them. Set by
#: `govspeech.syntax.treebuilder.parse_text` around one parse (a context variable: threads and
#: nested parses each see their own).
FURNITURE: ContextVar[frozenset[int]] = ContextVar("FURNITURE", default=frozenset())

_PARAGRAPH_ROLES = {
    "PARA": "text",
    "SALUTATION": "salutation",
    "ADDRESS": "salutation",
    "CLOSING": "closing",
    "OPENING": "opening",
    "DATELINE": "text",
    "CONTENTS": "contents",
    "NOTES": "note",
    "ADDRESS_LEAD": "text",
    "ADDRESS_TURN": "text",
    "CALL": "text",
    "SLOGAN": "text",
    "SUMMING_UP": "text",
    "CONCLUSION": "text",
    "PART_TITLE": "text",
    # a 公文's parts are paragraphs until the level resolver finds them where they stand and
    # makes them elements
    "DOC_DATE": "text",
    "DOC_NUMBER": "text",
    "ADDRESSEES": "text",
    "ATTACHMENTS": "attachments",
    "COPY_NUMBER": "text",
    "SECRECY": "text",
    "URGENCY": "text",
    "ISSUER_MARK": "text",
    "SIGNER": "text",
    "CC": "text",
    "PRINTING": "text",
    "KEYWORDS": "text",
    "PROOF": "text",
}


_line = LineToken


def first_sentence(pats: LinePatterns, content: str, pos: int) -> tuple[int, int, int]:
    """Where the heading sentence of ``content`` starting at ``pos`` lies.

    Returns (start, end, content_end): ``start`` after the white space at ``pos``, ``end``
    after the first SENTENCE_END or at the end of the text, ``content_end`` before trailing
    white space.
    """
    # (string tests, not the INDENT pattern: the same characters, a heading per line)
    blank = pats.line.indent_chars
    content_end = len(content)
    start = pos
    if start < content_end and content[start] in blank:
        start = content_end - len(content[start:].lstrip(blank))
    if content_end > start and content[-1] in blank:  # rare: trailing white space
        content_end = max(start, len(content.rstrip(blank)))
    stop = pats.sentence_end.search(content, start, content_end)
    return start, (stop.end() if stop else content_end), content_end


def lex(text: str, pats: LinePatterns) -> list[LineToken]:
    """Split ``text`` into classified `LineToken` records covering every character."""
    out: list[LineToken] = []
    append = out.append
    # `LineClassifier.mask` and `match`, inlined: this loop runs once per line of every text,
    # and the method calls cost a tenth of it (tests/test_lalr.py checks the two agree).
    classifier = pats.line
    by_mask, compile_mask = classifier.by_mask, classifier.pattern
    first, first_other = classifier.first, classifier.first_other
    last, last_other = classifier.last, classifier.last_other
    indented, decorated, everything = classifier.indented, classifier.decorated, classifier.all
    indent_chars = classifier.indent_chars
    pos = 0
    in_licence = False
    furniture = FURNITURE.get()
    for lineno, raw in enumerate(split_lines(text), 1):
        start = pos
        pos += len(raw)
        if furniture and lineno in furniture:
            append(_line("BOILERPLATE", (Boilerplate(raw, start, pos, lineno, 1, "page"),)))
            continue
        content = raw.rstrip("\r\n")
        rest = content.lstrip(indent_chars)
        if not rest:  # white space only: what the grammar's (INDENT)? $ matches
            append(_line("BLANK", (Blank(raw, start, pos, lineno, 1),)))
            continue
        ch = rest[0]
        if ch in decorated:
            mask = everything
        else:
            mask = first.get(ch, first_other)
            if len(rest) != len(content):
                mask |= indented
        ch = rest[-1]
        if ch in TRAILING:
            ch = rest.rstrip(TRAILING)[-1:]
        mask &= last.get(ch, last_other)
        try:
            pattern = by_mask[mask]
        except KeyError:
            pattern = compile_mask(mask)
        m = pattern.match(content) if pattern is not None else None
        cls = m.lastgroup if m else "PARA"
        if in_licence and cls != "TITLE":  # (a 公文 title inside a licence is its wording)
            append(_line("BOILERPLATE", (Boilerplate(raw, start, pos, lineno, 1, "licence"),)))
            continue
        if cls == "PARA" or cls in _PARAGRAPH_ROLES:
            role = _PARAGRAPH_ROLES[cls]
            append(_line(cls, (Paragraph(raw, start, pos, lineno, 1, role),)))
            continue
        if cls == "TITLE" or cls == "DOC_TITLE":
            in_licence = False
            head = m.start(cls) if m is not None else 0  # indentation and hashes
            append(_line(cls, (TitleLine(raw, start, pos, lineno, 1, "title", head),)))
            continue
        if cls == "BOILERPLATE" or cls == "LICENSE":
            in_licence = in_licence or cls == "LICENSE"
            reason = "licence" if cls == "LICENSE" else "web"
            append(_line("BOILERPLATE", (Boilerplate(raw, start, pos, lineno, 1, reason),)))
            continue
        # A heading line: marker, then the title sentence, then (maybe) body text.
        assert m is not None and cls is not None
        out.extend(_heading_line(pats, cls, m.start(cls), m.end(), raw, content, start, lineno))
    return out


def _heading_line(
    pats: LinePatterns,
    cls: str,
    i0: int,
    mark_end: int,
    raw: str,
    content: str,
    start: int,
    lineno: int,
    column: int = 1,
) -> list[LineToken]:
    """The tokens of a heading line: its heading and, when the line goes on, a paragraph.

    ``raw`` is the line from the heading's start (``column``) on, ``content`` the same without
    the line ending; ``i0``/``mark_end`` are the marker's bounds in it. A chapter's line that
    runs on into its first article (第一章　总则　　第一条　为规范…) gives two headings.
    """
    family = FAMILIES[cls]
    number = marker_number(family.style, content[i0:mark_end])
    if family.titled:
        t0, t1, content_end = first_sentence(pats, content, mark_end)
        if family.above_cn_num:
            run_in = pats.run_in_article.search(content, mark_end, t1)
            if run_in is not None:
                cut = run_in.start("ARTICLE")
                t0, t1, _ = first_sentence(pats, content[:cut], mark_end)
                heading = _heading(raw[:cut], start, lineno, column, i0, mark_end, t0, t1)
                article = _heading_line(
                    pats,
                    "ARTICLE",
                    0,
                    run_in.end("ARTICLE") - cut,
                    raw[cut:],
                    content[cut:],
                    start + cut,
                    lineno,
                    column + cut,
                )
                return [_line(cls, (heading,), number), *article]
    else:
        # An article's heading is its number and its caption (第一条　（目的和依据）), if any.
        caption = pats.caption.match(content, mark_end)
        t0, t1 = (caption.start(), caption.end()) if caption else (mark_end, mark_end)
        content_end = len(content)
        blank = pats.line.indent_chars
        if content_end > t1 and content[-1] in blank:  # rare: trailing white space
            content_end = max(t1, len(content.rstrip(blank)))
    rest_is_text = t1 < content_end
    head_len = t1 if rest_is_text else len(raw)
    heading = _heading(raw[:head_len], start, lineno, column, i0, mark_end, t0, t1)
    if not rest_is_text:
        return [_line(cls, (heading,), number)]
    rest = Paragraph(raw[t1:], start + t1, start + len(raw), lineno, column + t1)
    return [_line(cls, (heading, rest), number)]


def _heading(
    text: str, start: int, lineno: int, column: int, i0: int, i1: int, t0: int, t1: int
) -> Heading:
    """A `Heading` leaf; the offsets ``i0``… are relative to ``start``."""
    return Heading(
        text,
        start,
        start + len(text),
        lineno,
        column,
        start + i0,
        start + i1,
        start + t0,
        start + t1,
    )
