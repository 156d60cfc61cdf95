"""Reading Word (.docx) files: paragraph text with Word's automatic numbering rebuilt.

In a Word file the 一、 （一） 1． of a speech are often *automatic numbering*: the label is
not in the paragraph's text but computed by Word from ``word/numbering.xml``, so python-docx's
``paragraph.text`` (and docx2python) lose it. This reader computes the labels as Word does and
writes each one directly before its paragraph's text (Word's tab or space after the label is
left out: ``一、统一思想``), one paragraph a line.

Only ``zipfile`` and lxml are used. XML is parsed without entity expansion, network access or
DTD loading, and a part with a DOCTYPE is refused outright (Word never writes one), so
billion-laughs and external-entity files fail with one line instead of expanding.

What is read (ECMA-376 Part 1 §17; where Word differs from the standard, as Word does):

* **Body order**: paragraphs of ``w:body``, table cells row by row (nested tables included),
  content controls (``w:sdt``) and custom XML. Headers, footers, footnotes, comments and text
  boxes are not read.
* **Runs**: ``w:t``; ``w:tab`` → tab; ``w:br``/``w:cr`` → newline (page and column breaks are
  dropped); hyperlinks, fields' results and inserted text are kept; deleted and moved-away
  text (tracked changes are read as if accepted), field codes (``w:instrText``), hidden text
  (``w:vanish``), ruby annotations and drawings are skipped.
* **Numbering**: ``w:numPr`` on the paragraph (``numId`` 0 switches numbering off), else from
  its paragraph style and that style's ``w:basedOn`` chain (the default paragraph style when
  there is no ``w:pStyle``); a style that gives no ``ilvl`` uses the level whose ``w:pStyle``
  names it. ``w:num`` → ``w:abstractNum`` (following ``w:numStyleLink``); ``w:lvlOverride``
  with a replacement ``w:lvl`` or ``w:startOverride`` (applied when the num first uses that
  level). Counters are kept per abstractNum, so nums sharing one continue each other, as in
  Word; using a level restarts the deeper ones unless their ``w:lvlRestart`` says otherwise
  (0: never; n: only after level n). ``w:lvlText`` ``%1``..``%9`` take each level's counter in
  its ``w:numFmt`` (all decimal when ``w:isLgl``); bullets and ``none`` give no label.
* **Outline level** (``w:outlineLvl`` on the paragraph or its style chain, 0 = Heading 1) is
  returned with each paragraph as a hint; the text does not use it.

Hostile files never hang, crash or take unbounded memory: every error zipfile, zlib or lxml
raises becomes the one-line `InputFormatError`; parts are inflated a chunk at a time and refused
as soon as one passes `MAX_PART_SIZE` or `MAX_COMPRESSION_RATIO`; the parts are parsed as
streams, so memory follows the text, not the markup; styles, list definitions, ``w:lvlText`` and
``w:basedOn`` chains are bounded (the ``MAX_*`` constants below, each refused past its limit).
Numbers are clamped instead, as the text stays readable: counters to ±`MAX_COUNTER`, letter
formats past `MAX_LETTER_NUMBER` in digits, labels cut at `MAX_LABEL` characters; levels other
than Word's nine (``w:ilvl`` 0..8) are ignored.
"""

from __future__ import annotations

import bisect
import contextlib
import importlib
import io
import struct
import zipfile
import zlib
from collections.abc import Generator, Iterator
from typing import Any

from attrs import define, field, frozen

from govspeech.errors import GovspeechError, InputFormatError, one_line

__all__ = ["DocxParagraph", "docx_text", "format_number", "read_docx"]

# lxml ships no type information; everything taken from it is typed Any.
etree: Any = importlib.import_module("lxml.etree")

# Transitional (what Word writes by default) and Strict Office Open XML.
_W_NAMESPACES = (
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
)
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_DOCUMENT = "word/document.xml"
_STYLES = "word/styles.xml"
_NUMBERING = "word/numbering.xml"
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_DOCTYPE_MARKS = tuple("<!DOCTYPE".encode(enc) for enc in ("utf-8", "utf-16-le", "utf-16-be"))
_MARK_SIZE = max(len(mark) for mark in _DOCTYPE_MARKS)
_ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_Element = Any

# --------------------------------------------------------------------------- limits
# Past each limit a file is refused with one line; the values are far above what Word or any
# generator writes, and keep the work and memory of one file to seconds and megabytes.

