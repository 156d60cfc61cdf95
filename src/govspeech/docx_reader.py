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
"""

from __future__ import annotations

import importlib
import io
import zipfile
import zlib
from collections.abc import Iterator
from typing import Any

from attrs import define, field, frozen

from .errors import InputFormatError

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
#: Largest uncompressed part read (zip bombs): far above any real document.xml.
MAX_PART_SIZE = 256 * 1024 * 1024
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_DOCTYPE_MARKS = tuple("<!DOCTYPE".encode(enc) for enc in ("utf-8", "utf-16-le", "utf-16-be"))
_ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_Element = Any


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
    # Word: A..Z, then AA..ZZ, AAA.. (the letter repeated, not base 26)
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else str(n)


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
        value = self.val(el, attr)
        if value is None:
            return None
        try:
            return int(value)
        except ValueError:
            return None

    def on(self, el: _Element | None) -> bool:
        """A toggle property (``<w:isLgl/>``, ``<w:vanish w:val="0"/>``) that is on."""
        return el is not None and self.val(el) not in ("0", "false", "off")


def _parse_part(zf: zipfile.ZipFile, part: str, name: str, required: bool) -> _Element | None:
    try:
        info = zf.getinfo(part)
    except KeyError:
        if required:
            raise InputFormatError(
                f"{name}: not a Word .docx file (the zip archive has no {part})"
            ) from None
        return None
    if info.file_size > MAX_PART_SIZE:
        raise InputFormatError(f"{name}: {part} is too large ({info.file_size} bytes unpacked)")
    try:
        data = zf.read(info)
    except (zipfile.BadZipFile, EOFError, OSError, zlib.error, RuntimeError) as exc:
        raise InputFormatError(f"{name}: corrupt .docx ({part}: {_one_line(exc)})") from None
    except NotImplementedError as exc:
        raise InputFormatError(f"{name}: unsupported .docx ({part}: {_one_line(exc)})") from None
    refused = InputFormatError(
        f"{name}: {part} has a DOCTYPE, which Word never writes; refused (entities are never "
        "expanded)"
    )
    # Markup can hold "<!DOCTYPE" only as a declaration (text would escape the "<"), so a
    # byte search finds one before libxml2 even reads it; the parse below is checked as well.
    if any(mark in data for mark in _DOCTYPE_MARKS):
        raise refused
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise InputFormatError(
            f"{name}: {part} is not well-formed XML ({' '.join(str(exc.msg).split())})"
        ) from None
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None:
        raise refused
    return root


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


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


class _Numbering:
    """Word's list counters over one document, advanced paragraph by paragraph."""

    def __init__(self, w: _Names, root: _Element | None, styles: dict[str, _Style]) -> None:
        self.w = w
        self.styles = styles
        self.abstracts: dict[str, _Abstract] = {}
        self.nums: dict[str, _Num] = {}
        if root is None:
            return
        for an in root.iterfind(w("abstractNum")):
            abstract = _Abstract(style_link=w.val(an.find(w("numStyleLink"))))
            for lvl in an.iterfind(w("lvl")):
                abstract.levels[w.int_val(lvl, "ilvl") or 0] = self._level(lvl)
            self.abstracts[w.val(an, "abstractNumId") or ""] = abstract
        for n in root.iterfind(w("num")):
            num = _Num(abstract_id=w.val(n.find(w("abstractNumId"))) or "")
            for override in n.iterfind(w("lvlOverride")):
                ilvl = w.int_val(override, "ilvl") or 0
                start = w.int_val(override.find(w("startOverride")))
                if start is not None:
                    num.start_overrides[ilvl] = start
                lvl = override.find(w("lvl"))
                if lvl is not None:
                    num.level_overrides[ilvl] = self._level(lvl)
            self.nums[w.val(n, "numId") or ""] = num

    def _level(self, el: _Element) -> _Level:
        w = self.w
        level = _Level()
        start = w.int_val(el.find(w("start")))
        if start is not None:
            level.start = start
        level.fmt = w.val(el.find(w("numFmt"))) or "decimal"
        text = el.find(w("lvlText"))
        if text is not None:
            level.text = "" if w.on(text.find(w("null"))) else (w.val(text) or "")
        level.restart = w.int_val(el.find(w("lvlRestart")))
        level.is_lgl = w.on(el.find(w("isLgl")))
        level.pstyle = w.val(el.find(w("pStyle")))
        return level

    def _abstract(self, num: _Num) -> _Abstract | None:
        abstract = self.abstracts.get(num.abstract_id)
        seen: set[str] = set()
        while abstract is not None and abstract.style_link and abstract.style_link not in seen:
            seen.add(abstract.style_link)
            style = self.styles.get(abstract.style_link)
            target = self.nums.get(style.num_id) if style and style.num_id else None
            if target is None:
                break
            abstract = self.abstracts.get(target.abstract_id)
        return abstract

    @staticmethod
    def _def(num: _Num, abstract: _Abstract, ilvl: int) -> _Level | None:
        return num.level_overrides.get(ilvl) or abstract.levels.get(ilvl)

    def label(self, num_id: str, ilvl: int | None, style_id: str | None) -> str:
        """Count one numbered paragraph and return its label ("" for bullets or none)."""
        num = self.nums.get(num_id)
        abstract = self._abstract(num) if num is not None else None
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
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            deeper_def = self._def(num, abstract, deeper)
            restart = deeper_def.restart if deeper_def is not None else None
            if restart is None or (restart != 0 and ilvl < restart):
                del counters[deeper]
        if level.fmt == "bullet" or not level.text:
            return ""
        out: list[str] = []
        text, i = level.text, 0
        while i < len(text):
            if text[i] == "%" and i + 1 < len(text) and text[i + 1] in "123456789":
                k = int(text[i + 1]) - 1
                k_def = self._def(num, abstract, k)
                n = counters.get(k, k_def.start if k_def is not None else 1)
                fmt = k_def.fmt if k_def is not None else "decimal"
                if level.is_lgl and fmt != "none":
                    fmt = "decimal"
                out.append(format_number(n, fmt))
                i += 2
            else:
                out.append(text[i])
                i += 1
        return "".join(out)


