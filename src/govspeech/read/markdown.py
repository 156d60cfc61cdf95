"""Markdown to text: what PDF converters (MinerU, marker, docling) and sites write, made plain.

Those converters put every Chinese heading at one level (``# 一、…``, ``# （一）…``, or
``**1．…**`` in bold) or at levels that follow the PDF's font sizes, not the numbering; the
parser reads the numbering and gives the levels back. So the Markdown is only stripped: a
heading's hashes, emphasis around a line, list bullets and quote marks, link targets, images,
HTML comments, thematic breaks and setext underlines go; the words stay, one line per source
line. The tree is built from this text (positions refer to it, as for .docx and web pages).

MinerU's ``content_list.json`` (a list of ``{"type": "text", "text": …, "page_idx": …}``) is
read too: its text blocks, one line each, in order, with the page each starts on.
"""

from __future__ import annotations

import json
import re

from govspeech.errors import InputFormatError

__all__ = ["content_list_text", "is_content_list", "markdown_text"]

# A heading's hashes (ATX), a quote's >, a list's bullet or a task box before the text.
_LEAD = re.compile(
    r"^[ \t]{0,3}(?:#{1,6}(?=[ \t]|$)|>[ \t]?)+[ \t]*|^[ \t]*[-*+][ \t]+(?:\[[ xX]\][ \t]+)?"
)
# Closing hashes of an ATX heading (## 一、总体要求 ##).
_TRAILING_HASHES = re.compile(r"[ \t]+#+[ \t]*$")
# Emphasis around text: **…**, __…__, *…*, _…_ (not inside words: 1_000 stays).
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = re.compile(
    r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?!\*)|(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?!\w)"
)
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_LINK = re.compile(r"\[([^\]\n]+)\]\([^)\n]*\)")
_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
# A thematic break or a setext underline: a line of --- *** ___ or ===.
_RULE = re.compile(r"^[ \t]{0,3}(?:([-*_])[ \t]*(?:\1[ \t]*){2,}|=+)[ \t]*$")
_FENCE = re.compile(r"^[ \t]{0,3}(```|~~~)")
# A table's separator row: | --- | :---: |
_TABLE_RULE = re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n---[ \t]*\n", re.S)
_HARD_BREAK = re.compile(r"(?:[ ]{2,}|\\)$")


def _line(text: str) -> str:
    """One line of Markdown as the words it shows."""
    text = _LEAD.sub("", text, count=1)
    text = _TRAILING_HASHES.sub("", text)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _STRONG.sub(r"\2", text)
    text = _EMPHASIS.sub(lambda m: m.group(1) or m.group(2), text)
    text = _HARD_BREAK.sub("", text)
    if text.lstrip().startswith("|") and text.rstrip().endswith("|"):
        # a table row: its cells, set apart by a full-width space
        text = "\u3000".join(cell.strip() for cell in text.strip().strip("|").split("|"))
    return text.rstrip()


def markdown_text(text: str) -> str:
    """The words of a Markdown document, one line per source line (a YAML front matter, HTML
    comments, rules and underlines become blank lines; fenced code is kept as it is)."""
    front = _FRONT_MATTER.match(text)
    if front is not None:  # keep the line count: the front matter's lines become blank
        text = "\n" * front.group(0).count("\n") + text[front.end() :]
    text = _COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    out: list[str] = []
    fenced = False
    for raw in text.split("\n"):
        line = raw.rstrip("\r")
        if _FENCE.match(line):
            fenced = not fenced
            out.append("")
        elif fenced:
            out.append(line)
        elif _RULE.match(line) or _TABLE_RULE.match(line):
            out.append("")
        else:
            out.append(_line(line))
    while out and not out[-1]:
        out.pop()
    return "".join(line + "\n" for line in out)


#: The most blocks a content_list.json may hold (a 10,000-page PDF has fewer).
MAX_BLOCKS = 2_000_000


def is_content_list(data: bytes) -> bool:
    """Does ``data`` look like MinerU's content_list.json (a JSON list of typed blocks)?"""
    head = data[:256].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"[") and b'"type"' in data[:4096]


def content_list_text(data: bytes, name: str = "<json>") -> tuple[str, tuple[int, ...]]:
    """The text of MinerU's ``content_list.json``: each text block (and a table's or image's
    caption) on a line of its own, a block's own line breaks kept; and for each page the line
    its text starts on (from ``page_idx``). Raises `InputFormatError` for anything else."""
    try:
        blocks = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise InputFormatError(
            f"{name}: not a content_list.json ({err.__class__.__name__})"
        ) from None
    if not isinstance(blocks, list) or len(blocks) > MAX_BLOCKS:
        raise InputFormatError(f"{name}: not a content_list.json (a list of blocks)")
    lines: list[str] = []
    pages: list[int] = []
    for block in blocks:
        if not isinstance(block, dict):
            raise InputFormatError(f"{name}: not a content_list.json (a block is not an object)")
        text = block.get("text")
        if not isinstance(text, str):
            captions = block.get("table_caption") or block.get("img_caption") or []
            text = (
                " ".join(c for c in captions if isinstance(c, str))
                if isinstance(captions, list)
                else ""
            )
        page = block.get("page_idx")
        if isinstance(page, int) and page >= 0:
            while len(pages) <= page:  # a page with no block starts where the next one does
                pages.append(len(lines) + 1)
        for piece in text.splitlines() or [""]:
            lines.append(piece.rstrip())
        lines.append("")  # blocks are paragraphs: a blank line between them, as MinerU's Markdown
    while lines and not lines[-1]:
        lines.pop()
    return "".join(line + "\n" for line in lines), tuple(pages)