#: Largest uncompressed part (document.xml, styles.xml, numbering.xml): far above any real one.
MAX_PART_SIZE = 256 * 1024 * 1024
#: Largest ratio of a part's unpacked to packed size. Word's parts deflate about 5-40:1; the
#: most repetitive generated ones (20,000 identical paragraphs, big empty tables) 180-260:1;
#: zip bombs sit near deflate's ceiling of about 1000:1.
MAX_COMPRESSION_RATIO = 500
#: Unpacked bytes before the ratio counts: a small part may compress like a bomb at no cost.
RATIO_GRACE = 1024 * 1024
#: ``w:style`` elements in styles.xml: documents have tens to a few hundred (python-docx's
#: Word-made template: 164). Each costs a little memory and, through ``w:basedOn``, work.
MAX_STYLES = 10_000
#: ``w:abstractNum`` elements in numbering.xml: documents have tens (pasted lists pile up into
#: the thousands); one with its nine levels costs about 2 KB.
MAX_ABSTRACT_NUMS = 10_000
#: ``w:num`` elements: each "restart numbering" adds one, so there may be more; each is small.
MAX_NUMS = 50_000
#: Elements inside one child of styles.xml's or numbering.xml's root (a style, a list): each is
#: held whole while it is read; real ones have tens to a few hundred.
MAX_ENTRY_ELEMENTS = 10_000
#: Styles followed up one ``w:basedOn`` chain (and ``w:numStyleLink`` hops): real chains are a
#: handful deep; this bounds the work per style.
MAX_STYLE_DEPTH = 100
#: Characters of one ``w:lvlText``: real ones have a few (``%1、`` ``第%1章`` ``%1.%2.%3``); the
#: label is rebuilt from it for every numbered paragraph.
MAX_LEVEL_TEXT = 255
#: Characters of a label; longer ones are cut (only letter formats far down a list and a long
#: ``w:lvlText`` get there), so a label never outgrows its paragraph's markup by much.
MAX_LABEL = 255
#: Counters (``w:start``, ``w:startOverride`` and counting on) are clamped to ±this: no real
#: list is that long, and a huge ``w:start`` once formatted into megabytes of letters.
MAX_COUNTER = 1_000_000
#: Letter formats repeat the letter (Z, AA, …, ZZ, AAA): past 30 letters they are digits.
MAX_LETTER_NUMBER = 26 * 30
#: Word's nine list levels (``w:ilvl`` 0..8): ``%1``..``%9`` can only name these.
_LEVELS = range(9)
#: Bytes inflated at a time, so also how far inflating runs past a limit. (The ratio while
#: inflating is judged on the compressed bytes zipfile has read, a few KiB ahead of use.)
_CHUNK = 4096
#: What zipfile, zlib and the archive's bytes raise on damaged or hostile archives (a byte
#: fuzzer found each): a negative seek and a bad UTF-8 name (ValueError), an offset C cannot
#: hold (OverflowError), a method, zip version or flag zipfile lacks (NotImplementedError, a
#: RuntimeError, as encryption is), bad headers and CRCs (BadZipFile), truncated data
#: (EOFError), a broken deflate stream (zlib.error), a short field (struct.error).
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    EOFError,
    OSError,
    zlib.error,
    struct.error,
    ValueError,
    OverflowError,
    LookupError,
    RuntimeError,
)
#: No entities, DTDs or network; libxml2's own limits (depth 256, 10 MB text nodes) kept; ids
#: not collected (a table of every xml:id would grow with the markup).
_PARSER_OPTIONS = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "dtd_validation": False,
    "huge_tree": False,
    "collect_ids": False,
}


@frozen
class DocxParagraph:
    """One paragraph of a .docx, in body order."""

    #: The automatic-numbering label Word shows (``一、``, ``（一）``), or "" when none.
    label: str
    #: The paragraph's own text (tabs and line breaks included).
    text: str
    #: The paragraph style's id (``Heading1``), or None.
    style: str | None
    #: Outline level from the paragraph or its style (0 = Heading 1), a hint; None for body text.
    outline_level: int | None
    #: Whether the paragraph sits in a table cell.
    in_table: bool

    @property
    def line(self) -> str:
        """The label followed by the text, as the paragraph's line of the extracted text."""
        return self.label + self.text


# --------------------------------------------------------------------------- number formats
_CN = "零一二三四五六七八九"
_CN_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_TW_LEGAL = "零壹貳參肆伍陸柒捌玖"
_GAN = "甲乙丙丁戊己庚辛壬癸"
_ZHI = "子丑寅卯辰巳午未申酉戌亥"
# ①..⑳ ㉑..㉟ ㊱..㊿
_CIRCLED = (
    [chr(0x2460 + i) for i in range(20)]
    + [chr(0x3251 + i) for i in range(15)]
    + [chr(0x32B1 + i) for i in range(15)]
)
_ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def _chinese(n: int, digits: str = _CN, units: str = "十百千", big: str = "万亿") -> str:
    """A number in Chinese as Word writes chineseCounting: 十, 十一, 二十, 一百零五, 一万零五."""
    if n == 0:
        return digits[0]
    if n < 0:
        return "负" + _chinese(-n, digits, units, big)

    def below_10000(m: int) -> str:
        out, zero = "", False
        for power, unit in ((1000, units[2]), (100, units[1]), (10, units[0]), (1, "")):
            d, m = divmod(m, power)
            if d:
                if zero:
                    out += digits[0]
                out += digits[d] + unit
                zero = False
            elif out:
                zero = True
        return out

    groups: list[int] = []
    while n:
        n, g = divmod(n, 10000)
        groups.append(g)
    out = ""
    for i in range(len(groups) - 1, -1, -1):
        g = groups[i]
        if g:
            if out and g < 1000:
                out += digits[0]
            out += below_10000(g) + (big[min(i, len(big)) - 1] if i else "")
    if digits == _CN and out.startswith("一十"):
        out = out[1:]  # 十一, not 一十一
    return out


def _roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out, n = out + letters, n - value
    return out