def _styles(w: _Names, root: _Element | None) -> tuple[dict[str, _Style], str | None]:
    """The styles by id, and the id of the default paragraph style."""
    styles: dict[str, _Style] = {}
    default: str | None = None
    if root is None:
        return styles, None
    for el in root.iterfind(w("style")):
        style = _Style(based_on=w.val(el.find(w("basedOn"))))
        ppr = el.find(w("pPr"))
        if ppr is not None:
            numpr = ppr.find(w("numPr"))
            if numpr is not None:
                style.num_id = w.val(numpr.find(w("numId")))
                style.ilvl = w.int_val(numpr.find(w("ilvl")))
            style.outline = w.int_val(ppr.find(w("outlineLvl")))
        sid = w.val(el, "styleId") or ""
        styles[sid] = style
        if w.val(el, "type") == "paragraph" and w.val(el, "default") in ("1", "true", "on"):
            default = sid
    return styles, default


def _chain(styles: dict[str, _Style], sid: str | None) -> Iterator[_Style]:
    seen: set[str] = set()
    while sid and sid in styles and sid not in seen:
        seen.add(sid)
        yield styles[sid]
        sid = styles[sid].based_on


# --------------------------------------------------------------------------- the body
class _Body:
    def __init__(self, w: _Names) -> None:
        self.w = w
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

    def blocks(self, root: _Element) -> Iterator[tuple[_Element, bool]]:
        """(paragraph, in a table) in body order, iteratively (tables nest)."""
        w = self.w
        stack: list[tuple[Iterator[_Element], bool]] = [(iter(root), False)]
        while stack:
            children, in_table = stack[-1]
            el = next(children, None)
            if el is None:
                stack.pop()
                continue
            if el.tag == w("p"):
                yield el, in_table
            elif el.tag in self.containers:
                stack.append((iter(el), in_table or el.tag == w("tbl")))

    def text(self, p: _Element) -> str:
        w = self.w
        parts: list[str] = []
        stack: list[Iterator[_Element]] = [iter(p)]
        while stack:
            el = next(stack[-1], None)
            if el is None:
                stack.pop()
                continue
            tag = el.tag
            if not isinstance(tag, str) or tag in self.skip:
                continue
            if tag == w("t"):
                parts.append(el.text or "")
            elif tag in (w("tab"), w("ptab")):
                parts.append("\t")
            elif tag in (w("br"), w("cr")):
                if w.val(el, "type") in (None, "textWrapping"):
                    parts.append("\n")
            elif tag == w("noBreakHyphen"):
                parts.append("\u2011")
            elif tag == w("r"):
                if not w.on(el.find(w("rPr") + "/" + w("vanish"))):
                    stack.append(iter(el))
            else:  # hyperlink, fldSimple, smartTag, sdt, ins, moveTo, ruby base…
                stack.append(iter(el))
        return "".join(parts)


