"""Reading PDF files: the text layer, one paragraph a line, with page furniture kept apart.

Text extracted from a PDF breaks lines at the page margin, in the middle of sentences, and
carries page numbers (``— 3 —``) and running headers. A heading is a line that starts with a
marker after a paragraph break; a wrapped line that happens to begin with ``2.`` or ``（一）``
after a mid-sentence break is not one. This reader rebuilds the paragraphs from where the
characters sit on the page, so the parser sees one paragraph (or heading) a line.

PDFium (through pypdfium2, imported only when a PDF is read) gives the characters in content
order with their boxes. From them, page by page:

* **Lines**: characters are one line while their boxes overlap vertically and the text runs
  on to the right (superscripts stay in their line). Spaces PDFium made up for a narrow gap
  next to Chinese text are dropped (LibreOffice and WPS space Latin text out from Chinese by
  a quarter em: ``1982 年`` was ``1982年``); made-up spaces in wider gaps are one space, and
  real spaces are kept as they are.
  A line with a gap of more than `SPREAD_GAP` em (a 版记 line, a table row, a form) is
  *spread*: it is never joined to another. Kangxi radicals (``⼀`` U+2F00, which some fonts
  map their glyphs to) are read as the ideographs they stand for.
* **Margins**, per page (from the nearest page that has enough lines when a page has too few,
  else from the whole document): the body text's character size (the usual width of its
  ideographs), its right margin (where most lines end, punctuation that hangs past it aside),
  its left margin (where lines after a line that reached the right margin mid-sentence start)
  and its line pitch (the usual distance between baselines). When no right margin can be told
  (too few lines end at one place), nothing is joined.
* **Joining**: a line is joined to the one before when that one reaches the right margin
  (within one character), starts no more than `MAX_WRAP_INDENT` characters in from the left
  margin, and this one starts at the left margin (within `INDENT` characters: not indented,
  not centred), in the same size and no further down than `PITCH_SLACK` times the pitch. A line
  that starts with a marker (一、 （一） 1． 第一条 ① ——…) after a line ending in sentence
  punctuation (。！？：；…) stays a line of its own. A 目录 entry (dot leaders and a page
  number) ends its line. Chinese is joined without a space; Latin letters or digits on both
  sides get one space only when the PDF had one there; a hyphen PDFium marked at the end of
  the line is kept and joined without a space.
* **Page furniture**: lines at the top or bottom edge of a page that are page numbers
  (``— 3 —``, ``- 3 -``, ``第3页``, ``第 3 页 共 10 页``, ``3/10``, ``Page 3``, or a bare
  ``3`` that follows the page count on at least two pages) or running headers and footers
  (the same text, numbers aside, at the same edge of at least `MIN_RUNNING_PAGES` pages and
  `RUNNING_SHARE` of them) are never joined: each is a line of its own, after its page's
  text. A paragraph running over a page break (the last body line of a page reaches the right
  margin without sentence punctuation and the next page's first body line is not indented) is
  joined across it, and the first page's furniture follows the joined paragraph.

Lines come in PDFium's content order, which is the reading order in what word processors
export (WPS, Word, LibreOffice) and is not re-sorted. Text in tables comes cell by cell, one
line each. Vertical text, hidden text layers and form fields are read as PDFium gives them.

Files without usable text (scanned pages, fonts without a Unicode mapping) raise
`EmptyInputError`; broken, truncated and encrypted files `InputFormatError`; both with one line.
Hostile files are bounded: the page count is checked before any page is read, the characters
before each page's are, and each page and its text are closed as soon as they are read.
"""

from __future__ import annotations

import bisect
import ctypes
import importlib
import math
import re
import threading
import zlib
from collections import Counter, defaultdict
from collections.abc import Sequence
from itertools import pairwise
from typing import Any

from attrs import define, frozen

from govspeech.errors import (
    EmptyInputError,
    GovspeechError,
    InputFormatError,
    MissingDependencyError,
    one_line,
)

__all__ = ["MAX_CHARS", "MAX_PAGES", "PdfText", "pdf_read", "pdf_text"]

# --------------------------------------------------------------------------- limits
#: Pages a PDF may have; more is refused before any page is read. The longest real documents
#: (yearbooks, statistical compilations) have a few thousand pages; a hostile page tree can
#: claim millions, and every page costs a parse of its content stream.
MAX_PAGES = 10_000
#: Characters of text a PDF may hold (counted page by page, before each page's characters are
#: read); past it the file is refused. A 1,000-page law is about a million; the text, and what
#: is kept about each line of it, must fit in memory at once (furniture is judged on all pages).
MAX_CHARS = 50_000_000
#: A PDF's streams may unpack to this many bytes in all (PDFium inflates a page's content in
#: memory: a 400 KB file of one FlateDecode stream of 400 MB takes 850 MB to read); real
#: documents' text, fonts and images unpack to a few hundred MB at most.
MAX_UNPACKED = 1024 * 1024 * 1024
#: A stream over 1 MiB unpacked may unpack to at most this many times its packed size (as for
#: .docx parts): compressed text and fonts come to 2–20 times, a bomb to 1000.
MAX_STREAM_RATIO = 500