def _letters(n: int) -> str:
    # Word: A..Z, then AA..ZZ, AAA.. (the letter repeated, not base 26); digits past 30 letters
    if not 0 < n <= MAX_LETTER_NUMBER:
        return str(n)
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _fullwidth(n: int) -> str:
    return str(n).translate({ord(c): 0xFF10 + int(c) for c in "0123456789"})


def format_number(n: int, fmt: str) -> str:
    """The counter ``n`` in Word's ``w:numFmt`` ``fmt`` (unknown formats as decimal, as Word)."""
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return _fullwidth(n)
    if fmt in (
        "chineseCounting",
        "chineseCountingThousand",
        "taiwaneseCounting",
        "taiwaneseCountingThousand",
        "japaneseCounting",
    ):
        return _chinese(n)
    if fmt == "chineseLegalSimplified":
        return _chinese(n, _CN_LEGAL, "拾佰仟", "万亿")
    if fmt in ("ideographLegalTraditional", "taiwaneseLegal"):
        return _chinese(n, _TW_LEGAL, "拾佰仟", "萬億")
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return "".join("〇一二三四五六七八九"[int(c)] for c in str(n)) if n >= 0 else str(n)
    if n <= 0:
        return str(n)
    if fmt == "ideographTraditional":
        return _GAN[(n - 1) % 10]
    if fmt == "ideographZodiac":
        return _ZHI[(n - 1) % 12]
    if fmt == "ideographZodiacTraditional":
        return _GAN[(n - 1) % 10] + _ZHI[(n - 1) % 12]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return _CIRCLED[n - 1] if n <= len(_CIRCLED) else str(n)
    if fmt == "decimalEnclosedParen":  # ⑴..⒇
        return chr(0x2474 + n - 1) if n <= 20 else f"({n})"
    if fmt == "decimalEnclosedFullstop":  # ⒈..⒛
        return chr(0x2488 + n - 1) if n <= 20 else f"{n}."
    if fmt == "ideographEnclosedCircle":  # ㈠..㈩
        return chr(0x3220 + n - 1) if n <= 10 else _chinese(n)
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperLetter":
        return _letters(n)
    if fmt == "lowerLetter":
        return _letters(n).lower()
    if fmt == "none":
        return ""
    return str(n)  # decimal, decimalHalfWidth, ordinal, the English *Text formats, unknown


# --------------------------------------------------------------------------- the XML parts
class _Names:
    """Qualified tag and attribute names in the document's WordprocessingML namespace."""

    def __init__(self, namespace: str) -> None:
        self.prefix = "{" + namespace + "}"

    def __call__(self, local: str) -> str:
        return self.prefix + local

    def val(self, el: _Element | None, attr: str = "val") -> str | None:
        if el is None:
            return None
        value = el.get(self.prefix + attr)
        return None if value is None else str(value)

    def int_val(self, el: _Element | None, attr: str = "val") -> int | None:
        return _int(self.val(el, attr))

    def on(self, el: _Element | None) -> bool:
        """A toggle property (``<w:isLgl/>``, ``<w:vanish w:val="0"/>``) that is on."""
        return el is not None and self.val(el) not in _OFF

    def short(self, tag: str) -> str:
        """``w:abstractNum`` for the qualified name, for messages."""
        return "w:" + tag[len(self.prefix) :] if tag.startswith(self.prefix) else tag


_OFF = ("0", "false", "off")


def _int(value: str | None) -> int | None:
    if value is None:
        return None
    try:
        return int(value)
    except ValueError:  # not a number, or more digits than Python converts (4300)
        return None


def _clamp(n: int) -> int:
    return max(-MAX_COUNTER, min(n, MAX_COUNTER))


def _one_line(exc: BaseException) -> str:
    return one_line(str(exc)) or type(exc).__name__


def _short(value: str) -> str:
    """A value quoted for a one-line message, and not a megabyte long."""
    return repr(value if len(value) <= 40 else value[:40] + "…")


@contextlib.contextmanager
def _zip_errors(name: str, part: str | None = None) -> Iterator[None]:
    """Whatever zipfile and zlib raise on a damaged archive, as one line."""
    where = f"{part}: " if part else ""
    try:
        yield
    except GovspeechError:
        raise
    except RuntimeError as exc:  # NotImplementedError (a method, version or flag), encryption
        raise InputFormatError(f"{name}: unsupported .docx ({where}{_one_line(exc)})") from None
    except _ZIP_ERRORS as exc:
        raise InputFormatError(f"{name}: corrupt .docx ({where}{_one_line(exc)})") from None


@contextlib.contextmanager
def _xml_errors(name: str, part: str) -> Iterator[None]:
    """Whatever lxml raises on bad markup, as one line."""
    try:
        yield
    except GovspeechError:
        raise
    except etree.XMLSyntaxError as exc:
        raise InputFormatError(
            f"{name}: {part} is not well-formed XML ({' '.join(str(exc.msg).split())})"
        ) from None
    except etree.LxmlError as exc:
        raise InputFormatError(f"{name}: {part} cannot be parsed ({_one_line(exc)})") from None


class _CountingBytes(io.BytesIO):
    """The archive's bytes, counting those read: how much compressed data was really inflated
    (the sizes in the central directory are only claims)."""

    count = 0

    def read(self, size: int | None = -1, /) -> bytes:
        data = super().read(size)
        self.count += len(data)
        return data