def read_docx(data: bytes, name: str = "<docx>") -> list[DocxParagraph]:
    """The paragraphs of the .docx in ``data``, with their rebuilt numbering labels.

    Raises `InputFormatError` (one line, starting with ``name``) for anything that is not a
    readable .docx.
    """
    if data.startswith(_OLE_SIGNATURE):
        raise InputFormatError(
            f"{name}: a legacy Word .doc/.wps or an encrypted document (OLE compound file), "
            "not a .docx; save it as .docx (without a password)"
        )
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError) as exc:
        if data.startswith(_ZIP_SIGNATURES):
            raise InputFormatError(
                f"{name}: corrupt or truncated .docx ({_one_line(exc)})"
            ) from None
        raise InputFormatError(f"{name}: not a Word .docx file (not a zip archive)") from None
    with zf:
        doc = _parse_part(zf, _DOCUMENT, name, required=True)
        assert doc is not None  # required
        namespace = str(doc.tag)[1:].partition("}")[0] if str(doc.tag).startswith("{") else ""
        if namespace not in _W_NAMESPACES:
            raise InputFormatError(f"{name}: {_DOCUMENT} is not a WordprocessingML document")
        w = _Names(namespace)
        styles, default_style = _styles(w, _parse_part(zf, _STYLES, name, required=False))
        numbering = _Numbering(w, _parse_part(zf, _NUMBERING, name, required=False), styles)
    body_el = doc.find(w("body"))
    if body_el is None:
        raise InputFormatError(f"{name}: {_DOCUMENT} has no w:body")
    body = _Body(w)
    out: list[DocxParagraph] = []
    for p, in_table in body.blocks(body_el):
        ppr = p.find(w("pPr"))
        sid = w.val(ppr.find(w("pStyle"))) if ppr is not None else None
        chain = list(_chain(styles, sid or default_style))
        numpr = ppr.find(w("numPr")) if ppr is not None else None
        num_id = w.val(numpr.find(w("numId"))) if numpr is not None else None
        ilvl = w.int_val(numpr.find(w("ilvl"))) if numpr is not None else None
        if num_id is None:
            style = next((s for s in chain if s.num_id is not None), None)
            if style is not None:
                num_id = style.num_id
                if ilvl is None:
                    ilvl = style.ilvl
        elif ilvl is None:
            ilvl = 0
        outline = w.int_val(ppr.find(w("outlineLvl"))) if ppr is not None else None
        if outline is None:
            outline = next((s.outline for s in chain if s.outline is not None), None)
        if outline is not None and not 0 <= outline <= 8:
            outline = None  # 9 is body text
        label = ""
        if num_id is not None and num_id != "0":
            label = numbering.label(num_id, ilvl, sid or default_style)
        out.append(DocxParagraph(label, body.text(p), sid, outline, in_table))
    return out


def docx_text(data: bytes, name: str = "<docx>") -> str:
    """The text of the .docx in ``data``: one line per paragraph, each label before its text."""
    return "".join(p.line + "\n" for p in read_docx(data, name))