# --------------------------------------------------------------------------- layout
#: A gap between two characters of a line wider than this many characters makes the line
#: *spread* (a 版记 line, a table row, a form): it is never joined to another. Justified text
#: stretches its gaps far less.
SPREAD_GAP = 2.0
#: A made-up space in a gap narrower than this many characters next to Chinese text is dropped:
#: it is the quarter-em spacing word processors put between Chinese and Latin text.
AUTOSPACE_GAP = 0.5
#: A line may be joined to the next only when it starts at most this many characters in from
#: the left margin: a paragraph's first line is indented about two; a right-aligned 文号 or a
#: centred title that reaches the right margin starts much further in.
MAX_WRAP_INDENT = 4.5
#: Two lines of one paragraph are at most this many line pitches apart; a larger gap (space
#: between paragraphs, as LibreOffice's default style has) is a paragraph break.
PITCH_SLACK = 1.3
#: A page's own character size is used when it has this many characters of body text, its own
#: right margin when this many lines end there (two short lines may end at one place by chance).
MIN_SIZE_CHARS = 8
MIN_MARGIN_LINES = 3
#: A line starting more than this many characters away from the left margin is indented (or
#: centred): it starts a paragraph. Indents are two characters (GB/T 9704), sometimes one;
#: templates put wrapped lines a little off the margin.
INDENT = 0.75
#: Lines of one paragraph are in the same size, within this share.
SIZE_SLACK = 0.15
#: A running header or footer (the same text at the same edge of the page) is on at least this
#: many pages, and on at least `RUNNING_SHARE` of them.
MIN_RUNNING_PAGES = 3
RUNNING_SHARE = 0.4
#: Lines looked at from each edge of a page for page numbers and running headers.
_EDGE_LINES = 3
# How finely sizes, margins and line pitches are told apart (PDF units, 1/72 inch).
_EM_STEP = 0.25
_MARGIN_STEP = 1.0
_PITCH_STEP = 0.5
#: The longest running header or footer taken as one (in characters): longer repeated lines are
#: text, such as a table's header row repeated on each page.
_MAX_RUNNING_LEN = 60
#: The least share of a PDF's characters that must read as text (Chinese, Latin, digits,
#: punctuation and symbols, with a Unicode mapping) for the text layer to count as usable.
MIN_TEXT_SHARE = 0.5

# PDFium is not thread-safe: one extraction at a time in a process.
_LOCK = threading.Lock()

_SPACES = " \t\u3000\u00a0"
_LATIN = re.compile(r"[0-9A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]")
# Characters that text is made of; the rest is what an unusable text layer is made of: private
# use, U+FFFD, controls, and Latin-1 letters and signs (a font without a Unicode mapping gives
# its codes, so GBK text reads ¹ØÓÚÓ¡·¢; accented Latin text has a few per cent of them).
_NOT_TEXT = re.compile(
    r"[^\s!-~\u0100-\u024f\u0370-\u03ff\u0400-\u04ff\u2000-\u2bff\u2e80-\u2fff"
    r"\u3000-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]"
)
# pdfminer's rendering of a glyph without Unicode; a text layer made from such output has it.
_CID = re.compile(r"\(cid:\d+\)")
# A line ending a sentence (before closing quotes and brackets).
_CLOSERS = "”’\"'）)」』】》〉］]"
_SENTENCE_END = frozenset("。！？：；!?:;…．.")
# Punctuation that may hang past the right margin (WPS and LibreOffice let it).
_HANGING = frozenset("。，、；：！？”’）》」』】…,.;:!?)")
# A marker at the start of a line: 一、 （一） 1． （1） ① 第一条 第一章 一是 A. 附件 —— ●.
_CN = "一二三四五六七八九十百千零〇两"
_MARKER = re.compile(
    rf"[{_SPACES}]*(?:[{_CN}]+[、．.]|[（(][{_CN}\d]+[）)]|\d+[、．.)）](?!\d)"
    r"|[\u2460-\u2473\u3251-\u325f\u32b1-\u32bf\u2474-\u2487\u2488-\u249b\u3220-\u3229]"
    rf"|第[{_CN}\d]+[编章节条款项部]|[{_CN}]+[是要]|[A-Za-zＡ-Ｚａ-ｚ][.．、)）]"
    r"|附件|附表|附录|——|[•●○■□◆◇▪►]|[-—–]\s)"
)
# A 目录 entry: dot leaders (or dashes, ellipses, middle dots) then a page number.
_TOC_ENTRY = re.compile(r"(?:[.．]{4,}|…{2,}|[·・]{4,}|[-_]{4,})[ \t\u3000]*\d+$")
# Page numbers as they are printed: — 3 —, - 3 -, —3—, 第3页, 第 3 页 共 10 页, 共10页 第3页,
# 3/10, Page 3 (of 10). A bare number is one only when it follows the page count (see below).
_DASHES = r"[-‐‑‒–—―−－─━~～_·•]"
_PAGE_NUMBER = re.compile(
    rf"{_DASHES}+\s*\d{{1,5}}\s*{_DASHES}+"
    r"|第\s*\d{1,5}\s*页(?:\s*[,，/、]?\s*共\s*\d{1,5}\s*页)?"
    r"|共\s*\d{1,5}\s*页\s*[,，/、]?\s*第\s*\d{1,5}\s*页"
    r"|\d{1,5}\s*/\s*\d{1,5}"
    r"|(?i:page)\s*\d{1,5}(?:\s*(?i:of)\s*\d{1,5})?"
)
_BARE_NUMBER = re.compile(r"\d{1,5}")
_DIGITS = re.compile(r"\d+")
# PDFium writes U+0002 (U+FFFE in a page's text) for a hyphen it takes to end a line mid-word.
_PDFIUM_HYPHEN = "\x02"
# One character in this many is asked whether its font maps it to Unicode (the share of those
# that are not is all that counts, and asking costs as much as reading the character).
_MAP_SAMPLE = 8
_SOFT_HYPHEN_CP = 0xAD
_KANGXI: dict[int, str] | None = None