class _Archive:
    """The .docx's zip archive: parts inflated chunk by chunk under the size and ratio limits,
    and parsed as streams."""

    def __init__(self, data: bytes, name: str) -> None:
        self.name = name
        self.size = len(data)
        self.file = _CountingBytes(data)
        try:
            self.zip = zipfile.ZipFile(self.file)
        except RuntimeError as exc:  # NotImplementedError: a zip version zipfile cannot read
            raise InputFormatError(f"{name}: unsupported .docx ({_one_line(exc)})") from None
        except _ZIP_ERRORS as exc:
            if data.startswith(_ZIP_SIGNATURES):
                raise InputFormatError(
                    f"{name}: corrupt or truncated .docx ({_one_line(exc)})"
                ) from None
            raise InputFormatError(f"{name}: not a Word .docx file (not a zip archive)") from None
        # Where each member's bytes can end: at the next local header (or the archive's end).
        self.offsets = sorted({info.header_offset for info in self.zip.infolist()})

    def info(self, part: str) -> zipfile.ZipInfo | None:
        try:
            return self.zip.getinfo(part)
        except KeyError:
            return None

    def _check_ratio(self, part: str, unpacked: int, packed: int) -> None:
        if unpacked > RATIO_GRACE and unpacked > MAX_COMPRESSION_RATIO * packed:
            raise InputFormatError(
                f"{self.name}: {part} unpacks to more than {MAX_COMPRESSION_RATIO} times its "
                "compressed size; refused as a zip bomb"
            )

    def chunks(self, part: str, info: zipfile.ZipInfo) -> Generator[bytes, None, None]:
        """The part's bytes, inflated a chunk at a time; refused as soon as a limit is passed."""
        name = self.name
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise InputFormatError(
                f"{name}: unsupported .docx ({part}: compression method {info.compress_type}; "
                "a .docx is stored or deflated)"
            )
        if info.file_size > MAX_PART_SIZE:
            raise InputFormatError(f"{name}: {part} is too large ({info.file_size} bytes unpacked)")
        # The claims first: zipfile never inflates more than the claimed size, and a member's
        # compressed bytes lie between its header and the next one, whatever it claims...
        at = bisect.bisect_right(self.offsets, info.header_offset)
        end = self.offsets[at] if at < len(self.offsets) else self.size
        self._check_ratio(part, info.file_size, min(info.compress_size, end - info.header_offset))
        with _zip_errors(name, part):
            stream = self.zip.open(info)
        # ...then the bytes really read and inflated, in case the claims still lie.
        unpacked = packed = 0
        tail = b""
        with stream:
            while True:
                before = self.file.count
                with _zip_errors(name, part):
                    chunk = stream.read(_CHUNK)
                packed += self.file.count - before
                if not chunk:
                    return
                unpacked += len(chunk)
                if unpacked > MAX_PART_SIZE:
                    raise InputFormatError(
                        f"{name}: {part} is too large (more than {MAX_PART_SIZE} bytes unpacked)"
                    )
                self._check_ratio(part, unpacked, packed)
                # Markup can hold "<!DOCTYPE" only as a declaration (text would escape the "<"),
                # so a byte search finds one before libxml2 even reads it; the parse checks too.
                head = tail + chunk[: _MARK_SIZE - 1]
                if any(mark in chunk or mark in head for mark in _DOCTYPE_MARKS):
                    raise self._doctype(part)
                tail = chunk[-(_MARK_SIZE - 1) :]
                yield chunk

    def _doctype(self, part: str) -> InputFormatError:
        return InputFormatError(
            f"{self.name}: {part} has a DOCTYPE, which Word never writes; refused (entities are "
            "never expanded)"
        )

    def _check_docinfo(self, part: str, el: _Element) -> None:
        docinfo = el.getroottree().docinfo
        if docinfo.doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None:
            raise self._doctype(part)

    def _events(self, part: str, info: zipfile.ZipInfo, parser: Any) -> Generator[Any, None, None]:
        """Feed the part to ``parser`` a chunk at a time; after each, yield the parser."""
        chunks = self.chunks(part, info)
        try:
            for chunk in chunks:
                with _xml_errors(self.name, part):
                    parser.feed(chunk)
                yield parser
            with _xml_errors(self.name, part):
                parser.close()
            yield parser
        finally:
            chunks.close()

    def root_namespace(self, part: str, info: zipfile.ZipInfo) -> str:
        """The namespace of the part's root element, read from its first bytes."""
        parser = etree.XMLPullParser(events=("start",), **_PARSER_OPTIONS)
        feeding = self._events(part, info, parser)
        try:
            for _ in feeding:
                for _event, el in parser.read_events():
                    self._check_docinfo(part, el)
                    tag = str(el.tag)
                    return tag[1:].partition("}")[0] if tag.startswith("{") else ""
        finally:
            feeding.close()
        raise InputFormatError(f"{self.name}: {part} is not well-formed XML (no root element)")

    def entries(self, part: str, info: zipfile.ZipInfo, w: _Names) -> Iterator[_Element]:
        """The children of the part's root element, in order, each whole and then cleared: the
        part is never held as one tree, and one child at most `MAX_ENTRY_ELEMENTS` large."""
        parser = etree.XMLPullParser(events=("start", "end"), **_PARSER_OPTIONS)
        depth = inside = 0
        entry = ""
        for _ in self._events(part, info, parser):
            for event, el in parser.read_events():
                if event == "start":
                    depth += 1
                    if depth == 1:
                        self._check_docinfo(part, el)
                    elif depth == 2:
                        inside, entry = 0, str(el.tag)
                    else:
                        inside += 1
                        if inside > MAX_ENTRY_ELEMENTS:
                            raise InputFormatError(
                                f"{self.name}: {part}: {w.short(entry)} has more than "
                                f"{MAX_ENTRY_ELEMENTS} elements inside; refused"
                            )
                else:
                    depth -= 1
                    if depth == 1:
                        yield el
                        el.clear()
                        while el.getprevious() is not None:
                            del el.getparent()[0]

    def paragraphs(self, info: zipfile.ZipInfo, body: _Body) -> Iterator[_Row]:
        """document.xml's paragraphs as its chunks are parsed (no tree is built)."""
        parser = etree.XMLParser(target=body, **_PARSER_OPTIONS)
        for _ in self._events(_DOCUMENT, info, parser):
            yield from body.take()
        if not body.body_seen:
            raise InputFormatError(f"{self.name}: {_DOCUMENT} has no w:body")


@define
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str | None = None  # w:lvlText; None when absent
    restart: int | None = None  # w:lvlRestart (0 = never; n = after level n, 1-based)
    is_lgl: bool = False
    pstyle: str | None = None


@define
class _Abstract:
    levels: dict[int, _Level] = field(factory=dict)
    style_link: str | None = None  # w:numStyleLink: the definition is a numbering style's
    counters: dict[int, int] = field(factory=dict)  # shared by every num using it


@define
class _Num:
    abstract_id: str
    start_overrides: dict[int, int] = field(factory=dict)
    level_overrides: dict[int, _Level] = field(factory=dict)
    used_levels: set[int] = field(factory=set)


@define
class _Style:
    based_on: str | None = None
    num_id: str | None = None
    ilvl: int | None = None
    outline: int | None = None


#: What a paragraph style gives through its w:basedOn chain: the first numId there with the
#: ilvl of the same style, and the first outline level.
_Inherited = tuple[str | None, int | None, int | None]
_NOTHING: _Inherited = (None, None, None)


class _Styles:
    """The paragraph styles by id, and what each one inherits."""

    def __init__(self, w: _Names, name: str) -> None:
        self.w = w
        self.name = name
        self.by_id: dict[str, _Style] = {}
        self.default: str | None = None  # the default paragraph style's id
        self._inherited: dict[str, _Inherited] = {}

    def add(self, el: _Element) -> None:
        w = self.w
        style = _Style(based_on=w.val(el.find(w("basedOn"))))
        ppr = el.find(w("pPr"))
        if ppr is not None:
            numpr = ppr.find(w("numPr"))
            if numpr is not None:
                style.num_id = w.val(numpr.find(w("numId")))
                style.ilvl = w.int_val(numpr.find(w("ilvl")))
            style.outline = w.int_val(ppr.find(w("outlineLvl")))
        sid = w.val(el, "styleId") or ""
        self.by_id[sid] = style
        if w.val(el, "type") == "paragraph" and w.val(el, "default") in ("1", "true", "on"):
            self.default = sid

    def inherited(self, sid: str | None) -> _Inherited:
        """Follow the chain from ``sid`` up (a cycle ends it; one longer than
        `MAX_STYLE_DEPTH` is refused), once per style."""
        if not sid or sid not in self.by_id:
            return _NOTHING
        known = self._inherited.get(sid)
        if known is not None:
            return known
        num_id: str | None = None
        ilvl = outline = None
        seen: set[str] = set()
        at: str | None = sid
        while at and at not in seen and (style := self.by_id.get(at)) is not None:
            if len(seen) == MAX_STYLE_DEPTH:
                raise InputFormatError(
                    f"{self.name}: {_STYLES}: style {_short(sid)}: its w:basedOn chain is more "
                    f"than {MAX_STYLE_DEPTH} styles deep; refused"
                )
            seen.add(at)
            if num_id is None and style.num_id is not None:
                num_id, ilvl = style.num_id, style.ilvl
            if outline is None:
                outline = style.outline
            at = style.based_on
        self._inherited[sid] = result = (num_id, ilvl, outline)
        return result