def _kangxi() -> dict[int, str]:
    """Kangxi radicals (U+2F00..U+2FD5) to the ideographs they are compatible with."""
    global _KANGXI
    if _KANGXI is None:
        import unicodedata

        _KANGXI = {cp: unicodedata.normalize("NFKC", chr(cp)) for cp in range(0x2F00, 0x2FD6)}
    return _KANGXI


@define(slots=True)
class _Line:
    """One line of a page, as PDFium's characters build it."""

    text: str
    #: left edge of its first character that is not a space
    x0: float
    #: right edge of its last character that is not a space
    right: float
    #: baseline of its first character that is not a space (PDF units: up is larger)
    y: float
    #: its characters' size: the usual width of its ideographs, else the usual height
    em: float
    #: a gap wider than SPREAD_GAP characters inside it
    spread: bool
    #: whether the PDF had a space before its first or after its last character
    space_before: bool
    space_after: bool
    furniture: bool = False


@define(slots=True)
class _Layout:
    """A page's body text: character size, margins and line pitch."""

    em: float
    left: float
    right: float
    pitch: float


# --------------------------------------------------------------------------- characters
class _LineBuilder:
    """Collects a page's characters, in content order, into `_Line` objects."""

    def __init__(self) -> None:
        self.lines: list[_Line] = []
        self._reset()

    def _reset(self) -> None:
        self.chars: list[str] = []
        self.sizes: list[float] = []  # widths of ideographs
        self.heights: list[float] = []
        self.space = False  # a made-up space waits before the next character
        self.space_before = False
        self.spread = False
        self.boxed = False  # a character with a box is in the line
        self.started = False  # a character that is not a space is in the line
        self.x0 = self.right = self.y = 0.0
        self.last_left = self.last_bottom = self.last_top = 0.0
        self.last_cjk = False

    def add_space(self) -> None:
        """A space PDFium made up (or one without a box): kept only between characters."""
        if self.started:
            self.space = True
        elif not self.chars:
            self.space_before = True

    def add(self, ch: str, u: int, left: float, bottom: float, right: float, top: float) -> bool:
        """Add character ``ch`` (code point ``u``) with its box; True when it starts a line (its
        baseline is wanted)."""
        height = top - bottom
        if self.boxed:
            last = self.last_top - self.last_bottom
            low = min(height, last)
            overlap = min(top, self.last_top) - max(bottom, self.last_bottom)
            if (overlap < 0.5 * low if low > 0 else abs(bottom - self.last_bottom) > 1) or (
                left < self.last_left - 0.5 * max(height, last, 1.0)
            ):
                self.end()
        self.chars.append(ch)
        self.boxed = True
        self.last_left, self.last_bottom, self.last_top = left, bottom, top
        if ch in _SPACES:
            return False  # kept where it is, but the gap to the next character counts
        cjk = 0x2E80 <= u <= 0x9FFF or 0xF900 <= u <= 0xFAFF or 0xFF00 <= u <= 0xFFEF
        starts = not self.started
        if starts:
            self.x0, self.started = left, True
        else:
            # the gap since the last character that is not a space (real spaces count in it)
            gap = left - self.right
            em = max(height, 1.0)
            if gap > SPREAD_GAP * em:
                self.spread = self.space = True
            if self.space and self.chars[-2] not in _SPACES:
                # a made-up space in a narrow gap next to Chinese is word processors' spacing
                if gap >= AUTOSPACE_GAP * em or not (cjk or self.last_cjk):
                    self.chars.insert(len(self.chars) - 1, " ")
            self.space = False
        if 0x4E00 <= u <= 0x9FFF or 0x3400 <= u <= 0x4DBF or 0xF900 <= u <= 0xFAFF:
            self.sizes.append(right - left)  # an ideograph: as wide as the type is large
        elif height > 0:
            self.heights.append(height)
        self.right = right
        self.last_cjk = cjk
        return starts

    def end(self) -> None:
        """Close the line being built (a line of spaces only is dropped)."""
        if self.started:
            raw = "".join(self.chars)
            text = raw.rstrip(_SPACES)
            sizes = self.sizes or self.heights
            sizes.sort()
            self.lines.append(
                _Line(
                    text,
                    self.x0,
                    self.right,
                    self.y,
                    sizes[len(sizes) // 2] if sizes else 0.0,
                    self.spread,
                    self.space_before,
                    self.space or len(text) != len(raw),
                )
            )
        self._reset()


def _codes(raw: Any, count: int, pdfium_c: Any) -> Sequence[int]:
    """The code of each of a text page's characters: from one call for the page's text when it
    lines up with the characters (it does unless PDFium left some out, or a character is
    outside the BMP), else one call a character."""
    buffer = (ctypes.c_ushort * (count + 1))()
    if pdfium_c.FPDFText_GetText(raw, 0, count, buffer) == count + 1:
        return memoryview(buffer).cast("B").cast("H")[:count]
    get_unicode = pdfium_c.FPDFText_GetUnicode
    return [get_unicode(raw, i) for i in range(count)]


def _page_lines(raw: Any, count: int, pdfium_c: Any) -> tuple[list[_Line], int, int]:
    """The lines of one text page, with its count of characters and (an estimate) of those
    that are unreadable."""
    is_generated = pdfium_c.FPDFText_IsGenerated
    map_error = pdfium_c.FPDFText_HasUnicodeMapError
    get_box = pdfium_c.FPDFText_GetLooseCharBox
    get_origin = pdfium_c.FPDFText_GetCharOrigin
    rect = pdfium_c.FS_RECTF()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    kangxi = _kangxi()
    builder = _LineBuilder()
    chars = bad = 0
    high = 0  # a UTF-16 high surrogate waiting for its low half (where wchar_t is 16 bits)
    for i, u in enumerate(_codes(raw, count, pdfium_c)):
        if u == 10 or u == 13:
            continue  # PDFium's own line breaks: lines are found from the boxes instead
        if u == 32 and is_generated(raw, i):
            builder.add_space()
            continue
        chars += 1
        if not chars % _MAP_SAMPLE and map_error(raw, i) == 1:
            bad += _MAP_SAMPLE
        if 0xD800 <= u <= 0xDBFF:
            high = u
            continue
        if 0xDC00 <= u <= 0xDFFF:
            u = 0x10000 + ((high - 0xD800) << 10) + (u - 0xDC00) if high else 0xFFFD
        high = 0
        if u == 2 or u == 0xFFFE:  # PDFium's hyphen at a line end (U+FFFE in its page text)
            ch = _PDFIUM_HYPHEN
        elif u == 9 or u == 0xA0:
            ch, u = " ", 32
        elif u < 32 or 0x7F <= u < 0xA0 or u in (0xFFFF, _SOFT_HYPHEN_CP) or u > 0x10FFFF:
            bad += u != _SOFT_HYPHEN_CP
            continue
        else:
            ch = kangxi.get(u) or chr(u)
        get_box(raw, i, rect)
        if ch in _SPACES and not rect.top > rect.bottom:
            builder.add_space()  # a space without a box says nothing about where it is
            continue
        if builder.add(ch, u, rect.left, rect.bottom, rect.right, rect.top):
            get_origin(raw, i, ctypes.byref(ox), ctypes.byref(oy))
            builder.y = oy.value
    builder.end()
    return builder.lines, chars, bad


# --------------------------------------------------------------------------- page furniture
def _page_number(text: str) -> bool:
    return _PAGE_NUMBER.fullmatch(text.strip(_SPACES)) is not None


def _edges(lines: Sequence[_Line]) -> tuple[list[_Line], list[_Line]]:
    """The lines nearest the top and the bottom of a page, outermost first."""
    by_y = sorted(lines, key=lambda line: -line.y)
    k = min(_EDGE_LINES, len(by_y) // 2 + 1)
    return by_y[:k], by_y[::-1][:k]


def _running_key(line: _Line) -> str | None:
    text = "".join(line.text.split())
    if not text or len(text) > _MAX_RUNNING_LEN:
        return None
    return _DIGITS.sub("#", text)


def _mark_furniture(pages: Sequence[list[_Line]]) -> None:
    """Mark the page numbers and running headers and footers of every page."""
    edges = [_edges(lines) for lines in pages]
    # Running headers and footers: the same text (numbers aside) at the same edge of many pages.
    counts: Counter[tuple[int, str]] = Counter()
    for top, bottom in edges:
        seen = set()
        for side, lines in enumerate((top, bottom)):
            for line in lines:
                key = _running_key(line)
                if key is not None:
                    seen.add((side, key))
        counts.update(seen)
    need = max(MIN_RUNNING_PAGES, RUNNING_SHARE * len(pages))
    running = {key for key, n in counts.items() if n >= need}
    # A bare number is a page number when its value minus the page's index is the same on at
    # least two pages (it follows the page count), or it is a one-page PDF's 1.
    bare: dict[int, tuple[_Line, int]] = {}
    for index, (top, bottom) in enumerate(edges):
        for line in (*top, *bottom):
            text = line.text.strip(_SPACES)
            if _BARE_NUMBER.fullmatch(text):
                bare[id(line)] = (line, int(text) - index)
    offsets = Counter(offset for _, offset in bare.values())
    follows = {
        offset for offset, n in offsets.items() if n >= 2 or (len(pages) == 1 and offset == 1)
    }
    bare_ok = {key for key, (_, offset) in bare.items() if offset in follows}
    for top, bottom in edges:
        for side, lines in enumerate((top, bottom)):
            for line in lines:  # outermost first; furniture stops at the first line of text
                if (
                    id(line) in bare_ok
                    or _page_number(line.text)
                    or (side, _running_key(line) or "") in running
                ):
                    line.furniture = True
                else:
                    break


# --------------------------------------------------------------------------- layout
def _mode(
    values: Sequence[float], step: float, weights: Sequence[int] | None = None
) -> tuple[float, int]:
    """The most common value, to within ``step`` either way (ties: the larger), and how many
    values (or how much weight) are that near it."""
    counts: Counter[int] = Counter()
    sums: defaultdict[int, float] = defaultdict(float)
    for k, value in enumerate(values):
        b = round(value / step)
        weight = weights[k] if weights is not None else 1
        counts[b] += weight
        sums[b] += value * weight
    best, support = 0, 0
    for b in counts:
        n = counts[b - 1] + counts[b] + counts[b + 1]
        if n > support or (n == support and b > best):
            best, support = b, n
    if not support:
        return 0.0, 0
    total = sums[best - 1] + sums[best] + sums[best + 1]
    return total / support, support


def _size_and_right(lines: Sequence[_Line]) -> tuple[list[float], list[int], list[float]]:
    """The sizes of a page's body lines (with their lengths as weights) and where they end."""
    sized = [line for line in lines if line.em > 0]
    # Where lines end; not those ending in punctuation, which may hang past the margin.
    rights = [
        line.right
        for line in lines
        if len(line.text) >= 4 and not line.spread and line.text[-1] not in _HANGING
    ]
    return [line.em for line in sized], [len(line.text) for line in sized], rights


def _starts_and_pitches(
    lines: Sequence[_Line], em: float, right: float
) -> tuple[list[float], list[float]]:
    """Where lines after a line reaching the right margin start (most likely wrapped lines),
    and the distances between the baselines of lines in the body size."""
    starts: list[float] = []
    pitches: list[float] = []
    for a, b in pairwise(lines):
        delta = a.y - b.y
        if not 0 < delta <= 3 * em or not _similar(a.em, b.em):
            continue
        if abs(a.em - em) <= SIZE_SLACK * em:
            pitches.append(delta)
        if a.right >= right - em and not (a.spread or b.spread or _ends_sentence(a.text)):
            starts.append(b.x0)
    return starts, pitches


def _nearest(own: Sequence[float | None], default: float) -> list[float]:
    """Each page's own value, or the nearest page's own one (the one before first: a page with
    few lines is most often the end of a part), or ``default``."""
    out: list[float] = []
    last: float | None = None
    for value in own:
        last = value if value is not None else last
        out.append(last if last is not None else default)
    after: float | None = None
    for k in range(len(own) - 1, -1, -1):
        if own[k] is not None:
            after = own[k]
        elif not any(v is not None for v in own[:k]) and after is not None:
            out[k] = after
    return out


def _layouts(pages: Sequence[Sequence[_Line]]) -> list[_Layout]:
    """Each page's layout, from its own body lines where it has enough of them (a size from
    `MIN_SIZE_CHARS` characters, a right margin that `MIN_MARGIN_LINES` lines end at, a left
    margin and a pitch seen twice), else from the nearest page that has, else from all pages'."""
    sizes = [_size_and_right(lines) for lines in pages]
    all_ems = [x for ems, _, _ in sizes for x in ems]
    all_weights = [x for _, weights, _ in sizes for x in weights]
    all_rights = [x for _, _, rights in sizes for x in rights]
    doc_em = _mode(all_ems, _EM_STEP, all_weights)[0] or 10.0
    # Too few lines end at one place: where the margin is is unknown, and nothing is joined.
    doc_right, n_right = _mode(all_rights, _MARGIN_STEP)
    if n_right < MIN_MARGIN_LINES:
        doc_right = math.inf
    own_em: list[float | None] = []
    own_right: list[float | None] = []
    for ems, weights, rights in sizes:
        em, n_em = _mode(ems, _EM_STEP, weights)
        right, n_right = _mode(rights, _MARGIN_STEP)
        own_em.append(em if n_em >= MIN_SIZE_CHARS else None)
        own_right.append(right if n_right >= MIN_MARGIN_LINES else None)
    page_em = _nearest(own_em, doc_em)
    page_right = _nearest(own_right, doc_right)
    measured = [
        _starts_and_pitches(lines, em, right)
        for lines, em, right in zip(pages, page_em, page_right, strict=True)
    ]
    doc_left = _mode([x for starts, _ in measured for x in starts], _MARGIN_STEP)[0] or min(
        (line.x0 for lines in pages for line in lines), default=0.0
    )
    doc_pitch = _mode([x for _, pitches in measured for x in pitches], _PITCH_STEP)[0]
    own_left: list[float | None] = []
    own_pitch: list[float | None] = []
    for starts, pitches in measured:
        left, n_left = _mode(starts, _MARGIN_STEP)
        pitch, n_pitch = _mode(pitches, _PITCH_STEP)
        own_left.append(left if n_left >= 2 else None)
        own_pitch.append(pitch if n_pitch >= 2 else None)
    page_left = _nearest(own_left, doc_left)
    page_pitch = _nearest(own_pitch, doc_pitch or 1.8 * doc_em)
    return [
        _Layout(*values) for values in zip(page_em, page_left, page_right, page_pitch, strict=True)
    ]


def _similar(a: float, b: float) -> bool:
    return a <= 0 or b <= 0 or abs(a - b) <= SIZE_SLACK * max(a, b)


def _ends_sentence(text: str) -> bool:
    text = text.rstrip(_SPACES + _CLOSERS)
    return bool(text) and text[-1] in _SENTENCE_END


def _reaches_right(line: _Line, layout: _Layout) -> bool:
    return (
        not line.spread
        and line.right >= layout.right - layout.em
        and line.x0 - layout.left <= MAX_WRAP_INDENT * layout.em
        and _TOC_ENTRY.search(line.text) is None
    )


def _at_left(line: _Line, layout: _Layout) -> bool:
    return not line.spread and abs(line.x0 - layout.left) < INDENT * layout.em


def _continues(prev: _Line, before: _Layout, line: _Line, layout: _Layout, same: bool) -> bool:
    """Whether ``line`` goes on the paragraph that ``prev`` (on this page when ``same``) ends."""
    if not (_reaches_right(prev, before) and _at_left(line, layout)):
        return False
    if not _similar(prev.em, line.em):
        return False
    ends = _ends_sentence(prev.text)
    if not same:
        return not ends
    if not 0 < prev.y - line.y <= PITCH_SLACK * layout.pitch + 0.5:
        return False
    return not (ends and _MARKER.match(line.text))


def _join(text: str, prev: _Line, line: _Line) -> str:
    """``text`` (ending in ``prev``) with ``line`` joined on."""
    head = text.rstrip(_SPACES)
    tail = line.text.lstrip(_SPACES)
    if head.endswith(_PDFIUM_HYPHEN):
        return head[:-1] + "-" + tail
    if (
        head
        and tail
        and _LATIN.match(head[-1])
        and _LATIN.match(tail[0])
        and (
            prev.space_after
            or line.space_before
            # English wrapped at a line end without a hyphen: the break was a space
            or (
                head[-1].isascii()
                and head[-1].isalpha()
                and tail[0].isascii()
                and tail[0].isalpha()
            )
        )
    ):
        return head + " " + tail
    return head + tail


# --------------------------------------------------------------------------- assembly
def _assemble(
    pages: Sequence[list[_Line]], layouts: Sequence[_Layout], furniture_lines: list[int]
) -> tuple[list[str], list[int]]:
    """The text's lines, and for each the page it is on; the (1-based) numbers of the lines
    that are page furniture are added to ``furniture_lines``."""
    out: list[str] = []
    tags: list[int] = []
    para: str | None = None
    para_page = 0
    prev: _Line | None = None
    prev_layout: _Layout | None = None
    pending: list[tuple[str, int]] = []  # furniture waiting for the open paragraph to end

    def flush() -> None:
        nonlocal para
        if para is not None:
            out.append(_clean(para))
            tags.append(para_page)
            para = None
        for text, page in pending:
            out.append(_clean(text))
            tags.append(page)
            furniture_lines.append(len(out))
        pending.clear()

    for index, (lines, layout) in enumerate(zip(pages, layouts, strict=True)):
        first = True
        for line in lines:
            if line.furniture:
                continue
            if (
                para is not None
                and prev is not None
                and prev_layout is not None
                and _continues(prev, prev_layout, line, layout, not first)
            ):
                para = _join(para, prev, line)
            else:
                flush()
                para, para_page = line.text, index
            prev, prev_layout, first = line, layout, False
        furniture = sorted((line for line in lines if line.furniture), key=lambda x: -x.y)
        if not (para is not None and prev is not None and prev_layout is not None) or not _open(
            prev, prev_layout
        ):
            flush()
            prev = None
        pending.extend((line.text, index) for line in furniture)
        if para is None:
            flush()
    flush()
    return out, tags


def _open(line: _Line, layout: _Layout) -> bool:
    """Whether a page's last body line may go on onto the next page."""
    return _reaches_right(line, layout) and not _ends_sentence(line.text)


def _clean(text: str) -> str:
    return text.replace(_PDFIUM_HYPHEN, "-")


# --------------------------------------------------------------------------- reading
_STREAM = re.compile(rb"stream\r?\n")
_CHUNK = 1 << 20


def _check_streams(data: bytes, name: str) -> None:
    """Refuse a PDF bomb before PDFium inflates it: each FlateDecode stream is inflated here
    first, a MiB at a time into nothing, and counted (`MAX_UNPACKED`, `MAX_STREAM_RATIO`).
    Streams in other filters, and damaged ones, are left to PDFium."""
    total = 0
    pos = 0
    while (m := _STREAM.search(data, pos)) is not None:
        start = m.end()
        end = data.find(b"endstream", start)
        if end < 0:
            break
        pos = end + 9
        inflate = zlib.decompressobj()
        packed = memoryview(data)[start:end]
        out = 0
        try:
            piece = inflate.decompress(packed, _CHUNK)
            while piece:
                out += len(piece)
                if total + out > MAX_UNPACKED or (
                    out > _CHUNK and out > MAX_STREAM_RATIO * max(len(packed), 1)
                ):
                    raise InputFormatError(
                        f"{name}: a stream of the PDF unpacks to more than "
                        f"{out // _CHUNK} MiB from {len(packed) // 1024 + 1} KiB (a PDF bomb?); "
                        "not read"
                    )
                piece = inflate.decompress(inflate.unconsumed_tail, _CHUNK)
        except zlib.error:
            continue  # not deflate, or damaged: PDFium decides
        total += out


def _load(data: bytes, name: str) -> tuple[Any, Any, Any]:
    try:  # pypdfium2 ships no type information: what is taken from it is typed Any
        pypdfium2: Any = importlib.import_module("pypdfium2")
        pdfium_c: Any = importlib.import_module("pypdfium2.raw")
    except ImportError:
        raise MissingDependencyError(
            f"{name}: reading PDF files needs pypdfium2, which is not installed: "
            "pip install 'govspeech[pdf]'"
        ) from None
    try:
        pdf = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            why = "it is encrypted and needs a password; save a copy without one"
        elif code == pdfium_c.FPDF_ERR_SECURITY:
            why = "it is encrypted with a scheme PDFium does not support"
        elif code in (pdfium_c.FPDF_ERR_FORMAT, pdfium_c.FPDF_ERR_FILE):
            why = "not a PDF file, or a damaged or truncated one"
        else:
            why = f"damaged or unsupported ({one_line(str(exc)) or type(exc).__name__})"
        raise InputFormatError(f"{name}: cannot read the PDF: {why}") from None
    return pypdfium2, pdfium_c, pdf


def _read_pages(
    pdf: Any, pypdfium2: Any, pdfium_c: Any, name: str
) -> tuple[list[list[_Line]], int, int]:
    pages: list[list[_Line]] = []
    total = chars = bad = 0
    count = len(pdf)
    if count > MAX_PAGES:
        raise InputFormatError(f"{name}: the PDF has {count} pages, more than {MAX_PAGES}; refused")
    for index in range(count):
        try:
            page = pdf[index]
        except pypdfium2.PdfiumError as exc:
            raise InputFormatError(
                f"{name}: page {index + 1} of the PDF cannot be read ({one_line(str(exc))})"
            ) from None
        try:
            textpage = page.get_textpage()
            try:
                n = max(pdfium_c.FPDFText_CountChars(textpage.raw), 0)  # -1: no text
                total += n
                if total > MAX_CHARS:
                    raise InputFormatError(
                        f"{name}: the PDF has more than {MAX_CHARS} characters of text; refused"
                    )
                lines, n_chars, n_bad = _page_lines(textpage.raw, n, pdfium_c) if n else ([], 0, 0)
            finally:
                textpage.close()
        except pypdfium2.PdfiumError as exc:
            raise InputFormatError(
                f"{name}: the text of page {index + 1} cannot be read ({one_line(str(exc))})"
            ) from None
        finally:
            page.close()
        pages.append(lines)
        chars += n_chars
        bad += n_bad
    return pages, chars, bad


def _unusable(text: str, chars: int, bad: int) -> str | None:
    """Why the extracted text is no usable text layer, or None if it is one."""
    if not text.strip():
        return "no text at all"
    body = "".join(text.split())
    junk = len(body) - len(_NOT_TEXT.sub("", body)) + sum(len(m) for m in _CID.findall(body))
    if bad / max(chars, 1) > 1 - MIN_TEXT_SHARE or junk / len(body) > 1 - MIN_TEXT_SHARE:
        share = max(bad / max(chars, 1), junk / len(body))
        return f"{round(100 * share)}% of its characters unreadable"
    return None


@frozen
class PdfText:
    """What `pdf_read` gives: the text, the line each page starts on, and the lines that are
    page furniture (page numbers, running headers and footers), which the parser makes
    boilerplate."""

    text: str
    pages: tuple[int, ...]
    furniture: frozenset[int]


def pdf_text(data: bytes, name: str = "<pdf>") -> tuple[str, tuple[int, ...]]:
    """``(text, page_lines)`` of `pdf_read`."""
    got = pdf_read(data, name)
    return got.text, got.pages


def pdf_read(data: bytes, name: str = "<pdf>") -> PdfText:
    """The text of the PDF in ``data``, one paragraph or heading a line, and where pages start.

    Returns the extracted text, every line ending in ``"\\n"``; for each page the 1-based
    line number of the text where that page starts (page k starts at ``pages[k-1]``); and the
    numbers of the lines that are page furniture. Lines broken by the page margin are joined
    into their paragraph (across page breaks too); page numbers and running headers and
    footers are lines of their own after their page's text (see the module's description).
    A page's entry is the line its own text begins on: a paragraph joined across a page break
    counts on the page where it starts; a page without text of its own has the entry of the
    page after it (or one past the last line), so the entries never decrease.

    Raises `MissingDependencyError` without pypdfium2, `InputFormatError` (one line, starting
    with ``name``) for a file that is not a readable PDF (damaged, truncated, encrypted) or has
    more than `MAX_PAGES` pages or `MAX_CHARS` characters, and `EmptyInputError` for a PDF
    without usable text (scanned pages, fonts without a Unicode mapping).
    """
    with _LOCK:
        _check_streams(data, name)
        pypdfium2, pdfium_c, pdf = _load(data, name)
        try:
            pages, chars, bad = _read_pages(pdf, pypdfium2, pdfium_c, name)
        except GovspeechError:
            raise
        except (ValueError, OSError, RuntimeError) as exc:  # anything else PDFium raises
            raise InputFormatError(
                f"{name}: cannot read the PDF ({one_line(str(exc)) or type(exc).__name__})"
            ) from None
        finally:
            pdf.close()
    _mark_furniture(pages)
    body = [[line for line in lines if not line.furniture] for lines in pages]
    furniture: list[int] = []
    out, tags = _assemble(pages, _layouts(body), furniture)
    text = "".join(line + "\n" for line in out)
    why = _unusable(text, chars, bad)
    if why is None and not any(body):
        why = "only page numbers and running headers"
    if why is not None:
        raise EmptyInputError(
            f"{name}: no usable text in the PDF (scanned pages, or fonts without Unicode: "
            f"{why}); run OCR on it first"
        )
    page_lines = tuple(bisect.bisect_left(tags, k) + 1 for k in range(len(pages)))
    return PdfText(text, page_lines, frozenset(furniture))