class _Numbering:
    """Word's list counters over one document, advanced paragraph by paragraph."""

    def __init__(self, w: _Names, styles: _Styles, name: str) -> None:
        self.w = w
        self.styles = styles
        self.name = name
        self.abstracts: dict[str, _Abstract] = {}
        self.nums: dict[str, _Num] = {}
        self._resolved: dict[str, _Abstract | None] = {}  # by numId, numStyleLinks followed

    def add_abstract(self, an: _Element) -> None:
        w = self.w
        abstract = _Abstract(style_link=w.val(an.find(w("numStyleLink"))))
        for lvl in an.iterfind(w("lvl")):
            ilvl = w.int_val(lvl, "ilvl") or 0
            if ilvl in _LEVELS:
                abstract.levels[ilvl] = self._level(lvl)
        self.abstracts[w.val(an, "abstractNumId") or ""] = abstract

    def add_num(self, n: _Element) -> None:
        w = self.w
        num = _Num(abstract_id=w.val(n.find(w("abstractNumId"))) or "")
        for override in n.iterfind(w("lvlOverride")):
            ilvl = w.int_val(override, "ilvl") or 0
            if ilvl not in _LEVELS:
                continue
            start = w.int_val(override.find(w("startOverride")))
            if start is not None:
                num.start_overrides[ilvl] = _clamp(start)
            lvl = override.find(w("lvl"))
            if lvl is not None:
                num.level_overrides[ilvl] = self._level(lvl)
        self.nums[w.val(n, "numId") or ""] = num

    def _level(self, el: _Element) -> _Level:
        w = self.w
        level = _Level()
        start = w.int_val(el.find(w("start")))
        if start is not None:
            level.start = _clamp(start)
        level.fmt = w.val(el.find(w("numFmt"))) or "decimal"
        text = el.find(w("lvlText"))
        if text is not None:
            level.text = "" if w.on(text.find(w("null"))) else (w.val(text) or "")
            if len(level.text) > MAX_LEVEL_TEXT:
                raise InputFormatError(
                    f"{self.name}: {_NUMBERING}: a w:lvlText of {len(level.text)} characters "
                    f"(more than {MAX_LEVEL_TEXT}); refused"
                )
        level.restart = w.int_val(el.find(w("lvlRestart")))
        level.is_lgl = w.on(el.find(w("isLgl")))
        level.pstyle = w.val(el.find(w("pStyle")))
        return level

    def _abstract(self, num_id: str, num: _Num) -> _Abstract | None:
        if num_id in self._resolved:
            return self._resolved[num_id]
        abstract = self.abstracts.get(num.abstract_id)
        seen: set[str] = set()
        while abstract is not None and abstract.style_link and abstract.style_link not in seen:
            if len(seen) == MAX_STYLE_DEPTH:
                raise InputFormatError(
                    f"{self.name}: {_NUMBERING}: w:numStyleLink chain of num {_short(num_id)} "
                    f"is more than {MAX_STYLE_DEPTH} styles deep; refused"
                )
            seen.add(abstract.style_link)
            style = self.styles.by_id.get(abstract.style_link)
            target = self.nums.get(style.num_id) if style and style.num_id else None
            if target is None:
                break
            abstract = self.abstracts.get(target.abstract_id)
        self._resolved[num_id] = abstract
        return abstract

    @staticmethod
    def _def(num: _Num, abstract: _Abstract, ilvl: int) -> _Level | None:
        return num.level_overrides.get(ilvl) or abstract.levels.get(ilvl)

    def label(self, num_id: str, ilvl: int | None, style_id: str | None) -> str:
        """Count one numbered paragraph and return its label ("" for bullets or none)."""
        num = self.nums.get(num_id)
        abstract = self._abstract(num_id, num) if num is not None else None
        if num is None or abstract is None:
            return ""
        if ilvl is None:  # from a style without ilvl: the level that names the style
            ilvl = next(
                (
                    k
                    for k, lv in sorted(abstract.levels.items())
                    if style_id and lv.pstyle == style_id
                ),
                0,
            )
        level = self._def(num, abstract, ilvl)
        if level is None:
            return ""
        counters = abstract.counters
        if ilvl not in num.used_levels:
            num.used_levels.add(ilvl)
            if ilvl in num.start_overrides:
                counters[ilvl] = num.start_overrides[ilvl] - 1
        counters[ilvl] = min(counters.get(ilvl, level.start - 1) + 1, MAX_COUNTER)
        for deeper in [k for k in counters if k > ilvl]:
            deeper_def = self._def(num, abstract, deeper)
            restart = deeper_def.restart if deeper_def is not None else None
            if restart is None or (restart != 0 and ilvl < restart):
                del counters[deeper]
        if level.fmt == "bullet" or not level.text:
            return ""
        out: list[str] = []
        size = 0
        text, i = level.text, 0
        while i < len(text) and size < MAX_LABEL:
            if text[i] == "%" and i + 1 < len(text) and text[i + 1] in "123456789":
                k = int(text[i + 1]) - 1
                k_def = self._def(num, abstract, k)
                n = counters.get(k, k_def.start if k_def is not None else 1)
                fmt = k_def.fmt if k_def is not None else "decimal"
                if level.is_lgl and fmt != "none":
                    fmt = "decimal"
                piece = format_number(n, fmt)
                i += 2
            else:
                piece = text[i]
                i += 1
            out.append(piece)
            size += len(piece)
        return "".join(out)[:MAX_LABEL]


# --------------------------------------------------------------------------- the body
# What the element being read is, for the body's parser target (one int per open element).
_IGNORED = 0  # outside the body's paragraphs and containers, or under something else
_ROOT = 1  # w:document
_BLOCKS = 2  # w:body, and the containers in it outside tables
_TABLE = 3  # containers in a table
_PARA = 4  # a paragraph of the body (every mode from here on is inside one)
_INLINE = 5  # read through: hyperlinks, fields, content controls, insertions, ruby base…
_RUN = 6  # w:r
_RUN_PR = 7  # a run's w:rPr: only its w:vanish matters
_P_PR = 8  # the paragraph's first w:pPr: style, numbering, outline level
_NUM_PR = 9  # that w:pPr's first w:numPr
_T = 10  # w:t: its text up to its first child
_SKIPPED = 11  # holds none of the paragraph's text


#: A paragraph as read: the fields of `DocxParagraph` (a tuple is cheaper to make).
_Row = tuple[str, str, str | None, int | None, bool]


class _Props:
    """What a paragraph's first ``w:pPr`` says (the first of each child, as ``find`` reads)."""

    __slots__ = ("ilvl", "num_id", "outline", "pstyle", "seen")

    def __init__(self) -> None:
        self.seen: set[str] = set()  # the children met: pStyle, numPr, outlineLvl, numId, ilvl
        self.pstyle: str | None = None
        self.num_id: str | None = None
        self.ilvl: int | None = None
        self.outline: int | None = None


class _Body:
    """lxml parser target for document.xml: the paragraphs of ``w:body`` in body order, from a
    stream of parser events. No tree is built: memory follows the text, not the markup.

    Read as before from a tree: paragraphs of the body, table cells row by row (nested tables
    too), content controls and custom XML; in a paragraph, its first ``w:pPr`` gives the first
    ``w:pStyle``, ``w:numPr`` (its first ``w:numId`` and ``w:ilvl``) and ``w:outlineLvl``; a
    run is hidden by the first ``w:vanish`` in its ``w:rPr``.
    """

    def __init__(self, w: _Names, styles: _Styles, numbering: _Numbering, name: str) -> None:
        self.w = w
        self.name = name
        self.styles = styles
        self.numbering = numbering
        self.val = w("val")
        self.type = w("type")
        self.p, self.r, self.t, self.tbl, self.body = (w(x) for x in ("p", "r", "t", "tbl", "body"))
        self.ppr, self.rpr = w("pPr"), w("rPr")
        self.marks = {w("tab"): "\t", w("ptab"): "\t", w("noBreakHyphen"): "\u2011"}
        self.breaks = {w("br"), w("cr")}
        # whole subtrees that hold no text of the paragraph
        self.skip = {
            w("del"),
            w("moveFrom"),
            w("delText"),
            w("instrText"),
            w("delInstrText"),
            w("drawing"),
            w("pict"),
            w("object"),
            w("rt"),
            w("footnoteReference"),
            w("endnoteReference"),
            w("commentReference"),
            w("pPr"),
            w("rPr"),
            w("sdtPr"),
            w("sdtEndPr"),
            _MC + "AlternateContent",
        }
        self.containers = {w("tbl"), w("tr"), w("tc"), w("sdt"), w("sdtContent"), w("customXml")}
        self.containers |= {w("ins"), w("moveTo")}
        self.stack: list[int] = []
        self.body_seen = False
        self.done: list[_Row] = []
        # the paragraph being read (open runs and w:t always close before their paragraph)
        self.in_table = False
        self.props: _Props | None = None  # from its first w:pPr
        self.pieces: list[list[str]] = [[]]  # the paragraph's text, then each open run's
        self.hidden: list[bool | None] = []  # each open run's first w:vanish; None: none yet
        self.in_t = False

    def take(self) -> list[_Row]:
        done, self.done = self.done, []
        return done

    # -- the parser target's interface
    def start(self, tag: str, attrib: dict[str, str]) -> None:
        stack = self.stack
        parent = stack[-1] if stack else -1
        if parent >= _PARA:
            mode = self._inside(parent, tag, attrib)
        elif parent in (_BLOCKS, _TABLE):
            if tag == self.p:
                mode = _PARA
                self.in_table = parent == _TABLE
                self.props = None
                self.pieces = [[]]
            elif tag in self.containers:
                mode = _TABLE if parent == _TABLE or tag == self.tbl else _BLOCKS
            else:
                mode = _IGNORED
        elif parent == -1:
            mode = _ROOT
        elif parent == _ROOT and tag == self.body and not self.body_seen:
            self.body_seen = True
            mode = _BLOCKS
        else:
            mode = _IGNORED
        stack.append(mode)

    def end(self, tag: str) -> None:
        mode = self.stack.pop()
        if mode == _RUN:
            pieces = self.pieces.pop()
            if not self.hidden.pop():
                self.pieces[-1] += pieces
        elif mode == _T:
            self.in_t = False
        elif mode == _PARA:
            self._paragraph()

    def data(self, data: str) -> None:
        if self.in_t:
            self.pieces[-1].append(data)

    def doctype(self, *args: object) -> None:
        # The byte search refused it already; this is in case libxml2 sees one it missed.
        raise InputFormatError(f"{self.name}: {_DOCUMENT} has a DOCTYPE, which Word never writes")

    def close(self) -> None:
        return None

    # --
    def _inside(self, parent: int, tag: str, attrib: dict[str, str]) -> int:
        """The mode of an element in a paragraph, noting what the paragraph needs of it."""
        w = self.w
        if parent == _SKIPPED:
            return _SKIPPED
        if parent == _T:
            self.in_t = False  # el.text: the text before the first child
            return _SKIPPED
        if parent == _P_PR or parent == _NUM_PR:
            props = self.props
            assert props is not None
            local = tag[len(w.prefix) :] if tag.startswith(w.prefix) else ""
            if local in props.seen:
                return _SKIPPED
            if parent == _P_PR and local in ("pStyle", "numPr", "outlineLvl"):
                props.seen.add(local)
                if local == "pStyle":
                    props.pstyle = attrib.get(self.val)
                elif local == "numPr":
                    return _NUM_PR
                else:
                    props.outline = _int(attrib.get(self.val))
            elif parent == _NUM_PR and local in ("numId", "ilvl"):
                props.seen.add(local)
                if local == "numId":
                    props.num_id = attrib.get(self.val)
                else:
                    props.ilvl = _int(attrib.get(self.val))
            return _SKIPPED
        if parent == _RUN_PR:
            if tag == w("vanish") and self.hidden[-1] is None:
                self.hidden[-1] = attrib.get(self.val) not in _OFF
            return _SKIPPED
        # in the paragraph's content (_PARA, _INLINE, _RUN)
        if tag in self.skip:
            if parent == _PARA and tag == self.ppr and self.props is None:
                self.props = _Props()
                return _P_PR
            if parent == _RUN and tag == self.rpr:
                return _RUN_PR
            return _SKIPPED
        if tag == self.t:
            self.in_t = True
            return _T
        if tag == self.r:
            self.pieces.append([])
            self.hidden.append(None)
            return _RUN
        mark = self.marks.get(tag)
        if mark is not None:
            self.pieces[-1].append(mark)
            return _SKIPPED
        if tag in self.breaks:
            if attrib.get(self.type) in (None, "textWrapping"):  # page and column breaks dropped
                self.pieces[-1].append("\n")
            return _SKIPPED
        return _INLINE

    def _paragraph(self) -> None:
        props = self.props
        if props is None:
            sid = num_id = None
            ilvl = outline = None
        else:
            sid, num_id, ilvl, outline = props.pstyle, props.num_id, props.ilvl, props.outline
        style_num, style_ilvl, style_outline = self.styles.inherited(sid or self.styles.default)
        if num_id is None:
            if style_num is not None:
                num_id = style_num
                if ilvl is None:
                    ilvl = style_ilvl
        elif ilvl is None:
            ilvl = 0
        if outline is None:
            outline = style_outline
        if outline is not None and not 0 <= outline <= 8:
            outline = None  # 9 is body text
        label = ""
        if num_id is not None and num_id != "0":
            label = self.numbering.label(num_id, ilvl, sid or self.styles.default)
        self.done.append((label, "".join(self.pieces[0]), sid, outline, self.in_table))


def _paragraphs(data: bytes, name: str) -> Iterator[_Row]:
    if data.startswith(_OLE_SIGNATURE):
        raise InputFormatError(
            f"{name}: a legacy Word .doc/.wps or an encrypted document (OLE compound file), "
            "not a .docx; save it as .docx (without a password)"
        )
    archive = _Archive(data, name)
    with archive.zip:
        doc = archive.info(_DOCUMENT)
        if doc is None:
            raise InputFormatError(
                f"{name}: not a Word .docx file (the zip archive has no {_DOCUMENT})"
            )
        namespace = archive.root_namespace(_DOCUMENT, doc)
        if namespace not in _W_NAMESPACES:
            raise InputFormatError(f"{name}: {_DOCUMENT} is not a WordprocessingML document")
        w = _Names(namespace)
        styles = _Styles(w, name)
        info = archive.info(_STYLES)
        if info is not None:
            count = 0
            for el in archive.entries(_STYLES, info, w):
                if el.tag == w("style"):
                    count += 1
                    if count > MAX_STYLES:
                        raise InputFormatError(
                            f"{name}: {_STYLES} has more than {MAX_STYLES} styles; refused"
                        )
                    styles.add(el)
        numbering = _Numbering(w, styles, name)
        info = archive.info(_NUMBERING)
        if info is not None:
            counts = {w("abstractNum"): 0, w("num"): 0}
            limits = {w("abstractNum"): MAX_ABSTRACT_NUMS, w("num"): MAX_NUMS}
            for el in archive.entries(_NUMBERING, info, w):
                tag = el.tag
                if tag in counts:
                    counts[tag] += 1
                    if counts[tag] > limits[tag]:
                        raise InputFormatError(
                            f"{name}: {_NUMBERING} has more than {limits[tag]} "
                            f"{w.short(tag)} elements; refused"
                        )
                    if tag == w("num"):
                        numbering.add_num(el)
                    else:
                        numbering.add_abstract(el)
        yield from archive.paragraphs(doc, _Body(w, styles, numbering, name))


def read_docx(data: bytes, name: str = "<docx>") -> list[DocxParagraph]:
    """The paragraphs of the .docx in ``data``, with their rebuilt numbering labels.

    Raises `InputFormatError` (one line, starting with ``name``) for anything that is not a
    readable .docx, or that passes one of the limits (`MAX_PART_SIZE` and the other ``MAX_*``).
    """
    return [DocxParagraph(*row) for row in _paragraphs(data, name)]


def docx_text(data: bytes, name: str = "<docx>") -> str:
    """The text of the .docx in ``data``: one line per paragraph, each label before its text."""
    return "".join([label + text + "\n" for label, text, *_ in _paragraphs(data, name)])
